import ExposureMetrics
import TenantModel

/// `metrics.json`: the contract's keys (and a few more), built from `CoreMetrics`.
public enum MetricsDocument {
    /// Seconds to hours, as the contract defines them (seconds / 3600, floating point).
    static func hours(_ seconds: Int64) -> JSONValue { .number(Double(seconds) / 3600) }

    /// Facts about the run that are not metrics.
    public struct RunInfo: Sendable {
        /// The scenario's name.
        public var scenario: String
        /// The variant, when one was applied.
        public var variant: String?
        /// The seed used.
        public var seed: UInt64
        /// The start as an ISO 8601 timestamp.
        public var start: String
        /// Kernel events handled.
        public var events: Int

        /// Creates run information.
        public init(scenario: String, variant: String?, seed: UInt64, start: String, events: Int) {
            self.scenario = scenario
            self.variant = variant
            self.seed = seed
            self.start = start
            self.events = events
        }
    }

    /// The whole document.
    public static func json(_ metrics: CoreMetrics, run: RunInfo) -> JSONValue {
        var roles: [String: JSONValue] = [:]
        for role in metrics.roles {
            roles[role.name] = .object([
                "activeHours": hours(role.activeSeconds),
                "eligibleHours": hours(role.eligibleSeconds),
                "standingHours": hours(role.standingSeconds),
                "privileged": .bool(role.privileged),
            ])
        }
        let activations = metrics.activations
        return .object([
            "privilegedHours": .object([
                "total": hours(metrics.privilegedTotalSeconds),
                "standing": hours(metrics.privilegedStandingSeconds),
                "jit": hours(metrics.privilegedJITSeconds),
            ]),
            "roles": .object(roles),
            "standingAdmins": step(metrics.standingAdmins, horizon: metrics.horizon),
            "globalAdmins": step(metrics.globalAdmins, horizon: metrics.horizon),
            "activations": .object([
                "requested": .integer(Int64(activations.requested)),
                "granted": .integer(Int64(activations.granted)),
                "denied": .integer(Int64(activations.denied)),
                "expired": .integer(Int64(activations.expired)),
                "rejected": .integer(Int64(activations.rejected)),
                "cancelled": .integer(Int64(activations.cancelled)),
                "pending": .integer(Int64(activations.pending)),
            ]),
            "hygiene": .object(["orphanedAssignments": .integer(Int64(metrics.orphanedAssignments))]),
            "run": .object([
                "scenario": .string(run.scenario),
                "variant": run.variant.map(JSONValue.string) ?? .null,
                "seed": .integer(Int64(bitPattern: run.seed)),
                "start": .string(run.start),
                "horizonHours": hours(metrics.horizon),
                "kernelEvents": .integer(Int64(run.events)),
            ]),
        ])
    }

    static func step(_ statistic: StepStatistic, horizon: Int64) -> JSONValue {
        .object([
            "max": .integer(Int64(statistic.max)),
            "end": .integer(Int64(statistic.value)),
            "mean": .number(statistic.mean(horizon: horizon)),
            "min": .integer(Int64(statistic.min)),
        ])
    }

    /// Splits a metric key such as `roles.Global Administrator.activeHours` into object keys.
    ///
    /// Role names may contain dots, so under `roles` the last component is the field and the
    /// middle is the role name.
    public static func path(of metric: String) -> [String] {
        let parts = metric.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "roles", parts.count >= 3 {
            return ["roles", parts[1..<(parts.count - 1)].joined(separator: "."), parts[parts.count - 1]]
        }
        return parts
    }
}
