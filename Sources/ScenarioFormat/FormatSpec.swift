import TenantModel

/// One key a map accepts.
struct KeySpec: Sendable {
    let name: String
    let required: Bool
    /// What the value is, in a few words, for messages and the JSON Schema's descriptions.
    let summary: String
    /// What the value may be, for the JSON Schema.
    var value: ValueSpec = .any
    /// The value when the key is absent, for editors' hover help.
    var defaultValue: DefaultValue?

    static func required(_ name: String, _ summary: String, _ value: ValueSpec = .any) -> KeySpec {
        KeySpec(name: name, required: true, summary: summary, value: value)
    }

    static func optional(_ name: String, _ summary: String, _ value: ValueSpec = .any, default defaultValue: DefaultValue? = nil) -> KeySpec {
        KeySpec(name: name, required: false, summary: summary, value: value, defaultValue: defaultValue)
    }
}

/// The keys of one kind of map.
struct MapSpec: Sendable {
    /// "the scenario", "an assignment": used in "expected X, got Y".
    let what: String
    let keys: [KeySpec]
    /// Maps keyed by data (role names, variant names) rather than by fixed keys.
    var acceptsAnyKey = false
    /// For maps keyed by data: what each value is.
    var values: ValueSpec = .any
    /// For maps keyed by data: what each key must look like (a regular expression), if anything.
    var keyPattern: String?
    /// Relations between the keys that the decoder checks too.
    var rules: [MapRule] = []
}

/// The scenario format's keys in one place: the decoder checks maps against these, and the JSON
/// Schema (`ScenarioSchema`) is generated from them.
enum FormatSpec {
    static let topLevel = MapSpec(what: "a scenario (a map)", keys: [
        .optional("$schema", "the JSON Schema editors validate the file against (ignored by pimsim)", .text),
        .optional("scenario", "the scenario's name", .identifierPattern(SyntaxPatterns.folderName), default: .string("the file's name")),
        .optional("description", "free text", .text),
        .required("start", "an ISO 8601 UTC timestamp such as 2026-03-02T00:00:00Z", .timestamp),
        .required("horizon", "a duration such as 30d", .duration),
        .optional("seed", "a whole number, default 1", .integer(0...Int64.max), default: .integer(1)),
        .required("tenant", "users, groups, custom roles, applications and service principals", .map(tenant)),
        .optional("policies", "PIM role settings", .map(policies)),
        .optional("assignments", "a list of role assignments", .list(.map(assignment))),
        .optional("workload", "a list of activation requests", .list(.map(workloadItem))),
        .optional("behaviour", "how people act", .map(behaviour)),
        .optional("reviews", "a list of access reviews", .list(.map(review))),
        .optional("accessPackages", "entitlement management: access packages and their assignment policies", .list(.map(accessPackage))),
        .optional("events", "a list of timed events", .list(.map(event))),
        .optional("variants", "named what-if patches", .map(variants)),
        .optional("assertions", "checks on the metrics", .list(.map(assertion))),
        .optional("replications", "runs of each arm `pimsim check` makes for the assertions' statistics (1 to 10000, default 1)",
                  .integer(1...10_000), default: .integer(1)),
        .optional("exercise", "a training exercise: {title, briefing, questions}", .map(exercise)),
        .optional("alerts", "thresholds of the PIM alerts and CISA checks", .map(alerts)),
        .optional("conditionalAccess", "authentication contexts' strengths, MFA at sign-in, sign-in frequency", .map(conditionalAccess)),
    ])

    static let alerts = MapSpec(what: "alert settings (a map)", keys: [
        .optional("tooManyGlobalAdmins", "{count, percentage}", .map(alertCount)),
        .optional("staleSignIn", "{after: a duration}", .map(alertAfter)),
        .optional("unusedRoles", "{after: a duration}", .map(alertAfter)),
        .optional("frequentActivation", "{count, within}", .map(alertCount)),
        .optional("outsidePIM", "{window: a duration}", .map(alertAfter)),
        .optional("cisa", "{exclusions: user ids}", .map(cisa)),
    ])
    static let alertCount = MapSpec(what: "a threshold (a map)", keys: [
        .optional("count", "a whole number", .integer(2...100)), .optional("percentage", "a number", .number(0...100)),
        .optional("within", "a duration", .duration),
    ])
    static let alertAfter = MapSpec(what: "a threshold (a map)", keys: [
        .optional("after", "a duration", .duration), .optional("window", "a duration", .duration),
    ])
    static let cisa = MapSpec(what: "CISA settings (a map)", keys: [.optional("exclusions", "user ids", .ids)])

