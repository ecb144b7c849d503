import ArgumentParser
import Foundation
import PimsimKit

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a scenario and write its metrics.",
        discussion: """
        Writes metrics.json, audit.jsonl (the Entra audit log of the run), graph.svg (the privilege graph \
        at the peak of exposure), report.html (a self-contained report with charts) and summary.md (a \
        Markdown summary for pull requests) into Output/<scenario>/ (or --output DIR) and prints a summary. \
        When the scenario has variants, the report and the summary also compare them with the baseline \
        (--compare-replications runs each, on common random numbers; see docs/what-if.md).
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "Write outputs into this folder instead of Output/<scenario>/.")
    var output: String?

    @Flag(name: .long, help: "Print the metrics JSON on standard output (the summary goes to standard error).")
    var json = false

    @Option(name: .long, help: "Audit log files: jsonl (audit.jsonl, the default), sqlite (audit.sqlite), both, or none (fastest).")
    var audit: AuditLogFiles = .jsonl

    @Option(name: .customLong("audit-db"), help: "Write the SQLite audit log to this file (besides audit.jsonl unless --audit sqlite; see docs/audit-log.md).")
    var auditDatabase: String?

    @Option(name: .long, help: "Replications per arm of the report's variant comparison (default 10; 0 leaves it out).")
    var compareReplications = 10

    @Option(name: .long, help: "Write a training exercise into this folder instead: trainee/ (questions, audit log, report without the attacker) and the answer key.")
    var exercise: String?

    func run() async throws {
        if let exercise {
            let selection = scenario.selection
            let result = try perform { () throws(UseCaseError) in try Exercises.write(selection, to: exercise) }
            printWarnings(result.warnings)
            for path in result.paths { print("wrote \(path)") }
            return
        }
        let request = RunRequest(
            selection: scenario.selection, outputDirectory: output, audit: audit, auditDatabase: auditDatabase,
            compareReplications: compareReplications
        )
        let result = try await scenario.limits.bound {
            try await perform { () async throws(UseCaseError) in try await Runs.runAndWrite(request) }
        }
        printWarnings(result.warnings)
        let wrote = result.paths.map { "wrote \($0)" }.joined(separator: "\n")
        if json {
            FileHandle.standardOutput.write(Data(result.outcome.document.rendered().utf8))
            printError(result.outcome.summary + "\n" + wrote)
        } else {
            print(result.outcome.summary + "\n" + wrote)
        }
    }
}

extension AuditLogFiles: ExpressibleByArgument {}
