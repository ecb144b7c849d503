/// One key a map accepts.
struct KeySpec {
    let name: String
    let required: Bool
    /// What the value is, in a few words, for messages and (later) the JSON Schema.
    let summary: String

    static func required(_ name: String, _ summary: String) -> KeySpec {
        KeySpec(name: name, required: true, summary: summary)
    }

    static func optional(_ name: String, _ summary: String) -> KeySpec {
        KeySpec(name: name, required: false, summary: summary)
    }
}

/// The keys of one kind of map.
struct MapSpec {
    /// "the scenario", "an assignment": used in "expected X, got Y".
    let what: String
    let keys: [KeySpec]
    /// Maps keyed by data (role names, variant names) rather than by fixed keys.
    var acceptsAnyKey = false
}

/// The scenario format's keys in one place: the decoder checks maps against these.
enum FormatSpec {
    static let topLevel = MapSpec(what: "a scenario (a map)", keys: [
        .optional("scenario", "the scenario's name"),
        .optional("description", "free text"),
        .required("start", "an ISO 8601 UTC timestamp such as 2026-03-02T00:00:00Z"),
        .required("horizon", "a duration such as 30d"),
        .optional("seed", "a whole number, default 1"),
        .required("tenant", "users, groups, custom roles, applications and service principals"),
        .optional("policies", "PIM role settings"),
        .optional("assignments", "a list of role assignments"),
        .optional("workload", "a list of activation requests"),
        .optional("behaviour", "how people act"),
        .optional("reviews", "a list of access reviews"),
        .optional("events", "a list of timed events"),
        .optional("variants", "named what-if patches"),
        .optional("assertions", "checks on the metrics"),
        .optional("alerts", "thresholds of the PIM alerts and CISA checks"),
        .optional("conditionalAccess", "authentication contexts' strengths, MFA at sign-in, sign-in frequency"),
    ])

    static let alerts = MapSpec(what: "alert settings (a map)", keys: [
        .optional("tooManyGlobalAdmins", "{count, percentage}"),
        .optional("staleSignIn", "{after: a duration}"),
        .optional("unusedRoles", "{after: a duration}"),
        .optional("frequentActivation", "{count, within}"),
        .optional("outsidePIM", "{window: a duration}"),
        .optional("cisa", "{exclusions: user ids}"),
    ])
    static let alertCount = MapSpec(what: "a threshold (a map)", keys: [
        .optional("count", "a whole number"), .optional("percentage", "a number"), .optional("within", "a duration"),
    ])
    static let alertAfter = MapSpec(what: "a threshold (a map)", keys: [.optional("after", "a duration"), .optional("window", "a duration")])
    static let cisa = MapSpec(what: "CISA settings (a map)", keys: [.optional("exclusions", "user ids")])

    static let tenant = MapSpec(what: "the tenant (a map)", keys: [
        .optional("users", "a list of users"),
        .optional("groups", "a list of groups"),
        .optional("roles", "a list of custom roles"),
        .optional("applications", "a list of application registrations"),
        .optional("servicePrincipals", "a list of service principals"),
    ])

    static let user = MapSpec(what: "a user (a map with an id, or generate)", keys: [
        .optional("id", "a unique id"),
        .optional("name", "a display name"),
        .optional("manager", "a user id"),
        .optional("breakGlass", "true for an emergency-access account"),
        .optional("authentication", "the strongest strength the user's methods satisfy: mfa, passwordless or phishingResistant (default)"),
        .optional("generate", "{count, prefix}: many users at once"),
    ])

    static let generate = MapSpec(what: "a generator (a map)", keys: [
        .required("count", "how many users"),
        .required("prefix", "the id prefix"),
    ])

    static let group = MapSpec(what: "a group (a map)", keys: [
        .required("id", "a unique id"),
        .optional("name", "a display name"),
        .optional("roleAssignable", "true if the group may hold role assignments"),
        .optional("members", "a list of user ids"),
        .optional("owners", "a list of user ids"),
    ])

    static let application = MapSpec(what: "an application (a map)", keys: [
        .required("id", "a unique id"),
        .optional("name", "a display name"),
        .optional("owners", "a list of user ids"),
    ])

