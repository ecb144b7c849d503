import ExposureMetrics
import PIMEngine
import RunPipeline
import Reports
import TenantModel
import Testing
import TestSupport
import Trace

@Suite("Timeline fold: series and activations for the report")
struct TimelineFoldTests {
    static let scenarios = ["quickstart", "jit-migration", "leaver-approvals", "weekend-approvals", "role-settings", "compromised-admin", "governance"]

    /// A step series as `(hours, value)` pairs, for readable expectations.
    func steps(_ series: TimeSeries) -> [String] {
        series.points.map { "\(Double($0.time) / 3600)h=\(Markup.number($0.value))" }
    }

    func number(_ document: JSONValue, _ key: String) -> Double? {
        MetricsDocument.value(of: key, in: document)?.doubleValue
    }

    @Test("standing admins and Global Administrators agree with metrics.json on every example and variant", arguments: scenarios)
    func agreesWithMetrics(name: String) throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/\(name).yaml").path
        let base = try #require(Pipeline.load(path: path).scenario)
        for variant in [nil] + base.variants.map(\.name) {
            let scenario = try #require(Pipeline.load(path: path, variant: variant).scenario)
            let outcome = Pipeline.simulate(scenario, variant: variant)
            let series = outcome.timeline.series
            try #require(series.count == 3)
            #expect(series[0].name == TimelineFold.standingAdminsName && series[1].name == TimelineFold.globalAdminsName)
            let horizon = scenario.horizon
            for (index, family) in [(0, "standingAdmins"), (1, "globalAdmins")] {
                let doc = outcome.document
                let label = "\(name) \(variant ?? "baseline") \(family)"
                #expect(series[index].max == number(doc, "\(family).max"), "\(label).max")
                #expect(series[index].min == number(doc, "\(family).min"), "\(label).min")
                #expect(series[index].end == number(doc, "\(family).end"), "\(label).end")
                #expect(series[index].mean(horizon: horizon) == number(doc, "\(family).mean"), "\(label).mean")
            }
            // Everyone holding GA, or a privileged role through a standing path, holds a privileged role.
            let times = Set(series.flatMap { $0.points.map(\.time) })
            for time in times {
                #expect(series[2].value(at: time) >= series[0].value(at: time))
                #expect(series[2].value(at: time) >= series[1].value(at: time))
            }
            // Points only where the value changes, in time order, from time 0.
            for one in series {
                #expect(one.points.first?.time == 0)
                #expect(zip(one.points, one.points.dropFirst()).allSatisfy { $0.time < $1.time && $0.value != $1.value })
            }
        }
    }

    static let tiny = header(horizon: "10h") + """
    tenant: {users: [{id: ann}, {id: bo}, {id: cy}, {id: dee}]}
    assignments:
      - {principal: ann, role: Global Administrator, type: active}
      - {principal: bo, role: Global Administrator, type: eligible}
      - {principal: cy, role: User Administrator, type: active, start: 4h, end: 8h}
      - {principal: dee, role: User Administrator, type: eligible}
    workload:
      - {at: 1h, activate: {user: dee, role: User Administrator, duration: 8h}}
      - {at: 2h, activate: {user: bo, role: Global Administrator, duration: 3h}}
      - {at: 3h, deactivate: {user: dee, role: User Administrator}}
    events:
      - {at: 6h, leave: ann}
    """

    @Test("a tiny scenario's series and activations, computed by hand")
    func handComputed() throws {
        let scenario = try makeScenario(Self.tiny)
        let timeline = PIMReplay.run(scenario, sink: TimelineFold(scenario: scenario)).sink.timeline
        // Standing: ann 0-6h (disabled at 6h), cy 4h-8h.
        #expect(steps(timeline.series[0]) == ["0.0h=1", "4.0h=2", "6.0h=1", "8.0h=0"])
        // GA by any path: ann 0-6h, bo activated 2h-5h.
        #expect(steps(timeline.series[1]) == ["0.0h=1", "2.0h=2", "5.0h=1", "6.0h=0"])
        // Any privileged role: ann 0-6h, dee 1h-3h, bo 2h-5h, cy 4h-8h.
        #expect(steps(timeline.series[2]) == ["0.0h=1", "1.0h=2", "2.0h=3", "3.0h=2", "4.0h=3", "5.0h=2", "6.0h=1", "8.0h=0"])
        let heldHours: Double = 1 + 2 + 3 + 2 + 3 + 2 + 2 * 1
        #expect(timeline.series[2].mean(horizon: scenario.horizon) == heldHours / 10)
        let users = timeline.activations.map { scenario.tenant[$0.user].id }
        #expect(users == ["dee", "bo"])
        #expect(timeline.activations.map(\.start) == [h(1), h(2)])
        #expect(timeline.activations.map(\.end) == [h(3), h(5)])
        #expect(timeline.activations.map(\.reason) == [.deactivated, .expired])
        #expect(timeline.omittedActivations == 0)
    }

    @Test("past the limit, activations are counted, not kept; one still active at the horizon has no end")
    func activationLimit() throws {
        let scenario = try makeScenario(header(horizon: "10h") + """
        tenant: {users: [{id: ann}]}
        assignments:
          - {principal: ann, role: User Administrator, type: eligible}
        workload:
          - {at: 1h, activate: {user: ann, role: User Administrator, duration: 1h}}
          - {at: 3h, activate: {user: ann, role: User Administrator, duration: 1h}}
          - {at: 9h, activate: {user: ann, role: User Administrator, duration: 2h}}
        """)
        let all = PIMReplay.run(scenario, sink: TimelineFold(scenario: scenario)).sink.timeline
        #expect(all.activations.count == 3 && all.omittedActivations == 0)
        #expect(all.activations.last?.end == nil && all.activations.last?.reason == nil)
        let limited = PIMReplay.run(scenario, sink: TimelineFold(scenario: scenario, activationLimit: 1)).sink.timeline
        #expect(limited.activations.count == 1 && limited.omittedActivations == 2)
        #expect(limited.activations.first?.end == h(2))
        #expect(limited.series == all.series)
    }
}
