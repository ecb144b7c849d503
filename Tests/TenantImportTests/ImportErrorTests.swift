import Foundation
import ScenarioFormat
import TenantImport
import TenantModel
import Testing
import TestSupport

/// Contradictions are errors naming the file and the JSON pointer; gaps are warnings.
@Suite("Import errors and warnings")
struct ImportErrorTests {
    /// Writes `files` (name → JSON text) into a new folder and imports it.
    static func importing(_ files: [String: String], start: Int64? = 1_772_668_800) throws -> (ImportResult, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pimsim-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let export = GraphExport.read(paths: [folder.path])
        return (GraphImporter.importScenario(export, options: ImportOptions(start: start)), folder.path)
    }

    static let users = #"{"value": [{"id": "u1", "displayName": "Ann"}, {"id": "u2"}]}"#

    @Test("a group that is not role-assignable holding a role, and an unknown role id, are errors at their pointers")
    func contradictions() throws {
        let (result, folder) = try Self.importing([
            "users.json": Self.users,
            "groups.json": #"{"value": [{"id": "g1", "displayName": "Ops", "isAssignableToRole": false}]}"#,
            "roleDefinitions.json": #"{"value": []}"#,
            "roleEligibilitySchedules.json": """
            {"value": [
              {"id": "s1", "principalId": "g1", "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10", "directoryScopeId": "/"},
              {"id": "s2", "principalId": "u1", "roleDefinitionId": "00000000-dead-beef-0000-000000000000", "directoryScopeId": "/"},
              {"id": "s3", "principalId": "nobody", "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10"}
            ]}
            """,
        ])
        #expect(result.yaml == nil)
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(messages == [
            "\(folder)/roleEligibilitySchedules.json: /value/0/principalId: error: group 'g1' holds 'Global Administrator' but is not role-assignable (isAssignableToRole is false)",
            "\(folder)/roleEligibilitySchedules.json: /value/1/roleDefinitionId: error: role '00000000-dead-beef-0000-000000000000' is neither in pimsim's built-in catalogue nor among the export's roleDefinitions",
            "\(folder)/roleEligibilitySchedules.json: /value/2/principalId: error: principal 'nobody' is not among the export's users, groups or service principals",
        ])
    }

    @Test("an instance whose schedule is missing is an error; an AU scope on Global Administrator too")
    func instancesAndScopes() throws {
        let (result, folder) = try Self.importing([
            "users.json": Self.users,
            "roleEligibilitySchedules.json": """
            {"value": [{"id": "s1", "principalId": "u1", "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10",
                        "directoryScopeId": "/administrativeUnits/au1"}]}
            """,
            "roleEligibilityScheduleInstances.json": #"{"value": [{"id": "i1", "roleEligibilityScheduleId": "s9"}]}"#,
        ])
        let errors = Set(result.diagnostics.filter { $0.severity == .error }.map(\.description))
        #expect(errors == [
            "\(folder)/roleEligibilitySchedules.json: /value/0/directoryScopeId: error: 'Global Administrator' is scoped to administrative unit '/administrativeUnits/au1', which Entra allows only for AU-assignable roles",
            "\(folder)/roleEligibilityScheduleInstances.json: /value/0/roleEligibilityScheduleId: error: instance of eligibility schedule 's9', which is not among the roleEligibilitySchedules",
        ])
    }

    @Test("missing collections are warnings saying what the scenario lacks; the scenario still validates")
    func missingCollections() throws {
        let (result, _) = try Self.importing(["users.json": Self.users])
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains("no 'roleEligibilitySchedules' collection: the scenario will lack eligible role assignments"))
        #expect(warnings.contains("no 'groups' collection: the scenario will lack groups and their members"))
        let yaml = try #require(result.yaml)
        let scenario = try makeScenario(yaml)
        #expect(scenario.tenant.users.map(\.id) == ["u1", "u2"])
    }

    @Test("syntax errors and unknown files: the file named, nothing half-read")
    func badFiles() throws {
        let (result, folder) = try Self.importing([
            "users.json": #"{"value": [{"id": "u1"}"#,
            "notes.json": #"{"hello": 1}"#,
        ])
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("\(folder)/users.json: error: not valid JSON") })
        #expect(messages.contains { $0.hasPrefix("\(folder)/notes.json: warning: skipped") })
        #expect(result.yaml == nil)
    }

    @Test("without --at and without any time in the export, the start must be given")
    func noStart() throws {
        let (result, _) = try Self.importing(["users.json": Self.users], start: nil)
        #expect(result.diagnostics.map(\.message).contains("cannot tell when the export was taken (no schedule or audit time in it); give the scenario's start with --at"))
    }

    @Test("a bundle (collection → response or pages) and @odata.context identify collections whatever the file name")
    func bundlesAndContexts() throws {
        let bundle = """
        {"users": [{"value": [{"id": "u1"}]}, {"value": [{"id": "u2", "displayName": "Second page"}]}],
         "groups": {"value": [{"id": "g1", "isAssignableToRole": true, "members": [{"id": "u2"}]}]}}
        """
        let (result, _) = try Self.importing([
            "tenant-bundle.json": bundle,
            "export-0001.json": """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignmentSchedules",
             "value": [{"id": "a1", "principalId": "g1", "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10",
                        "assignmentType": "Assigned", "memberType": "Direct",
                        "scheduleInfo": {"startDateTime": "2026-03-01T00:00:00Z", "expiration": {"type": "afterDuration", "duration": "PT4M"}}}]}
            """,
        ])
        let scenario = try makeScenario(try #require(result.yaml))
        #expect(scenario.tenant.users.map(\.id) == ["u1", "u2"])
        #expect(scenario.tenant.groups.first?.members == [UserIndex(1)])
        // A 4-minute assignment breaks Entra's 5-minute minimum: left out with a warning.
        #expect(scenario.assignments.isEmpty)
        #expect(result.diagnostics.contains { $0.message == "an assignment of 4m; Entra's minimum is 5 minutes, left out" })
    }
}

@Suite("Import: names YAML must escape")
struct ImportNameTests {
    @Test("quotes, backslashes, controls, DEL, C1, a byte-order mark and line separators survive the written YAML")
    func awkwardNames() throws {
        let name = "a\"b\\c\td\u{01}e\u{7F}f\u{85}g\u{FEFF}h\u{2028}i: j # k"
        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["value": [["id": "u1", "displayName": name]]]), as: UTF8.self)
        let (result, _) = try ImportErrorTests.importing(["users.json": json])
        let scenario = try makeScenario(try #require(result.yaml))
        #expect(scenario.tenant.users.first?.name == name)
    }
}
