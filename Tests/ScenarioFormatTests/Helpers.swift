import Testing
@testable import ScenarioFormat
import TenantModel

/// The file name every test passes to the loader; diagnostics render with it.
let testFile = "test.yaml"

/// Decodes `text` as the file `test.yaml`.
func load(_ text: String, variant: String? = nil, defaultName: String = "fallback-name") -> LoadResult {
    ScenarioLoader.decode(text: text, file: testFile, defaultName: defaultName, variant: variant)
}

/// The errors (not warnings) found in `text`, in the loader's order.
func errors(in text: String, variant: String? = nil) -> [Diagnostic] {
    load(text, variant: variant).diagnostics.filter { $0.severity == .error }
}

/// The scenario decoded from `text`, recording an issue (with every diagnostic) when it is invalid.
func scenario(
    _ text: String, variant: String? = nil, defaultName: String = "fallback-name",
    sourceLocation: SourceLocation = #_sourceLocation
) -> Scenario? {
    let result = load(text, variant: variant, defaultName: defaultName)
    #expect(result.hasScenario, "\(result.diagnostics.map(\.description))", sourceLocation: sourceLocation)
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.description))", sourceLocation: sourceLocation)
    return result.scenario
}

/// The one error of `text`; records an issue when there is not exactly one, or when a scenario came out anyway.
func onlyError(_ text: String, variant: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
    let result = load(text, variant: variant)
    let found = result.diagnostics.filter { $0.severity == .error }
    #expect(result.hasScenario == false, "an invalid file must not produce a scenario", sourceLocation: sourceLocation)
    #expect(found.count == 1, "expected one error, got \(found.map(\.description))", sourceLocation: sourceLocation)
    return found.count == 1 ? found[0] : nil
}

/// Checks a diagnostic's position, path and the key parts of its message.
func expect(
    _ diagnostic: Diagnostic?, line: Int, column: Int, path: String, _ parts: String...,
    severity: Diagnostic.Severity = .error, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let diagnostic else {
        Issue.record("no diagnostic (expected \(line):\(column) \(path))", sourceLocation: sourceLocation)
        return
    }
    #expect(diagnostic.file == testFile, sourceLocation: sourceLocation)
    #expect(diagnostic.severity == severity, "\(diagnostic)", sourceLocation: sourceLocation)
    #expect(diagnostic.line == line, "\(diagnostic)", sourceLocation: sourceLocation)
    #expect(diagnostic.column == column, "\(diagnostic)", sourceLocation: sourceLocation)
    #expect(diagnostic.path == path, "\(diagnostic)", sourceLocation: sourceLocation)
    for part in parts {
        #expect(diagnostic.message.contains(part), "'\(part)' not in: \(diagnostic.message)", sourceLocation: sourceLocation)
    }
}

/// Fails unless two scenarios hold the same model (Scenario is not Equatable itself).
func expectSameModel(_ a: Scenario, _ b: Scenario, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.name == b.name, sourceLocation: sourceLocation)
    #expect(a.description == b.description, sourceLocation: sourceLocation)
    #expect(a.startEpoch == b.startEpoch, sourceLocation: sourceLocation)
    #expect(a.horizon == b.horizon, sourceLocation: sourceLocation)
    #expect(a.seed == b.seed, sourceLocation: sourceLocation)
    #expect(a.tenant == b.tenant, sourceLocation: sourceLocation)
    #expect(a.roles == b.roles, sourceLocation: sourceLocation)
    #expect(a.referencedRoles == b.referencedRoles, sourceLocation: sourceLocation)
    #expect(a.policies == b.policies, sourceLocation: sourceLocation)
    #expect(a.assignments == b.assignments, sourceLocation: sourceLocation)
    #expect(a.requests == b.requests, sourceLocation: sourceLocation)
    #expect(a.events == b.events, sourceLocation: sourceLocation)
    #expect(a.behaviour == b.behaviour, sourceLocation: sourceLocation)
    #expect(a.variants == b.variants, sourceLocation: sourceLocation)
    #expect(a.assertions == b.assertions, sourceLocation: sourceLocation)
}

/// The built-in Global Administrator's index.
let globalAdministrator: RoleIndex = {
    RoleIndex(RoleCatalogue.builtIn.roles.firstIndex { $0.templateId == RoleCatalogue.globalAdministratorId }!)
}()

/// The index of a built-in role by display name.
func builtInRole(_ name: String) -> RoleIndex {
    RoleIndex(RoleCatalogue.builtIn.roles.firstIndex { $0.name == name }!)
}

extension LoadResult {
    /// Whether a scenario came out (a Bool, so a failed expectation does not print the whole model).
    var hasScenario: Bool { scenario != nil }
}
