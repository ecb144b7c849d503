import SimKernel
import TenantModel
import Trace

/// The alerts pimsim evaluates: Microsoft's PIM alert ids (Graph beta) and CISA ScubaGear policy ids.
public enum AlertKind: String, CaseIterable, Sendable {
    /// There are too many global administrators (low).
    case tooManyGlobalAdmins = "TooManyGlobalAdminsAssignedToTenantAlert"
    /// Roles are being assigned outside of PIM (high).
    case rolesAssignedOutsidePIM = "RolesAssignedOutsidePimAlert"
    /// Roles don't require MFA for activation (low in Learn, medium in Graph).
    case noMFAOnActivation = "NoMfaOnRoleActivationAlert"
    /// Potential stale accounts in a privileged role (medium).
    case staleSignIn = "StaleSignInAlert"
    /// Administrators aren't using their privileged roles (low).
    case redundantAssignment = "RedundantAssignmentAlert"
    /// Roles are being activated too frequently (low in Learn, medium in Graph).
    case sequentialActivations = "SequentialActivationRenewalsAlert"
    /// CISA MS.AAD.7.1v1: 2 to 8 users hold Global Administrator.
    case cisaGlobalAdminCount = "CISA.MS.AAD.7.1v1"
    /// CISA MS.AAD.7.2v1: no more Global Administrators than users of the other highly privileged roles.
    case cisaGlobalAdminRatio = "CISA.MS.AAD.7.2v1"
    /// CISA MS.AAD.7.3v1: users of highly privileged roles are cloud-only accounts.
    case cisaCloudOnly = "CISA.MS.AAD.7.3v1"
    /// CISA MS.AAD.7.4v1: no permanent active assignment of a highly privileged role.
    case cisaPermanentActive = "CISA.MS.AAD.7.4v1"
    /// CISA MS.AAD.7.5v1: highly privileged roles are assigned through PIM only.
    case cisaOutsidePAM = "CISA.MS.AAD.7.5v1"
    /// CISA MS.AAD.7.6v1: Global Administrator activation requires approval.
    case cisaGlobalAdminApproval = "CISA.MS.AAD.7.6v1"
    /// CISA MS.AAD.7.7v1: eligible and active assignments of highly privileged roles alert.
    case cisaAssignmentAlerts = "CISA.MS.AAD.7.7v1"
    /// CISA MS.AAD.7.8v1: Global Administrator activations alert.
    case cisaGlobalAdminActivationAlerts = "CISA.MS.AAD.7.8v1"
    /// CISA MS.AAD.7.9v1: activations of the other highly privileged roles alert (should).
    case cisaActivationAlerts = "CISA.MS.AAD.7.9v1"

    /// The severity Microsoft shows in the portal (CISA checks: the baseline's "shall").
    public var severity: String {
        switch self {
        case .rolesAssignedOutsidePIM: return "high"
        case .staleSignIn: return "medium"
        case .cisaGlobalAdminCount, .cisaGlobalAdminRatio, .cisaCloudOnly, .cisaPermanentActive, .cisaOutsidePAM,
             .cisaGlobalAdminApproval, .cisaAssignmentAlerts, .cisaGlobalAdminActivationAlerts: return "shall"
        case .cisaActivationAlerts: return "should"
        default: return "low"
        }
    }

    /// The alert's name in the PIM portal (Learn); the CISA policy id for CISA checks.
    public var displayName: String {
        switch self {
        case .tooManyGlobalAdmins: return "There are too many global administrators"
        case .rolesAssignedOutsidePIM: return "Roles are being assigned outside of Privileged Identity Management"
        case .noMFAOnActivation: return "Roles don't require multifactor authentication for activation"
        case .staleSignIn: return "Potential stale accounts in a privileged role"
        case .redundantAssignment: return "Administrators aren't using their privileged roles"
        case .sequentialActivations: return "Roles are being activated too frequently"
        case .cisaGlobalAdminCount, .cisaGlobalAdminRatio, .cisaCloudOnly, .cisaPermanentActive, .cisaOutsidePAM,
             .cisaGlobalAdminApproval, .cisaAssignmentAlerts, .cisaGlobalAdminActivationAlerts, .cisaActivationAlerts: return rawValue
        }
    }

    /// A PIM security alert (Entra logs it), not a CISA check (pimsim's own evaluation).
    public var isPIMAlert: Bool { !rawValue.hasPrefix("CISA.") }

