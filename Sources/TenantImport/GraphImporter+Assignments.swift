import Reports
import ScenarioFormat
import TenantModel

extension ImportBuilder {
    /// Role eligibility and assignment schedules (with their instances) → assignments and
    /// activations in effect; instances without a schedule are assignments made outside PIM.
    func readAssignments() {
        let hasEligibility = require("roleEligibilitySchedules", lacking: "eligible role assignments")
        let hasActive = require("roleAssignmentSchedules", lacking: "active role assignments made through PIM and activations in effect")
        var scheduleIDs = Set<String>()
        if hasEligibility {
            for schedule in export["roleEligibilitySchedules"] {
                if let id = schedule.id { scheduleIDs.insert(id) }
                roleSchedule(schedule, eligible: true)
            }
        }
        if hasActive {
            for schedule in export["roleAssignmentSchedules"] {
                if let id = schedule.id { scheduleIDs.insert(id) }
                roleSchedule(schedule, eligible: false)
            }
        }
        for instance in export["roleEligibilityScheduleInstances"] {
            guard hasEligibility, let scheduleID = instance.string("roleEligibilityScheduleId") else { continue }
            if !scheduleIDs.contains(scheduleID) {
                error("instance of eligibility schedule '\(scheduleID)', which is not among the roleEligibilitySchedules", at: instance.at("roleEligibilityScheduleId"))
            }
        }
        for instance in export["roleAssignmentScheduleInstances"] {
            if let scheduleID = instance.string("roleAssignmentScheduleId") {
                if hasActive, !scheduleIDs.contains(scheduleID) {
                    error("instance of assignment schedule '\(scheduleID)', which is not among the roleAssignmentSchedules", at: instance.at("roleAssignmentScheduleId"))
                }
                continue
            }
            // No schedule: a role assignment made directly, outside PIM.
            guard (instance.string("assignmentType") ?? "Assigned") == "Assigned", isDirect(instance) else { continue }
            guard let principal = instance.string("principalId"), let roleID = instance.string("roleDefinitionId"),
                  let role = roleName(roleID, at: instance.at("roleDefinitionId")) else { continue }
            let start = timestamp(instance.string("startDateTime"), at: instance.at("startDateTime"))
            let end = timestamp(instance.string("endDateTime"), at: instance.at("endDateTime")).map(ImportedScenario.End.at) ?? .permanent
            add(.init(principal: principal, target: .role(role), eligible: false, scope: scope(instance), start: start, end: end,
                      outsidePIM: true, origin: instance.origin), principalAt: instance.at("principalId"))
        }
    }

    /// PIM for Groups eligibility and assignment schedules.
    func readGroupAssignments() {
        for (name, eligible) in [("privilegedAccessGroupEligibilitySchedules", true), ("privilegedAccessGroupAssignmentSchedules", false)] {
            for schedule in export[name] {
                guard let principal = schedule.string("principalId"), let group = schedule.string("groupId") else {
                    error("a PIM for Groups schedule needs 'principalId' and 'groupId'", at: schedule.origin)
                    continue
                }
                guard groupIndex[group] != nil else {
                    error("group '\(group)' is not among the export's groups", at: schedule.at("groupId"))
                    continue
                }
                let access = schedule.string("accessId") ?? "member"
                guard access == "member" || access == "owner" else {
                    warning("access '\(access)' is neither member nor owner; left out", at: schedule.at("accessId"))
                    continue
                }
                // A group may be an eligible member of another group (each of its members activates for themselves).
                let groupEligibleMember = eligible && access == "member" && groupIndex[principal] != nil && principal != group
                guard userIDs.contains(principal) || groupEligibleMember else {
                    warning("PIM for Groups principal '\(principal)' is neither a user nor a group eligible for membership; left out", at: schedule.at("principalId"))
                    continue
                }
                importSchedule(schedule, target: .group(group, access: access), eligible: eligible)
            }
        }
    }

    func roleSchedule(_ schedule: GraphObject, eligible: Bool) {
        guard isDirect(schedule) else { return }
        guard let roleID = schedule.string("roleDefinitionId"), let role = roleName(roleID, at: schedule.at("roleDefinitionId")) else {
            if schedule.string("roleDefinitionId") == nil { error("a role schedule needs 'roleDefinitionId'", at: schedule.origin) }
            return
        }
        importSchedule(schedule, target: .role(role), eligible: eligible)
    }

    /// One schedule (role or group access) → an assignment, or an activation in effect.
    func importSchedule(_ schedule: GraphObject, target: ImportedScenario.Target, eligible: Bool) {
        guard let principal = schedule.string("principalId") else {
            error("a schedule needs 'principalId'", at: schedule.origin)
            return
        }
        let info = schedule.object("scheduleInfo")
        let begin = timestamp(info?.string("startDateTime"), at: info?.at("startDateTime") ?? schedule.origin)
        guard let end = expiration(info) else { return }
        if !eligible, schedule.string("assignmentType") == "Activated" {
            activation(schedule, principal: principal, target: target, begin: begin, end: end)
            return
        }
        add(.init(principal: principal, target: target, eligible: eligible, scope: scope(schedule), start: begin, end: end,
                  origin: schedule.origin), principalAt: schedule.at("principalId"))
    }

