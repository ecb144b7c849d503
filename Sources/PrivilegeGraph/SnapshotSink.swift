import SimKernel
import TenantModel
import Trace

/// A trace sink that keeps the privilege state as it was at the end of one instant: every
/// record up to and including `time` is applied, later ones are ignored.
public struct SnapshotSink: TraceSink {
    /// The state at `time` once the run is over.
    public private(set) var state: PrivilegeState
    /// The instant captured.
    public let time: SimTime

    /// Captures the state of `scenario` at `time` (clamped to the horizon).
    public init(scenario: Scenario, at time: SimTime) {
        state = PrivilegeState(scenario: scenario)
        self.time = Swift.min(Swift.max(time, 0), scenario.horizon)
    }

    /// Applies the record when it is not later than the captured instant.
    public mutating func record(_ record: TraceRecord) {
        if case .finished = record {
            state.moveClock(to: time)
            return
        }
        guard record.time <= time else { return }
        state.apply(record)
    }
}

extension PrivilegeState {
    /// Sets the time the state describes (when it is captured after its last change).
    mutating func moveClock(to time: SimTime) { self.time = time }
}
