import SimKernel
import TenantModel
import Trace

extension Engine {
    // MARK: Pair bookkeeping

    /// The state a pair reports: nothing for a disabled user.
    func accessState(_ state: PairState, user: Int32) -> AccessState {
        guard enabled[Int(user)] else { return [] }
        var result: AccessState = []
        if state.standingPaths > 0 { result.formUnion([.standing, .holds]) }
        if (state.activation >= 0 && activations[Int(state.activation)].provisioned) || state.pimGroupPaths > 0 {
            result.formUnion([.activated, .holds])
        }
        if state.eligiblePaths > 0 { result.insert(.eligible) }
        if state.runningTasks > 0 { result.insert(.inUse) }
        if result.contains(.holds), state.packageStandingPaths > 0 || (result.contains(.activated) && state.packageEligiblePaths > 0) {
            result.insert(.viaPackage)
        }
        return result
    }

    /// Whether `user` holds `role` right now, by any path.
    func holds(_ user: Int32, _ role: Int32) -> Bool {
        guard enabled[Int(user)], let state = pairs[pairKey(user, role)] else { return false }
        return state.standingPaths > 0 || state.activation >= 0 || state.pimGroupPaths > 0
    }

    /// Whether `user` may activate `role` at `scope` (eligible there or tenant-wide); any scope when -1.
    func isEligible(_ user: Int32, _ role: Int32, atScope scope: Int32) -> Bool {
        guard scope >= 0, let state = pairs[pairKey(user, role)] else { return true }
        let root = scopeIndex["/"] ?? -1
        return (state.scoped[scope]?.eligible ?? 0) > 0 || (state.scoped[root]?.eligible ?? 0) > 0
    }

    /// Whether `user` has an eligible path to `role` right now.
    func isEligible(_ user: Int32, _ role: Int32) -> Bool {
        guard enabled[Int(user)], let state = pairs[pairKey(user, role)] else { return false }
        return state.eligiblePaths > 0
    }

    /// Changes one pair through `body`, then keeps the holder sets and the dirty list current.
    mutating func updatePair(_ user: Int32, _ role: Int32, _ body: (inout PairState) -> Void) {
        let key = pairKey(user, role)
        var state = pairs[key] ?? PairState()
        if pairs[key] == nil { rolesOfUser[Int(user)].append(role) }
        body(&state)
        if !state.dirty {
            state.dirty = true
            dirty.append(key)
        }
        pairs[key] = state
        if watchedRoles.contains(role) { refreshHolder(user, role) }
        if let group = membershipRoles[role] { refreshPIMMembership(user, group: group) }
    }

    /// Keeps `holders` of a watched role, and how many watched roles each user holds, current.
    mutating func refreshHolder(_ user: Int32, _ role: Int32) {
        let held = holds(user, role)
        guard held != (holders[role]?.contains(user) ?? false) else { return }
        if held {
            holders[role, default: []].append(user)
            watchedHeld[user, default: 0] += 1
        } else {
            holders[role]?.remove(user)
            let left = (watchedHeld[user] ?? 1) - 1
            watchedHeld[user] = left > 0 ? left : nil
        }
    }

    /// Adds (`delta` = 1) or takes away (-1) one path of `assignment` for `user`; `kind` says how a
    /// group assignment reaches the user (a PIM-activated membership holds without standing; one
    /// granted by an access package is standing, and counted apart). An assignment an access
    /// package made reaches its user through that package.
    mutating func adjustPath(_ user: Int32, _ assignment: Assignment, _ delta: Int32, kind: MemberKind = .standing) {
        let scope = scopeIndex[assignment.scope]
        let viaPIM = kind == .pim
        let viaPackage = kind == .package || assignment.accessPackageAssignment != nil
        updatePair(user, assignment.role.rawValue) { state in
            switch assignment.type {
            case .active where viaPIM: state.pimGroupPaths += delta
            case .active: state.standingPaths += delta
            case .eligible: state.eligiblePaths += delta
            }
            if viaPackage {
                if assignment.type == .active { state.packageStandingPaths += delta } else { state.packageEligiblePaths += delta }
            }
            if let scope {
                switch assignment.type {
                case .active where viaPIM: state.scoped[scope, default: ScopedPaths()].pim += delta
                case .active: state.scoped[scope, default: ScopedPaths()].standing += delta
                case .eligible: state.scoped[scope, default: ScopedPaths()].eligible += delta
                }
            }
        }
    }

