import ArgumentParser
import Foundation
import PimsimKit
import WhatIf

struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the baseline with variants over replications on common random numbers.",
        discussion: """
        Runs the baseline and each variant --replications times; replication r of every variant \
        uses the same seed, so that the variants see the same world. Prints the main metrics with \
        95 % confidence intervals and the paired difference to the baseline, and writes \
        compare.json and compare.csv (every metric) into Output/<scenario>/compare/ (or --output DIR). \
        With --shard K/N, runs only the K-th share of the runs and writes a partial result for \
        'pimsim merge'. See docs/what-if.md.
        """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var file: String

    @OptionGroup var study: StudyOptions

    @Option(name: .long, help: "Comma-separated variants to compare with the baseline (default: every variant of the file).")
    var variants: String?

    @Option(name: .long, help: "Comma-separated metric key prefixes for the terminal table (default: the main metrics).")
    var metrics: String?

    func validate() throws {
        if let variants { _ = try StudyOptions.list(variants, option: "--variants") }
        if let metrics { _ = try StudyOptions.list(metrics, option: "--metrics") }
    }

    func run() async throws {
        let names = try variants.map { try StudyOptions.list($0, option: "--variants") }
        let selection = try metrics.map { MetricSelection(prefixes: try StudyOptions.list($0, option: "--metrics")) } ?? .main
        let request = try study.request(path: file)
        let result = try await study.limits.bound {
            try await perform { () async throws(UseCaseError) in
                try await Studies.compare(request, variants: names, selection: selection, progress: ProgressBar.forStandardError(label:))
            }
        }
        StudyOptions.print(result)
    }
}
