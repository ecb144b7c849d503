import TenantModel
import Trace

/// Audit records of administrators' actions: initiated by the administrator (or by the app
/// `pimsim scenario` when the event names none), with Entra's activity names.
extension AuditLogBuilder {
    /// One `adminAction` trace record: a record per target when it took effect, one failed record
    /// when Entra refused it, none when there was nothing to act on.
    mutating func adminAction(
        _ time: Int64, _ kind: AdminActionKind, admin: UserIndex?, principal: Principal, role: RoleIndex, result: AdminActionResult
    ) {
        let actor: Actor = admin.map { .user($0) } ?? .scenario
        switch result {
        case .noEffect:
            return
        case .refused(let reason):
            emit(time, Self.requestedActivity(kind, eligible: false), category: category(of: role), operation: operation(kind),
                 by: actor, result: "failure", reason: Self.sentence(reason),
                 correlation: identity.guidValue("admin-refused", sequence), targets: [roleTarget(role), principalTarget(principal)])
        case .done(let targets, let ends):
            switch kind {
            case .cancelRequest:
                for id in targets {
                    requestRecord(time, id, "Add member to role canceled (PIM activation)", operation: "Update", by: actor,
                                  reason: AuditReasons.describe(CancellationReason.administrator))
                }
            case .revokeActivation:
                for activation in targets {
                    let request = activationRequests[activation]
                    let correlation = request.map { identity.guidValue("request", UInt64($0)) } ?? identity.guidValue("activation", UInt64(activation))
                    var details: [String: String] = [:]
                    if let request { details["RequestId"] = identity.guid("request", UInt64(request)) }
                    emit(time, "Remove member from role in PIM completed (timebound)", category: category(of: role), operation: "Delete",
                         by: actor, reason: AuditReasons.describe(ActivationEndReason.revoked), correlation: correlation,
                         targets: [roleTarget(role), principalTarget(principal)], details: details)
                }
            case .adminExtend:
                for (id, end) in zip(targets, ends) {
                    guard let assignment = assignments[id] else { continue }
                    emit(time, Self.requestedActivity(kind, eligible: assignment.type == .eligible), category: category(of: role),
                         operation: "Update", by: actor, reason: "Extended by an administrator; no approval needed",
                         correlation: identity.guidValue("admin-extension", sequence),
                         targets: [roleTarget(assignment.role), principalTarget(assignment.principal)],
                         details: ["Scope": assignment.scope, "ExpirationTime": timestamp(end)])
                }
            }
        }
    }

    /// The activity of an administrator's request, used for refusals and for extensions (Entra's
    /// list has no "completed (extend)" activity).
    static func requestedActivity(_ kind: AdminActionKind, eligible: Bool) -> String {
        switch kind {
        case .cancelRequest: return "Add member to role canceled (PIM activation)"
        case .revokeActivation: return "Remove member from role in PIM requested (timebound)"
        case .adminExtend: return eligible ? "Update eligible member in PIM requested (extend)" : "Update member in PIM requested (extend)"
        }
    }

    func operation(_ kind: AdminActionKind) -> String {
        kind == .revokeActivation ? "Delete" : "Update"
    }

    /// The reason as a sentence: its first letter capitalised.
    static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
