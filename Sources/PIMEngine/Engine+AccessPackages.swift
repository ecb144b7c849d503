import SimKernel
import TenantModel
import Trace

/// Entitlement management: requests for access packages, their policies' approval stages, and
/// the assignments they make (docs/access-packages.md).
extension Engine {
    /// The key of a (user, package) pair in the live and pending tables.
    func packageKey(_ user: Int32, _ package: Int32) -> UInt64 {
        UserRoleKey.make(user, package)
    }

    /// The policy `index` of package `package`.
    func packagePolicy(_ package: Int32, _ index: Int32) -> PackagePolicy {
        scenario.accessPackages[Int(package)].policies[Int(index)]
    }

    /// Whether `policy` lets `user` request its package right now (group membership is read now).
    func admits(_ policy: PackagePolicy, user: Int32) -> Bool {
        switch policy.requestors {
        case .none: return false
        case .allMembers, .allUsers: return true
        case .specific(let principals):
            return principals.contains { principal in
                switch principal {
                case .user(let named): return named.rawValue == user
                case .group(let group): return members[group.int].contains(user)
                }
            }
        }
    }

    /// The policy a new request goes through: the one named when it admits the user, else the
    /// first policy that does; -1 when none does.
    func requestPolicy(package: Int32, named: Int?, user: Int32) -> Int32 {
        let policies = scenario.accessPackages[Int(package)].policies
        if let named { return admits(policies[named], user: user) ? Int32(named) : -1 }
        return policies.firstIndex { admits($0, user: user) }.map(Int32.init) ?? -1
    }

    /// A request of the workload.
    mutating func submitPackage(_ request: PackageRequest, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        requestPackage(user: request.user.rawValue, package: Int32(request.package), policy: request.policy, extend: request.extend, now: now, queue: &queue)
    }

    /// A user asks for a package, or to extend their assignment of it.
    mutating func requestPackage(user: Int32, package: Int32, policy named: Int?, extend: Bool, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let key = packageKey(user, package)
        let live = livePackages[key]
        // An extension goes through the policy of the assignment it extends.
        let policy = extend ? (live.map { packageAssignments[Int($0)].policy } ?? -1) : requestPolicy(package: package, named: named, user: user)
        lastActivity[user] = now
        let id = Int32(packageRequests.count)
        var slot = PackageRequestSlot(user: user, package: package, policy: policy, extend: extend, at: now)
        slot.key = occurrenceKey(["package", scenario.tenant.users[Int(user)].id, scenario.accessPackages[Int(package)].id, extend ? "extend" : "new"], at: now)
        slot.assignment = extend ? (live ?? -1) : -1
        packageRequests.append(slot)
        sink.record(.packageRequestSubmitted(time: now, id: Int(id), user: UserIndex(user), package: Int(package), policy: Int(policy), extend: extend))
        if let rejection = packageRejection(user: user, package: package, policy: policy, extend: extend, live: live, now: now) {
            packageRequests[Int(id)].status = .rejected
            sink.record(.packageRequestRejected(time: now, id: Int(id), reason: rejection))
            return
        }
        pendingPackages[key] = id
        if packagePolicy(package, policy).needsApproval(extending: extend) {
            startStage(id, 0, now: now, queue: &queue)
        } else {
            fulfil(package: id, now: now, queue: &queue)
        }
    }

    /// Why a request cannot be made now, or nil.
    func packageRejection(user: Int32, package: Int32, policy: Int32, extend: Bool, live: Int32?, now: SimTime) -> PackageRejection? {
        if !enabled[Int(user)] { return .requesterDisabled }
        if extend {
            guard let live else { return .noAssignment }
            let definition = packagePolicy(package, policy)
            guard definition.extensionRule.allowed else { return .extensionNotAllowed }
            guard case .after = definition.expiry, let end = packageAssignments[Int(live)].end else { return .nothingToExtend }
            if end - now > PackageExtension.window { return .tooEarly }
        } else {
            if policy < 0 { return .notAllowed }
            if live != nil { return .alreadyAssigned }
            if case .on(let end) = packagePolicy(package, policy).expiry, end <= now { return .policyExpired }
        }
        if pendingPackages[packageKey(user, package)] != nil { return .requestPending }
        return nil
    }

