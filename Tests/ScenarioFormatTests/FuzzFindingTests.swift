import Foundation
import Testing
@testable import ScenarioFormat

/// Every input the fuzz target `FuzzScenario` ever failed on (`FuzzFindings/`), decoded again
/// with the fuzz target's checks: a scenario exactly when there is no error, positions whole.
@Suite struct FuzzFindingTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzFindings")

    static var findings: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != "README.md" }.sorted()
    }

    @Test(arguments: findings)
    func finding(name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        var limits = InputLimits()
        (limits.nodes, limits.users, limits.tasks) = (200_000, 20_000, 200_000)
        let result = ScenarioLoader.decode(data: data, file: "fuzz.yaml", limits: limits)
        Self.check(result)
        for variant in result.scenario?.variants.prefix(3) ?? [] {
            Self.check(ScenarioLoader.decode(data: data, file: "fuzz.yaml", variant: variant.name, limits: limits))
        }
    }

    static func check(_ result: LoadResult, sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(result.hasScenario == errors.isEmpty, "\(result.diagnostics)", sourceLocation: sourceLocation)
        for diagnostic in result.diagnostics {
            #expect(diagnostic.line >= 0 && diagnostic.column >= 0 && !diagnostic.message.isEmpty, sourceLocation: sourceLocation)
            #expect((diagnostic.line == 0) == (diagnostic.column == 0), "\(diagnostic)", sourceLocation: sourceLocation)
        }
    }
}