    static let tenant = MapSpec(what: "the tenant (a map)", keys: [
        .optional("users", "a list of users", .list(.map(user))),
        .optional("groups", "a list of groups", .list(.map(group))),
        .optional("roles", "a list of custom roles", .list(.map(customRole))),
        .optional("applications", "a list of application registrations", .list(.map(application))),
        .optional("servicePrincipals", "a list of service principals", .list(.map(servicePrincipal))),
        .optional("administrativeUnits", "a list of administrative units: {id, members | membershipRule, restricted}",
                  .list(.map(administrativeUnit))),
        .optional("certificateBasedAuthentication", "true when certificate-based authentication is already enabled for users",
                  .boolean, default: .boolean(false)),
    ])

    static let userAttributes = MapSpec(what: "user attributes (a map of attribute name to text)", keys: [], acceptsAnyKey: true, values: .text)

    static let administrativeUnit = MapSpec(what: "an administrative unit (a map)", keys: [
        .required("id", "a unique unit id (the <id> of scope /administrativeUnits/<id>)", .identifier),
        .optional("name", "a display name", .text),
        .optional("members", "a list of user ids (static membership)", .ids),
        .optional("membershipRule", "a dynamic membership rule such as 'user.department -eq \"Sales\"'", .text),
        .optional("restricted", "true for a restricted-management unit", .boolean, default: .boolean(false)),
    ], rules: [.atMostOne(["members", "membershipRule"])])

    static let user = MapSpec(what: "a user (a map with an id, or generate)", keys: [
        .optional("id", "a unique id", .identifier),
        .optional("name", "a display name", .text),
        .optional("manager", "a user id", .identifier),
        .optional("breakGlass", "true for an emergency-access account", .boolean, default: .boolean(false)),
        .optional("authentication", "the strongest strength the user's methods satisfy: mfa, passwordless or phishingResistant (default)",
                  .enumeration(AuthenticationStrength.allCases.map(\.rawValue)), default: .string("phishingResistant")),
        .optional("onPremisesSyncEnabled", "true for an account synchronised from an on-premises directory (not cloud-only; CISA MS.AAD.7.3)",
                  .boolean, default: .boolean(false)),
        .optional("attributes", "directory attributes read by membership rules: {department: Sales}", .map(userAttributes)),
        .optional("generate", "{count, prefix}: many users at once", .map(generate)),
    ], rules: [.oneOf([(["id"], ["generate"]), (["generate"], ["id", "name", "manager"])])])

    static let generate = MapSpec(what: "a generator (a map)", keys: [
        .required("count", "how many users", .integer(1...10_000_000)),
        .required("prefix", "the id prefix", .identifier),
    ])

    static let group = MapSpec(what: "a group (a map)", keys: [
        .required("id", "a unique id", .identifier),
        .optional("name", "a display name", .text),
        .optional("roleAssignable", "true if the group may hold role assignments", .boolean, default: .boolean(false)),
        .optional("members", "a list of user ids", .ids),
        .optional("owners", "a list of user ids", .ids),
        .optional("membershipRule", "a dynamic membership rule such as 'user.department -eq \"Sales\"'", .text),
    ], rules: [.atMostOne(["members", "membershipRule"])])

    static let application = MapSpec(what: "an application (a map)", keys: [
        .required("id", "a unique id", .identifier),
        .optional("name", "a display name", .text),
        .optional("owners", "a list of user and service principal ids", .ids),
    ])

    static let servicePrincipal = MapSpec(what: "a service principal (a map)", keys: [
        .required("id", "a unique id", .identifier),
        .optional("name", "a display name", .text),
        .optional("application", "the id of the application it runs as", .identifier),
        .optional("owners", "a list of user and service principal ids", .ids),
        .optional("roles", "directory roles it holds standing: role names or template ids", .ids),
        .optional("appPermissions", "Microsoft Graph application permissions such as RoleManagement.ReadWrite.Directory",
                  .list(.pattern(SyntaxPatterns.graphPermission, what: "a Microsoft Graph permission name"), single: true)),
        .optional("memberOf", "a list of group ids", .ids),
    ])

    static let customRole = MapSpec(what: "a custom role (a map)", keys: [
        .required("name", "the role's display name", .identifier),
        .optional("description", "free text", .text),
        .required("permissions", "a list of resource actions", .list(.identifier)),
    ])

