import TenantModel
import Trace

/// What PIM costs the people who use it: waits, blocked work, MFA prompts, approvals.
public struct FrictionMetrics: Sendable, Equatable {
    /// Task counts.
    public struct Tasks: Sendable, Equatable {
        /// Tasks that arrived.
        public var arrived = 0
        /// Tasks that got their access and started.
        public var served = 0
        /// Tasks that could not get access, by reason.
        public var blockedBy: [TaskBlockReason: Int] = [:]
        /// Tasks still waiting for a decision at the horizon.
        public var unresolved = 0
        /// All blocked tasks.
        public var blocked: Int { blockedBy.values.reduce(0, +) }
        /// Creates zero counts.
        public init() {}
    }

    /// An approver's decisions.
    public struct Decisions: Sendable, Equatable {
        /// Requests approved.
        public var approved = 0
        /// Requests denied.
        public var denied = 0
        /// Creates zero counts.
        public init() {}
    }

    /// Task counts.
    public var tasks = Tasks()
    /// Wait for access of served tasks (arrival to start), in seconds.
    public var wait = DurationSummary([])
    /// The same for tasks that arrived on a weekday / at the weekend (the generator's calendar's
    /// local time, UTC without a calendar).
    public var weekdayWait = DurationSummary([])
    /// See `weekdayWait`.
    public var weekendWait = DurationSummary([])
    /// Work of blocked tasks, in seconds.
    public var blockedTaskSeconds: Int64 = 0
    /// MFA prompts shown and how many failed.
    public var mfaPrompts = 0
    /// See `mfaPrompts`.
    public var mfaFailures = 0
    /// Activations that needed MFA (or a stronger authentication) the session already had: no prompt.
    public var mfaSatisfiedBySession = 0
    /// Sign-ins: all, those on schedule, and those with MFA at sign-in.
    public var signIns = 0
    /// See `signIns`.
    public var scheduledSignIns = 0
    /// See `signIns`.
    public var signInsWithMFA = 0
    /// Users who signed in at least once.
    public var signedInUsers: Set<UserIndex> = []
    /// Deactivations refused (asked for in an activation's first five minutes).
    public var deactivationsRefused = 0
    /// Extension and renewal requests: made, approved, denied, expired, refused.
    public var extensions: [String: Int] = ["requested": 0, "approved": 0, "denied": 0, "expired": 0, "refused": 0]
    /// Decisions per approver.
    public var approvals: [UserIndex: Decisions] = [:]
    /// Granted activations per user and per role.
    public var activationsPerUser: [UserIndex: Int] = [:]
    /// See `activationsPerUser`.
    public var activationsPerRole: [RoleIndex: Int] = [:]
    /// Creates empty metrics.
    public init() {}

    /// Tasks, blocked tasks and wait summaries per user and per role.
    public var perUser: [UserIndex: (tasks: Int, blocked: Int, wait: DurationSummary)] = [:]
    /// See `perUser`.
    public var perRole: [RoleIndex: (tasks: Int, blocked: Int, wait: DurationSummary)] = [:]

    /// Compares the counters (tuples are not Equatable).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.tasks == rhs.tasks && lhs.wait == rhs.wait && lhs.blockedTaskSeconds == rhs.blockedTaskSeconds
            && lhs.mfaPrompts == rhs.mfaPrompts && lhs.mfaFailures == rhs.mfaFailures && lhs.approvals == rhs.approvals
            && lhs.mfaSatisfiedBySession == rhs.mfaSatisfiedBySession && lhs.signIns == rhs.signIns
    }
}

/// Folds the trace into `FrictionMetrics`, streaming (memory grows with tasks, for the percentiles).
public struct FrictionFold: TraceSink {
    private struct TaskInfo {
        let generator: Int
        let user: UserIndex
        let role: RoleIndex
        let arrival: Int64
        let duration: Int64
    }

