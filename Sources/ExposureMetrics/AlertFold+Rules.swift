import PIMEngine
import SimKernel
import TenantModel

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
    /// CISA MS.AAD.7.4v1: no permanent active assignment of a highly privileged role.
    case cisaPermanentActive = "CISA.MS.AAD.7.4v1"
    /// CISA MS.AAD.7.6v1: Global Administrator activation requires approval.
    case cisaGlobalAdminApproval = "CISA.MS.AAD.7.6v1"

    /// The severity Microsoft shows in the portal (CISA checks: the baseline's "shall").
    public var severity: String {
        switch self {
        case .rolesAssignedOutsidePIM: return "high"
        case .staleSignIn: return "medium"
        case .cisaGlobalAdminCount, .cisaPermanentActive, .cisaGlobalAdminApproval: return "shall"
        default: return "low"
        }
    }

    /// CISA's highly privileged roles (MS.AAD.7), by display name.
    static let highlyPrivileged: Set<String> = [
        "Global Administrator", "Privileged Role Administrator", "User Administrator", "SharePoint Administrator",
        "Exchange Administrator", "Hybrid Identity Administrator", "Application Administrator", "Cloud Application Administrator",
    ]
}

extension AlertFold {
    func isBreakGlass(_ user: Int32) -> Bool { scenario.tenant.users[Int(user)].breakGlass }

    /// The subjects that trigger each alert at `time`.
    func triggered(at time: SimTime) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for kind in AlertKind.allCases { result[kind.rawValue] = [] }
        let ga = scenario.globalAdministrator?.rawValue
        var gaUsers = Set<String>()
        var assignedPairs = 0
        var gaPairs = 0
        var roleHasEligible = Set<Int32>()
        for (key, state) in access {
            let user = Int32(truncatingIfNeeded: key >> 32)
            let role = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            let definition = scenario.roles[Int(role)]
            let assigned = state.contains(.standing) || state.contains(.eligible)
            let id = scenario.tenant.users[Int(user)].id
            if assigned {
                assignedPairs += 1
                if role == ga {
                    gaPairs += 1
                    gaUsers.insert(id)
                }
            }
            if state.contains(.eligible) { roleHasEligible.insert(role) }
            guard definition.privileged, assigned, !isBreakGlass(user) else { continue }
            if time - (lastSignIn[user] ?? 0) >= settings.staleAfter { result[AlertKind.staleSignIn.rawValue]?.insert(id) }
            let used = lastUse[key] ?? since[key] ?? 0
            if time - max(used, since[key] ?? 0) > settings.unusedAfter {
                result[AlertKind.redundantAssignment.rawValue]?.insert("\(id)/\(definition.name)")
            }
        }
        for (key, times) in activations where times.filter({ $0 > time - settings.frequentWithin && $0 <= time }).count >= settings.frequentActivations {
            let user = Int32(truncatingIfNeeded: key >> 32)
            let role = Int(Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
            guard scenario.roles[role].privileged else { continue }
            result[AlertKind.sequentialActivations.rawValue]?.insert("\(scenario.tenant.users[Int(user)].id)/\(scenario.roles[role].name)")
        }
        if gaUsers.count >= settings.globalAdminCount, assignedPairs > 0,
           Double(gaPairs) * 100 / Double(assignedPairs) >= settings.globalAdminPercentage {
            result[AlertKind.tooManyGlobalAdmins.rawValue] = gaUsers
        }
        if gaUsers.count < 2 || gaUsers.count > 8 { result[AlertKind.cisaGlobalAdminCount.rawValue] = ["tenant"] }
        for role in roleHasEligible where scenario.roles[Int(role)].privileged && !policies[RoleIndex(role)].activation.promptsForMFA {
            result[AlertKind.noMFAOnActivation.rawValue]?.insert(scenario.roles[Int(role)].name)
        }
        if let ga, !policies[RoleIndex(ga)].activation.requireApproval {
            result[AlertKind.cisaGlobalAdminApproval.rawValue] = ["Global Administrator"]
        }
        for (assignment, start) in liveAssignments.values {
            let role = scenario[assignment.role]
            let subject = "\(scenario.tenant.id(of: assignment.principal))/\(role.name)"
            if assignment.outsidePIM, role.privileged, time - start < settings.outsidePIMWindow {
                result[AlertKind.rolesAssignedOutsidePIM.rawValue]?.insert(subject)
            }
            if assignment.type == .active, assignment.isPermanent, AlertKind.highlyPrivileged.contains(role.name),
               !excludedFromCISA(assignment.principal) {
                result[AlertKind.cisaPermanentActive.rawValue]?.insert(subject)
            }
        }
        return result
    }

    func excludedFromCISA(_ principal: Principal) -> Bool {
        guard case .user(let user) = principal else { return false }
        return isBreakGlass(user.rawValue) || settings.cisaExclusions.contains(user)
    }
}
