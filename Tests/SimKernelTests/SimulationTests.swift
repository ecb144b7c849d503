import Testing
@testable import SimKernel

/// A test event: a name, plus an optional follow-up the handler schedules when it runs.
struct LogEvent: Equatable {
    var name: String
    var follow: Follow?

    struct Follow: Equatable {
        var name: String
        var time: SimTime
        var phase: UInt8
    }

    init(_ name: String, then follow: Follow? = nil) {
        self.name = name
        self.follow = follow
    }
}

/// A model that records every kernel callback as a line of text.
struct LoggingModel: SimulationModel {
    var log: [String] = []
    /// Events to schedule from `phaseEnded`, keyed by "time/phase"; each fires once.
    var onPhaseEnd: [String: LogEvent.Follow] = [:]

    mutating func handle(_ payload: LogEvent, now: SimTime, queue: inout EventQueue<LogEvent>) {
        log.append("handle \(payload.name)@\(now)")
        if let follow = payload.follow {
            queue.schedule(LogEvent(follow.name), at: follow.time, phase: follow.phase)
        }
    }

    mutating func phaseEnded(_ phase: UInt8, now: SimTime, queue: inout EventQueue<LogEvent>) {
        log.append("phaseEnded \(phase)@\(now)")
        if let follow = onPhaseEnd.removeValue(forKey: "\(now)/\(phase)") {
            queue.schedule(LogEvent(follow.name), at: follow.time, phase: follow.phase)
        }
    }

    mutating func instantEnded(now: SimTime) {
        log.append("instantEnded@\(now)")
    }
}

/// A model that implements `handle` only, relying on the protocol's default boundary callbacks.
struct HandleOnlyModel: SimulationModel {
    var handled: [Int] = []
    mutating func handle(_ payload: Int, now: SimTime, queue: inout EventQueue<Int>) {
        handled.append(payload)
    }
}

@Suite("Simulation.run")
struct SimulationTests {
    /// The hand-built schedule of the main test, horizon 100.
    static func mainScenario() -> (LoggingModel, EventQueue<LogEvent>) {
        var queue = EventQueue<LogEvent>()
        queue.schedule(LogEvent("a"), at: 10, phase: 0)
        queue.schedule(LogEvent("b"), at: 10, phase: 0)
        // Handler schedules "d" at the same instant in a later phase.
        queue.schedule(LogEvent("c", then: .init(name: "d", time: 10, phase: 2)), at: 10, phase: 1)
        // Same time and phase as a and b, scheduled after c: still runs in phase 0, after b.
        queue.schedule(LogEvent("e"), at: 10, phase: 0)
        queue.schedule(LogEvent("f"), at: 20, phase: 1)
        // Handler schedules "k" at a later instant.
        queue.schedule(LogEvent("g", then: .init(name: "k", time: 30, phase: 0)), at: 20, phase: 2)
        queue.schedule(LogEvent("h"), at: 100, phase: 0)  // at the horizon: not handled
        queue.schedule(LogEvent("i"), at: 150, phase: 0)  // after the horizon: not handled
        // Earliest time, highest phase, scheduled last: still first.
        queue.schedule(LogEvent("x"), at: 5, phase: 7)
        var model = LoggingModel()
        // When phase 1 ends at t=20, schedule "p" at t=20 in phase 3 (after g's phase 2).
        model.onPhaseEnd["20/1"] = .init(name: "p", time: 20, phase: 3)
        // When phase 0 ends at t=30, schedule "q" at t=30 in phase 0 again: handled next.
        model.onPhaseEnd["30/0"] = .init(name: "q", time: 30, phase: 0)
        return (model, queue)
    }

    /// The expected log, derived by hand from the schedule above.
    static let expectedMainLog = [
        "handle x@5", "phaseEnded 7@5", "instantEnded@5",
        "handle a@10", "handle b@10", "handle e@10", "phaseEnded 0@10",
        "handle c@10", "phaseEnded 1@10",
        "handle d@10", "phaseEnded 2@10", "instantEnded@10",
        "handle f@20", "phaseEnded 1@20",       // schedules p at 20/3
        "handle g@20", "phaseEnded 2@20",       // g scheduled k at 30/0
        "handle p@20", "phaseEnded 3@20", "instantEnded@20",
        "handle k@30", "phaseEnded 0@30",       // schedules q at 30/0
        "handle q@30", "phaseEnded 0@30", "instantEnded@30",
    ]

    @Test("exact sequence of handle / phaseEnded / instantEnded calls")
    func exactCallSequence() {
        var (model, queue) = Self.mainScenario()
        let stats = Simulation.run(&model, queue: &queue, horizon: 100)
        #expect(model.log == Self.expectedMainLog)
        // x, a, b, e, c, d, f, g, p, k, q
        #expect(stats.eventsHandled == 11)
        // 5, 10, 20, 30
        #expect(stats.instants == 4)
        // h (100) and i (150) are left; nothing at or after the horizon was handled.
        #expect(stats.eventsLeftPending == 2)
        #expect(queue.count == 2)
        #expect(queue.popFirst()?.payload.name == "h")
        #expect(queue.popFirst()?.payload.name == "i")
        // Both phaseEnded hooks fired.
        #expect(model.onPhaseEnd.isEmpty)
    }

