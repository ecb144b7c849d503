/// The `behaviour` section's keys, calendars and distributions: how people and approvers act.
extension FormatSpec {
    static let behaviour = MapSpec(what: "behaviour (a map)", keys: [
        .optional("approvers", "approver behaviour", .map(approverBehaviour)),
        .optional("deactivateEarly", "a probability", .number(0...1), default: .number(0)),
        .optional("mfa", "{failureRate, retryAfter, attempts}", .map(mfa)),
        .optional("calendars", "named working-hours calendars", .map(calendars)),
        .optional("signIns", "scheduled sign-ins: {users, calendar, probability, spread}", .map(signIns)),
        .optional("sessionLength", "how long a session lasts without a sign-in frequency (default 8h)", .duration, default: .string("8h")),
        .optional("requests", "{justificationTime, ticketTime}", .map(requestBehaviour)),
        .optional("notifications", "{delay, withoutMail}: approval emails' delivery", .map(notificationBehaviour)),
        .optional("groups", "{provisioningDelay}: PIM for Groups membership provisioning", .map(groupBehaviour)),
    ])

    static let notificationBehaviour = MapSpec(what: "notification behaviour (a map)", keys: [
        .optional("delay", "a duration or a distribution: how long an approval email takes, default 0", durationSpec, default: .integer(0)),
        .optional("withoutMail", "a duration or a distribution: when approvers without an email find a request, default 24h", durationSpec, default: .string("24h")),
    ])

    static let groupBehaviour = MapSpec(what: "PIM for Groups behaviour (a map)", keys: [
        .optional("provisioningDelay", "a duration or a distribution: from a membership activation to its effect, default 0", durationSpec, default: .integer(0)),
    ])

    static let requestBehaviour = MapSpec(what: "request behaviour (a map)", keys: [
        .optional("justificationTime", "time to write a justification", .duration),
        .optional("ticketTime", "time to find ticket information", .duration),
    ])

    static let approverBehaviour = MapSpec(what: "approver behaviour (a map)", keys: [
        .optional("responseTime", "a duration or a distribution", durationSpec),
        .optional("approveRate", "a probability", .number(0...1)),
        .optional("absence", "the probability an approver never answers a request", .number(0...1)),
        .optional("calendar", "a calendar name or {utcOffset, days, hours}", calendarReference),
    ])

    static let mfa = MapSpec(what: "MFA behaviour (a map)", keys: [
        .optional("failureRate", "the probability a prompt fails", .number(0...1)),
        .optional("retryAfter", "a duration", .duration),
        .optional("attempts", "prompts tried before giving up", .integer(1...100)),
    ])

    static let calendars = MapSpec(what: "calendars (a map keyed by name)", keys: [], acceptsAnyKey: true, values: .map(calendar))

    static let calendar = MapSpec(what: "a calendar (a map)", keys: [
        .optional("utcOffset", "such as +01:00, default +00:00", .pattern(SyntaxPatterns.utcOffset, what: "a UTC offset such as '+01:00'"), default: .string("+00:00")),
        .optional("days", "weekdays such as [mon, tue] or 'mon-fri', default mon-fri", .either([
            .pattern(SyntaxPatterns.weekdaySpan, what: "a span of weekdays such as 'mon-fri'"),
            .list(.pattern(SyntaxPatterns.singleWeekday, what: "a weekday: mon, tue, wed, thu, fri, sat or sun"), single: true, nonEmpty: true),
        ]), default: .string("mon-fri")),
        .optional("hours", "such as '09:00-17:00', the default", .pattern(SyntaxPatterns.hours, what: "working hours such as '09:00-17:00'"), default: .string("09:00-17:00")),
    ])

    /// A calendar by name (from `behaviour.calendars`) or written inline.
    static let calendarReference = ValueSpec.either([.identifier, .map(calendar)])

    /// The distributions and the keys each takes.
    static let distributionKeys: [(kind: String, keys: [String])] = [
        ("fixed", ["value"]), ("exponential", ["mean"]), ("uniform", ["min", "max"]),
        ("lognormal", ["median", "p90"]), ("empirical", ["values"]),
    ]

    static let distribution = MapSpec(what: "a distribution (a map)", keys: [
        .required("distribution", "fixed, exponential, uniform, lognormal or empirical", .enumeration(distributionKeys.map(\.kind))),
        .optional("value", "fixed: the duration", .duration),
        .optional("mean", "exponential: the mean", .duration),
        .optional("min", "uniform: the smallest duration", .duration),
        .optional("max", "uniform: the largest duration", .duration),
        .optional("median", "lognormal: the median", .duration),
        .optional("p90", "lognormal: the 90th percentile", .duration),
        .optional("values", "empirical: a list of durations", .list(.duration, nonEmpty: true)),
    ], rules: distributionKeys.map { .when(key: "distribution", equals: $0.kind, allowed: $0.keys, required: $0.keys) })

    /// A duration, or a distribution of durations.
    static let durationSpec = ValueSpec.either([.duration, .map(distribution)])
}
