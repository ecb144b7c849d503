import SimKernel

/// A request as the engine tracks it.
struct RequestSlot {
    enum Status { case pending, granted, rejected, denied, expired, cancelled }
    let user: Int32
    let role: Int32
    let duration: SimTime
    let at: SimTime
    /// Submitted for a task.
    let forTask: Bool
    /// A scheduled activation's start.
    var start: SimTime? = nil
    /// The scope asked for, as a scope index, or -1.
    var scope: Int32 = -1
    /// Approved (or needing no approval), waiting for its scheduled start.
    var approved = false
    /// The request's stable identity for random draws: requester, role, time, occurrence.
    var key: UInt64 = 0
    var status: Status
    /// Approvers sorted by answer time, with their answers; `cursor` is the next to answer.
    var answers: [(time: SimTime, approver: Int32, approve: Bool)] = []
    var cursor = 0
}
