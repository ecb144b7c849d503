import Testing
@testable import ScenarioFormat
import TenantModel

/// Durations and timestamps (contract: "Conventions", Time).
@Suite struct TimeSyntaxTests {
    // MARK: Durations

    @Test(arguments: [
        ("90s", 90), ("45m", 2_700), ("8h", 28_800), ("14d", 1_209_600), ("2w", 1_209_600),
        ("1d9h30m", 86_400 + 9 * 3_600 + 30 * 60), ("1.5h", 5_400), ("2w1d", 1_296_000),
        ("0", 0), ("0s", 0), (" 8h ", 28_800),
    ] as [(String, Int64)])
    func compactDurations(text: String, seconds: Int64) {
        #expect(TimeSyntax.duration(text) == .success(seconds))
    }

    @Test(arguments: [
        ("PT8H", 28_800), ("P14D", 1_209_600), ("P1DT9H", 118_800), ("P2W", 1_209_600),
        ("PT1H45M", 6_300), ("PT0.5H", 1_800), ("PT90S", 90), ("PT0,5H", 1_800),
    ] as [(String, Int64)])
    func isoDurations(text: String, seconds: Int64) {
        #expect(TimeSyntax.duration(text) == .success(seconds))
    }

    /// Every refused duration, with the part of the message that says why.
    @Test(arguments: [
        ("P1M", "months and years are not durations"),
        ("P1Y", "months and years are not durations"),
        ("1y", "months and years are not durations"),
        ("1M", "months and years are not durations"),
        ("90", "'90' has no unit; write '90s', '90m', '90h' or '90d'"),
        ("30m1h", "write each unit once, largest first"),
        ("1h1h", "write each unit once, largest first"),
        ("-1h", "a negative duration '-1h'; durations are never negative"),
        ("-PT1H", "durations are never negative"),
        ("", "an empty duration"),
        ("   ", "an empty duration"),
        ("1.5s", "'1.5s' is not a whole number of seconds"),
        ("pt8h", "ISO 8601 durations start with an upper-case 'P'"),
        ("8x", "'8x' is not a duration; expected a compact duration"),
        ("h", "'h' is not a duration"),
        ("P", "'P' is not a duration"),
        ("PT", "'PT' is not a duration"),
        ("PT8", "'PT8' is not a duration"),
        ("P8H", "'P8H' is not a duration"),
        ("1001y", "months and years"),
        ("52200w", "longer than the 1000 years"),
    ])
    func refusedDurations(text: String, message: String) {
        guard case .failure(let error) = TimeSyntax.duration(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.message.contains(message), "\(error.message)")
    }

    /// ISO 8601 requires at least one time component after 'T' ("P1DT" is not a valid duration).
    @Test func isoDesignatorTWithoutTimeComponentIsRefused() {
        for text in ["P1DT", "PT"] {
            guard case .failure = TimeSyntax.duration(text) else {
                Issue.record("'\(text)' was accepted as \(TimeSyntax.duration(text))")
                continue
            }
        }
        // Units out of order or repeated are refused, as in the compact form.
        for text in ["PT30M1H", "PT1H1H", "P1DT1H30S15M"] {
            guard case .failure(let error) = TimeSyntax.duration(text) else {
                Issue.record("'\(text)' was accepted as \(TimeSyntax.duration(text))")
                continue
            }
            #expect(error.message.contains("largest first"), "\(error.message)")
        }
    }

    // MARK: Timestamps

    /// 2026-03-02 is 20 514 days after 1970-01-01:
    /// 56 whole years 1970...2025 are 56 × 365 = 20 440 days, plus 14 leap days
    /// (1972, 76, 80, 84, 88, 92, 96, 2000, 04, 08, 12, 16, 20, 24) = 20 454 days to 2026-01-01;
    /// January (31) + February (28, 2026 is not a leap year) + 1 day into March = 60 more.
    /// 20 514 × 86 400 = 1 772 409 600.
    static let march2 = Int64(20_514) * 86_400

    @Test func epochArithmetic() {
        #expect(Self.march2 == 1_772_409_600)
        #expect(TimeSyntax.timestamp("1970-01-01T00:00:00Z") == .success(0))
    }

    @Test(arguments: [
        ("2026-03-02T00:00:00Z", march2),
        ("2026-03-02", march2),
        ("2026-03-02T02:00:00+02:00", march2),
        ("2026-03-02T02:00:00+0200", march2),
        ("2026-03-01T19:00:00-05:00", march2),
        ("2026-03-02T00:00:00.000Z", march2),
        ("2026-03-02T00:00Z", march2),
        ("2026-03-02T00:00:00", march2),
        ("2026-03-02t00:00:00z", march2),
        ("2026-03-02T09:30:15Z", march2 + 9 * 3_600 + 30 * 60 + 15),
        ("2026-03-02T00:00:00+02:00", march2 - 7_200),
        ("2024-02-29T00:00:00Z", Int64(19_782) * 86_400),
        ("1969-12-31T23:59:59Z", -1),
    ] as [(String, Int64)])
    func timestamps(text: String, epoch: Int64) {
        #expect(TimeSyntax.timestamp(text) == .success(epoch))
    }

    @Test(arguments: [
        ("2026-02-30", "names a day that does not exist"),
        ("2026-02-29T00:00:00Z", "names a day that does not exist"),
        ("2026-13-01", "names a day that does not exist"),
        ("2026-03-02T00:00:00.5Z", "has a fraction of a second"),
        ("2026-03-02T24:00:00Z", "time of day out of range"),
        ("2026-03-02T00:60:00Z", "time of day out of range"),
        ("2026-03-02T00:00:00Q", "is not a timestamp"),
        ("2026-3-2", "is not a timestamp"),
        ("2026-03-02T00:00:00.Z", "is not a timestamp"),
        ("2026-03-02T00:00:00Z extra", "is not a timestamp"),
    ])
    func refusedTimestamps(text: String, message: String) {
        guard case .failure(let error) = TimeSyntax.timestamp(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.message.contains(message), "\(error.message)")
    }

    // MARK: Times in a document

    /// A time is a timestamp (relative to start) or an offset; a bad one says it is not a time.
    @Test func timesInTheDocument() throws {
        let text = """
            start: 2026-03-02T06:00:00Z
            horizon: P30D
            tenant: {users: [{id: alice}]}
            events:
              - {at: 2026-03-02T07:00:00+01:00, leave: alice}
              - {at: 0, leave: alice}
              - {at: PT1H30M, leave: alice}
            """
        let model = try #require(scenario(text))
        #expect(model.startEpoch == Self.march2 + 6 * 3_600)
        #expect(model.horizon == 30 * 86_400)
        #expect(model.events.map(\.at) == [0, 0, 5_400])

        let bad = onlyError("""
            start: 2026-03-02T00:00:00Z
            horizon: 30d
            tenant: {users: [{id: alice}]}
            events:
              - {at: tomorrow, leave: alice}
            """)
        expect(bad, line: 5, column: 10, path: "events[0].at",
               "'tomorrow' is not a time; expected a timestamp such as '2026-03-02T09:00:00Z', or an offset from start")
    }
}
