import Testing
@testable import SimKernel

/// Drains a queue into `(key, payload)` pairs in pop order.
private func drain<P>(_ queue: inout EventQueue<P>) -> [(EventKey, P)] {
    var out: [(EventKey, P)] = []
    while let event = queue.popFirst() { out.append((event.key, event.payload)) }
    return out
}

@Suite("EventKey")
struct EventKeyTests {
    @Test("orders by time, then phase, then sequence")
    func lexicographicOrder() {
        let base = EventKey(time: 10, phase: 1, sequence: 5)
        // Time dominates phase and sequence.
        #expect(EventKey(time: 9, phase: 9, sequence: 99) < base)
        #expect(base < EventKey(time: 11, phase: 0, sequence: 0))
        // Same time: phase dominates sequence.
        #expect(EventKey(time: 10, phase: 0, sequence: 99) < base)
        #expect(base < EventKey(time: 10, phase: 2, sequence: 0))
        // Same time and phase: sequence decides.
        #expect(EventKey(time: 10, phase: 1, sequence: 4) < base)
        #expect(base < EventKey(time: 10, phase: 1, sequence: 6))
        // Irreflexive.
        #expect(!(base < base))
        #expect(base.description == "10/1/5")
    }
}

@Suite("EventQueue")
struct EventQueueTests {
    @Test("an empty queue has no first and pops nil")
    func emptyQueue() {
        var queue = EventQueue<String>()
        #expect(queue.isEmpty)
        #expect(queue.count == 0)
        #expect(queue.first == nil)
        #expect(queue.firstKey == nil)
        #expect(queue.popFirst() == nil)
    }

    @Test("schedule hands out sequences 0, 1, 2, ... in scheduling order")
    func sequencesAreSchedulingOrder() {
        var queue = EventQueue<String>()
        let k0 = queue.schedule("a", at: 50, phase: 3)
        let k1 = queue.schedule("b", at: 5, phase: 0)
        let k2 = queue.schedule("c", at: 5, phase: 0)
        #expect(k0 == EventKey(time: 50, phase: 3, sequence: 0))
        #expect(k1 == EventKey(time: 5, phase: 0, sequence: 1))
        #expect(k2 == EventKey(time: 5, phase: 0, sequence: 2))
        #expect(queue.count == 3)
        #expect(!queue.isEmpty)
    }