    static let policies = MapSpec(what: "policies (a map)", keys: [
        .optional("default", "the settings of every role", .map(policy)),
        .optional("roles", "per-role settings, keyed by role name or template id", .map(policyRoles)),
        .optional("enforceAssignmentRules", "true to refuse assignments that break their rule (default false)", .boolean, default: .boolean(false)),
        .optional("groups", "PIM for Groups settings, keyed by group id: {member, owner}", .map(groupPolicies)),
    ])

    static let groupPolicies = MapSpec(what: "PIM for Groups policies (a map keyed by group id)", keys: [], acceptsAnyKey: true,
                                       values: .map(groupPolicy))

    static let groupPolicy = MapSpec(what: "a group's PIM policies (a map)", keys: [
        .optional("member", "the policy of membership", .map(policy)),
        .optional("owner", "the policy of ownership", .map(policy)),
    ])

    static let policyRoles = MapSpec(what: "per-role policies (a map keyed by role)", keys: [], acceptsAnyKey: true, values: .map(policy))

    static let policy = MapSpec(what: "a role policy (a map)", keys: [
        .optional("activation", "activation settings", .map(activation)),
        .optional("eligibleAssignment", "the eligible-assignment rule", .map(assignmentRule)),
        .optional("activeAssignment", "the active-assignment rule", .map(assignmentRule)),
        .optional("notifications", "email notification rules: {eligibleAssignment, activeAssignment, activation}", .map(notifications)),
    ])

    static let notifications = MapSpec(what: "notification settings (a map)", keys: [
        .optional("eligibleAssignment", "emails when members are assigned as eligible: {admin, requestor, approver}", .map(notificationEvent)),
        .optional("activeAssignment", "emails when members are assigned as active: {admin, requestor, approver}", .map(notificationEvent)),
        .optional("activation", "emails when eligible members activate: {admin, requestor, approver}", .map(notificationEvent)),
    ])

    static let notificationEvent = MapSpec(what: "the notification rules of one event (a map)", keys: [
        .optional("admin", "the role assignment / activation alert to administrators", .map(notificationRule)),
        .optional("requestor", "the notification to the assignee or the activated user", .map(notificationRule)),
        .optional("approver", "the request to approve", .map(notificationRule)),
    ])

    static let notificationRule = MapSpec(what: "a notification rule (a map)", keys: [
        .optional("defaultRecipients", "true or false, default true", .boolean, default: .boolean(true)),
        .optional("additionalRecipients", "a list of email addresses", .list(.pattern(SyntaxPatterns.email, what: "an email address"), single: true)),
        .optional("level", "all (default) or critical", .enumeration(NotificationLevel.allCases.map(\.rawValue)), default: .string("all")),
    ])

    static let activation = MapSpec(what: "activation settings (a map)", keys: [
        .optional("maxDuration", "30m to 24h", .duration, default: .string("8h")),
        .optional("requireMFA", "true or false", .boolean, default: .boolean(true)),
        .optional("requireJustification", "true or false", .boolean, default: .boolean(true)),
        .optional("requireTicket", "true or false", .boolean, default: .boolean(false)),
        .optional("requireApproval", "true or false", .boolean, default: .boolean(false)),
        .optional("approvers", "a list of user or group ids", .ids),
        .optional("authenticationContext", "a Conditional Access authentication context, such as c1", .identifier),
    ])

    static let assignmentRule = MapSpec(what: "an assignment rule (a map)", keys: [
        .optional("allowPermanent", "true or false", .boolean),
        .optional("maxDuration", "a duration", .duration),
    ])

    static let assignment = MapSpec(what: "an assignment (a map)", keys: [
        .required("principal", "a user or role-assignable group id", .identifier),
        .optional("role", "a role name or template id", .identifier),
        .optional("group", "PIM for Groups: the group whose membership or ownership is assigned", .identifier),
        .optional("access", "PIM for Groups: member (default) or owner", .enumeration(GroupAccessKind.allCases.map(\.rawValue)), default: .string("member")),
        .required("type", "active or eligible", .enumeration(AssignmentType.allCases.map(\.rawValue))),
        .optional("scope", "a directory scope, default /", .pattern(SyntaxPatterns.scope, what: "a directory scope starting with '/'"), default: .string("/")),
        .optional("start", "a time, default 0", .time, default: .integer(0)),
        .optional("end", "a time or 'permanent'", .either([.enumeration(["permanent"]), .time]), default: .string("permanent")),
        .optional("duration", "a duration, instead of end", .duration),
        .optional("outsidePIM", "true if made outside PIM", .boolean, default: .boolean(false)),
    ], rules: target + [.atMostOne(["end", "duration"])])

    /// `role`, or `group` with an optional `access` (PIM for Groups).
    static let target: [MapRule] = [.exactlyOne(["role", "group"]), .requires("access", "group")]

