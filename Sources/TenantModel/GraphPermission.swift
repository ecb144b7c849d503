/// Microsoft Graph application permissions (app roles of the Microsoft Graph service principal),
/// as a scenario grants them to service principals through `appPermissions`.
///
/// pimsim does not need the full catalogue (several hundred names): `known` holds the directory,
/// identity and common workload permissions, enough to catch misspellings of the ones that matter
/// for privilege escalation. A name outside it is kept as written (the scenario format warns).
public enum GraphPermission {
    /// The application permissions pimsim recognises, spelled as Microsoft Graph spells them.
    public static let known: Set<String> = directory.union(workload)

    /// The permissions that open an escalation path on their own: each is behind one or more of
    /// the `AZMG*` edges BloodHound derives in its Azure post-processing.
    ///
    /// | permission | lets the service principal |
    /// | --- | --- |
    /// | `Application.ReadWrite.All` | add credentials to, or become owner of, any application or service principal |
    /// | `AppRoleAssignment.ReadWrite.All` | grant any app role, including these permissions, to itself |
    /// | `Directory.ReadWrite.All` | add members to, or become owner of, non-role-assignable groups |
    /// | `Group.ReadWrite.All` | add members to, or become owner of, non-role-assignable groups |
    /// | `GroupMember.ReadWrite.All` | add members to non-role-assignable groups |
    /// | `RoleManagement.ReadWrite.Directory` | assign any directory role (Global Administrator included), add members to any group, add credentials to any application or service principal, grant app roles |
    /// | `ServicePrincipalEndpoint.ReadWrite.All` | become owner of any service principal |
    public static let escalating: Set<String> = [
        "Application.ReadWrite.All",
        "AppRoleAssignment.ReadWrite.All",
        "Directory.ReadWrite.All",
        "Group.ReadWrite.All",
        "GroupMember.ReadWrite.All",
        "RoleManagement.ReadWrite.Directory",
        "ServicePrincipalEndpoint.ReadWrite.All",
    ]

    /// Common delegated-only permissions (they act for a signed-in user, so an application cannot
    /// hold them): a scenario that lists one under `appPermissions` has probably mixed the two kinds.
    public static let delegatedOnly: Set<String> = [
        "Directory.AccessAsUser.All", "Files.Read", "Files.ReadWrite", "Mail.Send.Shared",
        "User.Read", "User.ReadWrite",
    ]

    /// Whether `name` has the shape of a Graph permission: two or more words joined by dots, each
    /// word starting with a letter and made of ASCII letters and digits, with single hyphens
    /// allowed inside (`User-LifeCycleInfo.ReadWrite.All`).
    public static func isWellFormed(_ name: String) -> Bool {
        let words = name.split(separator: ".", omittingEmptySubsequences: false)
        return words.count >= 2 && words.allSatisfy(isWord)
    }

    /// One dot-separated word: `[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*`.
    private static func isWord(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first, first.isASCIILetter, word.last != "-" else { return false }
        var previousWasHyphen = false
        for scalar in word.unicodeScalars {
            if scalar == "-" {
                if previousWasHyphen { return false }
                previousWasHyphen = true
            } else if scalar.isASCIILetter || ("0"..."9").contains(scalar) {
                previousWasHyphen = false
            } else {
                return false
            }
        }
        return true
    }

