import Foundation
import Reports

/// `pimsim init`: commented starter scenarios, each valid and runnable as written.
public enum StarterScenarios {
    /// The templates, by name: `quickstart` (the default), `jit`, `approvals`, `governance`.
    public static let templates: [(name: String, text: String)] = [
        ("quickstart", String(decoding: PackageResources.quickstart_yaml, as: UTF8.self)),
        ("jit", String(decoding: PackageResources.jit_yaml, as: UTF8.self)),
        ("approvals", String(decoding: PackageResources.approvals_yaml, as: UTF8.self)),
        ("governance", String(decoding: PackageResources.governance_yaml, as: UTF8.self)),
    ]

    /// The file that holds the JSON Schema beside a starter scenario (its first line names it).
    public static let schemaFile = "pimsim.schema.json"

    /// The template `name` with its scenario named `scenario` (which must suit a folder name:
    /// letters, digits, `-`, `_` and `.`, not starting with `.`).
    public static func text(template name: String, scenario: String) throws(UseCaseError) -> String {
        guard let template = templates.first(where: { $0.name == name }) else {
            throw .invalidInput("unknown template '\(name)'; expected \(templates.map(\.name).joined(separator: ", "))")
        }
        let allowed = scenario.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
        guard !scenario.isEmpty, allowed, !scenario.hasPrefix(".") else {
            throw .invalidInput("'\(scenario)' cannot name a scenario; use letters, digits, '-', '_' and '.', not starting with '.'")
        }
        return template.text
            .replacingOccurrences(of: "\nscenario: starter\n", with: "\nscenario: \(scenario)\n")
            .replacingOccurrences(of: "starter.yaml", with: "\(scenario).yaml")
            .replacingOccurrences(of: "Output/starter/", with: "Output/\(scenario)/")
    }

    /// Writes the starter scenario `name` from `template` to `path` (default `NAME.yaml`), and the
    /// JSON Schema beside it; refuses to overwrite a scenario unless `force`. Returns the paths written.
    public static func write(name: String?, template: String = "quickstart", path: String? = nil, force: Bool = false) throws(UseCaseError) -> [String] {
        let scenario = name ?? template
        let text = try text(template: template, scenario: scenario)
        let target = path ?? "\(scenario).yaml"
        if !force && FileManager.default.fileExists(atPath: target) {
            throw .invalidInput("\(target) exists; pass --force to overwrite it, or give another name")
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let schema = URL(fileURLWithPath: folder).appendingPathComponent(schemaFile).path
        do {
            try AtomicFile.write(text, to: target)
            try AtomicFile.write(Schemas.scenario(), to: schema)
        } catch {
            throw .runtime("\(error)")
        }
        return [target, path == nil ? schemaFile : schema]
    }
}
