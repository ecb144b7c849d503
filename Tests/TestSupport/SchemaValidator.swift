import Foundation
import ScenarioFormat

/// Runs a real JSON Schema validator (Python's `jsonschema`, draft 2020-12, through
/// `Tests/Schema/validate.py`) on documents, beside pimsim's decoder.
public enum SchemaValidator {

    /// Why the validator could not answer.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// One verdict per document, in order: nil when valid, else the validator's first error.
    public static func validate(_ documents: [SchemaNode], schema: String = ScenarioSchema.text()) throws -> [String?] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pimsim-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemaFile = folder.appendingPathComponent("schema.json")
        let documentsFile = folder.appendingPathComponent("documents.jsonl")
        try Data(schema.utf8).write(to: schemaFile)
        try Data(documents.map { $0.text(indent: nil) + "\n" }.joined().utf8).write(to: documentsFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tests/Schema/validate.py").path, schemaFile.path, documentsFile.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 Tests/Schema/validate.py failed (\(process.terminationStatus)); is the jsonschema package installed (./scripts/dev deps)? \(errorText)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count == documents.count else {
            throw Failure(description: "the validator answered \(lines.count) lines for \(documents.count) documents: \(errorText)")
        }
        return lines.map { $0 == "ok" ? nil : $0 }
    }

    /// The document of a file or text, as the decoder reads it.
    public static func document(_ text: String) throws -> SchemaNode {
        switch ScenarioDocument.json(text: text) {
        case .success(let node): return node
        case .failure(let failure): throw Failure(description: failure.description)
        }
    }
}
