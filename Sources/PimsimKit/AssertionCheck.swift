import Reports
import TenantModel

/// The verdict on one assertion of a scenario.
public struct AssertionResult: Sendable, Equatable {
    /// The assertion.
    public var assertion: MetricAssertion
    /// The metric's value, when it exists.
    public var value: Double?
    /// Whether it holds.
    public var passed: Bool
    /// A sentence naming the metric, the variant, the bound and the value.
    public var message: String
}

/// Evaluates `assertions:` against run outcomes.
public enum AssertionCheck {
    /// Checks one assertion against the document of the run it names.
    public static func evaluate(_ assertion: MetricAssertion, document: JSONValue) -> AssertionResult {
        let subject = "\(assertion.metric) (\(assertion.variant.map { "variant \($0)" } ?? "baseline"))"
        let bound = describe(min: assertion.min, max: assertion.max)
        guard let value = MetricsDocument.value(of: assertion.metric, in: document)?.doubleValue else {
            return AssertionResult(
                assertion: assertion, value: nil, passed: false,
                message: "\(assertion.origin): \(subject): no such metric in metrics.json; expected \(bound)"
            )
        }
        let passed = (assertion.min.map { value >= $0 } ?? true) && (assertion.max.map { value <= $0 } ?? true)
        let verdict = passed ? "ok" : "FAILED"
        return AssertionResult(
            assertion: assertion, value: value, passed: passed,
            message: "\(assertion.origin): \(subject) = \(text(value)) — expected \(bound): \(verdict)"
        )
    }

    static func describe(min: Double?, max: Double?) -> String {
        switch (min, max) {
        case let (low?, high?): return "between \(text(low)) and \(text(high))"
        case let (low?, nil): return "at least \(text(low))"
        case let (nil, high?): return "at most \(text(high))"
        default: return "any value"
        }
    }

    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
