import TenantModel

/// Decoding of the `events` timeline: leavers, joiners, movers, memberships, assignments, policy
/// changes and compromises.
extension ScenarioDecoder {
    func decodeEvents(_ value: Value, policies initial: PolicySet) -> [ScenarioEvent] {
        guard let items = context.list(value, what: "events") else { return [] }
        var events: [ScenarioEvent] = []
        var policyChanges: [(at: Seconds, event: Int, body: Value)] = []
        for item in items {
            guard let map = context.map(item, FormatSpec.event) else { continue }
            let actions = map.entries.filter { FormatSpec.eventActions.contains($0.key) }
            guard actions.count == 1, let action = actions.first else {
                let found = actions.map { "'\($0.key)'" }.joined(separator: ", ")
                let expected = FormatSpec.eventActions.map { "'\($0)'" }.joined(separator: ", ")
                context.error("an event needs exactly one of \(expected)\(found.isEmpty ? "" : "; found \(found)")", at: item)
                continue
            }
            guard let atValue = map["at"], let at = eventTime(atValue) else { continue }
            let origin = item.path.description
            let decoded: EventAction?
            switch action.key {
            case "leave":
                decoded = decodeLeave(action.value)
            case "join":
                decoded = userReference(action.value).map { .join($0) }
            case "move":
                decoded = decodeMove(action.value)
            case "compromise":
                decoded = decodeCompromise(action.value)
            case "membership":
                decoded = decodeMembership(action.value)
            case "assign":
                decoded = decodeAssignment(action.value, origin: origin + ".assign", eventTime: at).map { .assign($0) }
                if case .assign(let assignment)? = decoded { checkGroupApprovers(assignment, at: action.value, policies: initial) }
            case "policy":
                // Resolved below, in time order, into the whole policy set in effect from `at`.
                policyChanges.append((at, events.count, action.value))
                decoded = .policy(role: nil, policies: initial)
            case "cancelRequest", "revokeActivation":
                decoded = decodeAdminAction(action.key, action.value)
            case "adminExtend":
                decoded = decodeAdminExtend(action.value, eventTime: at)
            case "assignPackage", "removePackage":
                decoded = decodePackageEvent(action.key, action.value)
            default:
                decoded = decodeRemoval(action.value)
            }
            if let decoded { events.append(ScenarioEvent(at: at, action: decoded, origin: origin)) }
        }
        var running = initial
        for change in policyChanges.sorted(by: { ($0.at, $0.event) < ($1.at, $1.event) }) {
            guard let map = context.map(change.body, FormatSpec.policyChange) else { continue }
            let role = map["role"].flatMap { roleReference($0) }
            if map.has("role") && role == nil { continue }
            applyPolicyChange(map, role: role, to: &running)
            events[change.event].action = .policy(role: role, policies: running)
        }
        return events
    }

    /// `leave: USER` (the core: disabled at once) or `leave: {user, disableAfter}`.
    func decodeLeave(_ value: Value) -> EventAction? {
        guard case .mapping = value.node else { return userReference(value).map { .leave($0) } }
        guard let map = context.map(value, FormatSpec.leave), let user = map["user"].flatMap({ userReference($0) }) else { return nil }
        guard let entry = map["disableAfter"] else { return .leave(user) }
        guard let delay = context.duration(entry) else { return nil }
        return .depart(user, disableAfter: delay)
    }

