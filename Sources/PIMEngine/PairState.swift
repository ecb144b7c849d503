import TenantModel
import Trace

/// What the engine knows of one (user, role) pair.
struct PairState {
    var standingPaths: Int32 = 0
    /// Active group assignments reaching the user through a PIM-activated membership: held, not standing.
    var pimGroupPaths: Int32 = 0
    var eligiblePaths: Int32 = 0
    /// The standing paths (among `standingPaths`) that come through an access package.
    var packageStandingPaths: Int32 = 0
    /// The eligible paths (among `eligiblePaths`) that come through an access package.
    var packageEligiblePaths: Int32 = 0
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
