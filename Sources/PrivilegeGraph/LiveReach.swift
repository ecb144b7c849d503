import TenantModel

/// What the activations in effect add to the standing reach, kept up to date change by change,
/// so that an activation costs what it touches, not what the tenant holds.
///
/// It holds exactly `Reachability.liveAdditions(beyond:state:catalogue:)` for the standing reach
/// `S` it was last given: the nodes outside `S` from which live edges lead into `S` or into nodes
/// already added, where an edge into `S` counts only when it is an activation (the search starts
/// from the activations in effect; a standing edge into `S` is already part of `S`).
///
/// - Every node outside `S` keeps `support`: how many such edges lead from it into known nodes.
/// - An edge that appears adds its source, and what leads to it, when the target is known.
/// - An edge that disappears from an added node is handled by deleting and re-deriving (the
///   nodes added only through it, found backwards, are removed, and those still supported
///   elsewhere come back), which stays exact when added nodes lead to one another in a cycle.
/// - Live edges into each node are read once and kept until something they depend on changes:
///   an activation of the node's user or into its role or group, a role setting, a new `S`.
///
/// It assumes an activation moves live edges only into the activating user's node and into the
/// activated role's (or group's) node. Activations that move others are structural changes in
/// `Tier0Fold` (a new `S`): PIM for Groups on role-assignable groups, and roles scoped to a
/// declared administrative unit (whose edges go into a scoped role's node).
struct LiveReach {
    /// The first slot of each node kind, by the kind's raw value, and the slot count at the end.
    let offsets: [Int]
    /// Whether a slot is in the standing reach `S`.
    var standing: [Bool]
    var standingSlots: [Int] = []
    /// Whether a slot was added (is in the live reach beyond `S`).
    var added: [Bool]
    /// Edges from a slot outside `S` into known slots.
    var support: [Int32]
    /// Slots whose `added` or `support` may be set, so that a rebuild costs what was set.
    var touched: [Int32] = []
    var isTouched: [Bool]
    /// Slots whose membership may have changed since `takeChanges()`.
    var dirty: [Int32] = []
    var isDirty: [Bool]
    /// Sources of the live edges into a slot (only activations into a slot of `S`), once read.
    var sources: [[Int32]?]
    var filled: [Int32] = []
    var isFilled: [Bool]
    /// Whether the added set must be searched again from the activations (role settings changed).
    var needsRebuild = true

    /// Empty, for the scenario's directory and the catalogue's unit roles and combinations.
    init(scenario: Scenario, catalogue: EscalationCatalogue) {
        let tenant = scenario.tenant
        var counts = [Int](repeating: 0, count: NodeID.Kind.allCases.count)
        counts[Int(NodeID.Kind.tenant.rawValue)] = 1
        counts[Int(NodeID.Kind.role.rawValue)] = scenario.roles.count
        counts[Int(NodeID.Kind.group.rawValue)] = tenant.groups.count
        counts[Int(NodeID.Kind.scopedRole.rawValue)] = catalogue.scopedRoles.count
        counts[Int(NodeID.Kind.combination.rawValue)] = catalogue.combinations.count
        counts[Int(NodeID.Kind.accessPackage.rawValue)] = scenario.accessPackages.count
        counts[Int(NodeID.Kind.application.rawValue)] = tenant.applications.count
        counts[Int(NodeID.Kind.servicePrincipal.rawValue)] = tenant.servicePrincipals.count
        counts[Int(NodeID.Kind.user.rawValue)] = tenant.users.count
        var offsets: [Int] = [0]
        for count in counts { offsets.append((offsets.last ?? 0) + count) }
        self.offsets = offsets
        let total = offsets.last ?? 0
        standing = Array(repeating: false, count: total)
        added = Array(repeating: false, count: total)
        support = Array(repeating: 0, count: total)
        isTouched = Array(repeating: false, count: total)
        isDirty = Array(repeating: false, count: total)
        sources = Array(repeating: nil, count: total)
        isFilled = Array(repeating: false, count: total)
    }