    /// The users a list of package approvers stands for now: groups expanded to their members,
    /// the manager resolved; never the requester or a disabled user; no repeats.
    func resolve(_ approvers: [PackageApprover], requester: Int32, excluding asked: [Int32] = []) -> [Int32] {
        var result: [Int32] = []
        var seen = Set(asked)
        func consider(_ user: Int32) {
            guard user != requester, enabled[Int(user)], seen.insert(user).inserted else { return }
            result.append(user)
        }
        for approver in approvers {
            switch approver {
            case .user(let user): consider(user.rawValue)
            case .groupMembers(let group): for member in members[group.int] { consider(member) }
            case .manager: if let manager = managers[Int(requester)] { consider(manager.rawValue) }
            }
        }
        return result
    }

    /// Stage `stage` (from 0) begins: its approvers are asked, its escalation and timeout are set.
    mutating func startStage(_ id: Int32, _ stage: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        var slot = packageRequests[Int(id)]
        let definition = packagePolicy(slot.package, slot.policy).stages[Int(stage)]
        slot.stage = stage
        slot.stageStart = now
        slot.epoch += 1
        slot.cursor = 0
        var approvers = resolve(definition.primary, requester: slot.user)
        let fallback = approvers.isEmpty && !definition.fallback.isEmpty
        if fallback { approvers = resolve(definition.fallback, requester: slot.user) }
        slot.asked = approvers
        sink.record(.packageStageStarted(time: now, id: Int(id), stage: Int(stage) + 1, approvers: approvers.map(UserIndex.init), fallback: fallback))
        slot.answers = answers(of: approvers, to: slot.key &+ UInt64(stage), purpose: "package-stage", now: now, window: definition.timeout)
        packageRequests[Int(id)] = slot
        for answer in slot.answers {
            queue.schedule(.packageAnswer(id, epoch: slot.epoch), at: answer.time, phase: Phase.decision(at: answer.time, now: now))
        }
        if let after = definition.escalateAfter, after < definition.timeout, now + after < scenario.horizon {
            queue.schedule(.packageEscalation(id, epoch: slot.epoch), at: now + after, phase: Phase.decisions)
        }
        if now + definition.timeout < scenario.horizon {
            queue.schedule(.packageTimeout(id, epoch: slot.epoch), at: now + definition.timeout, phase: Phase.decisions)
        }
    }

    /// An answer falls due: the first answer of an approver still enabled decides the stage.
    mutating func packageAnswer(_ id: Int32, epoch: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard packageRequests[Int(id)].status == .pending, packageRequests[Int(id)].epoch == epoch else { return }
        while packageRequests[Int(id)].cursor < packageRequests[Int(id)].answers.count {
            let next = packageRequests[Int(id)].answers[packageRequests[Int(id)].cursor]
            guard next.time <= now else { return }
            packageRequests[Int(id)].cursor += 1
            guard enabled[Int(next.approver)] else { continue }
            decideStage(id, approver: next.approver, approve: next.approve, now: now, queue: &queue)
            return
        }
    }

    /// A stage's decision: a denial ends the request, an approval moves it on (or fulfils it).
    mutating func decideStage(_ id: Int32, approver: Int32, approve: Bool, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = packageRequests[Int(id)]
        sink.record(.packageStageDecided(time: now, id: Int(id), stage: Int(slot.stage) + 1, approver: UserIndex(approver), approved: approve))
        guard approve else {
            packageRequests[Int(id)].status = .denied
            pendingPackages[packageKey(slot.user, slot.package)] = nil
            return
        }
        if Int(slot.stage) + 1 < packagePolicy(slot.package, slot.policy).stages.count {
            startStage(id, slot.stage + 1, now: now, queue: &queue)
        } else {
            fulfil(package: id, now: now, queue: &queue)
        }
    }

