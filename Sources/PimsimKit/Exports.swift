import Foundation
import PrivilegeGraph
import Reports
import RunPipeline
import ScenarioFormat
import TenantExport
import TenantModel

/// What `pimsim export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// A Graph-shaped bundle of the simulated state (docs/import-export.md).
    case graph
    /// The privilege graph as BloodHound CE OpenGraph JSON.
    case opengraph
}

/// What `pimsim export` is asked to write.
public struct ExportRequest: Sendable {
    /// The scenario, variant and seed.
    public var selection: ScenarioSelection
    /// Graph bundle or OpenGraph.
    public var format: ExportFormat
    /// The moment: an offset from the start (`3d12h`) or a timestamp; nil means the start for
    /// `graph`, the peak for `opengraph`.
    public var at: String?
    /// Export at the first instant of peak exposure (excludes `at`).
    public var peak = false
    /// The tenant id to write (a GUID); nil derives one from the scenario's name.
    public var tenantId: String?
    /// The file to write; `-` means none (the bytes are returned).
    public var output: String

    /// Describes an export.
    public init(selection: ScenarioSelection, format: ExportFormat, at: String? = nil, output: String = "-") {
        self.selection = selection
        self.format = format
        self.at = at
        self.output = output
    }
}

/// An export written.
public struct ExportResult: Sendable {
    /// The JSON bytes.
    public var bytes: [UInt8]
    /// Where they were written, when they were.
    public var path: String?
    /// The moment exported, in seconds since the start, and as a timestamp.
    public var time: Int64, timestamp: String
    /// The tenant id written.
    public var tenantId: String
    /// What was written, in words (`12 nodes, 30 edges`, `14 collections, 52 objects`).
    public var summary: String
    /// The scenario file's warnings.
    public var warnings: [Diagnostic]
}

/// The export use case: the simulated state at a moment as a Graph bundle or OpenGraph JSON.
public enum Exports {
    /// Writes the request's export (unless `output` is `-`) and returns it.
    public static func export(_ request: ExportRequest) throws(UseCaseError) -> ExportResult {
        if let tenantId = request.tenantId, !GraphIdentifier.isGUID(tenantId) {
            throw .invalidInput("--tenant-id '\(tenantId)' is not a GUID; expected 8-4-4-4-12 hexadecimal digits such as 50a74cff-026f-4c84-aa8f-f5f8d837115f")
        }
        if request.peak && request.at != nil { throw .invalidInput("--at '\(request.at ?? "")' and --peak exclude each other: give one") }
        let loaded = try RunLoader.load(request.selection)
        let plan = loaded.plan
        let time: Int64
        if let at = try Graphs.moment(request.at, in: plan.scenario) {
            time = at
        } else if request.peak || request.format == .opengraph {
            time = GraphPictures.peakState(of: plan).time
        } else {
            time = 0
        }
        let snapshot = GraphPictures.replay(plan, into: ExportSink(scenario: plan.scenario, at: time)).result
        let ids = ExportIdentities(scenario: plan.scenario, tenantId: request.tenantId)
        let document: JSONValue
        let summary: String
        switch request.format {
        case .graph:
            document = GraphBundle(snapshot: snapshot, ids: ids).document()
            guard case .object(let collections) = document else { throw .runtime("the bundle is not a JSON object") }
            let objects = collections.values.reduce(0) { count, collection in
                guard case .array(let items)? = collection.value(at: ["value"]) else { return count }
                return count + items.count
            }
            summary = "\(collections.count) collections, \(objects) objects"
        case .opengraph:
            document = OpenGraphExport(snapshot: snapshot, ids: ids).document()
            let problems = OpenGraphValidator.problems(in: document, namespace: OpenGraphExport.sourceKind)
            guard problems.isEmpty else { throw .runtime("the OpenGraph file would be invalid: " + problems.prefix(5).joined(separator: "; ")) }
            func count(_ key: String) -> Int {
                guard case .array(let items)? = document.value(at: ["graph", key]) else { return 0 }
                return items.count
            }
            summary = "\(count("nodes")) nodes, \(count("edges")) edges"
        }
        let bytes = Array(document.rendered().utf8)
        var path: String?
        if request.output != "-" {
            do {
                try AtomicFile.write(Data(bytes), to: request.output)
            } catch {
                throw .runtime("\(error)")
            }
            path = request.output
        }
        return ExportResult(bytes: bytes, path: path, time: snapshot.time,
                            timestamp: ExportTime.timestamp(snapshot.time, startEpoch: plan.scenario.startEpoch),
                            tenantId: ids.tenantId, summary: summary, warnings: loaded.warnings)
    }
}
