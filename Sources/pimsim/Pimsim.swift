import ArgumentParser
import Foundation
import PimsimKit

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
        version: About.version,
        subcommands: [Run.self, Validate.self, Check.self, Schema.self, Init.self, Graph.self, Export.self, Compare.self, Sweep.self, Merge.self, Import.self, Roles.self],
        defaultSubcommand: nil
    )
}

/// Documented exit codes.
enum Exit {
    static let assertionFailed = ExitCode(1)
    static let invalidInput = ExitCode(2)
    static let runtimeFailure = ExitCode(3)

    /// Prints a use case's failure on standard error and returns its exit code.
    static func report(_ error: UseCaseError) -> ExitCode {
        printError(error.description)
        switch error {
        case .invalidScenario, .invalidInput, .unreadable: return invalidInput
        case .runtime: return runtimeFailure
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs a use case, printing its failure and exiting with the matching code.
func perform<T>(_ work: () throws(UseCaseError) -> T) throws -> T {
    do {
        return try work()
    } catch {
        throw Exit.report(error)
    }
}

/// The asynchronous form of `perform`.
func perform<T>(_ work: () async throws(UseCaseError) -> T) async throws -> T {
    do {
        return try await work()
    } catch {
        throw Exit.report(error)
    }
}
