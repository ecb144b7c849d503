import Foundation
import Testing
@testable import ScenarioFormat
import TenantModel

/// `ScenarioLoader.load(path:)`: the file's name as the default scenario name, and whole-file problems.
@Suite struct FileLoadingTests {
    /// A fresh folder for one test, removed afterwards.
    final class Folder {
        let path = NSTemporaryDirectory() + "pimsim-format-tests-" + UUID().uuidString
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let file = path + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            return file
        }
    }

    static let minimal = "start: 2026-03-02T00:00:00Z\nhorizon: 30d\ntenant: {users: [{id: alice}]}\n"

    @Test func defaultNameIsTheFileNameWithoutExtension() throws {
        let folder = try Folder()
        let file = try folder.write("quarterly-review.yaml", Array(Self.minimal.utf8))
        let result = ScenarioLoader.load(path: file)
        #expect(result.diagnostics.isEmpty)
        #expect(result.scenario?.name == "quarterly-review")
    }

    /// Windows editors save a UTF-8 byte order mark; reading the file drops it.
    @Test func byteOrderMarkIsAccepted() throws {
        let folder = try Folder()
        let text = "start: 2026-03-02T00:00:00Z\nhorizon: 30x\ntenant: {}\n"
        let file = try folder.write("bom.yaml", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let result = ScenarioLoader.load(path: file)
        // Parsed, and positions are not shifted by the mark.
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.description == "\(file):2:10: error: horizon: '30x' is not a duration; "
            + "expected a compact duration such as '90s', '8h' or '1d9h30m', or ISO 8601 such as 'PT8H' or 'P1DT9H'")
    }

    @Test func missingFile() throws {
        let folder = try Folder()
        let file = folder.path + "/nothing-here.yaml"
        let result = ScenarioLoader.load(path: file)
        #expect(result.hasScenario == false)
        #expect(result.diagnostics.count == 1)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.line == 0 && diagnostic.column == 0 && diagnostic.path.isEmpty)
        #expect(diagnostic.message.hasPrefix("cannot read the file"))
        #expect(diagnostic.description.hasPrefix("\(file): error: cannot read the file"))
    }

    @Test func invalidUTF8() throws {
        let folder = try Folder()
        let file = try folder.write("latin1.yaml", Array("scenario: caf".utf8) + [0xE9, 0x0A] + Array(Self.minimal.utf8))
        let result = ScenarioLoader.load(path: file)
        #expect(result.hasScenario == false)
        // The bad byte's line and column (line 1, after "scenario: caf") and offset are named.
        #expect(result.diagnostics.map(\.description) == [
            "\(file):1:14: error: the file is not valid UTF-8 text: byte 0xE9 at offset 13 cannot stand there; save the file as UTF-8",
        ])
    }

    @Test func variantThroughTheFile() throws {
        let folder = try Folder()
        let text = Self.minimal + """
            assignments:
              - {principal: alice, role: Global Administrator, type: active}
            variants:
              jit:
                convert: {activeToEligible: {roles: [Global Administrator]}}

            """
        let file = try folder.write("with-variant.yaml", Array(text.utf8))
        #expect(ScenarioLoader.load(path: file).scenario?.assignments.first?.type == .active)
        #expect(ScenarioLoader.load(path: file, variant: "jit").scenario?.assignments.first?.type == .eligible)
        let unknown = ScenarioLoader.load(path: file, variant: "jt")
        #expect(unknown.hasScenario == false)
        #expect(unknown.diagnostics.map(\.message) == ["unknown variant 'jt'; did you mean 'jit'? (variants: jit)"])
    }
}
