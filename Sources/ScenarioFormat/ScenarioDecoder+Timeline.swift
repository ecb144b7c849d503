import TenantModel

extension ScenarioDecoder {
    /// The shortest assignment Entra accepts: 5 minutes.
    static let minimumAssignmentLength: Seconds = 300

    /// Whether `role` may take `scope`: an administrative unit's scope only for the roles Entra
    /// lists as assignable there (reported as an error otherwise).
    func unitScopeAllowed(_ role: RoleIndex, scope: String, at entry: Value) -> Bool {
        guard scope.hasPrefix("/administrativeUnits/") else { return true }
        let definition = roles[role.int]
        if definition.groupAccess != nil {
            context.error("PIM for Groups membership and ownership have no directory scope; remove 'scope: \(scope)'", at: entry)
            return false
        }
        guard !definition.administrativeUnitScope else { return true }
        let what = definition.builtIn
            ? "only roles such as User Administrator, Helpdesk Administrator or Groups Administrator can"
            : "a custom role can only when one of its permissions concerns users, groups or devices, so it cannot"
        context.error(
            "\(definition.name) cannot be assigned at administrative unit scope '\(scope)': \(what) be scoped to an administrative unit (use scope '/')",
            at: entry
        )
        return false
    }

    func decodeAssignments(_ value: Value, policies: PolicySet) -> [Assignment] {
        guard let items = context.list(value, what: "assignments") else { return [] }
        var assignments: [Assignment] = []
        var values: [Value] = []
        for item in items {
            guard let assignment = decodeAssignment(item, origin: item.path.description, eventTime: nil) else { continue }
            checkGroupApprovers(assignment, at: item, policies: policies)
            assignments.append(assignment)
            values.append(item)
        }
        checkAssignmentRules(assignments, values: values, policies: policies)
        return assignments
    }

    /// One assignment; `eventTime` is set for `assign` events (the default start, and a lower bound).
    func decodeAssignment(_ value: Value, origin: String, eventTime: Seconds?) -> Assignment? {
        guard let map = context.map(value, FormatSpec.assignment) else { return nil }
        let role = targetReference(map, at: value)
        let groupAccess = role.flatMap { roles[$0.int].groupAccess }
        var principal: Principal?
        if groupAccess != nil, let entry = map["principal"] {
            // PIM for Groups: any user may be made eligible for a group (it need not be
            // role-assignable), and so may another group, as an eligible member.
            principal = principalReference(entry, use: .groupAssignment)
        } else {
            principal = map["principal"].flatMap { assigneeReference($0) }
        }
        let type = map["type"].flatMap { assignmentType($0) }
        var scope = "/"
        if let entry = map["scope"], let text = context.identifier(entry, what: "a directory scope such as '/' or '/administrativeUnits/emea'") {
            if !text.hasPrefix("/") {
                context.error("a directory scope starts with '/', got '\(text)'", at: entry)
            } else if role.map({ unitScopeAllowed($0, scope: text, at: entry) }) ?? true {
                scope = text
            }
        }
        var start = eventTime ?? 0
        if let entry = map["start"], let time = context.time(entry, start: startEpoch) {
            start = time
            if let eventTime, time < eventTime {
                context.warning("the assignment starts before its event; it takes effect only from the event's time", at: entry)
            }
        }
        var end: Seconds?
        var endValue: Value?
        if let entry = map["end"] {
            endValue = entry
            if entry.node.string == "permanent" {
                end = nil
            } else if let time = context.time(entry, start: startEpoch) {
                end = time
            }
            if let duration = map["duration"] {
                context.error("give either 'end' or 'duration', not both", at: duration)
            }
        } else if let entry = map["duration"], let duration = context.duration(entry) {
            endValue = entry
            end = start + duration
        }
        if let end, let endValue {
            if end < start {
                context.error("the assignment ends before it starts", at: endValue)
            } else if end - start < Self.minimumAssignmentLength {
                context.error(
                    "the assignment lasts \(TimeSyntax.describe(end - start)); Entra does not accept an assignment shorter than 5 minutes",
                    at: endValue
                )
            } else if let eventTime, end <= eventTime {
                context.warning("the assignment ends before its event happens, so it is never in effect", at: endValue)
            }
        }
        let outsidePIM = map["outsidePIM"].flatMap { context.bool($0) } ?? false
        guard let principal, let role, let type else { return nil }
        if let groupAccess, case .group(let member) = principal {
            guard nestedGroupAllowed(member, in: groupAccess, type: type, map: map, at: value) else { return nil }
        }
        return Assignment(
            principal: principal, role: role, type: type, scope: scope,
            start: start, end: end, outsidePIM: outsidePIM, origin: origin
        )
    }

    func assignmentType(_ value: Value) -> AssignmentType? {
        guard let text = context.identifier(value, what: "'active' or 'eligible'") else { return nil }
        if let type = AssignmentType(rawValue: text) { return type }
        let hint = Suggestions.hint(for: text, in: AssignmentType.allCases.map(\.rawValue))
        context.error("unknown assignment type '\(text)'\(hint) (the types are 'active', meaning standing, and 'eligible')", at: value)
        return nil
    }

