import PIMEngine
import Reports
import TenantModel
import Testing
import TestSupport

/// Audit records of administrators' actions.
@Suite("Audit log: administrators' actions")
struct AdminAuditTests: AuditRecordReading {
    @Test("cancel, revoke and extend by an administrator, and a refusal, with Entra's activity names")
    func adminActions() throws {
        let scenario = try makeScenario(header(horizon: "3d") + """
        tenant: {users: [{id: alice}, {id: ann}, {id: bo}, {id: carol}]}
        policies:
          default: {activation: {requireMFA: true}}
          roles:
            Global Administrator: {activation: {requireApproval: true, approvers: [carol]}}
        behaviour: {approvers: {responseTime: 2h}}
        assignments:
          - {principal: alice, role: Global Administrator, type: eligible}
          - {principal: alice, role: User Administrator, type: eligible, duration: 2d}
          - {principal: ann, role: Privileged Role Administrator, type: active}
        workload:
          - {at: 1h, activate: {user: alice, role: Global Administrator, duration: 1h}}
          - {at: 4h, activate: {user: alice, role: User Administrator, duration: 2h}}
        events:
          - {at: 2h, cancelRequest: {user: alice, role: Global Administrator, by: ann}}
          - {at: 5h, revokeActivation: {user: alice, role: User Administrator, by: ann}}
          - {at: 6h, adminExtend: {principal: alice, role: User Administrator, duration: 1d, by: ann}}
          - {at: 7h, revokeActivation: {user: alice, role: User Administrator, by: bo}}
        """)
        let all = records(scenario)
        let lines = all.map(line)
        #expect(lines == [
            "2026-03-02T01:00:00Z Add member to role requested (PIM activation) [success] by alice@pimsim.example",
            "2026-03-02T01:00:00Z Add member to role approval requested (PIM activation) [success] by alice@pimsim.example",
            "2026-03-02T02:00:00Z Add member to role canceled (PIM activation) [success] by ann@pimsim.example",
            "2026-03-02T04:00:00Z Add member to role requested (PIM activation) [success] by alice@pimsim.example",
            "2026-03-02T04:00:00Z Add member to role completed (PIM activation) [success] by alice@pimsim.example",
            "2026-03-02T05:00:00Z Remove member from role in PIM completed (timebound) [success] by ann@pimsim.example",
            "2026-03-02T06:00:00Z Update eligible member in PIM requested (extend) [success] by ann@pimsim.example",
            "2026-03-02T07:00:00Z Remove member from role in PIM requested (timebound) [failure] by bo@pimsim.example",
        ])
        // The cancellation and the removal share their request's correlation id.
        #expect(string(all[2], "correlationId") == string(all[0], "correlationId"))
        #expect(string(all[5], "correlationId") == string(all[3], "correlationId"))
        // The extension's new end: 2d + 1d after the start.
        #expect(detail(all[6], "ExpirationTime") == "2026-03-05T00:00:00Z")
        #expect(string(all[7], "resultReason") == "The administrator holds neither Privileged Role Administrator nor Global Administrator")
    }
}
