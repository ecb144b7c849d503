import ArgumentParser
import Foundation
import PimsimKit
import WhatIf

/// The options `compare` and `sweep` share: how many runs, from which seed, how many at once,
/// where the outputs go, and which shard of the runs to do.
struct StudyOptions: ParsableArguments {
    @Option(name: .long, help: "Replications per arm: per variant for compare, per grid point for sweep (1 to 1000000).")
    var replications = 10

    @Option(name: .long, help: "The base seed (default: the scenario's seed); replication 0 uses it as is.")
    var seed: UInt64?

    @Option(name: .long, help: "Simulations run at once (default: the number of processors).")
    var jobs: Int?

    @Option(name: .long, help: "Write outputs (or the partial result) into this folder.")
    var output: String?

    @Option(name: .long, help: "Run only shard K of N (1 ≤ K ≤ N) and write a partial result.")
    var shard: String?

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        guard (1...1_000_000).contains(replications) else {
            throw ValidationError("--replications must be between 1 and 1000000, got \(replications)")
        }
        if let seed, seed > UInt64(Int64.max) { throw ValidationError("--seed must be at most \(Int64.max), got \(seed)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        _ = try Self.shard(shard)
    }

    /// The request these options make for the file at `path`.
    func request(path: String) throws -> StudyRequest {
        StudyRequest(path: path, replications: replications, seed: seed, jobs: jobs ?? ExperimentRunner.defaultJobs,
                     output: output, shard: try Self.shard(shard))
    }

    /// Reads `--shard K/N`.
    static func shard(_ text: String?) throws -> Shard? {
        guard let text else { return nil }
        do {
            return try Shard(parsing: text)
        } catch {
            throw ValidationError("--shard: \(error)")
        }
    }

    /// A comma-separated list, each item trimmed; throws on an empty item.
    static func list(_ text: String, option: String) throws -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.contains(where: \.isEmpty) else {
            throw ValidationError("\(option) '\(text)': an item is empty; expected names separated by single commas")
        }
        return items
    }

    /// Prints what a study did: its warnings, its table, its notes and the files written.
    static func print(_ result: StudyResult) {
        printWarnings(result.warnings)
        Swift.print(result.terminal, terminator: "")
        for note in result.notes { Swift.print(note) }
        if result.notes.isEmpty { for path in result.paths { Swift.print("wrote \(path)") } }
    }
}
