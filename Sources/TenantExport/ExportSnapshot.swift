import PrivilegeGraph
import TenantModel
import Trace

/// The simulated state at one moment as an export needs it: the privilege state, plus what the
/// state does not keep (when each live activation started and is due to end, assignments'
/// extended ends, managers).
public struct ExportSnapshot: Sendable {
    /// When an activation started and when it is scheduled to end, in seconds since the start.
    public struct Window: Sendable, Equatable {
        /// The activation's start.
        public var start: Int64
        /// Its scheduled end.
        public var end: Int64
    }

    /// The privilege state at `state.time`.
    public var state: PrivilegeState
    /// Live activations' windows, by activation id.
    public var activationWindows: [Int: Window]
    /// Assignments whose end an extension moved, by assignment id.
    public var extendedEnds: [Int: Int64]
    /// Each user's manager at the moment, by user index.
    public var managers: [UserIndex?]

    /// The scenario.
    public var scenario: Scenario { state.scenario }
    /// The moment, in seconds since the start.
    public var time: Int64 { state.time }

    /// The end of an assignment in effect, an extension included; nil when permanent.
    public func end(of id: Int, _ assignment: Assignment) -> Int64? {
        extendedEnds[id] ?? assignment.end
    }
}

/// A trace sink that keeps an `ExportSnapshot` of one instant: every record up to and including
/// `time` is applied, later ones are ignored.
public struct ExportSink: TraceSink {
    private var snapshot: SnapshotSink
    private var windows: [Int: ExportSnapshot.Window] = [:]
    private var extended: [Int: Int64] = [:]
    private var managers: [UserIndex?]

    /// Captures `scenario` at `time` (clamped to the horizon).
    public init(scenario: Scenario, at time: Int64) {
        snapshot = SnapshotSink(scenario: scenario, at: time)
        managers = scenario.tenant.users.map(\.manager)
    }

    /// The snapshot, once the run is over.
    public var result: ExportSnapshot {
        let live = Set(snapshot.state.activations.keys)
        return ExportSnapshot(state: snapshot.state, activationWindows: windows.filter { live.contains($0.key) },
                              extendedEnds: extended, managers: managers)
    }

    /// Applies the record when it is not later than the captured instant.
    public mutating func record(_ record: TraceRecord) {
        snapshot.record(record)
        if case .finished = record { return }
        guard record.time <= snapshot.time else { return }
        switch record {
        case .activationStarted(let time, let id, _, _, _, let scheduledEnd, _):
            windows[id] = ExportSnapshot.Window(start: time, end: scheduledEnd)
        case .activationEnded(_, let id, _, _, _):
            windows[id] = nil
        case .assignmentExtended(_, let id, let end):
            extended[id] = end
        case .managerChanged(_, let user, let manager):
            managers[user.int] = manager
        default:
            break
        }
    }
}