    func decodeWorkload(_ value: Value) -> Workload {
        var workload = Workload()
        guard let items = context.list(value, what: "workload items") else { return workload }
        for (order, item) in items.enumerated() {
            guard let map = context.map(item, FormatSpec.workloadItem) else { continue }
            let kinds = FormatSpec.workloadKinds.filter { map.has($0) }
            if kinds.count > 1 {
                context.error("a workload item is one of \(FormatSpec.workloadKinds.map { "'\($0)'" }.joined(separator: ", ")); found \(kinds.map { "'\($0)'" }.joined(separator: ", "))", at: item)
                continue
            }
            if map.has("request") || map.has("requests") {
                decodePackageWorkload(map, item: item, order: order, into: &workload)
                continue
            }
            if let body = map["extend"] {
                guard let atValue = map["at"] else {
                    context.error("an extension request needs 'at'", at: item)
                    continue
                }
                let at = eventTime(atValue)
                guard let fields = context.map(body, FormatSpec.extend) else { continue }
                let user = fields["user"].flatMap { userReference($0) }
                let role = fields["role"].flatMap { roleReference($0) }
                let type = fields["type"].flatMap { assignmentType($0) }
                var duration: Seconds?
                if let entry = fields["duration"], let seconds = context.duration(entry) {
                    if seconds > 0 { duration = seconds } else { context.error("an extension needs a duration longer than zero", at: entry) }
                }
                if let at, let user, let role, let duration {
                    var request = ExtensionRequest(at: at, user: user, role: role, type: type, duration: duration, origin: item.path.description)
                    request.order = order
                    workload.extensions.append(request)
                }
                continue
            }
            if let body = map["deactivate"] {
                guard let atValue = map["at"] else {
                    context.error("a deactivation needs 'at'", at: item)
                    continue
                }
                let at = eventTime(atValue)
                guard let fields = context.map(body, FormatSpec.deactivate) else { continue }
                let user = fields["user"].flatMap { userReference($0) }
                let role = fields["role"].flatMap { workRoleReference($0) }
                if let at, let user, let role {
                    var request = DeactivationRequest(at: at, user: user, role: role, origin: item.path.description)
                    request.order = order
                    workload.deactivations.append(request)
                }
                continue
            }
            if let tasks = map["tasks"] {
                if map.has("at") {
                    context.error("a task generator stands alone: give 'tasks' without 'at' (use 'from')", at: item)
                    continue
                }
                if var generator = decodeTasks(tasks, origin: item.path.description) {
                    generator.order = order
                    workload.generators.append(generator)
                }
                continue
            }
            if let task = map["task"] {
                guard let atValue = map["at"] else {
                    context.error("a task needs 'at', the time it arrives", at: item)
                    continue
                }
                if let at = eventTime(atValue), var generator = decodeTask(task, at: at, origin: item.path.description) {
                    generator.order = order
                    workload.generators.append(generator)
                }
                continue
            }
            guard let activate = map["activate"] else {
                context.error("a workload item needs 'activate', 'task', 'deactivate' or 'extend' (with 'at'), or 'tasks'", at: item)
                continue
            }
            guard let atValue = map["at"] else {
                context.error("an activation request needs 'at', the time it is made", at: item)
                continue
            }
            let at = eventTime(atValue)
            guard let body = context.map(activate, FormatSpec.activate) else { continue }
            let user = body["user"].flatMap { userReference($0) }
            let role = targetReference(body, at: activate)
            var duration: Seconds?
            if let entry = body["duration"], let seconds = context.duration(entry) {
                duration = seconds
                if seconds == 0 { context.warning("a zero-length activation is granted and over in the same instant", at: entry) }
            }
            var start: Seconds?
            if let entry = body["start"], let time = eventTime(entry) {
                if let at, time < at {
                    context.error("a scheduled activation cannot start before it is requested ('at')", at: entry)
                } else {
                    start = time
                }
            }
            var scope: String?
            if let entry = body["scope"], let text = context.identifier(entry, what: "a directory scope such as '/administrativeUnits/emea'") {
                if text.hasPrefix("/") { scope = text } else { context.error("a directory scope starts with '/', got '\(text)'", at: entry) }
            }
            guard let at, let user, let role, let duration else { continue }
            var request = ActivationRequest(at: at, user: user, role: role, duration: duration, start: start, origin: item.path.description)
            request.scope = scope
            request.order = order
            workload.requests.append(request)
        }
        return workload
    }