    /// The kinds of workload item, each with the keys it needs and refuses.
    static let workloadKinds = ["activate", "task", "tasks", "deactivate", "extend", "request", "requests"]
    /// Workload kinds that stand alone, without `at`.
    static let generatorKinds: Set<String> = ["tasks", "requests"]

    static let workloadItem = MapSpec(what: "a workload item (a map)", keys: [
        .optional("at", "a time", .time),
        .optional("activate", "{user, role, duration}", .map(activate)),
        .optional("tasks", "a task generator", .map(tasks)),
        .optional("task", "{user, role, duration}: one task at 'at'", .map(task)),
        .optional("deactivate", "{user, role}: end an activation early", .map(deactivate)),
        .optional("extend", "{user, role, type?, duration}: extend or renew an assignment", .map(extend)),
        .optional("request", "{user, package, policy?, extend?}: ask for an access package", .map(packageRequest)),
        .optional("requests", "an access package request generator", .map(packageRequests)),
    ], rules: [.oneOf(workloadKinds.map { kind in
        generatorKinds.contains(kind) ? ([kind], workloadKinds.filter { $0 != kind } + ["at"]) : ([kind, "at"], workloadKinds.filter { $0 != kind })
    })])

    static let extend = MapSpec(what: "an extension request (a map)", keys: [
        .required("user", "a user id", .identifier),
        .required("role", "a role name or template id", .identifier),
        .optional("type", "active or eligible", .enumeration(AssignmentType.allCases.map(\.rawValue))),
        .required("duration", "how much longer, or how long a renewal lasts", .duration),
    ])

    static let deactivate = MapSpec(what: "a deactivation (a map)", keys: [
        .required("user", "a user id", .identifier),
        .required("role", "a role name or template id", .identifier),
    ])

    static let task = MapSpec(what: "a task (a map)", keys: [
        .required("user", "a user id", .identifier),
        .required("role", "the role the task needs", .identifier),
        .required("duration", "a duration or a distribution", durationSpec),
        .optional("activation", "{strategy: taskLength | maximum, slack}", .map(activationStrategy)),
        .optional("deactivateEarly", "a probability", .number(0...1)),
    ])

    static let activate = MapSpec(what: "an activation request (a map)", keys: [
        .required("user", "a user id", .identifier),
        .optional("role", "a role name or template id", .identifier),
        .optional("group", "PIM for Groups: the group to activate membership or ownership of", .identifier),
        .optional("access", "PIM for Groups: member (default) or owner", .enumeration(GroupAccessKind.allCases.map(\.rawValue)), default: .string("member")),
        .required("duration", "a duration", .duration),
        .optional("start", "a scheduled activation's start, at or after 'at'", .time),
        .optional("scope", "the directory scope to activate at", .pattern(SyntaxPatterns.scope, what: "a directory scope starting with '/'")),
    ], rules: target)

    static let tasks = MapSpec(what: "a task generator (a map)", keys: [
        .optional("users", "user ids", .ids),
        .optional("group", "a group id: each member does tasks", .identifier),
        .required("role", "the role each task needs", .identifier),
        .required("every", "the mean gap between a user's tasks", .duration),
        .required("duration", "a duration or a distribution", durationSpec),
        .optional("calendar", "a calendar name or {utcOffset, days, hours}", calendarReference),
        .optional("from", "a time, default 0", .time, default: .integer(0)),
        .optional("until", "a time, default the horizon", .time),
        .optional("activation", "{strategy: taskLength | maximum, slack}", .map(activationStrategy)),
        .optional("deactivateEarly", "a probability", .number(0...1)),
    ], rules: [.exactlyOne(["users", "group"])])

    static let activationStrategy = MapSpec(what: "an activation strategy (a map)", keys: [
        .required("strategy", "taskLength or maximum", .enumeration(["taskLength", "maximum"])),
        .optional("slack", "a duration added to the task's length", .duration),
    ], rules: [.when(key: "strategy", equals: "maximum", allowed: [], required: [])])

