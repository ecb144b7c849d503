import Foundation
import Testing
import TestSupport

/// A killed run, runs racing into one folder, hostile names and hostile file names: outputs stay
/// whole, escaped and inside the chosen folder.
@Suite("Robust outputs: killed runs, concurrent runs, hostile names")
struct RobustOutputTests {
    static let outputs = ["metrics.json", "audit.jsonl", "graph.svg", "report.html", "rankings.csv", "summary.md"]

    /// A tenant whose run takes a few seconds (its audit log is streamed all along), and a
    /// variant `short` that takes a moment.
    static func slowScenario() -> String {
        let users = (1...1500).map { "u\($0)" }
        return """
            scenario: slow
            start: 2026-03-02T00:00:00Z
            horizon: 60d
            tenant:
              users: [\(users.map { "{id: \($0)}" }.joined(separator: ", "))]
              groups: [{id: admins, roleAssignable: true, members: [\(users.joined(separator: ", "))]}]
            assignments:
              - {principal: admins, role: User Administrator, type: eligible}
            workload:
              - tasks: {group: admins, role: User Administrator, every: 12h, duration: 1h}
            variants:
              short: {patch: {horizon: 1d}}

            """
    }

    /// The bytes of each output in `folder`.
    static func contents(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in outputs { result[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
        return result
    }

    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("a run killed while writing leaves the previous outputs as they were; the next run clears its temporary file")
    func killedMidWrite() async throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("slow.yaml")
        try Self.slowScenario().write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let first = try Pimsim.run(["run", file.path, "--variant", "short", "--output", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.contents(out)

        // The whole run, killed once its audit log is being written.
        let process = Process()
        process.executableURL = Pimsim.executable
        process.arguments = ["run", file.path, "--compare-replications", "0", "--output", out.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let temporary = ".audit.jsonl.\(process.processIdentifier)-"
        var writing = false
        for _ in 0..<600 where !writing {
            try await Task.sleep(for: .milliseconds(50))
            let partial = Self.entries(out).first { $0.hasPrefix(temporary) }
            let size = partial.flatMap { try? FileManager.default.attributesOfItem(atPath: out.appendingPathComponent($0).path)[.size] as? Int }
            writing = (size ?? 0) > 0
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(writing, "the run never started writing its audit log")
        #expect(process.terminationReason == .uncaughtSignal)
        // Every output is the previous run's, byte for byte; the killed run's file is only a temporary one.
        #expect(try Self.contents(out) == before)
        #expect(Self.entries(out).filter { $0.hasPrefix(".") }.allSatisfy { $0.hasPrefix(temporary) && $0.hasSuffix(".tmp") })
        #expect(Self.entries(out).contains { $0.hasPrefix(temporary) })

        let again = try Pimsim.run(["run", file.path, "--variant", "short", "--output", out.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(Self.entries(out) == Self.outputs.sorted())
        #expect(try Self.contents(out) == before)
    }

    @Test("runs racing into one folder: every file is whole, as one of them wrote it")
    func concurrentRuns() async throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = repositoryRoot.appendingPathComponent("Scenarios/quickstart.yaml").path
        var expected: [[String: Data]] = []
        for seed in ["1", "2"] {
            let alone = folder.appendingPathComponent("seed-\(seed)")
            let result = try Pimsim.run(["run", scenario, "--seed", seed, "--output", alone.path])
            #expect(result.status == 0, "\(result.stderr)")
            expected.append(try Self.contents(alone))
        }
        #expect(expected[0]["metrics.json"] != expected[1]["metrics.json"])
        let shared = folder.appendingPathComponent("shared")
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for seed in ["1", "2", "1", "2"] {
                group.addTask { try Pimsim.run(["run", scenario, "--seed", seed, "--output", shared.path]).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == [0, 0, 0, 0])
        let final = try Self.contents(shared)
        for name in Self.outputs {
            #expect(final[name] == expected[0][name] || final[name] == expected[1][name], "\(name) is neither run's")
        }
        #expect(Self.entries(shared) == Self.outputs.sorted())
    }

    @Test("a file name that would lead outside Output/ is refused, not followed")
    func fileNameOutsideOutput() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // `..yaml` would name its scenario '.' (Output/. is Output itself), and `...yaml` '..' or
        // itself: neither is a folder name of its own.
        let file = folder.appendingPathComponent("...yaml")
        try "start: 2026-03-02T00:00:00Z\nhorizon: 1d\ntenant: {users: [{id: a}]}\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try Pimsim.run(["run", file.path], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "error: the scenario's name '...yaml' cannot name a folder inside the output directory; "
            + "expected one path component without '/', '\\', NUL or a leading '.'\n")
        #expect(Self.entries(folder) == ["...yaml"])
    }

    @Test("--limit lowers or raises a bound for everything a command reads; a bad setting is a usage error")
    func limitOption() throws {
        let lowered = try Pimsim.run(["validate", "Scenarios/quickstart.yaml", "--limit", "depth=2"])
        #expect(lowered.status == 2)
        #expect(lowered.stderr.hasPrefix("Scenarios/quickstart.yaml:"))
        #expect(lowered.stderr.contains("maps and lists nest 3 levels deep here; at most 2 are accepted (--limit depth=4 raises the limit)"))
        let raised = try Pimsim.run(["validate", "Scenarios/quickstart.yaml", "--limit", "depth=100", "--limit", "users=20000000"])
        #expect(raised.status == 0, "\(raised.stderr)")
        let unknown = try Pimsim.run(["run", "Scenarios/quickstart.yaml", "--limit", "dpth=3"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("--limit: unknown limit 'dpth'; did you mean 'depth'?"))
    }

    @Test("hostile names come out escaped in every output, and as text in CSV")
    func hostileNames() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hostile.yaml")
        try """
            scenario: hostile
            start: 2026-03-02T00:00:00Z
            horizon: 2d
            tenant:
              users:
                - {id: "<script>alert(1)</script>", name: "=cmd|' /C calc'!A0"}
                - {id: "x\\"];evil[label=\\"", name: "@here **bold** [link](http://x)"}
              groups: [{id: "]]></g><script>", roleAssignable: true, members: ["<script>alert(1)</script>"]}]
            assignments:
              - {principal: "]]></g><script>", role: Global Administrator, type: active}
              - {principal: "x\\"];evil[label=\\"", role: Global Administrator, type: eligible}
            workload:
              - {at: 1h, activate: {user: "x\\"];evil[label=\\"", role: Global Administrator, duration: 1h}}
            variants:
              "=1+1": {patch: {horizon: 1d}}

            """.write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try Pimsim.run(["run", file.path, "--compare-replications", "2", "--output", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["report.html", "graph.svg", "summary.md"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("<script>"), "\(name) holds a raw <script>")
            #expect(!text.contains("]]></g>"), "\(name) closes an element from a name")
        }
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(!summary.contains("@here") && !summary.contains("[link](http"))
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("metrics.json"))) is [String: Any])
        for line in try String(contentsOf: out.appendingPathComponent("audit.jsonl"), encoding: .utf8).split(separator: "\n") {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        let dot = try Pimsim.run(["graph", file.path, "--format", "dot", "-o", "-"])
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.contains("\"user:x\\\"];evil[label=\\\"\" [id="))
        #expect(!dot.stdout.contains("\"user:x\"];evil"))
        let compare = try Pimsim.run(["compare", file.path, "--replications", "2", "--output", folder.appendingPathComponent("compare").path])
        #expect(compare.status == 0, "\(compare.stderr)")
        let csv = try String(contentsOf: folder.appendingPathComponent("compare/compare.csv"), encoding: .utf8)
        #expect(csv.contains(",'=1+1,"))
        #expect(!csv.contains(",=1+1,"))
    }
}
