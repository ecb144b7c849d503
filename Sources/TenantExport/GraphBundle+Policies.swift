import PrivilegeGraph
import Reports
import TenantModel

extension GraphBundle {
    /// `roleManagementPolicies` (rules expanded) and `roleManagementPolicyAssignments`: one policy
    /// per exported directory role (scope `/`, `DirectoryRole`) and one per PIM for Groups group
    /// and access (scope the group, `Group`), each from the settings in effect at the moment.
    func policyCollections() -> (policies: [JSONValue], assignments: [JSONValue]) {
        var policies: [JSONValue] = [], assignments: [JSONValue] = []
        func add(role: RoleIndex, policyId: String, scopeId: String, scopeType: String, roleDefinitionId: String) {
            policies.append(.object([
                "id": .string(policyId),
                "displayName": .string(scopeType),
                "isOrganizationDefault": .bool(false),
                "scopeId": .string(scopeId),
                "scopeType": .string(scopeType),
                "rules": .array(Self.sortedById(rules(snapshot.state.policies[role]))),
            ]))
            assignments.append(.object([
                "id": .string(policyId + "_" + roleDefinitionId),
                "policyId": .string(policyId),
                "scopeId": .string(scopeId),
                "scopeType": .string(scopeType),
                "roleDefinitionId": .string(roleDefinitionId),
            ]))
        }
        for role in exportedRoles() {
            guard let id = ids.roles[role.int] else { continue }
            let policyId = "DirectoryRole_\(ids.tenantId)_" + GraphIdentifier.derived(kind: "policy", id: "DirectoryRole:" + id)
            add(role: role, policyId: policyId, scopeId: "/", scopeType: "DirectoryRole", roleDefinitionId: id)
        }
        for (index, role) in snapshot.scenario.roles.enumerated() {
            guard let access = role.groupAccess else { continue }
            let group = ids.groups[access.group.int]
            let policyId = "Group_\(group)_" + GraphIdentifier.derived(kind: "policy", id: "Group:\(group):\(access.kind.rawValue)")
            add(role: RoleIndex(index), policyId: policyId, scopeId: group, scopeType: "Group", roleDefinitionId: access.kind.rawValue)
        }
        return (policies, assignments)
    }

    /// The seventeen rules of a policy, with Graph's ids, types and targets.
    func rules(_ policy: RolePolicy) -> [JSONValue] {
        let activation = policy.activation
        var enabled: [JSONValue] = []
        if activation.requireMFA { enabled.append(.string("MultiFactorAuthentication")) }
        if activation.requireJustification { enabled.append(.string("Justification")) }
        if activation.requireTicket { enabled.append(.string("Ticketing")) }
        var result: [JSONValue] = [
            rule("Expiration_Admin_Eligibility", "ExpirationRule", caller: "Admin", level: "Eligibility", expiration(policy.eligibleAssignment)),
            rule("Expiration_Admin_Assignment", "ExpirationRule", caller: "Admin", level: "Assignment", expiration(policy.activeAssignment)),
            rule("Expiration_EndUser_Assignment", "ExpirationRule", caller: "EndUser", level: "Assignment", [
                "isExpirationRequired": .bool(true), "maximumDuration": .string(ExportTime.duration(activation.maxDuration)),
            ]),
            rule("Enablement_Admin_Eligibility", "EnablementRule", caller: "Admin", level: "Eligibility", ["enabledRules": .array([])]),
            rule("Enablement_Admin_Assignment", "EnablementRule", caller: "Admin", level: "Assignment", ["enabledRules": .array([])]),
            rule("Enablement_EndUser_Assignment", "EnablementRule", caller: "EndUser", level: "Assignment", ["enabledRules": .array(enabled)]),
            rule("Approval_EndUser_Assignment", "ApprovalRule", caller: "EndUser", level: "Assignment", ["setting": approvalSetting(activation)]),
            rule("AuthenticationContext_EndUser_Assignment", "AuthenticationContextRule", caller: "EndUser", level: "Assignment", [
                "isEnabled": .bool(activation.authenticationContext != nil),
                "claimValue": activation.authenticationContext.map(JSONValue.string) ?? .null,
            ]),
        ]
        let events: [(String, String, String, NotificationEvent)] = [
            ("Admin_Eligibility", "Admin", "Eligibility", .eligibleAssignment), ("Admin_Assignment", "Admin", "Assignment", .activeAssignment),
            ("EndUser_Assignment", "EndUser", "Assignment", .activation),
        ]
        for (level, caller, levelName, event) in events {
            for (recipient, type) in [("Admin", NotificationRecipient.admin), ("Requestor", .requestor), ("Approver", .approver)] {
                let setting = policy.notifications[event, type]
                result.append(rule("Notification_\(recipient)_\(level)", "NotificationRule", caller: caller, level: levelName, [
                    "notificationType": .string("Email"),
                    "recipientType": .string(recipient),
                    "notificationLevel": .string(setting.level == .all ? "All" : "Critical"),
                    "isDefaultRecipientsEnabled": .bool(setting.defaultRecipients),
                    "notificationRecipients": .array(setting.additionalRecipients.map(JSONValue.string)),
                ]))
            }
        }
        return result
    }

    private func rule(_ id: String, _ type: String, caller: String, level: String, _ fields: [String: JSONValue]) -> JSONValue {
        var object = fields
        object["@odata.type"] = .string("#microsoft.graph.unifiedRoleManagementPolicy" + type)
        object["id"] = .string(id)
        object["target"] = .object([
            "caller": .string(caller),
            "level": .string(level),
            "operations": .array([.string("All")]),
            "inheritableSettings": .array([]),
            "enforcedSettings": .array([]),
        ])
        return .object(object)
    }

    private func expiration(_ rule: AssignmentRule) -> [String: JSONValue] {
        ["isExpirationRequired": .bool(!rule.allowPermanent), "maximumDuration": .string(ExportTime.duration(rule.maxDuration))]
    }

    private func approvalSetting(_ activation: ActivationSettings) -> JSONValue {
        let approvers: [JSONValue] = activation.approvers.map { approver in
            switch approver {
            case .user(let user):
                return .object(["@odata.type": .string("#microsoft.graph.singleUser"), "userId": .string(ids.users[user.int])])
            case .group(let group):
                return .object(["@odata.type": .string("#microsoft.graph.groupMembers"), "groupId": .string(ids.groups[group.int])])
            }
        }
        let stage: JSONValue = .object([
            "approvalStageTimeOutInDays": .integer(1),
            "isApproverJustificationRequired": .bool(true),
            "escalationTimeInMinutes": .integer(0),
            "isEscalationEnabled": .bool(false),
            "primaryApprovers": .array(approvers),
            "escalationApprovers": .array([]),
        ])
        return .object([
            "isApprovalRequired": .bool(activation.requireApproval),
            "isApprovalRequiredForExtension": .bool(false),
            "isRequestorJustificationRequired": .bool(true),
            "approvalMode": .string(activation.requireApproval ? "SingleStage" : "NoApproval"),
            "approvalStages": .array([stage]),
        ])
    }
}
