import TenantModel

/// The maps of `tenant.applications` and `tenant.servicePrincipals`, kept between registering
/// their ids (with the users' and groups') and resolving their references.
struct NonHumanBodies {
    var applications: [(index: Int, map: MapView)] = []
    var servicePrincipals: [(index: Int, map: MapView)] = []
}

extension ScenarioDecoder {
    /// First pass over applications and service principals: ids and names, so that every id of
    /// the tenant is known before any reference is resolved.
    func registerApplications(_ tenant: MapView) -> NonHumanBodies {
        var bodies = NonHumanBodies()
        if let list = tenant["applications"].flatMap({ context.list($0, what: "applications") }) {
            for item in list {
                guard let map = context.map(item, FormatSpec.application),
                      let idValue = map["id"], let id = context.identifier(idValue, what: "an application id"),
                      registerID(id, at: idValue) else { continue }
                applicationByID[id] = applications.count
                bodies.applications.append((applications.count, map))
                applications.append(Application(id: id, name: map["name"].flatMap { context.string($0) }))
            }
        }
        if let list = tenant["servicePrincipals"].flatMap({ context.list($0, what: "service principals") }) {
            for item in list {
                guard let map = context.map(item, FormatSpec.servicePrincipal),
                      let idValue = map["id"], let id = context.identifier(idValue, what: "a service principal id"),
                      registerID(id, at: idValue) else { continue }
                servicePrincipalByID[id] = servicePrincipals.count
                bodies.servicePrincipals.append((servicePrincipals.count, map))
                servicePrincipals.append(ServicePrincipal(id: id, name: map["name"].flatMap { context.string($0) }))
            }
        }
        return bodies
    }

    /// Second pass: owners, the application each service principal runs as, its standing roles,
    /// Graph permissions and group memberships. Runs after custom roles are known.
    func resolveApplications(_ bodies: NonHumanBodies) {
        for (index, map) in bodies.applications {
            (applications[index].owners, applications[index].servicePrincipalOwners) = ownerList(map["owners"])
        }
        // Which service principal (and where) already runs as each application.
        var runsAs: [Int: (id: String, line: Int, column: Int)] = [:]
        for (index, map) in bodies.servicePrincipals {
            if let entry = map["application"], let application = applicationReference(entry) {
                if let first = runsAs[application] {
                    context.error("application '\(applications[application].id)' already has a service principal, '\(first.id)' (line \(first.line), column \(first.column)); an application has one service principal per tenant", at: entry)
                } else {
                    runsAs[application] = (servicePrincipals[index].id, entry.mark?.line ?? 0, entry.mark?.column ?? 0)
                    servicePrincipals[index].application = application
                }
            }
            (servicePrincipals[index].owners, servicePrincipals[index].servicePrincipalOwners) = ownerList(map["owners"], servicePrincipal: index)
            servicePrincipals[index].roles = standingRoles(map["roles"])
            servicePrincipals[index].appPermissions = graphPermissions(map["appPermissions"])
            servicePrincipals[index].memberOf = groupMemberships(map["memberOf"])
        }
    }

    /// An application id (an index into `applications`).
    func applicationReference(_ value: Value) -> Int? {
        let expected = "an application id (from tenant.applications) is expected here"
        guard let id = context.identifier(value, what: "an application id") else { return nil }
        if let application = applicationByID[id] { return application }
        if servicePrincipalByID[id] != nil {
            context.error("'\(id)' is a service principal; \(expected)", at: value)
        } else if userByID[id] != nil {
            context.error("'\(id)' is a user; \(expected)", at: value)
        } else if groupByID[id] != nil {
            context.error("'\(id)' is a group; \(expected)", at: value)
        } else {
            let hint = Suggestions.hint(for: id, in: applicationByID.keys)
            let advice = hint.isEmpty && applications.isEmpty ? "; define it under tenant.applications" : hint
            context.error("unknown application '\(id)'\(advice)", at: value)
        }
        return nil
    }

