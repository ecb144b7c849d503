import ExposureMetrics
import Foundation
import PIMEngine
import RunPipeline
import ScenarioFormat
import TenantModel
import Trace

/// A failed precondition of a test, with a readable message.
public struct FixtureError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

/// The repository's root folder, found from this file's path.
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The usual first lines of a test scenario: start 2026-03-02T00:00:00Z and the given horizon.
public func header(horizon: String = "2d") -> String {
    "start: 2026-03-02T00:00:00Z\nhorizon: \(horizon)\n"
}

/// Decodes YAML into a scenario, throwing with every diagnostic when it is invalid.
public func makeScenario(_ yaml: String, variant: String? = nil) throws -> Scenario {
    let result = ScenarioLoader.decode(text: yaml, file: "test.yaml", defaultName: "test", variant: variant)
    guard let scenario = result.scenario else {
        throw FixtureError(result.diagnostics.map(\.description).joined(separator: "\n"))
    }
    return scenario
}

/// Runs a scenario and returns its whole trace.
public func trace(_ scenario: Scenario, seed: UInt64? = nil) -> [TraceRecord] {
    PIMReplay.run(scenario, seed: seed, sink: TraceRecorder()).sink.records
}

/// Runs a scenario and returns its core metrics.
public func coreMetrics(_ scenario: Scenario, seed: UInt64? = nil) -> CoreMetrics {
    PIMReplay.run(scenario, seed: seed, sink: CoreMetricsFold(scenario: scenario)).sink.metrics
}

/// Hours as seconds, for readable expectations: `h(1.5)` is 5400.
public func h(_ hours: Double) -> Int64 { Int64((hours * 3600).rounded()) }
