import SimKernel

extension TraceRecord {
    /// The record's time (the horizon for `finished`).
    public var time: SimTime {
        switch self {
        case .assignmentStarted(let time, _, _), .assignmentEnded(let time, _, _, _), .membershipChanged(let time, _, _, _),
             .userDisabled(let time, _), .userDeparted(let time, _), .userJoined(let time, _), .managerChanged(let time, _, _),
             .compromiseStarted(let time, _), .compromiseEnded(let time, _), .servicePrincipalCompromise(let time, _, _), .reviewStarted(let time, _, _, _),
             .reviewDecided(let time, _, _, _, _, _), .reviewApplied(let time, _, _),
             .requestSubmitted(let time, _, _, _, _), .requestRejected(let time, _, _),
             .approvalRequested(let time, _, _), .requestApproved(let time, _, _), .requestDenied(let time, _, _),
             .requestExpired(let time, _), .requestCancelled(let time, _, _), .activationStarted(let time, _, _, _, _, _, _),
             .activationEnded(let time, _, _, _, _), .taskArrived(let time, _, _, _, _, _), .taskStarted(let time, _, _),
             .taskBlocked(let time, _, _), .taskFinished(let time, _), .mfaPrompt(let time, _, _, _),
             .mfaSatisfiedBySession(let time, _, _), .signedIn(let time, _, _, _),
             .policyChanged(let time, _, _), .assignmentRefused(let time, _, _), .removalRefused(let time, _, _), .deactivationRefused(let time, _, _),
             .extensionRequested(let time, _, _, _, _, _, _), .extensionRefused(let time, _, _, _),
             .extensionDecided(let time, _, _, _), .extensionExpired(let time, _), .assignmentExtended(let time, _, _),
             .accessChanged(let time, _, _, _), .scopedAccessChanged(let time, _, _, _, _), .adminAction(let time, _, _, _, _, _),
             .notificationSent(let time, _, _, _, _), .membershipProvisioning(let time, _, _),
             .packageRequestSubmitted(let time, _, _, _, _, _), .packageRequestRejected(let time, _, _),
             .packageStageStarted(let time, _, _, _, _), .packageStageEscalated(let time, _, _, _, _),
             .packageStageDecided(let time, _, _, _, _), .packageRequestTimedOut(let time, _, _),
             .packageRequestCancelled(let time, _, _), .packageRequestFulfilled(let time, _, _),
             .packageAssignmentStarted(let time, _, _, _, _, _, _, _), .packageAssignmentExtended(let time, _, _),
             .packageAssignmentEnded(let time, _, _, _), .packageReviewStarted(let time, _, _, _, _),
             .packageReviewDecided(let time, _, _, _, _), .groupOwnershipChanged(let time, _, _, _):
            return time
        case .finished(let horizon, _, _):
            return horizon
        }
    }
}
