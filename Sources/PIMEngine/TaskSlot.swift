import SimKernel

/// A task as the engine tracks it.
struct TaskSlot {
    enum Status { case waiting, running, blocked, done }
    let generator: Int32
    let user: Int32
    let role: Int32
    let arrival: SimTime
    let duration: SimTime
    var status: Status = .waiting
    var mfaAttempts = 0
    /// The request being written (justification, ticket): submitted by a `taskSubmit` event.
    var preparing = false
}
