import SimKernel
import TenantModel

/// One thing that happened in a run, with audit-log vocabulary; metrics are folds over these.
public enum TraceRecord: Sendable {
    /// An assignment took effect.
    case assignmentStarted(time: SimTime, id: Int, assignment: Assignment)
    /// An assignment ended (or a scheduled one was removed before it started, when `started` is false).
    case assignmentEnded(time: SimTime, id: Int, reason: AssignmentEndReason, started: Bool)
    /// A user joined or left a group.
    case membershipChanged(time: SimTime, group: GroupIndex, user: UserIndex, added: Bool)
    /// A user's account was disabled.
    case userDisabled(time: SimTime, user: UserIndex)
    /// A user departed; the account stays enabled until it is disabled (leaver exposure).
    case userDeparted(time: SimTime, user: UserIndex)
    /// A user appeared (joined).
    case userJoined(time: SimTime, user: UserIndex)
    /// A user's manager changed.
    case managerChanged(time: SimTime, user: UserIndex, manager: UserIndex?)
    /// An access review instance started with this many items.
    case reviewStarted(time: SimTime, review: Int, instance: Int, items: Int)
    /// An item was decided: by a reviewer, or by the default decision at the end.
    case reviewDecided(time: SimTime, review: Int, principal: Principal, role: RoleIndex, approved: Bool, byReviewer: Bool)
    /// An instance's results were applied: these assignments were removed.
    case reviewApplied(time: SimTime, review: Int, removed: [Int])
    /// An attacker started acting as the user.
    case compromiseStarted(time: SimTime, user: UserIndex)
    /// The attacker lost the account.
    case compromiseEnded(time: SimTime, user: UserIndex)
    /// An attacker started (or stopped) acting as a service principal, with its leaked credential.
    case servicePrincipalCompromise(time: SimTime, servicePrincipal: Int, started: Bool)
    /// An activation request arrived.
    case requestSubmitted(time: SimTime, id: Int, user: UserIndex, role: RoleIndex, duration: SimTime)
    /// It was rejected on arrival.
    case requestRejected(time: SimTime, id: Int, reason: RejectionReason)
    /// It needs approval from these approvers (empty: it will expire).
    case approvalRequested(time: SimTime, id: Int, approvers: [UserIndex])
    /// An approver approved it.
    case requestApproved(time: SimTime, id: Int, approver: UserIndex)
    /// An approver denied it.
    case requestDenied(time: SimTime, id: Int, approver: UserIndex)
    /// No answer came within 24 hours.
    case requestExpired(time: SimTime, id: Int)
    /// It was cancelled.
    case requestCancelled(time: SimTime, id: Int, reason: CancellationReason)
    /// A request was granted: the activation runs from `time` until `scheduledEnd` at the latest, at
    /// directory scope `scope` (`/` for the tenant).
    case activationStarted(time: SimTime, id: Int, request: Int, user: UserIndex, role: RoleIndex, scheduledEnd: SimTime, scope: String)
    /// An activation ended.
    case activationEnded(time: SimTime, id: Int, user: UserIndex, role: RoleIndex, reason: ActivationEndReason)
    /// A privileged task arrived: the user needs the role for `duration` of work.
    case taskArrived(time: SimTime, id: Int, generator: Int, user: UserIndex, role: RoleIndex, duration: SimTime)
    /// The task got its access and started, `waited` seconds after it arrived.
    case taskStarted(time: SimTime, id: Int, waited: SimTime)
    /// The task could not get access.
    case taskBlocked(time: SimTime, id: Int, reason: TaskBlockReason)
    /// The task's work is done.
    case taskFinished(time: SimTime, id: Int)
    /// The user was prompted for MFA before an activation request.
    case mfaPrompt(time: SimTime, user: UserIndex, role: RoleIndex, passed: Bool)
    /// An activation needed MFA (or a stronger authentication) and the session already had it: no prompt.
    case mfaSatisfiedBySession(time: SimTime, user: UserIndex, role: RoleIndex)
    /// The user signed in (on schedule, or because PIM was needed without a session); `mfa` when
    /// Conditional Access asked for MFA at the sign-in.
    case signedIn(time: SimTime, user: UserIndex, scheduled: Bool, mfa: Bool)
    /// The role settings changed (for `role`, or for every role when nil); `policies` is the whole
    /// set in effect from now on.
    case policyChanged(time: SimTime, role: RoleIndex?, policies: PolicySet)
    /// An `assign` event broke its role's assignment rule and PIM refused it.
    case assignmentRefused(time: SimTime, assignment: Assignment, reason: String)
    /// A `remove` event would have ended the last active Global Administrator assignments in
    /// force (`assignments`, their ids): Entra refuses it, and nothing changed.
    case removalRefused(time: SimTime, filter: RemovalFilter, assignments: [Int])
    /// A user asked to deactivate within the first five minutes of an activation: refused.
    case deactivationRefused(time: SimTime, user: UserIndex, role: RoleIndex)
    /// A user asked to extend (`renewal` false) or renew an assignment; `assignment` is its id.
    case extensionRequested(time: SimTime, id: Int, user: UserIndex, role: RoleIndex, assignment: Int, renewal: Bool, approvers: [UserIndex])
    /// An extension or renewal request could not be made: no assignment ends within 14 days or
    /// expired within 30, or it comes through a group.
    case extensionRefused(time: SimTime, user: UserIndex, role: RoleIndex, reason: String)
    /// An administrator decided an extension or renewal request.
    case extensionDecided(time: SimTime, id: Int, approver: UserIndex, approved: Bool)
    /// No administrator answered within 24 hours.
    case extensionExpired(time: SimTime, id: Int)
    /// An assignment's end moved (extension): it now ends at `end`.
    case assignmentExtended(time: SimTime, id: Int, end: SimTime)
    /// An administrator's action (`admin`; nil: the scenario acting as an administrator) on
    /// `principal`'s access to `role`. Recorded before its effects (a cancellation, an activation's
    /// end, extended assignments), which follow at the same time.
    case adminAction(time: SimTime, kind: AdminActionKind, admin: UserIndex?, principal: Principal, role: RoleIndex, result: AdminActionResult)
    /// A user's access to a role changed; the state holds from `time` until the next change.
    case accessChanged(time: SimTime, user: UserIndex, role: RoleIndex, state: AccessState)
    /// A user's access to a role at one directory scope changed (only in scenarios with several
    /// scopes); `holds`, `standing` and `eligible` are meaningful in `state`.
    case scopedAccessChanged(time: SimTime, user: UserIndex, role: RoleIndex, scope: String, state: AccessState)
    /// PIM for Groups: activation `activation`'s membership waits for provisioning (`provisioned`
    /// false, right after its start), or has been provisioned (true).
    case membershipProvisioning(time: SimTime, activation: Int, provisioned: Bool)
    /// PIM sent `count` emails of `kind` about `role` to recipients of type `recipient`.
    case notificationSent(time: SimTime, kind: NotificationKind, recipient: NotificationRecipient, role: RoleIndex, count: Int)
    /// A user asked for an access package (`extend`: to extend their assignment of it) through
    /// policy `policy` (an index into the package's policies; -1 when none admits the user).
    case packageRequestSubmitted(time: SimTime, id: Int, user: UserIndex, package: Int, policy: Int, extend: Bool)
    /// The request was refused on arrival.
    case packageRequestRejected(time: SimTime, id: Int, reason: PackageRejection)
    /// Approval stage `stage` (from 1) began, asking `approvers` (the fallback approvers when
    /// `fallback`); nobody can answer when the list is empty.
    case packageStageStarted(time: SimTime, id: Int, stage: Int, approvers: [UserIndex], fallback: Bool)
    /// The stage escalated: `approvers` are asked too.
    case packageStageEscalated(time: SimTime, id: Int, stage: Int, approvers: [UserIndex], fallback: Bool)
    /// An approver decided the stage.
    case packageStageDecided(time: SimTime, id: Int, stage: Int, approver: UserIndex, approved: Bool)
    /// Nobody decided the stage before its timeout: the request is denied.
    case packageRequestTimedOut(time: SimTime, id: Int, stage: Int)
    /// The request was cancelled before it was fulfilled.
    case packageRequestCancelled(time: SimTime, id: Int, reason: PackageCancellation)
    /// The request was fulfilled: assignment `assignment` started, or (an extension) got a later end.
    case packageRequestFulfilled(time: SimTime, id: Int, assignment: Int)
    /// An access package assignment started; `request` is nil when an administrator (`by`; nil:
    /// the scenario) assigned it directly; `end` is nil when it never expires.
    case packageAssignmentStarted(time: SimTime, id: Int, user: UserIndex, package: Int, policy: Int, end: SimTime?, request: Int?, by: UserIndex?)
    /// An extension moved the assignment's end.
    case packageAssignmentExtended(time: SimTime, id: Int, end: SimTime)
    /// The assignment ended; everything it granted went with it.
    case packageAssignmentEnded(time: SimTime, id: Int, reason: PackageAssignmentEndReason, by: UserIndex?)
    /// A review instance of a package policy's assignments started with `items` assignments.
    case packageReviewStarted(time: SimTime, package: Int, policy: Int, instance: Int, items: Int)
    /// A review item was decided: by `reviewer`, or by the default decision at the end (nil).
    case packageReviewDecided(time: SimTime, package: Int, assignment: Int, approved: Bool, reviewer: UserIndex?)
    /// A user became (or stopped being) an owner of a group through an access package.
    case groupOwnershipChanged(time: SimTime, group: GroupIndex, user: UserIndex, added: Bool)
    /// The horizon was reached; the final state.
    case finished(horizon: SimTime, pendingRequests: [Int], orphanedAssignments: [Int])
}
