import Foundation
import Reports

/// Writes an imported scenario as commented YAML that pimsim validates and runs.
///
/// Every string is double-quoted with JSON's escapes (a subset of YAML's double-quoted style),
/// so names with colons, quotes or non-ASCII text round-trip exactly.
struct ScenarioWriter {
    let scenario: ImportedScenario
    let options: ImportOptions
    let start: Int64
    let horizon: Int64
    let notes: [String]

    func text() -> String {
        var lines: [String] = []
        lines.append("# Imported by `pimsim import` from \(options.sources.isEmpty ? "a Microsoft Graph export" : options.sources.joined(separator: ", ")).")
        lines.append("# \(scenario.users.count) users, \(scenario.groups.count) groups, \(scenario.customRoles.count) custom roles, "
            + "\(scenario.servicePrincipals.count) service principals, \(scenario.assignments.count) assignments, "
            + "\(scenario.activations.count) activations in effect at the start.")
        lines.append("# Ids are the tenant's object ids; names are display names. Roles keep Entra's default settings")
        lines.append("# unless listed under policies. See docs/import-export.md for what is read and how.")
        for note in notes { lines.append("# Note: \(note)") }
        lines.append("scenario: \(quoted(options.name))")
        lines.append("start: \(TimeText.timestamp(epoch: start))")
        lines.append("horizon: \(TimeText.duration(horizon))")
        lines.append("tenant:")
        lines.append("  users:")
        if scenario.users.isEmpty { lines[lines.count - 1] += " []" }
        for user in scenario.users {
            lines.append("    - " + flow([("id", .string(user.id)), ("name", user.name.map(YAMLValue.string)), ("manager", user.manager.map(YAMLValue.string))]))
        }
        if !scenario.groups.isEmpty {
            lines.append("  groups:")
            for group in scenario.groups {
                lines.append("    - " + flow([
                    ("id", .string(group.id)), ("name", group.name.map(YAMLValue.string)),
                    ("roleAssignable", group.roleAssignable ? .bool(true) : nil),
                    ("members", group.members.isEmpty ? nil : .list(group.members.map(YAMLValue.string))),
                    ("owners", group.owners.isEmpty ? nil : .list(group.owners.map(YAMLValue.string))),
                ]))
            }
        }
        if !scenario.customRoles.isEmpty {
            lines.append("  roles:")
            for role in scenario.customRoles {
                if let note = role.note { lines.append("    # \(note)") }
                lines.append("    - " + flow([("name", .string(role.name)), ("permissions", .list(role.permissions.map(YAMLValue.string)))]))
            }
        }
        if !scenario.applications.isEmpty {
            lines.append("  applications:")
            for app in scenario.applications {
                lines.append("    - " + flow([("id", .string(app.id)), ("name", app.name.map(YAMLValue.string)),
                                              ("owners", app.owners.isEmpty ? nil : .list(app.owners.map(YAMLValue.string)))]))
            }
        }
        if !scenario.servicePrincipals.isEmpty {
            lines.append("  servicePrincipals:")
            for sp in scenario.servicePrincipals {
                lines.append("    - " + flow([
                    ("id", .string(sp.id)), ("name", sp.name.map(YAMLValue.string)), ("application", sp.application.map(YAMLValue.string)),
                    ("owners", sp.owners.isEmpty ? nil : .list(sp.owners.map(YAMLValue.string))),
                    ("roles", sp.roles.isEmpty ? nil : .list(sp.roles.map(YAMLValue.string))),
                    ("memberOf", sp.memberOf.isEmpty ? nil : .list(sp.memberOf.map(YAMLValue.string))),
                ]))
            }
        }
        lines += policyLines()
        lines += assignmentLines()
        lines += workloadLines()
        let disabled = scenario.users.filter { !$0.enabled }
        if !disabled.isEmpty {
            lines.append("events:")
            lines.append("  # Accounts disabled in the tenant: their assignments stay (orphaned).")
            for user in disabled { lines.append("  - {at: 0s, leave: \(quoted(user.id))}") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func policyLines() -> [String] {
        guard !scenario.rolePolicies.isEmpty || !scenario.groupPolicies.isEmpty else { return [] }
        var lines = ["policies:", "  # Settings that differ from Entra's defaults, read from the role management policies."]
        if !scenario.rolePolicies.isEmpty {
            lines.append("  roles:")
            for name in scenario.rolePolicies.keys.sorted() {
                guard let policy = scenario.rolePolicies[name] else { continue }
                lines.append("    \(quoted(name)): \(policyFlow(policy))")
            }
        }
        if !scenario.groupPolicies.isEmpty {
            lines.append("  groups:")
            for group in scenario.groupPolicies.keys.sorted() {
                guard let byAccess = scenario.groupPolicies[group] else { continue }
                let entries = byAccess.keys.sorted().compactMap { access in byAccess[access].map { "\(access): \(policyFlow($0))" } }
                lines.append("    \(quoted(group)): {\(entries.joined(separator: ", "))}")
            }
        }
        return lines
    }

    func policyFlow(_ policy: ImportedScenario.Policy) -> String {
        var parts: [String] = []
        for (key, entries) in [("activation", policy.activation), ("eligibleAssignment", policy.eligibleAssignment),
                               ("activeAssignment", policy.activeAssignment)] where !entries.isEmpty {
            parts.append("\(key): " + flow(entries.map { ($0.key, $0.value) }))
        }
        if !policy.notifications.isEmpty {
            var events: [String] = []
            for event in ["eligibleAssignment", "activeAssignment", "activation"] {
                let rules = policy.notifications.filter { $0.event == event }
                guard !rules.isEmpty else { continue }
                events.append("\(event): {" + rules.map { "\($0.recipient): " + flow($0.entries.map { ($0.key, $0.value) }) }.joined(separator: ", ") + "}")
            }
            parts.append("notifications: {" + events.joined(separator: ", ") + "}")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    func assignmentLines() -> [String] {
        guard !scenario.assignments.isEmpty else { return [] }
        var lines = ["assignments:"]
        for assignment in scenario.assignments {
            var entries: [(String, YAMLValue?)] = [("principal", .string(assignment.principal))]
            entries += target(assignment.target)
            entries.append(("type", .plain(assignment.eligible ? "eligible" : "active")))
            entries.append(("scope", assignment.scope.map(YAMLValue.string)))
            entries.append(("start", assignment.start.map { .plain(TimeText.timestamp(epoch: $0)) }))
            switch assignment.end {
            case .permanent: break
            case .at(let end): entries.append(("end", .plain(TimeText.timestamp(epoch: end))))
            case .after(let duration): entries.append(("duration", .plain(duration)))
            }
            if assignment.outsidePIM { entries.append(("outsidePIM", .bool(true))) }
            lines.append("  - " + flow(entries))
        }
        return lines
    }

    func workloadLines() -> [String] {
        guard !scenario.activations.isEmpty || !scenario.replayed.isEmpty else { return [] }
        var lines = ["workload:"]
        if !scenario.activations.isEmpty {
            lines.append("  # Activations in effect when the export was taken, requested again at the start for what was left.")
        }
        for activation in scenario.activations {
            var entries: [(String, YAMLValue?)] = [("user", .string(activation.user))]
            entries += target(activation.target)
            entries.append(("duration", .plain(TimeText.duration(activation.duration))))
            entries.append(("scope", activation.scope.map(YAMLValue.string)))
            lines.append("  - {at: 0s, activate: \(flow(entries))}")
        }
        if !scenario.replayed.isEmpty {
            lines.append("  # Replayed from the audit log (--replay-audit): each past request at its time, under this scenario's policies.")
        }
        for item in scenario.replayed {
            var entries: [(String, YAMLValue?)] = [("user", .string(item.user)), ("role", .string(item.role))]
            switch item.kind {
            case .activate(let duration):
                entries.append(("duration", .plain(TimeText.duration(duration))))
                lines.append("  - {at: \(TimeText.timestamp(epoch: item.at)), activate: \(flow(entries))}")
            case .deactivate:
                lines.append("  - {at: \(TimeText.timestamp(epoch: item.at)), deactivate: \(flow(entries))}")
            }
        }
        return lines
    }

    func target(_ target: ImportedScenario.Target) -> [(String, YAMLValue?)] {
        switch target {
        case .role(let role): return [("role", .string(role))]
        case .group(let group, let access): return [("group", .string(group)), ("access", .plain(access))]
        }
    }

    // MARK: YAML text

    func flow(_ entries: [(String, YAMLValue?)]) -> String {
        "{" + entries.compactMap { key, value in value.map { "\(key): \(render($0))" } }.joined(separator: ", ") + "}"
    }

    func render(_ value: YAMLValue) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .plain(let text): return text
        case .list(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        }
    }

    /// A double-quoted YAML string: `JSONValue.quote` (YAML reads JSON's escapes), then the
    /// characters YAML does not accept as printable and JSON leaves as they are (DEL, the C1
    /// controls, a byte-order mark) escaped too.
    func quoted(_ text: String) -> String {
        let json = JSONValue.quote(text)
        func unprintable(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
        }
        guard json.unicodeScalars.contains(where: unprintable) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if unprintable(scalar) { result += String(format: "\\u%04X", scalar.value) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
