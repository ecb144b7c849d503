import SimKernel
import TenantModel
import Trace

/// Administrators' actions as scenario events: cancelling a pending request, removing a live
/// activation, extending assignments. Each is recorded (`adminAction`) before its effects.
extension Engine {
    /// Why `admin` may not act now, or nil. The scenario itself (no `by`) always may; a named
    /// administrator must be enabled and hold Privileged Role Administrator or Global Administrator
    /// (by any path, activations included) at the time.
    func adminRefusal(_ admin: UserIndex?) -> String? {
        guard let admin else { return nil }
        guard enabled[admin.int] else { return "the administrator's account is disabled" }
        let authorised = watchedRoles.contains { holds(admin.rawValue, $0) }
        return authorised ? nil : "the administrator holds neither Privileged Role Administrator nor Global Administrator"
    }

    /// `cancelRequest`: the user's pending request for the role (awaiting approval, or approved and
    /// waiting for its scheduled start) is cancelled; tasks waiting for it are blocked.
    mutating func adminCancel(user: UserIndex, role: RoleIndex, by admin: UserIndex?, now: SimTime) {
        func record(_ result: AdminActionResult) {
            sink.record(.adminAction(time: now, kind: .cancelRequest, admin: admin, principal: .user(user), role: role, result: result))
        }
        if let refusal = adminRefusal(admin) { return record(.refused(refusal)) }
        let pending = pairs[pairKey(user.rawValue, role.rawValue)]?.pendingRequest ?? -1
        guard pending >= 0, requests[Int(pending)].status == .pending else {
            return record(.noEffect("no activation request of the user for the role is pending"))
        }
        record(.done(targets: [Int(pending)], ends: []))
        cancel(request: pending, now: now, reason: .administrator)
    }

    /// `revokeActivation`: the user's live activation of the role ends now; eligible assignments stay.
    mutating func adminRevoke(user: UserIndex, role: RoleIndex, by admin: UserIndex?, now: SimTime) {
        func record(_ result: AdminActionResult) {
            sink.record(.adminAction(time: now, kind: .revokeActivation, admin: admin, principal: .user(user), role: role, result: result))
        }
        if let refusal = adminRefusal(admin) { return record(.refused(refusal)) }
        let activation = pairs[pairKey(user.rawValue, role.rawValue)]?.activation ?? -1
        guard activation >= 0, activations[Int(activation)].live else {
            return record(.noEffect("the user has no live activation of the role"))
        }
        record(.done(targets: [Int(activation)], ends: []))
        endActivation(activation, now: now, reason: .revoked)
    }

    /// `adminExtend`: every matching assignment in force with an end gets its new end, when that is
    /// later than the current one. No approval is needed (an administrator's extension).
    mutating func adminExtend(_ filter: RemovalFilter, _ change: AdminExtension, by admin: UserIndex?, now: SimTime,
                              queue: inout EventQueue<EngineEvent>) {
        func record(_ result: AdminActionResult) {
            sink.record(.adminAction(time: now, kind: .adminExtend, admin: admin, principal: filter.principal, role: filter.role, result: result))
        }
        if let refusal = adminRefusal(admin) { return record(.refused(refusal)) }
        var targets: [Int] = []
        var ends: [SimTime] = []
        for index in assignments.indices where filter.matches(assignments[index]) && inForce(index, now: now) {
            guard let end = assignments[index].end else { continue }
            let newEnd = change.newEnd(from: end)
            guard newEnd > end else { continue }
            targets.append(index)
            ends.append(newEnd)
        }
        guard !targets.isEmpty else {
            return record(.noEffect("no matching assignment in force ends before the new end (permanent ones cannot be extended)"))
        }
        record(.done(targets: targets, ends: ends))
        for (target, end) in zip(targets, ends) { moveEnd(of: target, to: end, now: now, queue: &queue) }
    }

    /// Moves a running assignment's end later (the extension machinery shared with users'
    /// approved extensions); the end event for the old time becomes stale.
    mutating func moveEnd(of target: Int, to newEnd: SimTime, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        assignments[target].end = newEnd
        sink.record(.assignmentExtended(time: now, id: target, end: newEnd))
        if newEnd < scenario.horizon { queue.schedule(.assignmentEnd(Int32(target)), at: newEnd, phase: Phase.stateChanges) }
    }
}
