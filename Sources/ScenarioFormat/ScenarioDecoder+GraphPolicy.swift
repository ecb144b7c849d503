import TenantModel

/// An assignment policy written as Microsoft Graph returns it (v1.0 or beta), or as the
/// PowerShell example writes it: lowered to the same `PackagePolicy` as pimsim's own keys.
extension ScenarioDecoder {
    func decodeGraphPolicy(_ value: Value) -> PackagePolicy? {
        guard let map = context.map(value, FormatSpec.graphPolicy) else { return nil }
        for (first, second) in [("requestApprovalSettings", "approvalSettings"), ("expiration", "durationInDays"), ("expiration", "expirationDateTime"),
                                ("allowedTargetScope", "requestorSettings.scopeType")] where map.has(first) && hasPath(map, second) {
            context.error("give either '\(first)' or '\(second)', not both (Graph v1.0 and beta spell the same setting differently)", at: value)
            return nil
        }
        if let entry = map["automaticRequestSettings"], entry.node.tagName != .null {
            context.error("automatic assignment policies are not modelled; give 'automaticRequestSettings: null' or leave it out", at: entry)
            return nil
        }
        let id = map["id"].flatMap { context.identifier($0, what: "a policy id") } ?? map["displayName"].flatMap { context.string($0) }
        guard let id, !id.isEmpty else {
            context.error("a policy in Graph's shape needs 'id' or 'displayName' to name it", at: value)
            return nil
        }
        let requestorSettings = map["requestorSettings"].flatMap { context.map($0, FormatSpec.graphRequestorSettings) }
        let requestors = graphRequestors(map, settings: requestorSettings)
        let approval = (map["requestApprovalSettings"] ?? map["approvalSettings"]).flatMap { context.map($0, FormatSpec.graphApprovalSettings) }
        let stages = approval.map { graphStages($0) } ?? []
        let expiry = graphExpiry(map)
        var extensionRule = PackageExtension(allowed: false, requiresApproval: false)
        let canExtend = map["canExtend"].flatMap { context.bool($0) } ?? requestorSettings?["enableTargetsToSelfUpdateAccess"].flatMap { context.bool($0) } ?? false
        if canExtend {
            if case .after = expiry {
                extensionRule.allowed = true
            } else if let entry = map["canExtend"] ?? requestorSettings?["enableTargetsToSelfUpdateAccess"] {
                context.warning("extension is ignored: the policy's assignments have no expiry after a duration to move", at: entry)
            }
        }
        if let approval {
            let flag = approval["isApprovalRequiredForExtension"] ?? approval["isApprovalRequiredForUpdate"]
            extensionRule.requiresApproval = flag.flatMap { context.bool($0) } ?? false
        }
        let justification = approval?["isRequestorJustificationRequired"].flatMap { context.bool($0) } ?? false
        let review = map["reviewSettings"].flatMap { graphReview($0) } ?? map["accessReviewSettings"].flatMap { graphBetaReview($0) }
        return PackagePolicy(id: id, requestors: requestors, justificationRequired: justification, stages: stages, expiry: expiry,
                             extensionRule: extensionRule, review: review, spelling: .graph)
    }

    /// Whether `path` (`key` or `key.inner`) is present.
    private func hasPath(_ map: MapView, _ path: String) -> Bool {
        let parts = path.split(separator: ".").map(String.init)
        guard let first = map[parts[0]] else { return false }
        guard parts.count == 2, case .mapping(let inner) = first.node else { return parts.count == 1 }
        return inner.contains { key, _ in key.string == parts[1] }
    }

