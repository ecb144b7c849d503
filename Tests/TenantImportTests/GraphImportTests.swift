import Foundation
import ScenarioFormat
import TenantImport
import TenantModel
import Testing
import TestSupport

/// Importing a Microsoft Graph export: each collection's mapping, by hand.
@Suite("Import from Microsoft Graph")
struct GraphImportTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/TenantImportTests/Fixtures").path
    static let alice = "11111111-1111-1111-1111-111111111111", bob = "22222222-2222-2222-2222-222222222222"
    static let carol = "33333333-3333-3333-3333-333333333333", dave = "44444444-4444-4444-4444-444444444444"
    static let breakGlass = "55555555-5555-5555-5555-555555555555", tier0 = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"
    static let ops = "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb", sp = "ffffffff-ffff-ffff-ffff-ffffffffffff"
    static let app = "eeeeeeee-eeee-eeee-eeee-eeeeeeeeeeee"

    /// Imports the contoso fixture folder and decodes the written scenario.
    static func contoso() throws -> (result: ImportResult, scenario: Scenario) {
        let export = GraphExport.read(paths: [fixtures + "/contoso"])
        let result = GraphImporter.importScenario(export, options: ImportOptions(name: "contoso", sources: ["contoso/"]))
        guard let yaml = result.yaml else { throw FixtureError(result.diagnostics.map(\.description).joined(separator: "\n")) }
        return (result, try makeScenario(yaml))
    }

    @Test("the written scenario matches its reviewed golden file")
    func golden() throws {
        let (result, _) = try Self.contoso()
        try Golden.check(result.yaml ?? "", against: "Tests/TenantImportTests/Golden/contoso.yaml")
    }

    @Test("users: pages concatenated, display names, managers, a disabled account leaves at the start")
    func users() throws {
        let (_, scenario) = try Self.contoso()
        #expect(scenario.tenant.users.map(\.id) == [Self.alice, Self.bob, Self.carol, Self.dave, Self.breakGlass])
        #expect(scenario.tenant.users[0].name == "Alice Adams")
        #expect(scenario.tenant.users[1].name == "Bob \"Ops\" Brown")
        #expect(scenario.tenant.users[0].manager.map { scenario.tenant.users[$0.int].id } == Self.carol)
        #expect(scenario.events.count == 1)
        if case .leave(let user) = scenario.events.first?.action { #expect(scenario.tenant.users[user.int].id == Self.dave) }
        #expect(scenario.events.first?.at == 0)
        // 2026-03-04T23:00:00Z is the newest time in the export: the scenario starts at the next midnight.
        #expect(scenario.startEpoch == 1_772_668_800)
    }

    @Test("groups: members and owners from two pages merged by id; service principals and nested groups apart")
    func groups() throws {
        let (result, scenario) = try Self.contoso()
        let groups = scenario.tenant.groups
        #expect(groups.map(\.id) == [Self.tier0, Self.ops])
        #expect(groups[0].roleAssignable && !groups[1].roleAssignable)
        #expect(groups[0].members.map { scenario.tenant.users[$0.int].id } == [Self.bob])
        #expect(groups[0].owners.map { scenario.tenant.users[$0.int].id } == [Self.carol])
        #expect(groups[1].members.map { scenario.tenant.users[$0.int].id } == [Self.alice, Self.dave])
        #expect(result.yaml?.contains("# Note: 1 group-in-group memberships are left out") == true)
    }

    @Test("role definitions: built-in roles by template id, custom roles with their permissions")
    func roles() throws {
        let (_, scenario) = try Self.contoso()
        let custom = scenario.roles.filter { !$0.builtIn && $0.groupAccess == nil }
        #expect(custom.map(\.name) == ["Contoso App Credential Manager"])
        #expect(custom.first?.permissions == ["microsoft.directory/applications/credentials/update", "microsoft.directory/applications/basic/read"])
        #expect(custom.first?.privileged == true)
    }

    @Test("schedules: eligible and active, group principals, scopes, expirations; group-inherited ones skipped; outside-PIM instances")
    func assignments() throws {
        let (_, scenario) = try Self.contoso()
        func describe(_ assignment: Assignment) -> String {
            let principal: String
            switch assignment.principal {
            case .user(let user): principal = scenario.tenant.users[user.int].id
            case .group(let group): principal = scenario.tenant.groups[group.int].id
            }
            let end = assignment.end.map { String($0) } ?? "permanent"
            return "\(principal.prefix(4)) \(scenario.roles[assignment.role.int].name) \(assignment.type.rawValue) \(assignment.scope) \(assignment.start)..\(end)\(assignment.outsidePIM ? " outsidePIM" : "")"
        }
        let start: Int64 = 1_772_668_800
        // Times relative to the start (2026-03-05T00:00:00Z), in seconds.
        let jan10 = 1_768_032_000 - start, feb1 = 1_769_904_000 - start, feb15 = 1_771_147_800 - start
        let jun1 = 1_780_272_000 - start, mar1noon = 1_772_366_400 - start, feb20 = 1_771_581_600 - start
        let jun2025 = 1_748_736_000 - start
        #expect(scenario.assignments.map(describe) == [
            "1111 Global Administrator eligible / \(jan10)..permanent",
            "aaaa Privileged Role Administrator eligible / \(feb1)..\(jun1)",
            "2222 Helpdesk Administrator eligible /administrativeUnits/dddddddd-dddd-dddd-dddd-dddddddddddd \(feb15)..\(feb15 + 180 * 86_400)",
            "3333 Contoso App Credential Manager eligible / \(mar1noon)..permanent",
            "5555 Global Administrator active / \(jun2025)..permanent",
            "4444 Exchange Administrator active / \(feb20)..permanent outsidePIM",
            "1111 bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb (member) eligible / \(feb1)..\(1_801_440_000 - start)",
        ])
    }

    @Test("an activation in effect at the export is requested again at the start for what is left of it")
    func activations() throws {
        let (_, scenario) = try Self.contoso()
        #expect(scenario.requests.count == 1)
        let request = try #require(scenario.requests.first)
        #expect(scenario.tenant.users[request.user.int].id == Self.alice)
        #expect(scenario.roles[request.role.int].name == "Global Administrator")
        #expect(request.at == 0 && request.duration == 5400)
    }

    @Test("policies: only what differs from Entra's defaults, approvers by user id")
    func policies() throws {
        let (result, scenario) = try Self.contoso()
        let ga = try #require(scenario.globalAdministrator)
        let policy = scenario.policies[ga]
        #expect(policy.activation.maxDuration == 7200)
        #expect(policy.activation.requireMFA && policy.activation.requireJustification && policy.activation.requireTicket)
        #expect(policy.activation.requireApproval)
        #expect(policy.activation.approvers == [.user(UserIndex(2))])
        #expect(!policy.eligibleAssignment.allowPermanent && policy.eligibleAssignment.maxDuration == 180 * 86_400)
        #expect(policy.activeAssignment.allowPermanent)
        // Notification rules: a monitored mailbox on activation alerts; the assignee's eligibility email off.
        #expect(policy.notifications[.activation, .admin].additionalRecipients == ["secops@contoso.com"])
        #expect(policy.notifications[.eligibleAssignment, .requestor] == NotificationRule(defaultRecipients: false, additionalRecipients: [], level: .critical))
        #expect(policy.notifications[.activeAssignment, .approver] == .defaults)
        // Helpdesk Administrator's policy equals the defaults: not written.
        #expect(result.yaml?.contains("\"Helpdesk Administrator\":") == false)
    }

    @Test("service principals and applications: owners, the application by appId, standing roles, memberships")
    func servicePrincipals() throws {
        let (_, scenario) = try Self.contoso()
        let sp = try #require(scenario.tenant.servicePrincipals.first)
        #expect(sp.id == Self.sp && sp.name == "Payroll Sync")
        #expect(sp.application.map { scenario.tenant.applications[$0].id } == Self.app)
        #expect(sp.roles.map { scenario.roles[$0.int].name } == ["Application Administrator"])
        #expect(sp.memberOf.map { scenario.tenant.groups[$0.int].id } == [Self.ops])
        #expect(scenario.tenant.applications.first?.owners.map { scenario.tenant.users[$0.int].id } == [Self.bob])
    }
}
