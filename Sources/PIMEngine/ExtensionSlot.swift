import SimKernel

/// An extension or renewal request as the engine tracks it.
struct ExtensionSlot {
    let user: Int32
    let assignment: Int32
    let renewal: Bool
    let duration: SimTime
    let at: SimTime
    /// The request's stable identity for random draws.
    let key: UInt64
    var open = true
    var answers: [(time: SimTime, approver: Int32, approve: Bool)] = []
    var cursor = 0
}