    /// CISA's highly privileged roles (MS.AAD.7), by display name.
    static let highlyPrivileged: Set<String> = [
        "Global Administrator", "Privileged Role Administrator", "User Administrator", "SharePoint Administrator",
        "Exchange Administrator", "Hybrid Identity Administrator", "Application Administrator", "Cloud Application Administrator",
    ]
}

/// Integer codes for alert subjects: a user, a (user, role) pair, a role, a (principal, role)
/// assignment, or the tenant. The kind of an alert says which.
enum AlertSubject {
    static func pair(_ user: Int32, _ role: Int32) -> UInt64 { UserRoleKey.make(user, role) }
    static func principal(_ principal: Principal, _ role: RoleIndex) -> UInt64 {
        switch principal {
        case .user(let user): return pair(user.rawValue, role.rawValue)
        case .group(let group): return 1 << 63 | pair(group.rawValue, role.rawValue)
        }
    }
}

extension AlertFold {
    func isBreakGlass(_ user: Int32) -> Bool { scenario.tenant.users[Int(user)].breakGlass }

    /// Stale: a user with a privileged assignment (not break-glass) and no sign-in for `staleAfter`.
    mutating func checkStale(_ user: Int32, at time: SimTime) {
        let stale = (privilegedAssigned[user] ?? 0) > 0 && !isBreakGlass(user)
            && time - (lastSignIn[user] ?? 0) >= settings.staleAfter
        set(.staleSignIn, UInt64(UInt32(bitPattern: user)), on: stale, at: time)
    }

    /// Unused ("Eligible administrators aren't activating their privileged role"): an eligible
    /// privileged assignment not activated for more than `unusedAfter` (since the eligibility
    /// began or the last activation ended); never while an activation runs, never for standing-only holders.
    mutating func checkUnused(_ key: UInt64, at time: SimTime) {
        let user = UserRoleKey.user(key)
        let role = UserRoleKey.role(key)
        let state = access[key] ?? []
        let used = max(lastUse[key] ?? 0, since[key] ?? 0)
        let unused = state.contains(.eligible) && !state.contains(.activated) && privileged[Int(role)] && !isBreakGlass(user)
            && time - used > settings.unusedAfter
        set(.redundantAssignment, key, on: unused, at: time)
    }

    /// Frequent: `frequentActivations` activations of one privileged role within `frequentWithin`.
    mutating func checkFrequent(_ key: UInt64, at time: SimTime) {
        let role = Int(UserRoleKey.role(key))
        let recent = (activations[key] ?? []).filter { $0 > time - settings.frequentWithin && $0 <= time }
        activations[key] = recent.isEmpty ? nil : recent
        set(.sequentialActivations, key, on: privileged[role] && recent.count >= settings.frequentActivations, at: time)
    }

    /// Outside PIM (within its window) and CISA 7.4 (permanent active, highly privileged) for one assignment.
    mutating func checkAssignment(_ id: Int, at time: SimTime) {
        guard let (assignment, start) = liveAssignments[id] else { return }
        let subject = AlertSubject.principal(assignment.principal, assignment.role)
        let outside = assignment.outsidePIM && privileged[assignment.role.int] && time - start < settings.outsidePIMWindow
        set(.rolesAssignedOutsidePIM, subject, on: outside, at: time)
        let permanent = assignment.type == .active && assignment.isPermanent && highlyPrivileged.contains(assignment.role.rawValue)
            && !excludedFromCISA(assignment.principal)
        set(.cisaPermanentActive, subject, on: permanent, at: time)
        set(.cisaOutsidePAM, subject, on: assignment.outsidePIM && highlyPrivileged.contains(assignment.role.rawValue), at: time)
    }

    /// Too many Global Administrators (count and share of assignments) and CISA 7.1 (2 to 8).
    mutating func refreshCounts(at time: SimTime) {
        let tooMany = gaUsers.count >= settings.globalAdminCount && assignedPairs > 0
            && Double(gaUsers.count) * 100 / Double(assignedPairs) >= settings.globalAdminPercentage
        let current = Set(open[.tooManyGlobalAdmins]?.keys.map { $0 } ?? [])
        for subject in current where !tooMany || !gaUsers.contains(subject) { set(.tooManyGlobalAdmins, subject, on: false, at: time) }
        if tooMany { for subject in gaUsers { set(.tooManyGlobalAdmins, subject, on: true, at: time) } }
        set(.cisaGlobalAdminCount, 0, on: gaUsers.count < 2 || gaUsers.count > 8, at: time)
        // 7.2: Global Administrators / users of the other highly privileged roles (a user holding
        // both counts as a Global Administrator) must be at most 1, and fails without other users.
        set(.cisaGlobalAdminRatio, 0, on: otherHighlyUsers == 0 || gaUsers.count > otherHighlyUsers, at: time)
    }

