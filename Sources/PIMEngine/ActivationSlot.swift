import SimKernel

/// An activation as the engine tracks it.
struct ActivationSlot {
    let user: Int32
    let role: Int32
    let start: SimTime
    var live: Bool
    /// Requested for a task (so the user may deactivate it when the work is done).
    var forTask: Bool
    /// PIM for Groups: whether the membership has been provisioned (always, without a delay).
    var provisioned = true
}
