/// Turns a list of choices (bytes) into a valid scenario over the whole format: users (generated
/// ones too), groups, custom roles, applications and service principals; role and group
/// policies with notifications; assignments of every kind and scope; activation requests,
/// tasks, deactivations and extensions; behaviour; reviews; every event; variants; alerts and
/// Conditional Access.
///
/// Each decision reads the next choice (0 once they run out), so a shorter or smaller list is a
/// simpler scenario: shrinking the list shrinks the scenario.
struct ScenarioRecipe {
    private var choices: [UInt8]
    private var next = 0

    /// The scenario's start: Monday 2026-03-02T00:00:00Z.
    static let start: Int64 = 1_772_409_600
    static let roles = ["Global Administrator", "Privileged Role Administrator", "User Administrator", "Helpdesk Administrator",
                        "Security Administrator", "Exchange Administrator"]
    /// Roles Entra lets be assigned at an administrative unit's scope.
    static let unitRoles: Set<String> = ["User Administrator", "Helpdesk Administrator"]
    static let customRole = "Custom Password Resetter"
    static let globalAdministratorId = "62e90394-69f5-4237-9190-012177145e10"

    init(_ choices: [UInt8]) { self.choices = choices }

    // MARK: Choices

    private mutating func byte() -> Int {
        defer { next += 1 }
        return next < choices.count ? Int(choices[next]) : 0
    }

