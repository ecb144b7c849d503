import TenantModel

/// Decoding of the administrators' actions in `events`: `cancelRequest`, `revokeActivation` and
/// `adminExtend`.
extension ScenarioDecoder {
    /// `cancelRequest: {user, role, by?}` or `revokeActivation: {user, role, by?}`.
    func decodeAdminAction(_ key: String, _ value: Value) -> EventAction? {
        let spec = key == "cancelRequest" ? FormatSpec.cancelRequest : FormatSpec.revokeActivation
        guard let map = context.map(value, spec) else { return nil }
        let user = map["user"].flatMap { userReference($0) }
        let role = targetReference(map, at: value)
        let (admin, adminValid) = administrator(map)
        guard let user, let role, adminValid else { return nil }
        return key == "cancelRequest"
            ? .cancelRequest(user: user, role: role, by: admin)
            : .revokeActivation(user: user, role: role, by: admin)
    }

    /// `adminExtend: {principal, role, type?, scope?, end | duration, by?}`: `end` is the new end
    /// (a time after the event), `duration` how much later than each assignment's current end.
    func decodeAdminExtend(_ value: Value, eventTime: Seconds) -> EventAction? {
        guard let map = context.map(value, FormatSpec.adminExtend) else { return nil }
        let principal = map["principal"].flatMap { principalReference($0, use: .roleAssignment) }
        let role = targetReference(map, at: value)
        let type = map["type"].flatMap { assignmentType($0) }
        let scope = narrowingScope(map)
        var change: AdminExtension?
        switch (map["end"], map["duration"]) {
        case (let end?, nil):
            if let time = context.time(end, start: startEpoch) {
                if time <= eventTime {
                    context.error("the new end '\(end.node.string ?? "")' is not after the event; an extension ends later than now", at: end)
                } else {
                    change = .until(time)
                }
            }
        case (nil, let duration?):
            if let seconds = context.duration(duration) {
                if seconds > 0 { change = .by(seconds) } else {
                    context.error("an extension needs a duration longer than zero, got '\(duration.node.string ?? "")'", at: duration)
                }
            }
        case (.some, .some(let duration)):
            context.error("give either 'end' or 'duration', not both", at: duration)
        case (nil, nil):
            context.error("missing 'end' (the new end) or 'duration' (how much later)", at: value)
        }
        let (admin, adminValid) = administrator(map)
        guard let principal, let role, let change, adminValid else { return nil }
        return .adminExtend(RemovalFilter(principal: principal, role: role, type: type, scope: scope), change, by: admin)
    }

    /// The `by` administrator: nil when absent (the scenario acts); `valid` is false when `by`
    /// names no user.
    func administrator(_ map: MapView) -> (admin: UserIndex?, valid: Bool) {
        guard let entry = map["by"] else { return (nil, true) }
        guard let admin = userReference(entry) else { return (nil, false) }
        return (admin, true)
    }
}
