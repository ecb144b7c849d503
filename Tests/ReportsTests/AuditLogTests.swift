import Foundation
import PIMEngine
import ExposureMetrics
import RunPipeline
import Reports
import ScenarioFormat
import TenantModel
import Reports
import Testing
import TestSupport

@Suite("Audit log")
struct AuditLogTests {
    func records(_ scenario: Scenario, seed: UInt64 = 1) -> [JSONValue] {
        let builder = AuditLogBuilder(identity: AuditIdentity(scenario: scenario, seed: seed), output: AuditCollector())
        return PIMReplay.run(scenario, seed: seed, sink: builder).sink.output.records
    }

    func string(_ record: JSONValue, _ path: String...) -> String? {
        guard case .string(let text)? = record.value(at: path) else { return nil }
        return text
    }

    /// One line per record: `time activity [result] by initiator`.
    func lines(_ records: [JSONValue]) -> [String] {
        records.map { record in
            let time = string(record, "activityDateTime") ?? "?"
            let activity = string(record, "activityDisplayName") ?? "?"
            let result = string(record, "result") ?? "?"
            let actor = string(record, "initiatedBy", "user", "userPrincipalName") ?? string(record, "initiatedBy", "app", "displayName") ?? "?"
            return "\(time) \(activity) [\(result)] by \(actor)"
        }
    }

    @Test("the quickstart's audit trail, record by record (see the scenario's header comment)")
    func quickstartTimeline() throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/quickstart.yaml").path
        let scenario = try #require(Pipeline.load(path: path).scenario)
        let role = "(PIM activation)"
        #expect(lines(records(scenario)) == [
            // Too many Global Administrators (alice, breakglass1, breakglass2: 3 of 7 assigned
            // user-role pairs, 43 % ≥ 10 %) from the start to the horizon: three incidents, never resolved.
            "2026-03-02T00:00:00Z Triggered PIM alert [success] by MS-PIM",
            "2026-03-02T00:00:00Z Triggered PIM alert [success] by MS-PIM",
            "2026-03-02T00:00:00Z Triggered PIM alert [success] by MS-PIM",
            "2026-03-03T09:00:00Z Add member to role requested \(role) [success] by alice@pimsim.example",
            "2026-03-03T09:00:00Z Add member to role approval requested \(role) [success] by alice@pimsim.example",
            "2026-03-03T09:15:00Z Add member to role requested \(role) [failure] by alice@pimsim.example",
            "2026-03-03T09:30:00Z Add member to role request approved \(role) [success] by carol@pimsim.example",
            "2026-03-03T09:30:00Z Add member to role completed \(role) [success] by alice@pimsim.example",
            "2026-03-03T10:00:00Z Add member to role requested \(role) [success] by dan@pimsim.example",
            "2026-03-03T10:00:00Z Add member to role completed \(role) [success] by dan@pimsim.example",
            "2026-03-03T10:30:00Z Remove member from role (PIM activation expired) [success] by MS-PIM",
            "2026-03-03T18:00:00Z Remove member from role (PIM activation expired) [success] by MS-PIM",
            "2026-03-04T14:00:00Z Add member to role requested \(role) [success] by alice@pimsim.example",
            "2026-03-04T14:00:00Z Add member to role approval requested \(role) [success] by alice@pimsim.example",
            "2026-03-04T14:30:00Z Add member to role request approved \(role) [success] by carol@pimsim.example",
            "2026-03-04T14:30:00Z Add member to role completed \(role) [success] by alice@pimsim.example",
            "2026-03-04T16:30:00Z Remove member from role (PIM activation expired) [success] by MS-PIM",
            "2026-03-05T00:00:00Z Disable account [success] by pimsim scenario",
            "2026-03-05T01:00:00Z Add member to role requested \(role) [failure] by frank@pimsim.example",
            "2026-03-06T09:00:00Z Add member to role requested \(role) [success] by erin@pimsim.example",
            "2026-03-06T09:00:00Z Add member to role completed \(role) [success] by erin@pimsim.example",
            "2026-03-06T10:00:00Z Remove member from group [success] by pimsim scenario",
            "2026-03-06T10:00:00Z Remove member from role completed (PIM deactivate) [success] by MS-PIM",
            "2026-03-08T00:00:00Z Add member to role requested \(role) [success] by carol@pimsim.example",
            "2026-03-08T00:00:00Z Add member to role completed \(role) [success] by carol@pimsim.example",
            "2026-03-08T01:00:00Z Remove member from role (PIM activation expired) [success] by MS-PIM",
        ])
    }

    @Test("every record has the directoryAudit fields; a request's records share its correlation id")
    func fields() throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/leaver-approvals.yaml").path
        let all = records(try #require(Pipeline.load(path: path).scenario))
        let keys = ["id", "activityDateTime", "activityDisplayName", "category", "loggedByService", "operationType",
                    "result", "resultReason", "correlationId", "initiatedBy", "targetResources", "additionalDetails"]
        for record in all {
            guard case .object(let members) = record else {
                Issue.record("not an object: \(record)")
                continue
            }
            #expect(Set(members.keys) == Set(keys))
        }
        #expect(Set(all.compactMap { string($0, "id") }).count == all.count)
        // quinn's first request: requested, approval requested, approved, completed, and its end.
        let quinn = all.filter { record in
            guard case .array(let targets)? = record.value(at: ["targetResources"]) else { return false }
            return targets.contains { $0.value(at: ["userPrincipalName"]) == .string("quinn@pimsim.example") }
        }
        let first = try #require(quinn.first.flatMap { string($0, "correlationId") })
        #expect(quinn.filter { string($0, "correlationId") == first }.compactMap { string($0, "activityDisplayName") } == [
            "Add member to role requested (PIM activation)",
            "Add member to role approval requested (PIM activation)",
            "Add member to role request approved (PIM activation)",
            "Add member to role completed (PIM activation)",
            "Remove member from role (PIM activation expired)",
        ])
        // The expiry, the cancellations and the assignment made and removed by events.
        let activities = all.compactMap { string($0, "activityDisplayName") }
        #expect(activities.filter { $0 == "PIM activation request expired" }.count == 1)
        #expect(activities.filter { $0 == "Add member to role canceled (PIM activation)" }.count == 2)
        #expect(activities.contains("Add member to role in PIM completed (timebound)"))
        #expect(activities.contains("Remove member from role in PIM completed (timebound)"))
        #expect(activities.contains("Remove eligible member from role in PIM completed (permanent)"))
    }

    @Test("ids are GUIDs, stable for a seed and different for another")
    func identities() throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/quickstart.yaml").path
        let scenario = try #require(Pipeline.load(path: path).scenario)
        let once = records(scenario).map { $0.renderedCompact() }
        #expect(once == records(scenario).map { $0.renderedCompact() })
        #expect(once != records(scenario, seed: 2).map { $0.renderedCompact() })
        let id = try #require(string(records(scenario)[0], "id"))
        #expect(id.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil)
        // A scenario id that already is a GUID is kept as the object id.
        let identity = AuditIdentity(scenario: scenario, seed: 1)
        #expect(identity.objectId(role: try #require(scenario.globalAdministrator)) == "62e90394-69f5-4237-9190-012177145e10")
    }
}

