import Foundation
import Testing
import TenantModel

@Suite("Role catalogue")
struct RoleCatalogueTests {
    let catalogue = RoleCatalogue.builtIn

    @Test("the compiled-in catalogue loads, with unique names and template ids")
    func loads() {
        #expect(catalogue.roles.count >= 50)
        #expect(Set(catalogue.roles.map(\.name)).count == catalogue.roles.count)
        #expect(Set(catalogue.roles.compactMap(\.templateId)).count == catalogue.roles.count)
        #expect(!catalogue.source.hasPrefix("unreadable"))
    }

    /// Rows copied from the reference sheet (entra-pim.md §8): name, template id, privileged.
    static let reference: [(String, String, Bool)] = [
        ("Global Administrator", "62e90394-69f5-4237-9190-012177145e10", true),
        ("Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814", true),
        ("Privileged Authentication Administrator", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", true),
        ("Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d", true),
        ("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1", true),
        ("Helpdesk Administrator", "729827e3-9c14-49f7-bb1b-9608f156bbb8", true),
        ("Partner Tier2 Support", "e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8", true),
        ("Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de", false),
        ("Groups Administrator", "fdd7a751-b60b-444a-984c-02652fe8fa1c", false),
        ("Directory Readers", "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", false),
    ]

    @Test("reference roles resolve by name and by template id (any case)", arguments: reference)
    func referenceRole(name: String, id: String, privileged: Bool) throws {
        let byName = try #require(catalogue.role(name))
        #expect(byName.templateId == id)
        #expect(byName.privileged == privileged)
        #expect(catalogue.role(id.uppercased())?.name == name)
    }

    @Test("the reference sheet's 29 privileged roles, and no others, are labelled privileged; six more are marked for escalation")
    func privilegedCount() {
        #expect(catalogue.roles.filter(\.privileged).count == 29)
        #expect(catalogue.role("Authentication Policy Administrator")?.privileged == false)
        #expect(catalogue.role("Authentication Policy Administrator")?.escalation?.contains("certificate-based authentication") == true)
        #expect(catalogue.roles.filter { $0.escalation != nil }.count == 6)
        #expect(!catalogue.roles.contains { $0.privileged && $0.escalation != nil })
    }

    @Test("a custom role is privileged when one of its permissions is")
    func customPrivilege() {
        #expect(catalogue.isPrivileged(permissions: ["microsoft.directory/users/password/update"]))
        #expect(catalogue.isPrivileged(permissions: ["microsoft.directory/users/standard/read", "microsoft.directory/applications/credentials/update"]))
        #expect(!catalogue.isPrivileged(permissions: ["microsoft.directory/users/standard/read"]))
        #expect(!catalogue.isPrivileged(permissions: []))
    }
}

@Suite("Scenario conversion")
struct ConversionTests {
    @Test("activeToEligible converts the listed roles' active assignments except for the excepted principals")
    func activeToEligible() {
        let ga = RoleIndex(0)
        let ua = RoleIndex(1)
        let roles = [
            RoleDefinition(name: "Global Administrator", templateId: nil, privileged: true, builtIn: true),
            RoleDefinition(name: "User Administrator", templateId: nil, privileged: true, builtIn: true),
        ]
        let tenant = Tenant(users: [User(id: "a"), User(id: "b")])
        let scenario = Scenario(
            name: "t", horizon: 3600, tenant: tenant, roles: roles, referencedRoles: [ga, ua],
            assignments: [
                Assignment(principal: .user(UserIndex(0)), role: ga, type: .active),
                Assignment(principal: .user(UserIndex(1)), role: ga, type: .active),
                Assignment(principal: .user(UserIndex(0)), role: ua, type: .active),
            ],
            events: [ScenarioEvent(at: 10, action: .assign(Assignment(principal: .user(UserIndex(0)), role: ga, type: .active)))]
        )
        let converted = scenario.convertingActiveToEligible(roles: [ga], except: [.user(UserIndex(1))])
        #expect(converted.assignments.map(\.type) == [.eligible, .active, .active])
        guard case .assign(let made) = converted.events[0].action else {
            Issue.record("the event is no longer an assign")
            return
        }
        #expect(made.type == .eligible)
        #expect(scenario.convertingActiveToEligible(roles: [], except: []).assignments.map(\.type) == [.eligible, .eligible, .eligible])
    }
}