    /// v1.0's `allowedTargetScope` or beta's `requestorSettings.scopeType`.
    private func graphRequestors(_ map: MapView, settings: MapView?) -> PackageRequestors {
        if let flag = settings?["acceptRequests"], context.bool(flag) == false { return .none }
        if let flag = settings?["enableTargetsToSelfAddAccess"], context.bool(flag) == false { return .none }
        if let entry = map["allowedTargetScope"], let scope = context.identifier(entry, what: "a target scope") {
            switch scope {
            case "allMemberUsers": return .allMembers
            case "allDirectoryUsers": return .allUsers
            case "specificDirectoryUsers": return .specific(graphPrincipals(map["specificAllowedTargets"]))
            case "specificDirectoryServicePrincipals", "allDirectoryServicePrincipals":
                context.error("policies for service principals are not modelled; pimsim's requestors are users", at: entry)
                return .none
            default:
                // notSpecified, and the external scopes: a scenario's users are all members of the tenant.
                return .none
            }
        }
        guard let entry = settings?["scopeType"], let scope = context.identifier(entry, what: "a scope type") else { return .none }
        switch scope {
        case "AllExistingDirectoryMemberUsers": return .allMembers
        case "AllExistingDirectorySubjects", "AllExistingConnectedDirectorySubjects": return .allUsers
        case "SpecificDirectorySubjects": return .specific(graphPrincipals(settings?["allowedRequestors"]))
        default: return .none
        }
    }

    /// Subject sets naming users or groups, as requestors.
    private func graphPrincipals(_ value: Value?) -> [Principal] {
        graphApprovers(value).compactMap { approver in
            switch approver {
            case .user(let user): return .user(user)
            case .groupMembers(let group): return .group(group)
            case .manager: return nil
            }
        }
    }

    /// Subject sets: `#microsoft.graph.singleUser` (`userId`), `groupMembers` (`groupId`),
    /// `requestorManager`, or the PowerShell example's `{principalType, id}`; `isBackup` ones
    /// are left out unless `backups` asks for them alone.
    func graphApprovers(_ value: Value?, backups: Bool = false) -> [PackageApprover] {
        guard let value, let items = context.list(value, what: "subject sets") else { return [] }
        var result: [PackageApprover] = []
        for item in items {
            guard let map = context.map(item, FormatSpec.graphSubject) else { continue }
            if (map["isBackup"].flatMap { context.bool($0) } ?? false) != backups { continue }
            let type = map["@odata.type"].flatMap { context.identifier($0, what: "a subject set type") }
            let principalType = map["principalType"].flatMap { context.identifier($0, what: "User or Group") }
            var approver: PackageApprover?
            switch (type, principalType) {
            case ("#microsoft.graph.singleUser"?, _), (nil, "User"?):
                if let entry = map["userId"] ?? map["id"] { approver = userReference(entry).map { .user($0) } } else {
                    context.error("a singleUser subject needs 'userId'", at: item)
                }
            case ("#microsoft.graph.groupMembers"?, _), (nil, "Group"?):
                if let entry = map["groupId"] ?? map["id"] { approver = groupIndex(entry).map { .groupMembers($0) } } else {
                    context.error("a groupMembers subject needs 'groupId'", at: item)
                }
            case ("#microsoft.graph.requestorManager"?, _):
                approver = .manager
            case (let other?, _):
                context.error("subject set '\(other)' is not modelled; use singleUser, groupMembers or requestorManager", at: item)
            case (nil, _):
                context.error("a subject set needs '@odata.type' or 'principalType'", at: item)
            }
            if let approver, !result.contains(approver) { result.append(approver) }
        }
        return result
    }

