import Reports
import ScenarioFormat
import TenantModel

extension ImportBuilder {
    /// Role management policies and their assignments → per-role (and per-group) settings that
    /// differ from Entra's defaults.
    func readPolicies() {
        guard require("roleManagementPolicies", lacking: "PIM role settings (Entra's defaults apply)") else { return }
        var policies: [String: GraphObject] = [:]
        for policy in export["roleManagementPolicies"] {
            if let id = policy.id { policies[id] = policy }
        }
        guard require("roleManagementPolicyAssignments", lacking: "which role each PIM policy applies to (Entra's defaults apply)") else { return }
        for link in export["roleManagementPolicyAssignments"] {
            guard let policyID = link.string("policyId") else { continue }
            guard let policy = policies[policyID] else {
                warning("policy '\(policyID)' is not among the roleManagementPolicies; its role keeps Entra's defaults", at: link.at("policyId"))
                continue
            }
            let settings = self.settings(of: policy)
            guard !settings.isEmpty else { continue }
            switch link.string("scopeType") ?? policy.string("scopeType") ?? "DirectoryRole" {
            case "Group":
                guard let group = link.string("scopeId"), groupIndex[group] != nil else { continue }
                let access = link.string("roleDefinitionId") ?? "member"
                guard access == "member" || access == "owner" else {
                    warning("a PIM for Groups policy for '\(access)' access (expected member or owner); left out", at: link.at("roleDefinitionId"))
                    continue
                }
                // PIM for Groups has no default approvers: eligible members could never be approved.
                if settings.requiresApprovalWithoutApprovers,
                   scenario.assignments.contains(where: { $0.eligible && $0.target == .group(group, access: access) }) {
                    error("the \(access) policy of group '\(group)' requires approval but names no approver pimsim models, and PIM for Groups "
                          + "has no default approvers: its eligible assignments could never be approved", at: link.at("policyId"))
                    continue
                }
                scenario.groupPolicies[group, default: [:]][access] = settings
            default:
                guard (link.string("scopeId") ?? "/") == "/" else { continue }
                guard let roleID = link.string("roleDefinitionId"), let role = roleNames[roleID] ?? catalogue.role(roleID)?.name else { continue }
                scenario.rolePolicies[role] = settings
            }
        }
    }

    /// The settings of a policy's rules that differ from Entra's defaults (pimsim's `defaults`).
    func settings(of policy: GraphObject) -> ImportedScenario.Policy {
        var result = ImportedScenario.Policy()
        let defaults = ActivationSettings.defaults
        var seen: Set<String> = []
        for rule in policy.objects("rules") {
            // A rule id twice in one policy (Graph never sends it): the first one counts.
            if let id = rule.id, !seen.insert(id).inserted {
                warning("the rule '\(id)' appears twice in this policy; the first one is used", at: rule.at("id"))
                continue
            }
            switch rule.id ?? "" {
            case "Expiration_EndUser_Assignment":
                if let text = rule.string("maximumDuration"), let seconds = isoDuration(text, at: rule.at("maximumDuration")) {
                    let clamped = min(max(seconds, 1800), 86_400)
                    if clamped != seconds { warning("activation maximum '\(text)' is outside 30m-24h; clamped", at: rule.at("maximumDuration")) }
                    if clamped != defaults.maxDuration { result.activation.append(("maxDuration", .plain(TimeText.duration(clamped)))) }
                }
            case "Enablement_EndUser_Assignment":
                let enabled = Set(rule.strings("enabledRules"))
                let flags = [("requireMFA", "MultiFactorAuthentication", defaults.requireMFA),
                             ("requireJustification", "Justification", defaults.requireJustification),
                             ("requireTicket", "Ticketing", defaults.requireTicket)]
                for (key, name, standard) in flags where enabled.contains(name) != standard {
                    result.activation.append((key, .bool(enabled.contains(name))))
                }
            case "Approval_EndUser_Assignment":
                approval(rule, into: &result)
            case "AuthenticationContext_EndUser_Assignment":
                if rule.bool("isEnabled") == true, let claim = rule.string("claimValue") {
                    result.activation.append(("authenticationContext", .string(claim)))
                }
            case "Expiration_Admin_Eligibility":
                result.eligibleAssignment = assignmentRule(rule, defaultMaximum: 365 * 86_400)
            case "Expiration_Admin_Assignment":
                result.activeAssignment = assignmentRule(rule, defaultMaximum: 180 * 86_400)
            default:
                guard let id = rule.id, id.hasPrefix("Notification_") else { continue }
                notification(rule, id: id, into: &result)
            }
        }
        return result
    }

