import SimKernel
import Trace
import TenantModel

/// How a user is a member of a group, strongest first: the kind decides how the group's
/// assignments reach the user.
enum MemberKind: UInt8 {
    /// Not a member.
    case none
    /// A member just in time, through an activated PIM for Groups membership.
    case pim
    /// A member through an access package assignment (standing while it lasts).
    case package
    /// A member by the tenant, a `membership` event or an active PIM for Groups assignment.
    case standing
}

extension Engine {
    /// How `user` is a member of `group` right now.
    func memberKind(_ user: Int32, _ group: GroupIndex) -> MemberKind {
        if isStandingMember(user, group) { return .standing }
        if isPackageMember(user, group) { return .package }
        if pimMembers[group.int].contains(user) { return .pim }
        return .none
    }

    /// A member by the tenant, a `membership` event or an active group-access assignment.
    func isStandingMember(_ user: Int32, _ group: GroupIndex) -> Bool {
        staticMembers[group.int].contains(user) || assignedMembers[group.int].contains(user)
    }

    /// A member through at least one access package assignment.
    func isPackageMember(_ user: Int32, _ group: GroupIndex) -> Bool {
        !packageMembers.isEmpty && packageMembers[group.int][user] != nil
    }

    /// After the ways `user` is a member of `group` changed (it was `old`): the group's
    /// assignments start or stop flowing to the user, or change kind. A member who stays a
    /// member keeps their place in the member list.
    mutating func reflow(_ user: Int32, group: GroupIndex, from old: MemberKind) {
        let new = memberKind(user, group)
        guard new != old else { return }
        if old == .none {
            guard members[group.int].append(user).inserted else { return }
            for id in groupAssignments[group.int] { adjustPath(user, assignments[Int(id)], 1, kind: new) }
            return
        }
        if new == .none {
            guard members[group.int].remove(user) != nil else { return }
            for id in groupAssignments[group.int] { adjustPath(user, assignments[Int(id)], -1, kind: old) }
            return
        }
        for id in groupAssignments[group.int] {
            let assignment = assignments[Int(id)]
            // An eligible path is the same through PIM or standing; only a package's share moves.
            if assignment.type == .eligible, (old == .package) == (new == .package) { continue }
            adjustPath(user, assignment, -1, kind: old)
            adjustPath(user, assignment, 1, kind: new)
        }
    }

    /// PIM for Groups: holding the membership pseudo-role makes the user a member of the group.
    /// Through an active (standing) group-access assignment the membership is standing, as if
    /// static; through an activation it is just in time.
    mutating func refreshPIMMembership(_ user: Int32, group: GroupIndex) {
        guard let role = membershipRoles.first(where: { $0.value == group })?.key else { return }
        let state = pairs[pairKey(user, role)]
        let standing = enabled[Int(user)] && (state?.standingPaths ?? 0) > 0
        let activation = state?.activation ?? -1
        let activated = enabled[Int(user)] && !standing && activation >= 0 && activations[Int(activation)].provisioned
        let before = memberKind(user, group)
        if standing != assignedMembers[group.int].contains(user) {
            if standing { assignedMembers[group.int].insert(user) } else { assignedMembers[group.int].remove(user) }
            reflow(user, group: group, from: before)
        }
        guard activated != pimMembers[group.int].contains(user) else { return }
        let middle = memberKind(user, group)
        if activated { pimMembers[group.int].insert(user) } else { pimMembers[group.int].remove(user) }
        reflow(user, group: group, from: middle)
    }

    /// Whether the trace shows `user` as a member of `group` (static or through a package; PIM
    /// for Groups memberships are reported through their assignments and activations).
    func isVisibleMember(_ user: Int32, _ group: GroupIndex) -> Bool {
        staticMembers[group.int].contains(user) || isPackageMember(user, group)
    }

    /// A `membership` event adds a static member.
    mutating func join(_ user: Int32, group: GroupIndex, now: SimTime) {
        let before = memberKind(user, group)
        let visible = isVisibleMember(user, group)
        guard staticMembers[group.int].insert(user).inserted else { return }
        if !visible { sink.record(.membershipChanged(time: now, group: group, user: UserIndex(user), added: true)) }
        reflow(user, group: group, from: before)
    }

    /// A `membership` event removes a static member (who may stay a member through PIM or a package).
    mutating func part(_ user: Int32, group: GroupIndex, now: SimTime) {
        let before = memberKind(user, group)
        guard staticMembers[group.int].remove(user) != nil else { return }
        if !isVisibleMember(user, group) { sink.record(.membershipChanged(time: now, group: group, user: UserIndex(user), added: false)) }
        reflow(user, group: group, from: before)
    }

    /// An access package grants (`delta` 1) or takes back (-1) membership of `group`.
    mutating func packageMembership(_ user: Int32, group: GroupIndex, delta: Int32, now: SimTime) {
        let before = memberKind(user, group)
        let visible = isVisibleMember(user, group)
        let count = (packageMembers[group.int][user] ?? 0) + delta
        packageMembers[group.int][user] = count > 0 ? count : nil
        let nowVisible = isVisibleMember(user, group)
        if visible != nowVisible { sink.record(.membershipChanged(time: now, group: group, user: UserIndex(user), added: nowVisible)) }
        reflow(user, group: group, from: before)
    }

    /// An access package grants (`delta` 1) or takes back (-1) ownership of `group`.
    mutating func packageOwnership(_ user: Int32, group: GroupIndex, delta: Int32, now: SimTime) {
        let count = (packageOwners[group.int][user] ?? 0) + delta
        let had = packageOwners[group.int][user] != nil
        packageOwners[group.int][user] = count > 0 ? count : nil
        guard had != (count > 0), !scenario.tenant.groups[group.int].owners.contains(UserIndex(user)) else { return }
        sink.record(.groupOwnershipChanged(time: now, group: group, user: UserIndex(user), added: count > 0))
    }
}
