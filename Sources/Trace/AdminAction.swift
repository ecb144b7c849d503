import SimKernel

/// The administrators' actions a scenario's events can take.
public enum AdminActionKind: String, Sendable, CaseIterable {
    /// `cancelRequest`: a user's pending activation request is cancelled.
    case cancelRequest
    /// `revokeActivation`: a user's live activation is removed; the eligibility stays.
    case revokeActivation
    /// `adminExtend`: assignments are extended without approval.
    case adminExtend
}

/// What became of an administrator's action.
public enum AdminActionResult: Sendable, Equatable {
    /// It took effect on `targets`: the request ids (cancel), the activation id (revoke) or the
    /// assignment ids (extend); `ends` holds each extended assignment's new end (empty otherwise).
    case done(targets: [Int], ends: [SimTime])
    /// Entra refused it: the administrator is disabled or holds neither Privileged Role
    /// Administrator nor Global Administrator. The reason in words.
    case refused(String)
    /// There was nothing to act on (no pending request, no live activation, no assignment to
    /// extend). The reason in words.
    case noEffect(String)
}
