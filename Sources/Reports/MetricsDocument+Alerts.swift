import ExposureMetrics
import TenantModel

extension MetricsDocument {
    /// The most incidents listed per alert in metrics.json (all are counted).
    static let listedIncidents = 200

    /// `alerts`: for each alert, its incidents with first and last trigger times and subjects.
    static func alertsJSON(_ incidents: [AlertIncident], scenario: Scenario, horizon: Int64) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for kind in AlertKind.allCases {
            let own = incidents.filter { $0.alert == kind.rawValue }
            // Time with at least one incident open: the union of the intervals.
            var covered: Int64 = 0
            var reach: Int64 = .min
            for incident in own.sorted(by: { $0.from < $1.from }) {
                let end = incident.to ?? horizon
                if end > max(reach, incident.from) { covered += end - max(reach, incident.from) }
                reach = max(reach, end)
            }
            let time = { (seconds: Int64) in JSONValue.string(TimeText.timestamp(epoch: scenario.startEpoch + seconds)) }
            members[kind.rawValue] = .object([
                "severity": .string(kind.severity),
                "incidents": .integer(Int64(own.count)),
                "firstTrigger": own.map(\.from).min().map(time) ?? .null,
                "lastTrigger": own.map(\.from).max().map(time) ?? .null,
                "activeAtEnd": .bool(own.contains { $0.to == nil }),
                "triggeredHours": hours(covered),
                "subjects": .array(Set(own.map(\.subject)).sorted().map(JSONValue.string)),
                "list": .array(own.prefix(listedIncidents).map { incident in
                    .object([
                        "subject": .string(incident.subject), "from": time(incident.from),
                        "to": incident.to.map(time) ?? .null,
                    ])
                }),
            ])
        }
        return .object(members)
    }

    /// `notifications.sent`: emails by kind and recipient type, with totals; every count present.
    static func notificationsJSON(_ metrics: NotificationMetrics) -> JSONValue {
        var sent: [String: JSONValue] = ["total": .integer(Int64(metrics.total))]
        for kind in NotificationKind.allCases {
            var byRecipient: [String: JSONValue] = [:]
            var total = 0
            for recipient in NotificationRecipient.allCases {
                let count = metrics.count(kind, recipient)
                byRecipient[recipient.rawValue] = .integer(Int64(count))
                total += count
            }
            byRecipient["total"] = .integer(Int64(total))
            sent[kind.rawValue] = .object(byRecipient)
        }
        return .object(["sent": .object(sent)])
    }

    /// `breakGlass`: emergency-access accounts, reported apart.
    static func breakGlassJSON(_ metrics: CoreMetrics, friction: FrictionMetrics, scenario: Scenario) -> JSONValue {
        let accounts = scenario.tenant.users.indices.filter { scenario.tenant.users[$0].breakGlass }.map(UserIndex.init)
        let held = metrics.users.filter { scenario.tenant[$0.user].breakGlass }.reduce(0) { $0 + $1.privilegedSeconds }
        let activations = accounts.reduce(0) { $0 + (friction.activationsPerUser[$1] ?? 0) }
        return .object([
            "accounts": .array(accounts.map { JSONValue.string(scenario.tenant[$0].id) }),
            "privilegedHours": hours(held),
            "activations": .integer(Int64(activations)),
        ])
    }
}
