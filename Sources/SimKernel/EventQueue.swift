import HeapModule

/// Simulated time in whole seconds since the simulation's origin.
public typealias SimTime = Int64

/// The position of an event in the queue: time first, then phase, then scheduling order.
public struct EventKey: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// When the event is due.
    public var time: SimTime
    /// The phase within one instant; lower phases run first.
    public var phase: UInt8
    /// A counter that breaks the remaining ties in scheduling order.
    public var sequence: UInt64

    /// Creates a key.
    @inlinable
    public init(time: SimTime, phase: UInt8, sequence: UInt64) {
        self.time = time
        self.phase = phase
        self.sequence = sequence
    }

    /// Orders keys by time, then phase, then sequence.
    @inlinable
    public static func < (lhs: EventKey, rhs: EventKey) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.phase != rhs.phase { return lhs.phase < rhs.phase }
        return lhs.sequence < rhs.sequence
    }

    /// `time/phase/sequence`, for diagnostics.
    public var description: String { "\(time)/\(phase)/\(sequence)" }
}

/// A scheduled event: its key and a small value-type payload.
public struct ScheduledEvent<Payload>: Comparable {
    /// Where the event sits in the queue.
    public var key: EventKey
    /// What the event is about; opaque to the kernel.
    public var payload: Payload

    /// Creates a scheduled event.
    @inlinable
    public init(key: EventKey, payload: Payload) {
        self.key = key
        self.payload = payload
    }

    /// Compares by key only.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.key < rhs.key }

    /// Equal keys mean equal position; sequences are unique, so this is identity.
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.key == rhs.key }
}

extension ScheduledEvent: Sendable where Payload: Sendable {}

/// A priority queue of events ordered by (time, phase, sequence).
///
/// The sequence number is assigned at scheduling time, so events with the same time and phase
/// come out in the order they were scheduled. Payloads are stored inline: no allocation per event
/// beyond the heap's amortised growth.
public struct EventQueue<Payload> {
    @usableFromInline var heap: Heap<ScheduledEvent<Payload>>
    @usableFromInline var nextSequence: UInt64

    /// Creates an empty queue.
    public init() {
        heap = Heap()
        nextSequence = 0
    }

    /// The number of pending events.
    @inlinable
    public var count: Int { heap.count }

    /// Whether no event is pending.
    @inlinable
    public var isEmpty: Bool { heap.isEmpty }

    /// The earliest pending event, without removing it.
    @inlinable
    public var first: ScheduledEvent<Payload>? { heap.min }

    /// Schedules `payload` at `time` in `phase`; returns the key it was given.
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, phase: UInt8) -> EventKey {
        let key = EventKey(time: time, phase: phase, sequence: nextSequence)
        nextSequence &+= 1
        heap.insert(ScheduledEvent(key: key, payload: payload))
        return key
    }

    /// Removes and returns the earliest pending event.
    @inlinable
    public mutating func popFirst() -> ScheduledEvent<Payload>? {
        heap.popMin()
    }

    /// Reserves room for `capacity` pending events.
    public mutating func reserveCapacity(_ capacity: Int) {
        var elements = Array(heap.unordered)
        elements.reserveCapacity(capacity)
        heap = Heap(elements)
    }
}

extension EventQueue {
    /// Checks the heap property and sequence bookkeeping; does real work only with `PIMSIM_INVARIANTS`.
    public func checkInvariants() {
        #if PIMSIM_INVARIANTS
        var seen = Set<UInt64>()
        for event in heap.unordered {
            precondition(event.key.sequence < nextSequence, "sequence \(event.key.sequence) was never issued")
            precondition(seen.insert(event.key.sequence).inserted, "sequence \(event.key.sequence) issued twice")
        }
        var copy = heap
        var previous: EventKey?
        while let event = copy.popMin() {
            if let previous { precondition(previous < event.key, "heap order broken at \(event.key)") }
            previous = event.key
        }
        #endif
    }
}