    /// `tasks: {users | group, role, every, duration, calendar, from, until, activation, deactivateEarly}`.
    func decodeTasks(_ value: Value, origin: String) -> TaskGenerator? {
        guard let map = context.map(value, FormatSpec.tasks) else { return nil }
        let users = generatorUsers(map, at: value, who: "a task generator needs 'users' or 'group': who does the tasks")
        let role = map["role"].flatMap { workRoleReference($0) }
        var every: Seconds?
        if let entry = map["every"], let gap = context.duration(entry) {
            if gap > 0 { every = gap } else { context.error("'every' must be longer than zero", at: entry) }
        }
        let duration = map["duration"].flatMap { decodeDurationSpec($0) }
        let calendar = map["calendar"].flatMap { decodeCalendar($0) }
        let from = map["from"].flatMap { eventTime($0) } ?? 0
        let until = map["until"].flatMap { eventTime($0) }
        if let until, until <= from, let entry = map["until"] {
            context.error("'until' must be after 'from'", at: entry)
        }
        let strategy = map["activation"].map { decodeStrategy($0) } ?? .taskLength(slack: 0)
        let deactivateEarly = map["deactivateEarly"].flatMap { context.number($0, in: 0...1, what: "deactivateEarly") }
        guard let role, let every, let duration else { return nil }
        guard generatorSizeAccepted(users: users.count, from: from, until: until, every: every, at: map["every"], noun: "tasks") else { return nil }
        return TaskGenerator(
            users: users, role: role, every: every, duration: duration, calendar: calendar, from: from, until: until,
            strategy: strategy, deactivateEarly: deactivateEarly, origin: origin
        )
    }

    /// A generator's users: `users`, or the members of `group` (exactly one of them).
    func generatorUsers(_ map: MapView, at value: Value, who: String) -> [UserIndex] {
        switch (map["users"], map["group"]) {
        case (let list?, nil): return userList(list, what: "user ids")
        case (nil, let entry?): return groupIndex(entry).map { groups[$0.int].members } ?? []
        case (.some, .some(let entry)): context.error("give either 'users' or 'group', not both", at: entry)
        case (nil, nil): context.error(who, at: value)
        }
        return []
    }

    /// Bounded work: the expected number of a generator's items (ignoring working hours) must stay
    /// within `--limit tasks`; an error at `every` otherwise.
    func generatorSizeAccepted(users: Int, from: Seconds, until: Seconds?, every: Seconds, at entry: Value?, noun: String) -> Bool {
        let window = max(0, (until ?? horizon ?? 0) - from)
        let expected = Double(users) * Double(window) / Double(every)
        guard expected > Double(context.limits.tasks), let entry else { return true }
        let flag = InputLimits.flag("tasks", Int64(min(expected.rounded(.up), 9e18)))
        context.error("this generator would make about \(Int64(min(expected, 9e18))) \(noun); pimsim accepts at most \(context.limits.tasks) per generator (raise 'every', or \(flag) raises the limit)", at: entry)
        return false
    }

    /// `{at, task: {user, role, duration, activation, deactivateEarly}}`: one task at a given time.
    func decodeTask(_ value: Value, at: Seconds, origin: String) -> TaskGenerator? {
        guard let map = context.map(value, FormatSpec.task) else { return nil }
        let user = map["user"].flatMap { userReference($0) }
        let role = map["role"].flatMap { workRoleReference($0) }
        let duration = map["duration"].flatMap { decodeDurationSpec($0) }
        let strategy = map["activation"].map { decodeStrategy($0) } ?? .taskLength(slack: 0)
        let deactivateEarly = map["deactivateEarly"].flatMap { context.number($0, in: 0...1, what: "deactivateEarly") }
        guard let user, let role, let duration else { return nil }
        return TaskGenerator(
            users: [user], role: role, every: 1, duration: duration, strategy: strategy,
            deactivateEarly: deactivateEarly, arrivals: [at], origin: origin
        )
    }

    /// `{strategy: taskLength, slack: 15m}` or `{strategy: maximum}`.
    func decodeStrategy(_ entry: Value) -> ActivationStrategy {
        guard let body = context.map(entry, FormatSpec.activationStrategy), let kindValue = body["strategy"],
              let kind = context.identifier(kindValue, what: "taskLength or maximum") else { return .taskLength(slack: 0) }
        switch kind {
        case "taskLength":
            return .taskLength(slack: body["slack"].flatMap { context.duration($0) } ?? 0)
        case "maximum":
            if let slack = body["slack"] { context.error("'slack' applies only to the taskLength strategy", at: slack) }
            return .maximum
        default:
            context.error("unknown activation strategy '\(kind)'\(Suggestions.hint(for: kind, in: ["taskLength", "maximum"])) (expected taskLength or maximum)", at: kindValue)
            return .taskLength(slack: 0)
        }
    }
}

/// What the `workload` section holds.
struct Workload {
    var requests: [ActivationRequest] = []
    var generators: [TaskGenerator] = []
    var deactivations: [DeactivationRequest] = []
    var extensions: [ExtensionRequest] = []
    var packageRequests: [PackageRequest] = []
    var packageGenerators: [PackageRequestGenerator] = []
}
