import PrivilegeGraph
import Reports
import TenantModel

/// The privilege graph at one moment as BloodHound CE OpenGraph JSON: every user, group,
/// application and service principal, the tenant and the roles of the graph as nodes; every edge
/// of the privilege graph with pimsim's kinds (`PIMSim_` namespace), PIM's assignment edges
/// carrying their start, end and policy gates. Ids are AzureHound's, upper case.
public struct OpenGraphExport {
    /// The `source_kind` of the file, and the prefix of every kind.
    public static let sourceKind = "PIMSim"

    /// The state exported.
    public let snapshot: ExportSnapshot
    /// The objects' Graph ids.
    public let ids: ExportIdentities
    /// PIM for Groups pseudo-roles by group and access.
    let pseudoRoles: [RoleDefinition.GroupAccess: RoleIndex]
    /// The earliest start and latest end (nil: permanent) of what each assignment edge stands for.
    let windows: [WindowKey: Window]

    /// Prepares the export of `snapshot` with `ids`.
    public init(snapshot: ExportSnapshot, ids: ExportIdentities) {
        self.snapshot = snapshot
        self.ids = ids
        var pseudoRoles: [RoleDefinition.GroupAccess: RoleIndex] = [:]
        for (index, role) in snapshot.scenario.roles.enumerated() {
            if let access = role.groupAccess { pseudoRoles[access] = RoleIndex(index) }
        }
        self.pseudoRoles = pseudoRoles
        windows = Self.windows(of: snapshot)
    }

    /// The edge kind written for each kind of privilege-graph edge.
    public static func kind(of edge: EdgeKind) -> String {
        let name: String
        switch edge {
        case .memberOf: name = "MemberOf"
        case .eligibleMember: name = "EligibleMemberOf"
        case .activatedMember: name = "ActivatedMemberOf"
        case .owns: name = "Owns"
        case .eligibleOwner: name = "EligibleOwnerOf"
        case .activatedOwner: name = "ActivatedOwnerOf"
        case .standing: name = "ActiveFor"
        case .eligible: name = "EligibleFor"
        case .activated: name = "ActivatedFor"
        case .approverOf: name = "ApproverFor"
        case .runsAs: name = "RunsAs"
        case .controls: name = "Controls"
        case .grantRole: name = "GrantRole"
        case .grantAppRoles: name = "GrantAppRoles"
        case .resetPassword: name = "ResetPassword"
        case .resetAuthentication: name = "ResetAuthentication"
        case .addMembers: name = "AddMembers"
        case .addSecret: name = "AddSecret"
        case .addOwner: name = "AddOwner"
        case .writeAttributes: name = "WriteAttributes"
        case .signInWithCertificate: name = "SignInWithCertificate"
        case .combines: name = "Combines"
        case .packageMember: name = "PackageGrantsMember"
        case .packageOwner: name = "PackageGrantsOwner"
        case .packageActive: name = "PackageGrantsActive"
        case .packageEligible: name = "PackageGrantsEligible"
        case .packageAppRole: name = "PackageGrantsAppRole"
        case .requestsPackage: name = "CanRequestPackage"
        case .mayRequestPackage: name = "MayRequestPackage"
        case .approvesPackage: name = "ApprovesPackage"
        }
        return sourceKind + "_" + name
    }

    /// The node id BloodHound gives a node: object ids upper case, an application's appId, a
    /// role's `TEMPLATEID@TENANTID`, the tenant's id.
    public func nodeId(_ node: NodeID) -> String {
        let index = Int(node.index)
        switch node.kind {
        case .tenant: return ids.tenantId.uppercased()
        case .user: return ids.users[index].uppercased()
        case .group: return ids.groups[index].uppercased()
        case .application: return ids.applicationAppIds[index].uppercased()
        case .servicePrincipal: return ids.servicePrincipals[index].uppercased()
        case .role: return ((ids.roles[index] ?? "") + "@" + ids.tenantId).uppercased()
        case .scopedRole, .combination, .accessPackage:
            // No Graph object: the stable key, without colons, within the tenant.
            return (snapshot.state.key(of: node).replacingOccurrences(of: ":", with: "-") + "@" + ids.tenantId).uppercased()
        }
    }

