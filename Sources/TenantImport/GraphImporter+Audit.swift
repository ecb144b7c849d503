import ScenarioFormat
import TenantModel

/// The audit activities a replay reads (reference §6, "Exact activity names").
enum ReplayedActivity {
    static let requested = "Add member to role requested (PIM activation)"
    static let completed = "Add member to role completed (PIM activation)"
    static let deactivation = "Remove member from role requested (PIM deactivate)"
}

extension ImportBuilder {
    /// The UTC midnight on or before the first replayed request, or nil without any.
    func firstReplayedDay() -> Int64? {
        guard require("directoryAudits", lacking: "the history to replay") else { return nil }
        let times = export["directoryAudits"].compactMap { record -> Int64? in
            guard record.string("activityDisplayName") == ReplayedActivity.requested,
                  let text = record.string("activityDateTime"), case .success(let epoch) = TimeSyntax.timestamp(Self.wholeSeconds(text)) else { return nil }
            return epoch
        }
        guard let first = times.min() else {
            warning("the directoryAudits hold no '\(ReplayedActivity.requested)' record: nothing to replay", at: nil)
            return nil
        }
        return first - ((first % 86_400) + 86_400) % 86_400
    }

    /// Past activation requests and deactivations → workload items at their times, under the
    /// scenario's policies. A request's duration is its `RequestedDuration` detail, else the span
    /// `StartTime`-`ExpirationTime` of its (or its completion's) details, else a day, which the
    /// policy's maximum cuts.
    func replayAudits(until end: Int64) {
        var spans: [String: Int64] = [:]
        for record in export["directoryAudits"] where record.string("activityDisplayName") == ReplayedActivity.completed {
            if let correlation = record.string("correlationId"), let span = detailSpan(record) { spans[correlation] = span }
        }
        var items: [(at: Int64, order: Int, item: ImportedScenario.Replayed)] = []
        var skipped = 0
        for (order, record) in export["directoryAudits"].enumerated() {
            let activity = record.string("activityDisplayName")
            guard activity == ReplayedActivity.requested || activity == ReplayedActivity.deactivation else { continue }
            guard let time = timestamp(record.string("activityDateTime"), at: record.at("activityDateTime")), time >= start, time < end else { continue }
            let targets = record.objects("targetResources")
            let user = targets.first { $0.string("type") == "User" }?.id ?? record.object("initiatedBy")?.object("user")?.id
            guard let user = user.map({ $0.lowercased() }), userIDs.contains(user),
                  let roleID = targets.first(where: { $0.string("type") == "Role" })?.id,
                  let role = roleNames[roleID.lowercased()] ?? catalogue.role(roleID.lowercased())?.name else {
                skipped += 1
                continue
            }
            let kind: ImportedScenario.Replayed.Kind
            if activity == ReplayedActivity.deactivation {
                kind = .deactivate
            } else {
                let duration = requestedDuration(record) ?? record.string("correlationId").flatMap { spans[$0] } ?? 86_400
                // Between a second and a day: no activation lasts longer in Entra, and the policy cuts it anyway.
                kind = .activate(duration: min(max(duration, 1), 86_400))
            }
            items.append((time, order, .init(at: time, user: user, role: role, kind: kind)))
        }
        scenario.replayed = items.sorted { ($0.at, $0.order) < ($1.at, $1.order) }.map(\.item)
        if skipped > 0 {
            warning("\(skipped) audit records name a user or role the export does not hold; not replayed", at: nil)
        }
        notes.append("\(scenario.replayed.count) past requests replayed from the audit log; assignments removed before the export are not in it.")
    }

    /// The `additionalDetails` value for `key`.
    func detail(_ record: GraphObject, _ key: String) -> String? {
        record.objects("additionalDetails").first { $0.string("key") == key }?.string("value")
    }

    /// `RequestedDuration` as a duration (ISO 8601 or compact).
    func requestedDuration(_ record: GraphObject) -> Int64? {
        guard let text = detail(record, "RequestedDuration"), case .success(let seconds) = TimeSyntax.duration(text) else {
            return detailSpan(record)
        }
        return seconds
    }

    /// `ExpirationTime - StartTime` from the details, when both are there.
    func detailSpan(_ record: GraphObject) -> Int64? {
        guard let startText = detail(record, "StartTime"), let endText = detail(record, "ExpirationTime"),
              case .success(let begin) = TimeSyntax.timestamp(Self.wholeSeconds(startText)),
              case .success(let end) = TimeSyntax.timestamp(Self.wholeSeconds(endText)), end > begin else { return nil }
        return end - begin
    }
}
