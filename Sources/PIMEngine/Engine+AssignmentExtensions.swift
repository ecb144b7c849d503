import SimKernel
import TenantModel
import Trace

extension Engine {
    /// An assignment ending within this window can be extended (S-RENEW).
    static var extensionWindow: SimTime { 14 * 86_400 }
    /// An assignment expired within this window can be renewed (S-RENEW).
    static var renewalWindow: SimTime { 30 * 86_400 }

    /// A user asks to extend an assignment that ends soon, or to renew one that expired.
    mutating func requestExtension(_ index: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let request = scenario.extensions[Int(index)]
        let user = request.user.rawValue
        func refuse(_ reason: String) {
            sink.record(.extensionRefused(time: now, user: request.user, role: request.role, reason: reason))
        }
        guard enabled[Int(user)] else { return refuse("the account is disabled") }
        let direct = assignments.indices.filter { index in
            let assignment = assignments[index]
            return assignment.principal == .user(request.user) && assignment.role == request.role
                && (request.type.map { $0 == assignment.type } ?? true)
        }
        let extendable = direct.first { index in
            let slot = assignmentSlots[index]
            guard slot.started, !slot.ended, let end = assignments[index].end else { return false }
            return end - now <= Self.extensionWindow
        }
        let renewable = direct.last { index in
            guard let ended = assignmentSlots[index].endedAt else { return false }
            return now - ended <= Self.renewalWindow
        }
        guard let target = extendable ?? renewable else {
            let throughGroup = assignments.contains { assignment in
                guard case .group(let group) = assignment.principal, assignment.role == request.role else { return false }
                return members[group.int].contains(user)
            }
            return refuse(throughGroup
                ? "assignments that come through a group cannot be extended or renewed"
                : "no assignment of the role ends within 14 days or expired within the last 30 days")
        }
        if extensions.contains(where: { $0.open && $0.assignment == Int32(target) }) {
            return refuse("an extension request for this assignment is already pending")
        }
        let id = Int32(extensions.count)
        // Only Global Administrators and Privileged Role Administrators approve extensions (S-RENEW).
        var approvers: [Int32] = []
        for role in watchedRoles { approvers.append(contentsOf: holders[role] ?? []) }
        approvers = Set(approvers).sorted().filter { $0 != user && enabled[Int($0)] }
        let key = requestKey(user: user, role: request.role.rawValue, now: now, kind: "extension")
        extensions.append(ExtensionSlot(
            user: user, assignment: Int32(target), renewal: extendable == nil, duration: request.duration, at: now, key: key,
            answers: answers(of: approvers, to: key, purpose: "extension", now: now)
        ))
        sink.record(.extensionRequested(
            time: now, id: Int(id), user: request.user, role: request.role, assignment: target,
            renewal: extendable == nil, approvers: approvers.map(UserIndex.init)
        ))
        scheduleNextExtensionAnswer(id, now: now, queue: &queue)
    }

    func scheduleNextExtensionAnswer(_ id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = extensions[Int(id)]
        if slot.cursor < slot.answers.count {
            let time = slot.answers[slot.cursor].time
            queue.schedule(.extensionAnswer(id), at: time, phase: Phase.decision(at: time, now: now))
        } else if slot.at + Self.approvalWindow < scenario.horizon {
            queue.schedule(.extensionExpiry(id), at: slot.at + Self.approvalWindow, phase: Phase.decisions)
        }
    }

    /// The first answer from an administrator still enabled decides.
    mutating func answerExtension(_ id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        guard extensions[Int(id)].open else { return }
        while extensions[Int(id)].cursor < extensions[Int(id)].answers.count {
            let next = extensions[Int(id)].answers[extensions[Int(id)].cursor]
            guard next.time == now else { break }
            extensions[Int(id)].cursor += 1
            guard enabled[Int(next.approver)] else { continue }
            extensions[Int(id)].open = false
            sink.record(.extensionDecided(time: now, id: Int(id), approver: UserIndex(next.approver), approved: next.approve))
            if next.approve { applyExtension(id, now: now, queue: &queue) }
            return
        }
        scheduleNextExtensionAnswer(id, now: now, queue: &queue)
    }

    mutating func expireExtension(_ id: Int32, now: SimTime) {
        guard extensions[Int(id)].open else { return }
        extensions[Int(id)].open = false
        sink.record(.extensionExpired(time: now, id: Int(id)))
    }

    /// Extends a running assignment by the requested duration; renews (a new assignment from now)
    /// one that has ended meanwhile.
    mutating func applyExtension(_ id: Int32, now: SimTime, queue: inout EventQueue<EngineEvent>) {
        let slot = extensions[Int(id)]
        let target = Int(slot.assignment)
        if !slot.renewal, !assignmentSlots[target].ended, let end = assignments[target].end {
            moveEnd(of: target, to: end + slot.duration, now: now, queue: &queue)
            return
        }
        var renewed = assignments[target]
        renewed.start = now
        renewed.end = now + slot.duration
        renewed.origin += " (renewed)"
        let newID = Int32(assignments.count)
        assignments.append(renewed)
        assignmentSlots.append(AssignmentSlot())
        // Granted in the decisions phase: it takes effect at once rather than through the queue.
        startAssignment(newID, now: now)
        if let end = renewed.end, end < scenario.horizon {
            queue.schedule(.assignmentEnd(newID), at: end, phase: Phase.stateChanges)
        }
    }
}
