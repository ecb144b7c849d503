import Reports

/// One metric of one arm: its summary over the replications and the paired difference to the baseline.
public struct MetricComparison: Sendable, Equatable {
    /// The metric's key path.
    public var metric: String
    /// The arm's name (`baseline` first).
    public var arm: String
    /// Over the replications that have the metric; nil when none has it.
    public var value: SampleSummary?
    /// Arm − baseline over the replications where both have the metric; nil when none does.
    public var difference: SampleSummary?

    /// Creates a row.
    public init(metric: String, arm: String, value: SampleSummary?, difference: SampleSummary?) {
        self.metric = metric
        self.arm = arm
        self.value = value
        self.difference = difference
    }
}

/// What a comparison was run on, as its outputs record it.
public struct StudyHeader: Sendable, Equatable {
    /// The scenario's name.
    public var scenario: String
    /// SHA-256 of the scenario file's bytes, in hexadecimal.
    public var scenarioHash: String
    /// Replications per arm.
    public var replications: Int
    /// The base seed.
    public var seed: UInt64

    /// Creates a header.
    public init(scenario: String, scenarioHash: String, replications: Int, seed: UInt64) {
        self.scenario = scenario
        self.scenarioHash = scenarioHash
        self.replications = replications
        self.seed = seed
    }

    /// The seeds of the replications, in order.
    public var replicationSeeds: [UInt64] {
        (0..<replications).map { ReplicationSeeds.seed(base: seed, replication: $0) }
    }
}

/// The baseline and its variants compared metric by metric on common random numbers.
public struct ComparisonReport: Sendable, Equatable {
    /// What was compared.
    public var header: StudyHeader
    /// The arms, baseline first.
    public var arms: [String]
    /// For every metric any run has (sorted), one row per arm that has it somewhere, in arm order.
    public var rows: [MetricComparison]

    /// Analyses complete results; `arms` names the arms in the results' order, baseline first.
    ///
    /// A metric that some replications lack (a user with no privileged time in one of them) is
    /// summarised over the replications that have it, and its count says how many; the paired
    /// difference uses the replications where both the arm and the baseline have it.
    public init(header: StudyHeader, arms: [String], results: RawResults) {
        precondition(arms.count == results.arms, "one name per arm")
        self.header = header
        self.arms = arms
        var rows: [MetricComparison] = []
        let armMetrics = (0..<results.arms).map { results.metrics(arm: $0) }
        for metric in results.metrics {
            let baseline = results.series(metric, arm: 0)
            // An arm lacking a per-entity total still gets a row: absent means zero there.
            let zeroWhenAbsent = RawResults.absentMeansZero(metric)
            for (index, name) in arms.enumerated() where zeroWhenAbsent || armMetrics[index].contains(metric) {
                let series = results.series(metric, arm: index)
                rows.append(MetricComparison(
                    metric: metric, arm: name,
                    value: Statistics.summary(series.compactMap { $0 }),
                    difference: Statistics.pairedDifferences(series, baseline: baseline)
                ))
            }
        }
        self.rows = rows
    }

    /// The metrics compared, sorted.
    public var metrics: [String] {
        var seen = Set<String>()
        return rows.compactMap { seen.insert($0.metric).inserted ? $0.metric : nil }
    }

    /// The table the HTML report renders: rows with both a value and a difference.
    ///
    /// A variant's row is left out when no replication has the metric in both the variant and
    /// the baseline (no paired difference exists); `compare.json` still lists it, with nulls.
    public var table: ComparisonTable {
        ComparisonTable(
            variants: arms, replications: header.replications, seed: header.seed,
            rows: rows.compactMap { row in
                guard let value = row.value, let difference = row.difference else { return nil }
                return ComparisonTable.Row(metric: row.metric, variant: row.arm, value: value.estimate, difference: difference.estimate)
            }
        )
    }

    /// The rows of the metrics `selection` chooses, in the order of its prefixes (then by key).
    public func rows(matching selection: MetricSelection) -> [MetricComparison] {
        let selected = rows.enumerated().compactMap { index, row in selection.rank(row.metric).map { (rank: $0, index: index, row: row) } }
        return selected.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.row)
    }
}

/// A choice of metrics by key-path prefix: `friction` selects `friction.tasks.blocked` and every
/// other key under `friction`, and `privilegedHours.total` selects exactly that key.
public struct MetricSelection: Sendable, Equatable {
    /// The prefixes, as written.
    public var prefixes: [String]

    /// Creates a selection.
    public init(prefixes: [String]) {
        self.prefixes = prefixes
    }

    /// The main metrics the terminal shows by default: privileged hours, standing admins' mean,
    /// the most Global Administrators, the 90th percentile of the wait for access, blocked tasks,
    /// the Tier-0 summary (effective and live Global Administrators, reachable hours), and, when
    /// the scenario has access packages, their privileged hours and requests by outcome.
    public static let main = MetricSelection(prefixes: [
        "privilegedHours", "standingAdmins.mean", "globalAdmins.max",
        "friction.waitMinutes.p90", "friction.tasks.blocked", "tier0.effectiveGlobalAdmins.mean", "tier0.liveGlobalAdmins.mean",
        "tier0.reachableHours", "tier0.liveReachableHours",
        "accessPackages.privilegedHours", "accessPackages.requests.fulfilled", "accessPackages.requests.denied", "accessPackages.requests.timedOut",
    ])

    /// Whether `metric` is one of the prefixes or lies under one.
    public func matches(_ metric: String) -> Bool { rank(metric) != nil }

    /// The position of the first prefix that selects `metric`, if any.
    public func rank(_ metric: String) -> Int? {
        prefixes.firstIndex { metric == $0 || metric.hasPrefix($0 + ".") }
    }
}
