import Foundation
import RunPipeline

/// Hears how far an experiment's runs have got; WhatIf itself does no terminal I/O.
public protocol ProgressReporter: Sendable {
    /// `done` of the `total` runs have finished: called with 0 before the first run, then after
    /// each run in the order they finish, last with `done == total`.
    func progress(done: Int, total: Int)
}

/// Runs an experiment's work units in parallel, at most `jobs` at a time.
///
/// Each unit is one synchronous simulation in its own child task of a task group; results are
/// stored by unit index, so they never depend on the number of threads or on completion order.
public enum ExperimentRunner {
    /// The default parallelism: the processors this process may use.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Runs the units of `shard` (all of them by default) and returns their metric values; when
    /// the task is cancelled, the runs in flight finish, no more start, and the results are
    /// incomplete.
    ///
    /// - Parameters:
    ///   - jobs: simulations in flight at once, at least 1.
    ///   - progress: told how many of the shard's runs are done, from 0 before the first to all of
    ///     them after the last (the command line draws a bar on a terminal); none by default.
    public static func run(
        _ experiment: Experiment, shard: Shard = .whole, jobs: Int = defaultJobs, progress: (any ProgressReporter)? = nil
    ) async -> RawResults {
        let units = shard.units(of: experiment.unitCount)
        var results = RawResults(arms: experiment.arms.count, replications: experiment.replications)
        progress?.progress(done: 0, total: units.count)
        await withTaskGroup(of: (Int, MetricValues).self) { group in
            var next = 0
            func launch() {
                let unit = units[next]
                next += 1
                let (armIndex, replication) = experiment.unit(unit)
                let arm = experiment.arms[armIndex]
                let seed = ReplicationSeeds.seed(base: experiment.seed, replication: replication)
                group.addTask {
                    (unit, simulate(arm, seed: seed))
                }
            }
            while next < units.count && next < max(1, jobs) { launch() }
            var keys = Set<String>()
            var done = 0
            for await (unit, values) in group {
                results.units[unit] = values.interned(in: &keys)
                done += 1
                progress?.progress(done: done, total: units.count)
                // Cancelled (the caller failed): finish the runs in flight, start no more.
                if next < units.count && !Task.isCancelled { launch() }
            }
        }
        return results
    }

    /// One replication of one arm: the flattened metrics of its run (a lean run: metrics.json's
    /// folds only, the same values as a full run's).
    public static func simulate(_ arm: Arm, seed: UInt64) -> MetricValues {
        MetricValues(document: Pipeline.simulateMetrics(RunPlan(scenario: arm.scenario, variant: arm.variant, seed: seed)))
    }
}
