import SimKernel
import TenantModel
import Trace

extension Engine {
    /// PIM's fixed approval window: a request without an answer lapses after 24 hours.
    static var approvalWindow: SimTime { 86_400 }

    /// An explicit request of the workload: in the core, MFA always passes. A prompt is counted
    /// unless the session already has the strength; a user without a method of the strength an
    /// authentication context asks for cannot get the request in at all.
    mutating func submit(_ request: ActivationRequest, index: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        // A disabled account cannot sign in, so it sees no prompt (and its request is rejected).
        if enabled[request.user.int] {
            if authenticate(request.user.rawValue, role: request.role.rawValue, now: now, alwaysPass: true) == .unable { return }
        }
        submit(user: request.user.rawValue, role: request.role.rawValue, duration: request.duration, forTask: false,
               start: request.start, scope: request.scope.flatMap { scopeIndex[$0] } ?? -1, now: now, queue: &queue)
    }

    /// Rules 1-3: a new activation request.
    mutating func submit(
        user: Int32, role: Int32, duration: SimTime, forTask: Bool, start: SimTime? = nil, scope: Int32 = -1,
        now: SimTime, queue: inout EventQueue<EngineEvent>
    ) {
        lastActivity[user] = now
        let id = Int32(requests.count)
        requests.append(RequestSlot(user: user, role: role, duration: duration, at: now, forTask: forTask, start: start, scope: scope, status: .pending))
        requests[Int(id)].key = requestKey(user: user, role: role, now: now, kind: "activation")
        sink.record(.requestSubmitted(time: now, id: Int(id), user: UserIndex(user), role: RoleIndex(role), duration: duration))

        let rejection: RejectionReason?
        if !enabled[Int(user)] {
            rejection = .requesterDisabled
        } else if !isEligible(user, role) || !isEligible(user, role, atScope: scope) {
            rejection = .notEligible
        } else if holds(user, role) {
            rejection = .alreadyHoldsRole
        } else if (pairs[pairKey(user, role)]?.pendingRequest ?? -1) >= 0 {
            rejection = .requestPending
        } else {
            rejection = nil
        }
        if let rejection {
            requests[Int(id)].status = .rejected
            sink.record(.requestRejected(time: now, id: Int(id), reason: rejection))
            blockWaitingTasks(user, role, now: now, reason: .rejected)
            return
        }

        let settings = policies[RoleIndex(role)].activation
        guard settings.requireApproval else {
            grantOrSchedule(request: id, now: now, queue: &queue)
            return
        }
        let approvers = approvers(for: settings, requester: user, role: role)
        sink.record(.approvalRequested(time: now, id: Int(id), approvers: approvers.map(UserIndex.init)))
        updatePair(user, role) { $0.pendingRequest = id }
        let deadline = now + Self.approvalWindow
        let approverRule = policies[RoleIndex(role)].notifications[.activation, .approver]
        notifyApprovers(approvers, role: role, event: .activation, now: now)
        requests[Int(id)].answers = answers(
            of: approvers, to: requests[Int(id)].key, purpose: "approver", mailed: approverRule.defaultRecipients, now: now
        )
        scheduleNextAnswer(id, deadline: deadline, now: now, queue: &queue)
    }

    /// Why a grant cannot take effect now (rule 3's cancellation conditions), or nil.
    func grantBlocker(user: Int32, role: Int32) -> CancellationReason? {
        if !enabled[Int(user)] { return .requesterDisabled }
        if !isEligible(user, role) { return .notEligible }
        if holds(user, role) { return .alreadyHoldsRole }
        return nil
    }

    /// When each approver answers and how, sorted by time (simultaneous answers keep the approvers'
    /// order), without the absent ones and those due at or after the 24 h deadline.
    ///
    /// Each draw has its own stream per purpose and per (request, approver), so one setting's
    /// draws never move another's: `purpose` keeps activation and extension requests apart.
    ///
    /// An approver answers `responseTime` after receiving the request's email (`mailed`), which
    /// takes `behaviour.notifications.delay` (zero by default: the core's `t + responseTime`), or,
    /// without an email, after finding the request (`behaviour.notifications.withoutMail`).
    /// Answers due `window` or more after `now` (PIM's 24 hours by default) never come.
    func answers(
        of approvers: [Int32], to request: UInt64, purpose: String, mailed: Bool = true, now: SimTime,
        window: SimTime = Self.approvalWindow
    ) -> [(time: SimTime, approver: Int32, approve: Bool)] {
        let behaviour = scenario.behaviour.approvers
        let notice = mailed ? scenario.behaviour.notifications.delay : scenario.behaviour.notifications.withoutMail
        let answers: [(time: SimTime, approver: Int32, approve: Bool)] = approvers.compactMap { approver in
            let key = request ^ stableKey([scenario.tenant.users[Int(approver)].id])
            var timing = streams.stream("\(purpose)-response", index: key)
            var verdict = streams.stream("\(purpose)-verdict", index: key)
            var presence = streams.stream("\(purpose)-absence", index: key)
            var noticing = streams.stream(mailed ? "\(purpose)-mail" : "\(purpose)-lookup", index: key)
            let delay = behaviour.responseTime.distribution.sample(&timing)
            let approve = verdict.bernoulli(behaviour.approveRate)
            guard !presence.bernoulli(behaviour.absence) else { return nil }
            let received = now + notice.distribution.sample(&noticing)
            guard let calendar = behaviour.calendar else { return (received + delay, approver, approve) }
            return (calendar.addingWorkingTime(delay, to: scenario.startEpoch + received) - scenario.startEpoch, approver, approve)
        }
        let deadline = now + window
        return answers.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
            .filter { $0.time < deadline }
    }

