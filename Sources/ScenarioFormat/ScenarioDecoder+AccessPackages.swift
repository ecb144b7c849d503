import TenantModel

extension ScenarioDecoder {
    /// `accessPackages:` entitlement management's packages, their resources and policies.
    func decodeAccessPackages(_ value: Value) {
        guard let items = context.list(value, what: "access packages") else { return }
        for item in items {
            guard let map = context.map(item, FormatSpec.accessPackage) else { continue }
            let id = map["id"].flatMap { context.identifier($0, what: "a package id") }
            if let id, let entry = map["id"], let first = packageByID[id] {
                context.error("duplicate access package id '\(id)' (first at \(accessPackages[first].origin)); package ids are unique", at: entry)
            }
            let name = map["name"].flatMap { context.string($0) }
            var resources: [PackageResource] = []
            if let entry = map["resources"], let list = context.list(entry, what: "package resources") {
                resources = list.compactMap { decodePackageResource($0) }
                if list.isEmpty { context.error("a package grants at least one resource", at: entry) }
            }
            var policies: [PackagePolicy] = []
            if let entry = map["policies"], let list = context.list(entry, what: "assignment policies") {
                if list.isEmpty { context.error("a package needs at least one assignment policy", at: entry) }
                for policyValue in list {
                    let policy = isGraphShaped(policyValue) ? decodeGraphPolicy(policyValue) : decodePackagePolicy(policyValue)
                    guard let policy else { continue }
                    if policies.contains(where: { $0.id == policy.id }) {
                        context.error("duplicate policy id '\(policy.id)' in this package; policy ids are unique within a package", at: policyValue)
                        continue
                    }
                    policies.append(policy)
                }
            }
            guard let id, !resources.isEmpty, !policies.isEmpty else { continue }
            packageByID[id] = accessPackages.count
            accessPackages.append(AccessPackage(id: id, name: name, resources: resources, policies: policies, origin: item.path.description))
        }
    }

    /// Whether a policy is written in Microsoft Graph's shape (one of its top-level keys is there).
    func isGraphShaped(_ value: Value) -> Bool {
        guard case .mapping(let mapping) = value.node else { return false }
        return mapping.contains { key, _ in key.string.map { FormatSpec.graphPolicyMarkers.contains($0) } ?? false }
    }

    /// `{group, access}`, `{role, type}` or `{application, appRole}`.
    func decodePackageResource(_ value: Value) -> PackageResource? {
        guard let map = context.map(value, FormatSpec.packageResource) else { return nil }
        let present = ["group", "role", "application"].filter { map.has($0) }
        guard present.count == 1 else {
            context.error("a resource is one of 'group', 'role' or 'application'; \(present.isEmpty ? "none given" : "found " + present.map { "'\($0)'" }.joined(separator: ", "))", at: value)
            return nil
        }
        for (key, owner) in [("access", "group"), ("type", "role"), ("appRole", "application")] where map.has(key) && !map.has(owner) {
            if let entry = map[key] { context.error("'\(key)' goes with '\(owner)'", at: entry) }
            return nil
        }
        if let entry = map["group"] {
            guard let group = groupIndex(entry) else { return nil }
            let access = map["access"].flatMap { enumValue($0, GroupAccessKind.self, noun: "access", what: "member or owner") } ?? .member
            return .group(group, access: access)
        }
        if let entry = map["role"] {
            guard let role = roleReference(entry) else { return nil }
            if roles[role.int].groupAccess != nil {
                context.error("a PIM for Groups pseudo-role cannot be a package resource; grant the group instead", at: entry)
                return nil
            }
            let type = map["type"].flatMap { assignmentType($0) } ?? .eligible
            return .role(role, type: type)
        }
        guard let entry = map["application"], let id = context.identifier(entry, what: "an application id") else { return nil }
        guard let application = applicationByID[id] else {
            context.error("unknown application '\(id)'\(Suggestions.hint(for: id, in: applicationByID.keys))", at: entry)
            return nil
        }
        return .application(application, appRole: map["appRole"].flatMap { context.string($0) })
    }

