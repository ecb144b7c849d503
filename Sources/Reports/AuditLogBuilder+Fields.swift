import TenantModel
import Trace

/// Who initiated an audited activity.
enum Actor {
    /// A user of the tenant.
    case user(UserIndex)
    /// PIM itself (expiries, automatic removals).
    case service
    /// The scenario's author acting as an administrator (assignments, events).
    case scenario
    /// Entitlement management itself (automatic approvals, expiries, time-outs).
    case entitlementManagement
}

extension AuditLogBuilder {
    /// The service name in `loggedByService` for PIM activities ([UNCONFIRMED]: the portal and
    /// Log Analytics show `PIM`; Graph's examples `Privileged Identity Management`).
    static var pimService: String { "PIM" }

    /// `GroupManagement` for PIM for Groups, `RoleManagement` for directory roles.
    func category(of role: RoleIndex) -> String {
        identity.scenario[role].groupAccess == nil ? "RoleManagement" : "GroupManagement"
    }

    /// Appends one record with every `directoryAudit` field.
    mutating func emit(
        _ time: Int64, _ activity: String, category: String = "RoleManagement", service: String = pimService,
        operation: String, by actor: Actor, result: String = "success", reason: String = "",
        correlation: AuditGUID, targets: [AuditParty], details: [String: String] = [:]
    ) {
        let id = identity.guidValue("audit", sequence)
        sequence += 1
        let entry = AuditEntry(
            id: id, epoch: identity.scenario.startEpoch + time, activity: activity, category: category, service: service,
            operation: operation, result: result, reason: reason, correlation: correlation, initiator: initiator(actor),
            targets: targets, details: details.keys.sorted().map { ($0, details[$0] ?? "") })
        output.write(entry, encoder: &encoder)
    }

    func requester(_ request: Int) -> Actor {
        requests[request].map { .user($0.user) } ?? .service
    }

    func initiator(_ actor: Actor) -> AuditParty {
        switch actor {
        case .user(let user): return .user(user)
        case .service: return .pimService
        case .scenario: return .scenario
        case .entitlementManagement: return .entitlementManagement
        }
    }

    func userTarget(_ user: UserIndex) -> AuditParty { .user(user) }

    func groupTarget(_ group: GroupIndex) -> AuditParty { .group(group) }

    func roleTarget(_ role: RoleIndex) -> AuditParty { .role(role) }

    func principalTarget(_ principal: Principal) -> AuditParty {
        switch principal {
        case .user(let user): return .user(user)
        case .group(let group): return .group(group)
        }
    }

    /// The simulated time as an ISO 8601 UTC timestamp.
    func timestamp(_ time: Int64) -> String {
        AuditEncoder.timestampText(identity.scenario.startEpoch + time)
    }
}

/// Plain-language result reasons for audit records.
enum AuditReasons {
    /// Why PIM refuses a removal (pimsim's wording: Entra's exact message is not documented).
    static let lastGlobalAdministrator = "The last active Global Administrator assignment cannot be removed"

    static func describe(_ reason: RejectionReason) -> String {
        switch reason {
        case .requesterDisabled: return "The requester's account is disabled"
        case .notEligible: return "The requester has no eligible assignment for the role"
        case .alreadyHoldsRole: return "The requester already holds the role"
        case .requestPending: return "A request for the role is already pending approval"
        }
    }

    static func describe(_ reason: CancellationReason) -> String {
        switch reason {
        case .requesterDisabled: return "The requester's account was disabled"
        case .notEligible: return "The requester was no longer eligible when the decision came"
        case .alreadyHoldsRole: return "The requester already held the role when the decision came"
        case .administrator: return "Canceled by an administrator"
        }
    }

    static func describe(_ reason: ActivationEndReason) -> String {
        switch reason {
        case .expired: return "The activation reached its end time"
        case .eligibilityLost: return "The eligible assignment behind the activation ended"
        case .userDisabled: return "The account was disabled"
        case .deactivated: return "Deactivated by the user"
        case .revoked: return "Removed by an administrator"
        }
    }
}
