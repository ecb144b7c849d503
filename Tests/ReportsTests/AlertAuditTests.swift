import PIMEngine
import RunPipeline
import Reports
import TenantModel
import Testing
import TestSupport

/// Audit records of PIM alerts: `Triggered PIM alert` and `Resolve PIM alert`.
@Suite("Audit log: PIM alerts")
struct AlertAuditTests: AuditRecordReading {
    @Test("a stale account: triggered at 2 days, resolved by a sign-in at 3 days, triggered again at 5 days")
    func staleAlert() throws {
        let scenario = try makeScenario(header(horizon: "10d") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        policies: {default: {activation: {requireMFA: true}}}
        assignments:
          - {principal: ann, role: Global Administrator, type: active}
          - {principal: bo, role: User Administrator, type: eligible}
        alerts: {staleSignIn: {after: 2d}}
        workload: [{at: 3d, activate: {user: bo, role: User Administrator, duration: 1h}}]
        """)
        let all = records(scenario)
        #expect(all.map(line) == [
            "2026-03-04T00:00:00Z Triggered PIM alert [success] by MS-PIM",
            "2026-03-04T00:00:00Z Triggered PIM alert [success] by MS-PIM",
            "2026-03-05T00:00:00Z Add member to role requested (PIM activation) [success] by bo@pimsim.example",
            "2026-03-05T00:00:00Z Add member to role completed (PIM activation) [success] by bo@pimsim.example",
            "2026-03-05T00:00:00Z Resolve PIM alert [success] by MS-PIM",
            "2026-03-05T01:00:00Z Remove member from role (PIM activation expired) [success] by MS-PIM",
            "2026-03-07T00:00:00Z Triggered PIM alert [success] by MS-PIM",
        ])
        let alerts = [all[0], all[1], all[4], all[6]]
        #expect(alerts.map { detail($0, "AlertId") } == Array(repeating: "StaleSignInAlert", count: 4))
        #expect(alerts.map { detail($0, "Subject") } == ["ann", "bo", "bo", "bo"])
        #expect(alerts.map { detail($0, "IncidentStartTime") }
            == ["2026-03-04T00:00:00Z", "2026-03-04T00:00:00Z", "2026-03-04T00:00:00Z", "2026-03-07T00:00:00Z"])
        #expect(alerts.allSatisfy { string($0, "category") == "RoleManagement" })
        #expect(all[1].value(at: ["targetResources"]) == .array([.object([
            "id": .string(AuditIdentity(scenario: scenario, seed: 1).objectId(user: UserIndex(1))),
            "displayName": .string("bo"), "type": .string("User"), "userPrincipalName": .string("bo@pimsim.example"),
        ])]))
        // One incident, one correlation id: bo's trigger and resolve share it; the new incident has its own.
        #expect(string(all[1], "correlationId") == string(all[4], "correlationId"))
        #expect(string(all[6], "correlationId") != string(all[4], "correlationId"))
        #expect(string(all[0], "correlationId") != string(all[1], "correlationId"))
    }

    @Test("the governance quarter: alert records are in time order with the rest, CISA checks are not logged")
    func governanceOrder() throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/governance.yaml").path
        let scenario = try #require(Pipeline.load(path: path).scenario)
        let all = records(scenario)
        let times = all.compactMap { string($0, "activityDateTime") }
        #expect(times == times.sorted())
        let alerts = all.filter { ["Triggered PIM alert", "Resolve PIM alert"].contains(string($0, "activityDisplayName") ?? "") }
        #expect(!alerts.isEmpty)
        #expect(alerts.allSatisfy { !(detail($0, "AlertId") ?? "CISA").hasPrefix("CISA") })
        // As many triggers as PIM-alert incidents in metrics.json, and a resolve for each one closed.
        let incidents = Pipeline.simulate(scenario).alerts.filter { !$0.alert.hasPrefix("CISA") }
        #expect(alerts.filter { string($0, "activityDisplayName") == "Triggered PIM alert" }.count == incidents.count)
        #expect(alerts.filter { string($0, "activityDisplayName") == "Resolve PIM alert" }.count == incidents.filter { $0.to != nil }.count)
        // The same bytes on a second run.
        #expect(all.map { $0.renderedCompact() } == records(scenario).map { $0.renderedCompact() })
    }
}
