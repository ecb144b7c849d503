import OrderedCollections
import SimKernel
import TenantModel
import Trace

/// PIM semantics on the kernel: assignments, activations, approvals, expiries, injected events.
///
/// The engine implements the core contract (`scenario-format.md`, rules 1-6) and reports what
/// happens to a `TraceSink`. It keeps only the live state; metrics are computed by the sink.
struct Engine<Sink: TraceSink>: SimulationModel {
    typealias Payload = EngineEvent

    let scenario: Scenario
    let streams: RandomStreams
    /// The sink receiving the trace; read it back after `run`.
    var sink: Sink

    /// The role settings in effect (changed by `policy` events).
    var policies: PolicySet
    var assignments: [Assignment]
    var assignmentSlots: [AssignmentSlot]
    var activations: [ActivationSlot] = []
    var requests: [RequestSlot] = []
    var tasks: [TaskSlot] = []
    var extensions: [ExtensionSlot] = []
    /// Access review instances, their drawn answers, and what reviews need of people.
    var reviewInstances: [ReviewInstance] = []
    var reviewAnswers: [Int64: Bool] = [:]
    var managers: [UserIndex?]
    /// The last activity (request, task, activation) per user: the stand-in for sign-ins.
    var lastActivity: [Int32: SimTime] = [:]
    /// When each user's session ends (0: none yet); a session is opened by a sign-in.
    var sessionEnds: [SimTime]
    /// The strongest authentication each user's current session carries (nil: password only).
    var sessionStrengths: [AuthenticationStrength?]
    /// Compromises under way or past.
    var compromises: [(event: ScenarioEvent, user: Int32, end: SimTime, live: Bool)] = []
    var arrivalStreams = IntegerKeyMap<RandomStream>()
    var durationStreams = IntegerKeyMap<RandomStream>()
    var deactivationStreams = IntegerKeyMap<RandomStream>()
    var mfaStreams: [Int32: RandomStream] = [:]

    var enabled: [Bool]
    /// Effective members: static members and members through PIM for Groups.
    var members: [OrderedSet<Int32>]
    /// Members by the tenant and `membership` events.
    var staticMembers: [Set<Int32>]
    /// Members through an activated PIM for Groups membership (just in time).
    var pimMembers: [Set<Int32>]
    /// Members through an active (standing) PIM for Groups assignment.
    var assignedMembers: [Set<Int32>]
    /// PIM for Groups membership pseudo-roles and their groups.
    let membershipRoles: [Int32: GroupIndex]
    /// Assignments in effect per group.
    var groupAssignments: [OrderedSet<Int32>]
    /// Roles each user has any state for (so `leave` can find them).
    var rolesOfUser: [OrderedSet<Int32>]
    var pairs = IntegerKeyMap<PairState>()
    var dirty: [UInt64] = []
    /// Users holding each role right now (kept for the default approvers: GA and PRA).
    var holders: [Int32: OrderedSet<Int32>] = [:]
    /// How many of the watched roles each user holds (users holding none are absent).
    var watchedHeld: [Int32: Int] = [:]
    let watchedRoles: Set<Int32>
    /// The default approvers' roles: Global Administrator and Privileged Role Administrator.
    let approverRoles: [Int32]
    /// Each generator's ordinal among the generators of its role (a stable part of its streams' keys).
    let generatorOrdinals: [Int]
    /// Requests made so far per (user, role, time): the occurrence part of a request's stable key.
    var submissionCounts = IntegerKeyMap<Int>()
    /// Members through access package assignments, per group: user → how many assignments grant it
    /// (empty when the scenario has no access packages).
    var packageMembers: [[Int32: Int32]] = []
    /// Owners through access package assignments, per group, counted the same way.
    var packageOwners: [[Int32: Int32]] = []
    var packageRequests: [PackageRequestSlot] = []
    var packageAssignments: [PackageAssignmentSlot] = []
    /// The live assignment (or pending request) per (user, package) key, by id.
    var livePackages = IntegerKeyMap<Int32>()
    var pendingPackages = IntegerKeyMap<Int32>()
    var packageReviews: [PackageReviewInstance] = []
    /// Directory scopes by index, when the scenario uses more than `/` (else empty: no per-scope work).
    let scopes: [String]
    let scopeIndex: [String: Int32]

