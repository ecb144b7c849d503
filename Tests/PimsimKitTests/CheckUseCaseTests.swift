import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PimsimKit
import Reports
import RunPipeline
import ScenarioFormat
import TenantModel
import Testing
import TestSupport
import WhatIf

/// `Checks.check` with relative, alert, Tier-0 and replicated assertions, baselines, and the CI
/// results files made from it.
@Suite("Use case: check (relative, alerts, Tier 0, replications, baselines, reports)")
struct CheckUseCaseTests {
    static func file(_ yaml: String) throws -> String { try CheckAndGraphUseCaseTests.file(yaml) }

    /// ann holds Global Administrator for the 48 hours; bo activates it for 3 hours at 2h.
    /// privilegedHours.total: 51 in the baseline, 48 in `none` (no activation).
    static let small = CheckAndGraphUseCaseTests.small.components(separatedBy: "assertions:\n")[0] + """
    assertions:
      - {variant: none, metric: privilegedHours.total, atMost: baseline}
      - {metric: privilegedHours.total, atMost: none, id: NO-MORE}
      - {variant: none, metric: privilegedHours.total, lessThanBaseline: 5%}
      - {variant: none, metric: privilegedHours.total, lessThanBaseline: 10%}
      - {metric: privilegedHours.total, atLeast: 106% of none}
      - {alert: TooManyGlobalAdminsAssignedToTenantAlert, fires: true}
      - {alert: CISA.MS.AAD.7.1v1, fires: false, severity: medium}
      - {tier0: bo, reachesLive: true}
      - {variant: none, tier0: bo, reachesLive: false}
      - {tier0: bo, reaches: false, title: bo never has a path to Tier 0}

    """

    @Test("relative bounds, alert and Tier-0 checks: hand-computed verdicts and messages")
    func verdicts() async throws {
        let path = try Self.file(Self.small)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try await Checks.check(path: path, jobs: 1)
        #expect(check.results.map(\.passed) == [true, false, true, false, true, false, true, true, true, false])
        #expect(check.results.map(\.value) == [48, 51, 48, 48, 51, 0, 0, 3, 0, 48])
        #expect(check.results[1].message == "privilegedHours.total (baseline) = 51 — expected atMost: none (variant none 48): FAILED")
        #expect(check.results[1].line == "assertions[1] (NO-MORE): " + check.results[1].message)
        #expect(check.results[3].message.contains("expected lessThanBaseline: 10% (baseline 0.9 × 51 = 45.9): FAILED"))
        #expect(check.results[4].message.contains("(variant none 1.06 × 48 = 50.88): ok"))
        #expect(check.results[5].message == "alert TooManyGlobalAdminsAssignedToTenantAlert incidents (baseline) = 0 — expected above 0 (fires): FAILED")
        #expect(check.results[5].detail == "0 incidents")
        #expect(check.results[6].severity == .medium)
        #expect(check.results[9].title == "bo never has a path to Tier 0")
        #expect(check.results[9].detail == "first reachable at 2026-03-02T00:00:00Z; shortest path 1 steps")
        #expect(check.lines[1].hasPrefix("\(path): assertions[1] (NO-MORE): "))
        #expect((check.passed, check.failed) == (6, 4))
    }

    /// Approvers answer after a uniform 5-60 minutes: the tasks' wait varies by replication.
    static let replicated = header(horizon: "3d") + """
    scenario: replicated
    replications: 6
    tenant: {users: [{id: ann}, {id: lead}]}
    policies:
      roles:
        Global Administrator: {activation: {requireApproval: true, approvers: [lead]}}
    assignments:
      - {principal: ann, role: Global Administrator, type: eligible}
    behaviour:
      approvers: {responseTime: {distribution: uniform, min: 5m, max: 60m}}
    workload:
      - {at: 2h, task: {user: ann, role: Global Administrator, duration: 30m}}
      - {at: 1d2h, task: {user: ann, role: Global Administrator, duration: 30m}}
    variants:
      fast: {patch: {behaviour: {approvers: {responseTime: 1m}}}}
    assertions:
      - {metric: friction.waitMinutes.max, max: 60}
      - {metric: friction.waitMinutes.max, max: 1000, statistic: upper95}
      - {variant: fast, metric: friction.waitMinutes.max, atMost: baseline, statistic: upper95}

    """

