import ExposureMetrics
import TenantModel
import Trace

/// Receives audit records, in order.
public protocol AuditOutput {
    /// Takes one `directoryAudit` record; `encoder` writes it as JSON and names its parties.
    mutating func write(_ entry: AuditEntry, encoder: inout AuditEncoder)
    /// Called once after the last record.
    mutating func finish()
}

/// Keeps audit records in memory as JSON values (tests, small runs).
public struct AuditCollector: AuditOutput {
    /// The records, in order.
    public private(set) var records: [JSONValue] = []
    /// Creates an empty collector.
    public init() {}
    /// Appends the record's JSON value.
    public mutating func write(_ entry: AuditEntry, encoder: inout AuditEncoder) { records.append(entry.json(encoder.identity)) }
    /// Nothing to do.
    public mutating func finish() {}
}

/// Turns the engine's trace into Microsoft Entra audit records (`directoryAudit`), streaming.
///
/// Activity names are the exact ones Entra logs for PIM (category `RoleManagement`); see
/// docs/audit-log.md for the mapping and the choices made where Microsoft is silent. Memory
/// grows with requests and assignments (to name them in later records), not with events.
public struct AuditLogBuilder<Output: AuditOutput>: TraceSink {
    /// Where records go.
    public internal(set) var output: Output
    let identity: AuditIdentity
    var encoder: AuditEncoder
    var sequence: UInt64 = 0
    var requests: [Int: (user: UserIndex, role: RoleIndex, duration: Int64)] = [:]
    var assignments: [Int: Assignment] = [:]
    var extensionRequests: [Int: (user: UserIndex, assignment: Int, renewal: Bool)] = [:]
    /// The request behind each activation, so that its end shares the request's correlation id.
    var activationRequests: [Int: Int] = [:]
    /// Access package requests and assignments, to name them in later records.
    var packageRequests: [Int: (user: UserIndex, package: Int, policy: Int, extend: Bool)] = [:]
    var packageAssignments: [Int: (user: UserIndex, package: Int, policy: Int)] = [:]
    /// The user whose package assignment started or ended last, and when: the membership changes
    /// that follow at that instant are entitlement management's.
    var packageGrant: (time: Int64, user: UserIndex)?
    /// Whether the scenario has access packages (else no record is one of theirs).
    let hasPackages: Bool
    /// A submission held back one record, so that an immediate rejection becomes its failure result.
    var heldSubmission: (time: Int64, id: Int)?
    /// PIM's alerts, evaluated alongside, for `Triggered PIM alert` and `Resolve PIM alert`.
    var alerts: AlertFold