    /// The primary approvers have not decided in time: the escalation approvers are asked too
    /// (the primary ones may still answer until the stage times out).
    mutating func escalate(package id: Int32, epoch: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        var slot = packageRequests[Int(id)]
        guard slot.status == .pending, slot.epoch == epoch else { return }
        let definition = packagePolicy(slot.package, slot.policy).stages[Int(slot.stage)]
        var approvers = resolve(definition.escalation, requester: slot.user, excluding: slot.asked)
        let fallback = approvers.isEmpty && !definition.fallbackEscalation.isEmpty
        if fallback { approvers = resolve(definition.fallbackEscalation, requester: slot.user, excluding: slot.asked) }
        sink.record(.packageStageEscalated(time: now, id: Int(id), stage: Int(slot.stage) + 1, approvers: approvers.map(UserIndex.init), fallback: fallback))
        let window = slot.stageStart + definition.timeout - now
        let extra = answers(of: approvers, to: slot.key &+ UInt64(slot.stage), purpose: "package-escalation", now: now, window: window)
        slot.asked += approvers
        let waiting = (Array(slot.answers[slot.cursor...]) + extra).enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        slot.answers = waiting
        slot.cursor = 0
        packageRequests[Int(id)] = slot
        for answer in extra {
            queue.schedule(.packageAnswer(id, epoch: epoch), at: answer.time, phase: Phase.decision(at: answer.time, now: now))
        }
    }

    /// Nobody decided the stage in time: the request is denied automatically.
    mutating func timeOut(package id: Int32, epoch: Int32, now: SimTime) {
        let slot = packageRequests[Int(id)]
        guard slot.status == .pending, slot.epoch == epoch else { return }
        packageRequests[Int(id)].status = .timedOut
        pendingPackages[packageKey(slot.user, slot.package)] = nil
        sink.record(.packageRequestTimedOut(time: now, id: Int(id), stage: Int(slot.stage) + 1))
    }

    /// Cancels a request under way.
    mutating func cancelPackage(request id: Int32, now: SimTime, reason: PackageCancellation) {
        let slot = packageRequests[Int(id)]
        guard slot.status == .pending else { return }
        packageRequests[Int(id)].status = .cancelled
        pendingPackages[packageKey(slot.user, slot.package)] = nil
        sink.record(.packageRequestCancelled(time: now, id: Int(id), reason: reason))
    }

    /// Every stage approved (or none needed): the assignment starts, or the extension is applied.
    mutating func fulfil(package id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = packageRequests[Int(id)]
        if !enabled[Int(slot.user)] { return cancelPackage(request: id, now: now, reason: .requesterDisabled) }
        if slot.extend {
            guard slot.assignment >= 0, packageAssignments[Int(slot.assignment)].live else {
                return cancelPackage(request: id, now: now, reason: .assignmentEnded)
            }
            pendingPackages[packageKey(slot.user, slot.package)] = nil
            packageRequests[Int(id)].status = .fulfilled
            sink.record(.packageRequestFulfilled(time: now, id: Int(id), assignment: Int(slot.assignment)))
            // [assumption] An extension runs the policy's duration again from its approval.
            if let end = packagePolicy(slot.package, slot.policy).expiry.end(startingAt: now) {
                extendPackageAssignment(slot.assignment, to: end, now: now, queue: &queue)
            }
            return
        }
        guard livePackages[packageKey(slot.user, slot.package)] == nil else {
            return cancelPackage(request: id, now: now, reason: .alreadyAssigned)
        }
        pendingPackages[packageKey(slot.user, slot.package)] = nil
        packageRequests[Int(id)].status = .fulfilled
        sink.record(.packageRequestFulfilled(time: now, id: Int(id), assignment: packageAssignments.count))
        startPackageAssignment(user: slot.user, package: slot.package, policy: slot.policy, request: id, by: nil, now: now, queue: &queue)
    }

    /// Cancels the pending package requests of a user whose account was disabled.
    mutating func cancelPackageRequests(of user: Int32, now: SimTime) {
        for package in scenario.accessPackages.indices {
            if let id = pendingPackages[packageKey(user, Int32(package))] { cancelPackage(request: id, now: now, reason: .requesterDisabled) }
        }
    }
}
