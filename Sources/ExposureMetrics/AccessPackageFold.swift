import SimKernel
import TenantModel
import Trace

/// What entitlement management did in a run: requests by outcome, each approval stage's
/// decisions and latency, assignments, reviews, and the privileged hours reached through
/// access packages kept apart from those reached through PIM alone.
public struct AccessPackageMetrics: Sendable, Equatable {
    /// Outcomes of requests of one kind (new assignments, or extensions).
    public struct Outcomes: Sendable, Equatable {
        /// Requests made.
        public var submitted = 0
        /// Fulfilled: every stage approved, or no approval needed.
        public var fulfilled = 0
        /// Denied by an approver.
        public var denied = 0
        /// Denied automatically: a stage's time ran out.
        public var timedOut = 0
        /// Refused on arrival, by reason.
        public var rejected: [PackageRejection: Int] = [:]
        /// Cancelled while under way.
        public var cancelled = 0
        /// Creates zero outcomes.
        public init() {}
        /// Requests still under way at the horizon.
        public var pending: Int { submitted - fulfilled - denied - timedOut - rejected.values.reduce(0, +) - cancelled }
    }

    /// One approval stage (by its number) over every policy.
    public struct Stage: Sendable, Equatable {
        /// Requests that reached the stage.
        public var started = 0
        /// Decided by an approver: approved or denied.
        public var approved = 0
        /// See `approved`.
        public var denied = 0
        /// No decision before the timeout.
        public var timedOut = 0
        /// Escalated to the escalation approvers.
        public var escalated = 0
        /// Started with the fallback approvers (no primary approver could be found).
        public var fallback = 0
        /// Seconds from the stage's start to its decision, one per decided stage.
        public var latencies: [Int64] = []
        /// Creates a stage with nothing yet.
        public init() {}
    }

    /// Per package.
    public struct Package: Sendable, Equatable {
        /// New-assignment requests and their outcomes.
        public var requests = Outcomes()
        /// Assignments that started (after requests, or made directly).
        public var assignments = 0
        /// Seconds users held a privileged role with this package on the way.
        public var privilegedSeconds: Int64 = 0
        /// Creates a package with nothing yet.
        public init() {}
    }

    /// New-assignment requests.
    public var requests = Outcomes()
    /// Extension requests.
    public var extensions = Outcomes()
    /// Stages by number (index 0 is stage 1).
    public var stages: [Stage] = []
    /// Assignments started after a request, and made directly by an administrator.
    public var assignmentsByRequest = 0
    /// See `assignmentsByRequest`.
    public var assignmentsDirect = 0
    /// Assignments that ended: expired, removed by an administrator, denied by a review.
    public var expired = 0
    /// See `expired`.
    public var removed = 0
    /// See `expired`.
    public var reviewDenied = 0
    /// Extensions applied.
    public var extended = 0
    /// Review instances and their items' decisions.
    public var reviewInstances = 0
    /// See `reviewInstances`.
    public var reviewItems = 0
    /// Decisions by reviewers and by default.
    public var reviewApproved = 0
    /// See `reviewApproved`.
    public var reviewRefused = 0
    /// Decisions taken by the default (nobody answered).
    public var reviewByDefault = 0
    /// Seconds users held privileged roles with an access package on the way.
    public var privilegedSecondsViaPackages: Int64 = 0
    /// Seconds users held privileged roles without one (PIM assignments and activations only).
    public var privilegedSecondsOther: Int64 = 0
    /// Per package, in the scenario's order.
    public var packages: [Package] = []
    /// Creates zero metrics.
    public init() {}
}

/// Folds entitlement management's trace records into `AccessPackageMetrics`.
public struct AccessPackageFold: TraceSink {
    private let scenario: Scenario
    private let privileged: [Bool]
    private let active: Bool
    private var requests: [Int: (package: Int, extend: Bool)] = [:]
    private var stageStarts: [Int: SimTime] = [:]
    private var assignmentOwners: [Int: (user: Int32, package: Int)] = [:]
    /// The privileged pairs each user has a ledger for.
    private var userKeys: [Int32: [UInt64]] = [:]
    /// Per (user, privileged role): since when, whether held, whether through a package.
    private var ledgers: [UInt64: (since: SimTime, holds: Bool, viaPackage: Bool)] = [:]
    /// The live package assignments per user, by package (to attribute package hours).
    private var livePackages: [Int32: [Int]] = [:]
    private var finished = false
    /// The metrics so far.
    public private(set) var metrics = AccessPackageMetrics()

