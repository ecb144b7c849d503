import SimKernel
import TenantModel
import Trace

/// What compromised accounts gave attackers: privileged time, roles reached, time to Tier 0.
public struct AttackerMetrics: Sendable, Equatable {
    /// Compromises that started.
    public var compromises = 0
    /// Privileged role-seconds held by compromised accounts while compromised.
    public var privilegedSeconds: Int64 = 0
    /// Privileged roles held while compromised, by name.
    public var rolesReached: Set<String> = []
    /// The shortest time from a compromise's start to holding a Tier-0 role, if ever.
    public var timeToTier0: SimTime?
    /// Creates empty metrics.
    public init() {}
}

/// Folds compromise windows and access changes into `AttackerMetrics`.
public struct AttackerFold: TraceSink {
    /// Tier 0: roles that control the tenant (Global Administrator, Privileged Role
    /// Administrator, Privileged Authentication Administrator), by template id.
    public static let tier0 = [
        "62e90394-69f5-4237-9190-012177145e10", "e8611ab8-c189-46e8-94e1-60213ab1f814", "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
    ]

    private let scenario: Scenario
    private var held: [Int32: [Int32: SimTime?]] = [:]
    private var windows: [Int32: SimTime] = [:]
    /// Compromised service principals: when the window began and how many compromises overlap.
    private var principalWindows: [Int: (start: SimTime, count: Int)] = [:]
    /// The metrics; complete after the `finished` record.
    public private(set) var metrics = AttackerMetrics()

    /// Prepares a fold for a run of `scenario`.
    public init(scenario: Scenario) { self.scenario = scenario }

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        switch record {
        case .accessChanged(let time, let user, let role, let state):
            guard scenario[role].privileged else { return }
            let holds = state.contains(.holds)
            let since = held[user.rawValue]?[role.rawValue] ?? nil
            if let start = windows[user.rawValue] {
                if let since, !holds { metrics.privilegedSeconds += time - since }
                if holds && since == nil { reach(role, at: time, windowStart: start) }
            }
            held[user.rawValue, default: [:]][role.rawValue] = holds ? (since ?? time) : nil
        case .compromiseStarted(let time, let user):
            metrics.compromises += 1
            windows[user.rawValue] = time
            for (role, since) in held[user.rawValue] ?? [:] where since != nil {
                held[user.rawValue]?[role] = time
                reach(RoleIndex(role), at: time, windowStart: time)
            }
        case .compromiseEnded(let time, let user):
            close(user.rawValue, at: time)
        case .servicePrincipalCompromise(let time, let index, let started):
            servicePrincipalWindow(index, at: time, started: started)
        case .finished(let horizon, _, _):
            for user in windows.keys.sorted() { close(user, at: horizon) }
            for index in principalWindows.keys.sorted() { servicePrincipalWindow(index, at: horizon, started: false) }
        default:
            break
        }
    }

    private mutating func reach(_ role: RoleIndex, at time: SimTime, windowStart: SimTime) {
        metrics.rolesReached.insert(scenario[role].name)
        if let id = scenario[role].templateId, Self.tier0.contains(id) {
            metrics.timeToTier0 = min(metrics.timeToTier0 ?? .max, time - windowStart)
        }
    }

    /// A service principal's leaked credential: its standing privileged roles count for the
    /// window, reached at once.
    private mutating func servicePrincipalWindow(_ index: Int, at time: SimTime, started: Bool) {
        let roles = scenario.tenant.servicePrincipals[index].roles.filter { scenario[$0].privileged }
        if started {
            metrics.compromises += 1
            if let open = principalWindows[index] {
                principalWindows[index] = (open.start, open.count + 1)
                return
            }
            principalWindows[index] = (time, 1)
            for role in roles { reach(role, at: time, windowStart: time) }
        } else if let open = principalWindows[index] {
            if open.count > 1 && time < scenario.horizon {
                principalWindows[index] = (open.start, open.count - 1)
                return
            }
            principalWindows[index] = nil
            metrics.privilegedSeconds += Int64(roles.count) * (time - open.start)
        }
    }

    private mutating func close(_ user: Int32, at time: SimTime) {
        guard windows.removeValue(forKey: user) != nil else { return }
        for (role, since) in held[user] ?? [:] {
            guard let since else { continue }
            metrics.privilegedSeconds += time - since
            held[user]?[role] = time
        }
    }
}
