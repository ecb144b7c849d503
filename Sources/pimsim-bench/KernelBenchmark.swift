import Foundation
import HeapModule
import SimKernel

/// The "hold" workload of discrete-event benchmarks: `pending` events in the queue; each one
/// popped schedules one more at `now + delay`, delays exponential with mean 100 s. The same
/// workload as `Benchmarks/simpy_kernel.py`.
enum KernelBenchmark {
    /// A payload the size of the engine's (an enum of two 32-bit indices).
    enum Payload { case tick(Int32, Int32) }

    /// One measurement: events per second and a checksum of the times handled.
    struct Result {
        var rate: Double
        var checksum: Int64
    }

    /// Where the loop's delays come from.
    enum Delays {
        /// Drawn inside the timed loop, one exponential draw per event, as SimPy does.
        case drawn
        /// The same draws, in the same order, made before the clock starts: the queue alone.
        case predrawn([SimTime])
    }

    /// The delays `eventQueue` and `binaryHeap` draw for `pending` initial events and `events`
    /// handled ones, in the order they draw them.
    static func predraw(pending: Int, events: Int) -> [SimTime] {
        var random = RandomStream(seed: 42)
        return (0..<(pending + events)).map { _ in delay(&random) }
    }

    /// Events per second through pimsim's `EventQueue`.
    static func eventQueue(pending: Int, events: Int, delays: Delays) -> Result {
        var queue = EventQueue<Payload>()
        var source = DelaySource(delays)
        for index in 0..<pending {
            queue.schedule(.tick(Int32(index), 0), at: source.next(), phase: 0)
        }
        // Timed without a closure: a captured queue would pay for dynamic exclusivity checks.
        let clock = ContinuousClock()
        var checksum: Int64 = 0
        let start = clock.now
        for _ in 0..<events {
            guard let event = queue.popFirst() else { break }
            checksum &+= event.key.time
            queue.schedule(event.payload, at: event.key.time + source.next(), phase: UInt8(truncatingIfNeeded: checksum & 1))
        }
        return Result(rate: rate(events, clock.now - start), checksum: checksum)
    }

    /// The same through swift-collections' binary `Heap` of (key, payload) structs: the plain heap.
    static func binaryHeap(pending: Int, events: Int, delays: Delays) -> Result {
        var heap = Heap<ScheduledEvent<Payload>>()
        var source = DelaySource(delays)
        var sequence: UInt64 = 0
        for index in 0..<pending {
            heap.insert(ScheduledEvent(key: EventKey(time: source.next(), phase: 0, sequence: sequence), payload: .tick(Int32(index), 0)))
            sequence += 1
        }
        let clock = ContinuousClock()
        var checksum: Int64 = 0
        let start = clock.now
        for _ in 0..<events {
            guard let event = heap.popMin() else { break }
            checksum &+= event.key.time
            heap.insert(ScheduledEvent(key: EventKey(time: event.key.time + source.next(), phase: UInt8(truncatingIfNeeded: checksum & 1), sequence: sequence),
                                       payload: event.payload))
            sequence += 1
        }
        return Result(rate: rate(events, clock.now - start), checksum: checksum)
    }

    /// The exponential draws alone: what the drawn loops spend on their delays, per event.
    static func drawsOnly(events: Int) -> Result {
        var random = RandomStream(seed: 42)
        let clock = ContinuousClock()
        var checksum: Int64 = 0
        let start = clock.now
        for _ in 0..<events { checksum &+= delay(&random) }
        return Result(rate: rate(events, clock.now - start), checksum: checksum)
    }

    /// One exponential delay, mean 100 s, truncated to whole seconds, at least 1 s (SimPy model:
    /// `int(rng.expovariate(1 / 100)) + 1`).
    @inline(__always)
    static func delay(_ random: inout RandomStream) -> SimTime {
        SimTime(-100 * log(random.nextOpenUnit())) + 1
    }

    static func rate(_ events: Int, _ elapsed: Duration) -> Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(events) / seconds
    }
}

/// Hands out delays, either drawing them or reading the ones drawn before.
struct DelaySource {
    var random = RandomStream(seed: 42)
    let table: [SimTime]
    var position = 0

    init(_ delays: KernelBenchmark.Delays) {
        switch delays {
        case .drawn: table = []
        case .predrawn(let values): table = values
        }
    }

    @inline(__always)
    mutating func next() -> SimTime {
        if table.isEmpty { return KernelBenchmark.delay(&random) }
        defer { position += 1 }
        return table[position]
    }
}
