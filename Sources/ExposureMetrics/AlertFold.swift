import HeapModule
import SimKernel
import TenantModel
import Trace

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

/// A moment at which a time-based condition may flip for one subject.
struct AlertDeadline: Comparable {
    let time: SimTime
    let kind: UInt8
    let key: UInt64
    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.time, lhs.kind, lhs.key) < (rhs.time, rhs.kind, rhs.key) }
}

/// Evaluates PIM's security alerts and the CISA checks incrementally over the trace.
///
/// Each record updates only the subjects it concerns; each time-based condition (N days without
/// a sign-in, an assignment leaving the outside-PIM window...) has a deadline that rechecks its
/// subject. Incidents open and close as subjects enter and leave an alert; one that opens and
/// closes within the same instant is dropped, one that closes and reopens is merged, so the
/// incidents follow the state after each instant.
public struct AlertFold: TraceSink {
    let scenario: Scenario
    let settings: AlertSettings
    let privileged: [Bool]
    let highlyPrivileged: Set<Int32>
    let globalAdministrator: Int32?
    /// The highly privileged roles the scenario mentions, by index: the subjects of CISA 7.7 and 7.9.
    let checkedRoles: [Int32]
    var policies: PolicySet
    var access = IntegerKeyMap<AccessState>()
    var since = IntegerKeyMap<SimTime>()
    var lastUse = IntegerKeyMap<SimTime>()
    var lastSignIn: [Int32: SimTime] = [:]
    var activations = IntegerKeyMap<[SimTime]>()
    var liveAssignments: [Int: (assignment: Assignment, start: SimTime)] = [:]
    /// Privileged (user, role) pairs assigned (standing or eligible) per user.
    var privilegedAssigned: [Int32: Int] = [:]
    var gaUsers = Set<UInt64>()
    /// Highly privileged (user, role) pairs assigned per user, and those of roles other than
    /// Global Administrator (CISA 7.2 and 7.3).
    var highlyAssigned: [Int32: Int] = [:]
    var highlyOtherAssigned: [Int32: Int] = [:]
    /// Users holding another highly privileged role but not Global Administrator (CISA 7.2).
    var otherHighlyUsers = 0
    var assignedPairs = 0
    var eligibleCount: [Int32: Int] = [:]
    var open: [AlertKind: [UInt64: SimTime]] = [:]
    var closed: [AlertKind: [UInt64: Int]] = [:]
    var deadlines = Heap<AlertDeadline>()
    /// The earliest stale-account deadline in the heap per user, and unused-role deadline per
    /// (user, role): a sign-in or a use moves the due time later, and the entry then reschedules
    /// itself when it fires, so the heap holds one entry per subject instead of one per sign-in.
    var pendingStale: [Int32: SimTime] = [:]
    var pendingUnused = IntegerKeyMap<SimTime>()
    /// Every incident, sorted by alert and start at the horizon.
    public private(set) var incidents: [AlertIncident] = []
    /// Keep every transition for `settledChanges(before:)` (the audit log's alert records).
    let journaling: Bool
    /// Transitions not yet taken by `settledChanges(before:)`, in time order.
    var journal: [(alert: AlertKind, subject: UInt64, time: SimTime, on: Bool)] = []
    /// When each journalled incident still open began (for its closing's `since`).
    var openedAt: [AlertSubjectKey: SimTime] = [:]

