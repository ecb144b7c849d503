import TenantModel

/// The keys of the administrators' actions in `events` (issue 13).
extension FormatSpec {
    static let cancelRequest = MapSpec(what: "an administrator's cancellation (a map)", keys: [
        .required("user", "the requester's user id", .identifier),
        .optional("role", "a role name or template id", .identifier),
        .optional("group", "PIM for Groups: the group", .identifier),
        .optional("access", "PIM for Groups: member (default) or owner", .enumeration(GroupAccessKind.allCases.map(\.rawValue)), default: .string("member")),
        .optional("by", "the administrator's user id; default: the scenario, acting as an administrator", .identifier),
    ], rules: target)

    static let revokeActivation = MapSpec(what: "an administrator's removal of an activation (a map)", keys: [
        .required("user", "the activated user's id", .identifier),
        .optional("role", "a role name or template id", .identifier),
        .optional("group", "PIM for Groups: the group", .identifier),
        .optional("access", "PIM for Groups: member (default) or owner", .enumeration(GroupAccessKind.allCases.map(\.rawValue)), default: .string("member")),
        .optional("by", "the administrator's user id; default: the scenario, acting as an administrator", .identifier),
    ], rules: target)

    static let adminExtend = MapSpec(what: "an administrator's extension (a map)", keys: [
        .required("principal", "a user or group id", .identifier),
        .optional("role", "a role name or template id", .identifier),
        .optional("group", "PIM for Groups: the group", .identifier),
        .optional("access", "PIM for Groups: member (default) or owner", .enumeration(GroupAccessKind.allCases.map(\.rawValue)), default: .string("member")),
        .optional("type", "active or eligible", .enumeration(AssignmentType.allCases.map(\.rawValue))),
        .optional("scope", "a directory scope", .pattern(SyntaxPatterns.scope, what: "a directory scope starting with '/'")),
        .optional("end", "the new end, a time", .time),
        .optional("duration", "how much later than the current end, instead of end", .duration),
        .optional("by", "the administrator's user id; default: the scenario, acting as an administrator", .identifier),
    ], rules: target + [.exactlyOne(["end", "duration"])])
}
