import TenantModel
import Trace

/// Entitlement management's records (category `EntitlementManagement`, or `UserManagement` for
/// the approval objects), with the activity names Microsoft Learn lists in "View reports and
/// logs in entitlement management" (docs/audit-log.md).
extension AuditLogBuilder {
    /// The service name in `loggedByService` for entitlement management.
    static var entitlementService: String { "Entitlement Management" }

    /// Writes the records of one access package trace record; false when `record` is not one.
    mutating func packageRecord(_ record: TraceRecord) -> Bool {
        switch record {
        case .packageRequestSubmitted(_, let id, let user, let package, let policy, let extend):
            packageRequests[id] = (user, package, policy, extend)
        case .packageRequestRejected(let time, let id, let reason):
            packageRequestRecord(time, id, "User requests access package assignment", by: nil, result: "failure", reason: reason.rawValue)
        case .packageStageStarted(let time, let id, let stage, let approvers, let fallback):
            if stage == 1 {
                packageRequestRecord(time, id, "User requests access package assignment", by: nil)
            }
            approvalRecords(time, id, stage: stage, approvers: approvers, fallback: fallback, escalation: false)
        case .packageStageEscalated(let time, let id, let stage, let approvers, let fallback):
            approvalRecords(time, id, stage: stage, approvers: approvers, fallback: fallback, escalation: true)
        case .packageStageDecided(let time, let id, let stage, let approver, let approved):
            packageRequestRecord(time, id, approved ? "Approve access package assignment request" : "Deny access package assignment request",
                                 by: .user(approver), details: ["ApprovalStage": String(stage)])
        case .packageRequestTimedOut(let time, let id, let stage):
            packageRequestRecord(time, id, "Access package assignment request timed out (no approver action taken)", by: Actor.entitlementManagement,
                                 result: "timeout", details: ["ApprovalStage": String(stage)])
        case .packageRequestCancelled(let time, let id, let reason):
            packageRequestRecord(time, id, "Cancel access package assignment request", by: Actor.entitlementManagement, reason: reason.rawValue)
        case .packageRequestFulfilled(let time, let id, _):
            guard let request = packageRequests[id] else { break }
            let needsApproval = packageNeedsApproval(request)
            if !needsApproval {
                packageRequestRecord(time, id, "User requests access package assignment", by: nil)
                packageRequestRecord(time, id, "Auto approve access package assignment request", by: .entitlementManagement)
            }
            packageRequestRecord(time, id, "Ready to fulfill access package assignment request", by: .entitlementManagement)
        case .packageAssignmentStarted(let time, let id, let user, let package, let policy, let end, let request, let admin):
            packageAssignments[id] = (user, package, policy)
            packageGrant = (time, user)
            var details = ["PolicyId": policyName(package, policy)]
            if let end { details["ExpirationTime"] = timestamp(end) }
            if let request {
                emit(time, "Fulfill access package assignment", category: "EntitlementManagement", service: Self.entitlementService,
                     operation: "Add", by: .user(user), correlation: identity.guidValue("package-request", UInt64(request)),
                     targets: [.accessPackage(package), userTarget(user)], details: details)
            } else {
                emit(time, "Administrator directly assigns user to access package", category: "EntitlementManagement",
                     service: Self.entitlementService, operation: "Add", by: admin.map { Actor.user($0) } ?? .scenario,
                     correlation: identity.guidValue("package-assignment", UInt64(id)), targets: [.accessPackage(package), userTarget(user)],
                     details: details)
            }
        case .packageAssignmentExtended(let time, let id, let end):
            guard let assignment = packageAssignments[id] else { break }
            emit(time, "Update access package assignment", category: "EntitlementManagement", service: Self.entitlementService,
                 operation: "Update", by: .user(assignment.user), correlation: identity.guidValue("package-assignment", UInt64(id)),
                 targets: [.accessPackage(assignment.package), userTarget(assignment.user)], details: ["ExpirationTime": timestamp(end)])
        case .packageAssignmentEnded(let time, let id, let reason, let admin):
            guard let assignment = packageAssignments.removeValue(forKey: id) else { break }
            packageGrant = (time, assignment.user)
            let actor: Actor = reason == .removed ? (admin.map { Actor.user($0) } ?? .scenario) : .entitlementManagement
            emit(time, "Remove access package assignment", category: "EntitlementManagement", service: Self.entitlementService,
                 operation: "Delete", by: actor, reason: reason.rawValue, correlation: identity.guidValue("package-assignment", UInt64(id)),
                 targets: [.accessPackage(assignment.package), userTarget(assignment.user)])
        case .groupOwnershipChanged(let time, let group, let user, let added):
            emit(time, added ? "Add owner to group" : "Remove owner from group", category: "GroupManagement", service: "Core Directory",
                 operation: added ? "Add" : "Delete", by: Actor.entitlementManagement, correlation: identity.guidValue("ownership", sequence),
                 targets: [groupTarget(group), userTarget(user)])
        case .packageReviewStarted, .packageReviewDecided:
            // Review decisions live in the access reviews' own history; removals are logged as such.
            break
        default:
            return false
        }
        return true
    }

    /// Whether the request went through approval stages.
    func packageNeedsApproval(_ request: (user: UserIndex, package: Int, policy: Int, extend: Bool)) -> Bool {
        guard request.policy >= 0 else { return false }
        return identity.scenario.accessPackages[request.package].policies[request.policy].needsApproval(extending: request.extend)
    }

    /// The policy's name as the records show it.
    func policyName(_ package: Int, _ policy: Int) -> String {
        policy >= 0 ? identity.scenario.accessPackages[package].policies[policy].id : ""
    }

    /// A record about a request: initiated by the requester unless `by` says otherwise.
    mutating func packageRequestRecord(
        _ time: Int64, _ id: Int, _ activity: String, by actor: Actor?, result: String = "success", reason: String = "",
        details: [String: String] = [:]
    ) {
        guard let request = packageRequests[id] else { return }
        var details = details
        details["RequestType"] = request.extend ? "UserExtend" : "UserAdd"
        details["PolicyId"] = policyName(request.package, request.policy)
        emit(time, activity, category: "EntitlementManagement", service: Self.entitlementService, operation: request.extend ? "Update" : "Add",
             by: actor ?? .user(request.user), result: result, reason: reason,
             correlation: identity.guidValue("package-request", UInt64(id)),
             targets: [.accessPackage(request.package), userTarget(request.user)], details: details)
    }

    /// `Create request approval` (first stage only) and `Add approver to request approval` per approver.
    mutating func approvalRecords(_ time: Int64, _ id: Int, stage: Int, approvers: [UserIndex], fallback: Bool, escalation: Bool) {
        guard let request = packageRequests[id] else { return }
        let correlation = identity.guidValue("package-request", UInt64(id))
        var details = ["ApprovalStage": String(stage)]
        if fallback { details["Fallback"] = "true" }
        if escalation { details["Escalation"] = "true" }
        if stage == 1 && !escalation {
            emit(time, "Create request approval", category: "UserManagement", service: Self.entitlementService, operation: "Add",
                 by: Actor.entitlementManagement, correlation: correlation, targets: [.accessPackage(request.package), userTarget(request.user)],
                 details: details)
        }
        for approver in approvers {
            emit(time, "Add approver to request approval", category: "UserManagement", service: Self.entitlementService, operation: "Update",
                 by: Actor.entitlementManagement, correlation: correlation, targets: [userTarget(approver), .accessPackage(request.package)],
                 details: details)
        }
    }
}
