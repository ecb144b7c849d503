import SimKernel
import TenantModel
import Trace

/// One activation as the report's timeline draws it.
public struct ActivationSpan: Sendable, Equatable {
    /// The user who activated.
    public var user: UserIndex
    /// The role activated.
    public var role: RoleIndex
    /// When it started, in seconds since the scenario's start.
    public var start: SimTime
    /// When it ended; nil when it was still active at the horizon.
    public var end: SimTime?
    /// Why it ended; nil when it was still active at the horizon.
    public var reason: ActivationEndReason?

    /// Creates a span.
    public init(user: UserIndex, role: RoleIndex, start: SimTime, end: SimTime?, reason: ActivationEndReason?) {
        self.user = user
        self.role = role
        self.start = start
        self.end = end
        self.reason = reason
    }
}

/// What the report draws over time: step series of admin counts, and the activations.
public struct Timeline: Sendable, Equatable {
    /// Step series, standing admins, Global Administrators and privileged users first.
    public var series: [TimeSeries]
    /// The first activations of the run, in start order (at most the fold's limit).
    public var activations: [ActivationSpan]
    /// Activations granted beyond the limit, which are not in `activations`.
    public var omittedActivations: Int

    /// Creates a timeline.
    public init(series: [TimeSeries], activations: [ActivationSpan], omittedActivations: Int) {
        self.series = series
        self.activations = activations
        self.omittedActivations = omittedActivations
    }
}

/// Folds the trace into the report's time series and activation timeline, streaming.
///
/// The counts follow the definitions of the core metrics exactly (see docs/metrics.md), so each
/// series' min, max, end and mean agree with `standingAdmins` and `globalAdmins` in metrics.json:
/// - standing admins: users holding at least one privileged role through a standing path;
/// - Global Administrators: users holding Global Administrator by any path;
/// - privileged users: users holding at least one privileged role by any path.
///
/// Memory: a series gains a point only when its value changes after an instant; at most
/// `activationLimit` activations are kept, the rest only counted.
public struct TimelineFold: TraceSink {
    /// Activations kept by default.
    public static let defaultActivationLimit = 2000
    /// The names of the built-in series, in order.
    public static let standingAdminsName = "Standing admins"
    /// See `standingAdminsName`.
    public static let globalAdminsName = "Global Administrators"
    /// See `standingAdminsName`.
    public static let privilegedUsersName = "Users holding privileged roles"

    private let privileged: [Bool]
    private let globalAdministrator: Int32?
    private let activationLimit: Int
    /// Access state of privileged (user, role) pairs, as last reported.
    private var states = IntegerKeyMap<AccessState>()
    /// Privileged roles each user holds through a standing path, and by any path.
    private var standingRoles: [Int32: Int32] = [:]
    private var heldRoles: [Int32: Int32] = [:]
    private var standingAdmins = TimeSeriesRecorder(name: standingAdminsName, unit: "users")
    private var globalAdmins = TimeSeriesRecorder(name: globalAdminsName, unit: "users")
    private var privilegedUsers = TimeSeriesRecorder(name: privilegedUsersName, unit: "users")
    private var spans: [ActivationSpan] = []
    /// Kept activations still running: activation id → index in `spans`.
    private var running: [Int: Int] = [:]
    private var omitted = 0

    /// Prepares a fold for a run of `scenario`, keeping at most `activationLimit` activations.
    public init(scenario: Scenario, activationLimit: Int = TimelineFold.defaultActivationLimit) {
        privileged = scenario.roles.map(\.privileged)
        globalAdministrator = scenario.globalAdministrator?.rawValue
        self.activationLimit = max(0, activationLimit)
    }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        switch record {
        case .accessChanged(let time, let user, let role, let state):
            accessChanged(time: time, user: user.rawValue, role: role.rawValue, to: state)
        case .activationStarted(let time, let id, _, let user, let role, _, _):
            guard spans.count < activationLimit else {
                omitted += 1
                return
            }
            running[id] = spans.count
            spans.append(ActivationSpan(user: user, role: role, start: time, end: nil, reason: nil))
        case .activationEnded(let time, let id, _, _, let reason):
            guard let index = running.removeValue(forKey: id) else { return }
            spans[index].end = time
            spans[index].reason = reason
        case .finished(let horizon, _, _):
            standingAdmins.advance(to: horizon)
            globalAdmins.advance(to: horizon)
            privilegedUsers.advance(to: horizon)
        default:
            break
        }
    }

    private mutating func accessChanged(time: SimTime, user: Int32, role: Int32, to state: AccessState) {
        let isPrivileged = privileged[Int(role)]
        let isGlobal = role == globalAdministrator
        guard isPrivileged || isGlobal else { return }
        let key = UserRoleKey.make(user, role)
        let old = states[key] ?? []
        if state.isEmpty { states[key] = nil } else { states[key] = state }
        if isPrivileged {
            Self.count(&standingRoles, user: user, was: old.contains(.standing), is: state.contains(.standing),
                  into: &standingAdmins, at: time)
            Self.count(&heldRoles, user: user, was: old.contains(.holds), is: state.contains(.holds), into: &privilegedUsers, at: time)
        }
        if isGlobal && old.contains(.holds) != state.contains(.holds) {
            globalAdmins.add(state.contains(.holds) ? 1 : -1, at: time)
        }
    }

    /// Moves a user's role count by one when a bit flips; the user count moves when it leaves or reaches zero.
    private static func count(
        _ perUser: inout [Int32: Int32], user: Int32, was: Bool, is now: Bool, into series: inout TimeSeriesRecorder, at time: SimTime
    ) {
        guard was != now else { return }
        let before = perUser[user] ?? 0
        let after = before + (now ? 1 : -1)
        perUser[user] = after == 0 ? nil : after
        if before == 0 && after > 0 { series.add(1, at: time) }
        if before > 0 && after == 0 { series.add(-1, at: time) }
    }

    /// The series and activations; complete after the trace's `finished` record.
    public var timeline: Timeline {
        Timeline(
            series: [standingAdmins.series, globalAdmins.series, privilegedUsers.series],
            activations: spans, omittedActivations: omitted
        )
    }
}
