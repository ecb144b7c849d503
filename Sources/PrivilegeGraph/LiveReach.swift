import TenantModel

/// What the activations in effect add to the standing reach, kept between structural changes
/// so that an instant costs what its activations touch, not what the tenant holds.
///
/// It answers exactly `Reachability.liveAdditions(beyond:state:catalogue:)` for the standing
/// reach it was last given, but on dense node slots instead of hashed sets, and with the live
/// edges into each node cached. A cached entry is dropped whenever something that its edges read
/// changes: an activation of the node's user, or into the node's role or group
/// (`invalidate(activation:)`), a role setting (`invalidateAll()`), or a new standing reach.
struct LiveReach {
    /// The first slot of each node kind, by the kind's raw value, and the slot count at the end.
    private let offsets: [Int]
    /// Whether a slot is in the standing reach.
    private var standing: [Bool]
    /// The slots set in `standing`, so that a new standing reach costs what the old one held.
    private var standingSlots: [Int] = []
    /// `generation` marks a slot the current search added.
    private var mark: [UInt32]
    private var generation: UInt32 = 0
    /// Sources of the live edges into a slot, once read.
    private var sources: [[Int32]?]
    /// Slots listed in `filled` (each once), so that clearing costs what was filled.
    private var listed: [Bool]
    private var filled: [Int32] = []
    /// Scratch lists reused by every search.
    private var queue: [Int32] = []

    /// Empty, for the scenario's directory.
    init(scenario: Scenario) {
        let tenant = scenario.tenant
        var counts = [Int](repeating: 0, count: NodeID.Kind.allCases.count)
        counts[Int(NodeID.Kind.tenant.rawValue)] = 1
        counts[Int(NodeID.Kind.role.rawValue)] = scenario.roles.count
        counts[Int(NodeID.Kind.group.rawValue)] = tenant.groups.count
        counts[Int(NodeID.Kind.application.rawValue)] = tenant.applications.count
        counts[Int(NodeID.Kind.servicePrincipal.rawValue)] = tenant.servicePrincipals.count
        counts[Int(NodeID.Kind.user.rawValue)] = tenant.users.count
        var offsets: [Int] = [0]
        for count in counts { offsets.append((offsets.last ?? 0) + count) }
        self.offsets = offsets
        let total = offsets.last ?? 0
        standing = Array(repeating: false, count: total)
        mark = Array(repeating: 0, count: total)
        sources = Array(repeating: nil, count: total)
        listed = Array(repeating: false, count: total)
    }

    /// The dense slot of a node.
    private func slot(_ node: NodeID) -> Int { offsets[Int(node.kind.rawValue)] + Int(node.index) }

    /// The node of a dense slot.
    private func node(_ slot: Int) -> NodeID {
        var kind = NodeID.Kind.allCases.count - 1
        while offsets[kind] > slot { kind -= 1 }
        return NodeID(NodeID.Kind.allCases[kind], Int32(slot - offsets[kind]))
    }

    /// Takes a new standing reach (after a structural change); every cached edge is dropped.
    mutating func setStanding(_ nodes: [NodeID]) {
        for slot in standingSlots { standing[slot] = false }
        standingSlots = nodes.map(slot)
        for slot in standingSlots { standing[slot] = true }
        invalidateAll()
    }

    /// Drops every cached edge (the role settings changed).
    mutating func invalidateAll() {
        for slot in filled {
            sources[Int(slot)] = nil
            listed[Int(slot)] = false
        }
        filled.removeAll(keepingCapacity: true)
    }

    /// Drops the cached edges an activation of `role` by `user` starting or ending changes: those
    /// into the user (their roles decide who may reset them) and into what the role gives.
    mutating func invalidate(user: UserIndex, role: RoleIndex, scenario: Scenario) {
        sources[slot(.user(user))] = nil
        sources[slot(.role(role))] = nil
        if let access = scenario[role].groupAccess { sources[slot(.group(access.group))] = nil }
    }

    /// The principals (users, service principals) that the activations in effect give a live
    /// path beyond the standing reach, sorted.
    mutating func additions(state: PrivilegeState, catalogue: EscalationCatalogue) -> [NodeID] {
        generation &+= 1
        if generation == 0 {
            for index in mark.indices { mark[index] = 0 }
            generation = 1
        }
        queue.removeAll(keepingCapacity: true)
        // Seeds: activated users whose activation leads into what is already known. The order
        // does not matter: a target added later is reached through its activation edge.
        for activation in state.activations.values {
            let user = slot(.user(activation.user))
            guard state.isPresent(activation.user), activation.scope == "/", !known(user) else { continue }
            let target: NodeID
            if let access = state.scenario[activation.role].groupAccess { target = .group(access.group) } else { target = .role(activation.role) }
            guard known(slot(target)) else { continue }
            mark[user] = generation
            queue.append(Int32(user))
        }
        var head = 0
        while head < queue.count {
            let here = Int(queue[head])
            head += 1
            for from in liveSources(into: here, state: state, catalogue: catalogue) where !known(Int(from)) {
                mark[Int(from)] = generation
                queue.append(from)
            }
        }
        let firstPrincipal = offsets[Int(NodeID.Kind.servicePrincipal.rawValue)]
        var result: [NodeID] = []
        for added in queue where Int(added) >= firstPrincipal { result.append(node(Int(added))) }
        result.sort()
        return result
    }

    private func known(_ slot: Int) -> Bool { standing[slot] || mark[slot] == generation }

    /// The sources of the edges into a slot that give access now, read once per change.
    private mutating func liveSources(into slot: Int, state: PrivilegeState, catalogue: EscalationCatalogue) -> [Int32] {
        if let cached = sources[slot] { return cached }
        var result: [Int32] = []
        for edge in state.edges(into: node(slot), catalogue: catalogue) where Reachability.usable(edge, mode: .live) {
            result.append(Int32(self.slot(edge.from)))
        }
        sources[slot] = result
        if !listed[slot] {
            listed[slot] = true
            filled.append(Int32(slot))
        }
        return result
    }
}
