/// The keys of the administrators' actions in `events` (issue 13).
extension FormatSpec {
    static let cancelRequest = MapSpec(what: "an administrator's cancellation (a map)", keys: [
        .required("user", "the requester's user id"),
        .optional("role", "a role name or template id"),
        .optional("group", "PIM for Groups: the group"),
        .optional("access", "PIM for Groups: member (default) or owner"),
        .optional("by", "the administrator's user id; default: the scenario, acting as an administrator"),
    ])

    static let revokeActivation = MapSpec(what: "an administrator's removal of an activation (a map)", keys: [
        .required("user", "the activated user's id"),
        .optional("role", "a role name or template id"),
        .optional("group", "PIM for Groups: the group"),
        .optional("access", "PIM for Groups: member (default) or owner"),
        .optional("by", "the administrator's user id; default: the scenario, acting as an administrator"),
    ])

    static let adminExtend = MapSpec(what: "an administrator's extension (a map)", keys: [
        .required("principal", "a user or group id"),
        .optional("role", "a role name or template id"),
        .optional("group", "PIM for Groups: the group"),
        .optional("access", "PIM for Groups: member (default) or owner"),
        .optional("type", "active or eligible"),
        .optional("scope", "a directory scope"),
        .optional("end", "the new end, a time"),
        .optional("duration", "how much later than the current end, instead of end"),
        .optional("by", "the administrator's user id; default: the scenario, acting as an administrator"),
    ])
}
