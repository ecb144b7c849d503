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
    /// How long after the request an approver answers.
    public var responseTime: DurationSpec
    /// The probability that an answer is "approve".
    public var approveRate: Double

    /// Creates approver behaviour.
    public init(responseTime: DurationSpec = .fixed(20 * 60), approveRate: Double = 1.0) {
        self.responseTime = responseTime
        self.approveRate = approveRate
    }
}

/// How people act in the scenario.
public struct Behaviour: Sendable, Equatable {
    /// Approvers' behaviour.
    public var approvers: ApproverBehaviour
    /// The probability a user ends an activation when the task is done.
    public var deactivateEarly: Double

    /// Creates behaviour.
    public init(approvers: ApproverBehaviour = ApproverBehaviour(), deactivateEarly: Double = 0) {
        self.approvers = approvers
        self.deactivateEarly = deactivateEarly
    }
}