    /// Prepares a fold for a run of `scenario` (it does nothing when the scenario has no packages).
    public init(scenario: Scenario) {
        self.scenario = scenario
        privileged = scenario.roles.map(\.privileged)
        active = !scenario.accessPackages.isEmpty
        metrics.packages = Array(repeating: AccessPackageMetrics.Package(), count: scenario.accessPackages.count)
        let deepest = scenario.accessPackages.flatMap(\.policies).map(\.stages.count).max() ?? 0
        metrics.stages = Array(repeating: AccessPackageMetrics.Stage(), count: deepest)
    }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        guard active else { return }
        switch record {
        case .packageRequestSubmitted(_, let id, _, let package, _, let extend):
            requests[id] = (package, extend)
            update(id) { $0.submitted += 1 }
        case .packageRequestRejected(_, let id, let reason):
            update(id) { $0.rejected[reason, default: 0] += 1 }
        case .packageStageStarted(let time, let id, let stage, _, let fallback):
            stageStarts[id] = time
            metrics.stages[stage - 1].started += 1
            if fallback { metrics.stages[stage - 1].fallback += 1 }
        case .packageStageEscalated(_, _, let stage, _, _):
            metrics.stages[stage - 1].escalated += 1
        case .packageStageDecided(let time, let id, let stage, _, let approved):
            if approved { metrics.stages[stage - 1].approved += 1 } else { metrics.stages[stage - 1].denied += 1 }
            metrics.stages[stage - 1].latencies.append(time - (stageStarts[id] ?? time))
            if !approved { update(id) { $0.denied += 1 } }
        case .packageRequestTimedOut(_, let id, let stage):
            metrics.stages[stage - 1].timedOut += 1
            update(id) { $0.timedOut += 1 }
        case .packageRequestCancelled(_, let id, _):
            update(id) { $0.cancelled += 1 }
        case .packageRequestFulfilled(_, let id, _):
            update(id) { $0.fulfilled += 1 }
            if requests[id]?.extend == true { metrics.extended += 1 }
        case .packageAssignmentStarted(let time, let id, let user, let package, _, _, let request, _):
            flush(user.rawValue, at: time)
            assignmentOwners[id] = (user.rawValue, package)
            livePackages[user.rawValue, default: []].append(package)
            metrics.packages[package].assignments += 1
            if request == nil { metrics.assignmentsDirect += 1 } else { metrics.assignmentsByRequest += 1 }
        case .packageAssignmentEnded(let time, let id, let reason, _):
            switch reason {
            case .expired: metrics.expired += 1
            case .removed: metrics.removed += 1
            case .reviewDenied: metrics.reviewDenied += 1
            }
            if let owner = assignmentOwners.removeValue(forKey: id) {
                flush(owner.user, at: time)
                if let index = livePackages[owner.user]?.firstIndex(of: owner.package) { livePackages[owner.user]?.remove(at: index) }
            }
        case .packageReviewStarted(_, _, _, _, let items):
            metrics.reviewInstances += 1
            metrics.reviewItems += items
        case .packageReviewDecided(_, _, _, let approved, let reviewer):
            if approved { metrics.reviewApproved += 1 } else { metrics.reviewRefused += 1 }
            if reviewer == nil { metrics.reviewByDefault += 1 }
        case .accessChanged(let time, let user, let role, let state) where privileged[role.int]:
            let key = UserRoleKey.make(user.rawValue, role.rawValue)
            if let ledger = ledgers[key] { accumulate(ledger, user: user.rawValue, until: time) } else { userKeys[user.rawValue, default: []].append(key) }
            ledgers[key] = (time, state.contains(.holds), state.contains(.viaPackage))
        case .finished(let horizon, _, _):
            guard !finished else { return }
            finished = true
            for (key, ledger) in ledgers { accumulate(ledger, user: UserRoleKey.user(key), until: horizon) }
        default:
            break
        }
    }

    /// Accounts for the user's privileged time up to `time`, before the packages they hold change.
    private mutating func flush(_ user: Int32, at time: SimTime) {
        for key in userKeys[user] ?? [] {
            guard let ledger = ledgers[key] else { continue }
            accumulate(ledger, user: user, until: time)
            ledgers[key] = (time, ledger.holds, ledger.viaPackage)
        }
    }

    /// The per-kind and per-package outcome counters of request `id`.
    private mutating func update(_ id: Int, _ body: (inout AccessPackageMetrics.Outcomes) -> Void) {
        guard let request = requests[id] else { return }
        if request.extend {
            body(&metrics.extensions)
        } else {
            body(&metrics.requests)
            body(&metrics.packages[request.package].requests)
        }
    }

    private mutating func accumulate(_ ledger: (since: SimTime, holds: Bool, viaPackage: Bool), user: Int32, until time: SimTime) {
        let span = time - ledger.since
        guard span > 0, ledger.holds else { return }
        guard ledger.viaPackage else {
            metrics.privilegedSecondsOther += span
            return
        }
        metrics.privilegedSecondsViaPackages += span
        // [assumption] Hours through several packages at once count for each of them.
        for package in Set(livePackages[user] ?? []) { metrics.packages[package].privilegedSeconds += span }
    }
}
