import SimKernel
import TenantModel
import Trace

extension Engine {
    /// Deactivation is refused in the first five minutes of an activation (S-ACTIVATE).
    static var minimumActivationBeforeDeactivation: SimTime { 300 }

    /// The stable key of a (generator, user) process: the user's id, the role's name and the
    /// generator's ordinal among the generators of that role.
    func processKey(_ generator: Int32, _ user: Int32) -> UInt64 {
        let definition = scenario.taskGenerators[Int(generator)]
        return stableKey([scenario.tenant.users[Int(user)].id, scenario.roles[definition.role.int].name], [Int64(generatorOrdinals[Int(generator)])])
    }

    /// Schedules every generator's first arrival for each of its users.
    mutating func seedTasks(_ queue: inout EventQueue<EngineEvent>) {
        for (index, generator) in scenario.taskGenerators.enumerated() where generator.arrivals == nil {
            for user in generator.users {
                scheduleArrival(Int32(index), user.rawValue, after: generator.from, &queue)
            }
        }
    }

    /// Draws the next gap of a Poisson process (in working time under a calendar) and schedules it.
    mutating func scheduleArrival(_ generator: Int32, _ user: Int32, after time: SimTime, _ queue: inout EventQueue<EngineEvent>) {
        let definition = scenario.taskGenerators[Int(generator)]
        // An explicit task arrives once; it was scheduled with the other workload items.
        if definition.arrivals != nil { return }
        guard let arrival = nextArrival(after: time, every: definition.every, calendar: definition.calendar, until: definition.until,
                                        key: processKey(generator, user), stream: "task-arrivals") else { return }
        queue.schedule(.taskArrival(generator: generator, user: user), at: arrival, phase: Phase.requests)
    }

    /// The next arrival of a Poisson process with mean gap `every` after `time` (the gap counted
    /// in working time under `calendar`), drawn from the process's own stream; nil when it would
    /// fall at or after `until` or the horizon.
    mutating func nextArrival(after time: SimTime, every: Seconds, calendar: WorkCalendar?, until: SimTime?, key: UInt64, stream name: String) -> SimTime? {
        var stream = arrivalStreams[key] ?? streams.stream(name, index: key)
        let gap = max(1, DurationDistribution.exponential(mean: Double(every)).sample(&stream))
        arrivalStreams[key] = stream
        let arrival = calendar.map { $0.addingWorkingTime(gap, to: scenario.startEpoch + time) - scenario.startEpoch } ?? time + gap
        return arrival < min(until ?? scenario.horizon, scenario.horizon) ? arrival : nil
    }

    /// A task arrives: it reuses a role already held, waits on a pending request, or asks for one.
    mutating func arrive(generator: Int32, user: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard enabled[Int(user)] else { return }
        scheduleArrival(generator, user, after: now, &queue)
        let definition = scenario.taskGenerators[Int(generator)]
        let key = processKey(generator, user)
        var stream = durationStreams[key] ?? streams.stream("task-durations", index: key)
        let duration = max(1, definition.duration.distribution.sample(&stream))
        durationStreams[key] = stream
        ensureSession(user, now: now)
        lastActivity[user] = now
        let id = Int32(tasks.count)
        tasks.append(TaskSlot(generator: generator, user: user, role: definition.role.rawValue, arrival: now, duration: duration))
        sink.record(.taskArrived(time: now, id: Int(id), generator: Int(generator), user: UserIndex(user), role: definition.role, duration: duration))
        begin(task: id, now: now, queue: &queue)
    }

    mutating func begin(task id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard tasks[Int(id)].status == .waiting else { return }
        if route(task: id, now: now, queue: &queue) { requestAccess(for: id, now: now, queue: &queue) }
    }

    /// Starts the task if the user holds the role, queues it behind a pending request, or blocks it
    /// for a disabled user; returns true when the user must ask for the role.
    mutating func route(task id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) -> Bool {
        let task = tasks[Int(id)]
        if !enabled[Int(task.user)] {
            block(task: id, now: now, reason: .rejected)
        } else if holds(task.user, task.role), !provisioning(task.user, task.role) {
            start(task: id, now: now, queue: &queue)
        } else if provisioning(task.user, task.role) {
            // A membership granted but not provisioned yet: the task waits for it.
            updatePair(task.user, task.role) { $0.waitingTasks.append(id) }
        } else if (pairs[pairKey(task.user, task.role)]?.pendingRequest ?? -1) >= 0 {
            updatePair(task.user, task.role) { $0.waitingTasks.append(id) }
        } else {
            return true
        }
        return false
    }

    /// Prompts for MFA when the policy asks for it, then submits a request sized by the strategy.
    mutating func requestAccess(for id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let task = tasks[Int(id)]
        let settings = policies[RoleIndex(task.role)].activation
        switch authenticate(task.user, role: task.role, now: now, alwaysPass: false) {
        case .notRequired, .satisfiedBySession, .passed:
            break
        case .unable:
            block(task: id, now: now, reason: .authenticationStrength)
            return
        case .failed:
            let mfa = scenario.behaviour.mfa
            tasks[Int(id)].mfaAttempts += 1
            if tasks[Int(id)].mfaAttempts < mfa.attempts {
                let retry = now + mfa.retryAfter
                if retry < scenario.horizon { queue.schedule(.taskRetry(id), at: retry, phase: Phase.requests) }
            } else {
                block(task: id, now: now, reason: .mfaFailed)
            }
            return
        }
        // Writing a justification and finding a ticket take time before the request goes in.
        let behaviour = scenario.behaviour
        let preparation = (settings.requireJustification ? behaviour.justificationTime : 0) + (settings.requireTicket ? behaviour.ticketTime : 0)
        if preparation > 0 {
            tasks[Int(id)].preparing = true
            let submitAt = now + preparation
            if submitAt < scenario.horizon { queue.schedule(.taskSubmit(id), at: submitAt, phase: Phase.requests) }
            return
        }
        submitRequest(for: id, now: now, queue: &queue)
    }

