import TenantModel

extension ScenarioDecoder {
    func decodeBehaviour(_ value: Value) -> Behaviour {
        var behaviour = Behaviour()
        guard let map = context.map(value, FormatSpec.behaviour) else { return behaviour }
        if let entry = map["calendars"], let named = context.map(entry, FormatSpec.calendars) {
            for item in named.entries {
                if let calendar = decodeCalendarBody(item.value) { calendars[item.key] = calendar }
            }
        }
        if let approvers = map["approvers"], let body = context.map(approvers, FormatSpec.approverBehaviour) {
            if let entry = body["responseTime"], let spec = decodeDurationSpec(entry) {
                behaviour.approvers.responseTime = spec
            }
            if let rate = body["approveRate"].flatMap({ context.number($0, in: 0...1, what: "approveRate") }) {
                behaviour.approvers.approveRate = rate
            }
            if let rate = body["absence"].flatMap({ context.number($0, in: 0...1, what: "absence") }) {
                behaviour.approvers.absence = rate
            }
            if let entry = body["calendar"] { behaviour.approvers.calendar = decodeCalendar(entry) }
        }
        if let entry = map["signIns"] { behaviour.signIns = decodeSignIns(entry) }
        if let entry = map["sessionLength"], let length = context.duration(entry) {
            if length >= 300, length <= 365 * 86_400 { behaviour.sessionLength = length } else {
                context.error("a session length is between 5m and 365d, got '\(entry.node.string ?? "")'", at: entry)
            }
        }
        if let rate = map["deactivateEarly"].flatMap({ context.number($0, in: 0...1, what: "deactivateEarly") }) {
            behaviour.deactivateEarly = rate
        }
        if let entry = map["requests"], let body = context.map(entry, FormatSpec.requestBehaviour) {
            if let time = body["justificationTime"].flatMap({ context.duration($0) }) { behaviour.justificationTime = time }
            if let time = body["ticketTime"].flatMap({ context.duration($0) }) { behaviour.ticketTime = time }
        }
        if let entry = map["mfa"], let body = context.map(entry, FormatSpec.mfa) {
            if let rate = body["failureRate"].flatMap({ context.number($0, in: 0...1, what: "failureRate") }) {
                behaviour.mfa.failureRate = rate
            }
            if let delay = body["retryAfter"].flatMap({ context.duration($0) }) { behaviour.mfa.retryAfter = delay }
            if let attempts = body["attempts"].flatMap({ context.integer($0, in: 1...100, what: "attempts") }) {
                behaviour.mfa.attempts = Int(attempts)
            }
        }
        decodeTimingBehaviour(map, into: &behaviour)
        return behaviour
    }

    /// A duration (fixed) or `{distribution: ..., ...}`.
    func decodeDurationSpec(_ value: Value) -> DurationSpec? {
        guard case .mapping = value.node else { return context.duration(value).map(DurationSpec.fixed) }
        guard let map = context.map(value, FormatSpec.distribution), let kindValue = map["distribution"],
              let kind = context.identifier(kindValue, what: "a distribution name") else { return nil }
        let allowed = Dictionary(uniqueKeysWithValues: FormatSpec.distributionKeys.map { ($0.kind, $0.keys) })
        guard let needed = allowed[kind] else {
            context.error("unknown distribution '\(kind)'\(Suggestions.hint(for: kind, in: allowed.keys)) (expected fixed, exponential, uniform, lognormal or empirical)", at: kindValue)
            return nil
        }
        var ok = true
        for entry in map.entries where entry.key != "distribution" && !needed.contains(entry.key) {
            context.error("'\(entry.key)' does not apply to a \(kind) distribution (it takes \(needed.joined(separator: ", ")))", at: entry.value)
            ok = false
        }
        for key in needed where !map.has(key) {
            context.error("a \(kind) distribution needs '\(key)'", at: value)
            ok = false
        }
        guard ok else { return nil }
        func duration(_ key: String) -> Seconds? { map[key].flatMap { context.duration($0) } }
        switch kind {
        case "fixed":
            return duration("value").map(DurationSpec.fixed)
        case "exponential":
            guard let mean = duration("mean") else { return nil }
            guard mean > 0 else {
                context.error("an exponential distribution needs a mean longer than zero", at: map["mean"] ?? value)
                return nil
            }
            return .exponential(mean: mean)
        case "uniform":
            guard let low = duration("min"), let high = duration("max") else { return nil }
            guard low <= high else {
                context.error("the uniform distribution's min is above its max", at: value)
                return nil
            }
            return .uniform(min: low, max: high)
        case "lognormal":
            guard let median = duration("median"), let p90 = duration("p90") else { return nil }
            guard median > 0, p90 > median else {
                context.error("a lognormal distribution needs 0 < median < p90", at: value)
                return nil
            }
            return .logNormal(median: median, p90: p90)
        default:
            guard let entry = map["values"], let items = context.list(entry, what: "durations"), !items.isEmpty else {
                if let entry = map["values"] { context.error("an empirical distribution needs at least one value", at: entry) }
                return nil
            }
            let values = items.compactMap { context.duration($0) }
            return values.count == items.count ? .empirical(values) : nil
        }
    }

