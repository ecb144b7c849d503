import TenantModel
import Yams

/// Walks a composed YAML document and lowers it to a `Scenario`, collecting every problem.
///
/// Sections are decoded in dependency order (tenant and roles first, so later sections can
/// resolve references whatever their order in the file). A section with errors still lets the
/// others be checked, so one run reports everything.
final class ScenarioDecoder {
    let context: DecodeContext
    let catalogue: RoleCatalogue

    var startEpoch: Int64?
    var horizon: Seconds?

    var users: [User] = []
    var userByID: [String: UserIndex] = [:]
    var groups: [Group] = []
    var groupByID: [String: GroupIndex] = [:]
    var applications: [Application] = []
    var applicationByID: [String: Int] = [:]
    var servicePrincipals: [ServicePrincipal] = []
    var servicePrincipalByID: [String: Int] = [:]
    var administrativeUnits: [AdministrativeUnit] = []
    var accessPackages: [AccessPackage] = []
    var packageByID: [String: Int] = [:]
    var certificateBasedAuthentication = false
    var idMarks: [String: (line: Int, column: Int)] = [:]

    var roles: [RoleDefinition]
    var roleLookup: [String: RoleIndex] = [:]
    var referencedRoles: Set<RoleIndex> = []
    /// PIM for Groups pseudo-roles by (group, access).
    var groupAccessRoles: [RoleDefinition.GroupAccess: RoleIndex] = [:]
    /// Named calendars from `behaviour.calendars`.
    var calendars: [String: WorkCalendar] = [:]
    /// Authentication contexts named by policies, with where (checked against `conditionalAccess`).
    var contextReferences: [(String, Value)] = []
    /// Each variant's `convert`, resolved against the document being decoded.
    var conversions: [String: (roles: Set<RoleIndex>, except: Set<Principal>)] = [:]

    init(context: DecodeContext, catalogue: RoleCatalogue) {
        self.context = context
        self.catalogue = catalogue
        roles = catalogue.roles
        for (index, role) in roles.enumerated() {
            roleLookup[role.name] = RoleIndex(index)
            if let id = role.templateId { roleLookup[id] = RoleIndex(index) }
        }
    }

    /// Decodes the whole document; nil when it has errors.
    func decode(root: Node, defaultName: String) -> Scenario? {
        let rootValue = Value(node: root, path: .root)
        guard let top = context.map(rootValue, FormatSpec.topLevel) else { return nil }

        let name = top["scenario"].flatMap { decodeName($0) } ?? defaultName
        let description = top["description"].flatMap { context.string($0) }
        if let value = top["start"] { startEpoch = decodeStart(value) }
        if let value = top["horizon"] { horizon = decodeHorizon(value) }
        let seed = top["seed"].flatMap { context.integer($0, in: 0...Int64.max, what: "seed") }.map(UInt64.init) ?? 1

        if let value = top["tenant"] { decodeTenant(value) }
        let policies = top["policies"].map { decodePolicies($0) } ?? PolicySet()
        let assignments = top["assignments"].map { decodeAssignments($0, policies: policies) } ?? []
        if let value = top["accessPackages"] { decodeAccessPackages(value) }
        let behaviour = top["behaviour"].map { decodeBehaviour($0) } ?? Behaviour()
        let workload = top["workload"].map { decodeWorkload($0) } ?? Workload()
        let events = top["events"].map { decodeEvents($0, policies: policies) } ?? []
        let reviews = top["reviews"].map { decodeReviews($0) } ?? []
        let variants = top["variants"].map { decodeVariants($0) } ?? []
        let assertions = top["assertions"].map { decodeAssertions($0, variants: variants) } ?? []
        let replications = top["replications"].flatMap { context.integer($0, in: 1...10_000, what: "replications") }
        let exercise = top["exercise"].flatMap { decodeExercise($0) }
        let alerts = top["alerts"].map { decodeAlerts($0) } ?? AlertSettings()
        let conditionalAccess = top["conditionalAccess"].map { decodeConditionalAccess($0) } ?? ConditionalAccess()
        checkContextReferences(conditionalAccess)

        if let startEpoch, let horizon, let value = top["horizon"], startEpoch + horizon > TimeSyntax.latest + 1 {
            context.error("the run would end after 9999-12-31T23:59:59Z, the last moment Microsoft Graph's dates can hold; shorten the horizon or start earlier", at: value)
        }
        guard !context.hasErrors, let horizon else { return nil }
        var tenant = Tenant(users: users, groups: groups, applications: applications, servicePrincipals: servicePrincipals)
        tenant.administrativeUnits = administrativeUnits
        tenant.certificateBasedAuthentication = certificateBasedAuthentication
        var scenario = Scenario(
            name: name, description: description, startEpoch: startEpoch ?? 0, horizon: horizon, seed: seed,
            tenant: tenant,
            roles: roles,
            referencedRoles: referencedRoles.sorted { (roles[$0.int].name, $0) < (roles[$1.int].name, $1) },
            policies: policies, assignments: assignments, requests: workload.requests, taskGenerators: workload.generators,
            events: events, behaviour: behaviour, variants: variants, assertions: assertions
        )
        scenario.deactivations = workload.deactivations
        scenario.extensions = workload.extensions
        scenario.alerts = alerts
        scenario.conditionalAccess = conditionalAccess
        scenario.reviews = reviews
        scenario.accessPackages = accessPackages
        scenario.packageRequests = workload.packageRequests
        scenario.packageGenerators = workload.packageGenerators
        scenario.replications = replications.map(Int.init) ?? 1
        scenario.exercise = exercise
        return scenario
    }

