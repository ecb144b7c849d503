import ArgumentParser
import Foundation
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
        if let metrics { _ = try StudyCommand.list(metrics, option: "--metrics") }
    }

    func run() throws {
        var read: [(source: String, part: PartFile)] = []
        var failed = false
        for path in parts {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                read.append((path, try PartFile(text: text)))
            } catch let error as PartFile.ReadError {
                printError("\(path): error: \(error)")
                failed = true
            } catch {
                printError("\(path): error: cannot read the file: \((error as NSError).localizedDescription)")
                failed = true
            }
        }
        if failed { throw Exit.invalidInput }
        let merged: PartMerge.Merged
        do {
            merged = try PartMerge.merge(read)
        } catch {
            printError("error: \(error)")
            throw Exit.invalidInput
        }
        let selection = try metrics.map { MetricSelection(prefixes: try StudyCommand.list($0, option: "--metrics")) } ?? .main
        try StudyCommand.finish(header: merged.header, spec: merged.spec, results: merged.results, output: output, selection: selection)
    }
}