    /// A number in `range`, the lowest when the choices run out.
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + byte() % (range.count) }

    /// True with roughly `percent` % chance; false once the choices run out.
    mutating func chance(_ percent: Int) -> Bool { byte() % 100 >= 100 - percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func some<T>(_ items: [T], max: Int) -> [T] {
        var chosen: [T] = []
        for item in items where chosen.count < max && chance(40) { chosen.append(item) }
        return chosen
    }

    // MARK: The scenario

    /// The scenario document, with a variant `same` whose patch is empty.
    mutating func document() -> Document {
        let horizonDays = int(1...10)
        let horizon = Int64(horizonDays) * 86_400
        var tenant = Tenant(choices: &self)
        var top: [(String, Document)] = [
            ("scenario", .text("invariant")), ("start", .timestamp(Self.start)), ("horizon", .duration(horizon)),
            ("seed", .integer(Int64(int(0...255)))),
        ]
        top.append(("tenant", tenant.document(&self)))
        let policies = policiesDocument(tenant)
        top.append(("policies", policies))
        top.append(("assignments", .list(assignments(&tenant, horizon: horizon))))
        top.append(("workload", .list(workload(&tenant, horizon: horizon))))
        top.append(("behaviour", behaviour(tenant)))
        if chance(30) { top.append(("reviews", .list([review(tenant, horizon: horizon)]))) }
        top.append(("events", .list(events(&tenant, horizon: horizon))))
        var variants: [(String, Document)] = [("same", .map([("description", .text("an empty patch")), ("patch", .map([]))]))]
        if chance(50) {
            variants.append(("strict", .map([
                ("patch", .map([("policies", .map([("default", .map([("activation", .map([("maxDuration", .duration(3600))]))]))]))])),
                ("convert", .map([("activeToEligible", .map([("roles", .list([.text(Self.roles[0])])), ("except", .list([.text(tenant.users[0])]))]))])),
            ])))
        }
        top.append(("variants", .map(variants)))
        top.append(("assertions", .list([.map([("metric", .text("privilegedHours.total")), ("min", .integer(0))])])))
        if chance(40) { top.append(("alerts", alerts(tenant))) }
        if tenant.usesContext || chance(30) { top.append(("conditionalAccess", conditionalAccess())) }
        return .map(top)
    }

    /// Who and what the tenant holds, for the sections that refer to it.
    struct Tenant {
        var users: [String] = []
        var generated: [String] = []
        var managers: [(String, String)] = []
        var groups: [(id: String, roleAssignable: Bool, members: [String])] = []
        var applications: [String] = []
        var usesContext = false
        var joined: Set<String> = []
        var left: Set<String> = []
        /// Users' direct eligible assignments, so that most requests are for a role the user may activate.
        var eligible: [(user: String, role: String)] = []
        /// Cancellations to make shortly after a request: (user, role, time).
        var cancellations: [(user: String, role: String, at: Int64)] = []

        init(choices: inout ScenarioRecipe) {
            users = (1...choices.int(2...6)).map { "u\($0)" }
            if choices.chance(30) {
                let count = choices.int(1...4)
                generated = (1...count).map { "gen\($0)" }
            }
            for (index, name) in ["ops", "tier0", "helpdesk"].enumerated() where index == 0 || choices.chance(50) {
                let members = choices.some(users, max: 3)
                groups.append((name, index != 2 || choices.chance(50), members))
            }
        }

        /// Every user id, generated ones included.
        var everyone: [String] { users + generated }
        var roleAssignableGroups: [String] { groups.filter(\.roleAssignable).map(\.id) }

        mutating func document(_ choices: inout ScenarioRecipe) -> Document {
            var userList: [Document] = []
            for (index, user) in users.enumerated() {
                var fields: [(String, Document)] = [("id", .text(user))]
                if choices.chance(30) { fields.append(("name", .text("User \(index + 1) #\(user)"))) }
                if index > 0, choices.chance(40) {
                    fields.append(("manager", .text(users[0])))
                    managers.append((user, users[0]))
                }
                if choices.chance(15) { fields.append(("breakGlass", .bool(true))) }
                if choices.chance(25) { fields.append(("authentication", .text(choices.pick(["mfa", "passwordless", "phishingResistant"])))) }
                userList.append(.map(fields))
            }
            if !generated.isEmpty {
                userList.append(.map([("generate", .map([("count", .integer(Int64(generated.count))), ("prefix", .text("gen"))]))]))
            }
            var tenant: [(String, Document)] = [("users", .list(userList))]
            tenant.append(("groups", .list(groups.map { group in
                var fields: [(String, Document)] = [("id", .text(group.id)), ("roleAssignable", .bool(group.roleAssignable))]
                if !group.members.isEmpty { fields.append(("members", .list(group.members.map { .text($0) }))) }
                if choices.chance(30) { fields.append(("owners", .text(users[0]))) }
                return .map(fields)
            })))
            if choices.chance(40) {
                tenant.append(("roles", .list([.map([
                    ("name", .text(ScenarioRecipe.customRole)), ("description", .text("resets passwords")),
                    ("permissions", .list([.text("microsoft.directory/users/password/update")])),
                ])])))
            }
            if choices.chance(35) {
                applications = ["payroll-app"]
                let owner = choices.pick(users)
                tenant.append(("applications", .list([.map([("id", .text("payroll-app")), ("owners", .list([.text(owner)]))])])))
                var principal: [(String, Document)] = [("id", .text("payroll-sp")), ("application", .text("payroll-app"))]
                if choices.chance(50) { principal.append(("roles", .list([.text("Directory Readers")]))) }
                if choices.chance(50) { principal.append(("appPermissions", .list([.text("RoleManagement.ReadWrite.Directory"), .text("Mail.Read")]))) }
                if choices.chance(50) { principal.append(("memberOf", .list([.text(groups[0].id)]))) }
                tenant.append(("servicePrincipals", .list([.map(principal)])))
            }
            return .map(tenant)
        }
    }

    // MARK: Policies

    mutating func activation(_ tenant: Tenant, approvers required: Bool = false) -> Document {
        var fields: [(String, Document)] = []
        if chance(60) { fields.append(("maxDuration", .duration(Int64(pick([30, 60, 120, 240, 480, 1440])) * 60))) }
        if chance(40) { fields.append(("requireMFA", .bool(chance(50)))) }
        if chance(30) { fields.append(("requireJustification", .bool(chance(50)))) }
        if chance(20) { fields.append(("requireTicket", .bool(chance(50)))) }
        let approval = required || chance(45)
        if approval { fields.append(("requireApproval", .bool(true))) }
        if required || (approval && chance(70)) {
            let approvers: [String] = chance(30) ? [tenant.groups[0].id] : [pick(tenant.users)]
            fields.append(("approvers", .list(approvers.map { .text($0) })))
        }
        return .map(fields)
    }

    mutating func notifications() -> Document {
        let rule: Document = .map([
            ("defaultRecipients", .bool(chance(70))), ("additionalRecipients", .list([.text("soc@contoso.com")])),
            ("level", .text(pick(["all", "critical"]))),
        ])
        return .map([("activation", .map([("admin", rule), ("requestor", .map([("defaultRecipients", .bool(chance(50)))]))])),
                     ("eligibleAssignment", .map([("admin", rule)]))])
    }

    mutating func policiesDocument(_ tenant: Tenant) -> Document {
        var defaults: [(String, Document)] = [("activation", activation(tenant))]
        if chance(30) {
            defaults.append(("eligibleAssignment", .map([("allowPermanent", .bool(true)), ("maxDuration", .duration(365 * 86_400))])))
            defaults.append(("activeAssignment", .map([("allowPermanent", .bool(true)), ("maxDuration", .duration(180 * 86_400))])))
        }
        if chance(25) { defaults.append(("notifications", notifications())) }
        var policies: [(String, Document)] = [("default", .map(defaults))]
        var roles: [(String, Document)] = []
        for (index, role) in Self.roles.prefix(3).enumerated() where chance(50) {
            // The first role sometimes by its template id, in upper case.
            let key = index == 0 && chance(30) ? Self.globalAdministratorId.uppercased() : role
            var activation = self.activation(tenant)
            if chance(20), case .map(var fields) = activation {
                fields.append(("authenticationContext", .text("c1")))
                activation = .map(fields)
            }
            roles.append((key, .map([("activation", activation)])))
        }
        if !roles.isEmpty { policies.append(("roles", .map(roles))) }
        // PIM for Groups: every group gets a policy with approvers, so eligible memberships are valid
        // whatever the default asks.
        policies.append(("groups", .map(tenant.groups.map { group in
            (group.id, .map([("member", .map([("activation", activation(tenant, approvers: true))])),
                             ("owner", .map([("activation", activation(tenant, approvers: true))]))]))
        })))
        if chance(20) { policies.append(("enforceAssignmentRules", .bool(false))) }
        return .map(policies)
    }

    // MARK: Assignments and workload

    mutating func window(horizon: Int64) -> [(String, Document)] {
        switch int(0...4) {
        case 0: return []
        case 1: return [("end", .text("permanent"))]
        case 2: return [("duration", .duration(Int64(int(1...96)) * 1800))]
        case 3:
            let start = Int64(int(0...Int(horizon / 3600))) * 3600
            return [("start", .duration(start)), ("end", .duration(start + Int64(int(1...72)) * 3600))]
        default:
            // Started before the scenario, by a timestamp.
            return [("start", .timestamp(Self.start - Int64(int(1...30)) * 86_400)), ("duration", .duration(Int64(int(1...40)) * 86_400))]
        }
    }

    mutating func assignments(_ tenant: inout Tenant, horizon: Int64) -> [Document] {
        var list: [Document] = []
        for _ in 0..<int(1...8) {
            let groups = tenant.roleAssignableGroups
            let principal = !groups.isEmpty && chance(25) ? pick(groups) : pick(tenant.everyone)
            let role = pick(Self.roles)
            let eligible = chance(60)
            if eligible, tenant.everyone.contains(principal) { tenant.eligible.append((principal, role)) }
            var fields: [(String, Document)] = [("principal", .text(principal)), ("role", .text(role)),
                                                ("type", .text(eligible ? "eligible" : "active"))]
            if Self.unitRoles.contains(role), chance(30) { fields.append(("scope", .text("/administrativeUnits/au-\(int(1...2))"))) }
            fields += window(horizon: horizon)
            if chance(10) { fields.append(("outsidePIM", .bool(true))) }
            list.append(.map(fields))
        }
        // PIM for Groups: a user eligible for membership or ownership, and a group eligible for membership.
        for group in tenant.groups where chance(40) {
            list.append(.map([("principal", .text(pick(tenant.users))), ("group", .text(group.id)),
                              ("access", .text(chance(70) ? "member" : "owner")), ("type", .text(chance(70) ? "eligible" : "active"))]))
        }
        if tenant.groups.count > 1, chance(30) {
            list.append(.map([("principal", .text(tenant.groups[0].id)), ("group", .text(tenant.groups[1].id)),
                              ("access", .text("member")), ("type", .text("eligible"))]))
        }
        return list
    }

    mutating func distribution() -> Document {
        switch int(0...5) {
        case 0: return .duration(Int64(int(1...120)) * 60)
        case 1: return .map([("distribution", .text("fixed")), ("value", .duration(Int64(int(1...120)) * 60))])
        case 2: return .map([("distribution", .text("exponential")), ("mean", .duration(Int64(int(1...120)) * 60))])
        case 3:
            let low = Int64(int(1...60)) * 60
            return .map([("distribution", .text("uniform")), ("min", .duration(low)), ("max", .duration(low + Int64(int(0...60)) * 60))])
        case 4:
            let median = Int64(int(5...60)) * 60
            return .map([("distribution", .text("lognormal")), ("median", .duration(median)), ("p90", .duration(median * 3))])
        default:
            return .map([("distribution", .text("empirical")), ("values", .list([.duration(600), .duration(3600), .duration(5400)]))])
        }
    }

    mutating func workload(_ tenant: inout Tenant, horizon: Int64) -> [Document] {
        var list: [Document] = []
        let hours = Int(horizon / 3600) - 1
        for _ in 0..<int(0...10) {
            let at = Int64(int(0...hours)) * 3600 + Int64(int(0...3)) * 900
            var user = pick(tenant.everyone)
            var role = pick(Self.roles)
            if !tenant.eligible.isEmpty, chance(75) { (user, role) = pick(tenant.eligible) }
            switch int(0...5) {
            case 0, 1:
                var request: [(String, Document)] = [("user", .text(user)), ("role", .text(role)),
                                                     ("duration", .duration(Int64(int(0...16)) * 1800))]
                if chance(20) { tenant.cancellations.append((user, role, at + 600)) }
                if chance(15) { request.append(("start", .duration(at + 7200))) }
                if chance(10) { request.append(("scope", .text("/administrativeUnits/au-1"))) }
                list.append(.map([("at", chance(15) ? .timestamp(Self.start + at) : .duration(at)), ("activate", .map(request))]))
            case 2:
                let group = pick(tenant.groups).id
                list.append(.map([("at", .duration(at)), ("activate", .map([
                    ("user", .text(pick(tenant.users))), ("group", .text(group)), ("access", .text(chance(70) ? "member" : "owner")),
                    ("duration", .duration(Int64(int(1...8)) * 1800)),
                ]))]))
            case 3:
                var task: [(String, Document)] = [("user", .text(user)), ("role", .text(role)), ("duration", distribution())]
                if chance(40) {
                    task.append(("activation", chance(50) ? .map([("strategy", .text("maximum"))])
                        : .map([("strategy", .text("taskLength")), ("slack", .duration(900))])))
                }
                if chance(30) { task.append(("deactivateEarly", .number(0.5))) }
                list.append(.map([("at", .duration(at)), ("task", .map(task))]))
            case 4:
                list.append(.map([("at", .duration(at)), ("deactivate", .map([("user", .text(user)), ("role", .text(role))]))]))
            default:
                var extend: [(String, Document)] = [("user", .text(user)), ("role", .text(role))]
                if chance(50) { extend.append(("type", .text(chance(50) ? "eligible" : "active"))) }
                extend.append(("duration", .duration(Int64(int(1...30)) * 86_400)))
                list.append(.map([("at", .duration(at)), ("extend", .map(extend))]))
            }
        }
        if chance(40) {
            var generator: [(String, Document)] = chance(50) ? [("users", .list(some(tenant.everyone, max: 3).map { .text($0) } + [.text(tenant.users[0])]))]
                : [("group", .text(tenant.groups[0].id))]
            generator += [("role", .text(pick(Self.roles))), ("every", .duration(Int64(int(2...48)) * 3600)), ("duration", distribution())]
            if chance(40) { generator.append(("calendar", .text("office"))) }
            if chance(30) { generator += [("from", .duration(3600)), ("until", .duration(horizon - 3600))] }
            if chance(30) { generator.append(("activation", .map([("strategy", .text("maximum"))]))) }
            if chance(30) { generator.append(("deactivateEarly", .number(Double(int(0...10)) / 10))) }
            list.append(.map([("tasks", .map(generator))]))
        }
        return list
    }

    mutating func behaviour(_ tenant: Tenant) -> Document {
        var fields: [(String, Document)] = [("calendars", .map([("office", .map([
            ("utcOffset", .text(pick(["+00:00", "+01:00", "-05:00"]))), ("days", .text("mon-fri")), ("hours", .text("08:00-18:00")),
        ]))]))]
        var approvers: [(String, Document)] = []
        if chance(60) { approvers.append(("responseTime", distribution())) }
        if chance(60) { approvers.append(("approveRate", .number(pick([0, 0.2, 0.5, 0.8, 1])))) }
        if chance(30) { approvers.append(("absence", .number(Double(int(0...5)) / 10))) }
        if chance(30) { approvers.append(("calendar", .text("office"))) }
        fields.append(("approvers", .map(approvers)))
        if chance(40) { fields.append(("deactivateEarly", .number(Double(int(0...10)) / 10))) }
        if chance(30) {
            fields.append(("mfa", .map([("failureRate", .number(Double(int(0...5)) / 10)), ("retryAfter", .duration(300)),
                                        ("attempts", .integer(Int64(int(1...3))))])))
        }
        if chance(30) {
            fields.append(("signIns", .map([("users", .list(some(tenant.users, max: 2).map { .text($0) } + [.text(tenant.users[0])])),
                                            ("calendar", .text("office")), ("probability", .number(0.8)), ("spread", .duration(3600))])))
        }
        if chance(30) { fields.append(("sessionLength", .duration(Int64(int(1...12)) * 3600))) }
        if chance(30) { fields.append(("requests", .map([("justificationTime", .duration(60)), ("ticketTime", .duration(180))]))) }
        if chance(30) { fields.append(("notifications", .map([("delay", distribution()), ("withoutMail", .duration(4 * 3600))]))) }
        if chance(30) { fields.append(("groups", .map([("provisioningDelay", distribution())]))) }
        return .map(fields)
    }

    mutating func review(_ tenant: Tenant, horizon: Int64) -> Document {
        let reviewers: Document = switch int(0...2) {
        case 0: .map([("selected", .list([.text(tenant.users[0])]))])
        case 1: .map([("manager", .map([("fallback", .list([.text(tenant.users[0])]))]))])
        default: .text("members")
        }
        return .map([
            ("name", .text("quarterly")), ("roles", .list([.text(Self.roles[0]), .text(Self.roles[2])])),
            ("assignments", .text(pick(["eligible", "active", "both"]))), ("reviewers", reviewers),
            ("recurrence", .text(pick(["once", "weekly"]))), ("start", .duration(Int64(int(0...2)) * 86_400)),
            ("duration", .duration(Int64(int(1...6)) * 86_400)),
            ("reviewer", .map([("respond", .number(0.8)), ("approve", .number(0.5)), ("delay", .duration(3600))])),
            ("onNoResponse", .text(pick(["noChange", "removeAccess", "approveAccess", "takeRecommendations"]))),
            ("apply", chance(50) ? .text(pick(["manual", "auto"])) : .duration(86_400)),
        ])
    }

    // MARK: Events

    mutating func events(_ tenant: inout Tenant, horizon: Int64) -> [Document] {
        var list: [Document] = []
        let hours = Int(horizon / 3600) - 1
        for _ in 0..<int(0...8) {
            let at: Document = .duration(Int64(int(0...hours)) * 3600)
            let user = pick(tenant.users)
            let role = pick(Self.roles)
            let action: (String, Document)
            switch int(0...10) {
            case 0:
                guard !tenant.left.contains(user) else { continue }
                tenant.left.insert(user)
                action = ("leave", chance(50) ? .text(user) : .map([("user", .text(user)), ("disableAfter", .duration(Int64(int(1...48)) * 3600))]))
            case 1:
                let group = pick(tenant.groups).id
                action = ("membership", .map([("group", .text(group)), ("add", .list([.text(user)])), ("remove", .list([.text(pick(tenant.users))]))]))
            case 2:
                let principal = chance(20) && !tenant.roleAssignableGroups.isEmpty ? pick(tenant.roleAssignableGroups) : user
                action = ("assign", .map([("principal", .text(principal)), ("role", .text(role)), ("type", .text(chance(50) ? "eligible" : "active")),
                                          ("duration", .duration(Int64(int(1...96)) * 1800))]))
            case 3:
                var removal: [(String, Document)] = [("principal", .text(user)), ("role", .text(role))]
                if chance(50) { removal.append(("type", .text(chance(50) ? "eligible" : "active"))) }
                action = ("remove", .map(removal))
            case 4:
                var change: [(String, Document)] = []
                if chance(60) { change.append(("role", .text(role))) }
                change.append(("activation", .map([("maxDuration", .duration(Int64(pick([1, 2, 8])) * 3600)), ("requireApproval", .bool(false))])))
                action = ("policy", .map(change))
            case 5:
                guard !tenant.joined.contains(user), !tenant.left.contains(user) else { continue }
                tenant.joined.insert(user)
                action = ("join", .text(user))
            case 6:
                action = ("move", .map([("user", .text(user)), ("remove", .list([.text(tenant.groups[0].id)])),
                                        ("add", .list([.text(pick(tenant.groups).id)])), ("manager", .text(tenant.users[0] == user ? tenant.users[1] : tenant.users[0]))]))
            case 7:
                let credentials: [Document] = pick([[.text("password")], [.text("password"), .text("mfa")], [.text("token")]])
                action = ("compromise", .map([("user", .text(user)), ("duration", .duration(Int64(int(1...12)) * 3600)),
                                              ("attacker", .map([("has", .list(credentials))]))]))
            case 8:
                var cancel: [(String, Document)] = [("user", .text(user)), ("role", .text(role))]
                if chance(50) { cancel.append(("by", .text(tenant.users[0]))) }
                action = ("cancelRequest", .map(cancel))
            case 9:
                action = ("revokeActivation", .map([("user", .text(user)), ("role", .text(role))]))
            default:
                var extend: [(String, Document)] = [("principal", .text(user)), ("role", .text(role)),
                                                    ("duration", .duration(Int64(int(1...10)) * 86_400))]
                if chance(50) { extend.append(("by", .text(tenant.users[0]))) }
                action = ("adminExtend", .map(extend))
            }
            list.append(.map([("at", at), action]))
        }
        for cancellation in tenant.cancellations where cancellation.at < horizon {
            list.append(.map([("at", .duration(cancellation.at)),
                              ("cancelRequest", .map([("user", .text(cancellation.user)), ("role", .text(cancellation.role))]))]))
        }
        return list
    }

    // MARK: Alerts and Conditional Access

    mutating func alerts(_ tenant: Tenant) -> Document {
        .map([
            ("tooManyGlobalAdmins", .map([("count", .integer(Int64(int(2...5)))), ("percentage", .number(50))])),
            ("staleSignIn", .map([("after", .duration(Int64(int(1...30)) * 86_400))])),
            ("frequentActivation", .map([("count", .integer(Int64(int(2...4)))), ("within", .duration(86_400))])),
            ("outsidePIM", .map([("window", .duration(7 * 86_400))])),
            ("cisa", .map([("exclusions", .list([.text(tenant.users[0])]))])),
        ])
    }

    mutating func conditionalAccess() -> Document {
        var context: [(String, Document)] = [("strength", .text(pick(["mfa", "passwordless", "phishingResistant"])))]
        if chance(30) { context.append(("state", .text(pick(["enabled", "disabled", "reportOnly"])))) }
        var signIn: [(String, Document)] = [("mfa", .bool(chance(50)))]
        if chance(50) { signIn.append(("frequency", .duration(Int64(int(1...24)) * 3600))) }
        return .map([("authenticationContexts", .map([("c1", .map(context))])), ("signIn", .map(signIn))])
    }
}
