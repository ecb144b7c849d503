import Foundation
import ScenarioFormat
import TenantImport
import Testing

/// Every input the fuzz target `FuzzImport` ever failed on (`FuzzFindings/`), imported again:
/// the import ends in an error, or in a scenario that validates.
@Suite struct ImportFuzzFindingTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzFindings")
    /// The fuzz target's file names, chosen by the first byte's low six bits.
    static let fileNames = GraphExport.collectionNames.map { "\($0).json" } + ["export-bundle.json", "azurehound.json"]

    static var findings: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != "README.md" }.sorted()
    }

    @Test(arguments: findings)
    func finding(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        try #require(!bytes.isEmpty)
        let selector = bytes[0]
        let file = Self.fileNames[Int(selector & 0x3F) % Self.fileNames.count]
        var export = GraphExport()
        export.read(data: Data(bytes.dropFirst()), file: file)
        let options = ImportOptions(name: "fuzz", start: selector & 0x80 != 0 ? 1_772_409_600 : nil, replayAudit: selector & 0x40 != 0, sources: [file])
        let result = GraphImporter.importScenario(export, options: options)
        #expect(result.yaml != nil || result.hasErrors)
        if let yaml = result.yaml {
            let check = ScenarioLoader.decode(text: yaml, file: "imported.yaml", defaultName: "fuzz", limits: .standard)
            #expect(check.scenario != nil, "\(check.diagnostics.prefix(5).map(\.description))\n\(yaml)")
        }
    }
}
