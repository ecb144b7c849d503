import SimKernel
import TenantModel
import Trace

/// The engine's kernel events: small values, indices into the engine's tables.
enum EngineEvent {
    case assignmentStart(Int32)
    case assignmentEnd(Int32)
    case scenarioEvent(Int32)
    case activationEnd(Int32)
    case approvalAnswer(Int32)
    case requestExpiry(Int32)
    case request(Int32)
    case taskArrival(generator: Int32, user: Int32)
    case taskRetry(Int32)
    case taskEnd(Int32)
    case deactivate(Int32)
    case deactivationRequest(Int32)
    case activationBegin(Int32)
    case extensionRequest(Int32)
    case extensionAnswer(Int32)
    case extensionExpiry(Int32)
    case taskSubmit(Int32)
    case disableUser(Int32)
    case attackerTick(Int32)
    case reviewStart(review: Int32, number: Int32)
    case reviewDecision(instance: Int32, item: Int32)
    case reviewEnd(Int32)
    case reviewApply(Int32)
    case compromiseEnd(Int32)
}

/// Contract rule 6: state changes, then approval decisions, then new requests.
enum Phase {
    static let stateChanges: UInt8 = 0
    static let decisions: UInt8 = 1
    static let requests: UInt8 = 2
    /// A decision due at the very instant of its own request (a zero response time) cannot come
    /// before that request: it comes right after the instant's requests.
    static let lateDecisions: UInt8 = 3

    /// The phase of a decision due at `time`, scheduled at `now`.
    static func decision(at time: SimTime, now: SimTime) -> UInt8 {
        time == now ? lateDecisions : decisions
    }
}

/// An assignment as the engine tracks it.
struct AssignmentSlot {
    var started = false
    var ended = false
    /// When it ended (for renewals within 30 days).
    var endedAt: SimTime? = nil
}

/// An extension or renewal request as the engine tracks it.
struct ExtensionSlot {
    let user: Int32
    let assignment: Int32
    let renewal: Bool
    let duration: SimTime
    let at: SimTime
    /// The request's stable identity for random draws.
    let key: UInt64
    var open = true
    var answers: [(time: SimTime, approver: Int32, approve: Bool)] = []
    var cursor = 0
}

/// An activation as the engine tracks it.
struct ActivationSlot {
    let user: Int32
    let role: Int32
    let start: SimTime
    var live: Bool
    /// Requested for a task (so the user may deactivate it when the work is done).
    var forTask: Bool
}

/// A task as the engine tracks it.
struct TaskSlot {
    enum Status { case waiting, running, blocked, done }
    let generator: Int32
    let user: Int32
    let role: Int32
    let arrival: SimTime
    let duration: SimTime
    var status: Status = .waiting
    var mfaAttempts = 0
    /// The request being written (justification, ticket): submitted by a `taskSubmit` event.
    var preparing = false
}

/// A request as the engine tracks it.
struct RequestSlot {
    enum Status { case pending, granted, rejected, denied, expired, cancelled }
    let user: Int32
    let role: Int32
    let duration: SimTime
    let at: SimTime
    /// Submitted for a task.
    let forTask: Bool
    /// A scheduled activation's start.
    var start: SimTime? = nil
    /// The scope asked for, as a scope index, or -1.
    var scope: Int32 = -1
    /// Approved (or needing no approval), waiting for its scheduled start.
    var approved = false
    /// The request's stable identity for random draws: requester, role, time, occurrence.
    var key: UInt64 = 0
    var status: Status
    /// Approvers sorted by answer time, with their answers; `cursor` is the next to answer.
    var answers: [(time: SimTime, approver: Int32, approve: Bool)] = []
    var cursor = 0
}

/// What the engine knows of one (user, role) pair.
struct PairState {
    var standingPaths: Int32 = 0
    /// Active group assignments reaching the user through a PIM-activated membership: held, not standing.
    var pimGroupPaths: Int32 = 0
    var eligiblePaths: Int32 = 0
    /// The live activation, or -1.
    var activation: Int32 = -1
    /// The request pending approval, or -1.
    var pendingRequest: Int32 = -1
    /// Tasks under way that need this role.
    var runningTasks: Int32 = 0
    /// Tasks waiting for this role's pending request.
    var waitingTasks: [Int32] = []
    /// The state last reported in the trace.
    var reported: AccessState = []
    /// Already queued for reporting at the end of this instant.
    var dirty = false
    /// Per-scope paths (only when the scenario uses several scopes): scope index → counts.
    var scoped: [Int32: ScopedPaths] = [:]
    /// The live activation's scope, or -1.
    var activationScope: Int32 = -1
}

/// Paths of one (user, role) pair at one scope, and the state last reported for it.
struct ScopedPaths {
    var standing: Int32 = 0
    /// Active group paths through a PIM-activated membership: held, not standing.
    var pim: Int32 = 0
    var eligible: Int32 = 0
    var reported: AccessState = []
}

/// The key of a (user, role) pair in the pair table.
@inline(__always)
func pairKey(_ user: Int32, _ role: Int32) -> UInt64 {
    UserRoleKey.make(user, role)
}

/// A stable 64-bit key from names and numbers (FNV-1a), for random streams: it depends on what a
/// thing is (user ids, role names, times), never on its position in the run or in the file, so
/// adding an unrelated part to a scenario does not reshuffle anyone's draws.
func stableKey(_ names: [String], _ numbers: [Int64] = []) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func feed(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    for name in names {
        for byte in name.utf8 { feed(byte) }
        feed(0xFF)
    }
    for number in numbers {
        var value = UInt64(bitPattern: number)
        for _ in 0..<8 {
            feed(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }
    return hash
}
