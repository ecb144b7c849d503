import Foundation
import HeapModule
import SimKernel

/// The "hold" workload of discrete-event benchmarks: `pending` events in the queue; each one
/// popped schedules one more at `now + delay`, delays exponential with mean 100 s. The same
/// workload as `Benchmarks/simpy_kernel.py`.
enum KernelBenchmark {
    /// A payload the size of the engine's (an enum of two 32-bit indices).
    enum Payload { case tick(Int32, Int32) }

    /// Events per second through pimsim's `EventQueue`.
    static func eventQueue(pending: Int, events: Int) -> Double {
        var queue = EventQueue<Payload>()
        var random = RandomStream(seed: 42)
        for index in 0..<pending {
            queue.schedule(.tick(Int32(index), 0), at: delay(&random), phase: 0)
        }
        // Timed without a closure: a captured queue would pay for dynamic exclusivity checks.
        let clock = ContinuousClock()
        var checksum: Int64 = 0
        let start = clock.now
        for _ in 0..<events {
            guard let event = queue.popFirst() else { break }
            checksum &+= event.key.time
            queue.schedule(event.payload, at: event.key.time + delay(&random), phase: UInt8(truncatingIfNeeded: checksum & 1))
        }
        return rate(events, clock.now - start, checksum)
    }

    /// The same through swift-collections' binary `Heap` of (key, payload) structs: the plain heap.
    static func binaryHeap(pending: Int, events: Int) -> Double {
        var heap = Heap<ScheduledEvent<Payload>>()
        var random = RandomStream(seed: 42)
        var sequence: UInt64 = 0
        for index in 0..<pending {
            heap.insert(ScheduledEvent(key: EventKey(time: delay(&random), phase: 0, sequence: sequence), payload: .tick(Int32(index), 0)))
            sequence += 1
        }
        let clock = ContinuousClock()
        var checksum: Int64 = 0
        let start = clock.now
        for _ in 0..<events {
            guard let event = heap.popMin() else { break }
            checksum &+= event.key.time
            heap.insert(ScheduledEvent(key: EventKey(time: event.key.time + delay(&random), phase: UInt8(truncatingIfNeeded: checksum & 1), sequence: sequence),
                                       payload: event.payload))
            sequence += 1
        }
        return rate(events, clock.now - start, checksum)
    }

    static func delay(_ random: inout RandomStream) -> SimTime {
        SimTime(-100 * log(random.nextOpenUnit())) + 1
    }

    static func rate(_ events: Int, _ elapsed: Duration, _ checksum: Int64) -> Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The checksum keeps the optimiser from dropping the loop.
        if checksum == 42 { print("") }
        return Double(events) / seconds
    }
}