    /// Reports the per-scope states of a pair that changed at this instant.
    mutating func reportScopes(_ state: inout PairState, user: Int32, role: Int32, now: SimTime) {
        let enabledUser = enabled[Int(user)]
        var indices = Set(state.scoped.keys)
        if state.activationScope >= 0 { indices.insert(state.activationScope) }
        for scope in indices.sorted() {
            var paths = state.scoped[scope] ?? ScopedPaths()
            var current: AccessState = []
            if enabledUser {
                if paths.standing > 0 { current.formUnion([.standing, .holds]) }
                if (state.activationScope == scope && state.activation >= 0) || paths.pim > 0 { current.insert(.holds) }
                if paths.eligible > 0 { current.insert(.eligible) }
            }
            guard current != paths.reported else { continue }
            paths.reported = current
            state.scoped[scope] = paths
            sink.record(.scopedAccessChanged(time: now, user: UserIndex(user), role: RoleIndex(role), scope: scopes[Int(scope)], state: current))
        }
    }

    /// The scope an activation applies at: the one asked for, else `/` when the user is eligible
    /// tenant-wide, else the first scope (in sorted order) the user is eligible at.
    func activationScope(user: Int32, role: Int32, asked: Int32) -> Int32 {
        guard !scopes.isEmpty, let state = pairs[pairKey(user, role)] else { return -1 }
        if asked >= 0 { return asked }
        let root = scopeIndex["/"] ?? -1
        if (state.scoped[root]?.eligible ?? 0) > 0 { return root }
        return state.scoped.filter { $0.value.eligible > 0 }.keys.min() ?? root
    }

    /// Applies `delta` for every user the assignment reaches now.
    mutating func applyAssignment(_ id: Int32, delta: Int32) {
        let assignment = assignments[Int(id)]
        switch assignment.principal {
        case .user(let user):
            adjustPath(user.rawValue, assignment, delta)
        case .group(let group):
            for member in members[group.int] {
                adjustPath(member, assignment, delta, kind: memberKind(member, group))
            }
            if delta > 0 { groupAssignments[group.int].append(id) } else { groupAssignments[group.int].remove(id) }
        }
    }

    // MARK: Assignments

    mutating func startAssignment(_ id: Int32, now: SimTime) {
        var slot = assignmentSlots[Int(id)]
        guard !slot.started, !slot.ended else { return }
        slot.started = true
        assignmentSlots[Int(id)] = slot
        applyAssignment(id, delta: 1)
        sink.record(.assignmentStarted(time: now, id: Int(id), assignment: assignments[Int(id)]))
        // Assignments of the file were made before the run; those made during it are announced.
        if Int(id) >= scenario.assignments.count { notifyAssignment(assignments[Int(id)], now: now) }
    }

    mutating func endAssignment(_ id: Int32, now: SimTime, reason: AssignmentEndReason) {
        var slot = assignmentSlots[Int(id)]
        guard !slot.ended else { return }
        slot.ended = true
        if reason == .expired { slot.endedAt = now }
        assignmentSlots[Int(id)] = slot
        if slot.started { applyAssignment(id, delta: -1) }
        sink.record(.assignmentEnded(time: now, id: Int(id), reason: reason, started: slot.started))
    }

    // MARK: Events

