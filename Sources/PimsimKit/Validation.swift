import RunPipeline
import ScenarioFormat
import TenantModel

/// What `validate` found in one file.
public struct FileValidation: Sendable {
    /// The scenario file.
    public var path: String
    /// Every diagnostic of the file as written, then each variant's errors (marked with the variant).
    public var problems: [String]
    /// Whether the file and every variant of it are valid.
    public var valid: Bool
    /// For a valid file, a line with what it holds.
    public var summary: String?
}

/// The `validate` use case: a file and each of its variants, checked without running.
public enum Validation {
    /// Checks the file at `path` and every variant it declares.
    public static func validate(path: String) -> FileValidation {
        let result = Pipeline.load(path: path)
        var problems = result.diagnostics.map(\.description)
        guard let scenario = result.scenario else { return FileValidation(path: path, problems: problems, valid: false) }
        var valid = true
        for variant in scenario.variants {
            let patched = Pipeline.load(path: path, variant: variant.name)
            for diagnostic in patched.diagnostics where diagnostic.severity == .error {
                problems.append("\(diagnostic.description) (in variant '\(variant.name)')")
            }
            if patched.scenario == nil { valid = false }
        }
        guard valid else { return FileValidation(path: path, problems: problems, valid: false) }
        let summary = "\(path): ok — \(scenario.tenant.users.count) users, \(scenario.tenant.groups.count) groups, "
            + "\(scenario.assignments.count) assignments, \(scenario.requests.count) requests, "
            + "\(scenario.events.count) events, \(scenario.variants.count) variants"
        return FileValidation(path: path, problems: problems, valid: true, summary: summary)
    }
}