    @Test("pops by time, then phase, then scheduling order")
    func popOrder() {
        var queue = EventQueue<String>()
        queue.schedule("t20p0", at: 20, phase: 0)
        queue.schedule("t10p2", at: 10, phase: 2)
        queue.schedule("t10p1-first", at: 10, phase: 1)
        queue.schedule("t5p9", at: 5, phase: 9)
        queue.schedule("t10p1-second", at: 10, phase: 1)
        queue.schedule("t10p0", at: 10, phase: 0)
        queue.schedule("t10p1-third", at: 10, phase: 1)
        let names = drain(&queue).map(\.1)
        #expect(names == [
            "t5p9",
            "t10p0",
            "t10p1-first", "t10p1-second", "t10p1-third",
            "t10p2",
            "t20p0",
        ])
        #expect(queue.isEmpty)
    }

    @Test("many ties at one time and phase come out in scheduling order")
    func tiesKeepSchedulingOrder() {
        var queue = EventQueue<Int>()
        for i in 0..<200 { queue.schedule(i, at: 7, phase: 2) }
        let popped = drain(&queue)
        #expect(popped.map(\.1) == Array(0..<200))
        #expect(popped.map(\.0.sequence) == (0..<200).map(UInt64.init))
    }

    @Test("first peeks without removing and agrees with popFirst")
    func firstPeeks() {
        var queue = EventQueue<String>()
        queue.schedule("late", at: 30, phase: 0)
        queue.schedule("early", at: 10, phase: 1)
        #expect(queue.first?.payload == "early")
        #expect(queue.first?.key == EventKey(time: 10, phase: 1, sequence: 1))
        #expect(queue.firstKey == EventKey(time: 10, phase: 1, sequence: 1))
        #expect(queue.count == 2)  // peeking does not remove
        #expect(queue.popFirst()?.payload == "early")
        #expect(queue.first?.payload == "late")
        #expect(queue.count == 1)
        #expect(queue.popFirst()?.payload == "late")
        #expect(queue.first == nil)
        #expect(queue.isEmpty)
    }

    @Test("interleaved schedule and pop")
    func interleaved() {
        var queue = EventQueue<String>()
        queue.schedule("A", at: 10, phase: 0)   // seq 0
        queue.schedule("B", at: 20, phase: 1)   // seq 1
        #expect(queue.popFirst()?.payload == "A")
        // Earlier than B: comes out before B although scheduled after it.
        queue.schedule("C", at: 15, phase: 0)   // seq 2
        // Same time and phase as B, scheduled later: after B.
        queue.schedule("D", at: 20, phase: 1)   // seq 3
        // Same time as B but an earlier phase: before B.
        let e = queue.schedule("E", at: 20, phase: 0)  // seq 4
        #expect(e.sequence == 4)
        #expect(queue.count == 4)
        #expect(queue.popFirst()?.payload == "C")
        queue.schedule("F", at: 12, phase: 5)   // seq 5, earliest now
        let rest = drain(&queue).map { "\($0.1)@\($0.0)" }
        #expect(rest == ["F@12/5/5", "E@20/0/4", "B@20/1/1", "D@20/1/3"])
        // Sequences keep counting after the queue emptied.
        #expect(queue.schedule("G", at: 0, phase: 0).sequence == 6)
    }

    @Test("reserveCapacity keeps pending events and their order")
    func reserveCapacityKeepsOrder() {
        var queue = EventQueue<Int>()
        queue.schedule(3, at: 3, phase: 0)
        queue.schedule(1, at: 1, phase: 0)
        queue.schedule(2, at: 1, phase: 1)
        queue.reserveCapacity(1_000)
        #expect(queue.count == 3)
        #expect(queue.schedule(4, at: 1, phase: 0).sequence == 3)
        #expect(drain(&queue).map(\.1) == [1, 4, 2, 3])
    }

    /// 2,000 random schedules (times 0..<50, phases 0..<4, so plenty of ties): the drained order
    /// must be strictly increasing in (time, phase, sequence) and be a permutation of what went in.
    @Test("randomized: drained order is sorted by (time, phase, sequence)")
    func randomizedDrainIsSorted() {
        var rng = RandomStream(seed: 20_240_601)
        var queue = EventQueue<Int>()
        var scheduled: [EventKey: Int] = [:]
        for i in 0..<2_000 {
            let time = SimTime(rng.next() % 50)
            let phase = UInt8(rng.next() % 4)
            let key = queue.schedule(i, at: time, phase: phase)
            #expect(key.sequence == UInt64(i))
            scheduled[key] = i
        }
        queue.checkInvariants()
        let popped = drain(&queue)
        #expect(popped.count == 2_000)
        var sortedOK = true
        for (a, b) in zip(popped, popped.dropFirst()) {
            let (ka, kb) = (a.0, b.0)
            let lexLess = ka.time < kb.time
                || (ka.time == kb.time && ka.phase < kb.phase)
                || (ka.time == kb.time && ka.phase == kb.phase && ka.sequence < kb.sequence)
            if !lexLess { sortedOK = false }
        }
        #expect(sortedOK)
        // Every payload comes back with the key it was scheduled under.
        #expect(popped.allSatisfy { scheduled[$0.0] == $0.1 })
        #expect(Set(popped.map(\.1)) == Set(0..<2_000))
    }

    /// Interleaves 2,000 schedules with random pops and checks every pop against a naive
    /// reference (a linear scan for the minimum key).
    @Test("randomized: interleaved schedule/pop matches a naive reference")
    func randomizedInterleavedMatchesReference() {
        var rng = RandomStream(seed: 77)
        var queue = EventQueue<Int>()
        var reference: [(key: EventKey, payload: Int)] = []
        var mismatches = 0
        var now: SimTime = 0
        func popBoth() {
            let got = queue.popFirst()
            guard let index = reference.indices.min(by: { reference[$0].key < reference[$1].key }) else {
                if got != nil { mismatches += 1 }
                return
            }
            let want = reference.remove(at: index)
            if got?.key != want.key || got?.payload != want.payload { mismatches += 1 }
            if let got { now = got.key.time }
        }
        for i in 0..<2_000 {
            // Schedule at or after the time of the last pop, like a simulation would.
            let key = queue.schedule(i, at: now + SimTime(rng.next() % 20), phase: UInt8(rng.next() % 3))
            reference.append((key, i))
            if rng.bernoulli(0.4) { popBoth() }
            if queue.count != reference.count { mismatches += 1 }
        }
        queue.checkInvariants()
        while !reference.isEmpty { popBoth() }
        #expect(mismatches == 0)
        #expect(queue.isEmpty)
    }

    /// The wheel holds one window of (second, phase) ticks for phases 0 to 3; events beyond it,
    /// before it (behind the last event taken) or in phases 4 and up wait in the heap. Whatever
    /// the mix, every pop must match a naive reference, and peeking must agree with popping.
    @Test("randomized: far, past, negative and crowded events come out in key order", arguments: [1, 2, 3, 4])
    func randomizedAcrossTheWheel(seed: Int) {
        var rng = RandomStream(seed: UInt64(seed))
        var queue = EventQueue<Int>()
        var reference: [(key: EventKey, payload: Int)] = []
        var mismatches = 0
        var now: SimTime = 0
        for i in 0..<3_000 {
            let time: SimTime
            switch rng.next() % 6 {
            case 0: time = now + SimTime(rng.next() % 100_000)          // often beyond the window
            case 1: time = now - SimTime(rng.next() % 5_000)            // before it
            case 2: time = -SimTime(rng.next() % 1_000_000)             // negative
            case 3: time = now + 3                                     // one crowded second
            default: time = now + SimTime(rng.next() % 50)
            }
            // In the crowded second, early phases arrive after many later ones.
            let phase = UInt8(rng.next() % (time == now + 3 ? 8 : 3))
            let key = queue.schedule(i, at: time, phase: phase)
            reference.append((key, i))
            if rng.bernoulli(0.45) {
                let index = reference.indices.min { reference[$0].key < reference[$1].key }
                let peeked = queue.firstKey
                if peeked != queue.first?.key { mismatches += 1 }
                let got = queue.popFirst()
                if let index {
                    let want = reference.remove(at: index)
                    if got?.key != want.key || got?.payload != want.payload || peeked != want.key { mismatches += 1 }
                    now = max(now, want.key.time)
                } else if got != nil {
                    mismatches += 1
                }
            }
            if queue.count != reference.count { mismatches += 1 }
        }
        queue.checkInvariants()
        reference.sort { $0.key < $1.key }
        let drained = drain(&queue)
        #expect(drained.map(\.0) == reference.map(\.key))
        #expect(drained.map(\.1) == reference.map(\.payload))
        #expect(mismatches == 0)
    }

    @Test("events a year apart, an instant with 5 000 events, and the window wrapping round")
    func wheelWrapsAndCrowds() {
        var queue = EventQueue<Int>()
        var expected: [Int] = []
        // 5 000 events in one second, in descending phases: phases 0 to 3 fill chains of blocks
        // on the wheel, 4 to 9 wait in the heap; they come out by phase, then in scheduling order.
        for i in 0..<5_000 { queue.schedule(i, at: 100, phase: UInt8(9 - i % 10)) }
        for phase in 0..<10 { expected += (0..<5_000).filter { 9 - $0 % 10 == phase } }
        // One event per hour for a year: the window wraps round about 2 000 times.
        for hour in 0..<8_760 { queue.schedule(10_000 + hour, at: 3_600 * SimTime(hour + 1), phase: 0) }
        expected += (0..<8_760).map { 10_000 + $0 }
        queue.checkInvariants()
        #expect(drain(&queue).map(\.1) == expected)
    }
}

