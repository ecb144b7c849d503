import TenantModel
import Yams

extension ScenarioDecoder {
    /// The largest `generate.count` accepted.

    func decodeTenant(_ value: Value) {
        guard let tenant = context.map(value, FormatSpec.tenant) else { return }
        var managerRefs: [(UserIndex, Value)] = []
        if let list = tenant["users"].flatMap({ context.list($0, what: "users") }) {
            for item in list { decodeUser(item, managers: &managerRefs) }
        }
        var groupBodies: [(GroupIndex, MapView)] = []
        if let list = tenant["groups"].flatMap({ context.list($0, what: "groups") }) {
            for item in list {
                guard let map = context.map(item, FormatSpec.group),
                      let idValue = map["id"], let id = context.identifier(idValue, what: "a group id"),
                      registerID(id, at: idValue) else { continue }
                let index = GroupIndex(groups.count)
                groupByID[id] = index
                groups.append(Group(
                    id: id,
                    name: map["name"].flatMap { context.string($0) },
                    roleAssignable: map["roleAssignable"].flatMap { context.bool($0) } ?? false
                ))
                groupBodies.append((index, map))
            }
        }
        let nonHuman = registerApplications(tenant)
        // Second pass: references, now that every id is known.
        for (user, value) in managerRefs {
            if let manager = userReference(value) {
                if manager == user {
                    context.error("a user cannot be their own manager", at: value)
                } else {
                    users[user.int].manager = manager
                }
            }
        }
        for (group, map) in groupBodies {
            if !resolveDynamicGroup(group, map: map) { groups[group.int].members = userList(map["members"], what: "member user ids") }
            groups[group.int].owners = userList(map["owners"], what: "owner user ids")
        }
        administrativeUnits = decodeAdministrativeUnits(tenant["administrativeUnits"])
        certificateBasedAuthentication = tenant["certificateBasedAuthentication"].flatMap { context.bool($0) } ?? false
        if let list = tenant["roles"].flatMap({ context.list($0, what: "custom roles") }) {
            for item in list { decodeCustomRole(item) }
        }
        // After custom roles, so that a service principal can hold one.
        resolveApplications(nonHuman)
    }

    func decodeUser(_ item: Value, managers: inout [(UserIndex, Value)]) {
        guard let map = context.map(item, FormatSpec.user) else { return }
        if let generate = map["generate"] {
            if map.has("id") || map.has("name") || map.has("manager") {
                context.error("'generate' makes its own ids; give either 'id' (one user) or 'generate' (many), not both", at: generate)
                return
            }
            var template = User(id: "", breakGlass: map["breakGlass"].flatMap { context.bool($0) } ?? false)
            if let entry = map["authentication"],
               let strength = enumValue(entry, AuthenticationStrength.self, noun: "authentication strength") {
                template.authentication = strength
            }
            template.onPremisesSync = map["onPremisesSyncEnabled"].flatMap { context.bool($0) } ?? false
            template.attributes = userAttributes(map["attributes"])
            decodeGenerated(generate, like: template)
            return
        }
        guard let idValue = map["id"] else {
            context.error("a user needs an 'id' (or 'generate: {count, prefix}' for many users)", at: item)
            return
        }
        guard let id = context.identifier(idValue, what: "a user id"), registerID(id, at: idValue) else { return }
        let index = UserIndex(users.count)
        userByID[id] = index
        var user = User(
            id: id,
            name: map["name"].flatMap { context.string($0) },
            breakGlass: map["breakGlass"].flatMap { context.bool($0) } ?? false
        )
        if let entry = map["authentication"],
           let strength = enumValue(entry, AuthenticationStrength.self, noun: "authentication strength") {
            user.authentication = strength
        }
        if let synced = map["onPremisesSyncEnabled"].flatMap({ context.bool($0) }) { user.onPremisesSync = synced }
        user.attributes = userAttributes(map["attributes"])
        users.append(user)
        if let manager = map["manager"] { managers.append((index, manager)) }
    }

    /// `generate: {count: 200, prefix: staff}` → `staff001` ... `staff200`.
    func decodeGenerated(_ value: Value, like template: User) {
        guard let map = context.map(value, FormatSpec.generate),
              let countValue = map["count"], let prefixValue = map["prefix"],
              let count = context.integer(countValue, in: 1...Int64.max, what: "count"),
              let prefix = context.identifier(prefixValue, what: "an id prefix") else { return }
        guard Int64(users.count) + count <= context.limits.users else {
            let flag = InputLimits.flag("users", Int64(users.count) + count)
            context.error("the tenant would have \(Int64(users.count) + count) users; pimsim accepts at most \(context.limits.users) (\(flag) raises the limit)", at: countValue)
            return
        }
        let width = String(count).count
        users.reserveCapacity(users.count + Int(count))
        for number in 1...count {
            let digits = String(number)
            let id = prefix + String(repeating: "0", count: width - digits.count) + digits
            guard registerID(id, at: prefixValue) else { return }
            userByID[id] = UserIndex(users.count)
            var user = template
            user.id = id
            users.append(user)
        }
    }

    /// Records a new user, group, application or service principal id; a repeat is an error
    /// naming the first definition.
    func registerID(_ id: String, at value: Value) -> Bool {
        if let first = idMarks[id] {
            context.error("duplicate id '\(id)' (first defined at line \(first.line), column \(first.column)); ids are unique across users, groups, applications and service principals", at: value)
            return false
        }
        idMarks[id] = (value.mark?.line ?? 0, value.mark?.column ?? 0)
        return true
    }

    /// A list of user ids without repeats, in order; errors for unknown ids and groups.
    func userList(_ value: Value?, what: String) -> [UserIndex] {
        guard let value, let items = context.list(value, what: what, singleAllowed: true) else { return [] }
        var seen = Set<UserIndex>()
        var result: [UserIndex] = []
        for item in items {
            guard let user = userReference(item) else { continue }
            if seen.insert(user).inserted { result.append(user) }
        }
        return result
    }

    func decodeCustomRole(_ item: Value) {
        guard let map = context.map(item, FormatSpec.customRole),
              let nameValue = map["name"], let name = context.identifier(nameValue, what: "a role name") else { return }
        if let existing = roleLookup[name] ?? roleLookup[name.lowercased()] {
            let what = roles[existing.int].builtIn ? "a built-in role" : "another custom role"
            context.error("custom role '\(name)' has the same name as \(what); choose another name", at: nameValue)
            return
        }
        _ = map["description"].flatMap { context.string($0) }
        var permissions: [String] = []
        if let list = map["permissions"].flatMap({ context.list($0, what: "permissions") }) {
            for entry in list {
                guard let permission = context.identifier(entry, what: "a resource action such as 'microsoft.directory/users/password/update'") else { continue }
                if !permission.hasPrefix("microsoft.") || permission.split(separator: "/").count < 3 {
                    context.warning("'\(permission)' does not look like a resource action ('microsoft.directory/<entity>/<property>/<action>')", at: entry)
                }
                permissions.append(permission)
            }
        }
        let index = RoleIndex(roles.count)
        var role = RoleDefinition(
            name: name, templateId: nil, privileged: catalogue.isPrivileged(permissions: permissions),
            builtIn: false, permissions: permissions
        )
        role.administrativeUnitScope = catalogue.isAdministrativeUnitAssignable(permissions: permissions)
        roles.append(role)
        roleLookup[name] = index
        referencedRoles.insert(index)
    }
}
