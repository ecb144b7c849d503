import Foundation
import ScenarioFormat
import TenantModel

/// Choices for an import.
public struct ImportOptions: Sendable {
    /// The scenario's name (its output folder).
    public var name: String
    /// The scenario's start (epoch seconds); nil: the first UTC midnight after the newest time in the export.
    public var start: Int64?
    /// The scenario's horizon in seconds; nil: 30 days, or with `replayAudit` up to the export.
    public var horizon: Int64?
    /// Turn the past activations of `directoryAudits` into the workload, from the first one on.
    public var replayAudit: Bool
    /// The files and folders read, named in the scenario's header comment.
    public var sources: [String]

    /// Creates options.
    public init(name: String = "imported", start: Int64? = nil, horizon: Int64? = nil, replayAudit: Bool = false, sources: [String] = []) {
        self.name = name
        self.start = start
        self.horizon = horizon
        self.replayAudit = replayAudit
        self.sources = sources
    }
}

/// The outcome of an import: the scenario's text (nil when an error stops it) and what was found.
public struct ImportResult: Sendable {
    /// The scenario as commented YAML; nil when there are errors.
    public var yaml: String?
    /// Errors and warnings, errors first, each in reading order.
    public var diagnostics: [ImportDiagnostic]
    /// How many objects of each kind the scenario holds (`users`, `assignments`...).
    public var counts: [String: Int]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Turns a Microsoft Graph export into a scenario.
public enum GraphImporter {
    /// Maps the export's collections to a scenario and writes it.
    public static func importScenario(_ export: GraphExport, options: ImportOptions, catalogue: RoleCatalogue = .builtIn) -> ImportResult {
        let builder = ImportBuilder(export: export, catalogue: catalogue)
        builder.diagnostics = export.diagnostics
        builder.replaying = options.replayAudit
        builder.readDirectory()
        builder.readRoleDefinitions()
        let exportTime = builder.defaultStart()
        let replayStart = options.replayAudit ? builder.firstReplayedDay() : nil
        guard let start = options.start ?? replayStart ?? exportTime else {
            builder.error("cannot tell when the export was taken (no schedule or audit time in it); give the scenario's start with --at", at: nil)
            return builder.result(yaml: nil)
        }
        builder.start = start
        var horizon = options.horizon ?? 30 * 86_400
        if options.replayAudit, options.horizon == nil, let exportTime, exportTime > start { horizon = exportTime - start }
        guard builder.checkPeriod(start: start, horizon: horizon, replayed: options.replayAudit && options.horizon == nil) else {
            return builder.result(yaml: nil)
        }
        if options.replayAudit { builder.replayAudits(until: start + horizon) }
        builder.readAssignments()
        builder.readGroupAssignments()
        builder.readPolicies()
        builder.finishServicePrincipals()
        guard !builder.diagnostics.contains(where: { $0.severity == .error }) else { return builder.result(yaml: nil) }
        let text = ScenarioWriter(scenario: builder.scenario, options: options, start: start, horizon: horizon, notes: builder.notes).text()
        return builder.result(yaml: text)
    }
}

/// The state of one import: what was read so far and the lookups between collections.
final class ImportBuilder {
    let export: GraphExport
    let catalogue: RoleCatalogue
    var diagnostics: [ImportDiagnostic] = []
    var scenario = ImportedScenario()
    /// Lines for the header comment (what the scenario lacks or approximates).
    var notes: [String] = []
    var start: Int64 = 0
    /// Replaying the audit log: activations in effect at the export come from it instead.
    var replaying = false

    var userIDs = Set<String>()
    var groupIndex: [String: Int] = [:]
    var servicePrincipalIndex: [String: Int] = [:]
    /// Role names by role definition id and by template id (the export's definitions).
    var roleNames: [String: String] = [:]
    /// Custom roles' permissions by name (for the administrative-unit rule).
    var customPermissions: [String: [String]] = [:]