    /// The stages, in order, each lowered to pimsim's stage.
    private func graphStages(_ approval: MapView) -> [PackageApprovalStage] {
        let required = (approval["isApprovalRequired"] ?? approval["isApprovalRequiredForAdd"]).flatMap { context.bool($0) }
        let mode = approval["approvalMode"].flatMap { context.identifier($0, what: "an approval mode") }
        guard let list = (approval["approvalStages"] ?? approval["stages"]).flatMap({ context.list($0, what: "approval stages") }) else {
            if required == true, let entry = approval["isApprovalRequired"] ?? approval["isApprovalRequiredForAdd"] {
                context.error("approval is required but no stages are given ('stages' or 'approvalStages')", at: entry)
            }
            return []
        }
        if required == false || mode == "NoApproval" { return [] }
        if list.isEmpty || list.count > 3, let entry = approval["approvalStages"] ?? approval["stages"] {
            context.error("an access package policy has 1 to 3 approval stages; got \(list.count)", at: entry)
            return []
        }
        var stages: [PackageApprovalStage] = []
        for (position, item) in list.enumerated() {
            guard let map = context.map(item, FormatSpec.graphStage) else { continue }
            if let entry = map["stageNumber"], let number = context.integer(entry, in: 1...3, what: "a stage number"), number != position + 1 {
                context.error("stage \(position + 1) is numbered \(number); stages are listed in order, numbered from 1", at: entry)
            }
            let primaryValue = map["primaryApprovers"] ?? map["approvers"]
            var stage = PackageApprovalStage(primary: graphApprovers(primaryValue), approverJustificationRequired: false)
            stage.fallback = graphApprovers(map["fallbackPrimaryApprovers"]) + graphApprovers(primaryValue, backups: true)
            if let entry = map["durationBeforeAutomaticDenial"], let timeout = context.duration(entry) {
                if timeout > 0 { stage.timeout = timeout } else { context.error("the time before automatic denial must be longer than zero", at: entry) }
            } else if let days = map["approvalStageTimeOutInDays"].flatMap({ context.integer($0, in: 1...14, what: "days") }) {
                stage.timeout = days * 86_400
            }
            stage.approverJustificationRequired = map["isApproverJustificationRequired"].flatMap { context.bool($0) } ?? false
            if map["isEscalationEnabled"].flatMap({ context.bool($0) }) == true {
                let after = map["durationBeforeEscalation"].flatMap { context.duration($0) }
                    ?? map["escalationTimeInMinutes"].flatMap { context.integer($0, in: 1...20_160, what: "minutes") }.map { $0 * 60 }
                if let after, after > 0, after < stage.timeout {
                    stage.escalateAfter = after
                } else if let entry = map["durationBeforeEscalation"] ?? map["escalationTimeInMinutes"] ?? map["isEscalationEnabled"] {
                    context.error("escalation needs a time before escalation, more than zero and less than the time before automatic denial", at: entry)
                }
                stage.escalation = graphApprovers(map["escalationApprovers"])
                stage.fallbackEscalation = graphApprovers(map["fallbackEscalationApprovers"]) + graphApprovers(map["escalationApprovers"], backups: true)
            }
            stages.append(stage)
        }
        return stages
    }

    /// v1.0's `expiration`, or beta's `durationInDays` / `expirationDateTime`.
    private func graphExpiry(_ map: MapView) -> PackageExpiry {
        if let entry = map["expiration"], let body = context.map(entry, FormatSpec.graphExpiration) {
            switch body["type"].flatMap({ context.identifier($0, what: "an expiration type") }) {
            case "afterDuration":
                guard let value = body["duration"], let duration = context.duration(value) else { return .never }
                if duration > 0 { return .after(duration) }
                context.error("an expiry must be longer than zero", at: value)
            case "afterDateTime":
                if let value = body["endDateTime"], let time = context.time(value, start: startEpoch) { return .on(time) }
            default:
                return .never
            }
            return .never
        }
        if let entry = map["expirationDateTime"], let time = context.time(entry, start: startEpoch) { return .on(time) }
        if let days = map["durationInDays"].flatMap({ context.integer($0, in: 0...36_500, what: "days") }), days > 0 { return .after(days * 86_400) }
        return .never
    }

