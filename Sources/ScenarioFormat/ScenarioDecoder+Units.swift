import TenantModel

extension ScenarioDecoder {
    /// `attributes: {department: Sales}`: string values keyed by attribute name.
    func userAttributes(_ value: Value?) -> [String: String] {
        guard let value, let map = context.map(value, FormatSpec.userAttributes) else { return [:] }
        var result: [String: String] = [:]
        for entry in map.entries {
            if let text = context.string(entry.value, what: "an attribute value (text)") { result[entry.key] = text }
        }
        return result
    }

    /// A dynamic membership rule; a syntax error names the character and what was expected.
    func membershipRule(_ value: Value) -> MembershipRule? {
        guard let text = context.string(value, what: "a membership rule such as 'user.department -eq \"Sales\"'") else { return nil }
        do {
            return try MembershipRule.parse(text)
        } catch {
            context.error("membership rule '\(text)': \(error.message) (at character \(error.offset + 1))", at: value)
            return nil
        }
    }

    /// The users a rule matches, in user order.
    func matchingUsers(_ rule: MembershipRule) -> [UserIndex] {
        users.indices.filter { rule.matches(users[$0].attributes) }.map { UserIndex(Int32($0)) }
    }

    /// A dynamic group's members follow its rule: static members are an error, and so is a
    /// role-assignable dynamic group (Entra refuses both).
    func resolveDynamicGroup(_ group: GroupIndex, map: MapView) -> Bool {
        guard let entry = map["membershipRule"], let rule = membershipRule(entry) else { return false }
        if map.has("members"), let members = map["members"] {
            context.error("group '\(groups[group.int].id)' has a membership rule, so its members follow the rule; remove 'members'", at: members)
        }
        if groups[group.int].roleAssignable {
            context.error("group '\(groups[group.int].id)' is role-assignable, and Entra does not let a role-assignable group have dynamic membership; remove 'membershipRule' or 'roleAssignable'", at: entry)
        }
        groups[group.int].membershipRule = rule
        groups[group.int].members = matchingUsers(rule)
        return true
    }

    /// `tenant.administrativeUnits`: ids, static members or a rule, restricted management.
    func decodeAdministrativeUnits(_ value: Value?) -> [AdministrativeUnit] {
        guard let value, let list = context.list(value, what: "administrative units") else { return [] }
        var result: [AdministrativeUnit] = []
        var seen: [String: Int] = [:]
        for item in list {
            guard let map = context.map(item, FormatSpec.administrativeUnit),
                  let idValue = map["id"], let id = context.identifier(idValue, what: "an administrative unit id") else { continue }
            if let first = seen[id] {
                context.error("duplicate administrative unit '\(id)' (first defined at line \(first)); unit ids are unique", at: idValue)
                continue
            }
            seen[id] = idValue.mark?.line ?? 0
            var unit = AdministrativeUnit(id: id, name: map["name"].flatMap { context.string($0) },
                                          restricted: map["restricted"].flatMap { context.bool($0) } ?? false)
            if let entry = map["membershipRule"] {
                if let members = map["members"] {
                    context.error("administrative unit '\(id)' has a membership rule, so its members follow the rule; remove 'members'", at: members)
                }
                if let rule = membershipRule(entry) {
                    unit.membershipRule = rule
                    unit.members = matchingUsers(rule)
                }
            } else {
                unit.members = userList(map["members"], what: "member user ids")
            }
            result.append(unit)
        }
        return result
    }

    /// Owners of an application or a service principal (`owned`: its index, which cannot own
    /// itself): user ids and service principal ids.
    func ownerList(_ value: Value?, servicePrincipal owned: Int? = nil) -> (users: [UserIndex], servicePrincipals: [Int]) {
        guard let value, let items = context.list(value, what: "owner ids", singleAllowed: true) else { return ([], []) }
        var users: [UserIndex] = []
        var principals: [Int] = []
        for item in items {
            if let id = item.node.string, let principal = servicePrincipalByID[id] {
                if principal == owned {
                    context.error("service principal '\(id)' cannot own itself", at: item)
                } else if !principals.contains(principal) {
                    principals.append(principal)
                }
            } else if let user = userReference(item), !users.contains(user) {
                users.append(user)
            }
        }
        return (users, principals)
    }
}
