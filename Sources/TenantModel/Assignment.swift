/// Whether an assignment holds the role now or lets the principal activate it.
public enum AssignmentType: String, Sendable, Equatable, CaseIterable {
    /// Standing: the principal holds the role while the assignment is in effect.
    case active
    /// Eligible: the principal may activate the role through PIM.
    case eligible
}

/// A role assignment, in force or scheduled, over `[start, end)`.
public struct Assignment: Sendable, Equatable {
    /// The user or role-assignable group it is made to.
    public var principal: Principal
    /// The role.
    public var role: RoleIndex
    /// Active (standing) or eligible.
    public var type: AssignmentType
    /// The directory scope: `/` for the tenant, or an administrative unit's path.
    public var scope: String
    /// When it takes effect; may be negative (in effect before the scenario starts).
    public var start: Seconds
    /// When it ends; nil means permanent.
    public var end: Seconds?
    /// Made outside PIM (for the "assigned outside PIM" alert).
    public var outsidePIM: Bool
    /// The access package assignment that made it (an engine id), nil for every other assignment.
    public var accessPackageAssignment: Int?
    /// Where it was written, such as `assignments[3]` or `events[2].assign`.
    public var origin: String

    /// Creates an assignment.
    public init(
        principal: Principal, role: RoleIndex, type: AssignmentType, scope: String = "/",
        start: Seconds = 0, end: Seconds? = nil, outsidePIM: Bool = false, origin: String = ""
    ) {
        self.principal = principal
        self.role = role
        self.type = type
        self.scope = scope
        self.start = start
        self.end = end
        self.outsidePIM = outsidePIM
        self.origin = origin
    }

    /// Whether the assignment has no end.
    public var isPermanent: Bool { end == nil }
}

/// An explicit activation request in the workload.
public struct ActivationRequest: Sendable, Equatable {
    /// When the user asks.
    public var at: Seconds
    /// Who asks.
    public var user: UserIndex
    /// For which role.
    public var role: RoleIndex
    /// For how long (cut to the policy's maximum).
    public var duration: Seconds
    /// A scheduled activation's start, later than `at`; nil means as soon as granted.
    public var start: Seconds?
    /// The directory scope to activate at; nil means the widest the user is eligible at.
    public var scope: String?
    /// The item's position in `workload`: same-instant items run in this order.
    public var order = 0
    /// Where it was written, such as `workload[4]`.
    public var origin: String

    /// Creates a request.
    public init(at: Seconds, user: UserIndex, role: RoleIndex, duration: Seconds, start: Seconds? = nil, origin: String = "") {
        self.at = at
        self.start = start
        self.user = user
        self.role = role
        self.duration = duration
        self.origin = origin
    }
}

/// Which assignments a `remove` event ends.
public struct RemovalFilter: Sendable, Equatable {
    /// The principal whose assignments end.
    public var principal: Principal
    /// The role.
    public var role: RoleIndex
    /// Only this type, when given.
    public var type: AssignmentType?
    /// Only this scope, when given.
    public var scope: String?

    /// Creates a filter.
    public init(principal: Principal, role: RoleIndex, type: AssignmentType? = nil, scope: String? = nil) {
        self.principal = principal
        self.role = role
        self.type = type
        self.scope = scope
    }

    /// Whether `assignment` matches.
    public func matches(_ assignment: Assignment) -> Bool {
        assignment.principal == principal && assignment.role == role
            && (type.map { $0 == assignment.type } ?? true)
            && (scope.map { $0 == assignment.scope } ?? true)
    }
}

/// A user's request to end an activation early.
public struct DeactivationRequest: Sendable, Equatable {
    /// The item's position in `workload`: same-instant items run in this order.
    public var order = 0
    /// When the user asks.
    public var at: Seconds
    /// Who asks.
    public var user: UserIndex
    /// For which role.
    public var role: RoleIndex
    /// Where it was written, such as `workload[4]`.
    public var origin: String

    /// Creates a deactivation request.
    public init(at: Seconds, user: UserIndex, role: RoleIndex, origin: String = "") {
        self.at = at
        self.user = user
        self.role = role
        self.origin = origin
    }
}

