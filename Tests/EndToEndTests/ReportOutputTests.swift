import Foundation
import Testing
import TestSupport

@Suite("pimsim run: report.html and summary.md")
struct ReportOutputTests {
    @Test("run writes report.html and summary.md beside metrics.json and names every file it wrote")
    func writesReport() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Pimsim.run(["run", "Scenarios/weekend-approvals.yaml", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["metrics.json", "report.html", "summary.md"] {
            #expect(result.stdout.contains("wrote \(folder.appendingPathComponent(name).path)\n"))
        }
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<h1>weekend-approvals</h1>"))
        #expect(html.contains("Users holding privileged roles"))
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.hasPrefix("### pimsim · weekend-approvals\n"))
        #expect(summary.contains("| globalAdmins.max | 6 |"))
    }

    @Test("the report of the same run is byte-identical; a variant's goes to its own folder")
    func deterministicAndVariants() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var reports: [String] = []
        for _ in 0..<2 {
            let result = try Pimsim.run(["run", "Scenarios/quickstart.yaml", "--output", folder.path])
            #expect(result.status == 0)
            reports.append(try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
                + String(contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8))
        }
        #expect(reports[0] == reports[1])
        let scenario = repositoryRoot.appendingPathComponent("Scenarios/weekend-approvals.yaml").path
        let variant = try Pimsim.run(["run", scenario, "--variant", "one-hour"], in: folder)
        #expect(variant.status == 0)
        let html = try String(contentsOf: folder.appendingPathComponent("Output/weekend-approvals/variants/one-hour/report.html"), encoding: .utf8)
        #expect(html.contains("<h1>weekend-approvals · one-hour</h1>"))
    }
}
