import ArgumentParser
import Foundation
import PimsimKit
import Reports
import ScenarioFormat
import TenantModel

/// The `pimsim` command (asynchronous, for the commands that run replications in parallel).
@main
struct Pimsim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pimsim",
        abstract: "Replay a Microsoft Entra PIM tenant over simulated time and measure its exposure.",
        discussion: """
        Exit codes: 0 success; 1 an assertion failed (check); 2 invalid input (the scenario \
        has errors, or an unknown variant); 3 runtime failure (an output could not be written); \
        64 bad command-line usage.
        Documentation: docs/ in the repository; the scenario format: docs/scenario-format.md.
        """,
        version: "0.1.0",
        subcommands: [Run.self, Validate.self, Check.self, Graph.self, Compare.self, Sweep.self, Merge.self, Roles.self],
        defaultSubcommand: nil
    )
}

/// Documented exit codes.
enum Exit {
    static let assertionFailed = ExitCode(1)
    static let invalidInput = ExitCode(2)
    static let runtimeFailure = ExitCode(3)
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Loads a scenario, printing its diagnostics; exits with 2 when it is invalid.
func loadOrExit(_ path: String, variant: String? = nil) throws -> Scenario {
    let result = Pipeline.load(path: path, variant: variant)
    for diagnostic in result.diagnostics { printError(diagnostic.description) }
    guard let scenario = result.scenario else {
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        printError("\(path): \(errors) error\(errors == 1 ? "" : "s"); the scenario was not run")
        throw Exit.invalidInput
    }
    return scenario
}