    /// Creates a builder for one run.
    public init(identity: AuditIdentity, output: Output) {
        self.identity = identity
        encoder = AuditEncoder(identity: identity)
        self.output = output
        alerts = AlertFold(scenario: identity.scenario, journal: true)
        hasPackages = !identity.scenario.accessPackages.isEmpty
    }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        alerts.record(record)
        if let held = heldSubmission {
            heldSubmission = nil
            if case .requestRejected(_, let id, let reason) = record, id == held.id {
                emitSubmission(held, rejection: reason)
                return
            }
            emitSubmission(held, rejection: nil)
        }
        // Alert changes of earlier instants are settled now: they go in before this record.
        for change in alerts.settledChanges(before: record.time) where change.alert.isPIMAlert { alertChanged(change) }
        if hasPackages, packageRecord(record) { return }
        switch record {
        case .requestSubmitted(let time, let id, let user, let role, let duration):
            requests[id] = (user, role, duration)
            heldSubmission = (time, id)
        case .approvalRequested(let time, let id, let approvers):
            requestRecord(time, id, "Add member to role approval requested (PIM activation)", operation: "Add",
                          by: requester(id), details: ["Approvers": approvers.map { identity.principalName(user: $0) }.joined(separator: ",")])
        case .requestApproved(let time, let id, let approver):
            requestRecord(time, id, "Add member to role request approved (PIM activation)", operation: "Update", by: .user(approver))
        case .requestDenied(let time, let id, let approver):
            requestRecord(time, id, "Add member to role request denied (PIM activation)", operation: "Update", by: .user(approver))
        case .requestExpired(let time, let id):
            requestRecord(time, id, "PIM activation request expired", operation: "Update", by: .service,
                          reason: "No approver answered within 24 hours")
        case .requestCancelled(_, _, .administrator):
            // Logged, with the administrator as initiator, from the `adminAction` record before it.
            break
        case .requestCancelled(let time, let id, let reason):
            requestRecord(time, id, "Add member to role canceled (PIM activation)", operation: "Update", by: .service,
                          reason: AuditReasons.describe(reason))
        case .activationStarted(let time, let activation, let request, _, _, let end, _):
            activationRequests[activation] = request
            requestRecord(time, request, "Add member to role completed (PIM activation)", operation: "Add", by: requester(request),
                          details: ["StartTime": timestamp(time), "ExpirationTime": timestamp(end)])
        case .activationEnded(_, let activation, _, _, .revoked):
            // Logged from the `adminAction` record before it.
            activationRequests[activation] = nil
        case .activationEnded(let time, let activation, let user, let role, let reason):
            let request = activationRequests.removeValue(forKey: activation)
            activationEnded(time, user: user, role: role, reason: reason,
                            correlation: request.map { identity.guidValue("request", UInt64($0)) } ?? identity.guidValue("activation", UInt64(activation)))
        case .assignmentStarted(let time, let id, let assignment):
            assignments[id] = assignment
            // Assignments in force when the scenario starts existed before it: nothing to log.
            // Those that start later, or that an `assign` event makes, are logged.
            if time > 0 || assignment.start > 0 || assignment.origin.hasPrefix("events[") { assignmentStarted(time, id, assignment) }
        case .assignmentEnded(let time, let id, let reason, let started):
            if started { assignmentEnded(time, id, reason) }
        case .membershipChanged(let time, let group, let user, let added):
            membershipChanged(time, group: group, user: user, added: added)
        case .userJoined(let time, let user):
            emit(time, "Add user", category: "UserManagement", service: "Core Directory", operation: "Add",
                 by: .scenario, correlation: identity.guidValue("join", UInt64(user.rawValue)), targets: [userTarget(user)])
        case .managerChanged(let time, let user, let manager):
            emit(time, "Update user", category: "UserManagement", service: "Core Directory", operation: "Update",
                 by: .scenario, correlation: identity.guidValue("manager", sequence), targets: [userTarget(user)],
                 details: ["Manager": manager.map { identity.principalName(user: $0) } ?? ""])
        case .reviewStarted, .reviewDecided, .reviewApplied:
            // Review decisions live in the access reviews' own history; removals are logged as such.
            break
        case .userDeparted, .compromiseStarted, .compromiseEnded, .servicePrincipalCompromise:
            // A departure is an HR fact, a compromise is invisible: the directory sees only what follows.
            break
        case .userDisabled(let time, let user):
            emit(time, "Disable account", category: "UserManagement", service: "Core Directory", operation: "Update",
                 by: .scenario, correlation: identity.guidValue("disable", UInt64(user.rawValue)), targets: [userTarget(user)])
        case .policyChanged(let time, let role, _):
            let target: AuditParty = role.map { roleTarget($0) } ?? .allRoles
            emit(time, "Update role setting in PIM", operation: "Update", by: .scenario,
                 correlation: identity.guidValue("policy", sequence), targets: [target])
        case .assignmentRefused(let time, let assignment, let reason):
            let span = assignment.isPermanent ? "permanent" : "timebound"
            let activity = assignment.type == .eligible
                ? "Add eligible member to role in PIM requested (\(span))" : "Add member to role in PIM requested (\(span))"
            emit(time, activity, operation: "Add", by: .scenario, result: "failure",
                 reason: "RoleAssignmentRequestPolicyValidationFailed: The following policy rules failed: [\"ExpirationRule\"] (\(reason))",
                 correlation: identity.guidValue("refused", sequence),
                 targets: [roleTarget(assignment.role), principalTarget(assignment.principal)], details: ["Scope": assignment.scope])
        case .removalRefused(let time, _, let ids):
            // One failed removal request per active assignment the event would have ended.
            for id in ids {
                guard let assignment = assignments[id] else { continue }
                let span = assignment.isPermanent ? "permanent" : "timebound"
                emit(time, "Remove member from role in PIM requested (\(span))", operation: "Delete", by: .scenario, result: "failure",
                     reason: AuditReasons.lastGlobalAdministrator,
                     correlation: identity.guidValue("removal-refused", sequence),
                     targets: [roleTarget(assignment.role), principalTarget(assignment.principal)], details: ["Scope": assignment.scope])
            }
        case .deactivationRefused(let time, let user, let role):
            emit(time, "Remove member from role requested (PIM deactivate)", operation: "Delete", by: .user(user), result: "failure",
                 reason: "An activation cannot be deactivated in its first 5 minutes",
                 correlation: identity.guidValue("deactivation", sequence), targets: [roleTarget(role), userTarget(user)])
        case .extensionRequested(let time, let id, let user, _, let assignment, let renewal, let approvers):
            extensionRequests[id] = (user, assignment, renewal)
            extensionRecord(time, id, activity: { renewal ? "Add \($0)to role in PIM requested (renew)" : "Update \($0)in PIM requested (extend)" },
                            by: .user(user), details: ["Approvers": approvers.map { identity.principalName(user: $0) }.joined(separator: ",")])
        case .extensionDecided(let time, let id, let approver, let approved):
            let activity = approved ? "Update member in PIM approved by admin (extend/renew)" : "Update member in PIM denied by admin (extend/renew)"
            extensionRecord(time, id, activity: { _ in activity }, by: .user(approver))
        case .extensionExpired(let time, let id):
            let renewal = extensionRequests[id]?.renewal ?? false
            extensionRecord(time, id, activity: { renewal ? "Add \($0)to role in PIM canceled (renew)" : "Update \($0)in PIM canceled (extend)" },
                            by: .service, reason: "No administrator answered within 24 hours")
        case .extensionRefused(let time, let user, let role, let reason):
            emit(time, "Update member in PIM requested (extend)", operation: "Update", by: .user(user), result: "failure", reason: reason,
                 correlation: identity.guidValue("extension-refused", sequence), targets: [roleTarget(role), userTarget(user)])
        case .assignmentExtended(_, let id, let end):
            assignments[id]?.end = end
        case .adminAction(let time, let kind, let admin, let principal, let role, let result):
            adminAction(time, kind, admin: admin, principal: principal, role: role, result: result)
        case .requestRejected, .accessChanged, .scopedAccessChanged, .notificationSent, .membershipProvisioning:
            break
        case .taskArrived, .taskStarted, .taskBlocked, .taskFinished, .mfaPrompt, .mfaSatisfiedBySession, .signedIn:
            // Work, prompts and sign-ins are not directory changes: Entra keeps them out of the
            // audit log (sign-ins go to the sign-in log).
            break
        case .finished:
            output.finish()
        default:
            // Access package records were written by `packageRecord`.
            break
        }
    }

    // MARK: Records

    mutating func emitSubmission(_ held: (time: Int64, id: Int), rejection: RejectionReason?) {
        requestRecord(held.time, held.id, "Add member to role requested (PIM activation)", operation: "Add",
                      by: requester(held.id), result: rejection == nil ? "success" : "failure",
                      reason: rejection.map { AuditReasons.describe($0) } ?? "",
                      details: ["RequestedDuration": TimeText.duration(requests[held.id]?.duration ?? 0)])
    }

    mutating func requestRecord(
        _ time: Int64, _ id: Int, _ activity: String, operation: String, by actor: Actor,
        result: String = "success", reason: String = "", details: [String: String] = [:]
    ) {
        guard let request = requests[id] else { return }
        let requestId = identity.guidValue("request", UInt64(id))
        var details = details
        details["RequestId"] = requestId.text
        emit(time, activity, category: category(of: request.role), operation: operation, by: actor, result: result, reason: reason,
             correlation: requestId,
             targets: [roleTarget(request.role), userTarget(request.user)], details: details)
    }

    mutating func activationEnded(_ time: Int64, user: UserIndex, role: RoleIndex, reason: ActivationEndReason, correlation: AuditGUID) {
        if reason == .deactivated {
            emit(time, "Remove member from role requested (PIM deactivate)", operation: "Delete", by: .user(user),
                 correlation: correlation, targets: [roleTarget(role), userTarget(user)])
        }
        let activity = reason == .expired
            ? "Remove member from role (PIM activation expired)" : "Remove member from role completed (PIM deactivate)"
        let actor: Actor = reason == .deactivated ? .user(user) : .service
        emit(time, activity, category: category(of: role), operation: "Delete", by: actor, reason: AuditReasons.describe(reason),
             correlation: correlation, targets: [roleTarget(role), userTarget(user)])
    }

    mutating func assignmentStarted(_ time: Int64, _ id: Int, _ assignment: Assignment) {
        let span = assignment.isPermanent ? "permanent" : "timebound"
        let activity: String
        if assignment.outsidePIM {
            activity = "Add member to role outside of PIM (permanent)"
        } else if assignment.type == .eligible {
            activity = "Add eligible member to role in PIM completed (\(span))"
        } else {
            activity = "Add member to role in PIM completed (\(span))"
        }
        var details = ["Scope": assignment.scope, "StartTime": timestamp(max(assignment.start, 0))]
        if let end = assignment.end { details["ExpirationTime"] = timestamp(end) }
        emit(time, activity, category: category(of: assignment.role), operation: "Add", by: .scenario, correlation: identity.guidValue("assignment", UInt64(id)),
             targets: [roleTarget(assignment.role), principalTarget(assignment.principal)], details: details)
    }

    mutating func assignmentEnded(_ time: Int64, _ id: Int, _ reason: AssignmentEndReason) {
        guard let assignment = assignments[id] else { return }
        let span = assignment.isPermanent ? "permanent" : "timebound"
        let activity = assignment.type == .eligible
            ? "Remove eligible member from role in PIM completed (\(span))" : "Remove member from role in PIM completed (\(span))"
        emit(time, activity, category: category(of: assignment.role), operation: "Delete", by: reason == .removed ? .scenario : .service,
             reason: reason == .removed ? "Removed by an administrator" : "Assignment expired",
             correlation: identity.guidValue("assignment", UInt64(id)),
             targets: [roleTarget(assignment.role), principalTarget(assignment.principal)], details: ["Scope": assignment.scope])
    }

    /// A record about an extension or renewal; `activity` gets "member " or "eligible member ".
    mutating func extensionRecord(
        _ time: Int64, _ id: Int, activity: (String) -> String, by actor: Actor, reason: String = "", details: [String: String] = [:]
    ) {
        guard let request = extensionRequests[id], let assignment = assignments[request.assignment] else { return }
        let noun = assignment.type == .eligible ? "eligible member " : "member "
        emit(time, activity(noun), operation: "Update", by: actor, reason: reason,
             correlation: identity.guidValue("extension", UInt64(id)),
             targets: [roleTarget(assignment.role), userTarget(request.user)], details: details)
    }

    mutating func membershipChanged(_ time: Int64, group: GroupIndex, user: UserIndex, added: Bool) {
        let byPackage = packageGrant.map { $0.time == time && $0.user == user } ?? false
        emit(time, added ? "Add member to group" : "Remove member from group", category: "GroupManagement",
             service: "Core Directory", operation: added ? "Add" : "Delete", by: byPackage ? .entitlementManagement : .scenario,
             correlation: identity.guidValue("membership", sequence), targets: [groupTarget(group), userTarget(user)])
    }
}