    mutating func apply(_ event: ScenarioEvent, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        switch event.action {
        case .leave(let user):
            disable(user.rawValue, now: now)
        case .depart(let user, let delay):
            sink.record(.userDeparted(time: now, user: user))
            if delay == 0 {
                disable(user.rawValue, now: now)
            } else if now + delay < scenario.horizon {
                queue.schedule(.disableUser(user.rawValue), at: now + delay, phase: Phase.stateChanges)
            }
        case .join(let user):
            guard !enabled[user.int] else { break }
            enabled[user.int] = true
            sink.record(.userJoined(time: now, user: user))
            // Everything the user already has takes effect now.
            for role in rolesOfUser[user.int] { updatePair(user.rawValue, role) { _ in } }
            refreshMemberships(user.rawValue)
        case .compromise(let user, let duration, _):
            let index = Int32(compromises.count)
            compromises.append((event: event, user: user.rawValue, end: now + duration, live: true))
            sink.record(.compromiseStarted(time: now, user: user))
            queue.schedule(.attackerTick(index), at: now, phase: Phase.requests)
            if now + duration < scenario.horizon { queue.schedule(.compromiseEnd(index), at: now + duration, phase: Phase.stateChanges) }
        case .compromiseServicePrincipal(let principal, let duration):
            // Nothing to activate: a service principal holds its roles standing.
            sink.record(.servicePrincipalCompromise(time: now, servicePrincipal: principal, started: true))
            if now + duration < scenario.horizon {
                queue.schedule(.servicePrincipalCompromiseEnd(Int32(principal)), at: now + duration, phase: Phase.stateChanges)
            }
        case .move(let user, let add, let remove, let manager):
            for group in remove { part(user.rawValue, group: group, now: now) }
            for group in add { join(user.rawValue, group: group, now: now) }
            if let manager {
                managers[user.int] = manager
                sink.record(.managerChanged(time: now, user: user, manager: manager))
            }
        case .membership(let group, let add, let remove):
            for user in add { join(user.rawValue, group: group, now: now) }
            for user in remove { part(user.rawValue, group: group, now: now) }
        case .assign(let assignment):
            var effective = assignment
            effective.start = max(assignment.start, now)
            if policies.enforceAssignmentRules, let violation = policies.ruleViolation(effective) {
                sink.record(.assignmentRefused(time: now, assignment: assignment, reason: violation))
                return
            }
            let id = Int32(assignments.count)
            assignments.append(assignment)
            assignmentSlots.append(AssignmentSlot())
            scheduleAssignment(id, assignment, from: now, &queue)
        case .remove(let filter):
            let matched = assignments.indices.filter { filter.matches(assignments[$0]) && !assignmentSlots[$0].ended }
            if let protected = lastGlobalAdministratorAssignments(matched, role: filter.role, now: now) {
                sink.record(.removalRefused(time: now, filter: filter, assignments: protected))
                return
            }
            for index in matched { endAssignment(Int32(index), now: now, reason: .removed) }
        case .policy(let role, let next):
            policies = next
            sink.record(.policyChanged(time: now, role: role, policies: next))
        case .cancelRequest(let user, let role, let admin):
            adminCancel(user: user, role: role, by: admin, now: now)
        case .revokeActivation(let user, let role, let admin):
            adminRevoke(user: user, role: role, by: admin, now: now)
        case .adminExtend(let filter, let change, let admin):
            adminExtend(filter, change, by: admin, now: now, queue: &queue)
        case .assignPackage, .removePackage:
            applyPackageEvent(event.action, now: now, queue: &queue)
        }
    }

    /// Whether the assignment is in force at `now` (started by its interval, not ended).
    func inForce(_ index: Int, now: SimTime) -> Bool {
        let assignment = assignments[index]
        return !assignmentSlots[index].ended && assignment.start <= now && (assignment.end.map { now < $0 } ?? true)
    }

    /// Entra refuses to remove the last active Global Administrator assignment: when ending
    /// `matched` would end an active Global Administrator assignment in force while no other one
    /// stays in force, the ids of the active ones it would end; nil when the removal may go ahead.
    func lastGlobalAdministratorAssignments(_ matched: [Int], role: RoleIndex, now: SimTime) -> [Int]? {
        guard role == scenario.globalAdministrator else { return nil }
        let isActiveInForce = { (index: Int) in
            self.assignments[index].role == role && self.assignments[index].type == .active && self.inForce(index, now: now)
        }
        let ending = matched.filter(isActiveInForce)
        guard !ending.isEmpty else { return nil }
        let ended = Set(matched)
        let another = assignments.indices.contains { !ended.contains($0) && isActiveInForce($0) }
        return another ? nil : ending
    }

    /// Re-evaluates a user's PIM for Groups memberships (after the user became present).
    mutating func refreshMemberships(_ user: Int32) {
        for (role, group) in membershipRoles { if pairs[pairKey(user, role)] != nil { refreshPIMMembership(user, group: group) } }
    }

    /// `leave`: the account is disabled; its activations end and its pending requests are cancelled.
    mutating func disable(_ user: Int32, now: SimTime) {
        guard enabled[Int(user)] else { return }
        enabled[Int(user)] = false
        sessionEnds[Int(user)] = 0
        sessionStrengths[Int(user)] = nil
        sink.record(.userDisabled(time: now, user: UserIndex(user)))
        for role in rolesOfUser[Int(user)] {
            guard let state = pairs[pairKey(user, role)] else { continue }
            if state.activation >= 0 { endActivation(state.activation, now: now, reason: .userDisabled) }
            if state.pendingRequest >= 0 { cancel(request: state.pendingRequest, now: now, reason: .requesterDisabled) }
            updatePair(user, role) { _ in }
        }
        if !scenario.accessPackages.isEmpty { cancelPackageRequests(of: user, now: now) }
    }

    // MARK: Activations

    mutating func endActivation(_ id: Int32, now: SimTime, reason: ActivationEndReason) {
        let slot = activations[Int(id)]
        guard slot.live else { return }
        activations[Int(id)].live = false
        updatePair(slot.user, slot.role) {
            $0.activation = -1
            $0.activationScope = -1
        }
        sink.record(.activationEnded(time: now, id: Int(id), user: UserIndex(slot.user), role: RoleIndex(slot.role), reason: reason))
    }
}
