import TenantModel

/// The keys of entitlement management's access packages, in pimsim's spelling (see
/// `FormatSpec+GraphPolicy.swift` for Microsoft Graph's).
extension FormatSpec {
    static let accessPackage = MapSpec(what: "an access package (a map)", keys: [
        .required("id", "the package's id, unique among packages", .identifier),
        .optional("name", "the display name", .text),
        .required("resources", "what an assignment grants: groups, roles, applications", .list(.map(packageResource), nonEmpty: true)),
        .required("policies", "assignment policies, in pimsim's keys or Microsoft Graph's shape",
                  .list(.either([.map(packagePolicy), .map(graphPolicy)]), nonEmpty: true)),
    ])

    static let packageResource = MapSpec(what: "a package resource (a map with group, role or application)", keys: [
        .optional("group", "a group id: the package grants membership or ownership", .identifier),
        .optional("access", "member (default) or owner, with 'group'", .enumeration(GroupAccessKind.allCases.map(\.rawValue)), default: .string("member")),
        .optional("role", "a directory role, granted at tenant scope", .identifier),
        .optional("type", "eligible (default) or active, with 'role'", .enumeration(AssignmentType.allCases.map(\.rawValue)), default: .string("eligible")),
        .optional("application", "an application id: the package grants one of its app roles", .identifier),
        .optional("appRole", "the app role's name, with 'application' (default: default access)", .text),
    ], rules: [
        .exactlyOne(["group", "role", "application"]),
        .requires("access", "group"), .requires("type", "role"), .requires("appRole", "application"),
    ])

    static let packagePolicy = MapSpec(what: "an assignment policy (a map)", keys: [
        .required("id", "the policy's id, unique within the package", .identifier),
        .optional("requestors", "allMembers, allUsers, none, or {users: [ids], groups: [ids]}",
                  .either([.enumeration(["allMembers", "allUsers", "none"]), .map(packageRequestors)]), default: .string("none")),
        .optional("justification", "requestors must justify (default false)", .boolean, default: .boolean(false)),
        .optional("approval", "1 to 3 approval stages, in order (none: no approval)", .list(.map(packageStage), nonEmpty: true)),
        .optional("expiry", "never (default), a duration such as 30d, or {on: a time}", .either([.enumeration(["never"]), .duration, .map(packageExpiryOn)]),
                  default: .string("never")),
        .optional("extension", "{allowed, approval}: assignees may ask for more time", .map(packageExtension)),
        .optional("review", "recurring reviews of the policy's assignments", .map(packageReview)),
    ])

    static let packageRequestors = MapSpec(what: "requestors (a map)", keys: [
        .optional("users", "user ids", .ids),
        .optional("groups", "group ids: their members may request", .ids),
    ], rules: [.atLeastOne(["users", "groups"])])

    static let packageStage = MapSpec(what: "an approval stage (a map)", keys: [
        .required("approvers", "user ids, group ids (their members) or 'manager' (the requestor's)", .ids),
        .optional("fallback", "asked when no approver can be found", .ids),
        .optional("timeout", "how long the stage waits before denying, default 14d", .duration, default: .string("14d")),
        .optional("escalation", "{after, approvers, fallback}: asked too when the approvers are slow", .map(packageEscalation)),
        .optional("justification", "approvers must justify (default true)", .boolean, default: .boolean(true)),
    ])

    static let packageEscalation = MapSpec(what: "an escalation (a map)", keys: [
        .required("after", "how long the approvers have before escalation, shorter than the timeout", .duration),
        .required("approvers", "user ids, group ids or 'manager'", .ids),
        .optional("fallback", "asked when no escalation approver can be found", .ids),
    ])

    static let packageExpiryOn = MapSpec(what: "a fixed expiry (a map)", keys: [
        .required("on", "the time every assignment ends", .time),
    ])

    static let packageExtension = MapSpec(what: "extension settings (a map)", keys: [
        .optional("allowed", "assignees may ask to extend (default true when the key is given)", .boolean, default: .boolean(true)),
        .optional("approval", "an extension goes through the approval stages (default true)", .boolean, default: .boolean(true)),
    ])

    static let packageReview = MapSpec(what: "a package review (a map)", keys: [
        .required("reviewers", "{selected: [ids]}, members (self-review), or {manager: {fallback: [ids]}}",
                  .either([.enumeration(["members"]), .map(reviewers)])),
        .optional("recurrence", "weekly, monthly, quarterly (default), semiannually or annually",
                  .enumeration(AccessReview.Recurrence.allCases.filter { $0 != .once }.map(\.rawValue)), default: .string("quarterly")),
        .optional("start", "the first instance's start, default 0", .time, default: .integer(0)),
        .optional("duration", "how long an instance stays open, default 14d", .duration, default: .string("14d")),
        .optional("reviewer", "{respond, approve, delay}", .map(packageReviewer)),
        .optional("onNoResponse", "noChange (default), removeAccess or approveAccess",
                  .enumeration(["noChange", "removeAccess", "approveAccess"]), default: .string("noChange")),
    ])

    static let packageReviewer = MapSpec(what: "reviewer behaviour (a map)", keys: [
        .optional("respond", "the probability a reviewer answers", .number(0...1)),
        .optional("approve", "the probability an answer approves", .number(0...1)),
        .optional("delay", "a duration or a distribution", durationSpec),
    ])

    // MARK: Workload and events

    static let packageRequest = MapSpec(what: "an access package request (a map)", keys: [
        .required("user", "a user id", .identifier),
        .required("package", "an access package id", .identifier),
        .optional("policy", "the policy's id (default: the first that admits the user)", .identifier),
        .optional("extend", "ask to extend the user's assignment instead (default false)", .boolean, default: .boolean(false)),
    ])

    static let packageRequests = MapSpec(what: "an access package request generator (a map)", keys: [
        .optional("users", "user ids", .ids),
        .optional("group", "a group id: each member requests", .identifier),
        .required("package", "an access package id", .identifier),
        .optional("policy", "the policy's id (default: the first that admits the user)", .identifier),
        .required("every", "the mean gap between a user's needs for the package", .duration),
        .optional("calendar", "a calendar name or {utcOffset, days, hours}", calendarReference),
        .optional("from", "a time, default 0", .time, default: .integer(0)),
        .optional("until", "a time, default the horizon", .time),
        .optional("extend", "also ask to extend an assignment within 14 days of its end (default false)", .boolean, default: .boolean(false)),
    ], rules: [.exactlyOne(["users", "group"])])

    static let assignPackage = MapSpec(what: "a direct package assignment (a map)", keys: [
        .required("user", "a user id", .identifier),
        .required("package", "an access package id", .identifier),
        .optional("policy", "the policy's id (default: the package's first)", .identifier),
        .optional("by", "the administrator's user id (default: the scenario)", .identifier),
    ])

    static let removePackage = MapSpec(what: "a package assignment removal (a map)", keys: [
        .required("user", "a user id", .identifier),
        .required("package", "an access package id", .identifier),
        .optional("by", "the administrator's user id (default: the scenario)", .identifier),
    ])
}
