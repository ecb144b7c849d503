import ArgumentParser
import Foundation
import PimsimKit
import WhatIf

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the partial results of 'compare --shard' or 'sweep --shard' into the final outputs.",
        discussion: """
        Checks that the parts belong together (the same scenario file by SHA-256, the same \
        options, each of the N shards exactly once) and writes the same files, byte for byte, as \
        a single unsharded run: compare.json and compare.csv, or sweep.json, sweep.csv and \
        pareto.svg, into Output/<scenario>/compare/ or .../sweep/ (or --output DIR).
        """
    )

    @Argument(help: "The partial result files (one per shard).")
    var parts: [String]

    @Option(name: .long, help: "Write outputs into this folder.")
    var output: String?

    @Option(name: .long, help: "Comma-separated metric key prefixes for a comparison's terminal table (default: the main metrics).")
    var metrics: String?

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the partial result files to merge, one per shard") }
        if let metrics { _ = try StudyOptions.list(metrics, option: "--metrics") }
    }

    func run() throws {
        let selection = try metrics.map { MetricSelection(prefixes: try StudyOptions.list($0, option: "--metrics")) } ?? .main
        let result = try perform { () throws(UseCaseError) in try Studies.merge(parts: parts, output: output, selection: selection) }
        StudyOptions.print(result)
    }
}
