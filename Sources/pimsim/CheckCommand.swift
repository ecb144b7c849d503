import ArgumentParser
import Foundation
import PimsimKit
import WhatIf

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and evaluate their assertions (and a security baseline); exit 1 when one fails.",
        discussion: """
        Each scenario runs once per run its checks name (the baseline and variants), or `replications:` \
        times on common random numbers when the scenario asks for them. --baseline cisa adds CISA's \
        MS.AAD.7.1-7.9 as named checks; --baseline FILE adds a file of assertions. --junit, --json \
        (Maester-shaped) and --markdown write the results for CI; see docs/ci.md.
        """
    )

    @Argument(help: "One or more scenario files.")
    var files: [String]

    @OptionGroup var seed: SeedOption

    @Option(name: .long, help: "Also check a security baseline: cisa (built in), or a file of assertions. Repeatable.")
    var baseline: [String] = []

    @Option(name: .long, help: "Write JUnit XML results to this file.")
    var junit: String?

    @Option(name: .customLong("json"), help: "Write a Maester-shaped JSON results file.")
    var jsonOutput: String?

    @Option(name: .long, help: "Write a Markdown summary (for a pull-request comment) to this file.")
    var markdown: String?

    @Option(name: .long, help: "Simulations run at once (default: the number of processors).")
    var jobs: Int?

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        let outputs = [junit, jsonOutput, markdown].compactMap { $0 }
        if Set(outputs).count < outputs.count { throw ValidationError("--junit, --json and --markdown must name different files") }
    }

    func run() async throws {
        // A results file from an earlier run must not outlive a run that stops on a bad file:
        // a CI reporter would read the old results as this run's.
        for output in [junit, jsonOutput, markdown].compactMap({ $0 }) { try? FileManager.default.removeItem(atPath: output) }
        var baselines: [SecurityBaseline] = []
        for name in baseline {
            baselines.append(try perform { () throws(UseCaseError) in try SecurityBaselines.resolve(name) })
        }
        var checks: [FileCheck] = []
        for file in files {
            let check = try await limits.bound {
                try await perform { () async throws(UseCaseError) in
                    try await Checks.check(path: file, seed: seed.seed, baselines: baselines, jobs: jobs ?? ExperimentRunner.defaultJobs)
                }
            }
            printWarnings(check.warnings)
            for line in check.lines { print(line) }
            checks.append(check)
        }
        print(Checks.summary(checks))
        try perform { () throws(UseCaseError) in
            try CheckReports.write(checks, junit: junit, maester: jsonOutput, markdown: markdown)
        }
        if checks.contains(where: { $0.failed > 0 }) { throw Exit.assertionFailed }
    }
}
