import Testing
@testable import ScenarioFormat
import TenantModel

/// Validation of the administrators' actions in `events`.
@Suite("Administrators' actions: decoding and errors")
struct AdminEventErrorTests {
    static let head = """
        start: 2026-03-02T00:00:00Z
        horizon: 30d
        tenant: {users: [{id: alice}, {id: admin}]}
        assignments: [{principal: alice, role: User Administrator, type: eligible, duration: 10d}]
        events:

        """

    @Test("each action decodes with its administrator, or none")
    func decodes() throws {
        let decoded = try #require(scenario(Self.head + """
              - {at: 1d, cancelRequest: {user: alice, role: User Administrator, by: admin}}
              - {at: 2d, revokeActivation: {user: alice, role: User Administrator}}
              - {at: 3d, adminExtend: {principal: alice, role: User Administrator, type: eligible, duration: 5d, by: admin}}
              - {at: 4d, adminExtend: {principal: alice, role: User Administrator, end: 20d}}
            """))
        let alice = UserIndex(0), admin = UserIndex(1)
        let role = try #require(decoded.roleIndex("User Administrator"))
        let expected: [EventAction] = [
            .cancelRequest(user: alice, role: role, by: admin),
            .revokeActivation(user: alice, role: role, by: nil),
            .adminExtend(RemovalFilter(principal: .user(alice), role: role, type: .eligible, scope: nil), .by(5 * 86_400), by: admin),
            .adminExtend(RemovalFilter(principal: .user(alice), role: role, type: nil, scope: nil), .until(20 * 86_400), by: nil),
        ]
        let actions = decoded.events.map(\.action)
        #expect(actions == expected)
    }

    @Test("an unknown administrator is reported at 'by' with the nearest id")
    func unknownAdministrator() {
        let error = onlyError(Self.head + """
              - {at: 1d, cancelRequest: {user: alice, role: User Administrator, by: admn}}
            """)
        expect(error, line: 6, column: 73, path: "events[0].cancelRequest.by", "unknown user 'admn'", "admin")
    }

    @Test("a misspelt key gets a suggestion")
    func misspeltKey() {
        let error = onlyError(Self.head + """
              - {at: 1d, revokeActivation: {user: alice, role: User Administrator, bye: admin}}
            """)
        expect(error, line: 6, column: 72, path: "events[0].revokeActivation.bye", "'bye'", "'by'")
    }

    @Test("adminExtend needs end or duration, one of them, and an end after the event")
    func extendErrors() {
        let missing = onlyError(Self.head + """
              - {at: 1d, adminExtend: {principal: alice, role: User Administrator}}
            """)
        expect(missing, line: 6, column: 27, path: "events[0].adminExtend", "missing 'end'", "'duration'")
        let both = onlyError(Self.head + """
              - {at: 1d, adminExtend: {principal: alice, role: User Administrator, end: 5d, duration: 1d}}
            """)
        expect(both, line: 6, column: 91, path: "events[0].adminExtend.duration", "either 'end' or 'duration'")
        let early = onlyError(Self.head + """
              - {at: 2d, adminExtend: {principal: alice, role: User Administrator, end: 1d}}
            """)
        expect(early, line: 6, column: 77, path: "events[0].adminExtend.end", "'1d'", "not after the event")
        let zero = onlyError(Self.head + """
              - {at: 2d, adminExtend: {principal: alice, role: User Administrator, duration: 0s}}
            """)
        expect(zero, line: 6, column: 82, path: "events[0].adminExtend.duration", "'0s'", "longer than zero")
    }
}
