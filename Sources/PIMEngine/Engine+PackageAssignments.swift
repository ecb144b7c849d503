import SimKernel
import TenantModel
import Trace

/// Access package assignments: what they grant, how they end, who asks for them.
extension Engine {
    /// Starts an assignment of `package` to `user` through `policy` (after a request, or made by
    /// an administrator) and grants every resource of the package; returns its id.
    @discardableResult
    mutating func startPackageAssignment(
        user: Int32, package: Int32, policy: Int32, request: Int32?, by admin: UserIndex?, now: SimTime, queue: inout EventQueue<EngineEvent>
    ) -> Int32 {
        let end = packagePolicy(package, policy).expiry.end(startingAt: now)
        let id = Int32(packageAssignments.count)
        packageAssignments.append(PackageAssignmentSlot(user: user, package: package, policy: policy, start: now, end: end))
        livePackages[packageKey(user, package)] = id
        sink.record(.packageAssignmentStarted(
            time: now, id: Int(id), user: UserIndex(user), package: Int(package), policy: Int(policy), end: end,
            request: request.map(Int.init), by: admin
        ))
        let definition = scenario.accessPackages[Int(package)]
        for resource in definition.resources {
            switch resource {
            case .group(let group, let access):
                if access == .member {
                    packageMembership(user, group: group, delta: 1, now: now)
                } else {
                    packageOwnership(user, group: group, delta: 1, now: now)
                }
            case .role(let role, let type):
                var assignment = Assignment(principal: .user(UserIndex(user)), role: role, type: type, start: now, end: end, origin: definition.origin)
                assignment.accessPackageAssignment = Int(id)
                let made = Int32(assignments.count)
                assignments.append(assignment)
                assignmentSlots.append(AssignmentSlot())
                packageAssignments[Int(id)].roleAssignments.append(made)
                startAssignment(made, now: now)
            case .application:
                // An application role grants no directory privilege: the assignment's record says it all.
                break
            }
        }
        if let end, end < scenario.horizon { queue.schedule(.packageAssignmentEnd(id), at: end, phase: Phase.stateChanges) }
        return id
    }

    /// An extension: the assignment, and the role assignments it made, now end at `end`.
    mutating func extendPackageAssignment(_ id: Int32, to end: SimTime, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        packageAssignments[Int(id)].end = end
        sink.record(.packageAssignmentExtended(time: now, id: Int(id), end: end))
        for made in packageAssignments[Int(id)].roleAssignments where !assignmentSlots[Int(made)].ended {
            assignments[Int(made)].end = end
            sink.record(.assignmentExtended(time: now, id: Int(made), end: end))
        }
        if end < scenario.horizon { queue.schedule(.packageAssignmentEnd(id), at: end, phase: Phase.stateChanges) }
    }

    /// The assignment's end time came (an extension moves it: an older end is stale).
    mutating func expirePackageAssignment(_ id: Int32, now: SimTime) {
        guard packageAssignments[Int(id)].end == now else { return }
        endPackageAssignment(id, now: now, reason: .expired, by: nil)
    }

    /// Ends an assignment: every resource it granted is taken back.
    mutating func endPackageAssignment(_ id: Int32, now: SimTime, reason: PackageAssignmentEndReason, by admin: UserIndex?) {
        let slot = packageAssignments[Int(id)]
        guard slot.live else { return }
        packageAssignments[Int(id)].live = false
        livePackages[packageKey(slot.user, slot.package)] = nil
        sink.record(.packageAssignmentEnded(time: now, id: Int(id), reason: reason, by: admin))
        for resource in scenario.accessPackages[Int(slot.package)].resources {
            guard case .group(let group, let access) = resource else { continue }
            if access == .member {
                packageMembership(slot.user, group: group, delta: -1, now: now)
            } else {
                packageOwnership(slot.user, group: group, delta: -1, now: now)
            }
        }
        for made in slot.roleAssignments {
            endAssignment(made, now: now, reason: reason == .expired ? .expired : .removed)
        }
    }

    /// `assignPackage` and `removePackage` events: an administrator acts directly.
    mutating func applyPackageEvent(_ action: EventAction, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        switch action {
        case .assignPackage(let user, let package, let policy, let admin):
            // Entra refuses a second assignment of the same package; a fixed date already passed leaves nothing to assign.
            guard livePackages[packageKey(user.rawValue, Int32(package))] == nil else { return }
            if case .on(let end) = packagePolicy(Int32(package), Int32(policy)).expiry, end <= now { return }
            startPackageAssignment(user: user.rawValue, package: Int32(package), policy: Int32(policy), request: nil, by: admin, now: now, queue: &queue)
        case .removePackage(let user, let package, let admin):
            if let id = livePackages[packageKey(user.rawValue, Int32(package))] { endPackageAssignment(id, now: now, reason: .removed, by: admin) }
        default:
            break
        }
    }

    // MARK: Request generators

    /// The stable key of a (generator, user) request process.
    func packageProcessKey(_ generator: Int32, _ user: Int32) -> UInt64 {
        let definition = scenario.packageGenerators[Int(generator)]
        return stableKey(["package-requests", scenario.tenant.users[Int(user)].id, scenario.accessPackages[definition.package].id], [Int64(generator)])
    }

    /// Schedules every request generator's first arrival for each of its users.
    mutating func seedPackageRequests(_ queue: inout EventQueue<EngineEvent>) {
        for (index, generator) in scenario.packageGenerators.enumerated() {
            for user in generator.users { schedulePackageArrival(Int32(index), user.rawValue, after: generator.from, &queue) }
        }
    }

    /// Draws the next gap of a user's request process (in working time under a calendar).
    mutating func schedulePackageArrival(_ generator: Int32, _ user: Int32, after time: SimTime, _ queue: inout EventQueue<EngineEvent>) {
        let definition = scenario.packageGenerators[Int(generator)]
        guard let arrival = nextArrival(after: time, every: definition.every, calendar: definition.calendar, until: definition.until,
                                        key: packageProcessKey(generator, user), stream: "package-arrivals") else { return }
        queue.schedule(.packageArrival(generator: generator, user: user), at: arrival, phase: Phase.requests)
    }

    /// A generated need for the package: a user without it asks for it; one whose assignment
    /// ends within the extension window asks to extend it (when the generator says so).
    mutating func packageArrival(generator: Int32, user: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard enabled[Int(user)] else { return }
        schedulePackageArrival(generator, user, after: now, &queue)
        let definition = scenario.packageGenerators[Int(generator)]
        let package = Int32(definition.package)
        let key = packageKey(user, package)
        guard pendingPackages[key] == nil else { return }
        if let live = livePackages[key] {
            // Only an extension that would be accepted is asked for; the others are not needed yet.
            guard definition.extend, packageRejection(user: user, package: package, policy: packageAssignments[Int(live)].policy,
                                                      extend: true, live: live, now: now) == nil else { return }
            requestPackage(user: user, package: package, policy: nil, extend: true, now: now, queue: &queue)
            return
        }
        requestPackage(user: user, package: package, policy: definition.policy, extend: false, now: now, queue: &queue)
    }
}
