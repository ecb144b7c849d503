import SimKernel
import TenantModel
import Trace

/// Privileged exposure per directory scope (administrative units), for scenarios with several scopes.
public struct ScopeFigures: Sendable, Equatable {
    /// User-seconds of privileged roles held at the scope, by any path.
    public var heldSeconds: Int64 = 0
    /// The part held through a standing path at the scope.
    public var standingSeconds: Int64 = 0
    /// User-seconds of eligibility for privileged roles at the scope.
    public var eligibleSeconds: Int64 = 0
    /// Creates zero figures.
    public init() {}
}

/// Folds `scopedAccessChanged` records into per-scope figures.
public struct ScopeFold: TraceSink {
    private struct Ledger {
        var state: AccessState = []
        var since: SimTime = 0
    }

    private let privileged: [Bool]
    private var ledgers: [String: [UInt64: Ledger]] = [:]
    /// Figures per scope, complete after the `finished` record.
    public private(set) var figures: [String: ScopeFigures] = [:]

    /// Prepares a fold for a run of `scenario`.
    public init(scenario: Scenario) { privileged = scenario.roles.map(\.privileged) }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        switch record {
        case .scopedAccessChanged(let time, let user, let role, let scope, let state):
            guard privileged[role.int] else { return }
            let key = UserRoleKey.make(user.rawValue, role.rawValue)
            let old = ledgers[scope]?[key] ?? Ledger()
            add(old, scope: scope, until: time)
            ledgers[scope, default: [:]][key] = Ledger(state: state, since: time)
        case .finished(let horizon, _, _):
            for (scope, entries) in ledgers {
                for ledger in entries.values { add(ledger, scope: scope, until: horizon) }
            }
            ledgers = [:]
        default:
            break
        }
    }

    private mutating func add(_ ledger: Ledger, scope: String, until time: SimTime) {
        let span = time - ledger.since
        guard span > 0 else { return }
        var entry = figures[scope] ?? ScopeFigures()
        if ledger.state.contains(.holds) { entry.heldSeconds += span }
        if ledger.state.contains(.standing) { entry.standingSeconds += span }
        if ledger.state.contains(.eligible) { entry.eligibleSeconds += span }
        figures[scope] = entry
    }
}

/// Every metric fold of a run, fed the same trace.
public struct MetricFolds: TraceSink {
    /// The contract's core metrics.
    public private(set) var core: CoreMetricsFold
    /// Friction.
    public private(set) var friction: FrictionFold
    /// Per-scope exposure.
    public private(set) var scopes: ScopeFold
    /// PIM alerts and CISA checks over time.
    public private(set) var alerts: AlertFold
    /// What compromised accounts gave attackers.
    public private(set) var attacker: AttackerFold
    /// What access reviews did.
    public private(set) var reviews: ReviewFold
    /// Emails PIM sent.
    public private(set) var notifications = NotificationFold()
    /// Entitlement management: access package requests, stages and assignments.
    public private(set) var packages: AccessPackageFold

    /// Prepares the folds for a run of `scenario`.
    public init(scenario: Scenario) {
        core = CoreMetricsFold(scenario: scenario)
        friction = FrictionFold(scenario: scenario)
        scopes = ScopeFold(scenario: scenario)
        alerts = AlertFold(scenario: scenario)
        attacker = AttackerFold(scenario: scenario)
        reviews = ReviewFold(scenario: scenario)
        packages = AccessPackageFold(scenario: scenario)
    }

    /// Feeds every fold.
    public mutating func record(_ record: TraceRecord) {
        core.record(record)
        friction.record(record)
        scopes.record(record)
        alerts.record(record)
        attacker.record(record)
        reviews.record(record)
        notifications.record(record)
        packages.record(record)
    }
}