    /// Directory, identity and security permissions: the ones privilege analysis looks at.
    private static let directory: Set<String> = [
        "AccessReview.Read.All", "AccessReview.ReadWrite.All", "AccessReview.ReadWrite.Membership",
        "AdministrativeUnit.Read.All", "AdministrativeUnit.ReadWrite.All",
        "Application.Read.All", "Application.ReadWrite.All", "Application.ReadWrite.OwnedBy",
        "AppRoleAssignment.ReadWrite.All",
        "AuditLog.Read.All",
        "CustomSecAttributeAssignment.Read.All", "CustomSecAttributeAssignment.ReadWrite.All",
        "DelegatedPermissionGrant.ReadWrite.All",
        "Device.Read.All", "Device.ReadWrite.All",
        "Directory.Read.All", "Directory.ReadWrite.All",
        "Domain.Read.All", "Domain.ReadWrite.All",
        "EntitlementManagement.Read.All", "EntitlementManagement.ReadWrite.All",
        "Group.Create", "Group.Read.All", "Group.ReadWrite.All",
        "GroupMember.Read.All", "GroupMember.ReadWrite.All",
        "IdentityProvider.Read.All", "IdentityProvider.ReadWrite.All",
        "IdentityRiskEvent.Read.All", "IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All",
        "Member.Read.Hidden",
        "Organization.Read.All", "Organization.ReadWrite.All",
        "Policy.Read.All", "Policy.Read.ConditionalAccess",
        "Policy.ReadWrite.ApplicationConfiguration", "Policy.ReadWrite.AuthenticationMethod",
        "Policy.ReadWrite.Authorization", "Policy.ReadWrite.ConditionalAccess",
        "Policy.ReadWrite.CrossTenantAccess", "Policy.ReadWrite.PermissionGrant",
        "PrivilegedAccess.Read.AzureAD", "PrivilegedAccess.Read.AzureADGroup",
        "PrivilegedAccess.ReadWrite.AzureAD", "PrivilegedAccess.ReadWrite.AzureADGroup",
        "PrivilegedAssignmentSchedule.Read.AzureADGroup", "PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup",
        "PrivilegedEligibilitySchedule.Read.AzureADGroup", "PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup",
        "Reports.Read.All",
        "RoleAssignmentSchedule.Read.Directory", "RoleAssignmentSchedule.ReadWrite.Directory",
        "RoleEligibilitySchedule.Read.Directory", "RoleEligibilitySchedule.ReadWrite.Directory",
        "RoleManagement.Read.All", "RoleManagement.Read.Directory", "RoleManagement.ReadWrite.Directory",
        "RoleManagementPolicy.Read.Directory", "RoleManagementPolicy.ReadWrite.Directory",
        "SecurityEvents.Read.All", "SecurityEvents.ReadWrite.All",
        "ServicePrincipalEndpoint.Read.All", "ServicePrincipalEndpoint.ReadWrite.All",
        "Synchronization.Read.All", "Synchronization.ReadWrite.All",
        "User.Export.All", "User.Invite.All", "User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All",
        "User-LifeCycleInfo.Read.All", "User-LifeCycleInfo.ReadWrite.All",
        "User-PasswordProfile.ReadWrite.All",
        "UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All",
    ]

    /// Mail, files, sites, Teams and other workload permissions that scenarios commonly mention.
    private static let workload: Set<String> = [
        "Calendars.Read", "Calendars.ReadWrite",
        "Chat.Read.All", "Chat.ReadWrite.All",
        "Contacts.Read", "Contacts.ReadWrite",
        "DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All",
        "DeviceManagementManagedDevices.Read.All", "DeviceManagementManagedDevices.ReadWrite.All",
        "DeviceManagementRBAC.Read.All", "DeviceManagementRBAC.ReadWrite.All",
        "Files.Read.All", "Files.ReadWrite.All",
        "Mail.Read", "Mail.ReadBasic", "Mail.ReadBasic.All", "Mail.ReadWrite", "Mail.Send",
        "MailboxSettings.Read", "MailboxSettings.ReadWrite",
        "Notes.Read.All", "Notes.ReadWrite.All",
        "OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All",
        "Sites.FullControl.All", "Sites.Manage.All", "Sites.Read.All", "Sites.ReadWrite.All", "Sites.Selected",
        "Team.ReadBasic.All", "TeamMember.Read.All", "TeamMember.ReadWrite.All",
        "ChannelMessage.Read.All",
    ]
}

extension Unicode.Scalar {
    /// `A`-`Z` or `a`-`z`.
    fileprivate var isASCIILetter: Bool { ("A"..."Z").contains(self) || ("a"..."z").contains(self) }
}
