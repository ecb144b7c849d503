import ScenarioFormat
import TenantModel

/// The verdict on one check: a scenario's assertion, or a baseline's (CISA's) check.
public struct CheckResult: Sendable, Equatable {
    /// The assertion checked.
    public var assertion: MetricAssertion
    /// Where the check comes from: `assertions` (the scenario's own) or a baseline's name (`cisa`).
    public var source: String
    /// The value compared (the statistic over the replications); nil when the metric is missing.
    public var value: Double?
    /// Whether it holds.
    public var passed = false
    /// Whether it could not be evaluated at all (a baseline names a variant the scenario lacks).
    public var erred = false
    /// A sentence naming the check, the run, the value and the bound, ending in `ok` or `FAILED`.
    public var message = ""
    /// More about the outcome (an alert's incidents, a principal's first path to Tier 0), when known.
    public var detail: String?

    /// Creates an unevaluated result.
    public init(assertion: MetricAssertion, source: String) {
        self.assertion = assertion
        self.source = source
    }

    /// The check's id: the assertion's `id`, else its place (`assertions[0]`).
    public var id: String { assertion.id ?? assertion.origin }

    /// The variant the check ran on, or nil for the baseline.
    public var variant: String? { assertion.variant }

    /// How serious a failure is.
    public var severity: CheckSeverity { assertion.severity ?? .high }

    /// The bounds in words.
    public var bound: String { AssertionCheck.describe(assertion) }

    /// How many bounds the assertion has.
    var boundCount: Int {
        (assertion.min != nil ? 1 : 0) + (assertion.max != nil ? 1 : 0) + (assertion.above != nil ? 1 : 0) + assertion.relative.count
    }

    /// A title: the assertion's own, else what it checks in words.
    public var title: String {
        if let title = assertion.title { return title }
        switch assertion.kind {
        case .metric: return "\(assertion.metric) \(bound)"
        case .alert(let id, let measure):
            if measure == "fires" { return assertion.max == 0 ? "\(id) never fires" : "\(id) fires" }
            return "\(id) \(measure) \(bound)"
        case .tier0(let principal, let live):
            let path = live ? "a live path" : "a path"
            return assertion.max == 0 ? "\(principal) never has \(path) to Tier 0" : "\(principal) has \(path) to Tier 0"
        }
    }

    /// `pass`, `FAIL` or `ERROR`.
    public var verdictWord: String { erred ? "ERROR" : passed ? "pass" : "FAIL" }

    /// The line `pimsim check` prints: `ORIGIN: message` for a scenario's assertion, `SOURCE ID: message` for a baseline's.
    public var line: String {
        let name = source == "assertions" ? (assertion.id.map { "\(assertion.origin) (\($0))" } ?? assertion.origin) : "\(source) \(id)"
        return "\(name): \(message)"
    }

    func failing(value: Double?, _ message: String) -> CheckResult {
        var copy = self
        copy.value = value
        copy.passed = false
        copy.message = message
        return copy
    }

    func erred(_ message: String) -> CheckResult {
        var copy = failing(value: nil, message)
        copy.erred = true
        return copy
    }
}

/// The verdicts on one scenario file: its own assertions, then each baseline's checks.
public struct FileCheck: Sendable {
    /// The scenario file.
    public var path: String
    /// The scenario's name.
    public var scenario: String
    /// The seed of replication 0.
    public var seed: UInt64
    /// Replications of each run.
    public var replications: Int
    /// One verdict per check: the scenario's assertions in file order, then the baselines' in theirs.
    public var results: [CheckResult]
    /// The file's warnings.
    public var warnings: [Diagnostic]

    /// Checks that held.
    public var passed: Int { results.filter(\.passed).count }
    /// Checks that failed or could not be evaluated (a missing metric fails).
    public var failed: Int { results.count - passed }
    /// One line per verdict, `FILE: line`, or `FILE: no assertions`.
    public var lines: [String] {
        results.isEmpty ? ["\(path): no assertions"] : results.map { "\(path): \($0.line)" }
    }
}