    @Test("replications: the mean, the interval's upper end, and paired differences over common random numbers")
    func replications() async throws {
        let path = try Self.file(Self.replicated)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try await Checks.check(path: path, jobs: 2)
        #expect(check.replications == 6)
        // The same runs made independently: replication r of each arm with ReplicationSeeds' seed.
        let baseline = try makeScenario(Self.replicated)
        let fast = try makeScenario(Self.replicated, variant: "fast")
        func waits(_ scenario: Scenario) -> [Double] {
            (0..<6).map { replication in
                let seed = ReplicationSeeds.seed(base: 1, replication: replication)
                return Pipeline.simulate(scenario, seed: seed).document.value(at: ["friction", "waitMinutes", "max"])?.doubleValue ?? .nan
            }
        }
        let base = waits(baseline), quick = waits(fast)
        #expect(Set(base).count > 1, "the waits must vary for the test to mean anything")
        let summary = try #require(Statistics.summary(base))
        #expect(check.results[0].value == summary.mean)
        #expect(check.results[1].value == summary.high)
        let difference = try #require(Statistics.pairedDifferences(quick, baseline: base))
        #expect(difference.high < 0)
        #expect(check.results[2].passed)
        #expect(check.results[1].message.contains("upper95 "))
        #expect(check.results[1].message.contains("over 6 replications"))
    }

