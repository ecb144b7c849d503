/// How a user sizes an activation for a task.
public enum ActivationStrategy: Sendable, Equatable {
    /// The task's length plus some slack (cut to the policy's maximum).
    case taskLength(slack: Seconds)
    /// Always the policy's maximum.
    case maximum
}

/// A source of privileged tasks: Poisson arrivals per user, in working time when a calendar is set.
public struct TaskGenerator: Sendable, Equatable {
    /// The users who do these tasks (each has an independent arrival process).
    public var users: [UserIndex]
    /// The role each task needs.
    public var role: RoleIndex
    /// The mean gap between two tasks of one user (in working time when `calendar` is set).
    public var every: Seconds
    /// How long a task takes once the user holds the role.
    public var duration: DurationSpec
    /// When the users work; nil means at any time.
    public var calendar: WorkCalendar?
    /// The first time a task may arrive.
    public var from: Seconds
    /// No task arrives at or after this time; nil means the horizon.
    public var until: Seconds?
    /// How users size their activations.
    public var strategy: ActivationStrategy
    /// The probability a user deactivates when the task is done (overrides `behaviour.deactivateEarly`).
    public var deactivateEarly: Double?
    /// An explicit task's arrival time (one element) instead of a Poisson process (from `task:` items).
    public var arrivals: [Seconds]?
    /// The item's position in `workload`: same-instant items run in this order.
    public var order = 0
    /// Where it was written, such as `workload[3]`.
    public var origin: String

    /// Creates a generator.
    public init(
        users: [UserIndex], role: RoleIndex, every: Seconds, duration: DurationSpec, calendar: WorkCalendar? = nil,
        from: Seconds = 0, until: Seconds? = nil, strategy: ActivationStrategy = .taskLength(slack: 0),
        deactivateEarly: Double? = nil, arrivals: [Seconds]? = nil, origin: String = ""
    ) {
        self.arrivals = arrivals
        self.users = users
        self.role = role
        self.every = every
        self.duration = duration
        self.calendar = calendar
        self.from = from
        self.until = until
        self.strategy = strategy
        self.deactivateEarly = deactivateEarly
        self.origin = origin
    }
}