    /// A group id.
    func groupIndex(_ value: Value) -> GroupIndex? {
        guard let id = context.identifier(value, what: "a group id") else { return nil }
        if let group = groupByID[id] { return group }
        context.error("unknown group '\(id)'\(Suggestions.hint(for: id, in: groupByID.keys))", at: value)
        return nil
    }

    /// A policy in pimsim's keys.
    func decodePackagePolicy(_ value: Value) -> PackagePolicy? {
        guard let map = context.map(value, FormatSpec.packagePolicy) else { return nil }
        let id = map["id"].flatMap { context.identifier($0, what: "a policy id") }
        var requestors = PackageRequestors.none
        if let entry = map["requestors"] {
            if case .scalar = entry.node {
                switch context.identifier(entry, what: "allMembers, allUsers or none") {
                case "allMembers": requestors = .allMembers
                case "allUsers": requestors = .allUsers
                case "none": requestors = .none
                case let other?: context.error("unknown requestors '\(other)' (expected allMembers, allUsers, none, or {users, groups})", at: entry)
                case nil: break
                }
            } else if let body = context.map(entry, FormatSpec.packageRequestors) {
                var principals: [Principal] = userList(body["users"], what: "user ids").map { .user($0) }
                if let groupsValue = body["groups"], let list = context.list(groupsValue, what: "group ids", singleAllowed: true) {
                    principals += list.compactMap { groupIndex($0).map { .group($0) } }
                }
                if body["users"] == nil && body["groups"] == nil { context.error("requestors need 'users' or 'groups'", at: entry) }
                requestors = .specific(principals)
            }
        }
        var stages: [PackageApprovalStage] = []
        if let entry = map["approval"], let list = context.list(entry, what: "approval stages") {
            if list.isEmpty || list.count > 3 {
                context.error("an access package policy has 1 to 3 approval stages (leave 'approval' out for none); got \(list.count)", at: entry)
            }
            stages = list.compactMap { decodePackageStage($0) }
        }
        let expiry = map["expiry"].flatMap { decodePackageExpiry($0) } ?? .never
        var extensionRule = PackageExtension()
        if let entry = map["extension"], let body = context.map(entry, FormatSpec.packageExtension) {
            extensionRule.allowed = body["allowed"].flatMap { context.bool($0) } ?? true
            extensionRule.requiresApproval = body["approval"].flatMap { context.bool($0) } ?? true
            checkExtension(extensionRule, expiry: expiry, at: entry)
        }
        let review = map["review"].flatMap { decodePackageReview($0) }
        guard let id else { return nil }
        return PackagePolicy(id: id, requestors: requestors, justificationRequired: map["justification"].flatMap { context.bool($0) } ?? false,
                             stages: stages, expiry: expiry, extensionRule: extensionRule, review: review)
    }

    /// An extension needs an end that moves: an expiry after a duration.
    func checkExtension(_ rule: PackageExtension, expiry: PackageExpiry, at value: Value) {
        guard rule.allowed else { return }
        if case .after = expiry { return }
        context.error("extension needs an expiry after a duration (such as 'expiry: 30d'); this policy's assignments \(expiry == .never ? "never expire" : "end on a fixed date")", at: value)
    }

    /// One stage: approvers, fallback, timeout, escalation, justification.
    func decodePackageStage(_ value: Value) -> PackageApprovalStage? {
        guard let map = context.map(value, FormatSpec.packageStage) else { return nil }
        let primary = packageApprovers(map["approvers"])
        let fallback = packageApprovers(map["fallback"])
        var stage = PackageApprovalStage(primary: primary, fallback: fallback)
        if let entry = map["timeout"], let timeout = context.duration(entry) {
            if timeout > 0 { stage.timeout = timeout } else { context.error("a stage's timeout must be longer than zero", at: entry) }
        }
        if let entry = map["escalation"], let body = context.map(entry, FormatSpec.packageEscalation) {
            if let afterValue = body["after"], let after = context.duration(afterValue) {
                if after <= 0 || after >= stage.timeout {
                    context.error("escalation comes after more than zero and before the stage's timeout (\(TimeSyntax.describe(stage.timeout))); got '\(afterValue.node.string ?? "")'", at: afterValue)
                } else {
                    stage.escalateAfter = after
                }
            }
            stage.escalation = packageApprovers(body["approvers"])
            stage.fallbackEscalation = packageApprovers(body["fallback"])
        }
        stage.approverJustificationRequired = map["justification"].flatMap { context.bool($0) } ?? true
        return stage
    }

