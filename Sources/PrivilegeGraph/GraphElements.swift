import TenantModel

/// A node of the privilege graph: a principal, an object, a role or the tenant itself.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// What a node stands for; the order is the order nodes are listed in.
    public enum Kind: UInt8, Sendable, Comparable, CaseIterable {
        /// The tenant: Tier 0, the target of every escalation path.
        case tenant
        /// A directory role.
        case role
        /// A group.
        case group
        /// A role scoped to an administrative unit: its capabilities reach the unit's members only.
        case scopedRole
        /// Two capabilities held by different principals that together open a path (certificate
        /// authentication: a trusted authority and the method enabled; a dynamic unit: an attribute
        /// writer and the unit's administrator).
        case combination
        /// An entitlement-management access package: whoever is assigned it gets its resources.
        case accessPackage
        /// An application registration.
        case application
        /// A service principal.
        case servicePrincipal
        /// A user.
        case user

        /// Orders by declaration.
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The kind of node.
    public let kind: Kind
    /// The index in the scenario's list of that kind (0 for the tenant).
    public let index: Int32

    /// Creates a node id.
    public init(_ kind: Kind, _ index: Int32) {
        self.kind = kind
        self.index = index
    }

    /// The tenant node.
    public static let tenant = NodeID(.tenant, 0)
    /// A user's node.
    public static func user(_ user: UserIndex) -> NodeID { NodeID(.user, user.rawValue) }
    /// A group's node.
    public static func group(_ group: GroupIndex) -> NodeID { NodeID(.group, group.rawValue) }
    /// A role's node.
    public static func role(_ role: RoleIndex) -> NodeID { NodeID(.role, role.rawValue) }
    /// An application's node.
    public static func application(_ index: Int) -> NodeID { NodeID(.application, Int32(index)) }
    /// A service principal's node.
    public static func servicePrincipal(_ index: Int) -> NodeID { NodeID(.servicePrincipal, Int32(index)) }
    /// The node of an administrative-scoped role (an index into `EscalationCatalogue.scopedRoles`).
    public static func scopedRole(_ index: Int) -> NodeID { NodeID(.scopedRole, Int32(index)) }
    /// A combination's node (an index into `EscalationCatalogue.combinations`).
    public static func combination(_ index: Int) -> NodeID { NodeID(.combination, Int32(index)) }
    /// An access package's node (an index into `Scenario.accessPackages`).
    public static func accessPackage(_ index: Int) -> NodeID { NodeID(.accessPackage, Int32(index)) }

    /// Whether the node is a principal that can act (a user or a service principal).
    public var isPrincipal: Bool { kind == .user || kind == .servicePrincipal }

    /// Orders by kind, then index.
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.index < rhs.index
    }

    /// `user#3`, for debugging.
    public var description: String { "\(kind)#\(index)" }
}

/// What an edge means.
public enum EdgeKind: String, Sendable, CaseIterable, Comparable {
    /// A standing (static, or active PIM for Groups) group membership.
    case memberOf
    /// An eligible PIM for Groups membership.
    case eligibleMember
    /// An activated PIM for Groups membership.
    case activatedMember
    /// Ownership of a group, an application or a service principal (standing).
    case owns
    /// An eligible PIM for Groups ownership.
    case eligibleOwner
    /// An activated PIM for Groups ownership.
    case activatedOwner
    /// A standing (active) role assignment.
    case standing
    /// An eligible role assignment.
    case eligible
    /// A role held through an activation in effect.
    case activated
    /// An approver of a role's (or group's) activations: shown, never traversed.
    case approverOf
    /// An application registration's service principal.
    case runsAs
    /// Global Administrator controls the tenant.
    case controls
    /// May assign any role (Privileged Role Administrator, RoleManagement.ReadWrite.Directory).
    case grantRole
    /// May grant application permissions, its own included (AppRoleAssignment.ReadWrite.All).
    case grantAppRoles
    /// May reset the target's password.
    case resetPassword
    /// May reset the target's authentication methods (and password): defeats an MFA gate.
    case resetAuthentication
    /// May add members to the group.
    case addMembers
    /// May add credentials to the application or service principal.
    case addSecret
    /// May make itself owner of the application or service principal.
    case addOwner
    /// May write user attributes that a dynamic group's rule reads, and so join the group.
    case writeAttributes
    /// May sign in as the user with a certificate from an authority it made trusted.
    case signInWithCertificate
    /// One of the two capabilities of a combination: drawn, never traversed alone.
    case combines
    /// An access package grants membership of the group to whoever is assigned it.
    case packageMember
    /// An access package grants ownership of the group.
    case packageOwner
    /// An access package grants the role as an active assignment.
    case packageActive
    /// An access package grants the role as an eligible assignment (activated through PIM).
    case packageEligible
    /// An access package grants an application role: drawn, never traversed (no directory privilege).
    case packageAppRole
    /// May request the access package and get it without anyone's approval.
    case requestsPackage
    /// May request the access package, with approval: drawn, never traversed alone.
    case mayRequestPackage
    /// Approves every stage of the package's requests alone: with an accomplice's (or a taken-over
    /// account's) request, gets what the package grants.
    case approvesPackage