    /// Prepares an engine for `scenario`; `seed` overrides the scenario's seed.
    init(scenario: Scenario, seed: UInt64, sink: Sink) {
        self.scenario = scenario
        self.streams = RandomStreams(seed: seed)
        self.sink = sink
        policies = scenario.policies
        assignments = scenario.assignments
        assignmentSlots = Array(repeating: AssignmentSlot(), count: scenario.assignments.count)
        let userCount = scenario.tenant.users.count
        enabled = Array(repeating: true, count: userCount)
        sessionEnds = Array(repeating: 0, count: userCount)
        sessionStrengths = Array(repeating: nil, count: userCount)
        managers = scenario.tenant.users.map(\.manager)
        // Joiners are absent (as if disabled) until their `join` event.
        for event in scenario.events {
            if case .join(let user) = event.action { enabled[user.int] = false }
        }
        members = scenario.tenant.groups.map { OrderedSet($0.members.map(\.rawValue)) }
        staticMembers = scenario.tenant.groups.map { Set($0.members.map(\.rawValue)) }
        pimMembers = Array(repeating: [], count: scenario.tenant.groups.count)
        assignedMembers = pimMembers
        var membershipRoles: [Int32: GroupIndex] = [:]
        for (index, role) in scenario.roles.enumerated() {
            if let access = role.groupAccess, access.kind == .member { membershipRoles[Int32(index)] = access.group }
        }
        self.membershipRoles = membershipRoles
        groupAssignments = Array(repeating: [], count: scenario.tenant.groups.count)
        rolesOfUser = Array(repeating: [], count: userCount)
        if !scenario.accessPackages.isEmpty {
            packageMembers = Array(repeating: [:], count: scenario.tenant.groups.count)
            packageOwners = packageMembers
        }
        approverRoles = [scenario.globalAdministrator, scenario.privilegedRoleAdministrator].compactMap { $0?.rawValue }
        // Security Administrators also receive PIM's administrator emails.
        watchedRoles = Set(approverRoles + [scenario.roleIndex("Security Administrator")?.rawValue].compactMap { $0 })
        var seen: [RoleIndex: Int] = [:]
        generatorOrdinals = scenario.taskGenerators.map { generator in
            defer { seen[generator.role, default: 0] += 1 }
            return seen[generator.role, default: 0]
        }
        var names = Set(scenario.assignments.map(\.scope))
        for event in scenario.events { if case .assign(let assignment) = event.action { names.insert(assignment.scope) } }
        for request in scenario.requests { if let scope = request.scope { names.insert(scope) } }
        names.insert("/")
        scopes = names.count > 1 ? names.sorted() : []
        scopeIndex = Dictionary(uniqueKeysWithValues: scopes.enumerated().map { ($1, Int32($0)) })
    }