    static let event = MapSpec(what: "an event (a map)", keys: [
        .required("at", "a time", .time),
        .optional("leave", "a user id", .either([.identifier, .map(leave)])),
        .optional("membership", "{group, add, remove}", .map(membership)),
        .optional("assign", "an assignment", .map(assignment)),
        .optional("remove", "{principal, role, type?, scope?}", .map(removal)),
        .optional("policy", "{role?, activation, eligibleAssignment, activeAssignment, notifications}", .map(policyChange)),
        .optional("join", "a user id: the user appears", .identifier),
        .optional("move", "{user, add, remove, manager}", .map(move)),
        .optional("compromise", "{user, duration, attacker: {has}}", .map(compromise)),
        .optional("cancelRequest", "{user, role, by?}: an administrator cancels a pending request", .map(cancelRequest)),
        .optional("revokeActivation", "{user, role, by?}: an administrator removes a live activation", .map(revokeActivation)),
        .optional("adminExtend", "{principal, role, type?, scope?, end | duration, by?}: an administrator extends", .map(adminExtend)),
        .optional("assignPackage", "{user, package, policy?, by?}: an administrator assigns an access package", .map(assignPackage)),
        .optional("removePackage", "{user, package, by?}: an administrator removes an access package assignment", .map(removePackage)),
    ], rules: [.exactlyOne(eventActions)])

    static let eventActions = [
        "leave", "membership", "assign", "remove", "policy", "join", "move", "compromise",
        "cancelRequest", "revokeActivation", "adminExtend", "assignPackage", "removePackage",
    ]

    static let compromise = MapSpec(what: "a compromise (a map)", keys: [
        .optional("user", "the compromised user's id", .identifier),
        .optional("servicePrincipal", "the id of a service principal whose secret or certificate leaked", .identifier),
        .required("duration", "how long the attacker keeps the account", .duration),
        .optional("attacker", "{has: [password] | [password, mfa] | [token]} (users only)", .map(attacker)),
    ], rules: [.exactlyOne(["user", "servicePrincipal"]), .requires("user", "attacker"), .requires("attacker", "user")])

    static let attacker = MapSpec(what: "an attacker (a map)", keys: [
        .required("has", "credentials: password, mfa, token", .list(.enumeration(AttackerCredential.allCases.map(\.rawValue)), single: true)),
    ])

    static let leave = MapSpec(what: "a departure (a user id, or a map)", keys: [
        .required("user", "a user id", .identifier),
        .optional("disableAfter", "how long the account stays enabled after the departure", .duration),
    ])

    static let move = MapSpec(what: "a move (a map)", keys: [
        .required("user", "a user id", .identifier),
        .optional("add", "group ids the user joins", .ids),
        .optional("remove", "group ids the user leaves", .ids),
        .optional("manager", "the new manager's user id", .identifier),
    ])

    static let policyChange = MapSpec(what: "a policy change (a map)", keys: [
        .optional("role", "the role; every role when absent", .identifier),
        .optional("activation", "activation settings", .map(activation)),
        .optional("eligibleAssignment", "the eligible-assignment rule", .map(assignmentRule)),
        .optional("activeAssignment", "the active-assignment rule", .map(assignmentRule)),
        .optional("notifications", "email notification rules", .map(notifications)),
    ])

    static let membership = MapSpec(what: "a membership change (a map)", keys: [
        .required("group", "a group id", .identifier),
        .optional("add", "user ids to add", .ids),
        .optional("remove", "user ids to remove", .ids),
    ])

    static let removal = MapSpec(what: "a removal (a map)", keys: [
        .required("principal", "a user or group id", .identifier),
        .optional("role", "a role name or template id", .identifier),
        .optional("group", "PIM for Groups: the group", .identifier),
        .optional("access", "PIM for Groups: member (default) or owner", .enumeration(GroupAccessKind.allCases.map(\.rawValue))),
        .optional("type", "active or eligible", .enumeration(AssignmentType.allCases.map(\.rawValue))),
        .optional("scope", "a directory scope", .pattern(SyntaxPatterns.scope, what: "a directory scope starting with '/'")),
    ], rules: target)

    static let variants = MapSpec(what: "variants (a map keyed by variant name)", keys: [], acceptsAnyKey: true,
                                  values: .map(variant), keyPattern: SyntaxPatterns.folderName)

    static let variant = MapSpec(what: "a variant (a map)", keys: [
        .optional("description", "free text", .text),
        .optional("patch", "a map deep-merged over the scenario", .map(patch)),
        .optional("convert", "conversions such as activeToEligible", .map(convert)),
    ])

    /// A variant's patch: any map, checked once merged over the scenario.
    static let patch = MapSpec(what: "a patch (a map)", keys: [], acceptsAnyKey: true)

    static let convert = MapSpec(what: "conversions (a map)", keys: [
        .optional("activeToEligible", "{roles, except}", .map(activeToEligible)),
    ])

    static let activeToEligible = MapSpec(what: "an activeToEligible conversion (a map)", keys: [
        .optional("roles", "roles to convert; all when absent", .ids),
        .optional("except", "principal ids to leave as they are", .ids),
    ])
}
