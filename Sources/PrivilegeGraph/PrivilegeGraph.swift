import TenantModel

/// The privilege graph of a tenant at one moment: nodes with labels and tiers, edges with their
/// kinds and PIM gates, and each node's shortest path to Tier 0. Built from a `PrivilegeState`;
/// filtered by `GraphView` and written as DOT by `DOTWriter`.
public struct PrivilegeGraph: Sendable {
    /// How close a node is to control of the tenant, for colouring.
    public enum Tier: Int, Sendable, Comparable {
        /// Can reach Tier 0 (the tenant) by some path.
        case tier0 = 0
        /// Holds, or may activate, a privileged role (or is one) but cannot reach Tier 0.
        case privileged = 1
        /// Everything else.
        case other = 2
        /// Orders from the most exposed.
        public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A node as drawn.
    public struct Node: Sendable, Equatable {
        /// A stable name across variants: `user:alice`, `role:Global Administrator`, `tenant`.
        public var key: String
        /// What is written in the node.
        public var label: String
        /// The kind of node (`nil` for summary nodes that stand for several).
        public var kind: NodeID.Kind?
        /// The tier, for colouring.
        public var tier: Tier
        /// Escalation steps to Global Administrator (potential), when it can reach Tier 0.
        public var steps: Int?
        /// How many principals a summary node stands for (1 otherwise).
        public var count: Int = 1

        /// Creates a node.
        public init(key: String, label: String, kind: NodeID.Kind?, tier: Tier, steps: Int? = nil, count: Int = 1) {
            self.key = key
            self.label = label
            self.kind = kind
            self.tier = tier
            self.steps = steps
            self.count = count
        }
    }

    /// A drawn edge between two node keys.
    public struct Link: Sendable, Hashable, Comparable {
        /// The source node's key.
        public var from: String
        /// The target node's key.
        public var to: String
        /// What the edge means.
        public var kind: EdgeKind
        /// PIM gates on an eligibility.
        public var gates: Gates
        /// A scope narrower than the tenant.
        public var scope: String?
        /// For diffs: whether the edge was added, removed or kept.
        public var change: Change = .kept

        /// Creates a link.
        public init(from: String, to: String, kind: EdgeKind, gates: Gates = [], scope: String? = nil, change: Change = .kept) {
            self.from = from
            self.to = to
            self.kind = kind
            self.gates = gates
            self.scope = scope
            self.change = change
        }

        /// Orders by endpoints, then kind.
        public static func < (lhs: Link, rhs: Link) -> Bool {
            (lhs.from, lhs.to, lhs.kind.rawValue, lhs.scope ?? "") < (rhs.from, rhs.to, rhs.kind.rawValue, rhs.scope ?? "")
        }
    }

    /// How an edge differs between a baseline and a variant.
    public enum Change: String, Sendable, Hashable {
        /// In both.
        case kept
        /// Only in the variant.
        case added
        /// Only in the baseline.
        case removed
    }

    /// Nodes by key.
    public var nodes: [String: Node]
    /// Edges, sorted.
    public var links: [Link]
    /// The moment drawn (seconds since the scenario's start).
    public var time: Int64
    /// Lines saying what was summarised or left out, for the graph's caption.
    public var notes: [String] = []
    /// A caption's first line (scenario, variant, time).
    public var title: String = ""

    /// Creates a graph.
    public init(nodes: [String: Node], links: [Link], time: Int64) {
        self.nodes = nodes
        self.links = links.sorted()
        self.time = time
    }

    /// Node keys, sorted by kind then key.
    public var sortedKeys: [String] {
        nodes.keys.sorted { lhs, rhs in
            let left = nodes[lhs]?.kind?.rawValue ?? 99, right = nodes[rhs]?.kind?.rawValue ?? 99
            return left != right ? left < right : lhs < rhs
        }
    }

    /// The principals (users and service principals) that can reach Tier 0, by key.
    public var tier0Principals: [String] {
        sortedKeys.filter { key in
            guard let node = nodes[key] else { return false }
            return node.tier == .tier0 && (node.kind == .user || node.kind == .servicePrincipal)
        }
    }
}

extension PrivilegeState {
    /// A node's stable key (`user:alice`).
    public func key(of node: NodeID) -> String {
        let tenant = scenario.tenant
        switch node.kind {
        case .tenant: return "tenant"
        case .role: return "role:" + scenario.roles[Int(node.index)].name
        case .group: return "group:" + tenant.groups[Int(node.index)].id
        case .user: return "user:" + tenant.users[Int(node.index)].id
        case .application: return "app:" + tenant.applications[Int(node.index)].id
        case .servicePrincipal: return "sp:" + tenant.servicePrincipals[Int(node.index)].id
        case .accessPackage: return "package:" + scenario.accessPackages[Int(node.index)].id
        case .scopedRole, .combination: return extraNames[node]?.key ?? node.description
        }
    }

    /// A node's display name.
    public func label(of node: NodeID) -> String {
        let tenant = scenario.tenant
        switch node.kind {
        case .tenant: return "Tenant (Tier 0)"
        case .role: return scenario.roles[Int(node.index)].name
        case .group: return tenant.groups[Int(node.index)].name ?? tenant.groups[Int(node.index)].id
        case .user: return tenant.users[Int(node.index)].displayName
        case .application: return tenant.applications[Int(node.index)].displayName
        case .servicePrincipal: return tenant.servicePrincipals[Int(node.index)].displayName
        case .accessPackage: return "Access package: " + scenario.accessPackages[Int(node.index)].displayName
        case .scopedRole, .combination: return extraNames[node]?.label ?? node.description
        }
    }

    /// The node a key names, if any (`user:alice`, or a bare id of a user, group, app or service principal).
    public func node(named key: String) -> NodeID? {
        let tenant = scenario.tenant
        if key == "tenant" { return .tenant }
        if let index = tenant.users.firstIndex(where: { "user:" + $0.id == key || $0.id == key }) { return .user(UserIndex(index)) }
        if let index = tenant.groups.firstIndex(where: { "group:" + $0.id == key || $0.id == key }) { return .group(GroupIndex(index)) }
        if let index = tenant.applications.firstIndex(where: { "app:" + $0.id == key || $0.id == key }) { return .application(index) }
        if let index = tenant.servicePrincipals.firstIndex(where: { "sp:" + $0.id == key || $0.id == key }) { return .servicePrincipal(index) }
        if let index = scenario.accessPackages.firstIndex(where: { "package:" + $0.id == key }) { return .accessPackage(index) }
        if let extra = extraNames.first(where: { $0.value.key == key }) { return extra.key }
        let roleName = key.hasPrefix("role:") ? String(key.dropFirst(5)) : key
        if let role = scenario.roleIndex(roleName), scenario[role].groupAccess == nil { return .role(role) }
        return nil
    }
}
