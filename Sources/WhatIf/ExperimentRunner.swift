import Foundation
import PimsimKit

/// Runs an experiment's work units in parallel, at most `jobs` at a time.
///
/// Each unit is one synchronous simulation in its own child task of a task group; results are
/// stored by unit index, so they never depend on the number of threads or on completion order.
public enum ExperimentRunner {
    /// The default parallelism: the processors this process may use.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Runs the units of `shard` (all of them by default) and returns their metric values.
    ///
    /// - Parameters:
    ///   - jobs: simulations in flight at once, at least 1.
    ///   - progress: a bar on standard error, normally only when it is a terminal.
    public static func run(
        _ experiment: Experiment, shard: Shard = .whole, jobs: Int = defaultJobs, progress: ProgressBar? = nil
    ) async -> RawResults {
        let units = shard.units(of: experiment.unitCount)
        var results = RawResults(arms: experiment.arms.count, replications: experiment.replications)
        progress?.start(total: units.count)
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
            for await (unit, values) in group {
                results.units[unit] = values
                progress?.advance()
                if next < units.count { launch() }
            }
        }
        progress?.finish()
        return results
    }

    /// One replication of one arm: the flattened metrics of its run.
    public static func simulate(_ arm: Arm, seed: UInt64) -> MetricValues {
        MetricValues(document: Pipeline.simulate(arm.scenario, variant: arm.variant, seed: seed).document)
    }
}