    /// The dense slot of a node.
    func slot(_ node: NodeID) -> Int { offsets[Int(node.kind.rawValue)] + Int(node.index) }

    /// The node of a dense slot.
    func node(_ slot: Int) -> NodeID {
        var kind = NodeID.Kind.allCases.count - 1
        while offsets[kind] > slot { kind -= 1 }
        return NodeID(NodeID.Kind.allCases[kind], Int32(slot - offsets[kind]))
    }

    /// Whether a slot is a principal (a service principal or a user).
    func isPrincipal(_ slot: Int) -> Bool { slot >= offsets[Int(NodeID.Kind.servicePrincipal.rawValue)] }

    /// Whether a slot is known: in `S` or added.
    func known(_ slot: Int) -> Bool { standing[slot] || added[slot] }

    /// Takes a new standing reach (after a structural change) and searches the added set again.
    mutating func setStanding(_ nodes: [NodeID], state: PrivilegeState, catalogue: EscalationCatalogue) {
        for slot in standingSlots { standing[slot] = false }
        standingSlots = nodes.map(slot)
        for slot in standingSlots { standing[slot] = true }
        invalidateAll()
        rebuild(state: state, catalogue: catalogue)
    }

    /// Drops every cached edge and asks for a new search (the role settings changed).
    mutating func invalidateAll() {
        for slot in filled {
            sources[Int(slot)] = nil
            isFilled[Int(slot)] = false
        }
        filled.removeAll(keepingCapacity: true)
        needsRebuild = true
    }

    /// Searches the added set again from the activations in effect, when asked to.
    mutating func rebuildIfNeeded(state: PrivilegeState, catalogue: EscalationCatalogue) {
        if needsRebuild { rebuild(state: state, catalogue: catalogue) }
    }

    /// Forgets the added set and searches it from the activations in effect.
    mutating func rebuild(state: PrivilegeState, catalogue: EscalationCatalogue) {
        needsRebuild = false
        for slot in touched.map(Int.init) {
            if added[slot] {
                added[slot] = false
                markDirty(slot)
            }
            support[slot] = 0
            isTouched[slot] = false
        }
        touched.removeAll(keepingCapacity: true)
        // Activation edges into S: read through the targets' edge lists, each target once.
        var seen = Set<Int>()
        for activation in state.activations.values {
            guard let target = catalogue.activationTarget(role: activation.role, scope: activation.scope, scenario: state.scenario) else { continue }
            let into = slot(target)
            guard standing[into], seen.insert(into).inserted else { continue }
            for from in liveSources(into: into, state: state, catalogue: catalogue) { gainEdge(from: Int(from), state: state, catalogue: catalogue) }
        }
    }
}

extension LiveReach {
    /// What an activation's start or end may change, read before the state takes it.
    struct PendingChange {
        /// The user's slot and the live edges into it (their roles decide who may reset them),
        /// read only when the user is known: the edges into an unknown node count for nothing.
        let user: Int
        let userSources: [Int32]?
        /// The slot of what the role gives (the role, or the group of a PIM for Groups role).
        let target: Int
        let role: RoleIndex
        /// Whether the user had a live activation edge into the target.
        let hadEdge: Bool
    }

    /// Reads what an activation of `role` by `user` starting or ending can change, before it does.
    mutating func willChange(user: UserIndex, role: RoleIndex, state: PrivilegeState, catalogue: EscalationCatalogue) -> PendingChange {
        let target: NodeID
        if let access = state.scenario[role].groupAccess { target = .group(access.group) } else { target = .role(role) }
        let userSlot = slot(.user(user))
        let userSources = known(userSlot) ? liveSources(into: userSlot, state: state, catalogue: catalogue) : nil
        return PendingChange(user: userSlot, userSources: userSources,
                             target: slot(target), role: role, hadEdge: Self.hasActivationEdge(user, role, state))
    }