    /// Whether `user` counts among 7.2's "other highly privileged users": a highly privileged
    /// role other than Global Administrator, and not Global Administrator.
    func isOtherHighlyUser(_ user: Int32) -> Bool {
        (highlyOtherAssigned[user] ?? 0) > 0 && !gaUsers.contains(UInt64(UInt32(bitPattern: user)))
    }

    /// 7.3: a user synchronised from on-premises who holds a highly privileged role.
    mutating func checkCloudOnly(_ user: Int32, at time: SimTime) {
        let hybrid = scenario.tenant.users[Int(user)].onPremisesSync && (highlyAssigned[user] ?? 0) > 0
        set(.cisaCloudOnly, UInt64(UInt32(bitPattern: user)), on: hybrid, at: time)
    }

    /// Roles without MFA on activation (with eligible users) and CISA 7.6 (GA needs approval).
    mutating func refreshPolicyAlerts(at time: SimTime) {
        for role in scenario.roles.indices where privileged[role] {
            let missing = (eligibleCount[Int32(role)] ?? 0) > 0 && scenario.conditionalAccess.requiredStrength(for: policies[RoleIndex(role)].activation) == nil
            set(.noMFAOnActivation, UInt64(role), on: missing, at: time)
        }
        if let ga = globalAdministrator {
            set(.cisaGlobalAdminApproval, UInt64(UInt32(bitPattern: ga)), on: !policies[RoleIndex(ga)].activation.requireApproval, at: time)
            let alerts = policies[RoleIndex(ga)].notifications[.activation, .admin].alertsAdditionalRecipients
            set(.cisaGlobalAdminActivationAlerts, UInt64(UInt32(bitPattern: ga)), on: !alerts, at: time)
        }
        refreshNotificationChecks(at: time)
    }

    /// CISA 7.7 and 7.9 for the highly privileged roles the scenario mentions: a role fails while
    /// its assignment alerts (eligible and active) or its activation alert (roles other than
    /// Global Administrator) send no email to an additional recipient. ScubaGear's policy reads the
    /// rules' `notificationRecipients`; pimsim also requires the level `all`, since "critical
    /// emails only" suppresses these informational emails.
    mutating func refreshNotificationChecks(at time: SimTime) {
        for role in checkedRoles {
            let settings = policies[RoleIndex(role)].notifications
            let assignments = settings[.eligibleAssignment, .admin].alertsAdditionalRecipients
                && settings[.activeAssignment, .admin].alertsAdditionalRecipients
            set(.cisaAssignmentAlerts, UInt64(UInt32(bitPattern: role)), on: !assignments, at: time)
            guard role != globalAdministrator else { continue }
            let activations = settings[.activation, .admin].alertsAdditionalRecipients
            set(.cisaActivationAlerts, UInt64(UInt32(bitPattern: role)), on: !activations, at: time)
        }
    }

    /// The readable name of a subject code for an alert.
    func name(of subject: UInt64, for alert: AlertKind) -> String {
        let high = Int32(truncatingIfNeeded: (subject >> 32) & 0x7FFF_FFFF)
        let low = Int(Int32(truncatingIfNeeded: subject & 0xFFFF_FFFF))
        switch alert {
        case .tooManyGlobalAdmins, .staleSignIn, .cisaCloudOnly:
            return scenario.tenant.users[Int(subject)].id
        case .redundantAssignment, .sequentialActivations:
            return "\(scenario.tenant.users[Int(high)].id)/\(scenario.roles[low].name)"
        case .noMFAOnActivation, .cisaGlobalAdminApproval, .cisaAssignmentAlerts, .cisaGlobalAdminActivationAlerts, .cisaActivationAlerts:
            return scenario.roles[Int(subject)].name
        case .cisaGlobalAdminCount, .cisaGlobalAdminRatio:
            return "tenant"
        case .rolesAssignedOutsidePIM, .cisaPermanentActive, .cisaOutsidePAM:
            let principal = subject >> 63 == 1
                ? scenario.tenant.groups[Int(high)].id : scenario.tenant.users[Int(high)].id
            return "\(principal)/\(scenario.roles[low].name)"
        }
    }

    func excludedFromCISA(_ principal: Principal) -> Bool {
        guard case .user(let user) = principal else { return false }
        return isBreakGlass(user.rawValue) || settings.cisaExclusions.contains(user)
    }
}
