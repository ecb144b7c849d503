import Reports
import RunPipeline
import ScenarioFormat
import TenantModel

/// The verdicts on one scenario file's assertions.
public struct FileCheck: Sendable {
    /// The scenario file.
    public var path: String
    /// One verdict per assertion, in file order.
    public var results: [AssertionResult]
    /// The file's warnings.
    public var warnings: [Diagnostic]

    /// Assertions that held.
    public var passed: Int { results.filter(\.passed).count }
    /// Assertions that failed (a missing metric fails).
    public var failed: Int { results.count - passed }
    /// One line per verdict, `FILE: message`, or `FILE: no assertions`.
    public var lines: [String] {
        results.isEmpty ? ["\(path): no assertions"] : results.map { "\(path): \($0.message)" }
    }
}

/// The `check` use case: run a scenario and each variant its assertions name, once each.
public enum Checks {
    /// Evaluates every assertion of the file at `path`; `seed` overrides the scenario's seed.
    public static func check(path: String, seed: UInt64? = nil) throws(UseCaseError) -> FileCheck {
        let base = try RunLoader.load(ScenarioSelection(path: path, seed: seed))
        var warnings = base.warnings
        var documents: [String?: JSONValue] = [nil: Pipeline.simulate(base.plan).document]
        var results: [AssertionResult] = []
        for assertion in base.plan.scenario.assertions {
            if documents[assertion.variant] == nil, let variant = assertion.variant {
                let loaded = try RunLoader.load(ScenarioSelection(path: path, variant: variant, seed: seed))
                warnings += loaded.warnings
                documents[variant] = Pipeline.simulate(loaded.plan).document
            }
            guard let document = documents[assertion.variant] else { continue }
            results.append(AssertionCheck.evaluate(assertion, document: document))
        }
        return FileCheck(path: path, results: results, warnings: warnings)
    }

    /// The closing line of a check of several files: `N passed, M failed`.
    public static func summary(_ checks: [FileCheck]) -> String {
        let passed = checks.reduce(0) { $0 + $1.passed }
        let failed = checks.reduce(0) { $0 + $1.failed }
        return "\(passed) passed, \(failed) failed"
    }
}
