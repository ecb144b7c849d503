import Foundation
import RunPipeline

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
            var keys = Set<String>()
            for await (unit, values) in group {
                results.units[unit] = values.interned(in: &keys)
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

/// A one-line progress bar on standard error, redrawn in place; for terminals only.
public final class ProgressBar {
    private let label: String
    private let width = 30
    private var total = 0
    private var done = 0
    private var drawn = -1

    /// Creates a bar that prefixes its line with `label`.
    public init(label: String) {
        self.label = label
    }

    /// A bar when standard error is a terminal, else nil (pipes and files get nothing).
    public static func forStandardError(label: String) -> ProgressBar? {
        isatty(2) == 1 ? ProgressBar(label: label) : nil
    }

    /// Starts counting towards `total` units.
    public func start(total: Int) {
        self.total = total
        done = 0
        drawn = -1
        draw()
    }

    /// Counts one more finished unit.
    public func advance() {
        done += 1
        draw()
    }

    /// Erases the line.
    public func finish() {
        write("\r" + String(repeating: " ", count: label.count + width + 30) + "\r")
    }

    /// Redraws at most once per percent, and at the end.
    private func draw() {
        guard total > 0 else { return }
        let filled = done * width / total
        let percent = done * 100 / total
        guard percent != drawn else { return }
        drawn = percent
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        write("\r\(label) [\(bar)] \(done)/\(total) runs")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