    init(export: GraphExport, catalogue: RoleCatalogue) {
        self.export = export
        self.catalogue = catalogue
    }

    func error(_ message: String, at origin: ImportOrigin?) { diagnostics.append(ImportDiagnostic(.error, message, at: origin)) }
    func warning(_ message: String, at origin: ImportOrigin?) { diagnostics.append(ImportDiagnostic(.warning, message, at: origin)) }

    func result(yaml: String?) -> ImportResult {
        let ordered = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
        let counts = [
            "users": scenario.users.count, "groups": scenario.groups.count, "customRoles": scenario.customRoles.count,
            "applications": scenario.applications.count, "servicePrincipals": scenario.servicePrincipals.count,
            "assignments": scenario.assignments.count, "activations": scenario.activations.count,
            "policies": scenario.rolePolicies.count + scenario.groupPolicies.values.map(\.count).reduce(0, +),
        ]
        return ImportResult(yaml: yaml, diagnostics: ordered, counts: counts)
    }

    /// Warns once per missing collection, saying what the scenario will lack.
    func require(_ name: String, lacking: String) -> Bool {
        if export.has(name) { return true }
        warning("no '\(name)' collection: the scenario will lack \(lacking)", at: nil)
        return false
    }

    // MARK: Directory

    func readDirectory() {
        if require("users", lacking: "every user (assignments to users become errors)") {
            for user in export["users"] {
                guard let id = user.id else { error("a user needs an 'id'", at: user.origin); continue }
                guard userIDs.insert(id).inserted else { continue }
                scenario.users.append(.init(id: id, name: user.string("displayName"), manager: user.object("manager")?.id,
                                            enabled: user.bool("accountEnabled") ?? true))
            }
            for index in scenario.users.indices {
                guard let manager = scenario.users[index].manager, !userIDs.contains(manager) || manager == scenario.users[index].id else { continue }
                warning("manager '\(manager)' of user '\(scenario.users[index].id)' is not among the users; left out", at: nil)
                scenario.users[index].manager = nil
            }
        }
        if require("groups", lacking: "groups and their members") {
            for group in export["groups"] {
                guard let id = group.id else { error("a group needs an 'id'", at: group.origin); continue }
                guard !userIDs.contains(id) else { error("id '\(id)' is both a user and a group", at: group.at("id")); continue }
                groupIndex[id] = scenario.groups.count
                scenario.groups.append(.init(id: id, name: group.string("displayName"), roleAssignable: group.bool("isAssignableToRole") ?? false))
            }
        }
        readApplications()
        // Members and owners once every group and service principal is known.
        var nestedGroups = 0
        for group in export["groups"] {
            guard let id = group.id, let index = groupIndex[id] else { continue }
            for member in group.objects("members") {
                guard let memberID = member.id else { continue }
                if userIDs.contains(memberID) {
                    if !scenario.groups[index].members.contains(memberID) { scenario.groups[index].members.append(memberID) }
                } else if let sp = servicePrincipalIndex[memberID] {
                    scenario.servicePrincipals[sp].memberOf.append(id)
                } else if groupIndex[memberID] != nil {
                    nestedGroups += 1
                } else {
                    warning("member '\(memberID)' of group '\(id)' is not among the users, groups or service principals; left out", at: member.origin)
                }
            }
            for owner in group.objects("owners") {
                guard let ownerID = owner.id, userIDs.contains(ownerID) else { continue }
                if !scenario.groups[index].owners.contains(ownerID) { scenario.groups[index].owners.append(ownerID) }
            }
        }
        if nestedGroups > 0 {
            notes.append("\(nestedGroups) group-in-group memberships are left out (pimsim models users as group members).")
        }
    }

    /// An object id met again in another collection (users, groups, applications and service
    /// principals share Graph's id space, as they share the scenario's).
    func duplicate(_ id: String, at origin: ImportOrigin) {
        error("the object id '\(id)' was already read as another object; object ids are unique in a tenant", at: origin)
    }

