import ExposureMetrics
import PrivilegeGraph
import TenantModel
import Trace

/// `metrics.json`: the contract's keys (and a few more), built from `CoreMetrics`.
public enum MetricsDocument {
    /// Seconds to hours, as the contract defines them (seconds / 3600, floating point).
    public static func hours(_ seconds: Int64) -> JSONValue { .number(Double(seconds) / 3600) }

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

    static func minutes(_ seconds: Int64) -> JSONValue { .number(Double(seconds) / 60) }

    static func waits(_ summary: DurationSummary, full: Bool = false) -> JSONValue {
        var members: [String: JSONValue] = [
            "p50": minutes(summary.p50), "p90": minutes(summary.p90), "max": minutes(summary.max),
        ]
        if full {
            members["mean"] = .number(summary.mean / 60)
            members["count"] = .integer(Int64(summary.count))
        }
        return .object(members)
    }

    /// The whole document: the contract's core keys, the friction and breakdown keys, and `tier0`
    /// when Tier-0 figures and the scenario are given.
    public static func json(
        _ metrics: CoreMetrics, friction: FrictionMetrics = FrictionMetrics(), scopes: [String: ScopeFigures] = [:],
        alerts: [AlertIncident] = [], attacker: AttackerMetrics = AttackerMetrics(), reviews: ReviewMetrics = ReviewMetrics(),
        notifications: NotificationMetrics = NotificationMetrics(), packages: AccessPackageMetrics? = nil,
        tier0: Tier0Metrics? = nil, scenario: Scenario? = nil, run: RunInfo
    ) -> JSONValue {
        var roles: [String: JSONValue] = [:]
        var groups: [String: [String: JSONValue]] = [:]
        for (index, role) in metrics.roles.enumerated() {
            let roleIndex = scenario?.referencedRoles[index]
            if let scenario, let roleIndex, let access = scenario[roleIndex].groupAccess {
                // PIM for Groups: membership and ownership hours, reported per group.
                groups[scenario.tenant[access.group].id, default: [:]][access.kind.rawValue] = .object([
                    "activeHours": hours(role.activeSeconds),
                    "eligibleHours": hours(role.eligibleSeconds),
                    "standingHours": hours(role.standingSeconds),
                    "activations": .integer(Int64(friction.activationsPerRole[roleIndex] ?? 0)),
                ])
                continue
            }
            let breakdown = roleIndex.flatMap { friction.perRole[$0] }
            roles[role.name] = .object([
                "activeHours": hours(role.activeSeconds),
                "eligibleHours": hours(role.eligibleSeconds),
                "standingHours": hours(role.standingSeconds),
                "idleHours": hours(role.idleSeconds),
                "uncoveredTaskHours": hours(role.uncoveredSeconds),
                "privileged": .bool(role.privileged),
                "activations": .integer(Int64(roleIndex.flatMap { friction.activationsPerRole[$0] } ?? 0)),
                "tasks": .integer(Int64(breakdown?.tasks ?? 0)),
                "blockedTasks": .integer(Int64(breakdown?.blocked ?? 0)),
                "waitMinutes": waits(breakdown?.wait ?? DurationSummary([])),
            ])
        }
        let activations = metrics.activations
        let weeks = Double(metrics.horizon) / 604_800
        let granted = Double(activations.granted)
        var sections = friction.tasks.blockedBy.reduce(into: [String: JSONValue]()) { $0[$1.key.rawValue] = .integer(Int64($1.value)) }
        for reason in [TaskBlockReason.rejected, .denied, .expired, .cancelled, .mfaFailed] where sections[reason.rawValue] == nil {
            sections[reason.rawValue] = .integer(0)
        }
        let frictionJSON: JSONValue = .object([
            "tasks": .object([
                "arrived": .integer(Int64(friction.tasks.arrived)),
                "served": .integer(Int64(friction.tasks.served)),
                "blocked": .integer(Int64(friction.tasks.blocked)),
                "unresolved": .integer(Int64(friction.tasks.unresolved)),
                "blockedBy": .object(sections),
            ]),
            "waitMinutes": {
                guard case .object(var members) = waits(friction.wait, full: true) else { return .null }
                members["weekday"] = waits(friction.weekdayWait, full: true)
                members["weekend"] = waits(friction.weekendWait, full: true)
                return .object(members)
            }(),
            "blockedTaskHours": hours(friction.blockedTaskSeconds),
            "uncoveredTaskHours": hours(metrics.uncoveredTaskSeconds),
            "taskHoursWithoutAccess": hours(friction.blockedTaskSeconds + metrics.uncoveredTaskSeconds),
            "idlePrivilegedHours": hours(metrics.idlePrivilegedSeconds),
            "activationsPerUserWeek": .number(metrics.eligibleUsers > 0 && weeks > 0 ? granted / (Double(metrics.eligibleUsers) * weeks) : 0),
            "mfa": mfaJSON(friction, requests: activations.requested),
            "deactivationsRefused": .integer(Int64(friction.deactivationsRefused)),
            "extensions": .object(friction.extensions.mapValues { .integer(Int64($0)) }),
        ])
        var approvals: [String: JSONValue] = [:]
        var users: [String: JSONValue] = [:]
        if let scenario {
            for (approver, decisions) in friction.approvals {
                approvals[scenario.tenant[approver].id] = .object([
                    "approved": .integer(Int64(decisions.approved)), "denied": .integer(Int64(decisions.denied)),
                ])
            }
            var figures: [UserIndex: CoreMetrics.UserFigures] = [:]
            for entry in metrics.users { figures[entry.user] = entry }
            let mentioned = Set(figures.keys).union(friction.activationsPerUser.keys).union(friction.perUser.keys)
            for user in mentioned {
                let held = figures[user] ?? CoreMetrics.UserFigures(user: user)
                let tasks = friction.perUser[user]
                let count = friction.activationsPerUser[user] ?? 0
                users[scenario.tenant[user].id] = .object([
                    "privilegedHours": hours(held.privilegedSeconds),
                    "standingHours": hours(held.standingSeconds),
                    "jitHours": hours(held.privilegedSeconds - held.standingSeconds),
                    "idlePrivilegedHours": hours(held.idleSeconds),
                    "activations": .integer(Int64(count)),
                    "activationsPerWeek": .number(weeks > 0 ? Double(count) / weeks : 0),
                    "tasks": .integer(Int64(tasks?.tasks ?? 0)),
                    "blockedTasks": .integer(Int64(tasks?.blocked ?? 0)),
                    "waitMinutes": waits(tasks?.wait ?? DurationSummary([])),
                ])
            }
        }
        var scopeJSON: [String: JSONValue] = [:]
        for (scope, figures) in scopes {
            scopeJSON[scope] = .object([
                "privilegedHours": hours(figures.heldSeconds),
                "standingHours": hours(figures.standingSeconds),
                "jitHours": hours(figures.heldSeconds - figures.standingSeconds),
                "eligibleHours": hours(figures.eligibleSeconds),
            ])
        }
        var document: [String: JSONValue] = [
            "alerts": scenario.map { alertsJSON(alerts, scenario: $0, horizon: metrics.horizon) } ?? .object([:]),
            "breakGlass": scenario.map { breakGlassJSON(metrics, friction: friction, scenario: $0) } ?? .object([:]),
            "reviews": {
                let need = DurationSummary(reviews.needToRemoval)
                return .object([
                    "instances": .integer(Int64(reviews.instances)),
                    "items": .integer(Int64(reviews.items)),
                    "decisions": .object([
                        "approvedByReviewers": .integer(Int64(reviews.approvedByReviewers)),
                        "deniedByReviewers": .integer(Int64(reviews.deniedByReviewers)),
                        "approvedByDefault": .integer(Int64(reviews.approvedByDefault)),
                        "deniedByDefault": .integer(Int64(reviews.deniedByDefault)),
                        "notReviewed": .integer(Int64(reviews.items - reviews.approvedByReviewers - reviews.deniedByReviewers
                            - reviews.approvedByDefault - reviews.deniedByDefault)),
                    ]),
                    "assignmentsRemoved": .integer(Int64(reviews.assignmentsRemoved)),
                    "privilegedHoursRemoved": hours(reviews.privilegedSecondsRemoved),
                    "lastNeedToRemovalHours": .object(["mean": .number(need.mean / 3600), "max": hours(need.max)]),
                ])
            }(),
            "attacker": .object([
                "compromises": .integer(Int64(attacker.compromises)),
                "privilegedHours": hours(attacker.privilegedSeconds),
                "rolesReached": .array(attacker.rolesReached.sorted().map(JSONValue.string)),
                "tier0Reached": .bool(attacker.timeToTier0 != nil),
                "timeToTier0Hours": attacker.timeToTier0.map(hours) ?? .null,
            ]),
            "groups": .object(groups.mapValues { JSONValue.object($0) }),
            "notifications": notificationsJSON(notifications),
            "scopes": .object(scopeJSON),
            "friction": frictionJSON,
            "signIns": signInsJSON(friction),
            "approvals": .object(approvals),
            "users": .object(users),
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
            "hygiene": .object([
                "orphanedAssignments": .integer(Int64(metrics.orphanedAssignments)),
                "refusedAssignments": .integer(Int64(metrics.refusedAssignments)),
                "refusedRemovals": .integer(Int64(metrics.refusedRemovals)),
                "leaverExposureHours": hours(metrics.leaverExposureSeconds),
                "adminActions": .object([
                    "cancelRequest": .integer(Int64(metrics.adminActions.cancelRequest)),
                    "revokeActivation": .integer(Int64(metrics.adminActions.revokeActivation)),
                    "adminExtend": .integer(Int64(metrics.adminActions.adminExtend)),
                    "refused": .integer(Int64(metrics.adminActions.refused)),
                    "noEffect": .integer(Int64(metrics.adminActions.noEffect)),
                ]),
            ]),
            "run": .object([
                "scenario": .string(run.scenario),
                "variant": run.variant.map(JSONValue.string) ?? .null,
                "seed": .integer(Int64(bitPattern: run.seed)),
                "start": .string(run.start),
                "horizonHours": hours(metrics.horizon),
                "kernelEvents": .integer(Int64(run.events)),
            ]),
        ]
        if let tier0, let scenario { document["tier0"] = tier0JSON(tier0, scenario: scenario) }
        if let packages, let scenario, !scenario.accessPackages.isEmpty {
            document["accessPackages"] = accessPackagesJSON(packages, scenario: scenario)
        }
        return .object(document)
    }

    /// A count over time as `{min, max, mean, end}` (the mean time-weighted over the horizon).
    public static func step(_ statistic: StepStatistic, horizon: Int64) -> JSONValue {
        .object([
            "max": .integer(Int64(statistic.max)),
            "end": .integer(Int64(statistic.value)),
            "mean": .number(statistic.mean(horizon: horizon)),
            "min": .integer(Int64(statistic.min)),
        ])
    }

    /// The value of a metric key such as `users.ann@contoso.com.privilegedHours` in `document`.
    ///
    /// Ids, names and scopes may contain dots: at each level the longest member name that the
    /// rest of the key starts with (followed by a dot, or ending it) is taken.
    public static func value(of metric: String, in document: JSONValue) -> JSONValue? {
        var node = document
        var rest = Substring(metric)
        while !rest.isEmpty {
            guard case .object(let members) = node else { return nil }
            let match = members.keys
                .filter { rest == $0 || rest.hasPrefix($0 + ".") }
                .max { $0.count < $1.count }
            guard let key = match, let child = members[key] else { return nil }
            node = child
            rest = rest.dropFirst(key.count)
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
        }
        return node
    }
}