    /// Orders by declaration.
    public static func < (lhs: EdgeKind, rhs: EdgeKind) -> Bool {
        Self.order[lhs, default: 0] < Self.order[rhs, default: 0]
    }

    private static let order: [EdgeKind: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// Whether an escalation path may use the edge (approvers cannot approve themselves).
    public var isTraversable: Bool { self != .approverOf && self != .combines && self != .packageAppRole && self != .mayRequestPackage }

    /// Whether the edge stands for an eligibility that must be activated first (a package that
    /// can be requested or approved is such a step too: nothing is held until it is assigned).
    public var isEligibility: Bool {
        self == .eligible || self == .eligibleMember || self == .eligibleOwner || self == .packageEligible
            || self == .requestsPackage || self == .approvesPackage
    }

    /// Whether the edge stands for an activation in effect.
    public var isActivation: Bool { self == .activated || self == .activatedMember || self == .activatedOwner }

    /// Whether the edge is derived from the escalation catalogue rather than collected.
    public var isDerived: Bool {
        switch self {
        case .controls, .grantRole, .grantAppRoles, .resetPassword, .resetAuthentication, .addMembers, .addSecret, .addOwner,
             .writeAttributes, .signInWithCertificate:
            return true
        default:
            return false
        }
    }
}

/// The PIM settings an eligibility edge must pass before it gives access.
public struct Gates: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates gates from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// An MFA prompt at activation.
    public static let mfa = Gates(rawValue: 1)
    /// A Conditional Access authentication context at activation.
    public static let authenticationContext = Gates(rawValue: 2)
    /// Approval by an approver.
    public static let approval = Gates(rawValue: 4)
    /// A justification.
    public static let justification = Gates(rawValue: 8)
    /// A ticket number.
    public static let ticket = Gates(rawValue: 16)

    /// Short names, in a fixed order (`MFA`, `approval`...).
    public var names: [String] {
        var result: [String] = []
        if contains(.mfa) { result.append("MFA") }
        if contains(.authenticationContext) { result.append("auth context") }
        if contains(.approval) { result.append("approval") }
        if contains(.justification) { result.append("justification") }
        if contains(.ticket) { result.append("ticket") }
        return result
    }
}

/// One edge of the privilege graph.
public struct Edge: Hashable, Sendable, Comparable {
    /// Where it starts.
    public var from: NodeID
    /// Where it ends.
    public var to: NodeID
    /// What it means.
    public var kind: EdgeKind
    /// The PIM gates on an eligibility edge.
    public var gates: Gates
    /// The directory scope of a role assignment, when narrower than the tenant.
    public var scope: String?

    /// Creates an edge.
    public init(from: NodeID, to: NodeID, kind: EdgeKind, gates: Gates = [], scope: String? = nil) {
        self.from = from
        self.to = to
        self.kind = kind
        self.gates = gates
        self.scope = scope
    }

    /// Orders by source, target, kind, then scope.
    public static func < (lhs: Edge, rhs: Edge) -> Bool {
        if lhs.from != rhs.from { return lhs.from < rhs.from }
        if lhs.to != rhs.to { return lhs.to < rhs.to }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        return (lhs.scope ?? "") < (rhs.scope ?? "")
    }
}