    /// A request's stable key: who asks, for what, when, and how many such requests came before.
    mutating func requestKey(user: Int32, role: Int32, now: SimTime, kind: String) -> UInt64 {
        occurrenceKey([kind, scenario.tenant.users[Int(user)].id, scenario.roles[Int(role)].name], at: now)
    }

    /// The stable key of something asked for at `now` and named by `parts`, told apart from the
    /// same ask made before at the same instant by its occurrence.
    mutating func occurrenceKey(_ parts: [String], at now: SimTime) -> UInt64 {
        let base = stableKey(parts, [now])
        let occurrence = submissionCounts[base, default: 0]
        submissionCounts[base] = occurrence + 1
        return stableKey([], [Int64(bitPattern: base), Int64(occurrence)])
    }

    /// The approvers fixed at request time (rule 3): named ones with groups expanded, or the
    /// holders of Privileged Role Administrator and Global Administrator; never the requester or
    /// a disabled user. PIM for Groups has no default approvers: a group policy made to require
    /// approval without naming any (by a `policy` event) leaves nobody to answer.
    func approvers(for settings: ActivationSettings, requester: Int32, role: Int32) -> [Int32] {
        var result: [Int32] = []
        var seen = Set<Int32>()
        func consider(_ user: Int32) {
            guard user != requester, enabled[Int(user)], seen.insert(user).inserted else { return }
            result.append(user)
        }
        if settings.approvers.isEmpty {
            guard scenario.roles[Int(role)].groupAccess == nil else { return [] }
            var candidates: [Int32] = []
            for role in approverRoles { candidates.append(contentsOf: holders[role] ?? []) }
            for user in Set(candidates).sorted() { consider(user) }
        } else {
            for approver in settings.approvers {
                switch approver {
                case .user(let user): consider(user.rawValue)
                case .group(let group): for member in members[group.int] { consider(member) }
                }
            }
        }
        return result
    }

    /// Schedules the next answer still due before the deadline, or the expiry.
    func scheduleNextAnswer(_ id: Int32, deadline: SimTime, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = requests[Int(id)]
        if slot.cursor < slot.answers.count {
            let time = slot.answers[slot.cursor].time
            queue.schedule(.approvalAnswer(id), at: time, phase: Phase.decision(at: time, now: now))
        } else if deadline < scenario.horizon {
            queue.schedule(.requestExpiry(id), at: deadline, phase: Phase.decisions)
        }
    }

    /// An approver's answer falls due: the first answer from an approver still enabled decides.
    mutating func answer(request id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard requests[Int(id)].status == .pending else { return }
        while requests[Int(id)].cursor < requests[Int(id)].answers.count {
            let next = requests[Int(id)].answers[requests[Int(id)].cursor]
            guard next.time == now else { break }
            requests[Int(id)].cursor += 1
            guard enabled[Int(next.approver)] else { continue }
            decide(request: id, approver: next.approver, approve: next.approve, now: now, queue: &queue)
            return
        }
        scheduleNextAnswer(id, deadline: requests[Int(id)].at + Self.approvalWindow, now: now, queue: &queue)
    }

    /// A decision at `now` (rule 3). A deny denies the request. An approval grants it, unless the
    /// requester is then disabled, no longer eligible or already holding the role: cancelled.
    mutating func decide(request id: Int32, approver: Int32, approve: Bool, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = requests[Int(id)]
        let cancellation = approve ? grantBlocker(user: slot.user, role: slot.role) : nil
        if approve {
            sink.record(.requestApproved(time: now, id: Int(id), approver: UserIndex(approver)))
        } else {
            sink.record(.requestDenied(time: now, id: Int(id), approver: UserIndex(approver)))
        }
        if let cancellation {
            cancel(request: id, now: now, reason: cancellation)
        } else if approve {
            grantOrSchedule(request: id, now: now, queue: &queue)
        } else {
            requests[Int(id)].status = .denied
            updatePair(slot.user, slot.role) { $0.pendingRequest = -1 }
            blockWaitingTasks(slot.user, slot.role, now: now, reason: .denied)
        }
    }

