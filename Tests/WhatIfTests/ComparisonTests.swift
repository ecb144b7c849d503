import Foundation
import RunPipeline
import Reports
import ScenarioFormat
import Testing
import TestSupport
@testable import WhatIf

@Suite("Compare: common random numbers, paired differences, parallel runs")
struct ComparisonTests {
    @Test("a variant that patches nothing, or sets values equal to the current ones, differs by exactly 0 on every metric")
    func zeroDifference() async throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try plan(StudyPlan.compare(path: path, variants: ["same", "nothing", "no-approval"], replications: 4))
        let results = await plan.run(jobs: 3)
        let report = ComparisonReport(header: plan.header, arms: plan.experiment.arms.map(\.name), results: results)
        let unchanged = report.rows.filter { $0.arm == "same" || $0.arm == "nothing" || $0.arm == "baseline" }
        #expect(unchanged.count == 3 * report.metrics.count)
        for row in unchanged {
            let difference = try #require(row.difference, "\(row.metric) \(row.arm)")
            #expect(difference.mean == 0 && difference.low == 0 && difference.high == 0, "\(row.metric) \(row.arm)")
            #expect(difference.count == 4)
        }
        // The scenario is random: the baseline's replications differ, and dropping approval changes things.
        let blocked = try #require(report.rows.first { $0.metric == "activations.requested" && $0.arm == "baseline" })
        #expect(try #require(blocked.value?.standardDeviation) > 0)
        let wait = try #require(report.rows.first { $0.metric == "friction.waitMinutes.max" && $0.arm == "no-approval" })
        #expect(try #require(wait.difference?.mean) < 0)
        for row in report.table.rows where row.variant == "same" || row.variant == "nothing" {
            #expect(row.difference == ComparisonTable.Estimate(mean: 0, low: 0, high: 0))
        }
    }

    @Test("a per-principal total a variant takes away falls to 0: absent means zero for counts and hours")
    func absentMeansZero() async throws {
        // olivia owns an application whose service principal can grant any role: 48 h at Tier 0.
        // The variant removes her ownership: she never reaches it, and her key disappears.
        let (path, folder) = try scenarioFile("""
        scenario: absent
        start: 2026-03-02T00:00:00Z
        horizon: 2d
        tenant:
          users: [{id: olivia}]
          applications:
            - {id: app, owners: [olivia]}
          servicePrincipals:
            - {id: sp, application: app, appPermissions: [RoleManagement.ReadWrite.Directory]}
        variants:
          no-owner:
            patch: {tenant: {applications: [{id: app}]}}
        """, name: "absent.yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try plan(StudyPlan.compare(path: path, replications: 2))
        let report = ComparisonReport(header: plan.header, arms: plan.experiment.arms.map(\.name), results: await plan.run(jobs: 1))
        let row = try #require(report.rows.first { $0.metric == "tier0.principals.olivia.reachableHours" && $0.arm == "no-owner" })
        #expect(row.value?.mean == 0)
        #expect(row.difference?.mean == -48)
        #expect(!RawResults.absentMeansZero("users.olivia.waitMinutes.p90"))
        #expect(!RawResults.absentMeansZero("tier0.principals.olivia.minSteps"))
        #expect(RawResults.absentMeansZero("roles.Global Administrator.activeHours"))
    }

    @Test("the results do not depend on the number of jobs: the same table and the same compare.json bytes")
    func threadCountIndependence() async throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try plan(StudyPlan.compare(path: path, replications: 5))
        let serial = await plan.run(jobs: 1)
        let parallel = await plan.run(jobs: 4)
        let many = await plan.run(jobs: 64)
        #expect(serial == parallel && serial == many)
        let first = try StudyOutput(header: plan.header, spec: plan.spec, results: serial)
        let second = try StudyOutput(header: plan.header, spec: plan.spec, results: parallel)
        #expect(first.comparison == second.comparison)
        #expect(first.files.map(\.content) == second.files.map(\.content))
        #expect(first.files.map(\.name) == ["compare.json", "compare.csv"])
    }

    @Test("progress: 0 before the first run, then one more per finished run, up to the shard's units")
    func progressReports() async throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try plan(StudyPlan.compare(path: path, replications: 5))
        let recorder = ProgressRecorder()
        let shard = try Shard(index: 2, count: 3)
        let results = await plan.run(shard: shard, jobs: 3, progress: recorder)
        let total = shard.count(of: plan.experiment.unitCount)
        #expect(results.units.count == total)
        #expect(recorder.calls.map(\.done) == Array(0...total))
        #expect(recorder.calls.allSatisfy { $0.total == total })
        #expect(results == (await plan.run(shard: shard, jobs: 3)))
    }

    @Test("cancelled after the first run (one job): no more runs start, and the results say they are incomplete")
    func cancellation() async throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try plan(StudyPlan.compare(path: path, replications: 5))
        let results = await plan.run(jobs: 1, progress: CancellingReporter())
        #expect(results.units.count == 1)
        #expect(!results.isComplete)
    }

    @Test("replication 0 of the baseline is exactly `pimsim run` with the base seed; later ones use other seeds")
    func replicationZeroIsARun() async throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try plan(StudyPlan.compare(path: path, variants: [], replications: 3, seed: 5))
        let results = await plan.run(jobs: 2)
        let scenario = try #require(Pipeline.load(path: path).scenario)
        let run = MetricValues(document: Pipeline.simulate(scenario, seed: 5).document)
        #expect(results.values(arm: 0, replication: 0) == run)
        let seeds = plan.header.replicationSeeds
        #expect(seeds[0] == 5 && Set(seeds).count == 3)
        let later = MetricValues(document: Pipeline.simulate(scenario, seed: seeds[2]).document)
        #expect(results.values(arm: 0, replication: 2) == later)
    }

    @Test("replication seeds: a pure function of (base, r), r = 0 is the base, all valid --seed values")
    func seeds() {
        #expect(ReplicationSeeds.seed(base: 42, replication: 0) == 42)
        let seeds = (0..<1000).map { ReplicationSeeds.seed(base: 42, replication: $0) }
        #expect(Set(seeds).count == 1000)
        #expect(seeds.allSatisfy { $0 <= UInt64(Int64.max) })
        #expect(seeds == (0..<1000).map { ReplicationSeeds.seed(base: 42, replication: $0) })
        #expect(ReplicationSeeds.seed(base: 43, replication: 1) != seeds[1])
    }

    @Test("an unknown variant is an error with a suggestion; nothing runs")
    func unknownVariant() throws {
        let (path, folder) = try scenarioFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .failure(let failure) = StudyPlan.compare(path: path, variants: ["one-hour", "no-aproval"], replications: 2) else {
            Issue.record("an unknown variant was accepted")
            return
        }
        #expect(failure.errorCount == 1)
        #expect(failure.description.contains("unknown variant 'no-aproval'; did you mean 'no-approval'?"))
        guard case .failure(let twice) = StudyPlan.compare(path: path, variants: ["same", "same"], replications: 2) else {
            Issue.record("a repeated variant was accepted")
            return
        }
        #expect(twice.description.contains("variant 'same' is listed twice"))
    }

    @Test("flattening: numbers and booleans by dotted key path; strings, nulls, lists and run.* left out")
    func flattening() {
        let document = JSONValue.object([
            "privilegedHours": .object(["total": .number(12.5), "standing": .integer(3)]),
            "roles": .object(["Global Administrator": .object(["activeHours": .number(1), "privileged": .bool(true)])]),
            "alerts": .object(["X": .object(["firstTrigger": .null, "list": .array([.integer(1)]), "severity": .string("low")])]),
            "run": .object(["seed": .integer(9), "kernelEvents": .integer(100)]),
        ])
        #expect(MetricValues(document: document).values == [
            "privilegedHours.total": 12.5, "privilegedHours.standing": 3,
            "roles.Global Administrator.activeHours": 1, "roles.Global Administrator.privileged": 1,
        ])
    }

    @Test("a metric missing in some replications is summarised over those that have it, with its count")
    func missingMetrics() throws {
        var results = RawResults(arms: 2, replications: 3)
        results.units[0] = MetricValues(["a": 1, "b": 5])
        results.units[1] = MetricValues(["a": 2])
        results.units[2] = MetricValues(["a": 3, "b": 7])
        results.units[3] = MetricValues(["a": 1])
        results.units[4] = MetricValues(["a": 4, "b": 1])
        results.units[5] = MetricValues(["a": 3, "c": 2])
        let header = StudyHeader(scenario: "s", scenarioHash: "h", replications: 3, seed: 1)
        let report = ComparisonReport(header: header, arms: ["baseline", "v"], results: results)
        let b = try #require(report.rows.first { $0.metric == "b" && $0.arm == "baseline" })
        #expect(b.value?.count == 2 && b.value?.mean == 6)
        let bv = try #require(report.rows.first { $0.metric == "b" && $0.arm == "v" })
        #expect(bv.value?.count == 1 && bv.difference == nil)   // replication 1 has b only in v; no pair
        let c = try #require(report.rows.first { $0.metric == "c" && $0.arm == "v" })
        #expect(c.value?.count == 1 && c.difference == nil)
        #expect(!report.rows.contains { $0.metric == "c" && $0.arm == "baseline" })
        // The report's table keeps rows with both a value and a difference.
        #expect(report.table.rows.map { "\($0.metric)/\($0.variant)" } == ["a/baseline", "a/v", "b/baseline"])
        let a = try #require(report.rows.first { $0.metric == "a" && $0.arm == "v" })
        #expect(a.difference?.mean == Double(0 + 2 + 0) / 3)
        #expect(report.jsonText.contains("\"difference\": null"))
    }
}

/// Records every progress call (the runner calls from one task at a time; the lock is for Sendable).
final class ProgressRecorder: ProgressReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [(done: Int, total: Int)] = []

    /// The calls so far, in order.
    var calls: [(done: Int, total: Int)] { lock.withLock { recorded } }

    func progress(done: Int, total: Int) {
        lock.withLock { recorded.append((done, total)) }
    }
}

/// Cancels the task that runs the experiment once the first run is done (the runner reports from
/// that task).
struct CancellingReporter: ProgressReporter {
    func progress(done: Int, total: Int) {
        if done == 1 { withUnsafeCurrentTask { $0?.cancel() } }
    }
}