    /// Schedules the scenario's timeline: assignments, then events, then requests, in file order,
    /// then the first task of every generator and user.
    mutating func scheduleTimeline(_ queue: inout EventQueue<EngineEvent>) {
        for (index, assignment) in scenario.assignments.enumerated() {
            scheduleAssignment(Int32(index), assignment, from: 0, &queue)
        }
        for (index, event) in scenario.events.enumerated() where event.at < scenario.horizon {
            queue.schedule(.scenarioEvent(Int32(index)), at: event.at, phase: Phase.stateChanges)
        }
        // Timed workload items of every kind, in file order, so that same-instant items keep it.
        var timed: [(order: Int, at: SimTime, event: EngineEvent)] = []
        for (index, request) in scenario.requests.enumerated() {
            timed.append((request.order, request.at, .request(Int32(index))))
        }
        for (index, request) in scenario.extensions.enumerated() {
            timed.append((request.order, request.at, .extensionRequest(Int32(index))))
        }
        for (index, request) in scenario.deactivations.enumerated() {
            timed.append((request.order, request.at, .deactivationRequest(Int32(index))))
        }
        for (index, generator) in scenario.taskGenerators.enumerated() where generator.arrivals != nil {
            for user in generator.users {
                // An explicit task: its only arrival, scheduled in file order with the other items.
                if let at = generator.arrivals?.first { timed.append((generator.order, at, .taskArrival(generator: Int32(index), user: user.rawValue))) }
            }
        }
        for (index, request) in scenario.packageRequests.enumerated() {
            timed.append((request.order, request.at, .packageRequest(Int32(index))))
        }
        for item in timed.sorted(by: { $0.order < $1.order }) where item.at < scenario.horizon {
            queue.schedule(item.event, at: item.at, phase: Phase.requests)
        }
        seedTasks(&queue)
        seedPackageRequests(&queue)
        schedulePackageReviews(&queue)
        scheduleReviews(&queue)
        scheduleSignIns(&queue)
    }

    func scheduleAssignment(_ id: Int32, _ assignment: Assignment, from earliest: SimTime, _ queue: inout EventQueue<EngineEvent>) {
        let start = max(assignment.start, earliest)
        if let end = assignment.end, end <= start { return }
        guard start < scenario.horizon else { return }
        queue.schedule(.assignmentStart(id), at: start, phase: Phase.stateChanges)
        if let end = assignment.end, end < scenario.horizon {
            queue.schedule(.assignmentEnd(id), at: end, phase: Phase.stateChanges)
        }
        if let end = assignment.end { scheduleExpiryNotices(id, end: end, now: start, &queue) }
    }

    // MARK: SimulationModel

    mutating func handle(_ payload: EngineEvent, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        switch payload {
        case .assignmentStart(let id): startAssignment(id, now: now)
        case .assignmentEnd(let id):
            // An extension moves the end: an end event for an older end time is stale.
            if assignments[Int(id)].end == now { endAssignment(id, now: now, reason: .expired) }
        case .scenarioEvent(let index): apply(scenario.events[Int(index)], now: now, queue: &queue)
        case .activationEnd(let id): endActivation(id, now: now, reason: .expired)
        case .approvalAnswer(let id): answer(request: id, now: now, queue: &queue)
        case .requestExpiry(let id): expire(request: id, now: now)
        case .request(let index): submit(scenario.requests[Int(index)], index: index, now: now, queue: &queue)
        case .taskArrival(let generator, let user): arrive(generator: generator, user: user, now: now, queue: &queue)
        case .taskRetry(let id): begin(task: id, now: now, queue: &queue)
        case .taskEnd(let id): finish(task: id, now: now, queue: &queue)
        case .deactivate(let id): deactivate(id, now: now)
        case .deactivationRequest(let index): requestDeactivation(scenario.deactivations[Int(index)], now: now)
        case .activationBegin(let id): beginScheduled(request: id, now: now, queue: &queue)
        case .extensionRequest(let index): requestExtension(index, now: now, queue: &queue)
        case .extensionAnswer(let id): answerExtension(id, now: now, queue: &queue)
        case .extensionExpiry(let id): expireExtension(id, now: now)
        case .taskSubmit(let id): submitPrepared(task: id, now: now, queue: &queue)
        case .disableUser(let user): disable(user, now: now)
        case .attackerTick(let index): attackerTick(index, now: now, queue: &queue)
        case .reviewStart(let review, let number): startReview(review, number: number, now: now, queue: &queue)
        case .reviewDecision(let instance, let item): decideReview(instance: instance, item: item, now: now)
        case .reviewEnd(let instance): endReview(instance, now: now, queue: &queue)
        case .reviewApply(let instance): applyReview(instance, now: now)
        case .compromiseEnd(let index): endCompromise(index, now: now)
        case .servicePrincipalCompromiseEnd(let index):
            sink.record(.servicePrincipalCompromise(time: now, servicePrincipal: Int(index), started: false))
        case .signIn(let user, let day): scheduledSignIn(user, day: day, now: now, queue: &queue)
        case .expiryNotice(let id, let days): expiryNotice(id, daysBefore: days, now: now)
        case .provisioned(let id): provision(id, now: now, queue: &queue)
        case .packageRequest(let index): submitPackage(scenario.packageRequests[Int(index)], now: now, queue: &queue)
        case .packageArrival(let generator, let user): packageArrival(generator: generator, user: user, now: now, queue: &queue)
        case .packageAnswer(let id, let epoch): packageAnswer(id, epoch: epoch, now: now, queue: &queue)
        case .packageEscalation(let id, let epoch): escalate(package: id, epoch: epoch, now: now, queue: &queue)
        case .packageTimeout(let id, let epoch): timeOut(package: id, epoch: epoch, now: now)
        case .packageAssignmentEnd(let id): expirePackageAssignment(id, now: now)
        case .packageReviewStart(let package, let policy, let number): startPackageReview(package, policy: policy, number: number, now: now, queue: &queue)
        case .packageReviewDecision(let instance, let item): decidePackageReview(instance: instance, item: item, now: now)
        case .packageReviewEnd(let instance): endPackageReview(instance, now: now)
        }
    }