    /// Applies the change to the edges, after the state took it: the activation edge into the
    /// target appears or disappears, and the edges into the user are read again.
    mutating func didChange(_ change: PendingChange, state: PrivilegeState, catalogue: EscalationCatalogue) {
        let user = UserIndex(Int32(change.user - offsets[Int(NodeID.Kind.user.rawValue)]))
        let hasEdge = Self.hasActivationEdge(user, change.role, state)
        if hasEdge != change.hadEdge, var list = sources[change.target] {
            if hasEdge {
                list.append(Int32(change.user))
            } else if let index = list.firstIndex(of: Int32(change.user)) {
                list.remove(at: index)
            }
            sources[change.target] = list
        }
        sources[change.user] = nil
        guard !needsRebuild else { return }
        var gone: [Int] = []
        var came: [Int] = []
        if hasEdge != change.hadEdge && known(change.target) {
            if hasEdge { came.append(change.user) } else { gone.append(change.user) }
        }
        if let old = change.userSources, case let new = liveSources(into: change.user, state: state, catalogue: catalogue), new != old {
            let (lost, gained) = Self.difference(old, new)
            gone += lost
            came += gained
        }
        var lost: [Int] = []
        for from in gone where !standing[from] {
            support[from] -= 1
            if added[from] { lost.append(from) }
        }
        for from in came { gainEdge(from: from, state: state, catalogue: catalogue) }
        for from in lost where added[from] { rederive(from, state: state, catalogue: catalogue) }
    }

    /// Whether the user, present, holds an activation of the role at the tenant's scope: the
    /// live edge `PrivilegeState.edges(into:)` draws from them into the role's node or group.
    static func hasActivationEdge(_ user: UserIndex, _ role: RoleIndex, _ state: PrivilegeState) -> Bool {
        guard state.isPresent(user) else { return false }
        for id in state.activationsByUser[user] ?? [] {
            if let activation = state.activations[id], activation.role == role, activation.scope == "/" { return true }
        }
        return false
    }

    /// The slots whose membership changed since the last call, as principals now added and
    /// principals no longer added.
    mutating func takeChanges() -> (entered: [NodeID], left: [NodeID]) {
        var entered: [NodeID] = []
        var left: [NodeID] = []
        for slot in dirty.map(Int.init) {
            isDirty[slot] = false
            guard isPrincipal(slot) else { continue }
            if added[slot] { entered.append(node(slot)) } else { left.append(node(slot)) }
        }
        dirty.removeAll(keepingCapacity: true)
        return (entered, left)
    }

    /// Checks the added set against a full search of the same state; does real work only with
    /// `PIMSIM_INVARIANTS` (debug builds, so every test run checks every evaluation).
    func checkInvariants(state: PrivilegeState, catalogue: EscalationCatalogue) {
        #if PIMSIM_INVARIANTS
        precondition(dirty.isEmpty, "membership changes not taken")
        guard !needsRebuild else { return }
        let expected = Reachability.liveAdditions(beyond: Set(standingSlots.map(node)), state: state, catalogue: catalogue)
        let actual = Set(touched.map(Int.init).filter { added[$0] }.map(node))
        precondition(actual == expected, "live reach drifted: \(actual.subtracting(expected).sorted()) added, \(expected.subtracting(actual).sorted()) missing")
        for slot in touched.map(Int.init) where !standing[slot] {
            let count = liveSourcesCount(from: slot, state: state, catalogue: catalogue)
            precondition(support[slot] == count, "support of \(node(slot)) is \(support[slot]), not \(count)")
        }
        #endif
    }

    #if PIMSIM_INVARIANTS
    /// Edges from a slot into known slots, counted from the state (slow; for the checks).
    private func liveSourcesCount(from slot: Int, state: PrivilegeState, catalogue: EscalationCatalogue) -> Int32 {
        var count: Int32 = 0
        for into in standingSlots + touched.map(Int.init).filter({ added[$0] }) {
            for edge in state.edges(into: node(into), catalogue: catalogue) where Reachability.usable(edge, mode: .live) && self.slot(edge.from) == slot {
                if standing[into] && !edge.kind.isActivation { continue }
                count += 1
            }
        }
        return count
    }
    #endif

