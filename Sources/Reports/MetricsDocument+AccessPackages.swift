import ExposureMetrics
import TenantModel
import Trace

extension MetricsDocument {
    /// The `accessPackages` object of `metrics.json` (docs/metrics.md, "Access packages").
    static func accessPackagesJSON(_ metrics: AccessPackageMetrics, scenario: Scenario) -> JSONValue {
        var stages: [String: JSONValue] = [:]
        for (index, stage) in metrics.stages.enumerated() {
            let latency = DurationSummary(stage.latencies)
            stages["stage\(index + 1)"] = .object([
                "started": .integer(Int64(stage.started)),
                "approved": .integer(Int64(stage.approved)),
                "denied": .integer(Int64(stage.denied)),
                "timedOut": .integer(Int64(stage.timedOut)),
                "escalated": .integer(Int64(stage.escalated)),
                "fallback": .integer(Int64(stage.fallback)),
                "latencyHours": .object([
                    "mean": .number(latency.mean / 3600), "p50": hours(latency.p50), "p90": hours(latency.p90), "max": hours(latency.max),
                ]),
            ])
        }
        var packages: [String: JSONValue] = [:]
        for (index, package) in metrics.packages.enumerated() {
            packages[scenario.accessPackages[index].id] = .object([
                "requests": outcomesJSON(package.requests),
                "assignments": .integer(Int64(package.assignments)),
                "privilegedHours": hours(package.privilegedSeconds),
            ])
        }
        return .object([
            "requests": outcomesJSON(metrics.requests),
            "extensions": outcomesJSON(metrics.extensions),
            "stages": .object(stages),
            "assignments": .object([
                "started": .integer(Int64(metrics.assignmentsByRequest + metrics.assignmentsDirect)),
                "byRequest": .integer(Int64(metrics.assignmentsByRequest)),
                "direct": .integer(Int64(metrics.assignmentsDirect)),
                "expired": .integer(Int64(metrics.expired)),
                "removed": .integer(Int64(metrics.removed)),
                "reviewDenied": .integer(Int64(metrics.reviewDenied)),
                "extended": .integer(Int64(metrics.extended)),
            ]),
            "reviews": .object([
                "instances": .integer(Int64(metrics.reviewInstances)),
                "items": .integer(Int64(metrics.reviewItems)),
                "approved": .integer(Int64(metrics.reviewApproved)),
                "denied": .integer(Int64(metrics.reviewRefused)),
                "byDefault": .integer(Int64(metrics.reviewByDefault)),
            ]),
            "privilegedHours": .object([
                "viaPackages": hours(metrics.privilegedSecondsViaPackages),
                "pimOnly": hours(metrics.privilegedSecondsOther),
            ]),
            "packages": .object(packages),
        ])
    }

    private static func outcomesJSON(_ outcomes: AccessPackageMetrics.Outcomes) -> JSONValue {
        var reasons: [String: JSONValue] = [:]
        for (reason, count) in outcomes.rejected { reasons[reason.rawValue] = .integer(Int64(count)) }
        return .object([
            "submitted": .integer(Int64(outcomes.submitted)),
            "fulfilled": .integer(Int64(outcomes.fulfilled)),
            "denied": .integer(Int64(outcomes.denied)),
            "timedOut": .integer(Int64(outcomes.timedOut)),
            "rejected": .integer(Int64(outcomes.rejected.values.reduce(0, +))),
            "rejectedBy": .object(reasons),
            "cancelled": .integer(Int64(outcomes.cancelled)),
            "pending": .integer(Int64(outcomes.pending)),
        ])
    }
}