    /// An activation live at the export: replayed as a request at the start for what is left of it.
    func activation(_ schedule: GraphObject, principal: String, target: ImportedScenario.Target, begin: Int64?, end: ImportedScenario.End) {
        guard !replaying else { return }
        guard userIDs.contains(principal) else {
            warning("activation by '\(principal)', who is not a user; left out", at: schedule.at("principalId"))
            return
        }
        let until: Int64?
        switch end {
        case .at(let time): until = time
        case .after(let text): until = (try? TimeSyntax.duration(text).get()).flatMap { duration in begin.map { $0 + duration } }
        case .permanent: until = nil
        }
        guard let until, until > start else { return }
        // No activation lasts beyond a day in Entra (the policy's maximum cuts it anyway), however
        // far away the export's end time is.
        scenario.activations.append(.init(user: principal, target: target, duration: min(until - start, 86_400), scope: scope(schedule)))
    }

    /// Adds an assignment after checking its principal and scope against the directory.
    func add(_ assignment: ImportedScenario.Assignment, principalAt origin: ImportOrigin) {
        if case .at(let end) = assignment.end, end <= start { return }
        var length: Int64?
        switch assignment.end {
        case .at(let end): length = assignment.start.map { end - $0 }
        case .after(let text): length = try? TimeSyntax.duration(text).get()
        case .permanent: length = nil
        }
        if let length, length < 300 {
            warning("an assignment of \(TimeText.duration(length)); Entra's minimum is 5 minutes, left out", at: assignment.origin)
            return
        }
        if case .role(let role) = assignment.target {
            if let scope = assignment.scope, scope.hasPrefix("/administrativeUnits/"), !administrativeUnitAssignable(role) {
                error("'\(role)' is scoped to administrative unit '\(scope)', which Entra allows only for AU-assignable roles", at: assignment.origin.appending("directoryScopeId"))
                return
            }
            if let sp = servicePrincipalIndex[assignment.principal] {
                guard !assignment.eligible else {
                    warning("an eligible assignment of '\(role)' to service principal '\(assignment.principal)' is not modelled; left out", at: assignment.origin)
                    return
                }
                scenario.servicePrincipals[sp].roles.append(role)
                return
            }
            if let group = groupIndex[assignment.principal], !scenario.groups[group].roleAssignable {
                error("group '\(assignment.principal)' holds '\(role)' but is not role-assignable (isAssignableToRole is false)", at: origin)
                return
            }
        }
        guard userIDs.contains(assignment.principal) || groupIndex[assignment.principal] != nil else {
            error("principal '\(assignment.principal)' is not among the export's users, groups or service principals", at: origin)
            return
        }
        scenario.assignments.append(assignment)
    }

    /// `scheduleInfo.expiration`: permanent, an end time, or a duration; nil after an error.
    func expiration(_ info: GraphObject?) -> ImportedScenario.End? {
        guard let expiration = info?.object("expiration") else { return .permanent }
        switch expiration.string("type") ?? "notSpecified" {
        case "noExpiration", "notSpecified":
            return .permanent
        case "afterDateTime":
            guard let end = timestamp(expiration.string("endDateTime"), at: expiration.at("endDateTime")) else {
                error("an afterDateTime expiration needs 'endDateTime'", at: expiration.origin)
                return nil
            }
            return .at(end)
        case "afterDuration":
            guard let text = expiration.string("duration"), case .success(let seconds) = TimeSyntax.duration(text) else {
                error("an afterDuration expiration needs an ISO 8601 'duration' such as 'PT8H'", at: expiration.at("duration"))
                return nil
            }
            // As written when it is plain ISO 8601 text; otherwise (spaces, line breaks) pimsim's own form.
            let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == ",") }
            return .after(plain ? text : TimeText.duration(seconds))
        case let other:
            error("unknown expiration type '\(other)' (expected noExpiration, afterDateTime, afterDuration or notSpecified)", at: expiration.at("type"))
            return nil
        }
    }

    /// Only direct assignments are imported: one through a group comes with the group's own.
    func isDirect(_ object: GraphObject) -> Bool {
        let memberType = object.string("memberType") ?? "Direct"
        return memberType == "Direct"
    }

    /// The directory scope, nil for the tenant (`/`); a scope that does not start with `/` is an
    /// error (read as the tenant meanwhile, which the error keeps from being written).
    func scope(_ object: GraphObject) -> String? {
        guard let scope = object.string("directoryScopeId"), scope != "/" else { return nil }
        guard scope.hasPrefix("/") else {
            error("the directory scope '\(scope)' does not start with '/'; expected '/' or a path such as '/administrativeUnits/<id>'",
                  at: object.at("directoryScopeId"))
            return nil
        }
        return scope
    }
}
