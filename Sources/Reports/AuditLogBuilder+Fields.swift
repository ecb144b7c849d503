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
        correlation: String, targets: [JSONValue], details: [String: String] = [:]
    ) {
        let id = identity.guid("audit", sequence)
        sequence += 1
        output.write(.object([
            "id": .string(id),
            "activityDateTime": .string(timestamp(time)),
            "activityDisplayName": .string(activity),
            "category": .string(category),
            "loggedByService": .string(service),
            "operationType": .string(operation),
            "result": .string(result),
            "resultReason": .string(reason),
            "correlationId": .string(correlation),
            "initiatedBy": initiator(actor),
            "targetResources": .array(targets),
            "additionalDetails": .array(details.keys.sorted().map { key in
                .object(["key": .string(key), "value": .string(details[key] ?? "")])
            }),
        ]))
    }

    func requester(_ request: Int) -> Actor {
        requests[request].map { .user($0.user) } ?? .service
    }

    func initiator(_ actor: Actor) -> JSONValue {
        switch actor {
        case .user(let user):
            return .object(["user": .object([
                "id": .string(identity.objectId(user: user)),
                "displayName": .string(identity.scenario.tenant[user].displayName),
                "userPrincipalName": .string(identity.principalName(user: user)),
            ])])
        case .service:
            return .object(["app": .object(["displayName": .string("MS-PIM"), "appId": .null])])
        case .scenario:
            return .object(["app": .object(["displayName": .string("pimsim scenario"), "appId": .null])])
        }
    }

    func userTarget(_ user: UserIndex) -> JSONValue {
        .object([
            "id": .string(identity.objectId(user: user)),
            "displayName": .string(identity.scenario.tenant[user].displayName),
            "type": .string("User"),
            "userPrincipalName": .string(identity.principalName(user: user)),
        ])
    }

    func groupTarget(_ group: GroupIndex) -> JSONValue {
        let definition = identity.scenario.tenant[group]
        return .object([
            "id": .string(identity.objectId(group: group)),
            "displayName": .string(definition.name ?? definition.id),
            "type": .string("Group"),
            "groupType": .string("azureAD"),
        ])
    }

    func roleTarget(_ role: RoleIndex) -> JSONValue {
        if let access = identity.scenario[role].groupAccess { return groupTarget(access.group) }
        return .object([
            "id": .string(identity.objectId(role: role)),
            "displayName": .string(identity.scenario[role].name),
            "type": .string("Role"),
        ])
    }

    func principalTarget(_ principal: Principal) -> JSONValue {
        switch principal {
        case .user(let user): return userTarget(user)
        case .group(let group): return groupTarget(group)
        }
    }

    /// The simulated time as an ISO 8601 UTC timestamp.
    func timestamp(_ time: Int64) -> String {
        TimeText.timestamp(epoch: identity.scenario.startEpoch + time)
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
