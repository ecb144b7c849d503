import ArgumentParser
import Foundation
import PimsimKit

extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the simulated state at a moment as Graph-shaped JSON, or the privilege graph as BloodHound CE OpenGraph JSON.",
        discussion: """
        --format graph writes one bundle (collection name → {"value": [...]}) with Microsoft Graph v1.0's shapes, \
        which pimsim import reads back; by default at the start. --format opengraph writes nodes and edges with \
        kinds in the PIMSim_ namespace and AzureHound's ids, to upload to BloodHound CE beside an AzureHound \
        collection; by default at the peak of exposure. Scenario ids that are not GUIDs get stable derived GUIDs. \
        See docs/import-export.md.
        """
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "What to write: graph (a Graph JSON bundle) or opengraph (BloodHound CE).")
    var format: ExportFormat

    @Option(name: .long, help: "The moment: an offset from the start (3d12h) or a timestamp (default: the start for graph, the peak for opengraph).")
    var at: String?

    @Flag(name: .long, help: "Export at the first instant of peak exposure.")
    var peak = false

    @Option(name: .customLong("tenant-id"), help: "The tenant id to write, a GUID (default: one derived from the scenario's name).")
    var tenantId: String?

    @Option(name: [.short, .customLong("output")], help: "The file to write, or '-' for standard output.")
    var output: String

    func validate() throws {
        if at != nil && peak { throw ValidationError("--at and --peak exclude each other: give one") }
    }

    func run() throws {
        var request = ExportRequest(selection: scenario.selection, format: format, at: at, output: output)
        (request.peak, request.tenantId) = (peak, tenantId)
        let result = try scenario.limits.bound { try perform { () throws(UseCaseError) in try Exports.export(request) } }
        printWarnings(result.warnings)
        if let path = result.path {
            print("wrote \(path) (\(result.summary)) at \(result.timestamp), tenant \(result.tenantId)")
        } else {
            FileHandle.standardOutput.write(Data(result.bytes))
        }
    }
}
