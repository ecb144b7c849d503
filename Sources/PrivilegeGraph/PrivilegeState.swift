import SimKernel
import TenantModel
import Trace

/// The privilege-relevant state of a tenant at one moment, kept up to date from the trace:
/// who is present, group memberships, assignments and activations in effect, role settings.
///
/// Apply every record of a run in order; after the last record of an instant the state is the
/// state of that instant. Indexes by role, user and group keep escalation queries proportional
/// to what they touch, not to the tenant's size.
public struct PrivilegeState: Sendable {
    /// An activation in effect.
    public struct Activation: Sendable, Equatable {
        /// Who activated.
        public var user: UserIndex
        /// Which role (or PIM for Groups pseudo-role).
        public var role: RoleIndex
        /// The directory scope it applies at (`/` for the tenant).
        public var scope: String = "/"
    }

    /// The scenario being replayed.
    public let scenario: Scenario
    /// The time of the last record applied.
    public internal(set) var time: SimTime = 0
    /// Users who are present: joined and not disabled.
    public private(set) var present: [Bool]
    /// Static members of each group (the file's members and `membership` events).
    public private(set) var staticMembers: [Set<Int32>]
    /// Owners of groups through access package assignments, by group.
    public private(set) var packageOwners: [Int32: Set<Int32>] = [:]
    /// For each user, how many role-assignable groups have them as a static member.
    private(set) var roleAssignableMemberships: [UInt16]
    /// Assignments in effect, by id.
    public private(set) var assignments: [Int: Assignment] = [:]
    /// Activations in effect, by id.
    public private(set) var activations: [Int: Activation] = [:]
    /// PIM for Groups activations granted but not provisioned yet, by id (no edge yet).
    private(set) var unprovisioned: [Int: Activation] = [:]
    /// The role settings in effect.
    public private(set) var policies: PolicySet
    /// Accounts an attacker controls now.
    public private(set) var compromised: Set<UserIndex> = []
    /// Service principals an attacker holds a credential of now, with how many compromises.
    public private(set) var compromisedServicePrincipals: [Int: Int] = [:]
    /// Bumped by every change that can move an edge of the graph.
    public private(set) var revision = 0
    /// Keys and labels of the nodes the escalation catalogue adds (scoped roles, combinations).
    private(set) var extraNames: [NodeID: (key: String, label: String)]

    /// Assignment ids in effect per role.
    private(set) var assignmentsByRole: [RoleIndex: Set<Int>] = [:]
    /// Activation ids in effect per role.
    private(set) var activationsByRole: [RoleIndex: Set<Int>] = [:]
    /// Ids of direct assignments in effect per user.
    private(set) var assignmentsByUser: [UserIndex: Set<Int>] = [:]
    /// Activation ids in effect per user.
    private(set) var activationsByUser: [UserIndex: Set<Int>] = [:]

    /// The state at time zero, before any record.
    public init(scenario: Scenario) {
        self.scenario = scenario
        var present = Array(repeating: true, count: scenario.tenant.users.count)
        for event in scenario.events {
            if case .join(let user) = event.action { present[user.int] = false }
        }
        self.present = present
        staticMembers = scenario.tenant.groups.map { Set($0.members.map(\.rawValue)) }
        var memberships = Array(repeating: UInt16(0), count: scenario.tenant.users.count)
        for (index, group) in scenario.tenant.groups.enumerated() where group.roleAssignable {
            for member in staticMembers[index] { memberships[Int(member)] += 1 }
        }
        roleAssignableMemberships = memberships
        policies = scenario.policies
        extraNames = [:]
        extraNames = Self.extraNames(EscalationCatalogue(scenario: scenario), state: self)
    }

    /// Names for the catalogue's own nodes, from the scenario's names (stable across variants).
    private static func extraNames(_ catalogue: EscalationCatalogue, state: PrivilegeState) -> [NodeID: (key: String, label: String)] {
        var names: [NodeID: (key: String, label: String)] = [:]
        let units = state.scenario.tenant.administrativeUnits
        for (index, scopedRole) in catalogue.scopedRoles.enumerated() {
            let role = state.scenario[scopedRole.role].name
            if let unitIndex = scopedRole.unit {
                let unit = units[unitIndex]
                names[.scopedRole(index)] = ("scopedRole:\(role)@\(unit.id)", "\(role) (unit \(unit.name ?? unit.id))")
            } else if let object = scopedRole.object {
                let id = String(scopedRole.scope.dropFirst())
                names[.scopedRole(index)] = ("scopedRole:\(role)@\(id)", "\(role) (\(state.label(of: object)) only)")
            }
        }
        func name(_ node: NodeID) -> (key: String, label: String) { names[node] ?? (state.key(of: node), state.label(of: node)) }
        for (index, combination) in catalogue.combinations.enumerated() {
            let (first, second) = (name(combination.parts.0), name(combination.parts.1))
            names[.combination(index)] = ("combination:\(first.key)+\(second.key)",
                                          "\(first.label) + \(second.label)\n(\(combination.capabilities.0) + \(combination.capabilities.1))")
        }
        return names
    }

