import SimKernel

/// Contract rule 6: state changes, then approval decisions, then new requests.
enum Phase {
    static let stateChanges: UInt8 = 0
    static let decisions: UInt8 = 1
    static let requests: UInt8 = 2
    /// A decision due at the very instant of its own request (a zero response time) cannot come
    /// before that request: it comes right after the instant's requests.
    static let lateDecisions: UInt8 = 3

    /// The phase of a decision due at `time`, scheduled at `now`.
    static func decision(at time: SimTime, now: SimTime) -> UInt8 {
        time == now ? lateDecisions : decisions
    }
}
