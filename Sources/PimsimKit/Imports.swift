import Foundation
import Reports
import ScenarioFormat
import TenantImport
import TenantModel

/// What to import and where to write the scenario.
public struct ImportRequest: Sendable {
    /// Folders, page files or bundles of a Microsoft Graph export.
    public var paths: [String]
    /// The scenario file to write; nil returns the text only (for standard output).
    public var output: String?
    /// The scenario's start as an ISO 8601 timestamp; nil: the first midnight after the export's newest time.
    public var at: String?
    /// The scenario's horizon as a duration (`30d`); nil: 30 days, or the replayed period.
    public var horizon: String?
    /// Replay the past activations of the export's `directoryAudits`.
    public var replayAudit: Bool
    /// The scenario's name; nil: the output file's name without extension, or `imported`.
    public var name: String?

    /// Creates a request.
    public init(paths: [String], output: String? = nil, at: String? = nil, horizon: String? = nil, replayAudit: Bool = false, name: String? = nil) {
        self.paths = paths
        self.output = output
        self.at = at
        self.horizon = horizon
        self.replayAudit = replayAudit
        self.name = name
    }
}

/// What an import wrote and found.
public struct ImportOutcome: Sendable {
    /// The scenario's text.
    public var yaml: String
    /// Warnings: what the scenario lacks or approximates, with file and JSON pointer.
    public var warnings: [String]
    /// How many objects of each kind the scenario holds.
    public var counts: [String: Int]
    /// The file written, when one was asked for.
    public var written: String?
}

/// The `import` use case: a Graph export to a scenario that validates.
public enum Imports {
    /// Reads the export, maps it, checks that the result validates, and writes it atomically.
    public static func importTenant(_ request: ImportRequest) throws(UseCaseError) -> ImportOutcome {
        var start: Int64?
        if let at = request.at {
            switch TimeSyntax.timestamp(at) {
            case .success(let epoch): start = epoch
            case .failure(let failure): throw .invalidInput("--at '\(at)': \(failure.message)")
            }
        }
        var horizon: Int64?
        if let text = request.horizon {
            guard case .success(let seconds) = TimeSyntax.duration(text), seconds > 0 else {
                throw .invalidInput("--horizon '\(text)' is not a duration such as 30d or P90D")
            }
            horizon = seconds
        }
        let name = request.name ?? request.output.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "imported"
        let export = GraphExport.read(paths: request.paths)
        let result = GraphImporter.importScenario(
            export, options: ImportOptions(name: name, start: start, horizon: horizon, replayAudit: request.replayAudit, sources: request.paths)
        )
        let lines = result.diagnostics.map(\.description)
        guard let yaml = result.yaml else { throw .unreadable(lines + ["import: \(result.diagnostics.filter { $0.severity == .error }.count) errors; no scenario written"]) }
        // The scenario must be one pimsim accepts: a failure here is pimsim's bug, not the export's.
        let check = ScenarioLoader.decode(text: yaml, file: request.output ?? "imported.yaml", defaultName: name)
        guard check.scenario != nil else {
            throw .runtime("the imported scenario does not validate (please report this): "
                + check.diagnostics.prefix(5).map(\.description).joined(separator: "; "))
        }
        if let output = request.output {
            do {
                try AtomicFile.write(yaml, to: output)
            } catch {
                throw .runtime("cannot write \(output): \(error)")
            }
        }
        return ImportOutcome(yaml: yaml, warnings: lines, counts: result.counts, written: request.output)
    }
}
