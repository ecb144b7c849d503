/// A declared distribution of durations; the engine turns it into a sampler.
public enum DurationSpec: Sendable, Equatable {
    /// Always the same duration.
    case fixed(Seconds)
    /// Exponential with this mean.
    case exponential(mean: Seconds)
    /// Uniform between the bounds, inclusive.
    case uniform(min: Seconds, max: Seconds)
    /// Log-normal with this median and 90th percentile.
    case logNormal(median: Seconds, p90: Seconds)
    /// One of the values, each equally likely.
    case empirical([Seconds])
}

/// How approvers act.
public struct ApproverBehaviour: Sendable, Equatable {
    /// How long after the request an approver answers (in working time when `calendar` is set).
    public var responseTime: DurationSpec
    /// The probability that an answer is "approve".
    public var approveRate: Double
    /// The probability that an approver never answers a given request (away, busy, ignoring it).
    public var absence: Double
    /// When approvers work; nil means they answer at any hour.
    public var calendar: WorkCalendar?

    /// Creates approver behaviour.
    public init(responseTime: DurationSpec = .fixed(20 * 60), approveRate: Double = 1.0, absence: Double = 0, calendar: WorkCalendar? = nil) {
        self.responseTime = responseTime
        self.approveRate = approveRate
        self.absence = absence
        self.calendar = calendar
    }
}

/// How requesters get through multifactor authentication.
public struct MFABehaviour: Sendable, Equatable {
    /// The probability that one MFA prompt fails.
    public var failureRate: Double
    /// How long a user waits before trying again after a failure.
    public var retryAfter: Seconds
    /// Prompts a user tries before giving up on the activation.
    public var attempts: Int

    /// Creates MFA behaviour (by default every prompt succeeds).
    public init(failureRate: Double = 0, retryAfter: Seconds = 300, attempts: Int = 3) {
        self.failureRate = failureRate
        self.retryAfter = retryAfter
        self.attempts = attempts
    }
}

/// When people sign in: each working day, opening a session that later activations reuse.
public struct SignInBehaviour: Sendable, Equatable {
    /// Who signs in on schedule; nil means every user.
    public var users: [UserIndex]?
    /// Working days and the hour sign-ins start from; nil means Monday to Friday from 09:00 UTC.
    public var calendar: WorkCalendar?
    /// The probability that a user signs in on a given working day.
    public var probability: Double
    /// How long after the start of working hours the sign-in comes (uniform up to this).
    public var spread: Seconds

    /// Creates a sign-in schedule.
    public init(users: [UserIndex]? = nil, calendar: WorkCalendar? = nil, probability: Double = 1, spread: Seconds = 3600) {
        self.users = users
        self.calendar = calendar
        self.probability = probability
        self.spread = spread
    }
}

/// How PIM's emails reach approvers (a pimsim addition; off by default, so the core is unchanged).
public struct NotificationBehaviour: Sendable, Equatable {
    /// How long an approval request's email takes to arrive; an approver's response time counts
    /// from its receipt. Zero by default.
    public var delay: DurationSpec = .fixed(0)
    /// **[assumption]** When a role's approver notification is off, how long after the request an
    /// approver finds it by looking at PIM's pending requests (default 24 h: not within the window).
    public var withoutMail: DurationSpec = .fixed(86_400)

    /// Creates notification behaviour.
    public init(delay: DurationSpec = .fixed(0), withoutMail: DurationSpec = .fixed(86_400)) {
        self.delay = delay
        self.withoutMail = withoutMail
    }
}

/// PIM for Groups timing (a pimsim addition; zero by default).
public struct GroupBehaviour: Sendable, Equatable {
    /// How long after a membership activation is granted the membership takes effect.
    public var provisioningDelay: DurationSpec = .fixed(0)

    /// Creates group behaviour.
    public init(provisioningDelay: DurationSpec = .fixed(0)) {
        self.provisioningDelay = provisioningDelay
    }
}

/// How people act in the scenario.
public struct Behaviour: Sendable, Equatable {
    /// Approvers' behaviour.
    public var approvers: ApproverBehaviour
    /// The probability a user ends an activation when the task is done.
    public var deactivateEarly: Double
    /// Requesters' multifactor authentication.
    public var mfa: MFABehaviour
    /// Time a requester spends writing a justification, when the policy asks for one (tasks only).
    public var justificationTime: Seconds = 0
    /// Time a requester spends finding ticket information, when the policy asks for it (tasks only).
    public var ticketTime: Seconds = 0
    /// Scheduled sign-ins; nil means people sign in only when they need PIM.
    public var signIns: SignInBehaviour? = nil
    /// How long a session lasts without a sign-in frequency policy ([assumption] 8 h, a working day).
    public var sessionLength: Seconds = 8 * 3600
    /// Approval emails' delivery (pimsim; zero delay by default).
    public var notifications = NotificationBehaviour()
    /// PIM for Groups provisioning (pimsim; zero delay by default).
    public var groups = GroupBehaviour()

    /// Creates behaviour.
    public init(approvers: ApproverBehaviour = ApproverBehaviour(), deactivateEarly: Double = 0, mfa: MFABehaviour = MFABehaviour()) {
        self.approvers = approvers
        self.deactivateEarly = deactivateEarly
        self.mfa = mfa
    }
}