    /// v1.0's `reviewSettings`.
    private func graphReview(_ value: Value) -> PackageReview? {
        guard let map = context.map(value, FormatSpec.graphReviewSettings), map["isEnabled"].flatMap({ context.bool($0) }) == true else { return nil }
        let primary = graphApprovers(map["primaryReviewers"])
        let fallback = graphApprovers(map["fallbackReviewers"]).compactMap { if case .user(let user) = $0 { return user } else { return nil } }
        let reviewers: AccessReview.Reviewers
        if map["isSelfReview"].flatMap({ context.bool($0) }) == true {
            reviewers = .members
        } else if primary.contains(.manager) {
            reviewers = .manager(fallback: fallback)
        } else {
            reviewers = .selected(primary.compactMap { if case .user(let user) = $0 { return user } else { return nil } } + fallback)
        }
        var review = PackageReview(reviewers: reviewers)
        if let schedule = map["schedule"].flatMap({ context.map($0, FormatSpec.graphSchedule) }) {
            if let start = schedule["startDateTime"].flatMap({ context.time($0, start: startEpoch) }) { review.firstStart = max(0, start) }
            if let expiration = schedule["expiration"].flatMap({ context.map($0, FormatSpec.graphExpiration) }),
               let duration = expiration["duration"].flatMap({ context.duration($0) }), duration > 0 { review.duration = duration }
            if let recurrence = schedule["recurrence"].flatMap({ context.map($0, FormatSpec.graphRecurrence) }),
               let pattern = recurrence["pattern"].flatMap({ context.map($0, FormatSpec.graphPattern) }) {
                let interval = pattern["interval"].flatMap { context.integer($0, in: 1...12, what: "an interval") } ?? 1
                switch (pattern["type"].flatMap { context.identifier($0, what: "a pattern type") }, interval) {
                case ("weekly", 1): review.recurrence = .weekly
                case ("absoluteMonthly", 1): review.recurrence = .monthly
                case ("absoluteMonthly", 3): review.recurrence = .quarterly
                case ("absoluteMonthly", 6): review.recurrence = .semiannually
                case ("absoluteMonthly", 12), ("absoluteYearly", 1): review.recurrence = .annually
                default: context.error("pimsim reviews recur weekly, or every 1, 3, 6 or 12 months", at: value)
                }
            }
        }
        switch map["expirationBehavior"].flatMap({ context.identifier($0, what: "an expiration behaviour") }) {
        case "removeAccess": review.onNoResponse = .removeAccess
        default: review.onNoResponse = .noChange
        }
        return review
    }

    /// Beta's `accessReviewSettings`.
    private func graphBetaReview(_ value: Value) -> PackageReview? {
        guard let map = context.map(value, FormatSpec.graphAccessReviewSettings), map["isEnabled"].flatMap({ context.bool($0) }) == true else { return nil }
        let reviewers: AccessReview.Reviewers
        switch map["reviewerType"].flatMap({ context.identifier($0, what: "a reviewer type") }) {
        case "Self": reviewers = .members
        case "Manager": reviewers = .manager(fallback: [])
        default: reviewers = .selected(graphApprovers(map["reviewers"]).compactMap { if case .user(let user) = $0 { return user } else { return nil } })
        }
        var review = PackageReview(reviewers: reviewers)
        switch map["recurrenceType"].flatMap({ context.identifier($0, what: "a recurrence type") }) {
        case "weekly": review.recurrence = .weekly
        case "monthly": review.recurrence = .monthly
        case "halfyearly": review.recurrence = .semiannually
        case "annual": review.recurrence = .annually
        default: review.recurrence = .quarterly
        }
        if let start = map["startDateTime"].flatMap({ context.time($0, start: startEpoch) }) { review.firstStart = max(0, start) }
        if let days = map["durationInDays"].flatMap({ context.integer($0, in: 1...180, what: "days") }) {
            review.duration = min(days * 86_400, (review.recurrence.period ?? .max) - 86_400)
        }
        if map["accessReviewTimeoutBehavior"].flatMap({ context.identifier($0, what: "a behaviour") }) == "removeAccess" { review.onNoResponse = .removeAccess }
        return review
    }
}
