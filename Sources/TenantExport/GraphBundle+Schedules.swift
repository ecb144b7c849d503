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

    /// Schedule ids derived from what a schedule says (principal, role or group access, type,
    /// scope, start, end), so that a scenario imported from the bundle exports the same ids; two
    /// schedules that say the same are numbered in the engine's order.
    struct ScheduleIds {
        private var seen: [String: Int] = [:]

        /// The id of the next schedule of `kind` described by `parts`.
        mutating func next(_ kind: String, _ parts: [String]) -> String {
            var key = parts.joined(separator: "|")
            let count = seen[kind + key, default: 0]
            seen[kind + key] = count + 1
            if count > 0 { key += "#\(count)" }
            return key
        }
    }

    /// `scheduleInfo`: the start and `noExpiration` or `afterDateTime`.
    func scheduleInfo(start: Int64, end: Int64?) -> JSONValue {
        let expiration: JSONValue = end.map { .object(["type": .string("afterDateTime"), "endDateTime": timestamp($0)]) }
            ?? .object(["type": .string("noExpiration")])
        return .object(["startDateTime": timestamp(start), "expiration": expiration])
    }

    /// Assignments to export: those in effect (with their engine id, for extended ends) in id
    /// order, then the scenario's assignments that start later, in file order (schedules only).
    func exportedAssignments() -> [(assignment: Assignment, end: Int64?, started: Bool)] {
        let state = snapshot.state
        var result = state.assignments.keys.sorted().compactMap { id in
            state.assignments[id].map { (assignment: $0, end: snapshot.end(of: id, $0), started: true) }
        }
        for assignment in snapshot.scenario.assignments where assignment.start > snapshot.time && !assignment.outsidePIM {
            result.append((assignment: assignment, end: assignment.end, started: false))
        }
        return result
    }

    /// A time as absolute seconds, for schedule ids that do not depend on the scenario's start.
    func absolute(_ seconds: Int64?) -> String {
        seconds.map { String(snapshot.scenario.startEpoch + $0) } ?? "-"
    }

    /// Eligibilities, standing assignments, live activations and service principals' roles, with
    /// one instance per schedule in effect; assignments made outside PIM are instances only.
    func roleSchedules() -> RoleSchedules {
        var result = RoleSchedules()
        var names = ScheduleIds()
        let state = snapshot.state
        for (assignment, end, started) in exportedAssignments() {
            guard let role = ids.roles[assignment.role.int] else { continue }
            let eligible = assignment.type == .eligible
            let kind = eligible ? "roleEligibilitySchedule" : "roleAssignmentSchedule"
            let key = names.next(kind, [ids.principal(assignment.principal), role, assignment.scope, absolute(assignment.start), absolute(end)])
            let scheduleId = GraphIdentifier.derived(kind: kind, id: key)
            var common: [String: JSONValue] = [
                "principalId": .string(ids.principal(assignment.principal)),
                "roleDefinitionId": .string(role),
                "directoryScopeId": .string(assignment.scope),
                "memberType": .string("Direct"),
            ]
            if !eligible { common["assignmentType"] = .string("Assigned") }
            var instance = common
            instance["id"] = .string(GraphIdentifier.derived(kind: kind + "Instance", id: key))
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
            guard started else { continue }
            if eligible { result.eligibilityInstances.append(.object(instance)) } else { result.assignmentInstances.append(.object(instance)) }
        }
        for id in state.activations.keys.sorted() {
            guard let activation = state.activations[id], let role = ids.roles[activation.role.int],
                  let window = snapshot.activationWindows[id] else { continue }
            let key = names.next("activationSchedule", [ids.users[activation.user.int], role, activation.scope, absolute(window.start), absolute(window.end)])
            let scheduleId = GraphIdentifier.derived(kind: "activationSchedule", id: key)
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
            instance["id"] = .string(GraphIdentifier.derived(kind: "activationScheduleInstance", id: key))
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
                let key = ids.servicePrincipals[index] + "|" + role
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
        var names = ScheduleIds()
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
        for (assignment, end, _) in exportedAssignments() {
            guard let access = scenario[assignment.role].groupAccess else { continue }
            let principal = ids.principal(assignment.principal)
            var schedule = common(principal, access)
            schedule["scheduleInfo"] = scheduleInfo(start: assignment.start, end: end)
            let kind = assignment.type == .eligible ? "groupEligibilitySchedule" : "groupAssignmentSchedule"
            let key = names.next(kind, [principal, ids.groups[access.group.int], access.kind.rawValue, absolute(assignment.start), absolute(end)])
            schedule["id"] = .string(GraphIdentifier.derived(kind: kind, id: key))
            if assignment.type == .eligible {
                result.eligibility.append(.object(schedule))
            } else {
                schedule["assignmentType"] = .string("Assigned")
                result.assignment.append(.object(schedule))
            }
        }
        for id in snapshot.state.activations.keys.sorted() {
            guard let activation = snapshot.state.activations[id], let access = scenario[activation.role].groupAccess,
                  let window = snapshot.activationWindows[id] else { continue }
            let user = ids.users[activation.user.int]
            var schedule = common(user, access)
            let key = names.next("groupActivationSchedule", [user, ids.groups[access.group.int], access.kind.rawValue, absolute(window.start), absolute(window.end)])
            schedule["id"] = .string(GraphIdentifier.derived(kind: "groupActivationSchedule", id: key))
            schedule["assignmentType"] = .string("Activated")
            schedule["scheduleInfo"] = scheduleInfo(start: window.start, end: window.end)
            result.assignment.append(.object(schedule))
        }
        return result
    }
}