/// A user's request to extend an assignment ending soon, or to renew one that expired.
public struct ExtensionRequest: Sendable, Equatable {
    /// The item's position in `workload`: same-instant items run in this order.
    public var order = 0
    /// When the user asks.
    public var at: Seconds
    /// Who asks (extension and renewal are for direct assignments only).
    public var user: UserIndex
    /// The role.
    public var role: RoleIndex
    /// Only assignments of this type, when given.
    public var type: AssignmentType?
    /// How much longer (extension), or how long the renewed assignment lasts.
    public var duration: Seconds
    /// Where it was written, such as `workload[4]`.
    public var origin: String

    /// Creates an extension request.
    public init(at: Seconds, user: UserIndex, role: RoleIndex, type: AssignmentType? = nil, duration: Seconds, origin: String = "") {
        self.at = at
        self.user = user
        self.role = role
        self.type = type
        self.duration = duration
        self.origin = origin
    }
}

/// What an attacker holds of a compromised account.
public enum AttackerCredential: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The password: enough to sign in where no second factor is asked.
    case password
    /// The second factor too (a phished MFA, a SIM swap...).
    case mfa
    /// A stolen session token carrying an MFA claim from a phishable sign-in (adversary in the
    /// middle): satisfies MFA without the factor, never a passwordless or phishing-resistant strength.
    case token
    /// The user's passwordless phone sign-in (the Authenticator app on a stolen or cloned phone).
    case passwordless
    /// A phishing-resistant credential (a stolen FIDO2 key with its PIN, a compromised device with
    /// Windows Hello for Business): satisfies every strength.
    case phishingResistant
}

/// Something that happens at a given time.
public enum EventAction: Sendable, Equatable {
    /// The user's account is disabled: all it holds ends, its pending requests are cancelled.
    case leave(UserIndex)
    /// The user departs; the account is disabled `disableAfter` later (leaver exposure meanwhile).
    case depart(UserIndex, disableAfter: Seconds)
    /// The user appears (absent, as if disabled, until then).
    case join(UserIndex)
    /// The user changes department: group memberships and manager change at once.
    case move(UserIndex, add: [GroupIndex], remove: [GroupIndex], manager: UserIndex?)
    /// An attacker acts as the user for `duration`, with the credentials it has.
    case compromise(UserIndex, duration: Seconds, has: Set<AttackerCredential>)
    /// An attacker holds a service principal's secret or certificate for `duration` (an index
    /// into `Tenant.servicePrincipals`): it acts with the principal's roles and permissions.
    case compromiseServicePrincipal(Int, duration: Seconds)
    /// Users join and leave a group.
    case membership(group: GroupIndex, add: [UserIndex], remove: [UserIndex])
    /// A new assignment is made.
    case assign(Assignment)
    /// Matching assignments end.
    case remove(RemovalFilter)
    /// The role settings change: `policies` is the whole set in effect from then on; `role` is
    /// the role changed, nil when the change applies to every role.
    case policy(role: RoleIndex?, policies: PolicySet)
    /// An administrator (`by`, nil: the scenario itself) cancels the user's pending activation request.
    case cancelRequest(user: UserIndex, role: RoleIndex, by: UserIndex?)
    /// An administrator removes the user's live activation now; the eligibility stays.
    case revokeActivation(user: UserIndex, role: RoleIndex, by: UserIndex?)
    /// An administrator extends the matching assignments in force, without approval.
    case adminExtend(RemovalFilter, AdminExtension, by: UserIndex?)
    /// An administrator (`by`, nil: the scenario itself) assigns the user an access package
    /// directly, through one of its policies (indices into `Scenario.accessPackages` and its policies).
    case assignPackage(user: UserIndex, package: Int, policy: Int, by: UserIndex?)
    /// An administrator removes the user's assignment of an access package.
    case removePackage(user: UserIndex, package: Int, by: UserIndex?)
}

/// An event of the scenario with its time.
public struct ScenarioEvent: Sendable, Equatable {
    /// When it happens.
    public var at: Seconds
    /// What happens.
    public var action: EventAction
    /// Where it was written, such as `events[2]`.
    public var origin: String

    /// Creates an event.
    public init(at: Seconds, action: EventAction, origin: String = "") {
        self.at = at
        self.action = action
        self.origin = origin
    }
}
