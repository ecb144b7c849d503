import SimKernel
import TenantModel
import Trace

/// Folds a trace into `CoreMetrics` as it streams: memory grows with (user, role) pairs, not with events.
public struct CoreMetricsFold: TraceSink {
    private struct PairLedger {
        var state: AccessState = []
        var since: SimTime = 0
    }

    private let scenario: Scenario
    private let globalAdministrator: Int32?
    private let privileged: [Bool]
    private var ledgers = IntegerKeyMap<PairLedger>()
    private var activeSeconds: [Int64]
    private var eligibleSeconds: [Int64]
    private var standingSeconds: [Int64]
    private var idleSeconds: [Int64]
    private var uncoveredSeconds: [Int64]
    private var userFigures: [Int32: CoreMetrics.UserFigures] = [:]
    private var everEligible = Set<Int32>()
    private var refusedAssignments = 0
    private var refusedRemovals = 0
    private var adminActions = AdminActionCounts()
    private var departed = Set<Int32>()
    private var leaverExposure: Int64 = 0
    /// Privileged roles each user holds through a standing path right now.
    private var standingRolesPerUser: [Int32]
    private var standingAdmins = StepStatistic()
    private var globalAdmins = StepStatistic()
    private var activations = CoreMetrics.Activations()
    private var orphaned = 0
    private var finished = false

    /// Prepares a fold for a run of `scenario`.
    public init(scenario: Scenario) {
        self.scenario = scenario
        globalAdministrator = scenario.globalAdministrator?.rawValue
        privileged = scenario.roles.map(\.privileged)
        activeSeconds = Array(repeating: 0, count: scenario.roles.count)
        eligibleSeconds = activeSeconds
        standingSeconds = activeSeconds
        idleSeconds = activeSeconds
        uncoveredSeconds = activeSeconds
        standingRolesPerUser = Array(repeating: 0, count: scenario.tenant.users.count)
    }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        switch record {
        case .accessChanged(let time, let user, let role, let state):
            accessChanged(time: time, user: user.rawValue, role: role.rawValue, to: state)
        case .requestSubmitted: activations.requested += 1
        case .requestRejected: activations.rejected += 1
        case .requestExpired: activations.expired += 1
        case .requestCancelled: activations.cancelled += 1
        case .activationStarted: activations.granted += 1
        case .requestDenied: activations.denied += 1
        case .assignmentRefused: refusedAssignments += 1
        case .removalRefused: refusedRemovals += 1
        case .adminAction(_, let kind, _, _, _, let result):
            switch (result, kind) {
            case (.done, .cancelRequest): adminActions.cancelRequest += 1
            case (.done, .revokeActivation): adminActions.revokeActivation += 1
            case (.done, .adminExtend): adminActions.adminExtend += 1
            case (.refused, _): adminActions.refused += 1
            case (.noEffect, _): adminActions.noEffect += 1
            }
        case .userDeparted(let time, let user):
            // Close the user's ledgers at the departure, so exposure after it is counted apart.
            for (key, ledger) in ledgers where UserRoleKey.user(key) == user.rawValue {
                accumulate(ledger, user: user.rawValue, role: UserRoleKey.role(key), until: time)
                ledgers[key] = PairLedger(state: ledger.state, since: time)
            }
            departed.insert(user.rawValue)
        case .finished(let horizon, let pending, let orphanedAssignments):
            activations.pending = pending.count
            orphaned = orphanedAssignments.count
            finish(horizon: horizon)
        default:
            break
        }
    }

    private mutating func accessChanged(time: SimTime, user: Int32, role: Int32, to state: AccessState) {
        standingAdmins.advance(to: time)
        globalAdmins.advance(to: time)
        let key = UserRoleKey.make(user, role)
        let old = ledgers[key] ?? PairLedger()
        accumulate(old, user: user, role: role, until: time)
        if state.contains(.eligible) { everEligible.insert(user) }
        if privileged[Int(role)] && old.state.contains(.standing) != state.contains(.standing) {
            let before = standingRolesPerUser[Int(user)]
            let after = before + (state.contains(.standing) ? 1 : -1)
            standingRolesPerUser[Int(user)] = after
            if before == 0 && after > 0 { standingAdmins.add(1) }
            if before > 0 && after == 0 { standingAdmins.add(-1) }
        }
        if role == globalAdministrator && old.state.contains(.holds) != state.contains(.holds) {
            globalAdmins.add(state.contains(.holds) ? 1 : -1)
        }
        ledgers[key] = PairLedger(state: state, since: time)
    }

    private mutating func accumulate(_ ledger: PairLedger, user: Int32, role: Int32, until time: SimTime) {
        let span = time - ledger.since
        guard span > 0 else { return }
        let state = ledger.state
        let holds = state.contains(.holds)
        let inUse = state.contains(.inUse)
        if holds { activeSeconds[Int(role)] += span }
        if state.contains(.standing) { standingSeconds[Int(role)] += span }
        if state.contains(.eligible) { eligibleSeconds[Int(role)] += span }
        if holds && !inUse { idleSeconds[Int(role)] += span }
        if inUse && !holds { uncoveredSeconds[Int(role)] += span }
        if holds && privileged[Int(role)] && departed.contains(user) { leaverExposure += span }
        if holds && privileged[Int(role)] {
            var figures = userFigures[user] ?? CoreMetrics.UserFigures(user: UserIndex(user))
            figures.privilegedSeconds += span
            if state.contains(.standing) { figures.standingSeconds += span }
            if !inUse { figures.idleSeconds += span }
            userFigures[user] = figures
        }
    }

    private mutating func finish(horizon: SimTime) {
        guard !finished else { return }
        finished = true
        for (key, ledger) in ledgers {
            accumulate(ledger, user: UserRoleKey.user(key), role: UserRoleKey.role(key), until: horizon)
        }
        standingAdmins.finish(at: horizon)
        globalAdmins.finish(at: horizon)
    }

    /// The metrics; call after the trace's `finished` record.
    public var metrics: CoreMetrics {
        var total: Int64 = 0
        var standing: Int64 = 0
        for index in scenario.roles.indices where privileged[index] {
            total += activeSeconds[index]
            standing += standingSeconds[index]
        }
        let roles = scenario.referencedRoles.map { role in
            CoreMetrics.RoleFigures(
                name: scenario[role].name, privileged: scenario[role].privileged,
                activeSeconds: activeSeconds[role.int], eligibleSeconds: eligibleSeconds[role.int],
                standingSeconds: standingSeconds[role.int], idleSeconds: idleSeconds[role.int],
                uncoveredSeconds: uncoveredSeconds[role.int]
            )
        }
        var metrics = CoreMetrics(
            horizon: scenario.horizon, privilegedTotalSeconds: total, privilegedStandingSeconds: standing,
            roles: roles, standingAdmins: standingAdmins, globalAdmins: globalAdmins,
            activations: activations, orphanedAssignments: orphaned
        )
        metrics.users = userFigures.keys.sorted().compactMap { userFigures[$0] }
        metrics.eligibleUsers = everEligible.count
        metrics.refusedAssignments = refusedAssignments
        metrics.refusedRemovals = refusedRemovals
        metrics.adminActions = adminActions
        metrics.leaverExposureSeconds = leaverExposure
        return metrics
    }
}
