import Foundation
import RunPipeline
@testable import Reports
import Testing
import TestSupport

@Suite("summary.md")
struct MarkdownSummaryTests {
    /// The cells of a Markdown table row, split at unescaped pipes.
    func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        return Array(cells.dropFirst().dropLast()).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test("Markdown escaping: punctuation Markdown or HTML would read, ampersands, line breaks")
    func escapeFunction() {
        #expect(Markup.markdown("a|b*c_d`e<f>g[h](i)") == "a\\|b\\*c\\_d\\`e\\<f\\>g\\[h\\]\\(i\\)")
        #expect(Markup.markdown("x & y\nz\\") == "x &amp; y z\\\\")
        #expect(Markup.markdown("naïve ✓ 1.5-2") == "naïve ✓ 1.5-2")
        #expect(Markup.markdown("@org/admins") == "&#64;org/admins")
    }

    @Test("names are escaped and every table row keeps its columns")
    func escaping() throws {
        let summary = MarkdownSummary.render(try ReportFixtures.hostileInput())
        #expect(!summary.contains("<script>") && !summary.contains("<b>") && !summary.contains("<i>"))
        #expect(summary.contains("\\<script\\>alert\\(1\\)\\</script\\>"))
        #expect(summary.contains("### pimsim · evil\\_co test.1\n"))
        #expect(summary.contains("> Line one &amp; \\<b\\>bold\\</b\\> Line \"two\" with 'quotes' — naïve café ✓ \\| \\*star\\*"))
        var widths: [Int] = []
        for line in summary.split(separator: "\n").map(String.init) {
            if line.hasPrefix("|") {
                widths.append(cells(line).count)
            } else if !widths.isEmpty {
                #expect(Set(widths).count == 1, "a table row has the wrong number of cells")
                widths = []
            }
        }
        // The alert whose subject is a hostile user id, and the CISA check, are listed.
        #expect(summary.contains("CISA.MS.AAD.7.4v1"))
    }

    @Test("headline metrics and the comparison with intervals; bold where the interval excludes 0")
    func content() throws {
        let summary = MarkdownSummary.render(try ReportFixtures.hostileInput())
        #expect(summary.contains("| privilegedHours.total | 77 |"))
        #expect(summary.contains("(10 replications each on common random numbers"))
        #expect(summary.contains("| privilegedHours.total | baseline | 100 [90, 110] | — |"))
        #expect(summary.contains("| privilegedHours.total | v\\_one two | 40.5 [38.25, 42.75] | **-59.5 [-61.13, -57.88]** |"))
        #expect(summary.contains("| privilegedHours.total | \\<script\\>alert\\(1\\)\\</script\\> | 101 [95, 107] | +1 [-2.5, +4.5] |"))
        #expect(summary.contains("1 other metric not listed"))
        #expect(!summary.contains("unchanged.metric"))
        #expect(summary == MarkdownSummary.render(try ReportFixtures.hostileInput()))
    }

    @Test("without alerts or a comparison, the summary says so briefly")
    func quiet() throws {
        var input = Pipeline.reportInput(try ReportFixtures.example("quickstart"))
        input.alerts = []
        let summary = MarkdownSummary.render(input)
        #expect(summary.contains("No alert or check was triggered."))
        #expect(!summary.contains("Variants"))
    }

    @Test("writeReport writes report.html, rankings.csv and summary.md beside metrics.json")
    func writes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pimsim-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ReportFixtures.example("quickstart")
        let paths = try Pipeline.writeReport(outcome, to: folder.path)
        #expect(paths == ["report.html", "rankings.csv", "summary.md"].map { folder.appendingPathComponent($0).path })
        let html = try String(contentsOfFile: paths[0], encoding: .utf8)
        let input = Pipeline.reportInput(outcome)
        #expect(html == HTMLReport.render(input))
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8) == RankedTables.csv(RankedTables.all(input)))
        #expect(try String(contentsOfFile: paths[2], encoding: .utf8) == MarkdownSummary.render(input))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
