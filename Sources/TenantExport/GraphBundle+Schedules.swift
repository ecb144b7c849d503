import PrivilegeGraph
import Reports
import TenantModel

extension GraphBundle {
    /// The four directory-role schedule collections.
    struct RoleSchedules {
        var eligibility: [JSONValue] = []
        var eligibilityInstances: [JSONValue] = []
        var assignment: [JSONValue] = []
        var assignmentInstances: [JSONValue] = []
    }

    /// The two PIM for Groups schedule collections.
    struct GroupSchedules {
        var eligibility: [JSONValue] = []
        var assignment: [JSONValue] = []
    }

    /// `scheduleInfo`: the start and `noExpiration` or `afterDateTime`.
    func scheduleInfo(start: Int64, end: Int64?) -> JSONValue {
        let expiration: JSONValue = end.map { .object(["type": .string("afterDateTime"), "endDateTime": timestamp($0)]) }
            ?? .object(["type": .string("noExpiration")])
        return .object(["startDateTime": timestamp(start), "expiration": expiration])
    }

    /// Eligibilities, standing assignments, live activations and service principals' roles, with
    /// one instance per schedule; assignments made outside PIM are instances only.
    func roleSchedules() -> RoleSchedules {
        var result = RoleSchedules()
        let state = snapshot.state
        for (id, assignment) in state.assignments {
            guard let role = ids.roles[assignment.role.int] else { continue }
            let eligible = assignment.type == .eligible
            let kind = eligible ? "roleEligibilitySchedule" : "roleAssignmentSchedule"
            let scheduleId = GraphIdentifier.derived(kind: kind, id: String(id))
            var common: [String: JSONValue] = [
                "principalId": .string(ids.principal(assignment.principal)),
                "roleDefinitionId": .string(role),
                "directoryScopeId": .string(assignment.scope),
                "memberType": .string("Direct"),
            ]
            if !eligible { common["assignmentType"] = .string("Assigned") }
            let end = snapshot.end(of: id, assignment)
            var instance = common
            instance["id"] = .string(GraphIdentifier.derived(kind: kind + "Instance", id: String(id)))
            instance["startDateTime"] = timestamp(assignment.start)
            instance["endDateTime"] = end.map(timestamp) ?? .null
            if !assignment.outsidePIM || eligible {
                var schedule = common
                schedule["id"] = .string(scheduleId)
                schedule["status"] = .string("Provisioned")
                schedule["scheduleInfo"] = scheduleInfo(start: assignment.start, end: end)
                if eligible { result.eligibility.append(.object(schedule)) } else { result.assignment.append(.object(schedule)) }
                instance[eligible ? "roleEligibilityScheduleId" : "roleAssignmentScheduleId"] = .string(scheduleId)
            }
            if eligible { result.eligibilityInstances.append(.object(instance)) } else { result.assignmentInstances.append(.object(instance)) }
        }
        for (id, activation) in state.activations {
            guard let role = ids.roles[activation.role.int], let window = snapshot.activationWindows[id] else { continue }
            let scheduleId = GraphIdentifier.derived(kind: "activationSchedule", id: String(id))
            let common: [String: JSONValue] = [
                "principalId": .string(ids.users[activation.user.int]),
                "roleDefinitionId": .string(role),
                "directoryScopeId": .string(activation.scope),
                "memberType": .string("Direct"),
                "assignmentType": .string("Activated"),
            ]
            var schedule = common, instance = common
            schedule["id"] = .string(scheduleId)
            schedule["status"] = .string("Provisioned")
            schedule["scheduleInfo"] = scheduleInfo(start: window.start, end: window.end)
            instance["id"] = .string(GraphIdentifier.derived(kind: "activationScheduleInstance", id: String(id)))
            instance["startDateTime"] = timestamp(window.start)
            instance["endDateTime"] = timestamp(window.end)
            instance["roleAssignmentScheduleId"] = .string(scheduleId)
            result.assignment.append(.object(schedule))
            result.assignmentInstances.append(.object(instance))
        }
        servicePrincipalRoles(into: &result)
        return result
    }

    /// Service principals' roles: standing, permanent, from the start.
    private func servicePrincipalRoles(into result: inout RoleSchedules) {
        for (index, principal) in snapshot.scenario.tenant.servicePrincipals.enumerated() {
            for roleIndex in principal.roles {
                guard let role = ids.roles[roleIndex.int] else { continue }
                let key = principal.id + ":" + snapshot.scenario[roleIndex].name
                let scheduleId = GraphIdentifier.derived(kind: "servicePrincipalRoleSchedule", id: key)
                let common: [String: JSONValue] = [
                    "principalId": .string(ids.servicePrincipals[index]),
                    "roleDefinitionId": .string(role),
                    "directoryScopeId": .string("/"),
                    "memberType": .string("Direct"),
                    "assignmentType": .string("Assigned"),
                ]
                var schedule = common, instance = common
                schedule["id"] = .string(scheduleId)
                schedule["status"] = .string("Provisioned")
                schedule["scheduleInfo"] = scheduleInfo(start: 0, end: nil)
                instance["id"] = .string(GraphIdentifier.derived(kind: "servicePrincipalRoleScheduleInstance", id: key))
                instance["startDateTime"] = timestamp(0)
                instance["endDateTime"] = .null
                instance["roleAssignmentScheduleId"] = .string(scheduleId)
                result.assignment.append(.object(schedule))
                result.assignmentInstances.append(.object(instance))
            }
        }
    }

    /// PIM for Groups: eligible and active memberships and ownerships, and live activations.
    func groupAccessSchedules() -> GroupSchedules {
        var result = GroupSchedules()
        let scenario = snapshot.scenario
        func common(_ principal: String, _ access: RoleDefinition.GroupAccess) -> [String: JSONValue] {
            [
                "principalId": .string(principal),
                "groupId": .string(ids.groups[access.group.int]),
                "accessId": .string(access.kind.rawValue),
                "memberType": .string("Direct"),
                "status": .string("Provisioned"),
            ]
        }
        for (id, assignment) in snapshot.state.assignments {
            guard let access = scenario[assignment.role].groupAccess else { continue }
            var schedule = common(ids.principal(assignment.principal), access)
            schedule["scheduleInfo"] = scheduleInfo(start: assignment.start, end: snapshot.end(of: id, assignment))
            if assignment.type == .eligible {
                schedule["id"] = .string(GraphIdentifier.derived(kind: "groupEligibilitySchedule", id: String(id)))
                result.eligibility.append(.object(schedule))
            } else {
                schedule["id"] = .string(GraphIdentifier.derived(kind: "groupAssignmentSchedule", id: String(id)))
                schedule["assignmentType"] = .string("Assigned")
                result.assignment.append(.object(schedule))
            }
        }
        for (id, activation) in snapshot.state.activations {
            guard let access = scenario[activation.role].groupAccess, let window = snapshot.activationWindows[id] else { continue }
            var schedule = common(ids.users[activation.user.int], access)
            schedule["id"] = .string(GraphIdentifier.derived(kind: "groupActivationSchedule", id: String(id)))
            schedule["assignmentType"] = .string("Activated")
            schedule["scheduleInfo"] = scheduleInfo(start: window.start, end: window.end)
            result.assignment.append(.object(schedule))
        }
        return result
    }
}