    static let servicePrincipal = MapSpec(what: "a service principal (a map)", keys: [
        .required("id", "a unique id"),
        .optional("name", "a display name"),
        .optional("application", "the id of the application it runs as"),
        .optional("owners", "a list of user ids"),
        .optional("roles", "directory roles it holds standing: role names or template ids"),
        .optional("appPermissions", "Microsoft Graph application permissions such as RoleManagement.ReadWrite.Directory"),
        .optional("memberOf", "a list of group ids"),
    ])

    static let customRole = MapSpec(what: "a custom role (a map)", keys: [
        .required("name", "the role's display name"),
        .optional("description", "free text"),
        .required("permissions", "a list of resource actions"),
    ])

    static let policies = MapSpec(what: "policies (a map)", keys: [
        .optional("default", "the settings of every role"),
        .optional("roles", "per-role settings, keyed by role name or template id"),
        .optional("enforceAssignmentRules", "true to refuse assignments that break their rule (default false)"),
        .optional("groups", "PIM for Groups settings, keyed by group id: {member, owner}"),
    ])

    static let groupPolicies = MapSpec(what: "PIM for Groups policies (a map keyed by group id)", keys: [], acceptsAnyKey: true)

    static let groupPolicy = MapSpec(what: "a group's PIM policies (a map)", keys: [
        .optional("member", "the policy of membership"),
        .optional("owner", "the policy of ownership"),
    ])

    static let policyRoles = MapSpec(what: "per-role policies (a map keyed by role)", keys: [], acceptsAnyKey: true)

    static let policy = MapSpec(what: "a role policy (a map)", keys: [
        .optional("activation", "activation settings"),
        .optional("eligibleAssignment", "the eligible-assignment rule"),
        .optional("activeAssignment", "the active-assignment rule"),
        .optional("notifications", "email notification rules: {eligibleAssignment, activeAssignment, activation}"),
    ])

    static let notifications = MapSpec(what: "notification settings (a map)", keys: [
        .optional("eligibleAssignment", "emails when members are assigned as eligible: {admin, requestor, approver}"),
        .optional("activeAssignment", "emails when members are assigned as active: {admin, requestor, approver}"),
        .optional("activation", "emails when eligible members activate: {admin, requestor, approver}"),
    ])

    static let notificationEvent = MapSpec(what: "the notification rules of one event (a map)", keys: [
        .optional("admin", "the role assignment / activation alert to administrators"),
        .optional("requestor", "the notification to the assignee or the activated user"),
        .optional("approver", "the request to approve"),
    ])

    static let notificationRule = MapSpec(what: "a notification rule (a map)", keys: [
        .optional("defaultRecipients", "true or false, default true"),
        .optional("additionalRecipients", "a list of email addresses"),
        .optional("level", "all (default) or critical"),
    ])

    static let activation = MapSpec(what: "activation settings (a map)", keys: [
        .optional("maxDuration", "30m to 24h"),
        .optional("requireMFA", "true or false"),
        .optional("requireJustification", "true or false"),
        .optional("requireTicket", "true or false"),
        .optional("requireApproval", "true or false"),
        .optional("approvers", "a list of user or group ids"),
        .optional("authenticationContext", "a Conditional Access authentication context, such as c1"),
    ])

    static let assignmentRule = MapSpec(what: "an assignment rule (a map)", keys: [
        .optional("allowPermanent", "true or false"),
        .optional("maxDuration", "a duration"),
    ])

    static let assignment = MapSpec(what: "an assignment (a map)", keys: [
        .required("principal", "a user or role-assignable group id"),
        .optional("role", "a role name or template id"),
        .optional("group", "PIM for Groups: the group whose membership or ownership is assigned"),
        .optional("access", "PIM for Groups: member (default) or owner"),
        .required("type", "active or eligible"),
        .optional("scope", "a directory scope, default /"),
        .optional("start", "a time, default 0"),
        .optional("end", "a time or 'permanent'"),
        .optional("duration", "a duration, instead of end"),
        .optional("outsidePIM", "true if made outside PIM"),
    ])

    static let workloadItem = MapSpec(what: "a workload item (a map)", keys: [
        .optional("at", "a time"),
        .optional("activate", "{user, role, duration}"),
        .optional("tasks", "a task generator"),
        .optional("task", "{user, role, duration}: one task at 'at'"),
        .optional("deactivate", "{user, role}: end an activation early"),
        .optional("extend", "{user, role, type?, duration}: extend or renew an assignment"),
    ])

