import ArgumentParser
import PimsimKit

/// `--seed`, shared by every command that runs a scenario.
struct SeedOption: ParsableArguments {
    @Option(name: .long, help: "Override the scenario's seed (0 to 9223372036854775807).")
    var seed: UInt64?

    func validate() throws {
        if let seed, seed > UInt64(Int64.max) { throw ValidationError("--seed must be at most \(Int64.max), got \(seed)") }
    }
}

/// The scenario file, a variant of it and the seed: what `run` and `graph` select.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML or JSON).")
    var file: String

    @Option(name: .long, help: "Use this variant of the scenario instead of the baseline.")
    var variant: String?

    @OptionGroup var seed: SeedOption

    @OptionGroup var limits: LimitOptions

    /// The selection these options make.
    var selection: ScenarioSelection { ScenarioSelection(path: file, variant: variant, seed: seed.seed) }
}

/// Prints a file's warnings on standard error.
func printWarnings(_ warnings: [some CustomStringConvertible]) {
    for warning in warnings { printError(warning.description) }
}

/// `--limit NAME=VALUE`, repeatable: raises (or lowers) one of the bounds on what pimsim reads
/// (docs/robustness.md), for everything the command loads.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("limit"), help: ArgumentHelp(
        "Raise an input limit, NAME=VALUE (repeatable): file-size, anchors, nodes, depth, users, horizon, tasks, import-file-size; see docs/robustness.md.",
        valueName: "name=value"))
    var settings: [String] = []

    func validate() throws { _ = try value() }

    /// The limits: the defaults with each setting applied in order.
    func value() throws -> InputLimits {
        var limits = InputLimits()
        for setting in settings {
            do {
                try limits.set(setting)
            } catch {
                throw ValidationError("--limit: \(error)")
            }
        }
        return limits
    }

    /// Runs `body` with these limits in force.
    func bound<T>(_ body: () throws -> T) throws -> T {
        try InputLimits.$current.withValue(try value(), operation: body)
    }

    /// Runs `body` with these limits in force.
    func bound<T>(_ body: () async throws -> T) async throws -> T {
        try await InputLimits.$current.withValue(try value(), operation: body)
    }
}
