import Foundation
import GraphvizRender
import PimsimKit
import RunPipeline
import Testing
import TestSupport

/// `Checks`, `Validation` and `Graphs`, called directly (no binary).
@Suite("Use cases: check, validate, graph")
struct CheckAndGraphUseCaseTests {
    static func scenario(_ name: String) -> String { repositoryRoot.appendingPathComponent("Scenarios/\(name).yaml").path }

    /// A scenario file written for one test.
    static func file(_ yaml: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pimsimkit-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: url)
        return url.path
    }

    static let small = header() + """
    scenario: small
    tenant: {users: [{id: ann}, {id: bo}]}
    assignments:
      - {principal: ann, role: Global Administrator, type: active}
      - {principal: bo, role: Global Administrator, type: eligible}
    workload:
      - {at: 2h, activate: {user: bo, role: Global Administrator, duration: 3h}}
    variants:
      none: {patch: {workload: []}}
    assertions:
      - {metric: globalAdmins.max, max: 1}
      - {variant: none, metric: globalAdmins.max, max: 1}
      - {metric: no.such.metric, min: 0}

    """

    @Test("check runs the baseline and each named variant once, and says why each assertion failed")
    func check() async throws {
        let path = try Self.file(Self.small)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try await Checks.check(path: path)
        // Two holders from 2h to 5h: the first assertion fails; the variant has one; the metric is missing.
        #expect(check.results.map(\.passed) == [false, true, false])
        #expect(check.results.map(\.value) == [2, 1, nil])
        #expect(check.lines[0] == "\(path): assertions[0]: globalAdmins.max (baseline) = 2 — expected at most 1: FAILED")
        #expect(check.lines[2].contains("no such metric in metrics.json"))
        #expect((check.passed, check.failed) == (1, 2))
        #expect(Checks.summary([check, check]) == "2 passed, 4 failed")
    }

    @Test("the library's jit-migration assertions all hold")
    func libraryScenario() async throws {
        let check = try await Checks.check(path: Self.scenario("jit-migration"))
        #expect(check.results.count == 4)
        #expect(check.failed == 0)
    }

    @Test("validate names a variant's errors and refuses the file")
    func validate() throws {
        let path = try Self.file(Self.small.replacingOccurrences(of: "none: {patch: {workload: []}}", with: "none: {patch: {horizon: soon}}"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let validation = Validation.validate(path: path)
        #expect(!validation.valid)
        #expect(validation.summary == nil)
        #expect(validation.problems.count == 1)
        #expect(validation.problems.first?.hasSuffix("(in variant 'none')") == true)
        let good = Validation.validate(path: Self.scenario("quickstart"))
        #expect(good.valid)
        #expect(good.summary?.hasPrefix("\(Self.scenario("quickstart")): ok — 7 users") == true)
    }

    @Test("moments: offsets, timestamps, and clear errors outside the horizon")
    func moments() throws {
        let scenario = try makeScenario(Self.small)
        #expect(try Graphs.moment("3d12h", in: try makeScenario(header(horizon: "7d") + "tenant: {}\n")) == 302_400)
        #expect(try Graphs.moment("2026-03-02T10:00:00Z", in: scenario) == 36_000)
        #expect(try Graphs.moment(nil, in: scenario) == nil)
        #expect(throws: UseCaseError.invalidInput("--at '3d' is after the horizon of small; expected a time within 0 and 2d")) {
            try Graphs.moment("3d", in: scenario)
        }
        #expect(throws: UseCaseError.self) { try Graphs.moment("soon", in: scenario) }
    }

    @Test("a picture at a moment, in DOT, to no file; an unknown focus is invalid input")
    func picture() throws {
        let path = try Self.file(Self.small)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var request = GraphRequest(selection: ScenarioSelection(path: path), at: "3h", format: .dot)
        request.output = "-"
        let picture = try Graphs.picture(request)
        #expect(picture.path == nil)
        let dot = String(decoding: picture.bytes, as: UTF8.self)
        #expect(dot.hasPrefix("digraph"))
        #expect(dot.contains("2026-03-02T03:00:00Z"))
        #expect(picture.timings.map(\.stage).prefix(3) == ["load", "replay", "graph"])
        request.focus = "nobody"
        #expect(throws: UseCaseError.invalidInput("--focus: no user, group, application, service principal or role named 'nobody' in \(path)")) {
            try Graphs.picture(request)
        }
    }

    @Test("a diff to a variant draws added and removed access")
    func diff() throws {
        let path = try Self.file(Self.small)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var request = GraphRequest(selection: ScenarioSelection(path: path), at: "3h", format: .dot)
        (request.output, request.diff) = ("-", "none")
        let dot = String(decoding: try Graphs.picture(request).bytes, as: UTF8.self)
        #expect(dot.contains("small: baseline to none at 2026-03-02T03:00:00Z"))
    }
}