    static let extend = MapSpec(what: "an extension request (a map)", keys: [
        .required("user", "a user id"),
        .required("role", "a role name or template id"),
        .optional("type", "active or eligible"),
        .required("duration", "how much longer, or how long a renewal lasts"),
    ])

    static let deactivate = MapSpec(what: "a deactivation (a map)", keys: [
        .required("user", "a user id"),
        .required("role", "a role name or template id"),
    ])

    static let task = MapSpec(what: "a task (a map)", keys: [
        .required("user", "a user id"),
        .required("role", "the role the task needs"),
        .required("duration", "a duration or a distribution"),
        .optional("activation", "{strategy: taskLength | maximum, slack}"),
        .optional("deactivateEarly", "a probability"),
    ])

    static let activate = MapSpec(what: "an activation request (a map)", keys: [
        .required("user", "a user id"),
        .optional("role", "a role name or template id"),
        .optional("group", "PIM for Groups: the group to activate membership or ownership of"),
        .optional("access", "PIM for Groups: member (default) or owner"),
        .required("duration", "a duration"),
        .optional("start", "a scheduled activation's start, at or after 'at'"),
        .optional("scope", "the directory scope to activate at"),
    ])

    static let behaviour = MapSpec(what: "behaviour (a map)", keys: [
        .optional("approvers", "approver behaviour"),
        .optional("deactivateEarly", "a probability"),
        .optional("mfa", "{failureRate, retryAfter, attempts}"),
        .optional("calendars", "named working-hours calendars"),
        .optional("signIns", "scheduled sign-ins: {users, calendar, probability, spread}"),
        .optional("sessionLength", "how long a session lasts without a sign-in frequency (default 8h)"),
        .optional("requests", "{justificationTime, ticketTime}"),
        .optional("notifications", "{delay, withoutMail}: approval emails' delivery"),
        .optional("groups", "{provisioningDelay}: PIM for Groups membership provisioning"),
    ])

    static let notificationBehaviour = MapSpec(what: "notification behaviour (a map)", keys: [
        .optional("delay", "a duration or a distribution: how long an approval email takes, default 0"),
        .optional("withoutMail", "a duration or a distribution: when approvers without an email find a request, default 24h"),
    ])

    static let groupBehaviour = MapSpec(what: "PIM for Groups behaviour (a map)", keys: [
        .optional("provisioningDelay", "a duration or a distribution: from a membership activation to its effect, default 0"),
    ])

    static let requestBehaviour = MapSpec(what: "request behaviour (a map)", keys: [
        .optional("justificationTime", "time to write a justification"),
        .optional("ticketTime", "time to find ticket information"),
    ])

    static let approverBehaviour = MapSpec(what: "approver behaviour (a map)", keys: [
        .optional("responseTime", "a duration or a distribution"),
        .optional("approveRate", "a probability"),
        .optional("absence", "the probability an approver never answers a request"),
        .optional("calendar", "a calendar name or {utcOffset, days, hours}"),
    ])

    static let mfa = MapSpec(what: "MFA behaviour (a map)", keys: [
        .optional("failureRate", "the probability a prompt fails"),
        .optional("retryAfter", "a duration"),
        .optional("attempts", "prompts tried before giving up"),
    ])

    static let calendars = MapSpec(what: "calendars (a map keyed by name)", keys: [], acceptsAnyKey: true)

    static let calendar = MapSpec(what: "a calendar (a map)", keys: [
        .optional("utcOffset", "such as +01:00, default +00:00"),
        .optional("days", "weekdays such as [mon, tue] or 'mon-fri', default mon-fri"),
        .optional("hours", "such as '09:00-17:00', the default"),
    ])

    static let distribution = MapSpec(what: "a distribution (a map)", keys: [
        .required("distribution", "fixed, exponential, uniform, lognormal or empirical"),
        .optional("value", "fixed: the duration"),
        .optional("mean", "exponential: the mean"),
        .optional("min", "uniform: the smallest duration"),
        .optional("max", "uniform: the largest duration"),
        .optional("median", "lognormal: the median"),
        .optional("p90", "lognormal: the 90th percentile"),
        .optional("values", "empirical: a list of durations"),
    ])

