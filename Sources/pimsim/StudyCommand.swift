import ArgumentParser
import Foundation
import Reports
import WhatIf

/// What `compare`, `sweep` and `merge` share: running a plan or a shard of it, and writing outputs.
enum StudyCommand {
    /// Prints a plan's failure and exits with 2.
    static func planOrExit(_ result: Result<StudyPlan, StudyPlan.Failure>, file: String) throws -> StudyPlan {
        switch result {
        case .success(let plan):
            for warning in plan.warnings { printError(warning.description) }
            return plan
        case .failure(let failure):
            printError(failure.description)
            let errors = failure.errorCount
            printError("\(file): \(errors) error\(errors == 1 ? "" : "s"); nothing was run")
            throw Exit.invalidInput
        }
    }

    /// Runs the plan: the whole of it, writing the final outputs, or one shard, writing its part.
    static func execute(_ plan: StudyPlan, shard: Shard?, jobs: Int, output: String?, selection: MetricSelection) async throws {
        let progress = ProgressBar.forStandardError(label: "\(plan.spec.kind) \(plan.header.scenario)")
        guard let shard else {
            let results = await plan.run(jobs: jobs, progress: progress)
            try finish(header: plan.header, spec: plan.spec, results: results, output: output, selection: selection)
            return
        }
        let results = await plan.run(shard: shard, jobs: jobs, progress: progress)
        let part = plan.part(shard: shard, results: results)
        let folder = output ?? StudyOutput.defaultFolder(scenario: plan.header.scenario, spec: plan.spec) + "/parts"
        let path = folder.hasSuffix("/") ? folder + part.fileName : folder + "/" + part.fileName
        do {
            try AtomicFile.write(part.jsonText, to: path)
        } catch {
            printError("error: \(error)")
            throw Exit.runtimeFailure
        }
        print("shard \(shard): \(results.units.count) of \(plan.experiment.unitCount) runs; wrote \(path)")
        print("merge every shard's part with: pimsim merge PART... [--output DIR]")
    }

    /// Writes the final outputs of complete results and prints the table.
    static func finish(header: StudyHeader, spec: StudySpec, results: RawResults, output: String?, selection: MetricSelection) throws {
        let outputs: StudyOutput
        do {
            outputs = try StudyOutput(header: header, spec: spec, results: results, selection: selection)
        } catch {
            printError("error: \(error)")
            throw Exit.invalidInput
        }
        let folder = output ?? StudyOutput.defaultFolder(scenario: header.scenario, spec: spec)
        let paths: [String]
        do {
            paths = try outputs.write(to: folder)
        } catch {
            printError("error: \(error)")
            throw Exit.runtimeFailure
        }
        print(outputs.terminal, terminator: "")
        for path in paths { print("wrote \(path)") }
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

    /// Checks the options every study command shares.
    static func validate(replications: Int, seed: UInt64?, jobs: Int?) throws {
        guard (1...1_000_000).contains(replications) else {
            throw ValidationError("--replications must be between 1 and 1000000, got \(replications)")
        }
        if let seed, seed > UInt64(Int64.max) { throw ValidationError("--seed must be at most \(Int64.max), got \(seed)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }
}

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

    func validate() throws {
        try StudyCommand.validate(replications: replications, seed: seed, jobs: jobs)
        _ = try StudyCommand.shard(shard)
    }
}
