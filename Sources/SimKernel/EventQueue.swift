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
/// beyond the arrays' amortised growth.
///
/// Time is whole seconds and the engine uses a handful of phases, so most events land on a timing
/// wheel whose unit is a tick, one (second, phase) pair: `wheelSeconds` seconds from the last
/// event taken, `wheelPhases` phases each. Sequences only grow, so every tick's events are a
/// first-in first-out list: scheduling is an append and taking the next event reads the first
/// occupied tick of a bitmap. Events beyond the window, before it or in a later phase wait in a
/// 4-ary heap; the next event is the earlier of the two heads, so the order never depends on
/// where an event waits.
///
/// A tick's events sit in blocks of `blockSize` consecutive entries from a pool shared by the
/// whole wheel (`EventQueue+Blocks.swift`): reading a tick is sequential, and emptied blocks are
/// reused first, so the memory in use follows the number of pending events rather than the size
/// of the wheel. A taken event's payload stays in its entry until the entry is reused.
public struct EventQueue<Payload> {
    /// An event on the wheel: its tick gives its time and phase.
    @usableFromInline
    struct Entry {
        @usableFromInline var sequence: UInt64
        @usableFromInline var payload: Payload

        @inlinable
        init(sequence: UInt64, payload: Payload) {
            self.sequence = sequence
            self.payload = payload
        }
    }

    /// One tick's events: entries `head` up to (not including) `tail`, positions in the pool
    /// that run through the tick's chain of blocks; both -1 when the tick has none.
    @usableFromInline
    struct Slot {
        @usableFromInline var head: Int32 = -1
        @usableFromInline var tail: Int32 = -1

        @inlinable
        init() {}
    }

    @usableFromInline static var phaseBits: Int { 2 }
    /// Phases below this wait on the wheel.
    @usableFromInline static var wheelPhases: Int { 1 << phaseBits }
    @usableFromInline static var wheelSeconds: Int { 4_096 }
    @usableFromInline static var wheelSize: Int { wheelSeconds << phaseBits }
    @usableFromInline static var wheelMask: Int { wheelSize - 1 }
    /// Times whose tick fits an `Int64` with room for the window.
    @usableFromInline static var tickableTimes: ClosedRange<SimTime> { -(1 << 60)...(1 << 60) }

    /// The wheel's window is the ticks `[base, base + wheelSize)`; `base` only moves forward.
    @usableFromInline var base: Int64 = 0
    @usableFromInline var slots: ContiguousArray<Slot>
    /// One bit per slot holding events.
    @usableFromInline var occupied: ContiguousArray<UInt64>
    /// The wheel's entries, `blockSize` to a block.
    @usableFromInline var pool: ContiguousArray<Entry> = []
    /// Per block: the next block of its tick, or of the free list; -1 at the end.
    @usableFromInline var nextBlock: ContiguousArray<Int32> = []
    /// The first free block, or -1.
    @usableFromInline var freeBlock: Int32 = -1
    @usableFromInline var wheelCount = 0
    /// Events outside the window or the wheel's phases when they were scheduled.
    @usableFromInline var far = EventHeap<Payload>()
    @usableFromInline var nextSequence: UInt64 = 0

    /// Creates an empty queue.
    public init() {
        slots = ContiguousArray(repeating: Slot(), count: Self.wheelSize)
        occupied = ContiguousArray(repeating: 0, count: Self.wheelSize >> 6)
    }

    /// The number of pending events.
    @inlinable
    public var count: Int { wheelCount + far.count }

    /// Whether no event is pending.
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// The earliest pending event, without removing it.
    @inlinable
    public var first: ScheduledEvent<Payload>? {
        switch next() {
        case .none: return nil
        case .far: return far.first.map { ScheduledEvent(key: $0.key, payload: $0.payload) }
        case .wheel(let slot, let tick):
            let entry = pool[Int(slots[slot].head)]
            return ScheduledEvent(key: Self.key(tick: tick, sequence: entry.sequence), payload: entry.payload)
        }
    }

