import Foundation
import Reports
import ScenarioFormat
import Testing
import TestSupport
@testable import WhatIf

@Suite("Sweep: grids, patched scenarios, the Pareto front and its chart")
struct SweepTests {
    @Test("grid entries: key paths, values, escapes")
    func parsing() throws {
        let axis = try GridAxis(parsing: "policies.roles.Global Administrator.activation.maxDuration=1h, 4h ,8h")
        #expect(axis.keyPath == ["policies", "roles", "Global Administrator", "activation", "maxDuration"])
        #expect(axis.values == ["1h", "4h", "8h"])
        let escaped = try GridAxis(parsing: #"policies.roles.Ops\.Admin.activation.maxDuration=a\,b,c\\d"#)
        #expect(escaped.keyPath == ["policies", "roles", "Ops.Admin", "activation", "maxDuration"])
        #expect(escaped.values == ["a,b", #"c\d"#])
        #expect(try GridAxis(parsing: escaped.description) == escaped)
    }

    @Test("grid entries that cannot be read say what was expected")
    func parseErrors() {
        func message(_ text: String) -> String {
            do {
                _ = try GridAxis(parsing: text)
                return "parsed"
            } catch {
                return "\(error)"
            }
        }
        #expect(message("policies.default") == "--grid 'policies.default': expected KEYPATH=v1,v2,... such as 'policies.default.activation.maxDuration=1h,4h,8h'")
        #expect(message("policies..x=1").contains("key path 'policies..x' has an empty key"))
        #expect(message("=1,2").contains("key path '' has an empty key"))
        #expect(message("a.b=1,,2").contains("a value is empty"))
        #expect(message("a.b=").contains("a value is empty"))
        #expect(message("a.b=1h,1h") == "--grid 'a.b=1h,1h': the value '1h' is listed twice; each value once")
        #expect(message(#"a\x=1"#).contains(#"'\x' is not an escape"#))
        #expect(message("seed=1,2").contains("'seed' cannot be swept"))
        #expect(throws: GridAxis.ParseError.self) {
            try SweepGrid(axes: [GridAxis(parsing: "a.b=1,2"), GridAxis(parsing: "a.b=3")])
        }
        #expect(throws: GridAxis.ParseError.self) {
            try SweepGrid(axes: [GridAxis(parsing: "a=1,2"), GridAxis(parsing: "a.b=3")])
        }
        #expect(throws: GridAxis.ParseError.self) { try SweepGrid(axes: []) }
    }

    @Test("points: every combination, the first axis slowest; labels by last key")
    func points() throws {
        let grid = try SweepGrid(axes: [GridAxis(parsing: "x.a=1,2"), GridAxis(parsing: "y.b=p,q,r")])
        #expect(grid.pointCount == 6)
        #expect(grid.points == [["1", "p"], ["1", "q"], ["1", "r"], ["2", "p"], ["2", "q"], ["2", "r"]])
        #expect(grid.label(["2", "q"]) == "a=2, b=q")
        let same = try SweepGrid(axes: [GridAxis(parsing: "x.a=1"), GridAxis(parsing: "y.a=2")])
        #expect(same.label(["1", "2"]) == "x.a=1, y.a=2")
    }

    @Test("bad grid values are scenario errors naming the grid entry")
    func patchErrors() throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try SweepGrid(axes: [
            GridAxis(parsing: "policies.roles.Global Administrator.activation.maxDuration=1h,25h"),
            GridAxis(parsing: "behaviour.approvers.approveRate=0.5,lots"),
        ])
        guard case .failure(let failure) = StudyPlan.sweep(path: path, grid: grid, replications: 1) else {
            Issue.record("bad values were accepted")
            return
        }
        let text = failure.description
        #expect(failure.errorCount == 2)
        #expect(text.contains("(in --grid 'policies.roles.Global Administrator.activation.maxDuration=25h')"))
        #expect(text.contains("(in --grid 'behaviour.approvers.approveRate=lots')"))
        #expect(text.contains("policies.roles[\"Global Administrator\"].activation.maxDuration"))

        let typo = try SweepGrid(axes: [GridAxis(parsing: "policies.defaults.activation.maxDuration=1h")])
        guard case .failure(let unknown) = StudyPlan.sweep(path: path, grid: typo, replications: 1) else {
            Issue.record("an unknown key was accepted")
            return
        }
        #expect(unknown.description.contains("unknown key 'defaults'; did you mean 'default'?"))
        #expect(unknown.description.contains("(in --grid 'policies.defaults.activation.maxDuration=1h')"))

        let throughList = try SweepGrid(axes: [GridAxis(parsing: "assignments.role=x")])
        guard case .failure(let list) = StudyPlan.sweep(path: path, grid: throughList, replications: 1) else {
            Issue.record("a key path through a list was accepted")
            return
        }
        #expect(list.description.contains("'assignments' is a list in the scenario; a patch's key path goes through maps only"))

        let notScalar = try SweepGrid(axes: [GridAxis(parsing: "description=[a]")])
        guard case .failure(let scalar) = StudyPlan.sweep(path: path, grid: notScalar, replications: 1) else {
            Issue.record("a list value was accepted")
            return
        }
        #expect(scalar.description.contains("expected a single YAML scalar value"))
    }

    @Test("grid values are YAML scalars merged like a patch: a value equal to the file's changes nothing")
    func patchedScenario() throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let patched = ScenarioLoader.load(path: path, patches: [
            ScenarioPatch(keyPath: ["policies", "roles", "Global Administrator", "activation", "requireApproval"], value: "false"),
            ScenarioPatch(keyPath: ["behaviour", "approvers", "approveRate"], value: "0.25"),
        ])
        let scenario = try #require(patched.scenario, "\(patched.diagnostics)")
        let base = try #require(ScenarioLoader.load(path: path).scenario)
        #expect(scenario.behaviour.approvers.approveRate == 0.25)
        #expect(base.behaviour.approvers.approveRate == 0.9)
        let onVariant = try #require(ScenarioLoader.load(path: path, variant: "one-hour", patches: [
            ScenarioPatch(keyPath: ["behaviour", "approvers", "approveRate"], value: "0.5"),
        ]).scenario)
        #expect(onVariant.behaviour.approvers.approveRate == 0.5)
    }

    @Test("Pareto front by hand: dominated points out, ties and duplicates kept, incomplete points out")
    func paretoFront() {
        let points: [[Double]?] = [
            [1, 5],   // 0: front (least x)
            [2, 3],   // 1: front
            [2, 4],   // 2: dominated by 1
            [3, 3],   // 3: dominated by 1 (equal y, larger x)
            [4, 1],   // 4: front
            [4, 1],   // 5: duplicate of 4: front too
            nil,      // 6: missing a metric
            [5, 1],   // 7: dominated by 4
            [0.5, 9], // 8: front
        ]
        #expect(ParetoFront.indices(points) == [0, 1, 4, 5, 8])
        #expect(ParetoFront.dominates([1, 1], [1, 2]))
        #expect(!ParetoFront.dominates([1, 2], [1, 2]))
        #expect(!ParetoFront.dominates([0, 3], [1, 2]))
        #expect(ParetoFront.indices([[1, 1, 1], [0, 2, 1], [1, 1, 2]]) == [0, 1])
        #expect(ParetoFront.indices([]) == [])
    }

    func report(labels: [String]) throws -> SweepReport {
        let grid = try SweepGrid(axes: [GridAxis(keyPath: ["description"], values: labels)])
        var results = RawResults(arms: labels.count, replications: 2)
        let data: [(Double, Double)] = [(10, 5), (8, 7), (12, 5), (8, 7)]
        for arm in 0..<labels.count {
            let (x, y) = data[arm % data.count]
            results.units[arm * 2] = MetricValues(["privilegedHours.total": x, "friction.waitMinutes.p90": y, "friction.tasks.blocked": 0])
            results.units[arm * 2 + 1] = MetricValues(["privilegedHours.total": x + 1, "friction.waitMinutes.p90": y, "friction.tasks.blocked": 0])
        }
        return try SweepReport(header: StudyHeader(scenario: "s<&>", scenarioHash: "h", replications: 2, seed: 3),
                               variant: nil, grid: grid, results: results)
    }

    @Test("the sweep report: defaults that exist, the front marked in sweep.csv")
    func sweepReport() throws {
        let report = try report(labels: ["a", "b", "c", "d"])
        #expect(report.exposure == ["privilegedHours.total"])
        #expect(report.friction == ["friction.waitMinutes.p90", "friction.tasks.blocked"])
        #expect(report.points.map(\.pareto) == [true, true, false, true])
        let lines = report.csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("description,privilegedHours.total.mean,privilegedHours.total.low,privilegedHours.total.high,"))
        #expect(lines[0].hasSuffix(",pareto"))
        // Point a: privileged hours 10 and 11: mean 10.5, s = √0.5, half-width 12.706205 · √0.5 / √2 = 6.353102.
        #expect(lines[1] == "a,10.5,4.146897631912653,16.85310236808735,5.0,5.0,5.0,0.0,0.0,0.0,true")
        #expect(lines[3].hasSuffix(",false"))
        #expect(throws: SweepReport.AxisError.self) {
            try SweepReport(header: report.header, variant: nil, grid: report.grid,
                            results: RawResults(arms: 4, replications: 1, units: [0: MetricValues(["a": 1]), 1: MetricValues(["a": 1]), 2: MetricValues(["a": 1]), 3: MetricValues(["a": 1])]),
                            exposure: ["privilegedHours.totl"])
        }
    }

    @Test("pareto.svg: every name XML-escaped, same bytes every time")
    func chart() throws {
        let report = try report(labels: ["<script>&amp;", "\"quoted\" 'single'", "plain", "a>b"])
        let svg = ParetoChart.svg(report)
        #expect(svg == ParetoChart.svg(report))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.contains("&lt;script&gt;&amp;amp;"))
        #expect(svg.contains("&quot;quoted&quot; &#39;single&#39;"))
        #expect(svg.contains("s&lt;&amp;&gt;"))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("<polyline"))
        // Every text element's content is free of raw markup characters.
        for piece in svg.components(separatedBy: "<text ").dropFirst() {
            let content = piece.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
            #expect(!content.contains("&") || content.contains(";"))
        }
        #expect(ParetoChart.escape("a&b<c>\"d'") == "a&amp;b&lt;c&gt;&quot;d&#39;")
    }
}