@Suite("EventQueue's blocks")
struct EventQueueBlockTests {
    /// The hold model of the kernel benchmark: every event taken schedules one more, later. A
    /// queue that ever took an event other than the earliest would later take one earlier than
    /// the last, so strictly increasing keys and a full drain prove the order.
    @Test("hold model: increasing keys, every event taken once, blocks reused", arguments: [40, 2_000])
    func holdModel(pending: Int) {
        var rng = RandomStream(seed: UInt64(pending))
        var queue = EventQueue<Int>()
        var scheduled = Set<UInt64>()
        for index in 0..<pending {
            let phase = UInt8(rng.next() % 5)  // phase 4 waits in the heap
            scheduled.insert(queue.schedule(index, at: SimTime(rng.next() % 300), phase: phase).sequence)
        }
        var last: EventKey?
        var taken = 0
        var increasing = true
        while let event = queue.popFirst() {
            if let last, !(last < event.key) { increasing = false }
            last = event.key
            #expect(scheduled.remove(event.key.sequence) != nil)
            taken += 1
            if taken < 30_000 {
                // Mostly within the window, sometimes beyond it; in a random phase of the same
                // instant or later.
                let delay = rng.next() % 10 == 0 ? SimTime(rng.next() % 20_000) : SimTime(rng.next() % 200)
                let phase = delay == 0 ? event.key.phase + UInt8(rng.next() % 2) : UInt8(rng.next() % 5)
                scheduled.insert(queue.schedule(event.payload, at: event.key.time + delay, phase: phase).sequence)
            }
            if taken % 5_000 == 0 { queue.checkInvariants() }
        }
        #expect(increasing)
        #expect(scheduled.isEmpty)
        #expect(taken == pending + 29_999)
        queue.checkInvariants()
        // Emptied blocks are reused before new ones are made: the pool never holds more blocks
        // than events could fill, plus one partly filled block per tick in use.
        #expect(queue.nextBlock.count <= pending + pending / EventQueue<Int>.blockSize + 1)
        #expect(queue.freeBlockCount == queue.nextBlock.count)
    }
}
