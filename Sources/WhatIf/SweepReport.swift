import Reports

/// One point of a sweep: its grid values and the summary of every metric over its replications.
public struct SweepPoint: Sendable, Equatable {
    /// The values, one per grid axis.
    public var values: [String]
    /// The point's label (`maxDuration=1h, requireApproval=true`).
    public var label: String
    /// Every metric some replication has.
    public var metrics: [String: SampleSummary]
    /// Whether the point is on the Pareto front of all the chosen exposure and friction metrics.
    public var pareto: Bool

    /// Creates a point.
    public init(values: [String], label: String, metrics: [String: SampleSummary], pareto: Bool = false) {
        self.values = values
        self.label = label
        self.metrics = metrics
        self.pareto = pareto
    }

    /// The means of `keys`, or nil when one is missing.
    public func means(_ keys: [String]) -> [Double]? {
        var means: [Double] = []
        for key in keys {
            guard let summary = metrics[key] else { return nil }
            means.append(summary.mean)
        }
        return means
    }
}

/// A sweep's results: every grid point's metrics and the Pareto front of exposure against friction.
public struct SweepReport: Sendable, Equatable {
    /// What was swept.
    public var header: StudyHeader
    /// The variant the grid is applied on, when one was named.
    public var variant: String?
    /// The grid.
    public var grid: SweepGrid
    /// Exposure metrics (minimised), resolved: those named, or the defaults that the runs have.
    public var exposure: [String]
    /// Friction metrics (minimised), resolved likewise.
    public var friction: [String]
    /// The points, in grid order.
    public var points: [SweepPoint]

    /// The default exposure metrics, kept when the runs have them.
    public static let defaultExposure = ["privilegedHours.total", "tier0.reachableHours"]
    /// The default friction metrics, kept when the runs have them.
    public static let defaultFriction = ["friction.waitMinutes.p90", "friction.tasks.blocked"]

    /// Why the chosen axes cannot be used.
    public struct AxisError: Error, Equatable, CustomStringConvertible {
        /// What is wrong, naming the metric.
        public let description: String
    }

    /// Analyses complete results of the grid's points (in grid order).
    ///
    /// `exposure` and `friction` name the Pareto front's metrics; empty means the defaults (each
    /// default that no run has is dropped). A named metric that no run has is an error.
    public init(
        header: StudyHeader, variant: String?, grid: SweepGrid, results: RawResults,
        exposure: [String] = [], friction: [String] = []
    ) throws {
        let gridPoints = grid.points
        precondition(gridPoints.count == results.arms, "one arm per grid point")
        let available = Set(results.metrics)
        self.exposure = try Self.resolve(exposure, defaults: Self.defaultExposure, available: available, what: "exposure")
        self.friction = try Self.resolve(friction, defaults: Self.defaultFriction, available: available, what: "friction")
        self.header = header
        self.variant = variant
        self.grid = grid
        var points: [SweepPoint] = []
        for (arm, values) in gridPoints.enumerated() {
            var metrics: [String: SampleSummary] = [:]
            for metric in results.metrics(arm: arm) {
                metrics[metric] = Statistics.summary(results.series(metric, arm: arm).compactMap { $0 })
            }
            points.append(SweepPoint(values: values, label: grid.label(values), metrics: metrics))
        }
        let objectives = self.exposure + self.friction
        if !objectives.isEmpty {
            for index in ParetoFront.indices(points.map { $0.means(objectives) }) { points[index].pareto = true }
        }
        self.points = points
    }

    /// The chosen metrics, checked against those the runs have.
    public static func resolve(_ chosen: [String], defaults: [String], available: Set<String>, what: String) throws -> [String] {
        guard !chosen.isEmpty else { return defaults.filter(available.contains) }
        for metric in chosen where !available.contains(metric) {
            let hint = closestMetric(to: metric, in: available).map { "; did you mean '\($0)'?" } ?? ""
            throw AxisError(description: "--\(what) '\(metric)' is not a numeric metric of these runs\(hint) (see docs/metrics.md)")
        }
        return chosen
    }

    /// A metric sharing the longest prefix with `metric`, for a did-you-mean hint.
    static func closestMetric(to metric: String, in available: Set<String>) -> String? {
        let target = Array(metric.lowercased())
        var best: (length: Int, key: String)?
        for key in available.sorted() {
            let candidate = Array(key.lowercased())
            var length = 0
            while length < min(target.count, candidate.count) && target[length] == candidate[length] { length += 1 }
            if length > (best?.length ?? 0) { best = (length, key) }
        }
        guard let best, best.length * 2 >= target.count else { return nil }
        return best.key
    }

    /// The metrics `sweep.csv` shows: exposure, friction, then the other main metrics, each once.
    public var keyMetrics: [String] {
        var keys = exposure + friction
        let available = Set(points.flatMap { $0.metrics.keys })
        for metric in available.sorted() where MetricSelection.main.matches(metric) && !keys.contains(metric) {
            keys.append(metric)
        }
        return keys
    }
}

/// The Pareto front of points whose every coordinate is to be minimised.
public enum ParetoFront {
    /// Whether `a` dominates `b`: no worse in every coordinate and better in at least one.
    public static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
        var better = false
        for (x, y) in zip(a, b) {
            if x > y { return false }
            if x < y { better = true }
        }
        return better
    }

    /// The indices of the points no other point dominates, in ascending order.
    ///
    /// Equal points do not dominate each other, so duplicates on the front are all kept. A point
    /// with a missing coordinate (nil) is left out: it cannot be compared.
    public static func indices(_ points: [[Double]?]) -> [Int] {
        var front: [Int] = []
        for (i, point) in points.enumerated() {
            guard let point else { continue }
            let dominated = points.enumerated().contains { j, other in
                guard j != i, let other else { return false }
                return dominates(other, point)
            }
            if !dominated { front.append(i) }
        }
        return front
    }
}
