import Foundation
import ScenarioFormat
import TenantImport
import TenantModel
import Testing
import TestSupport

/// AzureHound's output, read into the same collections as a Graph export.
@Suite("Import from AzureHound")
struct AzureHoundImportTests {
    static let file = repositoryRoot.appendingPathComponent("Tests/TenantImportTests/Fixtures/azurehound.json").path

    @Test("users, groups joined with members recorded before them, roles, policies, apps; ids back in Graph's casing")
    func mapping() throws {
        let result = GraphImporter.importScenario(GraphExport.read(paths: [Self.file]), options: ImportOptions(name: "kestrel"))
        let yaml = try #require(result.yaml)
        let scenario = try makeScenario(yaml)
        let users = scenario.tenant.users
        #expect(users.map(\.id) == ["975d8cba-c0ba-4e79-848f-dfc9b2829097", "0b1f3790-be06-42fd-9aaf-6ec4a380626b",
                                    "f99e6ae5-c3c7-4558-bad3-67d4ab3e1d35", "46d1d9af-3dd4-40f3-951b-c8cc9eddb5e7"])
        // Upper-cased display names give way to the user principal name.
        #expect(users[0].name == "oliver.grant@kestrel-logistics.com")
        // aiko has no accountEnabled: AzureHound drops false values, so the account is disabled.
        #expect(scenario.events.count == 1)
        #expect(scenario.tenant.groups.first?.members.map { users[$0.int].id } == ["0b1f3790-be06-42fd-9aaf-6ec4a380626b"])
        #expect(scenario.tenant.groups.first?.roleAssignable == true)
        func describe(_ assignment: Assignment) -> String {
            switch assignment.principal {
            case .user(let user): return "\(users[user.int].id.prefix(4)) \(scenario.roles[assignment.role.int].name) \(assignment.type.rawValue)"
            case .group(let group): return "\(scenario.tenant.groups[group.int].id.prefix(4)) \(scenario.roles[assignment.role.int].name) \(assignment.type.rawValue)"
            }
        }
        // oliver's active Global Administrator is an activation in progress (he is eligible): left out.
        #expect(scenario.assignments.map(describe) == [
            "975d Global Administrator eligible", "f99e Global Administrator active", "a3d1 User Administrator active",
        ])
        let ga = try #require(scenario.globalAdministrator)
        #expect(scenario.policies[ga].activation.maxDuration == 7200)
        #expect(scenario.policies[ga].activation.approvers == [.user(UserIndex(2))])
        #expect(scenario.tenant.applications.first?.owners == [UserIndex(3)])
        #expect(scenario.tenant.servicePrincipals.first?.application == 0)
        let warnings = result.diagnostics.map(\.message)
        #expect(warnings.contains("1 active assignments of principals also eligible for the role are taken as activations in progress and left out"))
        #expect(warnings.contains("AzureHound collects no managers, no end times (every assignment looks permanent), no PIM for Groups and no audit history"))
        // The newest time is the eligibility's start, 2025-01-20T10:04:31Z: the scenario starts the next midnight.
        #expect(scenario.startEpoch == 1_737_417_600)
    }
}
