import ExposureMetrics
import PIMEngine
import TenantModel
import Testing
import TestSupport
import Trace

/// Access reviews: the last reviewer's answer stands, and settings take Graph's
/// `accessReviewScheduleSettings` defaults (auto-apply off).
@Suite("Access reviews: the last decision stands; Graph's defaults")
struct ReviewDecisionTests {
    /// Each item's decisions, as (time, approved, byReviewer).
    func decisions(_ scenario: Scenario) -> [(time: Int64, approved: Bool, byReviewer: Bool)] {
        trace(scenario).compactMap { record in
            guard case .reviewDecided(let time, _, _, _, let approved, let byReviewer) = record else { return nil }
            return (time, approved, byReviewer)
        }
    }

    /// Two selected reviewers answering at random times within the instance, approving half the time.
    static func reviewers(_ list: String, seed: Int) -> String {
        header(horizon: "20d") + """
        seed: \(seed)
        tenant: {users: [{id: ann}, {id: rita}, {id: rob}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        reviews:
          - {name: r, roles: [Global Administrator], reviewers: {selected: \(list)}, start: 1d, duration: 5d,
             reviewer: {delay: {distribution: uniform, min: 1h, max: 3d}, approve: 0.5}, apply: auto}
        """
    }

    @Test("with two reviewers who disagree, the later answer is the decision, at its time")
    func lastAnswerStands() throws {
        // A reviewer's draws depend only on (seed, review, item, reviewer), so each reviewer alone
        // answers as within the pair. Take the first seed where rita and rob disagree.
        var checked = 0
        for seed in 1...200 {
            let rita = try #require(decisions(try makeScenario(Self.reviewers("[rita]", seed: seed))).first)
            let rob = try #require(decisions(try makeScenario(Self.reviewers("[rob]", seed: seed))).first)
            guard rita.approved != rob.approved, rita.time != rob.time else { continue }
            let later = rita.time > rob.time ? rita : rob
            let recorded = decisions(try makeScenario(Self.reviewers("[rita, rob]", seed: seed)))
            #expect(recorded.count == 1)
            #expect(recorded.first?.time == later.time)
            #expect(recorded.first?.approved == later.approved)
            #expect(recorded.first?.byReviewer == true)
            checked += 1
            break
        }
        #expect(checked == 1)
    }

    @Test("one decision per item, at the last answer; applied at the end with apply: auto")
    func oneDecisionApplied() throws {
        let scenario = try makeScenario(header(horizon: "20d") + """
        tenant: {users: [{id: ann}, {id: rita}, {id: rob}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        reviews:
          - {name: r, roles: [Global Administrator], reviewers: {selected: [rita, rob]}, start: 1d, duration: 5d,
             reviewer: {delay: 2d, followRecommendations: true}, apply: auto}
        """)
        let recorded = decisions(scenario)
        // Both answer at 1d + 2d = 72 h: deny (ann had no activity in the 30 days before 1d).
        #expect(recorded.count == 1)
        #expect(recorded.first?.time == h(72))
        #expect(recorded.first?.approved == false)
        // Applied at the end (1d + 5d = 144 h): ann was eligible for 144 h of the 480.
        let folds = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink
        #expect(folds.reviews.metrics.assignmentsRemoved == 1)
        let ga = try #require(folds.core.metrics.roles.first { $0.name == "Global Administrator" })
        #expect(ga.eligibleSeconds == h(144))
    }

    @Test("Graph's default: auto-apply is off, so denials are recorded but nothing is removed")
    func manualApplyByDefault() throws {
        let scenario = try makeScenario(header(horizon: "20d") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Global Administrator, type: eligible}
        reviews:
          - {name: r, roles: [Global Administrator], reviewers: members, start: 1d, reviewer: {respond: 0}, onNoResponse: removeAccess}
        """)
        let review = try #require(scenario.reviews.first)
        // Graph's accessReviewScheduleSettings defaults, as decoded.
        #expect(review.applyDelay == nil)
        #expect(review.recommendationsEnabled)
        #expect(!review.justificationRequired && !review.mailNotifications && !review.reminders)
        #expect(review.lookback == 30 * 86_400)
        #expect(review.duration == 30 * 86_400)
        let folds = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink
        // The instance ends at 31d, after the 20d horizon: still open, nothing decided or removed.
        #expect(folds.reviews.metrics.deniedByDefault == 0)
        #expect(folds.reviews.metrics.assignmentsRemoved == 0)
        let ga = try #require(folds.core.metrics.roles.first { $0.name == "Global Administrator" })
        #expect(ga.eligibleSeconds == 2 * h(480))
    }

    @Test("manual apply: the instance ends and denies by default, but the eligibility stays")
    func manualApplyKeepsAccess() throws {
        let yaml = header(horizon: "20d") + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        reviews:
          - {name: r, roles: [Global Administrator], reviewers: members, start: 1d, duration: 3d, reviewer: {respond: 0}, onNoResponse: removeAccess APPLY}
        """
        let manual = try makeScenario(yaml.replacingOccurrences(of: " APPLY", with: ""))
        let auto = try makeScenario(yaml.replacingOccurrences(of: " APPLY", with: ", apply: auto"))
        let later = try makeScenario(yaml.replacingOccurrences(of: " APPLY", with: ", apply: 2d"))
        func eligibleHours(_ scenario: Scenario) throws -> Int64 {
            let folds = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink
            #expect(folds.reviews.metrics.deniedByDefault == 1)
            return try #require(folds.core.metrics.roles.first { $0.name == "Global Administrator" }).eligibleSeconds / 3600
        }
        // Manual (the default): kept for all 480 h. Auto: removed at the end, 1d + 3d = 96 h.
        // An administrator applying 2 days after the end: removed at 144 h.
        #expect(try eligibleHours(manual) == 480)
        #expect(try eligibleHours(auto) == 96)
        #expect(try eligibleHours(later) == 144)
    }

    @Test("recommendations: false cannot be combined with following or taking recommendations")
    func recommendationsOff() throws {
        let base = header() + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        reviews:
          - {name: r, roles: [Global Administrator], reviewers: members, recommendations: false EXTRA}
        """
        #expect(throws: FixtureError.self) {
            try makeScenario(base.replacingOccurrences(of: " EXTRA", with: ", onNoResponse: takeRecommendations"))
        }
        #expect(throws: FixtureError.self) {
            try makeScenario(base.replacingOccurrences(of: " EXTRA", with: ", reviewer: {followRecommendations: true}"))
        }
        let plain = try makeScenario(base.replacingOccurrences(of: " EXTRA", with: ", mailNotifications: true, reminders: true"))
        #expect(plain.reviews.first?.recommendationsEnabled == false)
        #expect(plain.reviews.first?.mailNotifications == true && plain.reviews.first?.reminders == true)
    }
}
