/// A validated scenario: the tenant, its PIM policies, the work and the things that happen.
///
/// Built only by `ScenarioFormat` (or by tests); every index in it resolves.
public struct Scenario: Sendable {
    /// The scenario's name; outputs go to `Output/<name>/`.
    public var name: String
    /// Free text.
    public var description: String?
    /// The simulated clock's origin, as seconds since 1970-01-01T00:00:00Z.
    public var startEpoch: Int64
    /// The simulated span `[0, horizon)` in seconds.
    public var horizon: Seconds
    /// The root of all randomness.
    public var seed: UInt64
    /// Users and groups.
    public var tenant: Tenant
    /// Every role a reference can name: the built-in catalogue, then custom roles in file order.
    public var roles: [RoleDefinition]
    /// The roles the scenario mentions (assignments, requests, events, policies, custom roles),
    /// sorted by display name: these are reported in `metrics.json`.
    public var referencedRoles: [RoleIndex]
    /// PIM role settings.
    public var policies: PolicySet
    /// Assignments of the `assignments` section, in file order.
    public var assignments: [Assignment]
    /// Explicit activation requests, in file order.
    public var requests: [ActivationRequest]
    /// Task generators, in file order.
    public var taskGenerators: [TaskGenerator]
    /// Explicit early deactivations, in file order.
    public var deactivations: [DeactivationRequest] = []
    /// Requests to extend or renew assignments, in file order.
    public var extensions: [ExtensionRequest] = []
    /// Alert thresholds.
    public var alerts = AlertSettings()
    /// Conditional Access: authentication contexts' strengths, MFA at sign-in, sign-in frequency.
    public var conditionalAccess = ConditionalAccess()
    /// Access reviews.
    public var reviews: [AccessReview] = []
    /// Entitlement-management access packages, in file order.
    public var accessPackages: [AccessPackage] = []
    /// Explicit access package requests of the workload, in file order.
    public var packageRequests: [PackageRequest] = []
    /// Access package request generators of the workload, in file order.
    public var packageGenerators: [PackageRequestGenerator] = []
    /// Events, in file order.
    public var events: [ScenarioEvent]
    /// How people act.
    public var behaviour: Behaviour
    /// Named what-if variants (applied by `ScenarioFormat`).
    public var variants: [VariantInfo]
    /// Checks on the metrics.
    public var assertions: [MetricAssertion]
    /// Replications `pimsim check` runs of each arm its assertions name (1: the scenario's seed only).
    public var replications = 1
    /// A training exercise's questions, when the scenario is one.
    public var exercise: Exercise?

    /// Creates a scenario.
    public init(
        name: String, description: String? = nil, startEpoch: Int64 = 0, horizon: Seconds, seed: UInt64 = 1,
        tenant: Tenant, roles: [RoleDefinition], referencedRoles: [RoleIndex], policies: PolicySet = PolicySet(),
        assignments: [Assignment] = [], requests: [ActivationRequest] = [], taskGenerators: [TaskGenerator] = [],
        events: [ScenarioEvent] = [],
        behaviour: Behaviour = Behaviour(), variants: [VariantInfo] = [], assertions: [MetricAssertion] = []
    ) {
        self.name = name
        self.description = description
        self.startEpoch = startEpoch
        self.horizon = horizon
        self.seed = seed
        self.tenant = tenant
        self.roles = roles
        self.referencedRoles = referencedRoles
        self.policies = policies
        self.assignments = assignments
        self.requests = requests
        self.taskGenerators = taskGenerators
        self.events = events
        self.behaviour = behaviour
        self.variants = variants
        self.assertions = assertions
    }

    /// The role at `index`.
    public subscript(role: RoleIndex) -> RoleDefinition { roles[role.int] }

    /// The index of the role named by display name, template id or custom name.
    public func roleIndex(_ reference: String) -> RoleIndex? {
        let lowered = reference.lowercased()
        return roles.firstIndex { $0.name == reference || $0.templateId == lowered }.map(RoleIndex.init)
    }

    /// Global Administrator's index, when the catalogue has it.
    public var globalAdministrator: RoleIndex? { roleIndex(RoleCatalogue.globalAdministratorId) }

    /// Privileged Role Administrator's index, when the catalogue has it.
    public var privilegedRoleAdministrator: RoleIndex? { roleIndex(RoleCatalogue.privilegedRoleAdministratorId) }
}

/// A named what-if variant, as listed in the scenario.
public struct VariantInfo: Sendable, Equatable {
    /// The variant's name.
    public var name: String
    /// What it changes, in words.
    public var description: String?

    /// Creates variant information.
    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }
}
