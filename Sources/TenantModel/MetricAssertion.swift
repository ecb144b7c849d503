/// A check on one metric of a run, for regression use: absolute bounds, bounds relative to
/// another run of the same scenario, and the statistic taken over replications.
///
/// The `alert:` and `tier0:` forms of the format are checks on metrics too (`alerts.<id>.incidents`,
/// `tier0.principals.<id>.reachableHours`); `kind` keeps how the check was written, for messages.
public struct MetricAssertion: Sendable, Equatable {
    /// The variant it applies to; nil for the baseline.
    public var variant: String?
    /// The metric's key path, such as `standingAdmins.max`.
    public var metric: String
    /// The smallest allowed value, inclusive.
    public var min: Double?
    /// The largest allowed value, inclusive.
    public var max: Double?
    /// Where it was written, such as `assertions[1]`.
    public var origin: String
    /// The line it was written on (1-based; 0 when unknown).
    public var line = 0
    /// A strict lower bound: the value must be above it (`fires: true`, `reaches: true`).
    public var above: Double?
    /// Bounds relative to the same metric of another run (the baseline or a variant).
    public var relative: [RelativeBound] = []
    /// Which statistic over the replications is checked (with one replication all three are the value).
    public var statistic: AssertionStatistic = .mean
    /// How the check was written.
    public var kind: Kind = .metric
    /// A stable id for reports (JUnit, Maester-shaped JSON), such as `GA-COUNT-1`; nil: the origin.
    public var id: String?
    /// A sentence saying what the check guards; nil: one is made from the check.
    public var title: String?
    /// How serious a failure is (Maester's severities); nil: high.
    public var severity: CheckSeverity?

    /// How an assertion was written.
    public enum Kind: Sendable, Equatable {
        /// `metric:` with bounds.
        case metric
        /// `alert: ID` with `fires`, `incidents` or `triggeredHours`: `measure` is the alert's figure.
        case alert(id: String, measure: String)
        /// `tier0: PRINCIPAL` with `reaches` or `reachesLive` (`live`); the principal `attacker`
        /// stands for the compromised accounts' attacker.
        case tier0(principal: String, live: Bool)
    }

    /// Creates an assertion.
    public init(variant: String? = nil, metric: String, min: Double? = nil, max: Double? = nil, origin: String = "") {
        self.variant = variant
        self.metric = metric
        self.min = min
        self.max = max
        self.origin = origin
    }

    /// Every run the assertion needs: its own (nil: the baseline) and those its relative bounds name.
    public var runs: [String?] {
        var result: [String?] = [variant]
        for bound in relative where !result.contains(bound.reference) { result.append(bound.reference) }
        return result
    }

    /// Whether it has any bound.
    public var hasBound: Bool { min != nil || max != nil || above != nil || !relative.isEmpty }

    /// Equal checks: everything but the line they were written on (a YAML file and its JSON
    /// rendering hold equal assertions).
    public static func == (lhs: MetricAssertion, rhs: MetricAssertion) -> Bool {
        (lhs.variant, lhs.metric, lhs.min, lhs.max, lhs.origin, lhs.above) == (rhs.variant, rhs.metric, rhs.min, rhs.max, rhs.origin, rhs.above)
            && (lhs.relative, lhs.statistic, lhs.kind) == (rhs.relative, rhs.statistic, rhs.kind)
            && (lhs.id, lhs.title, lhs.severity) == (rhs.id, rhs.title, rhs.severity)
    }
}

/// A bound on a metric relative to the same metric of another run: `value ≤ factor × other`
/// (`atMost`) or `value ≥ factor × other` (`atLeast`).
public struct RelativeBound: Sendable, Equatable {
    /// Which side the value must stay on.
    public enum Direction: String, Sendable, Equatable {
        /// The value is at most `factor` times the other run's.
        case atMost
        /// The value is at least `factor` times the other run's.
        case atLeast
    }

    /// Which side the value must stay on.
    public var direction: Direction
    /// The other run: a variant's name, or nil for the baseline.
    public var reference: String?
    /// The multiplier of the other run's value: 1 for `atMost: baseline`, 0.5 for `lessThanBaseline: 50%`.
    public var factor: Double
    /// The bound as written, such as `lessThanBaseline: 50%`, for messages.
    public var written: String

    /// Creates a relative bound.
    public init(direction: Direction, reference: String?, factor: Double, written: String) {
        self.direction = direction
        self.reference = reference
        self.factor = factor
        self.written = written
    }
}

/// The statistic of a metric over a check's replications.
public enum AssertionStatistic: String, Sendable, Equatable, CaseIterable {
    /// The mean (with one replication, the value itself).
    case mean
    /// The lower end of the mean's 95 % confidence interval.
    case lower95
    /// The upper end of the mean's 95 % confidence interval.
    case upper95
}

/// How serious a failed check is, in Maester's words.
public enum CheckSeverity: String, Sendable, Equatable, CaseIterable {
    /// Critical.
    case critical
    /// High: the default of an assertion, and of CISA's "shall" policies.
    case high
    /// Medium: CISA's "should" policies.
    case medium
    /// Low.
    case low
    /// Informational.
    case info

    /// The word Maester's results file uses: `Critical`, `High`, `Medium`, `Low`, `Info`.
    public var maesterName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A training exercise: what the trainee is asked, with the trainer's expected answers.
public struct Exercise: Sendable, Equatable {
    /// The exercise's title.
    public var title: String?
    /// What the trainee is told before starting.
    public var briefing: String?
    /// The questions, in order.
    public var questions: [ExerciseQuestion]

    /// Creates an exercise.
    public init(title: String? = nil, briefing: String? = nil, questions: [ExerciseQuestion] = []) {
        self.title = title
        self.briefing = briefing
        self.questions = questions
    }
}

/// One question of an exercise, with the answer the trainer expects (kept out of the trainee's copy).
public struct ExerciseQuestion: Sendable, Equatable {
    /// The question.
    public var question: String
    /// The expected answer, when the trainer wrote one.
    public var answer: String?

    /// Creates a question.
    public init(question: String, answer: String? = nil) {
        self.question = question
        self.answer = answer
    }
}
