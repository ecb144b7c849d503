/// What a model plugged into the kernel implements: it handles events and hears about boundaries.
///
/// The kernel calls `handle` for each event in key order. When the next event belongs to another
/// phase or another instant, it first calls `phaseEnded` (and, when time moves on,
/// `instantEnded`), so the model can settle derived state before later phases or later times
/// observe it. Handlers may schedule new events at the current time in a later phase, or later.
public protocol SimulationModel {
    /// The payload type of this model's events.
    associatedtype Payload

    /// Handles one event due at `now`.
    mutating func handle(_ payload: Payload, now: SimTime, queue: inout EventQueue<Payload>)

    /// Called after the last event of `phase` at `now`, before any later event.
    mutating func phaseEnded(_ phase: UInt8, now: SimTime, queue: inout EventQueue<Payload>)

    /// Called after the last event at `now`; every later event is strictly later.
    mutating func instantEnded(now: SimTime)
}

extension SimulationModel {
    /// Does nothing by default.
    public mutating func phaseEnded(_ phase: UInt8, now: SimTime, queue: inout EventQueue<Payload>) {}
    /// Does nothing by default.
    public mutating func instantEnded(now: SimTime) {}
}

/// Counters from one run of the kernel.
public struct RunStatistics: Sendable, Equatable {
    /// Events handled.
    public var eventsHandled: Int = 0
    /// Distinct instants at which something happened.
    public var instants: Int = 0
    /// Events left in the queue, due at or after the horizon.
    public var eventsLeftPending: Int = 0

    /// Creates zeroed counters.
    public init() {}
}

/// The run loop: pops events in key order until the queue is empty or the horizon is reached.
public enum Simulation {
    /// Runs `model` over `[0, horizon)`: events due at or after `horizon` are left unhandled.
    ///
    /// After each event the kernel looks at the next key: if it is in another phase or at another
    /// time, `phaseEnded` runs; if, after that, the next key is at another time, `instantEnded`
    /// runs. A boundary callback may schedule more work at the same instant; it is handled next.
    @inlinable
    @discardableResult
    public static func run<Model: SimulationModel>(
        _ model: inout Model,
        queue: inout EventQueue<Model.Payload>,
        horizon: SimTime
    ) -> RunStatistics {
        var statistics = RunStatistics()
        var last: EventKey?
        while let head = queue.firstKey, head.time < horizon, let event = queue.popFirst() {
            let key = event.key
            #if PIMSIM_INVARIANTS
            if let last { precondition(last < key, "time moved back: \(key) after \(last)") }
            #endif
            last = key
            model.handle(event.payload, now: key.time, queue: &queue)
            statistics.eventsHandled += 1
            if !isSame(queue.firstKey, time: key.time, phase: key.phase, horizon: horizon) {
                model.phaseEnded(key.phase, now: key.time, queue: &queue)
                if !isSame(queue.firstKey, time: key.time, phase: nil, horizon: horizon) {
                    model.instantEnded(now: key.time)
                    statistics.instants += 1
                }
            }
        }
        statistics.eventsLeftPending = queue.count
        return statistics
    }

    /// Whether `next` exists before the horizon at `time` (and in `phase`, when given).
    @inlinable
    static func isSame(_ next: EventKey?, time: SimTime, phase: UInt8?, horizon: SimTime) -> Bool {
        guard let next, next.time < horizon, next.time == time else { return false }
        if let phase { return next.phase == phase }
        return true
    }
}