    /// `compromise: {user, duration, attacker: {has: [...]}}` or `compromise: {servicePrincipal, duration}`.
    func decodeCompromise(_ value: Value) -> EventAction? {
        guard let map = context.map(value, FormatSpec.compromise) else { return nil }
        var duration: Seconds?
        if let entry = map["duration"], let seconds = context.duration(entry) {
            if seconds > 0 { duration = seconds } else { context.error("a compromise needs a duration longer than zero", at: entry) }
        }
        if map.has("user") == map.has("servicePrincipal") {
            context.error("a compromise names either a 'user' or a 'servicePrincipal', exactly one", at: value)
            return nil
        }
        if map.has("user") && !map.has("attacker") {
            context.error("a user's compromise needs 'attacker: {has: [...]}': what the attacker holds of the account", at: value)
        }
        if let entry = map["servicePrincipal"] {
            if let attacker = map["attacker"] {
                context.error("a service principal's compromise is its leaked secret or certificate; 'attacker' applies to users only", at: attacker)
            }
            guard let id = context.identifier(entry, what: "a service principal id") else { return nil }
            guard let principal = servicePrincipalByID[id] else {
                context.error("unknown service principal '\(id)'\(Suggestions.hint(for: id, in: servicePrincipalByID.keys))", at: entry)
                return nil
            }
            return duration.map { .compromiseServicePrincipal(principal, duration: $0) }
        }
        let user = map["user"].flatMap { userReference($0) }
        var has = Set<AttackerCredential>()
        if let entry = map["attacker"], let body = context.map(entry, FormatSpec.attacker),
           let list = body["has"].flatMap({ context.list($0, what: "credentials", singleAllowed: true) }) {
            for item in list {
                if let credential = enumValue(item, AttackerCredential.self, noun: "credential", what: "a credential") { has.insert(credential) }
            }
        }
        guard let user, let duration else { return nil }
        return .compromise(user, duration: duration, has: has)
    }

    /// `move: {user, add, remove, manager}`: a department change.
    func decodeMove(_ value: Value) -> EventAction? {
        guard let map = context.map(value, FormatSpec.move), let user = map["user"].flatMap({ userReference($0) }) else { return nil }
        func groupList(_ key: String) -> [GroupIndex] {
            guard let entry = map[key], let items = context.list(entry, what: "group ids", singleAllowed: true) else { return [] }
            return items.compactMap { item in
                guard let id = context.identifier(item, what: "a group id") else { return nil }
                if let group = groupByID[id] {
                    guard groups[group.int].membershipRule == nil else {
                        context.error("group '\(id)' is dynamic: its membership rule decides its members, so a move cannot add or remove them", at: item)
                        return nil
                    }
                    return group
                }
                context.error("unknown group '\(id)'\(Suggestions.hint(for: id, in: groupByID.keys))", at: item)
                return nil
            }
        }
        let add = groupList("add")
        let remove = groupList("remove")
        let manager = map["manager"].flatMap { userReference($0) }
        return .move(user, add: add, remove: remove, manager: manager)
    }

    func decodeMembership(_ value: Value) -> EventAction? {
        guard let map = context.map(value, FormatSpec.membership) else { return nil }
        var group: GroupIndex?
        if let entry = map["group"], let id = context.identifier(entry, what: "a group id") {
            if let index = groupByID[id] {
                group = index
            } else if userByID[id] != nil {
                context.error("'\(id)' is a user; a group id is expected here", at: entry)
            } else {
                context.error("unknown group '\(id)'\(Suggestions.hint(for: id, in: groupByID.keys))", at: entry)
            }
        }
        let add = userList(map["add"], what: "user ids to add")
        let remove = userList(map["remove"], what: "user ids to remove")
        if !map.has("add") && !map.has("remove") {
            context.warning("this membership change neither adds nor removes anyone", at: value)
        }
        guard let group else { return nil }
        if groups[group.int].membershipRule != nil, let entry = map["group"] {
            context.error("group '\(groups[group.int].id)' is dynamic: its membership rule decides its members, so members cannot be added or removed", at: entry)
            return nil
        }
        return .membership(group: group, add: add, remove: remove)
    }

    /// The optional `scope` that narrows a `remove` or an `adminExtend`; it starts with `/`.
    func narrowingScope(_ map: MapView) -> String? {
        guard let entry = map["scope"], let text = context.identifier(entry, what: "a directory scope") else { return nil }
        guard text.hasPrefix("/") else {
            context.error("a directory scope starts with '/', got '\(text)'", at: entry)
            return nil
        }
        return text
    }

    func decodeRemoval(_ value: Value) -> EventAction? {
        guard let map = context.map(value, FormatSpec.removal) else { return nil }
        let principal = map["principal"].flatMap { principalReference($0, use: .roleAssignment) }
        let role = targetReference(map, at: value)
        let type = map["type"].flatMap { assignmentType($0) }
        let scope = narrowingScope(map)
        guard let principal, let role else { return nil }
        return .remove(RemovalFilter(principal: principal, role: role, type: type, scope: scope))
    }
}
