import TenantModel
import Trace

/// One activation request's wait for approval: from the moment approval was asked until it was
/// decided, expired or cancelled (or the horizon, when still pending).
public struct ApprovalWait: Sendable, Equatable {
    /// How the wait ended.
    public enum Outcome: String, Sendable {
        /// An approver approved the request.
        case approved
        /// An approver denied it.
        case denied
        /// No approver answered in time.
        case expired
        /// The request was cancelled while it waited.
        case cancelled
        /// Still waiting at the horizon.
        case pending
    }

    /// The user who asked.
    public var user: UserIndex
    /// The role asked for.
    public var role: RoleIndex
    /// When approval was asked, in seconds since the scenario's start.
    public var from: Int64
    /// When the wait ended (the horizon for a pending one).
    public var to: Int64
    /// How it ended.
    public var outcome: Outcome
    /// The approver who decided; nil when none did.
    public var approver: UserIndex?

    /// Creates a wait.
    public init(user: UserIndex, role: RoleIndex, from: Int64, to: Int64, outcome: Outcome, approver: UserIndex?) {
        self.user = user
        self.role = role
        self.from = from
        self.to = to
        self.outcome = outcome
        self.approver = approver
    }
}

/// Folds the trace into every wait for approval, for the report's heat map and its approver and
/// longest-wait tables (metrics.json counts decisions, but keeps no latency per approver).
///
/// Memory: one small record per request that needed approval, plus the requests in flight.
public struct ApprovalWaitFold: TraceSink {
    /// Requests submitted and not yet settled: id → user and role.
    private var requests: [Int: (user: UserIndex, role: RoleIndex)] = [:]
    /// Requests waiting for approval: id → when approval was asked.
    private var waiting: [Int: Int64] = [:]
    /// The waits that ended, in the order they ended.
    public private(set) var waits: [ApprovalWait] = []

    /// Creates an empty fold.
    public init() {}

    /// Takes one trace record.
    public mutating func record(_ record: TraceRecord) {
        switch record {
        case .requestSubmitted(_, let id, let user, let role, _):
            requests[id] = (user, role)
        case .requestRejected(_, let id, _):
            requests[id] = nil
        case .approvalRequested(let time, let id, _):
            waiting[id] = time
        case .requestApproved(let time, let id, let approver):
            end(id, at: time, .approved, approver: approver)
        case .requestDenied(let time, let id, let approver):
            end(id, at: time, .denied, approver: approver)
        case .requestExpired(let time, let id):
            end(id, at: time, .expired, approver: nil)
        case .requestCancelled(let time, let id, _):
            end(id, at: time, .cancelled, approver: nil)
        case .activationStarted(_, _, let request, _, _, _, _):
            requests[request] = nil
        case .finished(let horizon, _, _):
            for (id, from) in waiting.sorted(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }) {
                if let request = requests[id] {
                    waits.append(ApprovalWait(user: request.user, role: request.role, from: from, to: horizon, outcome: .pending, approver: nil))
                }
            }
            waiting = [:]
        default:
            break
        }
    }

    private mutating func end(_ id: Int, at time: Int64, _ outcome: ApprovalWait.Outcome, approver: UserIndex?) {
        guard let from = waiting.removeValue(forKey: id) else {
            if outcome != .approved { requests[id] = nil }
            return
        }
        if let request = requests[id] {
            waits.append(ApprovalWait(user: request.user, role: request.role, from: from, to: time, outcome: outcome, approver: approver))
        }
        if outcome != .approved { requests[id] = nil }
    }
}
