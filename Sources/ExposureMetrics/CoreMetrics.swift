import PIMEngine
import TenantModel

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

    /// Privileged hours held only through activations, in seconds.
    public var privilegedJITSeconds: Int64 { privilegedTotalSeconds - privilegedStandingSeconds }
}