    func readApplications() {
        var applicationByAppID: [String: String] = [:]
        var applicationIDs: Set<String> = []
        var claimedApplications: Set<String> = []
        if export.has("applications") {
            for app in export["applications"] {
                guard let id = app.id else { error("an application needs an 'id'", at: app.origin); continue }
                guard !userIDs.contains(id), groupIndex[id] == nil, !applicationIDs.contains(id) else { duplicate(id, at: app.origin); continue }
                applicationIDs.insert(id)
                if let appID = app.string("appId") { applicationByAppID[appID] = id }
                scenario.applications.append(.init(id: id, name: app.string("displayName"),
                                                   owners: app.objects("owners").compactMap(\.id).filter { userIDs.contains($0) }))
            }
        }
        if export.has("servicePrincipals") {
            for sp in export["servicePrincipals"] {
                guard let id = sp.id else { error("a service principal needs an 'id'", at: sp.origin); continue }
                guard !userIDs.contains(id), groupIndex[id] == nil, !applicationIDs.contains(id), servicePrincipalIndex[id] == nil else {
                    duplicate(id, at: sp.origin)
                    continue
                }
                servicePrincipalIndex[id] = scenario.servicePrincipals.count
                var application = sp.string("appId").flatMap { applicationByAppID[$0] }
                if let claimed = application, !claimedApplications.insert(claimed).inserted {
                    warning("a second service principal of the application '\(claimed)' (an application has one per tenant); its link to the application is left out",
                            at: sp.at("appId"))
                    application = nil
                }
                scenario.servicePrincipals.append(.init(
                    id: id, name: sp.string("displayName"), application: application,
                    owners: sp.objects("owners").compactMap(\.id).filter { userIDs.contains($0) }
                ))
            }
        }
    }

    /// Drops service principals' repeats and keeps their lists in a stable order.
    func finishServicePrincipals() {
        for index in scenario.servicePrincipals.indices {
            var seen = Set<String>()
            scenario.servicePrincipals[index].roles = scenario.servicePrincipals[index].roles.filter { seen.insert($0).inserted }
            seen = []
            scenario.servicePrincipals[index].memberOf = scenario.servicePrincipals[index].memberOf.filter { seen.insert($0).inserted }
        }
    }

    // MARK: Roles

    func readRoleDefinitions() {
        guard require("roleDefinitions", lacking: "custom roles (a role id outside pimsim's catalogue becomes an error)") else { return }
        for definition in export["roleDefinitions"] {
            guard let id = definition.id else { error("a role definition needs an 'id'", at: definition.origin); continue }
            let templateID = definition.string("templateId") ?? id
            let permissions = definition.objects("rolePermissions").flatMap { $0.strings("allowedResourceActions") }
            if let builtIn = catalogue.role(templateID) ?? catalogue.role(id), builtIn.builtIn {
                roleNames[id] = builtIn.name
                roleNames[templateID] = builtIn.name
                continue
            }
            var name = definition.string("displayName").flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } ?? id
            if definition.bool("isBuiltIn") == true {
                warning("built-in role '\(name)' (\(templateID)) is not in pimsim's catalogue: imported as a custom role with its permissions", at: definition.origin)
            }
            if catalogue.role(name) != nil || customPermissions[name] != nil {
                name += " (\(id))"
            }
            guard !permissions.isEmpty else {
                warning("role '\(name)' grants no resource action; assignments of it are left out", at: definition.at("rolePermissions"))
                continue
            }
            roleNames[id] = name
            roleNames[templateID] = name
            customPermissions[name] = permissions
            scenario.customRoles.append(.init(name: name, permissions: permissions, note: definition.bool("isBuiltIn") == true ? "built-in, not in pimsim's catalogue" : nil))
        }
    }