@Suite("Audit database")
struct AuditDatabaseTests {
    @Test("--audit-db writes every record with its columns and the documented indexes")
    func sqlite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pimsim-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = repositoryRoot.appendingPathComponent("Scenarios/quickstart.yaml").path
        let scenario = try #require(Pipeline.load(path: path).scenario)
        let database = folder.appendingPathComponent("audit.sqlite").path
        let outcome = try Pipeline.simulate(RunPlan(scenario: scenario), auditPath: folder.appendingPathComponent("audit.jsonl").path, auditDatabase: database)
        #expect(outcome.auditRecords == 26)
        let rows = try AuditQuery.rows(database, "SELECT activityDateTime, activityDisplayName, initiatedByUser, targetUser, targetRole FROM audit WHERE targetRole = 'Global Administrator' AND activityDisplayName LIKE '%completed%' ORDER BY activityDateTime")
        #expect(rows == [
            ["2026-03-03T09:30:00Z", "Add member to role completed (PIM activation)", "alice@pimsim.example", "alice@pimsim.example", "Global Administrator"],
            ["2026-03-04T14:30:00Z", "Add member to role completed (PIM activation)", "alice@pimsim.example", "alice@pimsim.example", "Global Administrator"],
        ])
        #expect(try AuditQuery.rows(database, "SELECT count(*) FROM audit") == [["26"]])
        let indexes = try AuditQuery.rows(database, "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'audit_%' ORDER BY name").map { $0[0] }
        #expect(indexes == ["audit_correlation", "audit_initiator", "audit_role", "audit_target_user", "audit_time"])
    }
}

@Suite("Metric keys")
struct MetricKeyTests {
    @Test("ids, role names and scopes with dots resolve in assertions")
    func dottedKeys() {
        let document = JSONValue.object([
            "users": .object(["ann@contoso.com": .object(["privilegedHours": .number(3)])]),
            "roles": .object(["Global Administrator": .object(["activeHours": .number(2)])]),
            "scopes": .object(["/": .object(["jitHours": .number(1)]), "/au.emea": .object(["jitHours": .number(4)])]),
        ])
        #expect(MetricsDocument.value(of: "users.ann@contoso.com.privilegedHours", in: document) == .number(3))
        #expect(MetricsDocument.value(of: "roles.Global Administrator.activeHours", in: document) == .number(2))
        #expect(MetricsDocument.value(of: "scopes./au.emea.jitHours", in: document) == .number(4))
        #expect(MetricsDocument.value(of: "users.ann.privilegedHours", in: document) == nil)
    }
}
