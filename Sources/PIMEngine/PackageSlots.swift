import SimKernel

/// An access package request as the engine tracks it.
struct PackageRequestSlot {
    enum Status { case pending, fulfilled, denied, timedOut, rejected, cancelled }
    let user: Int32
    let package: Int32
    /// The policy it goes through (-1 when none admits the user).
    let policy: Int32
    /// Extends `assignment` rather than asking for a new one.
    let extend: Bool
    let at: SimTime
    /// The request's stable identity for random draws: requester, package, time, occurrence.
    var key: UInt64 = 0
    var status: Status = .pending
    /// The assignment an extension is for, or -1.
    var assignment: Int32 = -1
    /// The current stage (from 0) and when it began.
    var stage: Int32 = 0
    var stageStart: SimTime = 0
    /// Bumped at every stage: events of an earlier stage are stale.
    var epoch: Int32 = 0
    /// Answers due in the current stage, sorted by time; `cursor` is the next one.
    var answers: [(time: SimTime, approver: Int32, approve: Bool)] = []
    var cursor = 0
    /// The approvers asked in the current stage (an escalation does not ask them twice).
    var asked: [Int32] = []
}

/// An access package assignment as the engine tracks it.
struct PackageAssignmentSlot {
    let user: Int32
    let package: Int32
    let policy: Int32
    let start: SimTime
    /// When it ends; nil: never.
    var end: SimTime?
    var live = true
    /// The role assignments it made (engine assignment ids), in resource order.
    var roleAssignments: [Int32] = []
}

/// An instance of a package policy's access review.
struct PackageReviewInstance {
    let package: Int32
    let policy: Int32
    let number: Int32
    /// The assignments under review, and whether each was decided (nil: not yet).
    var items: [Int32]
    /// Each item's reviewer (-1: nobody) and the answer they will give.
    var reviewers: [Int32]
    var verdicts: [Bool]
    var decisions: [Bool?]
}
