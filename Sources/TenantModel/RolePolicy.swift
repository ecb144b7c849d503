/// PIM's activation settings for a role (the `Expiration`, `Enablement`, `Approval` end-user rules).
public struct ActivationSettings: Sendable, Equatable {
    /// The longest activation; longer requests are cut to it. 30 minutes to 24 hours.
    public var maxDuration: Seconds
    /// Activation needs multifactor authentication.
    public var requireMFA: Bool
    /// Activation needs a business justification.
    public var requireJustification: Bool
    /// Activation needs ticket information.
    public var requireTicket: Bool
    /// Activation waits for an approver.
    public var requireApproval: Bool
    /// Named approvers; empty means the default approvers (holders of PRA or GA).
    public var approvers: [Principal]
    /// A Conditional Access authentication context required on activation; what it asks for is
    /// the strength of the policy targeting it (`ConditionalAccess.requiredStrength(for:)`).
    public var authenticationContext: String? = nil

    /// Entra's example defaults: 8 h, MFA and justification on, no ticket, no approval.
    public static let defaults = ActivationSettings(
        maxDuration: 8 * 3600, requireMFA: true, requireJustification: true,
        requireTicket: false, requireApproval: false, approvers: []
    )

    /// Creates activation settings.
    public init(
        maxDuration: Seconds, requireMFA: Bool, requireJustification: Bool,
        requireTicket: Bool, requireApproval: Bool, approvers: [Principal]
    ) {
        self.maxDuration = maxDuration
        self.requireMFA = requireMFA
        self.requireJustification = requireJustification
        self.requireTicket = requireTicket
        self.requireApproval = requireApproval
        self.approvers = approvers
    }
}

/// An admin-assignment expiration rule: permanent allowed, or a maximum length.
public struct AssignmentRule: Sendable, Equatable {
    /// Assignments may have no end.
    public var allowPermanent: Bool
    /// The longest assignment; applies only when `allowPermanent` is false, as in Entra.
    public var maxDuration: Seconds

    /// Creates a rule.
    public init(allowPermanent: Bool, maxDuration: Seconds) {
        self.allowPermanent = allowPermanent
        self.maxDuration = maxDuration
    }
}

/// The PIM role settings of one role.
public struct RolePolicy: Sendable, Equatable {
    /// Activation settings.
    public var activation: ActivationSettings
    /// The rule for eligible assignments (Entra example default: permanent allowed, 365 d).
    public var eligibleAssignment: AssignmentRule
    /// The rule for active assignments (Entra example default: permanent allowed, 180 d).
    public var activeAssignment: AssignmentRule
    /// The Notifications tab: nine email rules (Entra default: all on, all emails).
    public var notifications: NotificationSettings = .defaults

    /// The defaults the contract documents (Microsoft shows them only as examples).
    public static let defaults = RolePolicy(
        activation: .defaults,
        eligibleAssignment: AssignmentRule(allowPermanent: true, maxDuration: 365 * 86_400),
        activeAssignment: AssignmentRule(allowPermanent: true, maxDuration: 180 * 86_400)
    )

    /// Creates a policy.
    public init(activation: ActivationSettings, eligibleAssignment: AssignmentRule, activeAssignment: AssignmentRule) {
        self.activation = activation
        self.eligibleAssignment = eligibleAssignment
        self.activeAssignment = activeAssignment
    }
}

/// The policies of a scenario: a default, and per-role policies already merged over it.
public struct PolicySet: Sendable, Equatable {
    /// The policy of every role without an override.
    public var fallback: RolePolicy
    /// Roles with their own settings, merged field by field over `fallback`.
    public var overrides: [RoleIndex: RolePolicy]
    /// Whether assignments that break their role's eligible/active assignment rule are refused
    /// (opt-in: the core contract does not enforce these rules).
    public var enforceAssignmentRules: Bool

    /// Creates a policy set.
    public init(fallback: RolePolicy = .defaults, overrides: [RoleIndex: RolePolicy] = [:], enforceAssignmentRules: Bool = false) {
        self.fallback = fallback
        self.overrides = overrides
        self.enforceAssignmentRules = enforceAssignmentRules
    }

    /// Why `assignment` breaks its role's assignment rule, or nil when it complies.
    public func ruleViolation(_ assignment: Assignment) -> String? {
        let policy = self[assignment.role]
        let rule = assignment.type == .eligible ? policy.eligibleAssignment : policy.activeAssignment
        guard !rule.allowPermanent else { return nil }
        let kind = assignment.type == .eligible ? "eligible" : "active"
        guard let end = assignment.end else {
            return "permanent \(kind) assignments are not allowed for this role (allowPermanent: false)"
        }
        if end - assignment.start > rule.maxDuration {
            return "\(kind) assignments of this role may last at most \(rule.maxDuration / 86_400)d \(rule.maxDuration % 86_400 / 3600)h"
        }
        return nil
    }

    /// The effective policy of `role`.
    public subscript(role: RoleIndex) -> RolePolicy {
        overrides[role] ?? fallback
    }
}
