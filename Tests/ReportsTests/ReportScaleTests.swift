import ExposureMetrics
import Foundation
import RunPipeline
@testable import Reports
import TenantModel
import Testing
import TestSupport
import Trace

/// Issue 19: the report summarises time, ranks its tables and scales its timeline.
@Suite("report.html at scale")
struct ReportScaleTests {
    static let monday: Int64 = 1_772_409_600  // 2026-03-02T00:00:00Z
    static let hour: Int64 = 3_600

    func series(_ steps: [(Int64, Double)]) -> TimeSeries {
        TimeSeries(name: "S", unit: "users", points: steps.map { TimeSeries.Point(time: $0.0 * Self.hour, value: $0.1) })
    }

    func input(horizon: Int64, metrics: JSONValue = .object([:])) -> ReportInput {
        ReportInput(
            scenario: "s", run: MetricsDocument.RunInfo(scenario: "s", variant: nil, seed: 1, start: "2026-03-02T00:00:00Z", events: 0),
            startEpoch: Self.monday, horizon: horizon, metrics: metrics
        )
    }

    @Test("daily bands: min, time-weighted mean and max of each UTC day, by hand")
    func bands() {
        let steps = series([(0, 2), (12, 4), (30, 1), (60, 0)])
        let bands = TimeSummary.bands(steps, startEpoch: Self.monday, horizon: 72 * Self.hour, bin: TimeSummary.day)
        #expect(bands.map(\.min) == [2, 1, 0])
        #expect(bands.map(\.mean) == [3, 1.75, 0.5])
        #expect(bands.map(\.max) == [4, 4, 1])
        // Starting at 06:00, the first and last days are partial and only their part counts.
        let late = TimeSummary.bands(series([(0, 1), (20, 3)]), startEpoch: Self.monday + 6 * Self.hour, horizon: 48 * Self.hour,
                                     bin: TimeSummary.day)
        #expect(late.map(\.from) == [0, 18 * Self.hour, 42 * Self.hour])
        #expect(late.map(\.to) == [18 * Self.hour, 42 * Self.hour, 48 * Self.hour])
        let secondDay: Double = 68.0 / 24  // 1 for 2 hours, then 3 for 22
        #expect(late.map(\.mean) == [1.0, secondDay, 3.0])
        #expect(late.map(\.min) == [1, 1, 3])
        // Weekly bins start on Mondays; a week-long run is hourly, a year daily, longer weekly.
        #expect(TimeSummary.binSize(horizon: 7 * TimeSummary.day) == TimeSummary.hour)
        #expect(TimeSummary.binSize(horizon: 365 * TimeSummary.day) == TimeSummary.day)
        #expect(TimeSummary.binSize(horizon: 1000 * TimeSummary.day) == TimeSummary.week)
        let weeks = TimeSummary.boundaries(startEpoch: Self.monday + 2 * TimeSummary.day, horizon: 14 * TimeSummary.day, bin: TimeSummary.week)
        #expect(weeks == [0, 5 * TimeSummary.day, 12 * TimeSummary.day, 14 * TimeSummary.day])
    }

    @Test("a series is summarised only when it changes more often than every third pixel column")
    func density() {
        let few = series((0..<300).map { (Int64($0), Double($0 % 2)) })
        let many = series((0..<400).map { (Int64($0), Double($0 % 2)) })
        #expect(!TimeSummary.isDense(few, horizon: 8760 * Self.hour, pixels: 1000))
        #expect(TimeSummary.isDense(many, horizon: 8760 * Self.hour, pixels: 1000))
    }

    @Test("intervals: merged per holder, counted as a step series")
    func intervals() {
        let merged = TimeSummary.merged([(30, 40), (0, 10), (5, 15), (15, 20), (50, 50)])
        #expect(merged.map(\.from) == [0, 30] && merged.map(\.to) == [20, 40])
        let count = TimeSummary.countSeries([(0, 10), (5, 15), (15, 20), (10, 10)], name: "n")
        // At 15 one ends as another starts: no change; the empty interval counts for nothing.
        #expect(count.points == [.init(time: 0, value: 1), .init(time: 5, value: 2), .init(time: 10, value: 1), .init(time: 20, value: 0)])
    }

    @Test("weekday × hour profile: the mean over every such hour of the run")
    func profile() {
        // Two weeks from a Monday: 2 users during Monday 09:00-10:00 of the first week only;
        // 4 during Tuesday 09:30-10:00 of the second.
        let steps = series([(0, 0), (9, 2), (10, 0)]).points
            + [TimeSeries.Point(time: (24 * 8 + 9) * Self.hour + 1_800, value: 4), .init(time: (24 * 8 + 10) * Self.hour, value: 0)]
        let profile = TimeSummary.weekHourProfile(TimeSeries(name: "p", points: steps), startEpoch: Self.monday, horizon: 14 * TimeSummary.day)
        #expect(profile[0][9] == 1)  // Monday 09:00
        #expect(profile[1][9] == 1)  // Tuesday 09:00: 4 for half an hour of two such hours
        #expect(profile[0][10] == 0 && profile[6][23] == 0)
        // A run shorter than a week never reaches some cells.
        let short = TimeSummary.weekHourProfile(TimeSeries(name: "p", points: [.init(time: 0, value: 1)]), startEpoch: Self.monday,
                                                horizon: 2 * TimeSummary.day)
        #expect(short[0][0] == 1 && short[2][0] == nil)
    }