    /// The scenario's name for a role definition id, or an error naming where it was met.
    func roleName(_ id: String, at origin: ImportOrigin) -> String? {
        if let name = roleNames[id] ?? catalogue.role(id).map(\.name) { return name }
        error("role '\(id)' is neither in pimsim's built-in catalogue nor among the export's roleDefinitions", at: origin)
        return nil
    }

    /// Whether a role may be scoped to an administrative unit (Entra's list, or a custom role's permissions).
    func administrativeUnitAssignable(_ name: String) -> Bool {
        if let permissions = customPermissions[name] { return catalogue.isAdministrativeUnitAssignable(permissions: permissions) }
        return catalogue.role(name)?.administrativeUnitScope ?? false
    }

    // MARK: Time

    /// The first UTC midnight after the newest time the export mentions (schedules, instances, audits).
    func defaultStart() -> Int64? {
        var newest: Int64?
        func consider(_ text: String?) {
            guard let text, case .success(let epoch) = TimeSyntax.timestamp(Self.wholeSeconds(text)) else { return }
            newest = max(newest ?? epoch, epoch)
        }
        for name in ["roleEligibilitySchedules", "roleAssignmentSchedules", "privilegedAccessGroupEligibilitySchedules",
                     "privilegedAccessGroupAssignmentSchedules"] {
            for schedule in export[name] {
                consider(schedule.object("scheduleInfo")?.string("startDateTime"))
                consider(schedule.string("createdDateTime"))
                consider(schedule.string("modifiedDateTime"))
            }
        }
        for name in ["roleEligibilityScheduleInstances", "roleAssignmentScheduleInstances"] {
            for instance in export[name] { consider(instance.string("startDateTime")) }
        }
        for audit in export["directoryAudits"] { consider(audit.string("activityDateTime")) }
        guard let newest else { return nil }
        return (newest / 86_400 + 1) * 86_400
    }

    /// Whether the scenario's period fits the limits: a horizon within `InputLimits.current`, and
    /// an end by 9999-12-31T23:59:59Z (an export's times can be anything Graph holds). An error otherwise.
    func checkPeriod(start: Int64, horizon: Int64, replayed: Bool) -> Bool {
        let limit = InputLimits.current.horizon
        if horizon > limit {
            let why = replayed ? " (the replayed period, from the first replayed request to the export's newest time)" : ""
            error("the scenario's horizon would be \(horizon / 86_400) days\(why); pimsim accepts at most \(limit / 86_400) days: "
                  + "give a shorter --horizon, or raise the limit with --limit horizon=\(horizon / 86_400 + 1)d", at: nil)
            return false
        }
        if start + horizon > TimeSyntax.latest + 1 {
            error("the scenario would end after 9999-12-31T23:59:59Z, the last moment Microsoft Graph's dates can hold; "
                  + "give an earlier start with --at, or a shorter --horizon", at: nil)
            return false
        }
        return true
    }

    /// Graph's timestamps carry fractions of a second (`10:04:31.203Z`, up to seven digits):
    /// pimsim's time is whole seconds, so the fraction is dropped (rounded down).
    static func wholeSeconds(_ text: String) -> String {
        guard let dot = text.firstIndex(of: "."), let time = text.firstIndex(of: "T"), dot > time else { return text }
        var end = text.index(after: dot)
        while end < text.endIndex, text[end].isASCII, text[end].isNumber { end = text.index(after: end) }
        return String(text[..<dot]) + String(text[end...])
    }

    /// An absolute time from an ISO 8601 timestamp, or an error.
    func timestamp(_ text: String?, at origin: ImportOrigin) -> Int64? {
        guard let text else { return nil }
        switch TimeSyntax.timestamp(Self.wholeSeconds(text)) {
        case .success(let epoch): return epoch
        case .failure(let failure):
            error("'\(text)' is not a timestamp: \(failure.message)", at: origin)
            return nil
        }
    }
}