    /// Applies one trace record; returns whether the graph may have changed.
    @discardableResult
    public mutating func apply(_ record: TraceRecord) -> Bool {
        switch record {
        case .assignmentStarted(let time, let id, let assignment):
            self.time = time
            assignments[id] = assignment
            assignmentsByRole[assignment.role, default: []].insert(id)
            if case .user(let user) = assignment.principal { assignmentsByUser[user, default: []].insert(id) }
        case .assignmentEnded(let time, let id, _, _):
            self.time = time
            guard let assignment = assignments.removeValue(forKey: id) else { return false }
            assignmentsByRole[assignment.role]?.remove(id)
            if case .user(let user) = assignment.principal { assignmentsByUser[user]?.remove(id) }
        case .activationStarted(let time, let id, _, let user, let role, _, let scope):
            self.time = time
            activations[id] = Activation(user: user, role: role, scope: scope)
            activationsByRole[role, default: []].insert(id)
            activationsByUser[user, default: []].insert(id)
        case .activationEnded(let time, let id, let user, let role, _):
            self.time = time
            if unprovisioned.removeValue(forKey: id) != nil { return false }
            guard activations.removeValue(forKey: id) != nil else { return false }
            activationsByRole[role]?.remove(id)
            activationsByUser[user]?.remove(id)
        case .membershipProvisioning(let time, let id, let provisioned):
            // PIM for Groups: the activated membership counts only once provisioned.
            self.time = time
            guard let activation = activations[id] ?? unprovisioned[id] else { return false }
            if provisioned {
                unprovisioned[id] = nil
                activations[id] = activation
                activationsByRole[activation.role, default: []].insert(id)
                activationsByUser[activation.user, default: []].insert(id)
            } else {
                activations[id] = nil
                unprovisioned[id] = activation
                activationsByRole[activation.role]?.remove(id)
                activationsByUser[activation.user]?.remove(id)
            }
        case .membershipChanged(let time, let group, let user, let added):
            self.time = time
            let changed = added ? staticMembers[group.int].insert(user.rawValue).inserted : staticMembers[group.int].remove(user.rawValue) != nil
            if changed && scenario.tenant[group].roleAssignable {
                if added { roleAssignableMemberships[user.int] += 1 } else { roleAssignableMemberships[user.int] -= 1 }
            }
        case .groupOwnershipChanged(let time, let group, let user, let added):
            self.time = time
            if added { packageOwners[group.rawValue, default: []].insert(user.rawValue) } else { packageOwners[group.rawValue]?.remove(user.rawValue) }
        case .userDisabled(let time, let user):
            self.time = time
            present[user.int] = false
        case .userJoined(let time, let user):
            self.time = time
            present[user.int] = true
        case .policyChanged(let time, _, let policies):
            self.time = time
            self.policies = policies
        case .compromiseStarted(let time, let user):
            self.time = time
            compromised.insert(user)
        case .compromiseEnded(let time, let user):
            self.time = time
            compromised.remove(user)
        case .servicePrincipalCompromise(let time, let principal, let started):
            self.time = time
            let count = (compromisedServicePrincipals[principal] ?? 0) + (started ? 1 : -1)
            compromisedServicePrincipals[principal] = count > 0 ? count : nil
        case .finished(let horizon, _, _):
            time = horizon
            return false
        default:
            return false
        }
        revision += 1
        return true
    }

    /// The attacker's footholds now: compromised users and service principals, sorted.
    public var compromisedNodes: [NodeID] {
        (compromised.map(NodeID.user) + compromisedServicePrincipals.keys.map(NodeID.servicePrincipal)).sorted()
    }

    /// Whether the user's account is present (joined, not disabled).
    public func isPresent(_ user: UserIndex) -> Bool { present[user.int] }

    /// Assignments in effect for a role, sorted by id.
    public func assignments(of role: RoleIndex) -> [(id: Int, assignment: Assignment)] {
        (assignmentsByRole[role] ?? []).sorted().compactMap { id in assignments[id].map { (id, $0) } }
    }

    /// Activations in effect for a role, sorted by id.
    public func activations(of role: RoleIndex) -> [(id: Int, activation: Activation)] {
        (activationsByRole[role] ?? []).sorted().compactMap { id in activations[id].map { (id, $0) } }
    }

    /// The roles a user holds or may activate directly (by assignment or activation), in index order.
    public func directRoles(of user: UserIndex) -> [RoleIndex] {
        var roles = Set<RoleIndex>()
        for id in assignmentsByUser[user] ?? [] { if let assignment = assignments[id] { roles.insert(assignment.role) } }
        for id in activationsByUser[user] ?? [] { if let activation = activations[id] { roles.insert(activation.role) } }
        return roles.sorted()
    }
}
