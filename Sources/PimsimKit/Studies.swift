import Foundation
import Reports
import RunPipeline
import WhatIf

/// What `compare` and `sweep` share: which file, how many runs from which seed, how many at
/// once, where the outputs go, and which shard of the runs to do.
public struct StudyRequest: Sendable {
    /// The scenario file.
    public var path: String
    /// Replications per arm.
    public var replications: Int
    /// The base seed; nil means the scenario's.
    public var seed: UInt64?
    /// Simulations run at once.
    public var jobs: Int
    /// Where the outputs (or the shard's part) go; nil means the default folder.
    public var output: String?
    /// Only this shard of the runs, writing a partial result; nil means every run.
    public var shard: Shard?

    /// Describes a study.
    public init(path: String, replications: Int = 10, seed: UInt64? = nil, jobs: Int = ExperimentRunner.defaultJobs,
                output: String? = nil, shard: Shard? = nil) {
        self.path = path
        self.replications = replications
        self.seed = seed
        self.jobs = jobs
        self.output = output
        self.shard = shard
    }
}

/// What a study wrote.
public struct StudyResult: Sendable {
    /// The table for the terminal (empty for a shard).
    public var terminal: String
    /// Lines to print after it: what a shard did and how to merge.
    public var notes: [String]
    /// Every file written.
    public var paths: [String]
    /// Warnings about the scenario as written.
    public var warnings: [String]
}

/// The what-if use cases: compare, sweep, merge.
public enum Studies {
    /// `pimsim compare`: runs the comparison (or a shard of it) and writes its outputs.
    public static func compare(
        _ request: StudyRequest, variants: [String]? = nil, selection: MetricSelection = .main, progress: (_ label: String) -> (any ProgressReporter)? = { _ in nil }
    ) async throws(UseCaseError) -> StudyResult {
        let plan = try planned(
            StudyPlan.compare(path: request.path, variants: variants, replications: request.replications, seed: request.seed), path: request.path
        )
        return try await execute(plan, request, selection: selection, progress: progress)
    }

    /// `pimsim sweep`: runs every grid point (or a shard of them) and writes sweep.csv, sweep.json
    /// and pareto.svg. Named exposure and friction metrics are checked on one run first.
    public static func sweep(
        _ request: StudyRequest, grid: SweepGrid, variant: String? = nil, exposure: [String] = [], friction: [String] = [],
        progress: (_ label: String) -> (any ProgressReporter)? = { _ in nil }
    ) async throws(UseCaseError) -> StudyResult {
        let plan = try planned(
            StudyPlan.sweep(path: request.path, variant: variant, grid: grid, replications: request.replications, seed: request.seed,
                            exposure: exposure, friction: friction),
            path: request.path
        )
        if !exposure.isEmpty || !friction.isEmpty, let first = plan.experiment.arms.first {
            // Check the named metrics on one run before spending the sweep on them.
            let available = Set(ExperimentRunner.simulate(first, seed: plan.header.seed).keys)
            do {
                _ = try SweepReport.resolve(exposure, defaults: [], available: available, what: "exposure")
                _ = try SweepReport.resolve(friction, defaults: [], available: available, what: "friction")
            } catch {
                throw .invalidInput("\(error) (checked on the first grid point's first replication)")
            }
        }
        return try await execute(plan, request, selection: .main, progress: progress)
    }

    /// `pimsim merge`: reads every shard's part, checks that they belong together, and writes
    /// the same outputs, byte for byte, as one unsharded run.
    public static func merge(parts: [String], output: String? = nil, selection: MetricSelection = .main) throws(UseCaseError) -> StudyResult {
        var read: [(source: String, part: PartFile)] = []
        var problems: [String] = []
        for path in parts {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                read.append((path, try PartFile(text: text)))
            } catch let error as PartFile.ReadError {
                problems.append("\(path): error: \(error)")
            } catch {
                problems.append("\(path): error: cannot read the file: \((error as NSError).localizedDescription)")
            }
        }
        guard problems.isEmpty else { throw .unreadable(problems) }
        let merged: PartMerge.Merged
        do {
            merged = try PartMerge.merge(read)
        } catch {
            throw .invalidInput("\(error)")
        }
        return try finish(header: merged.header, spec: merged.spec, results: merged.results, output: output, selection: selection)
    }

    // MARK: Shared steps

    /// The plan, or its problems as an error.
    static func planned(_ result: Result<StudyPlan, StudyPlan.Failure>, path: String) throws(UseCaseError) -> StudyPlan {
        switch result {
        case .success(let plan): return plan
        case .failure(let failure):
            throw .invalidScenario(path: path, problems: [failure.description], errorCount: failure.errorCount, consequence: "nothing was run")
        }
    }

    /// Runs the plan: the whole of it, writing the final outputs, or one shard, writing its part.
    static func execute(
        _ plan: StudyPlan, _ request: StudyRequest, selection: MetricSelection, progress: (_ label: String) -> (any ProgressReporter)?
    ) async throws(UseCaseError) -> StudyResult {
        let warnings = plan.warnings.map(\.description)
        let bar = progress("\(plan.spec.kind) \(plan.header.scenario)")
        guard let shard = request.shard else {
            let results = await plan.run(jobs: request.jobs, progress: bar)
            var result = try finish(header: plan.header, spec: plan.spec, results: results, output: request.output, selection: selection)
            result.warnings = warnings
            return result
        }
        let results = await plan.run(shard: shard, jobs: request.jobs, progress: bar)
        let part = plan.part(shard: shard, results: results)
        let path: String
        do {
            let folder = try request.output ?? StudyOutput.defaultFolder(scenario: plan.header.scenario, spec: plan.spec) + "/parts"
            try OutputPath.check(part.fileName, role: "the part file's name")
            path = Pipeline.path(folder, part.fileName)
            try AtomicFile.write(part.jsonText, to: path)
        } catch let refused as OutputPath.Refused {
            throw .invalidInput("\(refused)")
        } catch {
            throw .runtime("\(error)")
        }
        return StudyResult(
            terminal: "",
            notes: ["shard \(shard): \(results.units.count) of \(plan.experiment.unitCount) runs; wrote \(path)",
                    "merge every shard's part with: pimsim merge PART... [--output DIR]"],
            paths: [path], warnings: warnings
        )
    }

    /// Writes the final outputs of complete results.
    static func finish(
        header: StudyHeader, spec: StudySpec, results: RawResults, output: String?, selection: MetricSelection
    ) throws(UseCaseError) -> StudyResult {
        let outputs: StudyOutput
        do {
            outputs = try StudyOutput(header: header, spec: spec, results: results, selection: selection)
        } catch {
            throw .invalidInput("\(error)")
        }
        do {
            let paths = try outputs.write(to: output ?? StudyOutput.defaultFolder(scenario: header.scenario, spec: spec))
            return StudyResult(terminal: outputs.terminal, notes: [], paths: paths, warnings: [])
        } catch let refused as OutputPath.Refused {
            throw .invalidInput("\(refused)")
        } catch {
            throw .runtime("\(error)")
        }
    }
}