    /// A new edge from `from` into a known slot: counts it, and adds `from` and what leads to it.
    private mutating func gainEdge(from: Int, state: PrivilegeState, catalogue: EscalationCatalogue) {
        guard !standing[from] else { return }
        touch(from)
        support[from] += 1
        if !added[from] { join(from, state: state, catalogue: catalogue) }
    }

    /// Adds a slot, then everything with a live edge into it, breadth first.
    private mutating func join(_ first: Int, state: PrivilegeState, catalogue: EscalationCatalogue) {
        var queue = [first]
        added[first] = true
        touch(first)
        markDirty(first)
        var head = 0
        while head < queue.count {
            let here = queue[head]
            head += 1
            for from in liveSources(into: here, state: state, catalogue: catalogue).map(Int.init) where !standing[from] {
                touch(from)
                support[from] += 1
                guard !added[from] else { continue }
                added[from] = true
                markDirty(from)
                queue.append(from)
            }
        }
    }

    /// `start` lost an edge: removes every added slot whose path may run through it, then adds
    /// back those that still have an edge into a known slot.
    private mutating func rederive(_ start: Int, state: PrivilegeState, catalogue: EscalationCatalogue) {
        var suspects = [start]
        var isSuspect: Set<Int> = [start]
        var head = 0
        while head < suspects.count {
            let here = suspects[head]
            head += 1
            for from in liveSources(into: here, state: state, catalogue: catalogue).map(Int.init) where added[from] && !isSuspect.contains(from) {
                isSuspect.insert(from)
                suspects.append(from)
            }
        }
        for slot in suspects {
            added[slot] = false
            markDirty(slot)
        }
        for slot in suspects {
            for from in liveSources(into: slot, state: state, catalogue: catalogue).map(Int.init) where !standing[from] { support[from] -= 1 }
        }
        for slot in suspects where support[slot] > 0 && !added[slot] { join(slot, state: state, catalogue: catalogue) }
    }

    /// Sources that left and came between two edge lists (multisets).
    static func difference(_ old: [Int32], _ new: [Int32]) -> (gone: [Int], came: [Int]) {
        let before = old.sorted()
        let after = new.sorted()
        var gone: [Int] = []
        var came: [Int] = []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            if j == after.count || (i < before.count && before[i] < after[j]) {
                gone.append(Int(before[i]))
                i += 1
            } else if i == before.count || after[j] < before[i] {
                came.append(Int(after[j]))
                j += 1
            } else {
                i += 1
                j += 1
            }
        }
        return (gone, came)
    }

    private mutating func touch(_ slot: Int) {
        if !isTouched[slot] {
            isTouched[slot] = true
            touched.append(Int32(slot))
        }
    }

    private mutating func markDirty(_ slot: Int) {
        if !isDirty[slot] {
            isDirty[slot] = true
            dirty.append(Int32(slot))
        }
    }

    /// The sources of the edges into a slot that give access now (into a slot of `S`, only
    /// activations), read once per change.
    mutating func liveSources(into slot: Int, state: PrivilegeState, catalogue: EscalationCatalogue) -> [Int32] {
        if let cached = sources[slot] { return cached }
        var result: [Int32] = []
        let intoStanding = standing[slot]
        for edge in state.edges(into: node(slot), catalogue: catalogue) where Reachability.usable(edge, mode: .live) {
            if intoStanding && !edge.kind.isActivation { continue }
            result.append(Int32(self.slot(edge.from)))
        }
        sources[slot] = result
        if !isFilled[slot] {
            isFilled[slot] = true
            filled.append(Int32(slot))
        }
        return result
    }
}
