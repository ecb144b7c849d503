import Foundation
import TenantModel
import Testing
import TestSupport
import Trace

/// Task generators: seeded sample statistics and the independence of random streams.
@Suite("Task generators")
struct GeneratorTests {
    struct Arrival: Equatable {
        let time: Int64
        let user: Int32
        let duration: Int64
    }

    func arrivals(_ records: [TraceRecord]) -> [Arrival] {
        records.compactMap { record in
            guard case .taskArrived(let time, _, _, let user, _, let duration) = record else { return nil }
            return Arrival(time: time, user: user.rawValue, duration: duration)
        }
    }

    static func poisson(behaviour: String) -> String {
        header(horizon: "30d") + """
        tenant: {users: [{id: ann}, {id: bo}, {id: cy}]}
        policies: {roles: {Global Administrator: {activation: {requireApproval: true, approvers: [cy]}}}}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Global Administrator, type: eligible}
        behaviour: \(behaviour)
        workload:
          - tasks: {users: [ann, bo], role: Global Administrator, every: 1d, duration: {distribution: exponential, mean: 1h}}
        """
    }

    @Test("changing approver or MFA behaviour does not move task arrivals or durations")
    func streamIndependence() throws {
        let base = try makeScenario(Self.poisson(behaviour: "{approvers: {responseTime: 20m}}"))
        let changed = try makeScenario(Self.poisson(behaviour: """
            {approvers: {responseTime: {distribution: lognormal, median: 2h, p90: 9h}, approveRate: 0.3, absence: 0.5}, mfa: {failureRate: 0.4}, deactivateEarly: 0.7}
            """))
        let first = arrivals(trace(base))
        #expect(first.count > 40)
        #expect(first == arrivals(trace(changed)))
        // A different seed does move them.
        #expect(first != arrivals(trace(base, seed: 2)))
        // And the outcomes do differ, so the change was real.
        #expect(coreMetrics(base).activations != coreMetrics(changed).activations)
    }

    @Test("Poisson arrivals and lognormal durations match their parameters (seeded, stated tolerances)")
    func sampleStatistics() throws {
        let scenario = try makeScenario(header(horizon: "365d") + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: active}]
        workload:
          - tasks: {users: [ann], role: Global Administrator, every: 2h, duration: {distribution: lognormal, median: 45m, p90: 2h}}
        """)
        let sample = arrivals(trace(scenario))
        // Expected count 365 * 12 = 4380; Poisson sd = 66; tolerance 4.5 % (3 sd).
        #expect(abs(Double(sample.count) - 4380) <= 0.045 * 4380, "\(sample.count)")
        let durations = sample.map(\.duration).sorted()
        let median = Double(durations[durations.count / 2])
        // Median 2700 s; the sample median's relative sd is about 1.6 % here: tolerance 5 %.
        #expect(abs(median - 2700) <= 0.05 * 2700, "\(median)")
        // P(duration <= p90) = 0.9; binomial sd = 0.0045: tolerance 0.015.
        let below = Double(durations.filter { $0 <= 7200 }.count) / Double(durations.count)
        #expect(abs(below - 0.9) <= 0.015, "\(below)")
    }

    @Test("with a calendar, tasks arrive only in working hours, and the working-time gaps keep their mean")
    func workingHours() throws {
        let scenario = try makeScenario(header(horizon: "120d") + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: active}]
        behaviour: {calendars: {office: {utcOffset: "+01:00", days: [mon, tue, wed, thu, fri], hours: "09:00-17:00"}}}
        workload:
          - tasks: {users: [ann], role: Global Administrator, every: 4h, duration: 10m, calendar: office}
        """)
        let calendar = WorkCalendar(utcOffset: 3600, days: [0, 1, 2, 3, 4], dayStart: 9 * 3600, dayEnd: 17 * 3600)
        let times = arrivals(trace(scenario)).map { scenario.startEpoch + $0.time }
        #expect(times.count > 100)
        #expect(times.allSatisfy { calendar.isWorking($0) })
        // 120 days hold 85-86 weekdays of 8 working hours: about 686 h of working time, so about
        // 171 tasks at one per 4 working hours; Poisson sd 13: tolerance 3 sd.
        #expect(abs(Double(times.count) - 171.5) <= 40, "\(times.count)")
    }

    @Test("working-time arithmetic over a weekend, by hand")
    func calendarArithmetic() throws {
        let calendar = WorkCalendar(utcOffset: 0, days: [0, 1, 2, 3, 4], dayStart: 9 * 3600, dayEnd: 18 * 3600)
        let friday1730 = try TimeSyntaxEpoch.parse("2026-03-06T17:30:00Z")
        let monday0930 = try TimeSyntaxEpoch.parse("2026-03-09T09:30:00Z")
        #expect(calendar.addingWorkingTime(3600, to: friday1730) == monday0930)
        #expect(calendar.local(friday1730).weekday == 4)
        #expect(!calendar.isWorking(try TimeSyntaxEpoch.parse("2026-03-07T12:00:00Z")))
        // Zero working time from a Saturday lands on the next working start.
        #expect(calendar.addingWorkingTime(0, to: try TimeSyntaxEpoch.parse("2026-03-07T12:00:00Z"))
            == (try TimeSyntaxEpoch.parse("2026-03-09T09:00:00Z")))
    }
}