    static let tasks = MapSpec(what: "a task generator (a map)", keys: [
        .optional("users", "user ids"),
        .optional("group", "a group id: each member does tasks"),
        .required("role", "the role each task needs"),
        .required("every", "the mean gap between a user's tasks"),
        .required("duration", "a duration or a distribution"),
        .optional("calendar", "a calendar name or {utcOffset, days, hours}"),
        .optional("from", "a time, default 0"),
        .optional("until", "a time, default the horizon"),
        .optional("activation", "{strategy: taskLength | maximum, slack}"),
        .optional("deactivateEarly", "a probability"),
    ])

    static let activationStrategy = MapSpec(what: "an activation strategy (a map)", keys: [
        .required("strategy", "taskLength or maximum"),
        .optional("slack", "a duration added to the task's length"),
    ])

    static let event = MapSpec(what: "an event (a map)", keys: [
        .required("at", "a time"),
        .optional("leave", "a user id"),
        .optional("membership", "{group, add, remove}"),
        .optional("assign", "an assignment"),
        .optional("remove", "{principal, role, type?, scope?}"),
        .optional("policy", "{role?, activation, eligibleAssignment, activeAssignment, notifications}"),
        .optional("join", "a user id: the user appears"),
        .optional("move", "{user, add, remove, manager}"),
        .optional("compromise", "{user, duration, attacker: {has}}"),
        .optional("cancelRequest", "{user, role, by?}: an administrator cancels a pending request"),
        .optional("revokeActivation", "{user, role, by?}: an administrator removes a live activation"),
        .optional("adminExtend", "{principal, role, type?, scope?, end | duration, by?}: an administrator extends"),
    ])

    static let eventActions = [
        "leave", "membership", "assign", "remove", "policy", "join", "move", "compromise",
        "cancelRequest", "revokeActivation", "adminExtend",
    ]

    static let compromise = MapSpec(what: "a compromise (a map)", keys: [
        .required("user", "the compromised user's id"),
        .required("duration", "how long the attacker keeps the account"),
        .required("attacker", "{has: [password] | [password, mfa] | [token]}"),
    ])

    static let attacker = MapSpec(what: "an attacker (a map)", keys: [
        .required("has", "credentials: password, mfa, token"),
    ])

    static let leave = MapSpec(what: "a departure (a user id, or a map)", keys: [
        .required("user", "a user id"),
        .optional("disableAfter", "how long the account stays enabled after the departure"),
    ])

    static let move = MapSpec(what: "a move (a map)", keys: [
        .required("user", "a user id"),
        .optional("add", "group ids the user joins"),
        .optional("remove", "group ids the user leaves"),
        .optional("manager", "the new manager's user id"),
    ])

    static let policyChange = MapSpec(what: "a policy change (a map)", keys: [
        .optional("role", "the role; every role when absent"),
        .optional("activation", "activation settings"),
        .optional("eligibleAssignment", "the eligible-assignment rule"),
        .optional("activeAssignment", "the active-assignment rule"),
        .optional("notifications", "email notification rules"),
    ])

    static let membership = MapSpec(what: "a membership change (a map)", keys: [
        .required("group", "a group id"),
        .optional("add", "user ids to add"),
        .optional("remove", "user ids to remove"),
    ])

    static let removal = MapSpec(what: "a removal (a map)", keys: [
        .required("principal", "a user or group id"),
        .optional("role", "a role name or template id"),
        .optional("group", "PIM for Groups: the group"),
        .optional("access", "PIM for Groups: member (default) or owner"),
        .optional("type", "active or eligible"),
        .optional("scope", "a directory scope"),
    ])

    static let variants = MapSpec(what: "variants (a map keyed by variant name)", keys: [], acceptsAnyKey: true)

    static let variant = MapSpec(what: "a variant (a map)", keys: [
        .optional("description", "free text"),
        .optional("patch", "a map deep-merged over the scenario"),
        .optional("convert", "conversions such as activeToEligible"),
    ])

    static let convert = MapSpec(what: "conversions (a map)", keys: [
        .optional("activeToEligible", "{roles, except}"),
    ])

    static let activeToEligible = MapSpec(what: "an activeToEligible conversion (a map)", keys: [
        .optional("roles", "roles to convert; all when absent"),
        .optional("except", "principal ids to leave as they are"),
    ])

    static let assertion = MapSpec(what: "an assertion (a map)", keys: [
        .optional("variant", "a variant name"),
        .required("metric", "a metric key such as standingAdmins.max"),
        .optional("min", "the smallest allowed value"),
        .optional("max", "the largest allowed value"),
        .optional("between", "[min, max]"),
    ])
}
