import TenantModel

extension ScenarioDecoder {
    /// The range PIM allows for the activation maximum duration.
    static let activationMaxDurationRange: ClosedRange<Seconds> = 1800...86_400

    /// `policies:` — the default, then per-role overrides merged field by field over it.
    func decodePolicies(_ value: Value) -> PolicySet {
        guard let map = context.map(value, FormatSpec.policies) else { return PolicySet() }
        var fallback = RolePolicy.defaults
        if let defaults = map["default"] { applyPolicy(defaults, to: &fallback) }
        var overrides: [RoleIndex: RolePolicy] = [:]
        var keyOf: [RoleIndex: String] = [:]
        if let rolesValue = map["roles"], let perRole = context.map(rolesValue, FormatSpec.policyRoles) {
            for entry in perRole.entries {
                let keyValue = Value(node: entry.keyNode, path: entry.value.path)
                guard let role = roleReference(keyValue) else { continue }
                if let first = keyOf[role] {
                    context.error("role '\(roles[role.int].name)' already has a policy under '\(first)'", at: keyValue)
                    continue
                }
                keyOf[role] = entry.key
                var policy = fallback
                applyPolicy(entry.value, to: &policy)
                overrides[role] = policy
            }
        }
        if let entry = map["groups"], let perGroup = context.map(entry, FormatSpec.groupPolicies) {
            for item in perGroup.entries {
                let keyValue = Value(node: item.keyNode, path: item.value.path)
                guard let group = groupByID[item.key] else {
                    context.error("unknown group '\(item.key)'\(Suggestions.hint(for: item.key, in: groupByID.keys))", at: keyValue)
                    continue
                }
                guard let body = context.map(item.value, FormatSpec.groupPolicy) else { continue }
                for kind in GroupAccessKind.allCases {
                    guard let policyValue = body[kind.rawValue] else { continue }
                    var policy = fallback
                    applyPolicy(policyValue, to: &policy)
                    overrides[groupAccessRole(group, kind)] = policy
                }
            }
        }
        let enforce = map["enforceAssignmentRules"].flatMap { context.bool($0) } ?? false
        return PolicySet(fallback: fallback, overrides: overrides, enforceAssignmentRules: enforce)
    }

    /// Applies a `policy` event's fields to one role's policy, or to every role's.
    func applyPolicyChange(_ map: MapView, role: RoleIndex?, to policies: inout PolicySet) {
        func change(_ policy: inout RolePolicy) {
            if let activation = map["activation"] { applyActivation(activation, to: &policy.activation) }
            if let rule = map["eligibleAssignment"] { applyRule(rule, to: &policy.eligibleAssignment) }
            if let rule = map["activeAssignment"] { applyRule(rule, to: &policy.activeAssignment) }
            if let rules = map["notifications"] { applyNotifications(rules, to: &policy.notifications) }
        }
        if let role {
            var policy = policies[role]
            change(&policy)
            policies.overrides[role] = policy
        } else {
            change(&policies.fallback)
            for key in policies.overrides.keys.sorted() {
                var policy = policies.overrides[key] ?? policies.fallback
                change(&policy)
                policies.overrides[key] = policy
            }
        }
    }

    /// Overwrites the fields `value` gives; leaves the others as they are.
    func applyPolicy(_ value: Value, to policy: inout RolePolicy) {
        guard let map = context.map(value, FormatSpec.policy) else { return }
        if let activation = map["activation"] { applyActivation(activation, to: &policy.activation) }
        if let rule = map["eligibleAssignment"] { applyRule(rule, to: &policy.eligibleAssignment) }
        if let rule = map["activeAssignment"] { applyRule(rule, to: &policy.activeAssignment) }
        if let rules = map["notifications"] { applyNotifications(rules, to: &policy.notifications) }
    }

    func applyActivation(_ value: Value, to settings: inout ActivationSettings) {
        guard let map = context.map(value, FormatSpec.activation) else { return }
        if let entry = map["maxDuration"], let duration = context.duration(entry) {
            if Self.activationMaxDurationRange.contains(duration) {
                settings.maxDuration = duration
            } else {
                context.error("activation maxDuration must be between 30m and 24h, got '\(entry.node.string ?? "")'", at: entry)
            }
        }
        if let flag = map["requireMFA"].flatMap({ context.bool($0) }) { settings.requireMFA = flag }
        if let flag = map["requireJustification"].flatMap({ context.bool($0) }) { settings.requireJustification = flag }
        if let flag = map["requireTicket"].flatMap({ context.bool($0) }) { settings.requireTicket = flag }
        if let flag = map["requireApproval"].flatMap({ context.bool($0) }) { settings.requireApproval = flag }
        if let entry = map["authenticationContext"] {
            settings.authenticationContext = context.identifier(entry, what: "an authentication context id such as 'c1'")
            if let name = settings.authenticationContext { contextReferences.append((name, entry)) }
        }
        if let entry = map["approvers"], let items = context.list(entry, what: "user or group ids", singleAllowed: true) {
            var approvers: [Principal] = []
            for item in items {
                guard let principal = principalReference(item) else { continue }
                if !approvers.contains(principal) { approvers.append(principal) }
            }
            settings.approvers = approvers
        }
    }

    func applyRule(_ value: Value, to rule: inout AssignmentRule) {
        guard let map = context.map(value, FormatSpec.assignmentRule) else { return }
        if let flag = map["allowPermanent"].flatMap({ context.bool($0) }) { rule.allowPermanent = flag }
        if let entry = map["maxDuration"], let duration = context.duration(entry) {
            if duration > 0 {
                rule.maxDuration = duration
            } else {
                context.error("an assignment maxDuration must be longer than zero", at: entry)
            }
        }
    }
}

extension ScenarioDecoder {
    /// PIM for Groups has no default approvers (Microsoft Learn, "Configure PIM for Groups
    /// settings": at least one approver must be selected): an eligible group membership or
    /// ownership whose policy requires approval must name its approvers.
    func checkGroupApprovers(_ assignment: Assignment, at value: Value, policies: PolicySet) {
        guard assignment.type == .eligible, let access = roles[assignment.role.int].groupAccess else { return }
        let activation = policies[assignment.role].activation
        guard activation.requireApproval, activation.approvers.isEmpty else { return }
        let group = groups[access.group.int].id
        context.error(
            "the \(access.kind.rawValue) activations of group '\(group)' require approval but name no approvers; "
                + "PIM for Groups has no default approvers: set policies.groups.\(group).\(access.kind.rawValue).activation.approvers",
            at: value
        )
    }

    /// With `enforceAssignmentRules`, every assignment of the file must follow its role's rule.
    func checkAssignmentRules(_ assignments: [Assignment], values: [Value], policies: PolicySet) {
        guard policies.enforceAssignmentRules else { return }
        for (assignment, value) in zip(assignments, values) {
            if let violation = policies.ruleViolation(assignment) {
                context.error("this assignment breaks its role's rule: \(violation)", at: value)
            }
        }
    }
}