    @Test("--baseline cisa: MS.AAD.7.1-7.9 named by control id, each passing exactly when its CISA check never fires")
    func cisaBaseline() async throws {
        let cisa = try SecurityBaselines.resolve("cisa")
        #expect(cisa.assertions.map(\.id) == (1...9).map { "MS.AAD.7.\($0)v1" })
        let path = repositoryRoot.appendingPathComponent("Scenarios/quickstart.yaml").path
        let check = try await Checks.check(path: path, baselines: [cisa])
        let results = check.results.filter { $0.source == "cisa" }
        #expect(results.count == 9)
        let document = Pipeline.simulate(try #require(Pipeline.load(path: path).scenario)).document
        for result in results {
            let incidents = document.value(at: ["alerts", "CISA.\(result.id)", "incidents"])?.doubleValue
            #expect(result.passed == (incidents == 0), "\(result.id)")
            #expect(check.lines.contains("\(path): cisa \(result.id): \(result.message)"))
        }
        #expect(results.last?.severity == .medium)
        // docs/baselines/cisa.yaml is the built-in baseline's copy.
        let shipped = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/baselines/cisa.yaml"), encoding: .utf8)
        #expect(shipped == SecurityBaselines.cisaText + "\n")
    }

    @Test("a baseline file's checks run on any scenario; what the scenario lacks is an error, not a pass")
    func baselineFile() async throws {
        let baselinePath = try Self.file("""
        baseline: team
        assertions:
          - {id: T1, metric: standingAdmins.max, max: 1}
          - {id: T2, variant: strict, metric: standingAdmins.max, max: 0}
          - {id: T3, tier0: nobody, reaches: false}
        """)
        let path = try Self.file(Self.small)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: baselinePath)
        }
        let team = try SecurityBaselines.resolve(baselinePath)
        let check = try await Checks.check(path: path, baselines: [team])
        let results = check.results.filter { $0.source == "team" }
        #expect(results.map(\.passed) == [true, false, false])
        #expect(results.map(\.erred) == [false, true, true])
        #expect(results[1].message.contains("the scenario has no variant 'strict'"))
        #expect(results[2].message.contains("the tenant has no user or service principal 'nobody'"))
        #expect(throws: UseCaseError.self) { try SecurityBaselines.resolve("/no/such/baseline.yaml") }
    }

    @Test("JUnit XML: one testsuite per file, one testcase per check, failures and errors with message and text")
    func junit() async throws {
        let path = try Self.file(Self.small)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try await Checks.check(path: path, jobs: 1)
        let text = CheckReports.junit([check, check])
        let document = try XMLDocument(data: Data(text.utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "20")
        #expect(root.attribute(forName: "failures")?.stringValue == "8")
        #expect(root.attribute(forName: "errors")?.stringValue == "0")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 2)
        #expect(suites[0].attribute(forName: "name")?.stringValue == "small")
        let cases = suites[0].elements(forName: "testcase")
        #expect(cases.count == 10)
        #expect(cases[1].attribute(forName: "name")?.stringValue == "NO-MORE: privilegedHours.total atMost: none (baseline)")
        #expect(cases[1].attribute(forName: "line")?.stringValue == "\(check.results[1].assertion.line)")
        let failure = try #require(cases[1].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == check.results[1].message)
        #expect(failure.stringValue?.hasPrefix("\(path): assertions[1] (NO-MORE)") == true)
        #expect(cases[0].elements(forName: "failure").isEmpty)
    }

    @Test("Maester-shaped JSON: Result, counts, Tests with Id, Title, Severity, Result and ResultDetail")
    func maester() async throws {
        let path = try Self.file(Self.small)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try await Checks.check(path: path, jobs: 1)
        let text = CheckReports.maester([check])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["Result"] as? String == "Failed")
        #expect(object["PassedCount"] as? Int == 6)
        #expect(object["FailedCount"] as? Int == 4)
        #expect(object["TotalCount"] as? Int == 10)
        let tests = try #require(object["Tests"] as? [[String: Any]])
        #expect(tests.count == 10)
        #expect(tests[1]["Id"] as? String == "NO-MORE")
        #expect(tests[1]["Result"] as? String == "Failed")
        #expect(tests[1]["Severity"] as? String == "High")
        #expect(tests[6]["Severity"] as? String == "Medium")
        #expect(tests[9]["Title"] as? String == "bo never has a path to Tier 0")
        let detail = try #require(tests[9]["ResultDetail"] as? [String: Any])
        #expect((detail["TestResult"] as? String)?.contains("first reachable at 2026-03-02T00:00:00Z") == true)
        #expect(detail["TestDescription"] as? String != nil)
        #expect((object["Blocks"] as? [[String: Any]])?.first?["Name"] as? String == "small")
        #expect(text == CheckReports.maester([check]), "the same checks give the same bytes")
    }

    @Test("Markdown: totals, failures first with scenario, run, check, value and bound, passes folded")
    func markdown() async throws {
        let path = try Self.file(Self.small)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try await Checks.check(path: path, jobs: 1)
        let text = CheckReports.markdown([check])
        #expect(text.hasPrefix("## pimsim check: ❌ 6 passed, 4 failed\n"))
        #expect(text.contains("| ❌ | small | baseline | NO-MORE: privilegedHours.total atMost: none | 51 | atMost: none |"))
        #expect(text.contains("<details><summary>6 passed</summary>"))
        let failures = try #require(text.range(of: "| ❌ |"))
        let passes = try #require(text.range(of: "| ✅ |"))
        #expect(failures.lowerBound < passes.lowerBound)
    }

    @Test("names with markup characters come out escaped: the JUnit XML parses back to them, Markdown tables keep their columns")
    func awkwardNames() async throws {
        let path = try Self.file(Self.small)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var check = try await Checks.check(path: path, jobs: 1)
        let name = "a<b & \"c\" | d's > e"
        check.scenario = name
        check.path = "dir|x/<weird> & 'file'.yaml"
        let junit = CheckReports.junit([check])
        let document = try XMLDocument(data: Data(junit.utf8))
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "name")?.stringValue == name)
        let markdown = CheckReports.markdown([check])
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ✅") || $0.hasPrefix("| ❌") || $0.hasPrefix("| ⚠️") }
        #expect(rows.count == check.results.count)
        let header = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| ") })
        // An unescaped `|` in a cell would add a column.
        let columns = { (line: Substring) in line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        for row in rows { #expect(columns(row) == columns(header), "\(row)") }
        let maester = CheckReports.maester([check])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(maester.utf8)) as? [String: Any])
        #expect((object["Blocks"] as? [[String: Any]])?.first?["Name"] as? String == name)
    }
}
