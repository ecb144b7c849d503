import Testing
@testable import ScenarioFormat
import TenantModel

/// Entra's bounds on alert windows and on a monthly review's length.
@Suite("Entra's bounds: alert windows, monthly reviews")
struct EntraBoundsErrorTests {
    static let head = """
        start: 2026-03-02T00:00:00Z
        horizon: 90d
        tenant: {users: [{id: alice}]}

        """

    @Test("the stale sign-in alert takes 1 to 365 whole days", arguments: [("0d", false), ("1d", true), ("365d", true), ("366d", false), ("36h", false)])
    func stale(value: String, valid: Bool) {
        let text = Self.head + "alerts: {staleSignIn: {after: \(value)}}\n"
        if valid {
            #expect(scenario(text)?.alerts.staleAfter == TimeSyntax.duration(value).valueOrZero)
        } else {
            // 'alerts: {staleSignIn: {after: 0d}}'
            expect(onlyError(text), line: 4, column: 31, path: "alerts.staleSignIn.after", "1d to 365d", "'\(value)'")
        }
    }

    @Test("the unused-role alert takes 0 to 100 whole days", arguments: [("0d", true), ("100d", true), ("101d", false)])
    func unused(value: String, valid: Bool) {
        let text = Self.head + "alerts: {unusedRoles: {after: \(value)}}\n"
        if valid {
            #expect(scenario(text)?.alerts.unusedAfter == TimeSyntax.duration(value).valueOrZero)
        } else {
            expect(onlyError(text), line: 4, column: 31, path: "alerts.unusedRoles.after", "0d to 100d", "'101d'")
        }
    }

    @Test("a monthly review lasts at most 27 days; its default is 27 days")
    func monthly() {
        let review = """
            reviews:
              - {name: m, roles: [Global Administrator], reviewers: members, recurrence: monthly, duration: DURATION}

            """
        let error = onlyError(Self.head + review.replacingOccurrences(of: "DURATION", with: "28d"))
        // '  - {name: m, roles: [Global Administrator], reviewers: members, recurrence: monthly, duration: 28d}'
        expect(error, line: 5, column: 97, path: "reviews[0].duration", "at most 27 days", "'28d'")
        let days27: Seconds? = 27 * 86_400, days60: Seconds? = 60 * 86_400
        let exactly: Seconds? = scenario(Self.head + review.replacingOccurrences(of: "DURATION", with: "27d"))?.reviews.first?.duration
        #expect(exactly == days27)
        let byDefault: Seconds? = scenario(Self.head + review.replacingOccurrences(of: ", duration: DURATION", with: ""))?.reviews.first?.duration
        #expect(byDefault == days27)
        // Quarterly reviews are bound only by their recurrence.
        let quarterly: Seconds? = scenario(Self.head + review.replacingOccurrences(of: "monthly", with: "quarterly")
            .replacingOccurrences(of: "DURATION", with: "60d"))?.reviews.first?.duration
        #expect(quarterly == days60)
    }
}

extension Result where Success == Seconds {
    /// The value, or 0 for a failure (a test helper).
    var valueOrZero: Seconds { (try? get()) ?? 0 }
}
