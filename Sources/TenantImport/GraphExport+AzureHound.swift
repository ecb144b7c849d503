import Foundation

extension GraphExport {
    /// Whether a file's JSON is AzureHound's output (`{"data": [...], "meta": {"type": "azure"}}`).
    static func isAzureHound(_ object: [String: Any]) -> Bool {
        guard object["data"] is [Any], let meta = object["meta"] as? [String: Any] else { return false }
        return (meta["type"] as? String)?.lowercased() == "azure"
    }

    /// Files AzureHound's records under the Graph collections they correspond to, so that one
    /// importer serves both. AzureHound upper-cases ids (v3) and drops `false` values: ids are
    /// lower-cased back to Graph's form, and a user without `accountEnabled` is disabled.
    ///
    /// What AzureHound lacks (managers, end times, PIM for Groups, which active assignment is an
    /// activation) is reported as warnings by the importer or here.
    mutating func readAzureHound(_ object: [String: Any], origin: ImportOrigin) {
        guard let records = object["data"] as? [Any] else { return }
        var pages: [String: [Any]] = [:]
        var members: [String: [Any]] = [:]
        var owners: [String: [Any]] = [:]
        var appOwners: [String: [Any]] = [:]
        var spOwners: [String: [Any]] = [:]
        var activeAssignments: [[String: Any]] = []
        var unknownKinds = Set<String>()
        for record in records {
            guard let record = record as? [String: Any], let kind = record["kind"] as? String,
                  let data = record["data"] as? [String: Any] else { continue }
            switch kind {
            case "AZUser":
                var user = Self.lowered(data, keys: ["id"])
                if user["accountEnabled"] == nil { user["accountEnabled"] = false }
                if let name = user["displayName"] as? String, name == name.uppercased(), let upn = user["userPrincipalName"] as? String {
                    user["displayName"] = upn
                }
                pages["users", default: []].append(user)
            case "AZGroup":
                pages["groups", default: []].append(Self.lowered(data, keys: ["id"]))
            case "AZGroupMember":
                guard let group = (data["groupId"] as? String)?.lowercased() else { continue }
                for entry in data["members"] as? [Any] ?? [] {
                    if let member = (entry as? [String: Any])?["member"] as? [String: Any] { members[group, default: []].append(Self.lowered(member, keys: ["id"])) }
                }
            case "AZGroupOwner":
                guard let group = (data["groupId"] as? String)?.lowercased() else { continue }
                for entry in data["owners"] as? [Any] ?? [] {
                    if let owner = (entry as? [String: Any])?["owner"] as? [String: Any] { owners[group, default: []].append(Self.lowered(owner, keys: ["id"])) }
                }
            case "AZRole":
                var role = Self.lowered(data, keys: ["id", "templateId"])
                if let name = role["displayName"] as? String, name == name.uppercased(), role["isBuiltIn"] as? Bool == true { role["displayName"] = nil }
                pages["roleDefinitions", default: []].append(role)
            case "AZRoleAssignment":
                for entry in data["roleAssignments"] as? [Any] ?? [] {
                    if let assignment = entry as? [String: Any] { activeAssignments.append(Self.lowered(assignment, keys: ["principalId", "roleDefinitionId"])) }
                }
            case "AZRoleEligibilityScheduleInstance":
                var schedule = Self.lowered(data, keys: ["principalId", "roleDefinitionId"])
                schedule["memberType"] = "Direct"
                schedule["scheduleInfo"] = ["startDateTime": data["startDateTime"] as Any, "expiration": ["type": "noExpiration"]]
                pages["roleEligibilitySchedules", default: []].append(schedule)
            case "AZRoleManagementPolicyAssignment":
                guard let policy = data["policy"] as? [String: Any] else { continue }
                var rules: [Any] = []
                for rule in policy["rules"] as? [Any] ?? [] {
                    guard var rule = rule as? [String: Any] else { continue }
                    if var setting = rule["setting"] as? [String: Any] {
                        setting["approvalStages"] = (setting["approvalStages"] as? [Any])?.map { stage -> Any in
                            guard var stage = stage as? [String: Any] else { return stage }
                            stage["primaryApprovers"] = (stage["primaryApprovers"] as? [Any])?.map { approver -> Any in
                                (approver as? [String: Any]).map { Self.lowered($0, keys: ["userId", "groupId"]) } ?? approver
                            }
                            return stage
                        }
                        rule["setting"] = setting
                    }
                    rules.append(rule)
                }
                var graphPolicy = policy
                graphPolicy["rules"] = rules
                pages["roleManagementPolicies", default: []].append(graphPolicy)
                pages["roleManagementPolicyAssignments", default: []].append([
                    "id": data["id"] as Any, "policyId": data["policyId"] as Any, "scopeId": data["scopeId"] ?? "/",
                    "scopeType": "DirectoryRole", "roleDefinitionId": (data["roleDefinitionId"] as? String)?.lowercased() as Any,
                ])
            case "AZApp":
                pages["applications", default: []].append(Self.lowered(data, keys: ["id", "appId"]))
            case "AZAppOwner":
                for entry in data["owners"] as? [Any] ?? [] {
                    guard let entry = entry as? [String: Any], let app = (entry["appId"] as? String)?.lowercased(),
                          let owner = entry["owner"] as? [String: Any] else { continue }
                    appOwners[app, default: []].append(Self.lowered(owner, keys: ["id"]))
                }
            case "AZServicePrincipal":
                pages["servicePrincipals", default: []].append(Self.lowered(data, keys: ["id", "appId"]))
            case "AZServicePrincipalOwner":
                guard let sp = (data["servicePrincipalId"] as? String)?.lowercased() else { continue }
                for entry in data["owners"] as? [Any] ?? [] {
                    if let owner = (entry as? [String: Any])?["owner"] as? [String: Any] { spOwners[sp, default: []].append(Self.lowered(owner, keys: ["id"])) }
                }
            case "AZTenant":
                continue
            default:
                unknownKinds.insert(kind)
            }
        }
        // Joins, once every record is read (AzureHound writes them in fan-in order).
        pages["groups"] = pages["groups"]?.map { Self.attach($0, ["members": members, "owners": owners]) }
        pages["applications"] = pages["applications"]?.map { Self.attach($0, ["owners": appOwners]) }
        pages["servicePrincipals"] = pages["servicePrincipals"]?.map { Self.attach($0, ["owners": spOwners]) }
        pages["roleAssignmentSchedules"] = Self.standingAssignments(activeAssignments, eligibility: pages["roleEligibilitySchedules"] ?? [],
                                                                    diagnostics: &diagnostics, origin: origin)
        for name in pages.keys.sorted() {
            addPage(pages[name] ?? [], to: name, origin: origin.appending("data"))
        }
        if !unknownKinds.isEmpty {
            diagnostics.append(ImportDiagnostic(.warning, "AzureHound kinds not read: \(unknownKinds.sorted().joined(separator: ", "))", at: origin))
        }
        diagnostics.append(ImportDiagnostic(.warning, "AzureHound collects no managers, no end times (every assignment looks permanent), no PIM for Groups and no audit history", at: origin))
    }

