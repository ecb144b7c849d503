import Foundation
import Testing
import TestSupport

@Suite("pimsim graph, end to end")
struct GraphCommandTests {
    @Test("run writes graph.svg at the peak beside metrics.json")
    func runWritesGraph() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Pimsim.run(["run", "Scenarios/app-escalation.yaml", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("graph.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains(#"<g id="user:olivia" class="node">"#))
        #expect(svg.contains("7 principals can reach Tier 0"))
    }

    @Test("graph --paths --list prints each path; DOT to standard output is deterministic")
    func listAndDot() throws {
        let arguments = ["graph", "Scenarios/app-escalation.yaml", "--paths", "--list", "--timings", "--format", "dot", "-o", "-"]
        let first = try Pimsim.run(arguments)
        let second = try Pimsim.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("digraph privileges {"))
        #expect(first.stderr.contains("timings: load "))
        #expect(first.stderr.contains(
            "user:olivia\t3 steps\tlive\tno gates\tuser:olivia -[owner]-> app:payroll-app -[runs as]-> sp:payroll-sp"
        ))
    }

    @Test("--at, --focus, --diff and the formats write their files")
    func optionsAndFormats() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (format, magic) in [("png", [UInt8]([0x89, 0x50, 0x4E, 0x47])), ("pdf", Array("%PDF".utf8))] {
            let file = folder.appendingPathComponent("g.\(format)").path
            let result = try Pimsim.run(["graph", "Scenarios/quickstart.yaml", "--at", "6d0h30m", "--format", format, "-o", file])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: file)).prefix(4)) == magic)
        }
        let focus = try Pimsim.run(["graph", "Scenarios/quickstart.yaml", "--focus", "carol", "--format", "dot", "-o", "-"])
        #expect(focus.status == 0)
        #expect(focus.stdout.contains("\"user:carol\""))
        #expect(!focus.stdout.contains("\"user:frank\""))
        let diff = try Pimsim.run(["graph", "Scenarios/jit-migration.yaml", "--diff", "eligible-2h", "--format", "dot", "-o", "-"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("label=\"+ eligible"))
    }

    @Test("bad options exit 2 with a message that quotes the value")
    func errors() throws {
        let focus = try Pimsim.run(["graph", "Scenarios/quickstart.yaml", "--focus", "nobody"])
        #expect(focus.status == 2)
        #expect(focus.stderr.contains("'nobody'"))
        let late = try Pimsim.run(["graph", "Scenarios/quickstart.yaml", "--at", "30d"])
        #expect(late.status == 2)
        #expect(late.stderr.contains("after the horizon"))
        let both = try Pimsim.run(["graph", "Scenarios/quickstart.yaml", "--at", "1d", "--peak"])
        #expect(both.status == 64)
    }
}
