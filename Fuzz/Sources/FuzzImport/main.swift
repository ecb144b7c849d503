import CLibFuzzer
import Foundation
import ScenarioFormat
import TenantImport

/// The file names an input can stand for: each collection, a bundle, AzureHound's output.
enum Fuzzing {
    static let fileNames = GraphExport.collectionNames.map { "\($0).json" } + ["export-bundle.json", "azurehound.json"]
}

/// One input. The first byte chooses the file's name (its low bits), whether the start
/// is given (bit 7) and whether the audit log is replayed (bit 6); the rest is the file.
func fuzzImport(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes, count > 0 else { return 0 }
    let selector = bytes[0]
    let name = Fuzzing.fileNames[Int(selector & 0x3F) % Fuzzing.fileNames.count]
    var export = GraphExport()
    export.read(data: Data(bytes: bytes + 1, count: count - 1), file: name)
    let options = ImportOptions(
        name: "fuzz", start: selector & 0x80 != 0 ? 1_772_409_600 : nil, replayAudit: selector & 0x40 != 0, sources: [name]
    )
    let result = GraphImporter.importScenario(export, options: options)
    if result.yaml == nil && !result.hasErrors {
        fatalError("no scenario and no error: \(result.diagnostics.map(\.description))")
    }
    if let yaml = result.yaml {
        // Whatever the export held, the scenario written must be one pimsim accepts.
        let check = ScenarioLoader.decode(text: yaml, file: "imported.yaml", defaultName: "fuzz", limits: .standard)
        if check.scenario == nil {
            fatalError("the imported scenario does not validate:\n\(check.diagnostics.prefix(5).map(\.description).joined(separator: "\n"))\n---\n\(yaml)")
        }
    }
    return 0
}

// libFuzzer's driver, with this target's function and the command line's options.
var arguments = CommandLine.argc
var values: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &values) { data, size in fuzzImport(data, size) })
