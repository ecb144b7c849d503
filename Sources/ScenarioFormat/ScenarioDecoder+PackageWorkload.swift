import TenantModel

/// Access package requests in `workload` and administrators' package actions in `events`.
extension ScenarioDecoder {
    /// A package id, resolved.
    func packageReference(_ value: Value) -> Int? {
        guard let id = context.identifier(value, what: "an access package id") else { return nil }
        if let package = packageByID[id] { return package }
        let hint = Suggestions.hint(for: id, in: packageByID.keys)
        context.error("unknown access package '\(id)'\(hint.isEmpty ? "; define it under 'accessPackages'" : hint)", at: value)
        return nil
    }

    /// A policy id of `package`, resolved.
    func packagePolicyReference(_ value: Value, package: Int) -> Int? {
        guard let id = context.identifier(value, what: "a policy id") else { return nil }
        let policies = accessPackages[package].policies.map(\.id)
        if let index = policies.firstIndex(of: id) { return index }
        context.error("access package '\(accessPackages[package].id)' has no policy '\(id)'\(Suggestions.hint(for: id, in: policies)) (its policies: \(policies.joined(separator: ", ")))", at: value)
        return nil
    }

    /// `{at, request: {user, package, policy?, extend?}}` or `{requests: {...}}`.
    func decodePackageWorkload(_ map: MapView, item: Value, order: Int, into workload: inout Workload) {
        if let body = map["requests"] {
            if map.has("at") {
                context.error("a request generator stands alone: give 'requests' without 'at' (use 'from')", at: item)
                return
            }
            if let generator = decodePackageGenerator(body, origin: item.path.description) { workload.packageGenerators.append(generator) }
            return
        }
        guard let body = map["request"] else { return }
        guard let atValue = map["at"] else {
            context.error("an access package request needs 'at'", at: item)
            return
        }
        let at = eventTime(atValue)
        guard let fields = context.map(body, FormatSpec.packageRequest) else { return }
        let user = fields["user"].flatMap { userReference($0) }
        let package = fields["package"].flatMap { packageReference($0) }
        var policy: Int?
        if let entry = fields["policy"], let package {
            guard let resolved = packagePolicyReference(entry, package: package) else { return }
            policy = resolved
        }
        let extend = fields["extend"].flatMap { context.bool($0) } ?? false
        if extend, let entry = fields["policy"] {
            context.error("an extension goes through the policy of the assignment it extends; leave 'policy' out", at: entry)
            return
        }
        guard let at, let user, let package else { return }
        var request = PackageRequest(at: at, user: user, package: package, policy: policy, extend: extend, origin: item.path.description)
        request.order = order
        workload.packageRequests.append(request)
    }

    /// `requests: {users | group, package, policy?, every, calendar?, from?, until?, extend?}`.
    func decodePackageGenerator(_ value: Value, origin: String) -> PackageRequestGenerator? {
        guard let map = context.map(value, FormatSpec.packageRequests) else { return nil }
        let users = generatorUsers(map, at: value, who: "a request generator needs 'users' or 'group': who asks for the package")
        let package = map["package"].flatMap { packageReference($0) }
        var policy: Int?
        if let entry = map["policy"], let package {
            guard let resolved = packagePolicyReference(entry, package: package) else { return nil }
            policy = resolved
        }
        var every: Seconds?
        if let entry = map["every"], let gap = context.duration(entry) {
            if gap > 0 { every = gap } else { context.error("'every' must be longer than zero", at: entry) }
        }
        let calendar = map["calendar"].flatMap { decodeCalendar($0) }
        let from = map["from"].flatMap { eventTime($0) } ?? 0
        let until = map["until"].flatMap { eventTime($0) }
        if let until, until <= from, let entry = map["until"] { context.error("'until' must be after 'from'", at: entry) }
        guard let package, let every else { return nil }
        guard generatorSizeAccepted(users: users.count, from: from, until: until, every: every, at: map["every"], noun: "requests") else { return nil }
        return PackageRequestGenerator(users: users, package: package, policy: policy, every: every, calendar: calendar, from: from, until: until,
                                       extend: map["extend"].flatMap { context.bool($0) } ?? false, origin: origin)
    }

    /// `assignPackage: {user, package, policy?, by?}` or `removePackage: {user, package, by?}`.
    func decodePackageEvent(_ key: String, _ value: Value) -> EventAction? {
        guard let map = context.map(value, key == "assignPackage" ? FormatSpec.assignPackage : FormatSpec.removePackage) else { return nil }
        let user = map["user"].flatMap { userReference($0) }
        let package = map["package"].flatMap { packageReference($0) }
        let (admin, adminValid) = administrator(map)
        guard let user, let package, adminValid else { return nil }
        if key == "removePackage" { return .removePackage(user: user, package: package, by: admin) }
        var policy = 0
        if let entry = map["policy"] {
            guard let resolved = packagePolicyReference(entry, package: package) else { return nil }
            policy = resolved
        }
        return .assignPackage(user: user, package: package, policy: policy, by: admin)
    }
}