    /// The whole file: `metadata` and `graph` with nodes sorted by id and edges by start, end, kind.
    public func document() -> JSONValue {
        let state = snapshot.state
        let catalogue = EscalationCatalogue(scenario: state.scenario)
        let graph = PrivilegeGraph.build(state: state, catalogue: catalogue)
        var byKey: [String: NodeID] = [:]
        var all: [NodeID] = [.tenant]
        let tenant = state.scenario.tenant
        all += tenant.users.indices.map { .user(UserIndex($0)) }
        all += tenant.groups.indices.map { .group(GroupIndex($0)) }
        all += tenant.applications.indices.map { .application($0) }
        all += tenant.servicePrincipals.indices.map { .servicePrincipal($0) }
        all += state.scenario.roles.indices.filter { ids.roles[$0] != nil }.map { .role(RoleIndex($0)) }
        all += catalogue.scopedRoles.indices.map(NodeID.scopedRole) + catalogue.combinations.indices.map(NodeID.combination)
        for node in all { byKey[state.key(of: node)] = node }

        var nodes: [String: JSONValue] = [:]
        for node in all where (node.kind != .role && node.kind != .scopedRole && node.kind != .combination) || graph.nodes[state.key(of: node)] != nil {
            nodes[nodeId(node)] = self.node(node, drawn: graph.nodes[state.key(of: node)])
        }
        var edges: [(String, String, String, String, JSONValue)] = []
        for link in graph.links {
            guard let from = byKey[link.from], let to = byKey[link.to] else { continue }
            let start = nodeId(from), end = nodeId(to), kind = Self.kind(of: link.kind)
            for endpoint in [from, to] where nodes[nodeId(endpoint)] == nil {
                nodes[nodeId(endpoint)] = node(endpoint, drawn: graph.nodes[state.key(of: endpoint)])
            }
            let value: JSONValue = .object([
                "start": .object(["match_by": .string("id"), "value": .string(start)]),
                "end": .object(["match_by": .string("id"), "value": .string(end)]),
                "kind": .string(kind),
                "properties": .object(properties(of: link, from: from, to: to)),
            ])
            edges.append((start, end, kind, value.renderedCompact(), value))
        }
        edges.sort { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }
        return .object([
            "metadata": .object(["source_kind": .string(Self.sourceKind)]),
            "graph": .object([
                "nodes": .array(nodes.keys.sorted().compactMap { nodes[$0] }),
                "edges": .array(edges.map(\.4)),
            ]),
        ])
    }

    /// One node with its kind and properties; `drawn` is its node in the privilege graph, if any.
    func node(_ node: NodeID, drawn: PrivilegeGraph.Node?) -> JSONValue {
        var properties = nodeProperties(node)
        let tier: String
        switch drawn?.tier {
        case .tier0?: tier = "tier0"
        case .privileged?: tier = "privileged"
        default: tier = "other"
        }
        properties["tier"] = .string(tier)
        properties["reachestier0"] = .bool(drawn?.tier == .tier0)
        if let steps = drawn?.steps, steps >= 0, node.kind != .tenant { properties["stepstotier0"] = .integer(Int64(steps)) }
        let kind: String
        switch node.kind {
        case .tenant: kind = "Tenant"
        case .user: kind = "User"
        case .group: kind = "Group"
        case .role: kind = "Role"
        case .application: kind = "Application"
        case .servicePrincipal: kind = "ServicePrincipal"
        case .scopedRole: kind = "ScopedRole"
        case .combination: kind = "Combination"
        case .accessPackage: kind = "AccessPackage"
        }
        return .object([
            "id": .string(nodeId(node)),
            "kinds": .array([.string(Self.sourceKind + "_" + kind)]),
            "properties": .object(properties),
        ])
    }
}