    @Test("an event a handler schedules at the horizon is left pending")
    func handlerSchedulesAtHorizon() {
        var queue = EventQueue<LogEvent>()
        queue.schedule(LogEvent("a", then: .init(name: "late", time: 50, phase: 0)), at: 49, phase: 4)
        var model = LoggingModel()
        let stats = Simulation.run(&model, queue: &queue, horizon: 50)
        // The only pending event is at the horizon, so the boundaries are still announced.
        #expect(model.log == ["handle a@49", "phaseEnded 4@49", "instantEnded@49"])
        #expect(stats.eventsHandled == 1)
        #expect(stats.instants == 1)
        #expect(stats.eventsLeftPending == 1)
        #expect(queue.first?.payload.name == "late")
    }

    @Test("a handler scheduling in its own phase and instant is handled before phaseEnded")
    func sameKeyFollowUp() {
        var queue = EventQueue<LogEvent>()
        queue.schedule(LogEvent("a", then: .init(name: "a2", time: 3, phase: 1)), at: 3, phase: 1)
        queue.schedule(LogEvent("b"), at: 3, phase: 1)
        var model = LoggingModel()
        let stats = Simulation.run(&model, queue: &queue, horizon: 10)
        // a2 gets a later sequence than b, so it runs after b within phase 1.
        #expect(model.log == ["handle a@3", "handle b@3", "handle a2@3", "phaseEnded 1@3", "instantEnded@3"])
        #expect(stats.eventsHandled == 3)
        #expect(stats.instants == 1)
        #expect(stats.eventsLeftPending == 0)
    }

    @Test("an empty queue runs nothing")
    func emptyQueue() {
        var queue = EventQueue<LogEvent>()
        var model = LoggingModel()
        let stats = Simulation.run(&model, queue: &queue, horizon: 1_000)
        #expect(model.log.isEmpty)
        #expect(stats == RunStatistics())
        #expect(stats.eventsHandled == 0 && stats.instants == 0 && stats.eventsLeftPending == 0)
    }

    @Test("horizon 0 leaves every event pending")
    func zeroHorizon() {
        var queue = EventQueue<LogEvent>()
        queue.schedule(LogEvent("a"), at: 0, phase: 0)
        queue.schedule(LogEvent("b"), at: 5, phase: 0)
        var model = LoggingModel()
        let stats = Simulation.run(&model, queue: &queue, horizon: 0)
        #expect(model.log.isEmpty)
        #expect(stats.eventsHandled == 0)
        #expect(stats.instants == 0)
        #expect(stats.eventsLeftPending == 2)
    }

    @Test("an event at time 0 runs under horizon 1; one at 1 does not")
    func horizonIsExclusive() {
        var queue = EventQueue<LogEvent>()
        queue.schedule(LogEvent("zero"), at: 0, phase: 0)
        queue.schedule(LogEvent("one"), at: 1, phase: 0)
        var model = LoggingModel()
        let stats = Simulation.run(&model, queue: &queue, horizon: 1)
        #expect(model.log == ["handle zero@0", "phaseEnded 0@0", "instantEnded@0"])
        #expect(stats.eventsLeftPending == 1)
    }

    @Test("the default phaseEnded and instantEnded do nothing")
    func defaultCallbacks() {
        var queue = EventQueue<Int>()
        queue.schedule(3, at: 2, phase: 0)
        queue.schedule(1, at: 1, phase: 1)
        queue.schedule(2, at: 1, phase: 2)
        var model = HandleOnlyModel()
        let stats = Simulation.run(&model, queue: &queue, horizon: 10)
        #expect(model.handled == [1, 2, 3])
        #expect(stats.eventsHandled == 3)
        #expect(stats.instants == 2)
        #expect(stats.eventsLeftPending == 0)
    }

    @Test("the same schedule run twice gives identical logs and statistics")
    func deterministicReplay() {
        var (m1, q1) = Self.mainScenario()
        var (m2, q2) = Self.mainScenario()
        let s1 = Simulation.run(&m1, queue: &q1, horizon: 100)
        let s2 = Simulation.run(&m2, queue: &q2, horizon: 100)
        #expect(m1.log == m2.log)
        #expect(s1 == s2)
    }

    /// A random schedule (seeded) with follow-ups, run twice: identical logs, and statistics that
    /// agree with the log.
    @Test("a seeded random schedule replays identically")
    func deterministicRandomReplay() {
        func build() -> (LoggingModel, EventQueue<LogEvent>) {
            var rng = RandomStreams(seed: 9).stream("kernel-test")
            var queue = EventQueue<LogEvent>()
            for i in 0..<300 {
                let time = SimTime(rng.next() % 40)
                let phase = UInt8(rng.next() % 3)
                let follow: LogEvent.Follow? = rng.bernoulli(0.3)
                    ? .init(name: "f\(i)", time: time + SimTime(rng.next() % 5), phase: 3)
                    : nil
                queue.schedule(LogEvent("e\(i)", then: follow), at: time, phase: phase)
            }
            return (LoggingModel(), queue)
        }
        var (m1, q1) = build()
        var (m2, q2) = build()
        let s1 = Simulation.run(&m1, queue: &q1, horizon: 35)
        let s2 = Simulation.run(&m2, queue: &q2, horizon: 35)
        #expect(m1.log == m2.log)
        #expect(s1 == s2)
        #expect(s1.eventsHandled > 0)
        #expect(s1.eventsLeftPending == q1.count)
        // Statistics agree with the log.
        #expect(m1.log.filter { $0.hasPrefix("handle ") }.count == s1.eventsHandled)
        #expect(m1.log.filter { $0.hasPrefix("instantEnded") }.count == s1.instants)
        // Whatever is left is due at or after the horizon.
        #expect(q1.first.map { $0.key.time >= 35 } ?? true)
    }
}
