import RunPipeline
import ScenarioFormat
import TenantModel

/// Which run a use case is asked for: a scenario file, optionally one of its variants, and an
/// optional seed that overrides the scenario's own.
public struct ScenarioSelection: Sendable, Equatable {
    /// The scenario file (YAML or JSON).
    public var path: String
    /// The variant to apply, or nil for the baseline.
    public var variant: String?
    /// Overrides the scenario's `seed` when given.
    public var seed: UInt64?

    /// Selects a run.
    public init(path: String, variant: String? = nil, seed: UInt64? = nil) {
        self.path = path
        self.variant = variant
        self.seed = seed
    }

    /// The same file and seed with another variant.
    public func with(variant: String?) -> ScenarioSelection {
        ScenarioSelection(path: path, variant: variant, seed: seed)
    }
}

/// Why a use case could not do what it was asked, sorted by what the command line makes of it.
public enum UseCaseError: Error, Equatable, CustomStringConvertible {
    /// The scenario file has errors (or names an unknown variant): one printed line per problem
    /// (warnings included), the number of errors, and what was therefore not done.
    case invalidScenario(path: String, problems: [String], errorCount: Int, consequence: String)
    /// An option's value does not fit the scenario (a time after the horizon, an unknown focus).
    case invalidInput(String)
    /// Input files that could not be read or parsed: one printed line each.
    case unreadable([String])
    /// Something outside the input failed: an output could not be written, a render failed.
    case runtime(String)

    /// The lines to print: a scenario's problems and a closing count, or one error line.
    public var description: String {
        switch self {
        case .invalidScenario(let path, let problems, let errors, let consequence):
            return (problems + ["\(path): \(errors) error\(errors == 1 ? "" : "s"); \(consequence)"]).joined(separator: "\n")
        case .invalidInput(let message), .runtime(let message):
            return "error: \(message)"
        case .unreadable(let lines):
            return lines.joined(separator: "\n")
        }
    }

    /// A scenario that failed to load, with every diagnostic.
    static func scenario(_ path: String, _ diagnostics: [Diagnostic]) -> UseCaseError {
        .invalidScenario(
            path: path, problems: diagnostics.map(\.description), errorCount: diagnostics.filter { $0.severity == .error }.count,
            consequence: "the scenario was not run"
        )
    }
}

/// A loaded run: its plan, and the warnings the file produced (errors stop before this).
public struct LoadedRun: Sendable {
    /// The scenario, variant and seed of the run.
    public var plan: RunPlan
    /// Warnings about the file, in the loader's order.
    public var warnings: [Diagnostic]
}

/// Loading a selection into a planned run: the one place a use case reads a scenario file.
public enum RunLoader {
    /// Loads and validates the selected file, applies the variant and resolves the seed.
    public static func load(_ selection: ScenarioSelection) throws(UseCaseError) -> LoadedRun {
        let result = Pipeline.load(path: selection.path, variant: selection.variant)
        guard let scenario = result.scenario else {
            throw .scenario(selection.path, result.diagnostics)
        }
        return LoadedRun(
            plan: RunPlan(scenario: scenario, variant: selection.variant, seed: selection.seed),
            warnings: result.diagnostics.filter { $0.severity != .error }
        )
    }
}

/// The bounds on what pimsim reads (`ScenarioFormat.InputLimits`), for the command line's `--limit`.
public typealias InputLimits = ScenarioFormat.InputLimits
