import TenantModel

/// Which users a role may reset the password (or authentication methods) of, per Microsoft's
/// "who can reset passwords" matrix.
public enum ResetReach: Sendable, Equatable {
    /// Every user, administrators and members of role-assignable groups included.
    case everyone
    /// Users who hold no directory role, or only roles from this set (template ids); never
    /// members of role-assignable groups.
    case usersWithOnly(Set<String>)
}

/// Which groups a holder may add members to (or become owner of).
public enum GroupReach: Sendable, Equatable {
    /// Every group, role-assignable ones included.
    case all
    /// Only groups that are not role-assignable.
    case nonRoleAssignable
}

/// What holding a role, or being granted a Microsoft Graph application permission, lets a
/// principal do to other objects: the derived escalation edges.
public struct Capabilities: Sendable, Equatable {
    /// Controls the tenant outright (Global Administrator).
    public var controlsTenant = false
    /// May assign any directory role, Global Administrator included.
    public var grantsAnyRole = false
    /// May grant application permissions, its own included (then any role).
    public var grantsAppRoles = false
    /// Whose passwords it may reset.
    public var resetsPasswords: ResetReach?
    /// Whose authentication methods (MFA) it may reset, which also defeats an MFA gate.
    public var resetsAuthentication: ResetReach?
    /// Which groups it may add members to.
    public var addsMembers: GroupReach?
    /// May add credentials to every application and service principal.
    public var addsSecrets = false
    /// May make itself owner of every application and service principal (then add credentials).
    public var addsOwners = false
    /// May make itself owner of every service principal (not applications).
    public var addsServicePrincipalOwners = false
    /// May add credentials to the applications and service principals it owns (a service
    /// principal with `Application.ReadWrite.OwnedBy`; a user owner always may).
    public var addsSecretsToOwned = false
    /// May write users' non-sensitive attributes (`department`...), which dynamic membership
    /// rules read: users outside restricted-management units.
    public var writesAttributes = false
    /// May add a trusted certificate authority (public key infrastructure).
    public var addsTrustedAuthority = false
    /// May enable certificate-based authentication for users.
    public var enablesCertificateAuthentication = false

    /// Creates capabilities (none by default).
    public init() {}

    /// Whether any derived edge leaves a holder of these capabilities.
    public var isEmpty: Bool { self == Capabilities() }
}

/// The escalation catalogue: built-in roles and Graph permissions mapped to capabilities.
///
/// Sources: Microsoft's "privileged roles and permissions" page and its password-reset matrix
/// (normative), BloodHound's Azure post-processing as a second opinion; see
/// docs/privilege-graph.md for every rule and its source.
public enum EscalationRules {
    /// Template ids of the roles the rules name.
    public enum Template {
        /// Global Administrator.
        public static let globalAdministrator = "62e90394-69f5-4237-9190-012177145e10"
        /// Privileged Role Administrator.
        public static let privilegedRoleAdministrator = "e8611ab8-c189-46e8-94e1-60213ab1f814"
        /// Privileged Authentication Administrator.
        public static let privilegedAuthenticationAdministrator = "7be44c8a-adaf-4e2a-84d6-ab2649e08a13"
        /// User Administrator.
        public static let userAdministrator = "fe930be7-5e62-47db-91af-98c3a49a38b1"
        /// Helpdesk Administrator.
        public static let helpdeskAdministrator = "729827e3-9c14-49f7-bb1b-9608f156bbb8"
        /// Authentication Administrator.
        public static let authenticationAdministrator = "c4e39bd9-1100-46d3-8c65-fb160da0071f"
        /// Password Administrator.
        public static let passwordAdministrator = "966707d0-3269-4727-9be2-8c3a10f19b9d"
        /// Groups Administrator.
        public static let groupsAdministrator = "fdd7a751-b60b-444a-984c-02652fe8fa1c"
        /// Directory Writers.
        public static let directoryWriters = "9360feb5-f418-4baa-8175-e2a00bac4301"
        /// Identity Governance Administrator.
        public static let identityGovernanceAdministrator = "45d8d3c5-c802-45c6-b32a-1d70b5e1e86e"
        /// Intune Administrator.
        public static let intuneAdministrator = "3a2c62db-5318-420d-8d74-23affee5d9d5"
        /// Knowledge Administrator.
        public static let knowledgeAdministrator = "b5a8dcf3-09d5-43a9-a639-8e29ef291470"
        /// Knowledge Manager.
        public static let knowledgeManager = "744ec460-397e-42ad-a462-8b3f9747a02c"
        /// Application Administrator.
        public static let applicationAdministrator = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"
        /// Cloud Application Administrator.
        public static let cloudApplicationAdministrator = "158c047a-c907-4556-b7ef-446551a6b5f7"
        /// Hybrid Identity Administrator.
        public static let hybridIdentityAdministrator = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2"
        /// Partner Tier1 Support.
        public static let partnerTier1Support = "4ba39ca4-527c-499a-b93d-d9b492c50246"
        /// Partner Tier2 Support.
        public static let partnerTier2Support = "e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8"
        /// Directory Synchronization Accounts.
        public static let directorySynchronizationAccounts = "d29b2b05-8046-44ba-8758-1e26182fcf32"
        /// Reports Reader.
        public static let reportsReader = "4a5d8f65-41da-4de4-8968-e035b65339cf"
        /// Message Center Reader.
        public static let messageCenterReader = "790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b"
        /// Guest Inviter.
        public static let guestInviter = "95e79109-95c0-4d8e-aee3-d01accf2d47b"
        /// Directory Readers.
        public static let directoryReaders = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b"
        /// Usage Summary Reports Reader.
        public static let usageSummaryReportsReader = "75934031-6c7e-415a-99d7-48dbd49e875e"
        /// User Experience Success Manager.
        public static let userExperienceSuccessManager = "27460883-1df1-4691-b032-3b79643e5e63"
        /// Authentication Policy Administrator.
        public static let authenticationPolicyAdministrator = "0526716b-113d-4c15-b2c8-68e3c22b9f80"
    }

