/// Why an access package request was refused on arrival.
public enum PackageRejection: String, Sendable, CaseIterable {
    /// The disabled account cannot sign in to My Access.
    case requesterDisabled
    /// No policy of the package (or not the one named) admits the user as a requestor.
    case notAllowed
    /// The user already has an assignment of the package (a new request).
    case alreadyAssigned
    /// A request of the user for the package is already under way.
    case requestPending
    /// An extension of an assignment the user does not have.
    case noAssignment
    /// The assignment's policy does not let assignees ask for an extension.
    case extensionNotAllowed
    /// The assignment never expires, or ends on a fixed date: nothing to extend.
    case nothingToExtend
    /// The assignment ends more than 14 days from now: too early to ask.
    case tooEarly
    /// The policy's fixed expiry date has passed: an assignment would end before it began.
    case policyExpired
}

/// Why a request under way was cancelled.
public enum PackageCancellation: String, Sendable, CaseIterable {
    /// The requester's account was disabled.
    case requesterDisabled
    /// The user got an assignment of the package meanwhile (an administrator assigned it).
    case alreadyAssigned
    /// The assignment to extend ended meanwhile.
    case assignmentEnded
}

/// Why an access package assignment ended.
public enum PackageAssignmentEndReason: String, Sendable, CaseIterable {
    /// It reached its expiry.
    case expired
    /// An administrator removed it.
    case removed
    /// An access review of the package denied it.
    case reviewDenied
}
