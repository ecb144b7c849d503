import HeapModule
import PIMEngine
import SimKernel
import TenantModel

/// One alert incident: a subject (a user, a user and role, a role, the tenant) that triggered the
/// alert from `from` until `to` (nil: still triggered at the horizon).
public struct AlertIncident: Sendable, Equatable {
    /// The alert's id.
    public var alert: String
    /// What triggered it, such as `ann` or `ann/Global Administrator`.
    public var subject: String
    /// When it began.
    public var from: SimTime
    /// When it cleared; nil when still open at the horizon.
    public var to: SimTime?
}

/// Evaluates PIM's security alerts and the CISA checks continuously over the trace.
///
/// The state after every instant is checked, and so is every moment at which a time-based
/// condition (no sign-in for N days, an assignment older than the outside-PIM window...) flips.
public struct AlertFold: TraceSink {
    let scenario: Scenario
    let settings: AlertSettings
    var policies: PolicySet
    var access: [UInt64: AccessState] = [:]
    var since: [UInt64: SimTime] = [:]
    var lastUse: [UInt64: SimTime] = [:]
    var lastSignIn: [Int32: SimTime] = [:]
    var activations: [UInt64: [SimTime]] = [:]
    var liveAssignments: [Int: (assignment: Assignment, start: SimTime)] = [:]
    var taskUsers: [Int: Int32] = [:]
    var open: [String: [String: SimTime]] = [:]
    var deadlines = Heap<SimTime>()
    var instant: SimTime = 0
    /// Every incident, in the order they closed (open ones are added at the horizon).
    public private(set) var incidents: [AlertIncident] = []

    /// Prepares the fold for a run of `scenario`.
    public init(scenario: Scenario) {
        self.scenario = scenario
        settings = scenario.alerts
        policies = scenario.policies
    }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        if case .finished(let horizon, _, _) = record {
            advance(to: horizon)
            for (alert, subjects) in open {
                for (subject, from) in subjects { incidents.append(AlertIncident(alert: alert, subject: subject, from: from, to: nil)) }
            }
            open = [:]
            incidents.sort { ($0.alert, $0.from, $0.subject) < ($1.alert, $1.from, $1.subject) }
            return
        }
        guard let time = record.time else { return }
        if time > instant { advance(to: time) }
        absorb(record, at: time)
    }

    /// Evaluates the state of the finished instant, then every deadline before `time`.
    mutating func advance(to time: SimTime) {
        evaluate(at: instant)
        while let deadline = deadlines.min, deadline < time {
            _ = deadlines.popMin()
            if deadline > instant { evaluate(at: deadline) }
        }
        instant = time
    }

    mutating func absorb(_ record: TraceRecord, at time: SimTime) {
        switch record {
        case .accessChanged(_, let user, let role, let state):
            let key = pairKey(user, role)
            let old = access[key] ?? []
            access[key] = state
            let assigned = state.contains(.standing) || state.contains(.eligible)
            if assigned && !(old.contains(.standing) || old.contains(.eligible)) {
                since[key] = time
                deadlines.insert(time + settings.unusedAfter + 1)
                deadlines.insert(time + settings.staleAfter)
            }
            if state.contains(.inUse) != old.contains(.inUse) { markUse(key, at: time) }
        case .activationStarted(_, _, _, let user, let role, _):
            let key = pairKey(user, role)
            activations[key, default: []].append(time)
            deadlines.insert(time + settings.frequentWithin)
            markUse(key, at: time)
            signIn(user.rawValue, at: time)
        case .requestSubmitted(_, _, let user, _, _):
            signIn(user.rawValue, at: time)
        case .taskArrived(_, let id, _, let user, _, _):
            taskUsers[id] = user.rawValue
            signIn(user.rawValue, at: time)
        case .assignmentStarted(_, let id, let assignment):
            liveAssignments[id] = (assignment, time)
            if assignment.outsidePIM { deadlines.insert(time + settings.outsidePIMWindow) }
        case .assignmentEnded(_, let id, _, _):
            liveAssignments[id] = nil
        case .policyChanged(_, _, let next):
            policies = next
        case .userJoined(_, let user):
            // A joiner's sign-in clock starts when the account appears.
            signIn(user.rawValue, at: time)
        default:
            break
        }
    }

    mutating func markUse(_ key: UInt64, at time: SimTime) {
        lastUse[key] = time
        deadlines.insert(time + settings.unusedAfter + 1)
    }

    mutating func signIn(_ user: Int32, at time: SimTime) {
        lastSignIn[user] = time
        deadlines.insert(time + settings.staleAfter)
    }

    func pairKey(_ user: UserIndex, _ role: RoleIndex) -> UInt64 {
        UInt64(UInt32(bitPattern: user.rawValue)) << 32 | UInt64(UInt32(bitPattern: role.rawValue))
    }

    /// Opens and closes incidents so that the open ones are exactly `triggered` for each alert.
    mutating func evaluate(at time: SimTime) {
        for (alert, subjects) in triggered(at: time) {
            var current = open[alert] ?? [:]
            for (subject, from) in current where !subjects.contains(subject) {
                incidents.append(AlertIncident(alert: alert, subject: subject, from: from, to: time))
                current[subject] = nil
            }
            for subject in subjects where current[subject] == nil { current[subject] = time }
            open[alert] = current
        }
    }
}

extension TraceRecord {
    /// The record's time (the horizon for `finished`).
    var time: SimTime? {
        switch self {
        case .assignmentStarted(let time, _, _), .assignmentEnded(let time, _, _, _), .membershipChanged(let time, _, _, _),
             .userDisabled(let time, _), .userDeparted(let time, _), .userJoined(let time, _), .managerChanged(let time, _, _),
             .compromiseStarted(let time, _), .compromiseEnded(let time, _), .reviewStarted(let time, _, _, _),
             .reviewDecided(let time, _, _, _, _, _), .reviewApplied(let time, _, _),
             .requestSubmitted(let time, _, _, _, _), .requestRejected(let time, _, _),
             .approvalRequested(let time, _, _), .requestApproved(let time, _, _), .requestDenied(let time, _, _),
             .requestExpired(let time, _), .requestCancelled(let time, _, _), .activationStarted(let time, _, _, _, _, _),
             .activationEnded(let time, _, _, _, _), .taskArrived(let time, _, _, _, _, _), .taskStarted(let time, _, _),
             .taskBlocked(let time, _, _), .taskFinished(let time, _), .mfaPrompt(let time, _, _, _),
             .policyChanged(let time, _, _), .assignmentRefused(let time, _, _), .deactivationRefused(let time, _, _),
             .extensionRequested(let time, _, _, _, _, _, _), .extensionRefused(let time, _, _, _),
             .extensionDecided(let time, _, _, _), .extensionExpired(let time, _), .assignmentExtended(let time, _, _),
             .accessChanged(let time, _, _, _), .scopedAccessChanged(let time, _, _, _, _):
            return time
        case .finished(let horizon, _, _):
            return horizon
        }
    }
}