    /// A calendar by name (from `behaviour.calendars`) or written inline.
    func decodeCalendar(_ value: Value) -> WorkCalendar? {
        guard case .mapping = value.node else {
            guard let name = context.identifier(value, what: "a calendar name") else { return nil }
            if let calendar = calendars[name] { return calendar }
            context.error("unknown calendar '\(name)'\(Suggestions.hint(for: name, in: calendars.keys)); define it under behaviour.calendars", at: value)
            return nil
        }
        return decodeCalendarBody(value)
    }

    func decodeCalendarBody(_ value: Value) -> WorkCalendar? {
        guard let map = context.map(value, FormatSpec.calendar) else { return nil }
        var calendar = WorkCalendar()
        var ok = true
        if let entry = map["utcOffset"], let text = context.identifier(entry, what: "a UTC offset such as '+01:00'") {
            if let offset = Self.parseOffset(text) { calendar.utcOffset = offset } else {
                context.error("'\(text)' is not a UTC offset; expected '+HH:MM' or '-HH:MM', such as '+01:00'", at: entry)
                ok = false
            }
        }
        if let entry = map["days"] {
            if let days = decodeDays(entry) { calendar.days = days } else { ok = false }
        }
        if let entry = map["hours"], let text = context.identifier(entry, what: "working hours such as '09:00-17:00'") {
            let parts = text.split(separator: "-").map { String($0).trimmingWhitespace }
            if parts.count == 2, let start = Self.parseClock(parts[0]), let end = Self.parseClock(parts[1]), start < end {
                calendar.dayStart = start
                calendar.dayEnd = end
            } else {
                context.error("'\(text)' is not a span of working hours; expected 'HH:MM-HH:MM' with the start first, such as '09:00-17:00'", at: entry)
                ok = false
            }
        }
        return ok ? calendar : nil
    }

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    func decodeDays(_ value: Value) -> Set<Int>? {
        if case .scalar = value.node, let text = context.string(value), text.contains("-") {
            let ends = text.split(separator: "-").map { String($0).trimmingWhitespace.lowercased() }
            guard ends.count == 2, let first = Self.weekdays.firstIndex(of: ends[0]), let last = Self.weekdays.firstIndex(of: ends[1]), first <= last else {
                context.error("'\(text)' is not a span of weekdays; expected such as 'mon-fri'", at: value)
                return nil
            }
            return Set(first...last)
        }
        guard let items = context.list(value, what: "weekdays (mon ... sun)", singleAllowed: true) else { return nil }
        var days = Set<Int>()
        for item in items {
            guard let text = context.identifier(item, what: "a weekday") else { return nil }
            guard let day = Self.weekdays.firstIndex(of: text.lowercased()) else {
                context.error("'\(text)' is not a weekday\(Suggestions.hint(for: text.lowercased(), in: Self.weekdays)); expected mon, tue, wed, thu, fri, sat or sun", at: item)
                return nil
            }
            days.insert(day)
        }
        if days.isEmpty { context.error("a calendar needs at least one working day", at: value) }
        return days.isEmpty ? nil : days
    }

    /// `+01:00` → 3600; `-05:30` → -19800.
    static func parseOffset(_ text: String) -> Seconds? {
        guard let sign = text.first, sign == "+" || sign == "-", let clock = parseClock(String(text.dropFirst())), clock <= 14 * 3600 else {
            return nil
        }
        return sign == "-" ? -clock : clock
    }

    /// `08:30` → 30600; `24:00` is the end of the day.
    static func parseClock(_ text: String) -> Seconds? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hours = Int64(parts[0]), let minutes = Int64(parts[1]), minutes < 60,
              hours < 24 || (hours == 24 && minutes == 0) else { return nil }
        return hours * 3600 + minutes * 60
    }
}