    /// `roles`: directory roles by name or template id, without repeats, in order. PIM for Groups
    /// access is not a role a service principal can hold: it joins groups through `memberOf`.
    func standingRoles(_ value: Value?) -> [RoleIndex] {
        guard let value, let items = context.list(value, what: "role names or template ids", singleAllowed: true) else { return [] }
        var result: [RoleIndex] = []
        var seen = Set<RoleIndex>()
        for item in items {
            guard let reference = context.identifier(item, what: "a role name or template id") else { continue }
            guard let role = roleLookup[reference] ?? roleLookup[reference.lowercased()] else {
                if groupByID[reference] != nil || groupAccessName(reference) != nil {
                    reportGroupAccessForServicePrincipal(reference, at: item)
                } else {
                    reportUnknownRole(reference, at: item)
                }
                continue
            }
            if roles[role.int].groupAccess != nil {
                reportGroupAccessForServicePrincipal(reference, at: item)
                continue
            }
            if seen.insert(role).inserted { result.append(role) }
        }
        return result
    }

    /// The group of a PIM for Groups pseudo-role's name (`tier0 (member)`), when it names one.
    func groupAccessName(_ reference: String) -> GroupIndex? {
        for kind in GroupAccessKind.allCases where reference.hasSuffix(" (\(kind.rawValue))") {
            if let group = groupByID[String(reference.dropLast(kind.rawValue.count + 3))] { return group }
        }
        return nil
    }

    /// The role a task or a deactivation needs: a role, or PIM for Groups access written as its
    /// pseudo-role's name (`tier0 (member)`, `tier0 (owner)`).
    func workRoleReference(_ value: Value) -> RoleIndex? {
        if let reference = value.node.string, let group = groupAccessName(reference) {
            let kind: GroupAccessKind = reference.hasSuffix("(owner)") ? .owner : .member
            let role = groupAccessRole(group, kind)
            referencedRoles.insert(role)
            return role
        }
        return roleReference(value)
    }

    /// The error for PIM for Groups access (a group id or pseudo-role name) under `roles`.
    func reportGroupAccessForServicePrincipal(_ reference: String, at value: Value) {
        context.error("'\(reference)' is PIM for Groups access, not a directory role; PIM for Groups is for users: a service principal joins groups through 'memberOf', for the whole run", at: value)
    }

    /// `appPermissions`: Microsoft Graph application permission names, without repeats, in order.
    /// A malformed name is an error; a name pimsim does not know is kept, with a warning.
    func graphPermissions(_ value: Value?) -> [String] {
        guard let value, let items = context.list(value, what: "Microsoft Graph application permissions", singleAllowed: true) else { return [] }
        var result: [String] = []
        var seen = Set<String>()
        for item in items {
            guard let name = context.identifier(item, what: "a Microsoft Graph application permission such as 'Group.Read.All'") else { continue }
            guard GraphPermission.isWellFormed(name) else {
                let hint = Suggestions.hint(for: name, in: GraphPermission.known)
                context.error("'\(name)' is not a Microsoft Graph permission name\(hint) (expected words joined by dots, such as 'RoleManagement.ReadWrite.Directory')", at: item)
                continue
            }
            if GraphPermission.delegatedOnly.contains(name) {
                context.warning("'\(name)' is a delegated permission (it acts for a signed-in user); appPermissions lists application permissions, so it is kept but grants nothing pimsim knows of", at: item)
            } else if !GraphPermission.known.contains(name) {
                let hint = Suggestions.hint(for: name, in: GraphPermission.known)
                context.warning("unknown Microsoft Graph application permission '\(name)'\(hint) (kept as written; a permission pimsim does not know opens no escalation path)", at: item)
            }
            if seen.insert(name).inserted { result.append(name) }
        }
        return result
    }

    /// `memberOf`: group ids, without repeats, in order.
    func groupMemberships(_ value: Value?) -> [GroupIndex] {
        guard let value, let items = context.list(value, what: "group ids", singleAllowed: true) else { return [] }
        var result: [GroupIndex] = []
        var seen = Set<GroupIndex>()
        for item in items {
            guard let id = context.identifier(item, what: "a group id") else { continue }
            guard let group = groupByID[id] else {
                let kind = userByID[id] != nil ? "a user" : servicePrincipalByID[id] != nil ? "a service principal"
                    : applicationByID[id] != nil ? "an application" : nil
                if let kind {
                    context.error("'\(id)' is \(kind); a group id is expected here", at: item)
                } else {
                    context.error("unknown group '\(id)'\(Suggestions.hint(for: id, in: groupByID.keys))", at: item)
                }
                continue
            }
            if seen.insert(group).inserted { result.append(group) }
        }
        return result
    }
}