    /// The earliest pending event's key, without copying its payload (what the run loop peeks at).
    @inlinable
    public var firstKey: EventKey? {
        switch next() {
        case .none: return nil
        case .far: return far.first?.key
        case .wheel(let slot, let tick): return Self.key(tick: tick, sequence: pool[Int(slots[slot].head)].sequence)
        }
    }

    /// Schedules `payload` at `time` in `phase`; returns the key it was given.
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, phase: UInt8) -> EventKey {
        precondition(nextSequence <= PackedEvent<Payload>.sequenceMask, "more than 2^56 events scheduled")
        let sequence = nextSequence
        nextSequence &+= 1
        if Int(phase) < Self.wheelPhases && Self.tickableTimes.contains(time) {
            let tick = time << Self.phaseBits | Int64(phase)
            if tick >= base && tick &- base < Int64(Self.wheelSize)
                && append(Entry(sequence: sequence, payload: payload), to: Int(truncatingIfNeeded: tick) & Self.wheelMask) {
                wheelCount += 1
                return EventKey(time: time, phase: phase, sequence: sequence)
            }
        }
        far.insert(PackedEvent(time: time, phase: phase, sequence: sequence, payload: payload))
        return EventKey(time: time, phase: phase, sequence: sequence)
    }

    /// Removes and returns the earliest pending event.
    @inlinable
    public mutating func popFirst() -> ScheduledEvent<Payload>? {
        switch next() {
        case .none:
            return nil
        case .far:
            guard let entry = far.popFirst() else { return nil }
            // Every event on the wheel is at this tick or later, so the window may move here.
            let time = entry.time
            if Self.tickableTimes.contains(time) {
                let tick = time << Self.phaseBits | Int64(min(Int(entry.low >> 56), Self.wheelPhases - 1))
                if tick > base { base = tick }
            }
            return ScheduledEvent(key: entry.key, payload: entry.payload)
        case .wheel(let slot, let tick):
            base = tick
            wheelCount -= 1
            let entry = removeFirst(of: slot)
            return ScheduledEvent(key: Self.key(tick: tick, sequence: entry.sequence), payload: entry.payload)
        }
    }

    /// Reserves room for `capacity` pending events beyond the wheel's window.
    public mutating func reserveCapacity(_ capacity: Int) {
        far.entries.reserveCapacity(capacity)
    }

    /// Where the earliest event waits.
    @usableFromInline
    enum Next {
        case none
        case far
        case wheel(slot: Int, tick: Int64)
    }

    /// Finds the earliest event: the first occupied slot from the window's start, or the heap's
    /// head when that comes first.
    @inlinable
    func next() -> Next {
        guard wheelCount > 0 else { return far.count > 0 ? .far : .none }
        let start = Int(truncatingIfNeeded: base) & Self.wheelMask
        let slot = firstOccupied(from: start)
        let tick = base &+ Int64((slot &- start) & Self.wheelMask)
        if let head = far.first {
            let time = tick >> Self.phaseBits
            let wheelHigh = UInt64(bitPattern: time) ^ PackedEvent<Payload>.signBit
            if head.high != wheelHigh {
                if head.high < wheelHigh { return .far }
            } else {
                let low = UInt64(tick & Int64(Self.wheelPhases - 1)) << 56 | pool[Int(slots[slot].head)].sequence
                if head.low < low { return .far }
            }
        }
        return .wheel(slot: slot, tick: tick)
    }

    /// The first occupied slot at or after `start`, going round the wheel; one must exist.
    @inlinable
    func firstOccupied(from start: Int) -> Int {
        occupied.withUnsafeBufferPointer { words in
            let mask = words.count - 1
            var word = start >> 6
            var bits = words[word] & (UInt64.max << UInt64(start & 63))
            var visited = 0
            while bits == 0 && visited <= mask {
                word = (word + 1) & mask
                bits = words[word]
                visited += 1
            }
            return word << 6 | bits.trailingZeroBitCount
        }
    }

    @inlinable
    static func key(tick: Int64, sequence: UInt64) -> EventKey {
        EventKey(time: tick >> phaseBits, phase: UInt8(truncatingIfNeeded: tick & Int64(wheelPhases - 1)), sequence: sequence)
    }
}
