import TenantModel
import Trace

/// The contract's core metrics of one run, in exact integer seconds where they are durations.
public struct CoreMetrics: Sendable, Equatable {
    /// Per-role figures.
    public struct RoleFigures: Sendable, Equatable {
        /// The role's display name.
        public var name: String
        /// Whether the role is privileged.
        public var privileged: Bool
        /// User-seconds the role was held, by any path.
        public var activeSeconds: Int64
        /// User-seconds users were eligible for it.
        public var eligibleSeconds: Int64
        /// User-seconds it was held through a standing path.
        public var standingSeconds: Int64
        /// User-seconds it was held while none of the user's tasks needed it.
        public var idleSeconds: Int64 = 0
        /// User-seconds a task under way needed it but the user did not hold it.
        public var uncoveredSeconds: Int64 = 0
    }

    /// Per-user figures over privileged roles.
    public struct UserFigures: Sendable, Equatable {
        /// The user.
        public var user: UserIndex
        /// Role-seconds of privileged roles held.
        public var privilegedSeconds: Int64 = 0
        /// The part held through a standing path.
        public var standingSeconds: Int64 = 0
        /// The part held while no task of the user needed the role.
        public var idleSeconds: Int64 = 0
        /// Creates zero figures for `user`.
        public init(user: UserIndex) { self.user = user }
    }

    /// Outcomes of activation requests.
    public struct Activations: Sendable, Equatable {
        /// Requests made before the horizon.
        public var requested = 0
        /// Granted (activated).
        public var granted = 0
        /// Denied by an approver.
        public var denied = 0
        /// No answer within 24 hours.
        public var expired = 0
        /// Rejected on arrival.
        public var rejected = 0
        /// Cancelled while pending or at the decision.
        public var cancelled = 0
        /// Still waiting for approval at the horizon.
        public var pending = 0
    }

    /// The simulated span in seconds.
    public var horizon: Int64
    /// User-seconds of privileged roles held, by any path.
    public var privilegedTotalSeconds: Int64
    /// The part of the total held through at least one standing path.
    public var privilegedStandingSeconds: Int64
    /// Roles the scenario mentions, sorted by name.
    public var roles: [RoleFigures]
    /// Users holding at least one privileged role through a standing path.
    public var standingAdmins: StepStatistic
    /// Users holding Global Administrator by any path.
    public var globalAdmins: StepStatistic
    /// Request outcomes.
    public var activations: Activations
    /// Assignments at the horizon whose principal is a disabled user.
    public var orphanedAssignments: Int
    /// Users with privileged time, in user order.
    public var users: [UserFigures] = []
    /// Users eligible for some role at some time.
    public var eligibleUsers = 0
    /// `assign` events refused because they broke their role's assignment rule.
    public var refusedAssignments = 0
    /// `remove` events refused because they would have removed the last active Global Administrator.
    public var refusedRemovals = 0
    /// Privileged role-seconds held by departed users whose accounts were still enabled.
    public var leaverExposureSeconds: Int64 = 0
    /// Administrators' actions (`cancelRequest`, `revokeActivation`, `adminExtend` events).
    public var adminActions = AdminActionCounts()

    /// Privileged role-seconds held while no task needed them.
    public var idlePrivilegedSeconds: Int64 { roles.filter(\.privileged).reduce(0) { $0 + $1.idleSeconds } }
    /// Seconds of task work done without holding the role the task needed.
    public var uncoveredTaskSeconds: Int64 { roles.reduce(0) { $0 + $1.uncoveredSeconds } }

    /// Privileged hours held only through activations, in seconds.
    public var privilegedJITSeconds: Int64 { privilegedTotalSeconds - privilegedStandingSeconds }
}

/// How the administrators' actions of a run ended.
public struct AdminActionCounts: Sendable, Equatable {
    /// Pending requests cancelled by an administrator.
    public var cancelRequest = 0
    /// Live activations removed by an administrator.
    public var revokeActivation = 0
    /// `adminExtend` events that extended at least one assignment.
    public var adminExtend = 0
    /// Actions Entra refused (the administrator disabled, or without the rights).
    public var refused = 0
    /// Actions with nothing to act on.
    public var noEffect = 0
    /// Zero counts.
    public init() {}
}