    // MARK: Top-level values

    func decodeName(_ value: Value) -> String? {
        guard let name = context.identifier(value, what: "a scenario name") else { return nil }
        let forbidden = name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.properties.generalCategory == .control }
        guard !forbidden, name != ".", name != "..", !name.hasPrefix(".") else {
            context.error("'\(name)' cannot name an output folder; use letters, digits, spaces, '-', '_' or '.', without '/' or a leading '.'", at: value)
            return nil
        }
        return name
    }

    func decodeStart(_ value: Value) -> Int64? {
        guard let text = context.string(value, what: "a timestamp such as '2026-03-02T00:00:00Z'") else { return nil }
        switch TimeSyntax.timestamp(text) {
        case .success(let epoch): return epoch
        case .failure(let failure):
            context.error(failure.message, at: value)
            return nil
        }
    }

    func decodeHorizon(_ value: Value) -> Seconds? {
        guard let seconds = context.duration(value) else { return nil }
        guard seconds > 0 else {
            context.error("the horizon must be longer than zero, got '\(value.node.string ?? "0")'", at: value)
            return nil
        }
        guard seconds <= context.limits.horizon else {
            let flag = InputLimits.flag("horizon", TimeSyntax.describe(seconds))
            context.error("the horizon '\(value.node.string ?? "")' is longer than the \(TimeSyntax.describe(context.limits.horizon)) pimsim accepts (\(flag) raises the limit)", at: value)
            return nil
        }
        return seconds
    }

    // MARK: References

    /// A value among an enumeration's raw values, with a suggestion when misspelled.
    /// `what` names the expected value in a type error (default "a name of <noun>").
    func enumValue<E: RawRepresentable & CaseIterable>(_ value: Value, _: E.Type, noun: String, what: String? = nil) -> E? where E.RawValue == String {
        guard let text = context.identifier(value, what: what ?? "a name of \(noun)") else { return nil }
        if let result = E(rawValue: text) { return result }
        let names = E.allCases.map(\.rawValue)
        context.error("unknown \(noun) '\(text)'\(Suggestions.hint(for: text, in: names)) (expected \(names.joined(separator: ", ")))", at: value)
        return nil
    }

    var allIDs: [String] { Array(userByID.keys) + Array(groupByID.keys) }

    /// Where a principal reference stands, for the message when it names a service principal.
    enum PrincipalUse {
        /// Anywhere a user or group is simply expected (approvers, managers, members).
        case plain
        /// The principal of a role assignment, a removal or a conversion.
        case roleAssignment
        /// The principal of a PIM for Groups assignment (membership or ownership).
        case groupAssignment
    }

    /// A user id; a group, application or service principal id, or an unknown id, is an error.
    func userReference(_ value: Value, use: PrincipalUse = .plain) -> UserIndex? {
        guard let id = context.identifier(value, what: "a user id") else { return nil }
        if let user = userByID[id] { return user }
        if groupByID[id] != nil {
            context.error("'\(id)' is a group; a user id is expected here", at: value)
        } else if !rejectNonHuman(id, expected: "a user id is expected here", use: use, at: value) {
            context.error("unknown user '\(id)'\(Suggestions.hint(for: id, in: userByID.keys))", at: value)
        }
        return nil
    }

    /// A user or group id.
    func principalReference(_ value: Value, use: PrincipalUse = .plain) -> Principal? {
        guard let id = context.identifier(value, what: "a user or group id") else { return nil }
        if let user = userByID[id] { return .user(user) }
        if let group = groupByID[id] { return .group(group) }
        if !rejectNonHuman(id, expected: "a user or group id is expected here", use: use, at: value) {
            context.error("unknown user or group '\(id)'\(Suggestions.hint(for: id, in: allIDs))", at: value)
        }
        return nil
    }

    /// A principal that may hold role assignments: a user, or a role-assignable group.
    func assigneeReference(_ value: Value) -> Principal? {
        guard let principal = principalReference(value, use: .roleAssignment) else { return nil }
        if case .group(let group) = principal, !groups[group.int].roleAssignable {
            context.error("group '\(groups[group.int].id)' is not role-assignable, so it cannot hold role assignments; set 'roleAssignable: true' on the group", at: value)
            return nil
        }
        return principal
    }

    /// Reports `id` when it names an application or a service principal where a user (or group)
    /// is expected; false when it names neither, so the caller reports it as unknown.
    func rejectNonHuman(_ id: String, expected: String, use: PrincipalUse, at value: Value) -> Bool {
        let kind: String
        let advice: String
        if servicePrincipalByID[id] != nil {
            kind = "a service principal"
            switch use {
            case .plain: advice = expected
            case .roleAssignment:
                advice = "assignments are for users and groups: a service principal holds roles through 'tenant.servicePrincipals[].roles', standing for the whole run, since PIM does not activate roles for service principals"
            case .groupAssignment:
                advice = "PIM for Groups is for users: a service principal joins groups through 'tenant.servicePrincipals[].memberOf', for the whole run"
            }
        } else if applicationByID[id] != nil {
            kind = "an application"
            switch use {
            case .plain: advice = expected
            case .roleAssignment, .groupAssignment:
                advice = "an application holds no roles or memberships itself: give them to its service principal under 'tenant.servicePrincipals'"
            }
        } else {
            return false
        }
        context.error("'\(id)' is \(kind); \(advice)", at: value)
        return true
    }

    /// A role by display name, template id or custom name; marks it as referenced.
    func roleReference(_ value: Value) -> RoleIndex? {
        guard let reference = context.identifier(value, what: "a role name or template id") else { return nil }
        if let role = roleLookup[reference] ?? roleLookup[reference.lowercased()] {
            referencedRoles.insert(role)
            return role
        }
        reportUnknownRole(reference, at: value)
        return nil
    }

    /// `unknown role 'X'` with the nearest role name, or advice where to find role names.
    func reportUnknownRole(_ reference: String, at value: Value) {
        let hint = Suggestions.hint(for: reference, in: roles.map(\.name))
        let advice = hint.isEmpty ? "; name a built-in role (see 'pimsim roles') or a custom role under tenant.roles" : hint
        context.error("unknown role '\(reference)'\(advice)", at: value)
    }

    /// The pseudo-role standing for `access` to `group` (PIM for Groups), made on first use.
    func groupAccessRole(_ group: GroupIndex, _ kind: GroupAccessKind) -> RoleIndex {
        let access = RoleDefinition.GroupAccess(group: group, kind: kind)
        if let role = groupAccessRoles[access] { return role }
        let role = RoleIndex(roles.count)
        var definition = RoleDefinition(
            name: "\(groups[group.int].id) (\(kind.rawValue))", templateId: nil, privileged: false, builtIn: false
        )
        definition.groupAccess = access
        roles.append(definition)
        groupAccessRoles[access] = role
        referencedRoles.insert(role)
        return role
    }

    /// What an assignment, request or removal is about: `role`, or `group` + `access` (PIM for Groups).
    func targetReference(_ map: MapView, at value: Value) -> RoleIndex? {
        switch (map["role"], map["group"]) {
        case (let role?, nil):
            if let access = map["access"] {
                context.error("'access' goes with 'group' (PIM for Groups), not with 'role'", at: access)
                return nil
            }
            return roleReference(role)
        case (nil, let groupValue?):
            guard let group = groupIndex(groupValue) else { return nil }
            var kind = GroupAccessKind.member
            if let entry = map["access"], let text = context.identifier(entry, what: "member or owner") {
                guard let parsed = GroupAccessKind(rawValue: text) else {
                    context.error("unknown access '\(text)'\(Suggestions.hint(for: text, in: ["member", "owner"])) (expected member or owner)", at: entry)
                    return nil
                }
                kind = parsed
            }
            return groupAccessRole(group, kind)
        case (.some, .some(let groupValue)):
            context.error("give either 'role' or 'group' (PIM for Groups), not both", at: groupValue)
            return nil
        case (nil, nil):
            context.error("missing 'role' (or 'group' with 'access' for PIM for Groups)", at: value)
            return nil
        }
    }

    /// A time that must fall inside the scenario (not before its start).
    func eventTime(_ value: Value) -> Seconds? {
        guard let time = context.time(value, start: startEpoch) else { return nil }
        guard time >= 0 else {
            context.error("'\(value.node.string ?? "")' is before the scenario's start", at: value)
            return nil
        }
        return time
    }
}
