import PrivilegeGraph
import Testing
import TenantModel

@Suite("Escalation rules")
struct EscalationRulesTests {
    @Test("Every template id the rules name is a built-in role")
    func templatesResolve() throws {
        let catalogue = RoleCatalogue.builtIn
        let named: [(String, String)] = [
            (EscalationRules.Template.globalAdministrator, "Global Administrator"),
            (EscalationRules.Template.privilegedAuthenticationAdministrator, "Privileged Authentication Administrator"),
            (EscalationRules.Template.helpdeskAdministrator, "Helpdesk Administrator"),
            (EscalationRules.Template.userAdministrator, "User Administrator"),
            (EscalationRules.Template.partnerTier2Support, "Partner Tier2 Support"),
            (EscalationRules.Template.userExperienceSuccessManager, "User Experience Success Manager"),
            (EscalationRules.Template.directorySynchronizationAccounts, "Directory Synchronization Accounts"),
            (EscalationRules.Template.authenticationPolicyAdministrator, "Authentication Policy Administrator"),
        ]
        for (id, name) in named {
            #expect(catalogue.role(id)?.name == name)
        }
    }

    @Test("Every built-in role that opens an escalation path is labelled privileged or marked for escalation, and only those are marked")
    func escalationRolesMarked() {
        for role in RoleCatalogue.builtIn.roles {
            let opens = !EscalationRules.capabilities(of: role).isEmpty
            #expect(!opens || role.privileged || role.escalation != nil, "\(role.name) opens a path but is not marked")
            #expect(role.escalation == nil || opens, "\(role.name) is marked but opens no path")
        }
    }

    @Test("Password reset matrix: who may reset whom")
    func resetMatrix() {
        typealias T = EscalationRules.Template
        func resets(_ resetter: String, _ roles: [String?], protected: Bool = false) -> Bool {
            guard let reach = EscalationRules.capabilities(ofTemplate: resetter).resetsPasswords else { return false }
            return EscalationRules.covers(reach, roles: roles, inRoleAssignableGroup: protected)
        }
        // Helpdesk: users with no role or only reader-like roles, never admins.
        #expect(resets(T.helpdeskAdministrator, []))
        #expect(resets(T.helpdeskAdministrator, [T.reportsReader, T.helpdeskAdministrator]))
        #expect(resets(T.helpdeskAdministrator, [T.userExperienceSuccessManager]))
        #expect(!resets(T.helpdeskAdministrator, [T.userAdministrator]))
        #expect(!resets(T.helpdeskAdministrator, [T.globalAdministrator]))
        #expect(!resets(T.helpdeskAdministrator, [nil]))  // a custom role protects
        #expect(!resets(T.helpdeskAdministrator, [], protected: true))
        // User Administrator: also User and Groups Administrators.
        #expect(resets(T.userAdministrator, [T.userAdministrator, T.groupsAdministrator]))
        #expect(!resets(T.userAdministrator, [T.authenticationAdministrator]))
        // Authentication Administrator: Authentication Administrators, not Helpdesk.
        #expect(resets(T.authenticationAdministrator, [T.authenticationAdministrator]))
        #expect(!resets(T.authenticationAdministrator, [T.helpdeskAdministrator]))
        // Password Administrator: the narrowest.
        #expect(resets(T.passwordAdministrator, [T.passwordAdministrator, T.directoryReaders]))
        #expect(!resets(T.passwordAdministrator, [T.reportsReader]))
        // Partner Tier1: only users without roles; Tier2, PAA and GA: everyone, groups included.
        #expect(resets(T.partnerTier1Support, []))
        #expect(!resets(T.partnerTier1Support, [T.directoryReaders]))
        for everyone in [T.partnerTier2Support, T.privilegedAuthenticationAdministrator, T.globalAdministrator] {
            #expect(resets(everyone, [T.globalAdministrator], protected: true))
        }
        // Roles without a reset right.
        #expect(!resets(T.groupsAdministrator, []))
        #expect(!resets(T.applicationAdministrator, []))
    }

    @Test("Group and application rights per role and per Graph permission")
    func objectRights() {
        typealias T = EscalationRules.Template
        #expect(EscalationRules.capabilities(ofTemplate: T.privilegedRoleAdministrator).addsMembers == .all)
        #expect(EscalationRules.capabilities(ofTemplate: T.groupsAdministrator).addsMembers == .nonRoleAssignable)
        #expect(EscalationRules.capabilities(ofTemplate: T.knowledgeManager).addsMembers == .nonRoleAssignable)
        #expect(EscalationRules.capabilities(ofTemplate: T.cloudApplicationAdministrator).addsSecrets)
        #expect(EscalationRules.capabilities(ofTemplate: T.hybridIdentityAdministrator).addsOwners)
        #expect(EscalationRules.capabilities(ofGraphPermission: "RoleManagement.ReadWrite.Directory").grantsAnyRole)
        #expect(EscalationRules.capabilities(ofGraphPermission: "RoleManagement.ReadWrite.Directory").addsMembers == .all)
        #expect(EscalationRules.capabilities(ofGraphPermission: "GroupMember.ReadWrite.All").addsMembers == .nonRoleAssignable)
        #expect(EscalationRules.capabilities(ofGraphPermission: "AppRoleAssignment.ReadWrite.All").grantsAppRoles)
        #expect(EscalationRules.capabilities(ofGraphPermission: "ServicePrincipalEndpoint.ReadWrite.All").addsServicePrincipalOwners)
        #expect(EscalationRules.capabilities(ofGraphPermission: "User.Read.All").isEmpty)
        // A custom role with the password permission resets users without roles only.
        let custom = EscalationRules.capabilities(ofPermissions: ["microsoft.directory/users/password/update"])
        #expect(custom.resetsPasswords == .usersWithOnly([]))
    }
}