    @Test("the approval-wait fold: decided, expired, pending at the horizon; rejected requests never wait")
    func approvalWaits() {
        var fold = ApprovalWaitFold()
        let (ann, bob, carol) = (UserIndex(0), UserIndex(1), UserIndex(2))
        let role = RoleIndex(3)
        let records: [TraceRecord] = [
            .requestSubmitted(time: 100, id: 1, user: ann, role: role, duration: 3_600),
            .approvalRequested(time: 100, id: 1, approvers: [carol]),
            .requestSubmitted(time: 150, id: 2, user: ann, role: role, duration: 3_600),
            .requestRejected(time: 150, id: 2, reason: .requestPending),
            .requestSubmitted(time: 200, id: 3, user: bob, role: role, duration: 3_600),
            .approvalRequested(time: 200, id: 3, approvers: [carol]),
            .requestApproved(time: 1_900, id: 1, approver: carol),
            .activationStarted(time: 1_900, id: 10, request: 1, user: ann, role: role, scheduledEnd: 5_500, scope: "/"),
            .requestSubmitted(time: 2_000, id: 4, user: bob, role: role, duration: 3_600),
            .approvalRequested(time: 2_000, id: 4, approvers: [carol]),
            .requestExpired(time: 88_400, id: 3),
            .finished(horizon: 90_000, pendingRequests: [4], orphanedAssignments: []),
        ]
        for record in records { fold.record(record) }
        #expect(fold.waits == [
            ApprovalWait(user: ann, role: role, from: 100, to: 1_900, outcome: .approved, approver: carol),
            ApprovalWait(user: bob, role: role, from: 200, to: 88_400, outcome: .expired, approver: nil),
            ApprovalWait(user: bob, role: role, from: 2_000, to: 90_000, outcome: .pending, approver: nil),
        ])
    }

    @Test("ranked tables: top rows, a count of the rest, every row in rankings.csv")
    func rankings() throws {
        var users: [String: JSONValue] = [:]
        for number in 0..<40 {
            users["u\(number)"] = .object([
                "privilegedHours": .number(Double(number)), "standingHours": .number(number % 2 == 0 ? Double(number) : 0),
                "jitHours": .number(number % 2 == 1 ? Double(number) : 0), "activations": .integer(Int64(number % 2)),
                "blockedTasks": .integer(0),
            ])
        }
        var input = input(horizon: 7 * TimeSummary.day, metrics: .object(["users": .object(users)]))
        input.approvalWaits = [
            .init(user: "u1", role: "GA", from: 0, to: 600, outcome: "approved", approver: "carol"),
            .init(user: "u3", role: "GA", from: 0, to: 1_800, outcome: "denied", approver: "carol"),
            .init(user: "u5", role: "GA", from: 60, to: 7_260, outcome: "approved", approver: "dave"),
            .init(user: "u7", role: "GA", from: 0, to: 86_400, outcome: "expired"),
        ]
        let tables = RankedTables.all(input)
        let standing = try #require(tables.first { $0.id == "principals-standing" })
        #expect(standing.rows.count == 19)  // u2..u38, even and above zero
        #expect(standing.rows.prefix(3).map(\.name) == ["u38", "u36", "u34"])
        let jit = try #require(tables.first { $0.id == "principals-jit" })
        #expect(jit.rows.count == 20 && jit.rows.first?.name == "u39")
        let approvers = try #require(tables.first { $0.id == "approvers" })
        #expect(approvers.rows.map(\.name) == ["carol", "dave"])
        #expect(approvers.rows[0].cells == ["2", "1", "1", "20", "30"])  // mean (10 + 30) / 2 min, longest 30 min
        let waits = try #require(tables.first { $0.id == "waits" })
        #expect(waits.rows.map(\.name) == ["u7", "u5", "u3", "u1"])
        #expect(waits.rows[1].cells == ["GA", "2026-03-02T00:01:00Z", "120", "approved", "dave"])
        let html = HTMLReport.rankingsSection(input)
        #expect(html.contains("4 more rows not shown (19 in all; see rankings.csv)"))
        #expect(html.contains("5 more rows not shown (20 in all; see rankings.csv)"))
        let shownRows: Int = 15 + 15 + 2 + 4
        #expect(html.components(separatedBy: "<tr><td class=\"num\">").count - 1 == shownRows)
        let csv = RankedTables.csv(tables)
        let records = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.first == "table,rank,name,column,value")
        #expect(records.contains("principals-standing,19,u2,standingHours,2"))
        #expect(records.contains("waits,1,u7,outcome,expired"))
        let cells: Int = (19 + 20) * 5 + 2 * 5 + 4 * 5
        #expect(records.count == 1 + cells)
    }

    @Test("a year of a dense series is drawn as daily bands with weekends; a week of a sparse one as steps")
    func bandCharts() throws {
        let year = 365 * TimeSummary.day
        var dense = input(horizon: year)
        dense.series = [TimeSeries(name: "Busy", unit: "users", points: (0..<2_000).map {
            TimeSeries.Point(time: Int64($0) * (year / 2_000), value: Double(5 + $0 % 11))
        })]
        let html = HTMLReport.render(dense)
        #expect(html.contains("<path class=\"range\""))
        #expect(html.contains("daily min–max band and mean"))
        #expect(html.contains("summarised per day (UTC)"))
        #expect(html.contains("class=\"weekend\""))
        let band = try #require(html.components(separatedBy: "<path class=\"range\" d=\"").dropFirst().first?.prefix { $0 != "\"" })
        #expect(band.split(separator: "H").count - 1 == 2 * 365)  // along the maxima and back along the minima
        #expect(ReportFixtures.parseXML(html).error == nil)
        // Beyond about 500 days a day is under two pixels: weekly bands, no weekend shading, and no word of it.
        var long = dense
        long.horizon = 1_000 * TimeSummary.day
        let longHTML = HTMLReport.render(long)
        #expect(longHTML.contains("weekly min–max band and mean") && !longHTML.contains("class=\"weekend\""))
        #expect(!longHTML.contains("Shaded columns are Saturdays") && html.contains("Shaded columns are Saturdays"))
        let quickstart = HTMLReport.render(Pipeline.reportInput(try ReportFixtures.example("quickstart")))
        #expect(!quickstart.contains("class=\"range\"") && quickstart.contains("<path class=\"area\""))
    }

    @Test("the quickstart's heat maps, by hand: who holds a role just in time, and who waits, per weekday and hour")
    func heatMaps() throws {
        let html = HTMLReport.render(Pipeline.reportInput(try ReportFixtures.example("quickstart")))
        let jit = try #require(html.components(separatedBy: "id=\"heat-jit\"").dropFirst().first?.components(separatedBy: "</figure>").first)
        let waits = try #require(html.components(separatedBy: "id=\"heat-waits\"").dropFirst().first?.components(separatedBy: "</figure>").first)
        #expect(jit.components(separatedBy: "<rect ").count - 1 == 168)
        // Tuesday: Alice holds GA 09:30-10:30, Dan Helpdesk 10:00-18:00.
        #expect(jit.contains("Tue 09:00–10:00: 0.50 users on average"))
        #expect(jit.contains("Tue 10:00–11:00: 1.50 users on average"))
        #expect(jit.contains("Tue 11:00–12:00: 1.00 users on average"))
        #expect(jit.contains("Mon 09:00–10:00: 0.00 users on average"))
        // Alice waits 09:00-09:30 on Tuesday and 14:00-14:30 on Wednesday for Carol.
        #expect(waits.contains("Tue 09:00–10:00: 0.50 requests on average"))
        #expect(waits.contains("Wed 14:00–15:00: 0.50 requests on average"))
        #expect(waits.contains("every cell 0.50 requests"))
        #expect(jit.contains("lightest 0.50, darkest 1.50 users"))
        // Colour steps: empty cells pale, the rest from the smallest to the largest.
        #expect(HTMLReport.heatStep(0, smallest: 1, largest: 5) == 0)
        #expect(HTMLReport.heatStep(1, smallest: 1, largest: 5) == 1 && HTMLReport.heatStep(5, smallest: 1, largest: 5) == 5)
        #expect(HTMLReport.heatStep(3, smallest: 1, largest: 5) == 3 && HTMLReport.heatStep(2, smallest: 2, largest: 2) == 3)
    }

    @Test("a small run keeps one bar per activation; a large one gets role lanes, the busiest users and a note")
    func timelineScales() throws {
        let small = HTMLReport.render(Pipeline.reportInput(try ReportFixtures.example("quickstart")))
        #expect(small.contains("Each bar is one activation") && !small.contains("role-lanes"))
        var large = input(horizon: 28 * TimeSummary.day)
        large.activations = (0..<1_600).map { number in
            let start = Int64(number) * 1_500
            return ReportInput.Activation(user: "u\(number % 40)", role: number % 4 == 0 ? "GA" : "Helpdesk", start: start,
                                          end: start + 3_600, endReason: "expired")
        }
        let html = HTMLReport.render(large)
        #expect(html.contains("Too many activations to draw one bar each (1600 in 40 user and role rows)"))
        #expect(html.contains("id=\"role-lanes\"") && html.contains("The 20 users with the most activations"))
        // 40 users of 40 activations each: the first 20 by name are drawn.
        #expect(html.contains("Left out as bars: 800 activations of 20 other users (drawn: 800 of 1600)"))
        #expect(html.contains("GA: 400 activations; at most 1 at once"))
        #expect(html.contains("Helpdesk: 1200 activations; at most 3 at once"))
        // GA: an hour in every 6000 s, so 0.6 at once over a whole day (the first day starts at 0).
        #expect(html.contains("GA: 400 activations; at most 1 at once; busiest day 0.611 at once on average"))
        #expect(ReportFixtures.parseXML(html).error == nil)
    }
}
