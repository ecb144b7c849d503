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
/// beyond the array's amortised growth.
///
/// The queue is an implicit 4-ary min-heap whose entries carry their key packed into two words
/// (`high`: the time with its sign bit flipped, so unsigned order is time order; `low`: the phase
/// in the top 8 bits and the sequence below): a comparison is two integer compares, and a node's
/// four children share a cache line or two. Sifting moves a hole instead of swapping.
public struct EventQueue<Payload> {
    @usableFromInline
    struct Entry {
        @usableFromInline var high: UInt64
        @usableFromInline var low: UInt64
        @usableFromInline var payload: Payload

        @inlinable
        init(high: UInt64, low: UInt64, payload: Payload) {
            self.high = high
            self.low = low
            self.payload = payload
        }

        @inlinable
        func precedes(_ other: Entry) -> Bool {
            high != other.high ? high < other.high : low < other.low
        }

        @inlinable
        var key: EventKey {
            EventKey(time: Int64(bitPattern: high ^ EventQueue.signBit), phase: UInt8(truncatingIfNeeded: low >> 56),
                     sequence: low & EventQueue.sequenceMask)
        }
    }

    @usableFromInline static var signBit: UInt64 { 1 << 63 }
    @usableFromInline static var sequenceMask: UInt64 { (1 << 56) - 1 }

    @usableFromInline var entries: ContiguousArray<Entry>
    @usableFromInline var nextSequence: UInt64

    /// Creates an empty queue.
    public init() {
        entries = []
        nextSequence = 0
    }

    /// The number of pending events.
    @inlinable
    public var count: Int { entries.count }

    /// Whether no event is pending.
    @inlinable
    public var isEmpty: Bool { entries.isEmpty }

    /// The earliest pending event, without removing it.
    @inlinable
    public var first: ScheduledEvent<Payload>? {
        entries.first.map { ScheduledEvent(key: $0.key, payload: $0.payload) }
    }

    /// The earliest pending event's key, without copying its payload (what the run loop peeks at).
    @inlinable
    public var firstKey: EventKey? { entries.first?.key }

    /// Schedules `payload` at `time` in `phase`; returns the key it was given.
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, phase: UInt8) -> EventKey {
        precondition(nextSequence <= Self.sequenceMask, "more than 2^56 events scheduled")
        let entry = Entry(high: UInt64(bitPattern: time) ^ Self.signBit, low: UInt64(phase) << 56 | nextSequence, payload: payload)
        nextSequence &+= 1
        entries.append(entry)
        siftUp(from: entries.count - 1, entry)
        return entry.key
    }

    /// Removes and returns the earliest pending event.
    @inlinable
    public mutating func popFirst() -> ScheduledEvent<Payload>? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return ScheduledEvent(key: last.key, payload: last.payload) }
        let top = entries[0]
        siftDown(last)
        return ScheduledEvent(key: top.key, payload: top.payload)
    }

    /// Reserves room for `capacity` pending events.
    public mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// Moves the hole at `index` up until `entry` fits there.
    @inlinable
    mutating func siftUp(from index: Int, _ entry: Entry) {
        entries.withUnsafeMutableBufferPointer { buffer in
            var hole = index
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard entry.precedes(buffer[parent]) else { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = entry
        }
    }

    /// Puts `entry` in the root's place and moves the hole down until it fits.
    @inlinable
    mutating func siftDown(_ entry: Entry) {
        entries.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var hole = 0
            while true {
                let firstChild = hole << 2 + 1
                guard firstChild < count else { break }
                var best = firstChild
                let lastChild = min(firstChild + 3, count - 1)
                var child = firstChild + 1
                while child <= lastChild {
                    if buffer[child].precedes(buffer[best]) { best = child }
                    child += 1
                }
                guard buffer[best].precedes(entry) else { break }
                buffer[hole] = buffer[best]
                hole = best
            }
            buffer[hole] = entry
        }
    }
}

extension EventQueue {
    /// Checks the heap property and sequence bookkeeping; does real work only with `PIMSIM_INVARIANTS`.
    public func checkInvariants() {
        #if PIMSIM_INVARIANTS
        var seen = Set<UInt64>()
        for (index, entry) in entries.enumerated() {
            let key = entry.key
            precondition(key.sequence < nextSequence, "sequence \(key.sequence) was never issued")
            precondition(seen.insert(key.sequence).inserted, "sequence \(key.sequence) issued twice")
            if index > 0 { precondition(!entry.precedes(entries[(index - 1) >> 2]), "heap order broken at \(key)") }
        }
        #endif
    }
}