    mutating func expire(request id: Int32, now: SimTime) {
        let slot = requests[Int(id)]
        guard slot.status == .pending, !slot.approved else { return }
        requests[Int(id)].status = .expired
        updatePair(slot.user, slot.role) { $0.pendingRequest = -1 }
        sink.record(.requestExpired(time: now, id: Int(id)))
        blockWaitingTasks(slot.user, slot.role, now: now, reason: .expired)
    }

    mutating func cancel(request id: Int32, now: SimTime, reason: CancellationReason) {
        let slot = requests[Int(id)]
        guard slot.status == .pending else { return }
        requests[Int(id)].status = .cancelled
        updatePair(slot.user, slot.role) { $0.pendingRequest = -1 }
        sink.record(.requestCancelled(time: now, id: Int(id), reason: reason))
        blockWaitingTasks(slot.user, slot.role, now: now, reason: .cancelled)
    }

    /// Rule 4: the activation runs from `now` for the requested duration, cut to the policy's maximum.
    mutating func grant(request id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = requests[Int(id)]
        requests[Int(id)].status = .granted
        let maximum = policies[RoleIndex(slot.role)].activation.maxDuration
        let end = now + min(slot.duration, maximum)
        let activation = Int32(activations.count)
        let provisioningDelay = self.provisioningDelay(request: id)
        var record = ActivationSlot(user: slot.user, role: slot.role, start: now, live: true, forTask: slot.forTask)
        record.provisioned = provisioningDelay == 0
        activations.append(record)
        let scope = activationScope(user: slot.user, role: slot.role, asked: slot.scope)
        updatePair(slot.user, slot.role) {
            $0.activation = activation
            $0.activationScope = scope
        }
        sink.record(.activationStarted(
            time: now, id: Int(activation), request: Int(id), user: UserIndex(slot.user),
            role: RoleIndex(slot.role), scheduledEnd: end, scope: scope >= 0 && Int(scope) < scopes.count ? scopes[Int(scope)] : "/"
        ))
        if end == now {
            // A zero-length activation: over in the instant it began, never held on any step.
            endActivation(activation, now: now, reason: .expired)
        } else if end < scenario.horizon {
            queue.schedule(.activationEnd(activation), at: end, phase: Phase.stateChanges)
        }
        notifyActivation(user: slot.user, role: slot.role, now: now)
        if provisioningDelay > 0 {
            sink.record(.membershipProvisioning(time: now, activation: Int(activation), provisioned: false))
            if now + provisioningDelay < min(end, scenario.horizon) {
                queue.schedule(.provisioned(activation), at: now + provisioningDelay, phase: Phase.stateChanges)
            }
            return
        }
        startWaitingTasks(slot.user, slot.role, now: now, queue: &queue)
    }
}

extension DurationSpec {
    /// The kernel's sampler for this declared distribution.
    var distribution: DurationDistribution {
        switch self {
        case .fixed(let value): return .fixed(value)
        case .exponential(let mean): return .exponential(mean: Double(mean))
        case .uniform(let low, let high): return .uniform(min: low, max: high)
        case .logNormal(let median, let p90): return .logNormal(median: Double(median), p90: Double(p90))
        case .empirical(let values): return .empirical(values)
        }
    }
}

extension Engine {
    /// Grants now, or, for a scheduled activation whose start is later, waits for the start; the
    /// request stays pending (blocking another request for the role) until then.
    mutating func grantOrSchedule(request id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = requests[Int(id)]
        if let start = slot.start, start > now {
            requests[Int(id)].approved = true
            updatePair(slot.user, slot.role) { $0.pendingRequest = id }
            if start < scenario.horizon { queue.schedule(.activationBegin(id), at: start, phase: Phase.decisions) }
            return
        }
        updatePair(slot.user, slot.role) { $0.pendingRequest = -1 }
        grant(request: id, now: now, queue: &queue)
    }

    /// A scheduled activation's start: granted unless the requester lost the way to it meanwhile.
    mutating func beginScheduled(request id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = requests[Int(id)]
        guard slot.status == .pending, slot.approved else { return }
        if let reason = grantBlocker(user: slot.user, role: slot.role) {
            cancel(request: id, now: now, reason: reason)
        } else {
            updatePair(slot.user, slot.role) { $0.pendingRequest = -1 }
            grant(request: id, now: now, queue: &queue)
        }
    }
}