    private let scenario: Scenario
    private var open: [Int: TaskInfo] = [:]
    private var waits: [Int64] = []
    private var weekdayWaits: [Int64] = []
    private var weekendWaits: [Int64] = []
    private var userWaits: [UserIndex: [Int64]] = [:]
    private var roleWaits: [RoleIndex: [Int64]] = [:]
    private var userCounts: [UserIndex: (tasks: Int, blocked: Int)] = [:]
    private var roleCounts: [RoleIndex: (tasks: Int, blocked: Int)] = [:]
    private var requestUsers: [Int: (UserIndex, RoleIndex)] = [:]
    /// The metrics so far; complete after the trace's `finished` record.
    public private(set) var metrics = FrictionMetrics()

    /// Prepares a fold for a run of `scenario`.
    public init(scenario: Scenario) { self.scenario = scenario }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        switch record {
        case .taskArrived(let time, let id, let generator, let user, let role, let duration):
            open[id] = TaskInfo(generator: generator, user: user, role: role, arrival: time, duration: duration)
            metrics.tasks.arrived += 1
            userCounts[user, default: (0, 0)].tasks += 1
            roleCounts[role, default: (0, 0)].tasks += 1
        case .taskStarted(_, let id, let waited):
            guard let task = open.removeValue(forKey: id) else { return }
            metrics.tasks.served += 1
            waits.append(waited)
            userWaits[task.user, default: []].append(waited)
            roleWaits[task.role, default: []].append(waited)
            if isWeekend(task) { weekendWaits.append(waited) } else { weekdayWaits.append(waited) }
        case .taskBlocked(_, let id, let reason):
            guard let task = open.removeValue(forKey: id) else { return }
            if reason == .pendingAtHorizon {
                metrics.tasks.unresolved += 1
                return
            }
            metrics.tasks.blockedBy[reason, default: 0] += 1
            metrics.blockedTaskSeconds += task.duration
            userCounts[task.user, default: (0, 0)].blocked += 1
            roleCounts[task.role, default: (0, 0)].blocked += 1
        case .mfaPrompt(_, _, _, let passed):
            metrics.mfaPrompts += 1
            if !passed { metrics.mfaFailures += 1 }
        case .mfaSatisfiedBySession:
            metrics.mfaSatisfiedBySession += 1
        case .signedIn(_, let user, let scheduled, let mfa):
            metrics.signIns += 1
            if scheduled { metrics.scheduledSignIns += 1 }
            if mfa { metrics.signInsWithMFA += 1 }
            metrics.signedInUsers.insert(user)
        case .deactivationRefused:
            metrics.deactivationsRefused += 1
        case .extensionRequested: metrics.extensions["requested", default: 0] += 1
        case .extensionDecided(_, _, _, let approved): metrics.extensions[approved ? "approved" : "denied", default: 0] += 1
        case .extensionExpired: metrics.extensions["expired", default: 0] += 1
        case .extensionRefused: metrics.extensions["refused", default: 0] += 1
        case .requestApproved(_, _, let approver):
            metrics.approvals[approver, default: FrictionMetrics.Decisions()].approved += 1
        case .requestDenied(_, _, let approver):
            metrics.approvals[approver, default: FrictionMetrics.Decisions()].denied += 1
        case .activationStarted(_, _, _, let user, let role, _, _):
            metrics.activationsPerUser[user, default: 0] += 1
            metrics.activationsPerRole[role, default: 0] += 1
        case .finished:
            metrics.wait = DurationSummary(waits)
            metrics.weekdayWait = DurationSummary(weekdayWaits)
            metrics.weekendWait = DurationSummary(weekendWaits)
            for (user, counts) in userCounts {
                metrics.perUser[user] = (counts.tasks, counts.blocked, DurationSummary(userWaits[user] ?? []))
            }
            for (role, counts) in roleCounts {
                metrics.perRole[role] = (counts.tasks, counts.blocked, DurationSummary(roleWaits[role] ?? []))
            }
        default:
            break
        }
    }

    private func isWeekend(_ task: TaskInfo) -> Bool {
        let calendar = scenario.taskGenerators[task.generator].calendar ?? WorkCalendar(utcOffset: 0)
        return calendar.local(scenario.startEpoch + task.arrival).weekday >= 5
    }
}