    /// Targets a Helpdesk Administrator may reset: users holding only these roles.
    static let helpdeskTargets: Set<String> = [
        Template.reportsReader, Template.messageCenterReader, Template.helpdeskAdministrator, Template.guestInviter,
        Template.directoryReaders, Template.passwordAdministrator, Template.usageSummaryReportsReader,
        Template.userExperienceSuccessManager,
    ]
    /// Targets a User Administrator may reset.
    static let userAdministratorTargets: Set<String> = helpdeskTargets.union([Template.userAdministrator, Template.groupsAdministrator])
    /// Targets an Authentication Administrator may reset.
    static let authenticationAdministratorTargets: Set<String> = [
        Template.authenticationAdministrator, Template.reportsReader, Template.messageCenterReader, Template.guestInviter,
        Template.directoryReaders, Template.passwordAdministrator, Template.usageSummaryReportsReader,
        Template.userExperienceSuccessManager,
    ]
    /// Targets a Password Administrator may reset.
    static let passwordAdministratorTargets: Set<String> = [
        Template.passwordAdministrator, Template.guestInviter, Template.directoryReaders,
    ]

    /// The capabilities of a built-in role, by template id.
    public static func capabilities(ofTemplate templateId: String) -> Capabilities {
        var result = Capabilities()
        switch templateId {
        case Template.globalAdministrator:
            result.controlsTenant = true
            result.grantsAnyRole = true
            result.resetsPasswords = .everyone
            result.resetsAuthentication = .everyone
            result.addsMembers = .all
            result.addsSecrets = true
            result.writesAttributes = true
            result.addsTrustedAuthority = true
            result.enablesCertificateAuthentication = true
        case Template.privilegedRoleAdministrator:
            result.grantsAnyRole = true
            result.addsMembers = .all
        case Template.privilegedAuthenticationAdministrator:
            result.resetsPasswords = .everyone
            result.resetsAuthentication = .everyone
            result.addsTrustedAuthority = true
        case Template.authenticationPolicyAdministrator:
            result.enablesCertificateAuthentication = true
        case Template.partnerTier2Support:
            result.resetsPasswords = .everyone
            result.addsOwners = true
        case Template.userAdministrator:
            result.resetsPasswords = .usersWithOnly(userAdministratorTargets)
            result.addsMembers = .nonRoleAssignable
            result.writesAttributes = true
        case Template.helpdeskAdministrator:
            result.resetsPasswords = .usersWithOnly(helpdeskTargets)
        case Template.authenticationAdministrator:
            result.resetsPasswords = .usersWithOnly(authenticationAdministratorTargets)
            result.resetsAuthentication = .usersWithOnly(authenticationAdministratorTargets)
        case Template.passwordAdministrator:
            result.resetsPasswords = .usersWithOnly(passwordAdministratorTargets)
        case Template.partnerTier1Support:
            result.resetsPasswords = .usersWithOnly([])
            result.addsOwners = true
        case Template.directoryWriters:
            result.addsMembers = .nonRoleAssignable
            result.writesAttributes = true
        case Template.groupsAdministrator, Template.identityGovernanceAdministrator,
             Template.intuneAdministrator, Template.knowledgeAdministrator, Template.knowledgeManager:
            result.addsMembers = .nonRoleAssignable
        case Template.applicationAdministrator, Template.cloudApplicationAdministrator:
            result.addsSecrets = true
        case Template.hybridIdentityAdministrator, Template.directorySynchronizationAccounts:
            result.addsOwners = true
        default:
            break
        }
        return result
    }

