import Foundation
import Testing
@testable import Reports

/// Outputs that a hostile name cannot turn against their reader, written whole or not at all,
/// and only inside the chosen folder.
@Suite("Safe outputs: CSV formulas, output paths, atomic writes")
struct SafeOutputTests {
    @Test("CSV cells a spreadsheet would run as formulas get a leading quote; numbers stay numbers")
    func csvFormulas() {
        #expect(CSV.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSV.field("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0")
        #expect(CSV.field("-2+3") == "'-2+3")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("\tx") == "'\tx")
        #expect(CSV.field("\r=x") == "\"'\r=x\"")
        #expect(CSV.field("-") == "'-")
        // Numbers, negative or with an exponent, are not formulas.
        for number in ["-2.5", "-0", "+1e3", "-1.5e-7", "2", "0.25"] { #expect(CSV.field(number) == number) }
        #expect(CSV.field("-1e") == "'-1e")
        #expect(CSV.field("--1") == "'--1")
        #expect(CSV.field("a=b") == "a=b")
        #expect(CSV.record(["=1+1", "-3", "ops"]) == "'=1+1,-3,ops\r\n")
    }

    @Test("a name from the input must be one path component inside the output directory")
    func outputPaths() throws {
        #expect(try OutputPath.folder("Output", [("quarterly review", "the scenario's name"), ("variants", ""), ("strict", "the variant's name")])
            == "Output/quarterly review/variants/strict")
        for name in ["..", ".", "", "../etc", "a/b", "a\\b", ".hidden", "a\0b"] {
            #expect(throws: OutputPath.Refused(name: name, role: "the scenario's name")) {
                try OutputPath.folder("Output", [(name, "the scenario's name")])
            }
        }
        let refused = OutputPath.Refused(name: "../../etc", role: "the variant's name")
        #expect(refused.description == "the variant's name '../../etc' cannot name a folder inside the output directory; "
            + "expected one path component without '/', '\\', NUL or a leading '.'")
        #expect(OutputPath.join("out/", "a.json") == "out/a.json" && OutputPath.join("out", "a.json") == "out/a.json")
    }

    /// A fresh folder, removed afterwards.
    final class Folder {
        let path = NSTemporaryDirectory() + "pimsim-safe-output-" + UUID().uuidString
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
    }

    @Test("temporary names are unique within a process; stale ones of dead processes are removed, live ones kept")
    func temporaryFiles() throws {
        let folder = try Folder()
        let target = folder.path + "/metrics.json"
        let first = AtomicFile.temporaryPath(for: target)
        let second = AtomicFile.temporaryPath(for: target)
        #expect(first != second)
        #expect(URL(fileURLWithPath: first).lastPathComponent.hasPrefix(".metrics.json.\(ProcessInfo.processInfo.processIdentifier)-"))
        // A process id above the kernel's maximum (4194304) never runs.
        let stale = [".metrics.json.99999999-3.tmp", ".metrics.json.99999999-4.tmp-journal"]
        let live = ".metrics.json.\(ProcessInfo.processInfo.processIdentifier)-999999.tmp"
        for name in stale + [live, ".other.json.99999999-1.tmp"] {
            #expect(FileManager.default.createFile(atPath: folder.path + "/" + name, contents: Data("half".utf8)))
        }
        try AtomicFile.write("{}", to: target)
        #expect(folder.entries == [".metrics.json.\(ProcessInfo.processInfo.processIdentifier)-999999.tmp", ".other.json.99999999-1.tmp", "metrics.json"])
    }

    @Test("a planted link under the temporary name is not followed")
    func exclusiveCreation() throws {
        let folder = try Folder()
        let target = folder.path + "/summary.md"
        let planted = AtomicFile.temporaryPath(for: target)
        let victim = folder.path + "/victim.txt"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write(Data("new".utf8), to: target, through: planted) }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("writers racing on one file: it ends whole, as one of them wrote it, with no temporary file left")
    func concurrentWriters() async throws {
        let folder = try Folder()
        let target = folder.path + "/report.html"
        let contents = (0..<16).map { index in String(repeating: "writer \(index) ", count: 20_000) }
        await withTaskGroup(of: Void.self) { group in
            for content in contents {
                group.addTask { for _ in 0..<5 { try? AtomicFile.write(content, to: target) } }
            }
        }
        let final = try String(contentsOfFile: target, encoding: .utf8)
        #expect(contents.contains(final))
        #expect(folder.entries == ["report.html"])
    }
}