/// Timestamps for expectations, through the format's own parser.
enum TimeSyntaxEpoch {
    static func parse(_ text: String) throws -> Int64 {
        let scenario = try makeScenario("start: \(text)\nhorizon: 1h\ntenant: {}\n")
        return scenario.startEpoch
    }
}

@Suite("Stable random keys")
struct StableKeyTests {
    static func approvals(extra: String) -> String {
        header(horizon: "10d") + """
        tenant: {users: [{id: ann}, {id: bo}, {id: cy}]}
        policies: {default: {activation: {requireApproval: true, approvers: [cy]}}}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: User Administrator, type: eligible}
        behaviour: {approvers: {responseTime: 1h, approveRate: 0.5}}
        workload:
        \(extra)
          - {at: 1d, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 2d, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 3d, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 4d, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 5d, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 6d, activate: {user: ann, role: Global Administrator, duration: 1h}}
        """
    }

    func verdicts(_ scenario: Scenario, user: String) -> [String] {
        RequestStory.read(trace(scenario), scenario: scenario).filter { $0.user == user }.map(\.outcome)
    }

    @Test("unrelated requests earlier in the file do not change a request's approval draws")
    func approvalsStable() throws {
        let base = try makeScenario(Self.approvals(extra: ""))
        let more = try makeScenario(Self.approvals(extra: """
          - {at: 0d, activate: {user: bo, role: User Administrator, duration: 1h}}
          - {at: 0d, activate: {user: bo, role: User Administrator, duration: 1h}}
          - {at: 12h, activate: {user: bo, role: User Administrator, duration: 1h}}
        """))
        let first = verdicts(base, user: "ann")
        #expect(Set(first).count == 2, "\(first): both outcomes should appear with approveRate 0.5")
        #expect(first == verdicts(more, user: "ann"))
    }

    @Test("an unrelated user listed first does not change another user's task arrivals")
    func tasksStable() throws {
        func scenario(_ users: String) throws -> Scenario {
            try makeScenario(header(horizon: "20d") + """
            tenant: {users: [\(users)]}
            assignments: [{principal: ann, role: Global Administrator, type: active}]
            workload:
              - tasks: {users: [ann], role: Global Administrator, every: 1d, duration: 1h}
            """)
        }
        func arrivals(_ scenario: Scenario) -> [Int64] {
            trace(scenario).compactMap { record in
                guard case .taskArrived(let time, _, _, _, _, _) = record else { return nil }
                return time
            }
        }
        let base = arrivals(try scenario("{id: ann}"))
        #expect(base.count > 5)
        #expect(base == arrivals(try scenario("{id: zed}, {id: ann}")))
    }
}