    /// The capabilities of a custom role, from its resource actions.
    public static func capabilities(ofPermissions permissions: [String]) -> Capabilities {
        var result = Capabilities()
        for permission in permissions {
            switch permission {
            case "microsoft.directory/users/password/update":
                result.resetsPasswords = .usersWithOnly([])
            case "microsoft.directory/groups/members/update":
                result.addsMembers = .nonRoleAssignable
            case "microsoft.directory/applications/credentials/update", "microsoft.directory/servicePrincipals/credentials/update",
                 "microsoft.directory/applications.myOrganization/credentials/update":
                result.addsSecrets = true
            case "microsoft.directory/applications/owners/update", "microsoft.directory/servicePrincipals/owners/update":
                result.addsOwners = true
            case "microsoft.directory/users/basic/update":
                result.writesAttributes = true
            default:
                break
            }
        }
        return result
    }

    /// The capabilities of a role definition (built-in by template id, custom by permissions).
    public static func capabilities(of role: RoleDefinition) -> Capabilities {
        if role.groupAccess != nil { return Capabilities() }
        if let templateId = role.templateId { return capabilities(ofTemplate: templateId) }
        return capabilities(ofPermissions: role.permissions)
    }

    /// The capabilities a Microsoft Graph application permission gives a service principal.
    public static func capabilities(ofGraphPermission permission: String) -> Capabilities {
        var result = Capabilities()
        switch permission {
        case "RoleManagement.ReadWrite.Directory":
            result.grantsAnyRole = true
            result.grantsAppRoles = true
            result.addsMembers = .all
            result.addsSecrets = true
            result.addsOwners = true
        case "AppRoleAssignment.ReadWrite.All":
            result.grantsAppRoles = true
        case "Application.ReadWrite.All":
            result.addsSecrets = true
            result.addsOwners = true
        case "Application.ReadWrite.OwnedBy":
            result.addsSecretsToOwned = true
        case "Directory.ReadWrite.All":
            result.addsMembers = .nonRoleAssignable
            result.writesAttributes = true
        case "Group.ReadWrite.All", "GroupMember.ReadWrite.All":
            result.addsMembers = .nonRoleAssignable
        case "User.ReadWrite.All":
            result.writesAttributes = true
        case "Organization.ReadWrite.All":
            result.addsTrustedAuthority = true
        case "Policy.ReadWrite.AuthenticationMethod":
            result.enablesCertificateAuthentication = true
        case "ServicePrincipalEndpoint.ReadWrite.All":
            result.addsServicePrincipalOwners = true
        case "UserAuthenticationMethod.ReadWrite.All":
            result.resetsAuthentication = .usersWithOnly([])
        default:
            break
        }
        return result
    }

    /// Whether `reach` covers a user holding `roles` (template ids, custom roles as nil) and
    /// belonging (or not) to a role-assignable group.
    public static func covers(_ reach: ResetReach, roles: [String?], inRoleAssignableGroup: Bool) -> Bool {
        switch reach {
        case .everyone:
            return true
        case .usersWithOnly(let allowed):
            guard !inRoleAssignableGroup else { return false }
            return roles.allSatisfy { template in template.map(allowed.contains) ?? false }
        }
    }
}
