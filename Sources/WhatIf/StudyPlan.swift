import Crypto
import Foundation
import Reports
import ScenarioFormat
import RunPipeline
import TenantModel

/// A study ready to run: what it is (header and spec) and the scenarios of its arms.
public struct StudyPlan: Sendable {
    /// The scenario, its hash, replications and seed.
    public var header: StudyHeader
    /// The variants or the grid.
    public var spec: StudySpec
    /// The arms and replications.
    public var experiment: Experiment
    /// Warnings about the scenario as written (its variants' and grid points' warnings are not repeated).
    public var warnings: [Diagnostic]

    /// Why a study cannot be planned: scenario errors, each with where it arose.
    public struct Failure: Error, CustomStringConvertible {
        /// The diagnostics, each with the arm it belongs to (`variant 'x'`, `--grid 'k=v'`), if any.
        public var problems: [(diagnostic: Diagnostic, context: String?)]

        /// One line per problem, as `pimsim validate` prints them.
        public var description: String {
            problems.map { problem in
                problem.diagnostic.description + (problem.context.map { " (in \($0))" } ?? "")
            }.joined(separator: "\n")
        }

        /// The number of errors.
        public var errorCount: Int { problems.filter { $0.diagnostic.severity == .error }.count }
    }

    /// Plans a comparison of the scenario at `path` with `variants` (nil: every variant of the
    /// file, in file order). `seed` overrides the scenario's seed as the base seed.
    public static func compare(path: String, variants: [String]? = nil, replications: Int, seed: UInt64? = nil) -> Result<StudyPlan, Failure> {
        let base = ScenarioLoader.load(path: path)
        guard let baseline = base.scenario else { return .failure(Failure(problems: base.diagnostics.map { ($0, nil) })) }
        let names = variants ?? baseline.variants.map(\.name)
        var arms = [Arm(name: ComparisonTable.baselineName, scenario: baseline)]
        var problems: [(Diagnostic, String?)] = []
        var seen = Set<String>()
        for name in names {
            guard seen.insert(name).inserted else {
                problems.append((Diagnostic(file: path, line: 0, column: 0, path: "", message: "variant '\(name)' is listed twice; name each variant once"), nil))
                continue
            }
            guard name != ComparisonTable.baselineName else {
                problems.append((Diagnostic(file: path, line: 0, column: 0, path: "variants",
                                            message: "a variant named 'baseline' cannot be compared: the name stands for the scenario as written"), nil))
                continue
            }
            let loaded = ScenarioLoader.load(path: path, variant: name)
            if let scenario = loaded.scenario {
                arms.append(Arm(name: name, scenario: scenario, variant: name))
            } else {
                let known = baseline.variants.contains { $0.name == name }
                problems += loaded.diagnostics.filter { $0.severity == .error }.map { ($0, known ? "variant '\(name)'" : nil) }
            }
        }
        guard problems.isEmpty else { return .failure(Failure(problems: problems)) }
        let header = StudyHeader(scenario: baseline.name, scenarioHash: fileHash(path), replications: replications, seed: RunPlan(scenario: baseline, seed: seed).seed)
        return .success(StudyPlan(
            header: header, spec: .compare(variants: Array(names)),
            experiment: Experiment(arms: arms, replications: replications, seed: header.seed),
            warnings: base.diagnostics.filter { $0.severity == .warning }
        ))
    }

    /// Plans a sweep of `grid` over the scenario at `path` (on `variant` when given).
    ///
    /// Each grid entry is first checked on its own, so that an error names the `--grid` value
    /// that causes it; then every combination is loaded and checked.
    public static func sweep(
        path: String, variant: String? = nil, grid: SweepGrid, replications: Int, seed: UInt64? = nil,
        exposure: [String] = [], friction: [String] = []
    ) -> Result<StudyPlan, Failure> {
        let base = ScenarioLoader.load(path: path, variant: variant)
        guard let start = base.scenario else { return .failure(Failure(problems: base.diagnostics.map { ($0, nil) })) }
        var problems: [(Diagnostic, String?)] = []
        if grid.axes.count > 1 {
            for axis in grid.axes {
                for value in axis.values {
                    let patch = ScenarioPatch(keyPath: axis.keyPath, value: value)
                    let loaded = ScenarioLoader.load(path: path, variant: variant, patches: [patch])
                    if loaded.scenario == nil { problems += errors(loaded, context: "--grid '\(patch)'") }
                }
            }
            guard problems.isEmpty else { return .failure(Failure(problems: problems)) }
        }
        var arms: [Arm] = []
        for point in grid.points {
            let loaded = ScenarioLoader.load(path: path, variant: variant, patches: grid.patches(point))
            if let scenario = loaded.scenario {
                arms.append(Arm(name: grid.label(point), scenario: scenario, variant: variant))
            } else {
                let context = grid.axes.count == 1 ? "--grid '\(grid.patches(point)[0])'" : "grid point \(grid.label(point))"
                problems += errors(loaded, context: context)
            }
        }
        guard problems.isEmpty else { return .failure(Failure(problems: problems)) }
        let header = StudyHeader(scenario: start.name, scenarioHash: fileHash(path), replications: replications, seed: RunPlan(scenario: start, seed: seed).seed)
        return .success(StudyPlan(
            header: header, spec: .sweep(variant: variant, grid: grid, exposure: exposure, friction: friction),
            experiment: Experiment(arms: arms, replications: replications, seed: header.seed),
            warnings: base.diagnostics.filter { $0.severity == .warning }
        ))
    }

    private static func errors(_ result: LoadResult, context: String) -> [(Diagnostic, String?)] {
        result.diagnostics.filter { $0.severity == .error }.map { ($0, context) }
    }

    /// SHA-256 of the file's bytes in hexadecimal (of nothing when it cannot be read, which
    /// loading would already have reported).
    public static func fileHash(_ path: String) -> String {
        sha256Hex((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
    }

    /// SHA-256 (swift-crypto) of `data` as 64 lowercase hexadecimal digits.
    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Runs the plan (or one shard of it) and returns its units' values.
    public func run(
        shard: Shard = .whole, jobs: Int = ExperimentRunner.defaultJobs, progress: (any ProgressReporter)? = nil
    ) async -> RawResults {
        await ExperimentRunner.run(experiment, shard: shard, jobs: jobs, progress: progress)
    }

    /// The part a shard writes.
    public func part(shard: Shard, results: RawResults) -> PartFile {
        PartFile(header: header, spec: spec, shard: shard, results: results)
    }
}