    /// Prepares the fold for a run of `scenario`; with `journal`, it also keeps every transition
    /// for `settledChanges(before:)`.
    public init(scenario: Scenario, journal: Bool = false) {
        journaling = journal
        self.scenario = scenario
        settings = scenario.alerts
        policies = scenario.policies
        privileged = scenario.roles.map(\.privileged)
        highlyPrivileged = Set(scenario.roles.indices.filter { AlertKind.highlyPrivileged.contains(scenario.roles[$0].name) }.map(Int32.init))
        globalAdministrator = scenario.globalAdministrator?.rawValue
        let highly = highlyPrivileged
        checkedRoles = scenario.referencedRoles.map(\.rawValue).filter { highly.contains($0) }.sorted()
        refreshPolicyAlerts(at: 0)
        refreshCounts(at: 0)
    }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        let time = record.time
        runDeadlines(before: time)
        switch record {
        case .finished(let horizon, _, _):
            runDeadlines(before: horizon)
            for (alert, subjects) in open {
                for (subject, from) in subjects {
                    incidents.append(AlertIncident(alert: alert.rawValue, subject: name(of: subject, for: alert), from: from, to: nil))
                }
            }
            open = [:]
            incidents = incidents.filter { $0.to != $0.from }
            incidents.sort { ($0.alert, $0.from, $0.subject) < ($1.alert, $1.from, $1.subject) }
        case .accessChanged(_, let user, let role, let state):
            accessChanged(user.rawValue, role.rawValue, to: state, at: time)
        case .activationStarted(_, _, _, let user, let role, _, _):
            let key = AlertSubject.pair(user.rawValue, role.rawValue)
            var recent = (activations[key] ?? []).filter { $0 > time - settings.frequentWithin }
            recent.append(time)
            activations[key] = recent
            deadlines.insert(AlertDeadline(time: time + settings.frequentWithin, kind: 2, key: key))
            checkFrequent(key, at: time)
            markUse(key, at: time)
            signIn(user.rawValue, at: time)
        case .requestSubmitted(_, _, let user, _, _), .taskArrived(_, _, _, let user, _, _), .userJoined(_, let user),
             .signedIn(_, let user, _, _):
            signIn(user.rawValue, at: time)
        case .assignmentStarted(_, let id, let assignment):
            liveAssignments[id] = (assignment, time)
            if assignment.outsidePIM { deadlines.insert(AlertDeadline(time: time + settings.outsidePIMWindow, kind: 3, key: UInt64(id))) }
            checkAssignment(id, at: time)
        case .assignmentEnded(_, let id, _, _):
            if let live = liveAssignments.removeValue(forKey: id) {
                let subject = AlertSubject.principal(live.assignment.principal, live.assignment.role)
                set(.rolesAssignedOutsidePIM, subject, on: false, at: time)
                set(.cisaPermanentActive, subject, on: false, at: time)
                set(.cisaOutsidePAM, subject, on: false, at: time)
            }
        case .policyChanged(_, _, let next):
            policies = next
            refreshPolicyAlerts(at: time)
        default:
            break
        }
    }

    // MARK: Incremental updates

    mutating func accessChanged(_ user: Int32, _ role: Int32, to state: AccessState, at time: SimTime) {
        let key = AlertSubject.pair(user, role)
        let old = access[key] ?? []
        access[key] = state
        let was = old.contains(.standing) || old.contains(.eligible)
        let now = state.contains(.standing) || state.contains(.eligible)
        if was != now {
            assignedPairs += now ? 1 : -1
            let wasOther = isOtherHighlyUser(user)
            if highlyPrivileged.contains(role) {
                highlyAssigned[user, default: 0] += now ? 1 : -1
                if role != globalAdministrator { highlyOtherAssigned[user, default: 0] += now ? 1 : -1 }
            }
            if role == globalAdministrator {
                if now { gaUsers.insert(UInt64(UInt32(bitPattern: user))) } else { gaUsers.remove(UInt64(UInt32(bitPattern: user))) }
            }
            if privileged[Int(role)] { privilegedAssigned[user, default: 0] += now ? 1 : -1 }
            otherHighlyUsers += (isOtherHighlyUser(user) ? 1 : 0) - (wasOther ? 1 : 0)
            if highlyPrivileged.contains(role) { checkCloudOnly(user, at: time) }
            if now {
                // A user who never signs in goes stale `staleAfter` after the last sign-in (or the start).
                scheduleStale(user, at: max(time, (lastSignIn[user] ?? 0) + settings.staleAfter))
            }
            refreshCounts(at: time)
            checkStale(user, at: time)
        }
        if old.contains(.eligible) != state.contains(.eligible) {
            eligibleCount[role, default: 0] += state.contains(.eligible) ? 1 : -1
            if state.contains(.eligible) {
                // The unused-role alert watches eligible assignments: its clock starts with the eligibility.
                since[key] = time
                scheduleUnused(key, at: time + settings.unusedAfter + 1)
            }
            refreshPolicyAlerts(at: time)
            checkUnused(key, at: time)
        }
        // An activation is the use the unused-role alert looks for: its start and its end count.
        if state.contains(.activated) != old.contains(.activated) { markUse(key, at: time) }
    }

    mutating func markUse(_ key: UInt64, at time: SimTime) {
        lastUse[key] = time
        scheduleUnused(key, at: time + settings.unusedAfter + 1)
        checkUnused(key, at: time)
    }

    mutating func signIn(_ user: Int32, at time: SimTime) {
        lastSignIn[user] = time
        scheduleStale(user, at: time + settings.staleAfter)
        checkStale(user, at: time)
    }

    /// Makes sure a stale-account check for `user` runs at `time` (or earlier, and then again).
    mutating func scheduleStale(_ user: Int32, at time: SimTime, after fired: SimTime = .min) {
        guard time > fired else { return }
        if let pending = pendingStale[user], pending <= time { return }
        pendingStale[user] = time
        deadlines.insert(AlertDeadline(time: time, kind: 0, key: UInt64(UInt32(bitPattern: user))))
    }

    /// Makes sure an unused-role check for `key` runs at `time` (or earlier, and then again).
    mutating func scheduleUnused(_ key: UInt64, at time: SimTime, after fired: SimTime = .min) {
        guard time > fired else { return }
        if let pending = pendingUnused[key], pending <= time { return }
        pendingUnused[key] = time
        deadlines.insert(AlertDeadline(time: time, kind: 1, key: key))
    }

    mutating func runDeadlines(before time: SimTime) {
        while let next = deadlines.min, next.time < time {
            _ = deadlines.popMin()
            switch next.kind {
            case 0:
                let user = Int32(truncatingIfNeeded: next.key)
                if pendingStale[user] == next.time { pendingStale[user] = nil }
                checkStale(user, at: next.time)
                // Signed in since the entry was made: the account goes stale later, if at all.
                if (privilegedAssigned[user] ?? 0) > 0 { scheduleStale(user, at: (lastSignIn[user] ?? 0) + settings.staleAfter, after: next.time) }
            case 1:
                if pendingUnused[next.key] == next.time { pendingUnused[next.key] = nil }
                checkUnused(next.key, at: next.time)
                if (access[next.key] ?? []).contains(.eligible) {
                    let used = max(lastUse[next.key] ?? 0, since[next.key] ?? 0)
                    scheduleUnused(next.key, at: used + settings.unusedAfter + 1, after: next.time)
                }
            case 2: checkFrequent(next.key, at: next.time)
            default: checkAssignment(Int(next.key), at: next.time)
            }
        }
    }

    /// Puts `subject` in or out of `alert` at `time`, opening or closing its incident.
    mutating func set(_ alert: AlertKind, _ subject: UInt64, on: Bool, at time: SimTime) {
        let isOpen = open[alert]?[subject] != nil
        guard on != isOpen else { return }
        if journaling { journal.append((alert, subject, time, on)) }
        if on {
            // Closed at this very instant: the same incident goes on.
            if let index = closed[alert]?[subject], incidents[index].to == time {
                open[alert, default: [:]][subject] = incidents[index].from
                incidents[index].to = incidents[index].from
                closed[alert]?[subject] = nil
                return
            }
            open[alert, default: [:]][subject] = time
        } else if let from = open[alert]?.removeValue(forKey: subject) {
            closed[alert, default: [:]][subject] = incidents.count
            incidents.append(AlertIncident(alert: alert.rawValue, subject: name(of: subject, for: alert), from: from, to: time))
        }
    }
}
