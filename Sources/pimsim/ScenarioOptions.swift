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

    /// The selection these options make.
    var selection: ScenarioSelection { ScenarioSelection(path: file, variant: variant, seed: seed.seed) }
}

/// Prints a file's warnings on standard error.
func printWarnings(_ warnings: [some CustomStringConvertible]) {
    for warning in warnings { printError(warning.description) }
}
