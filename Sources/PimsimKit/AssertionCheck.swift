import Reports
import TenantModel
import WhatIf

/// The metric values of every run a check makes: each arm (the baseline or a variant) over the
/// scenario's replications, on common random numbers.
public struct CheckRuns: Sendable {
    /// The arms in order: nil for the baseline, else the variant's name.
    public var arms: [String?]
    /// The values by arm and replication.
    public var results: RawResults

    /// Creates the runs of a check.
    public init(arms: [String?], results: RawResults) {
        self.arms = arms
        self.results = results
    }

    /// One metric over the replications of `run` (nil where a replication lacks it); per-entity
    /// counts a run leaves out are zero there, as in `pimsim compare`.
    public func series(_ metric: String, run: String?) -> [Double?]? {
        guard let arm = arms.firstIndex(of: run) else { return nil }
        return results.series(metric, arm: arm)
    }
}

/// Evaluates one assertion against the runs of a check.
public enum AssertionCheck {
    /// The verdict on `assertion`; `source` names where it comes from (`assertions`, `cisa`).
    public static func evaluate(_ assertion: MetricAssertion, runs: CheckRuns, source: String = "assertions") -> CheckResult {
        var result = CheckResult(assertion: assertion, source: source)
        let subject = "\(measured(assertion)) (\(runName(assertion.variant)))"
        let replications = runs.results.replications
        guard let own = runs.series(assertion.metric, run: assertion.variant) else {
            return result.erred("\(subject): the run was not made")
        }
        let present = own.compactMap { $0 }
        guard let summary = Statistics.summary(present) else {
            return result.failing(value: nil, "\(subject): no such metric in metrics.json; expected \(result.bound)")
        }
        let value = statistic(assertion.statistic, of: summary)
        result.value = value
        var failures: [String] = []
        if let low = assertion.min, !(value >= low) { failures.append("at least \(text(low))") }
        if let high = assertion.max, !(value <= high) { failures.append("at most \(text(high))") }
        if let floor = assertion.above, !(value > floor) { failures.append("above \(text(floor))") }
        var comparisons: [String] = []
        for bound in assertion.relative {
            guard let other = runs.series(assertion.metric, run: bound.reference) else {
                return result.erred("\(subject): the run \(runName(bound.reference)) was not made")
            }
            let scaled = other.map { $0.map { bound.factor * $0 } }
            guard let difference = Statistics.pairedDifferences(own, baseline: scaled),
                  let reference = Statistics.summary(other.compactMap { $0 }) else {
                failures.append("\(bound.written) (\(runName(bound.reference)) has no value of it)")
                continue
            }
            let margin = statistic(assertion.statistic, of: difference)
            let holds = bound.direction == .atMost ? margin <= 0 : margin >= 0
            let target = bound.factor == 1 ? text(reference.mean) : "\(text(bound.factor)) × \(text(reference.mean)) = \(text(bound.factor * reference.mean))"
            comparisons.append("\(runName(bound.reference)) \(target)")
            if !holds { failures.append(bound.written) }
        }
        let passed = failures.isEmpty
        let interval = "[\(text(summary.low)), \(text(summary.high))] over \(present.count) replications"
        let shown = replications == 1 ? text(value)
            : assertion.statistic == .mean ? "mean \(text(value)) \(interval)"
            : "\(assertion.statistic.rawValue) \(text(value)) (mean \(text(summary.mean)) \(interval))"
        let against = comparisons.isEmpty ? "" : " (\(comparisons.joined(separator: "; ")))"
        result.passed = passed
        result.message = "\(subject) = \(shown) — expected \(result.bound)\(against): \(passed ? "ok" : "FAILED")"
        if !passed && failures.count < result.boundCount { result.message += " (not \(failures.joined(separator: ", ")))" }
        return result
    }

    /// The summary's mean, or an end of its 95 % interval.
    static func statistic(_ statistic: AssertionStatistic, of summary: SampleSummary) -> Double {
        switch statistic {
        case .mean: return summary.mean
        case .lower95: return summary.low
        case .upper95: return summary.high
        }
    }

    /// `baseline` or `variant NAME`.
    static func runName(_ variant: String?) -> String { variant.map { "variant \($0)" } ?? "baseline" }

    /// What is measured: the metric, or the alert's or principal's figure.
    static func measured(_ assertion: MetricAssertion) -> String {
        switch assertion.kind {
        case .metric: return assertion.metric
        case .alert(let id, let measure): return "alert \(id) \(measure == "fires" ? "incidents" : measure)"
        case .tier0(let principal, let live): return "Tier-0 \(live ? "live " : "")reach of \(principal) (\(assertion.metric))"
        }
    }

    /// The bounds in words: `at most 2`, `between 1 and 3`, `above 0`, `atMost: baseline`;
    /// `none (never fires)` and `above 0 (reaches Tier 0)` for the boolean forms.
    static func describe(_ assertion: MetricAssertion) -> String {
        switch assertion.kind {
        case .alert(_, "fires"): return assertion.max == 0 ? "0 (never fires)" : "above 0 (fires)"
        case .tier0: return assertion.max == 0 ? "0 hours (never reaches Tier 0)" : "above 0 hours (reaches Tier 0)"
        default: break
        }
        var parts: [String] = []
        switch (assertion.min, assertion.max) {
        case let (low?, high?): parts.append("between \(text(low)) and \(text(high))")
        case let (low?, nil): parts.append("at least \(text(low))")
        case let (nil, high?): parts.append("at most \(text(high))")
        default: break
        }
        if let floor = assertion.above { parts.append("above \(text(floor))") }
        parts += assertion.relative.map(\.written)
        return parts.isEmpty ? "any value" : parts.joined(separator: " and ")
    }

    /// A number in its shortest form: whole numbers without a fraction, others to 4 decimals at most.
    static func text(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
