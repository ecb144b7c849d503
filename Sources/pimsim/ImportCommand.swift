import ArgumentParser
import PimsimKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn a Microsoft Graph export of a tenant into a scenario.",
        discussion: """
        PATH is a folder of Graph responses (users.json, users-2.json, roleEligibilitySchedules.json, ...), \
        single response files, or a bundle written by `pimsim export --format graph`. \
        See docs/import-export.md for the collections read and how to produce them.
        """
    )

    @Argument(help: "Folders, response files or bundles of the export.")
    var paths: [String]

    @Option(name: [.short, .customLong("output")], help: "The scenario file to write (standard output when omitted).")
    var output: String?

    @Option(help: "The scenario's start (ISO 8601 UTC); default: the first midnight after the newest time in the export.")
    var at: String?

    @Option(help: "The scenario's horizon (default 30d, or the replayed period with --replay-audit).")
    var horizon: String?

    @Flag(help: "Replay the past activations of the export's directoryAudits as the workload, from the first one on.")
    var replayAudit = false

    @Option(help: "The scenario's name (default: the output file's name).")
    var name: String?

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let outcome = try limits.bound {
            try perform { () throws(UseCaseError) in
                try Imports.importTenant(ImportRequest(paths: paths, output: output, at: at, horizon: horizon, replayAudit: replayAudit, name: name))
            }
        }
        for warning in outcome.warnings { printError(warning) }
        guard let written = outcome.written else {
            print(outcome.yaml, terminator: "")
            return
        }
        let counts = ["users", "groups", "assignments", "activations", "policies"].map { "\(outcome.counts[$0] ?? 0) \($0)" }
        print("\(written): \(counts.joined(separator: ", "))")
    }
}