    /// The prepared request goes in, unless the role was obtained meanwhile (the task then joins it).
    mutating func submitPrepared(task id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard tasks[Int(id)].status == .waiting, tasks[Int(id)].preparing else { return }
        tasks[Int(id)].preparing = false
        if route(task: id, now: now, queue: &queue) { submitRequest(for: id, now: now, queue: &queue) }
    }

    mutating func submitRequest(for id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let task = tasks[Int(id)]
        let requested: SimTime
        switch scenario.taskGenerators[Int(task.generator)].strategy {
        case .taskLength(let slack): requested = task.duration + slack
        case .maximum: requested = policies[RoleIndex(task.role)].activation.maxDuration
        }
        updatePair(task.user, task.role) { $0.waitingTasks.append(id) }
        submit(user: task.user, role: task.role, duration: requested, forTask: true, now: now, queue: &queue)
    }

    /// An explicit early deactivation: refused in the first five minutes of the activation.
    mutating func requestDeactivation(_ request: DeactivationRequest, now: SimTime) {
        guard let activation = pairs[pairKey(request.user.rawValue, request.role.rawValue)]?.activation, activation >= 0 else { return }
        if now - activations[Int(activation)].start < Self.minimumActivationBeforeDeactivation {
            sink.record(.deactivationRefused(time: now, user: request.user, role: request.role))
            return
        }
        endActivation(activation, now: now, reason: .deactivated)
    }

    mutating func start(task id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let task = tasks[Int(id)]
        tasks[Int(id)].status = .running
        updatePair(task.user, task.role) { $0.runningTasks += 1 }
        sink.record(.taskStarted(time: now, id: Int(id), waited: now - task.arrival))
        let end = now + task.duration
        if end < scenario.horizon { queue.schedule(.taskEnd(id), at: end, phase: Phase.stateChanges) }
    }

    mutating func block(task id: Int32, now: SimTime, reason: TaskBlockReason) {
        tasks[Int(id)].status = .blocked
        sink.record(.taskBlocked(time: now, id: Int(id), reason: reason))
    }

    mutating func startWaitingTasks(_ user: Int32, _ role: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard let waiting = pairs[pairKey(user, role)]?.waitingTasks, !waiting.isEmpty else { return }
        updatePair(user, role) { $0.waitingTasks.removeAll() }
        for id in waiting { start(task: id, now: now, queue: &queue) }
    }

    mutating func blockWaitingTasks(_ user: Int32, _ role: Int32, now: SimTime, reason: TaskBlockReason) {
        guard let waiting = pairs[pairKey(user, role)]?.waitingTasks, !waiting.isEmpty else { return }
        updatePair(user, role) { $0.waitingTasks.removeAll() }
        for id in waiting { block(task: id, now: now, reason: reason) }
    }

    /// A task's work is done; the user may deactivate an activation made for tasks (never in its first 5 minutes).
    mutating func finish(task id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let task = tasks[Int(id)]
        guard task.status == .running else { return }
        tasks[Int(id)].status = .done
        updatePair(task.user, task.role) { $0.runningTasks -= 1 }
        sink.record(.taskFinished(time: now, id: Int(id)))
        guard let state = pairs[pairKey(task.user, task.role)], state.runningTasks == 0, state.activation >= 0,
              activations[Int(state.activation)].forTask, enabled[Int(task.user)] else { return }
        let definition = scenario.taskGenerators[Int(task.generator)]
        let probability = definition.deactivateEarly ?? scenario.behaviour.deactivateEarly
        let key = processKey(task.generator, task.user)
        var stream = deactivationStreams[key] ?? streams.stream("deactivate-early", index: key)
        let deactivates = stream.bernoulli(probability)
        deactivationStreams[key] = stream
        guard deactivates else { return }
        let at = max(now, activations[Int(state.activation)].start + Self.minimumActivationBeforeDeactivation)
        if at < scenario.horizon { queue.schedule(.deactivate(state.activation), at: at, phase: Phase.stateChanges) }
    }

    /// The user deactivates, unless a new task has started to use the role meanwhile.
    mutating func deactivate(_ activation: Int32, now: SimTime) {
        let slot = activations[Int(activation)]
        guard slot.live, (pairs[pairKey(slot.user, slot.role)]?.runningTasks ?? 0) == 0 else { return }
        endActivation(activation, now: now, reason: .deactivated)
    }

    /// Tasks still waiting at the horizon, reported before the final record.
    mutating func reportUnresolvedTasks() {
        for id in tasks.indices where tasks[id].status == .waiting {
            sink.record(.taskBlocked(time: scenario.horizon, id: id, reason: .pendingAtHorizon))
        }
    }
}