    /// Active role assignments as standing schedules; one whose principal is also eligible for the
    /// role is taken as an activation in progress (AzureHound cannot tell them apart) and left out.
    static func standingAssignments(_ assignments: [[String: Any]], eligibility: [Any], diagnostics: inout [ImportDiagnostic], origin: ImportOrigin) -> [Any] {
        var eligible = Set<String>()
        for entry in eligibility {
            guard let entry = entry as? [String: Any], let principal = entry["principalId"] as? String,
                  let role = entry["roleDefinitionId"] as? String else { continue }
            eligible.insert(principal + "|" + role)
        }
        var result: [Any] = []
        var activations = 0
        for assignment in assignments {
            let principal = assignment["principalId"] as? String ?? ""
            let role = assignment["roleDefinitionId"] as? String ?? ""
            if eligible.contains(principal + "|" + role) {
                activations += 1
                continue
            }
            var schedule = assignment
            schedule["assignmentType"] = "Assigned"
            schedule["memberType"] = "Direct"
            result.append(schedule)
        }
        if activations > 0 {
            diagnostics.append(ImportDiagnostic(.warning, "\(activations) active assignments of principals also eligible for the role are taken as activations in progress and left out", at: origin))
        }
        return result
    }

    /// The object with the listed keys' string values lower-cased (AzureHound upper-cases ids).
    static func lowered(_ object: [String: Any], keys: [String]) -> [String: Any] {
        var result = object
        for key in keys { if let text = object[key] as? String { result[key] = text.lowercased() } }
        return result
    }

    /// The object with its joined lists added under Graph's names (`members`, `owners`), each
    /// list looked up by the object's id.
    static func attach(_ object: Any, _ lists: [String: [String: [Any]]]) -> Any {
        guard var object = object as? [String: Any], let id = object["id"] as? String else { return object }
        for (key, byID) in lists { if let items = byID[id] { object[key] = items } }
        return object
    }
}