    mutating func phaseEnded(_ phase: UInt8, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard phase == Phase.stateChanges else { return }
        // Rule 4: an activation ends when, after this instant's state changes, no eligible path is
        // left. Ending one (a group membership) can take eligibility away from others: the sweep
        // runs until the dirty list stops growing.
        var index = 0
        while index < dirty.count {
            let key = dirty[index]
            index += 1
            guard let state = pairs[key], state.activation >= 0, state.eligiblePaths == 0 else { continue }
            endActivation(state.activation, now: now, reason: .eligibilityLost)
        }
    }

    mutating func instantEnded(now: SimTime) {
        dirty.sort()
        for key in dirty {
            guard var state = pairs[key] else { continue }
            state.dirty = false
            let user = UserRoleKey.user(key)
            let role = UserRoleKey.role(key)
            let current = accessState(state, user: user)
            if current != state.reported {
                state.reported = current
                sink.record(.accessChanged(time: now, user: UserIndex(user), role: RoleIndex(role), state: current))
            }
            if !scopes.isEmpty { reportScopes(&state, user: user, role: role, now: now) }
            pairs[key] = state
        }
        dirty.removeAll(keepingCapacity: true)
    }

    /// Ends the run: reports requests still pending and orphaned assignments.
    mutating func finish() {
        reportUnresolvedTasks()
        let pending = requests.indices.filter { requests[$0].status == .pending }
        let orphaned = assignments.indices.filter { index in
            guard case .user(let user) = assignments[index].principal else { return false }
            let slot = assignmentSlots[index]
            return slot.started && !slot.ended && !enabled[user.int]
        }
        sink.record(.finished(horizon: scenario.horizon, pendingRequests: pending, orphanedAssignments: orphaned))
    }
}

/// Replays a scenario through PIM's semantics.
public enum PIMReplay {
    /// Runs `scenario` to its horizon and returns the sink with the whole trace fed to it.
    ///
    /// `seed` overrides the scenario's own seed.
    public static func run<Sink: TraceSink>(
        _ scenario: Scenario, seed: UInt64? = nil, sink: Sink
    ) -> (sink: Sink, statistics: RunStatistics) {
        var engine = Engine(scenario: scenario, seed: seed ?? scenario.seed, sink: sink)
        var queue = EventQueue<EngineEvent>()
        engine.scheduleTimeline(&queue)
        queue.checkInvariants()
        let statistics = Simulation.run(&engine, queue: &queue, horizon: scenario.horizon)
        queue.checkInvariants()
        engine.finish()
        return (engine.sink, statistics)
    }
}
