import SimKernel
import TenantModel
import Trace

extension Engine {
    /// The days before an assignment's end at which PIM writes to the administrators and the
    /// assignee (S-RENEW: 14 days before, 1 day before, and at the expiry).
    static var expiryNoticeDays: [Int32] { [14, 1, 0] }

    /// The default recipients of an administrator email about `role`: for a directory role, the
    /// enabled holders of Global Administrator, Privileged Role Administrator and Security
    /// Administrator ("Email notifications in PIM"); for PIM for Groups, the group's owners.
    /// **[choice]** The user the email is about is left out: that user gets the assignee's or
    /// requestor's email instead.
    func adminRecipients(role: Int32, about subject: Principal?) -> Int {
        var about: Int32?
        if case .user(let user)? = subject { about = user.rawValue }
        if let access = scenario.roles[Int(role)].groupAccess {
            let owners = Set(scenario.tenant.groups[access.group.int].owners.filter { enabled[$0.int] }.map(\.rawValue))
            return owners.count - (about.map(owners.contains) == true ? 1 : 0)
        }
        // The distinct holders of the watched roles, counted as they change (not gathered per email).
        return watchedHeld.count - (about.map { watchedHeld[$0] != nil } == true ? 1 : 0)
    }

    /// Records the emails one rule sends: its default recipients (when on) and its extra
    /// addresses, unless the rule sends critical emails only and this one is not critical.
    mutating func send(
        _ kind: NotificationKind, to recipient: NotificationRecipient, rule: NotificationRule, role: Int32,
        defaults: Int, critical: Bool, now: SimTime
    ) {
        guard rule.sends(critical: critical) else { return }
        let count = (rule.defaultRecipients ? defaults : 0) + rule.additionalRecipients.count
        guard count > 0 else { return }
        sink.record(.notificationSent(time: now, kind: kind, recipient: recipient, role: RoleIndex(role), count: count))
    }

    /// The request to approve (an email that asks for an action, so critical).
    mutating func notifyApprovers(_ approvers: [Int32], role: Int32, event: NotificationEvent, now: SimTime) {
        let rule = policies[RoleIndex(role)].notifications[event, .approver]
        let kind: NotificationKind = event == .activation ? .activation : (event == .eligibleAssignment ? .eligibleAssignment : .activeAssignment)
        send(kind, to: .approver, rule: rule, role: role, defaults: approvers.count, critical: true, now: now)
    }

    /// An activation began: the role activation alert to administrators and the notice to the user.
    mutating func notifyActivation(user: Int32, role: Int32, now: SimTime) {
        let settings = policies[RoleIndex(role)].notifications
        let admins = adminRecipients(role: role, about: .user(UserIndex(user)))
        send(.activation, to: .admin, rule: settings[.activation, .admin], role: role, defaults: admins, critical: false, now: now)
        send(.activation, to: .requestor, rule: settings[.activation, .requestor], role: role, defaults: 1, critical: false, now: now)
    }

    /// An assignment made during the run took effect: the role assignment alert and the notice
    /// to the assignee (one email to a group's address for a group).
    mutating func notifyAssignment(_ assignment: Assignment, now: SimTime) {
        let event = assignment.type.notificationEvent
        let settings = policies[assignment.role].notifications
        let kind: NotificationKind = event == .eligibleAssignment ? .eligibleAssignment : .activeAssignment
        let role = assignment.role.rawValue
        send(kind, to: .admin, rule: settings[event, .admin], role: role, defaults: adminRecipients(role: role, about: assignment.principal), critical: false, now: now)
        send(kind, to: .requestor, rule: settings[event, .requestor], role: role, defaults: principalRecipients(assignment.principal), critical: false, now: now)
    }

    /// One for an enabled user or for a group (its address); none for a disabled user.
    func principalRecipients(_ principal: Principal) -> Int {
        if case .user(let user) = principal { return enabled[user.int] ? 1 : 0 }
        return 1
    }

    /// Schedules the expiry notices of an assignment that ends at `end` (again after an extension).
    func scheduleExpiryNotices(_ id: Int32, end: SimTime, now: SimTime, _ queue: inout EventQueue<EngineEvent>) {
        for days in Self.expiryNoticeDays {
            let time = end - SimTime(days) * 86_400
            guard time >= now, time < scenario.horizon else { continue }
            queue.schedule(.expiryNotice(assignment: id, daysBefore: days), at: time, phase: Phase.decisions)
        }
    }

    /// An expiry notice falls due: sent while the assignment is still to end then (not removed,
    /// not extended), and at the end only when it expired.
    mutating func expiryNotice(_ id: Int32, daysBefore: Int32, now: SimTime) {
        let assignment = assignments[Int(id)]
        guard let end = assignment.end, end - SimTime(daysBefore) * 86_400 == now else { return }
        let slot = assignmentSlots[Int(id)]
        if daysBefore == 0 {
            guard slot.started, slot.endedAt == now else { return }
        } else {
            guard slot.started, !slot.ended else { return }
        }
        let event = assignment.type.notificationEvent
        let settings = policies[assignment.role].notifications
        let role = assignment.role.rawValue
        let admins = adminRecipients(role: role, about: assignment.principal)
        send(.expiry, to: .admin, rule: settings[event, .admin], role: role, defaults: admins, critical: false, now: now)
        send(.expiry, to: .requestor, rule: settings[event, .requestor], role: role, defaults: principalRecipients(assignment.principal), critical: false, now: now)
    }
}