    /// A `Notification_<Recipient>_<Caller>_<Level>` rule, where it differs from Entra's defaults
    /// (default recipients on, no extra address, all emails).
    func notification(_ rule: GraphObject, id: String, into result: inout ImportedScenario.Policy) {
        let events = ["Admin_Eligibility": "eligibleAssignment", "Admin_Assignment": "activeAssignment", "EndUser_Assignment": "activation"]
        let parts = id.split(separator: "_", maxSplits: 2).map(String.init)
        guard parts.count == 3, let event = events[parts[2]], ["Admin", "Requestor", "Approver"].contains(parts[1]) else {
            warning("unknown notification rule '\(id)'; left out", at: rule.at("id"))
            return
        }
        var entries: [(key: String, value: YAMLValue)] = []
        if rule.bool("isDefaultRecipientsEnabled") == false { entries.append(("defaultRecipients", .bool(false))) }
        var extra = rule.strings("notificationRecipients")
        for address in extra where !EmailAddress.isPlausible(address) {
            warning("'\(address)' is not an email address; left out of the notification's recipients", at: rule.at("notificationRecipients"))
        }
        extra = extra.filter(EmailAddress.isPlausible)
        if !extra.isEmpty, event == "activation", parts[1] == "Approver" {
            warning("additional recipients of the request to approve an activation are not modelled (only approvers receive it); left out",
                    at: rule.at("notificationRecipients"))
            extra = []
        }
        if !extra.isEmpty { entries.append(("additionalRecipients", .list(extra.map(YAMLValue.string)))) }
        if (rule.string("notificationLevel") ?? "All").lowercased() == "critical" { entries.append(("level", .plain("critical"))) }
        if !entries.isEmpty { result.notifications.append((event, parts[1].lowercased(), entries)) }
    }

    func approval(_ rule: GraphObject, into result: inout ImportedScenario.Policy) {
        guard let setting = rule.object("setting"), setting.bool("isApprovalRequired") == true else { return }
        result.activation.append(("requireApproval", .bool(true)))
        let stages = setting.objects("approvalStages")
        if stages.count > 1 {
            warning("\(stages.count) approval stages; pimsim models the first", at: setting.at("approvalStages"))
        }
        var approvers: [YAMLValue] = []
        for approver in stages.first?.objects("primaryApprovers") ?? [] {
            let type = approver.string("@odata.type") ?? ""
            if let user = approver.string("userId"), type.hasSuffix("singleUser") || type.isEmpty {
                if userIDs.contains(user) { approvers.append(.string(user)) } else {
                    warning("approver '\(user)' is not among the users; left out", at: approver.at("userId"))
                }
            } else if let group = approver.string("groupId") {
                if groupIndex[group] != nil { approvers.append(.string(group)) } else {
                    warning("approver group '\(group)' is not among the groups; left out", at: approver.at("groupId"))
                }
            } else {
                warning("approver of type '\(type)' (managers, connected organisations) is not modelled; left out", at: approver.origin)
            }
        }
        if !approvers.isEmpty { result.activation.append(("approvers", .list(approvers))) }
    }

    func assignmentRule(_ rule: GraphObject, defaultMaximum: Int64) -> [(key: String, value: YAMLValue)] {
        var entries: [(key: String, value: YAMLValue)] = []
        let required = rule.bool("isExpirationRequired") ?? false
        if required { entries.append(("allowPermanent", .bool(false))) }
        if let text = rule.string("maximumDuration"), let seconds = isoDuration(text, at: rule.at("maximumDuration")),
           seconds != defaultMaximum, seconds > 0 {
            entries.append(("maxDuration", .plain(TimeText.duration(seconds))))
        }
        return entries
    }

    /// An ISO 8601 duration; Graph's `P1Y` and `P6M` are read as 365 and 30 days a unit, with a warning.
    func isoDuration(_ text: String, at origin: ImportOrigin) -> Int64? {
        if case .success(let seconds) = TimeSyntax.duration(text) { return seconds }
        let upper = text.uppercased()
        if upper.hasPrefix("P"), !upper.contains("T"), let unit = upper.last, unit == "Y" || unit == "M",
           let count = Int64(upper.dropFirst().dropLast()) {
            let seconds = count * (unit == "Y" ? 365 : 30) * 86_400
            warning("'\(text)' read as \(TimeText.duration(seconds)) (pimsim has no months or years)", at: origin)
            return seconds
        }
        error("'\(text)' is not an ISO 8601 duration such as 'PT8H' or 'P365D'", at: origin)
        return nil
    }
}