    /// Approver references: user ids, group ids, or `manager`.
    func packageApprovers(_ value: Value?) -> [PackageApprover] {
        guard let value, let items = context.list(value, what: "approver ids", singleAllowed: true) else { return [] }
        var result: [PackageApprover] = []
        for item in items {
            guard let id = context.identifier(item, what: "a user id, a group id or manager") else { continue }
            let approver: PackageApprover
            if let user = userByID[id] {
                approver = .user(user)
            } else if let group = groupByID[id] {
                approver = .groupMembers(group)
            } else if id == "manager" {
                approver = .manager
            } else {
                if !rejectNonHuman(id, expected: "approvers are users, groups or 'manager'", use: .plain, at: item) {
                    context.error("unknown approver '\(id)'\(Suggestions.hint(for: id, in: allIDs + ["manager"])) (expected a user id, a group id or 'manager')", at: item)
                }
                continue
            }
            if !result.contains(approver) { result.append(approver) }
        }
        return result
    }

    /// `never`, a duration, or `{on: time}`.
    func decodePackageExpiry(_ value: Value) -> PackageExpiry? {
        if case .mapping = value.node {
            guard let map = context.map(value, FormatSpec.packageExpiryOn), let entry = map["on"], let time = eventTime(entry) else { return nil }
            return .on(time)
        }
        if value.node.string == "never" { return .never }
        guard let duration = context.duration(value) else { return nil }
        guard duration > 0 else {
            context.error("an expiry must be longer than zero (or 'never')", at: value)
            return nil
        }
        return .after(duration)
    }

    /// A policy's review settings.
    func decodePackageReview(_ value: Value) -> PackageReview? {
        guard let map = context.map(value, FormatSpec.packageReview) else { return nil }
        guard let reviewers = map["reviewers"].flatMap({ decodeReviewers($0) }) else { return nil }
        var review = PackageReview(reviewers: reviewers)
        if let entry = map["recurrence"], let recurrence = enumValue(entry, AccessReview.Recurrence.self, noun: "recurrence") {
            if recurrence == .once { context.error("a package review recurs: weekly, monthly, quarterly, semiannually or annually", at: entry) }
            review.recurrence = recurrence
        }
        review.firstStart = map["start"].flatMap { eventTime($0) } ?? 0
        if let entry = map["duration"], let duration = context.duration(entry) {
            if duration <= 0 || duration >= (review.recurrence.period ?? .max) {
                context.error("a review instance lasts more than zero and less than its \(review.recurrence.rawValue) recurrence", at: entry)
            } else {
                review.duration = duration
            }
        }
        if let entry = map["reviewer"], let body = context.map(entry, FormatSpec.packageReviewer) {
            if let rate = body["respond"].flatMap({ context.number($0, in: 0...1, what: "respond") }) { review.respondRate = rate }
            if let rate = body["approve"].flatMap({ context.number($0, in: 0...1, what: "approve") }) { review.approveRate = rate }
            if let delay = body["delay"].flatMap({ decodeDurationSpec($0) }) { review.delay = delay }
        }
        if let entry = map["onNoResponse"], let choice = enumValue(entry, AccessReview.NoResponse.self, noun: "onNoResponse") {
            if choice == .takeRecommendations {
                context.error("package reviews take noChange, removeAccess or approveAccess", at: entry)
            } else {
                review.onNoResponse = choice
            }
        }
        return review
    }
}
