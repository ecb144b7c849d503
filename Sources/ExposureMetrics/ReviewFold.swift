import SimKernel
import TenantModel
import Trace

/// What access reviews did.
public struct ReviewMetrics: Sendable, Equatable {
    /// Review instances that started.
    public var instances = 0
    /// Items reviewed (assignments in scope at the instances' starts).
    public var items = 0
    /// Decisions by reviewers and by default, approve and deny.
    public var approvedByReviewers = 0
    /// See `approvedByReviewers`.
    public var deniedByReviewers = 0
    /// See `approvedByReviewers`.
    public var approvedByDefault = 0
    /// See `approvedByReviewers`.
    public var deniedByDefault = 0
    /// Assignments removed when results were applied.
    public var assignmentsRemoved = 0
    /// Scheduled assignment-seconds of privileged roles cut by the removals (until the
    /// assignment's end or the horizon).
    public var privilegedSecondsRemoved: Int64 = 0
    /// For each removed user assignment: from the user's last activity (or the start) to the removal.
    public var needToRemoval: [Int64] = []
    /// Creates zero metrics.
    public init() {}
}

/// Folds review records into `ReviewMetrics`.
public struct ReviewFold: TraceSink {
    private let scenario: Scenario
    private var assignments: [Int: Assignment] = [:]
    private var lastActivity: [Int32: SimTime] = [:]
    /// The metrics so far.
    public private(set) var metrics = ReviewMetrics()

    /// Prepares a fold for a run of `scenario`.
    public init(scenario: Scenario) { self.scenario = scenario }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        switch record {
        case .assignmentStarted(_, let id, let assignment): assignments[id] = assignment
        case .assignmentExtended(_, let id, let end): assignments[id]?.end = end
        case .requestSubmitted(let time, _, let user, _, _): lastActivity[user.rawValue] = time
        case .taskArrived(let time, _, _, let user, _, _): lastActivity[user.rawValue] = time
        case .signedIn(let time, let user, _, _): lastActivity[user.rawValue] = time
        case .reviewStarted(_, _, _, let items):
            metrics.instances += 1
            metrics.items += items
        case .reviewDecided(_, _, _, _, let approved, let byReviewer):
            switch (approved, byReviewer) {
            case (true, true): metrics.approvedByReviewers += 1
            case (false, true): metrics.deniedByReviewers += 1
            case (true, false): metrics.approvedByDefault += 1
            case (false, false): metrics.deniedByDefault += 1
            }
        case .reviewApplied(let time, _, let removed):
            for id in removed {
                guard let assignment = assignments[id] else { continue }
                metrics.assignmentsRemoved += 1
                if scenario[assignment.role].privileged {
                    metrics.privilegedSecondsRemoved += max(0, min(assignment.end ?? scenario.horizon, scenario.horizon) - time)
                }
                if case .user(let user) = assignment.principal {
                    metrics.needToRemoval.append(time - (lastActivity[user.rawValue] ?? 0))
                }
            }
        default:
            break
        }
    }
}
