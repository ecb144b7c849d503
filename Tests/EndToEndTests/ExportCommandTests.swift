import Foundation
import Testing
import TestSupport

@Suite("pimsim export, end to end")
struct ExportCommandTests {
    @Test("--format graph to standard output: the same bytes twice, alice's activation at 1d9h45m")
    func graphBundle() throws {
        let arguments = ["export", "Scenarios/quickstart.yaml", "--format", "graph", "--at", "1d9h45m", "-o", "-"]
        let first = try Pimsim.run(arguments)
        let second = try Pimsim.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(bundle.keys.sorted() == [
            "applications", "groups", "privilegedAccessGroupAssignmentSchedules", "privilegedAccessGroupEligibilitySchedules",
            "roleAssignmentScheduleInstances", "roleAssignmentSchedules", "roleDefinitions", "roleEligibilityScheduleInstances",
            "roleEligibilitySchedules", "roleManagementPolicies", "roleManagementPolicyAssignments", "servicePrincipals", "users",
        ])
        // Quickstart: Alice asks at 1d09:00, Carol approves at 09:30, GA until 10:30.
        let schedules = try #require((bundle["roleAssignmentSchedules"] as? [String: Any])?["value"] as? [[String: Any]])
        let activated = schedules.filter { $0["assignmentType"] as? String == "Activated" }
        #expect(activated.count == 1)
        let info = try #require(activated.first?["scheduleInfo"] as? [String: Any])
        #expect(info["startDateTime"] as? String == "2026-03-03T09:30:00Z")
        #expect((info["expiration"] as? [String: Any])?["endDateTime"] as? String == "2026-03-03T10:30:00Z")
        #expect(activated.first?["roleDefinitionId"] as? String == "62e90394-69f5-4237-9190-012177145e10")
    }

    @Test("--format opengraph writes a file and says what it wrote")
    func openGraphFile() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pim.json").path
        let result = try Pimsim.run(["export", "Scenarios/quickstart.yaml", "--format", "opengraph", "--at", "1d9h45m",
                                     "--tenant-id", "50A74CFF-026F-4C84-AA8F-F5F8D837115F", "-o", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote \(file) ("))
        #expect(result.stdout.hasSuffix(" edges) at 2026-03-03T09:45:00Z, tenant 50a74cff-026f-4c84-aa8f-f5f8d837115f\n"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(#""source_kind": "PIMSim""#))
        #expect(text.contains(#""value": "62E90394-69F5-4237-9190-012177145E10@50A74CFF-026F-4C84-AA8F-F5F8D837115F""#))
        #expect(text.contains(#""kind": "PIMSim_ActivatedFor""#))
    }

    @Test("bad input: a tenant id that is no GUID, a time after the horizon, a missing -o")
    func badInput() throws {
        let base = ["export", "Scenarios/quickstart.yaml", "--format", "opengraph"]
        let tenant = try Pimsim.run(base + ["--tenant-id", "contoso", "-o", "-"])
        #expect(tenant.status == 2)
        #expect(tenant.stderr.contains("--tenant-id 'contoso' is not a GUID"))
        let late = try Pimsim.run(base + ["--at", "9d", "-o", "-"])
        #expect(late.status == 2)
        #expect(late.stderr.contains("--at '9d' is after the horizon of quickstart"))
        let usage = try Pimsim.run(base)
        #expect(usage.status == 64)
        let format = try Pimsim.run(["export", "Scenarios/quickstart.yaml", "--format", "csv", "-o", "-"])
        #expect(format.status == 64)
    }

    @Test("import → export → import gives the same scenario (bar the source named in the first comment)",
          arguments: [("quickstart", "2026-03-02T00:00:00Z"), ("role-settings", "2026-03-02T00:00:00Z"), ("app-escalation", "2026-03-02T00:00:00Z"),
                      ("governance", "2026-01-05T00:00:00Z"), ("notifications", "2026-03-02T00:00:00Z")])
    func roundTrip(name: String, start: String) throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ file: String) -> String { folder.appendingPathComponent(file).path }
        var scenario = "Scenarios/\(name).yaml"
        var imported: [String] = []
        for round in 1...2 {
            let export = try Pimsim.run(["export", scenario, "--format", "graph", "-o", path("bundle\(round).json")])
            #expect(export.status == 0, "\(export.stderr)")
            let result = try Pimsim.run(["import", path("bundle\(round).json"), "--at", start, "--name", name, "-o", path("imported\(round).yaml")])
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOfFile: path("imported\(round).yaml"), encoding: .utf8)
            imported.append(text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
            scenario = path("imported\(round).yaml")
        }
        #expect(imported[0] == imported[1])
        #expect(imported[0].contains("assignments:"))
    }
}
