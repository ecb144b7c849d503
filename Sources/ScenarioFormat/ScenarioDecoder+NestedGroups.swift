import TenantModel

extension ScenarioDecoder {
    /// PIM for Groups: a group may be an *eligible member* of another group (Microsoft Learn,
    /// "What is PIM for Groups"); its active members may then activate that membership, each for
    /// themselves. Active group-in-group membership, group ownership and a group in itself are
    /// errors, at the key that makes them so.
    func nestedGroupAllowed(
        _ member: GroupIndex, in access: RoleDefinition.GroupAccess, type: AssignmentType, map: MapView, at value: Value
    ) -> Bool {
        let memberID = groups[member.int].id
        let targetID = groups[access.group.int].id
        if access.kind == .owner {
            context.error(
                "group '\(memberID)' cannot own group '\(targetID)'; a group can only be an eligible member of another group (access: member)",
                at: map["access"] ?? value
            )
            return false
        }
        if type == .active {
            context.error(
                "group '\(memberID)' can be an eligible member of group '\(targetID)', not an active one: use type: eligible; each of its members activates the membership for themselves",
                at: map["type"] ?? value
            )
            return false
        }
        if member == access.group {
            context.error("group '\(memberID)' cannot be a member of itself", at: map["principal"] ?? value)
            return false
        }
        return true
    }
}
