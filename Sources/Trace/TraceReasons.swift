/// Why a task could not get the access it needed.
public enum TaskBlockReason: String, Sendable {
    /// The activation request was rejected on arrival (not eligible, disabled...).
    case rejected
    /// An approver denied it.
    case denied
    /// No approver answered within 24 hours.
    case expired
    /// The request was cancelled.
    case cancelled
    /// Every MFA prompt failed.
    case mfaFailed
    /// The user has no registered method of the strength the role's authentication context asks for.
    case authenticationStrength
    /// The request was still pending approval at the horizon.
    case pendingAtHorizon
}

/// Why a request was rejected on arrival (contract rule 1).
public enum RejectionReason: String, Sendable {
    /// The requester's account is disabled.
    case requesterDisabled
    /// No eligible assignment for the role is in effect for the requester.
    case notEligible
    /// The requester already holds the role.
    case alreadyHoldsRole
    /// The requester already has a request for the role pending approval.
    case requestPending
}

/// Why a pending request was cancelled (contract rule 3).
public enum CancellationReason: String, Sendable {
    /// The requester was disabled while it was pending, or by the decision time.
    case requesterDisabled
    /// The requester was no longer eligible at the decision time.
    case notEligible
    /// The requester already held the role at the decision time.
    case alreadyHoldsRole
    /// An administrator cancelled it (`cancelRequest`).
    case administrator
}

/// Why an activation ended (contract rule 4).
public enum ActivationEndReason: String, Sendable {
    /// It reached the end of its duration.
    case expired
    /// The user lost every eligible path to the role.
    case eligibilityLost
    /// The user was disabled.
    case userDisabled
    /// The user deactivated it early.
    case deactivated
    /// An administrator removed it (`revokeActivation`); the eligibility stays.
    case revoked
}

/// Why an assignment ended.
public enum AssignmentEndReason: String, Sendable {
    /// It reached its end time.
    case expired
    /// A `remove` event ended it.
    case removed
}
