import SimKernel

/// An assignment as the engine tracks it.
struct AssignmentSlot {
    var started = false
    var ended = false
    /// When it ended (for renewals within 30 days).
    var endedAt: SimTime? = nil
}
