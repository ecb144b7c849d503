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
/// Time is whole seconds, so most events land on a timing wheel: one slot per second for the
/// `wheelSize` seconds from the time of the last event taken, each slot a list kept in (phase,
/// sequence) order, and a bitmap of the slots in use. Scheduling is an append (a short insertion
/// when the phase is earlier than what waits there) and taking the next event reads the first
/// occupied slot. Events beyond the window, before it, or behind many events of later phases in
/// their slot wait in a 4-ary heap; the next event is the earlier of the two heads, so the order
/// never depends on where an event waits.
public struct EventQueue<Payload> {
    /// One second of the wheel: its events in key order, from `head` on.
    @usableFromInline
    struct Slot {
        @usableFromInline var lows: ContiguousArray<UInt64> = []
        @usableFromInline var payloads: ContiguousArray<Payload> = []
        @usableFromInline var head = 0

        @inlinable
        init() {}
    }

    @usableFromInline static var wheelBits: Int { 12 }
    @usableFromInline static var wheelSize: Int { 1 << wheelBits }
    @usableFromInline static var wheelMask: Int { wheelSize - 1 }

    /// The wheel's window is `[base, base + wheelSize)`; `base` only moves forward.
    @usableFromInline var base: SimTime = 0
    @usableFromInline var slots: ContiguousArray<Slot>
    /// One bit per slot holding events.
    @usableFromInline var occupied: ContiguousArray<UInt64>
    @usableFromInline var wheelCount = 0
    /// Events outside the window when they were scheduled.
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
        case .wheel(let slot, let time):
            let entry = slots[slot]
            let low = entry.lows[entry.head]
            return ScheduledEvent(key: Self.key(time: time, low: low), payload: entry.payloads[entry.head])
        }
    }

    /// The earliest pending event's key, without copying its payload (what the run loop peeks at).
    @inlinable
    public var firstKey: EventKey? {
        switch next() {
        case .none: return nil
        case .far: return far.first?.key
        case .wheel(let slot, let time): return Self.key(time: time, low: slots[slot].lows[slots[slot].head])
        }
    }

    /// Schedules `payload` at `time` in `phase`; returns the key it was given.
    @inlinable
    @discardableResult
    public mutating func schedule(_ payload: Payload, at time: SimTime, phase: UInt8) -> EventKey {
        precondition(nextSequence <= PackedEvent<Payload>.sequenceMask, "more than 2^56 events scheduled")
        let low = UInt64(phase) << 56 | nextSequence
        nextSequence &+= 1
        if time >= base && UInt64(bitPattern: time) &- UInt64(bitPattern: base) < UInt64(Self.wheelSize) {
            let slot = Int(truncatingIfNeeded: time) & Self.wheelMask
            // An event that would have to pass many events of later phases waits in the heap.
            if slots[slot].insert(low, payload, shiftLimit: 16) {
                occupied[slot >> 6] |= 1 << UInt64(slot & 63)
                wheelCount += 1
                return Self.key(time: time, low: low)
            }
        }
        far.insert(PackedEvent(high: UInt64(bitPattern: time) ^ PackedEvent<Payload>.signBit, low: low, payload: payload))
        return Self.key(time: time, low: low)
    }

    /// Removes and returns the earliest pending event.
    @inlinable
    public mutating func popFirst() -> ScheduledEvent<Payload>? {
        switch next() {
        case .none:
            return nil
        case .far:
            guard let entry = far.popFirst() else { return nil }
            // Every event on the wheel is at this time or later, so the window may move here.
            if entry.time > base { base = entry.time }
            return ScheduledEvent(key: entry.key, payload: entry.payload)
        case .wheel(let slot, let time):
            base = time
            wheelCount -= 1
            let (low, payload) = slots[slot].removeFirst()
            if slots[slot].head == 0 { occupied[slot >> 6] &= ~(1 << UInt64(slot & 63)) }
            return ScheduledEvent(key: Self.key(time: time, low: low), payload: payload)
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
        case wheel(slot: Int, time: SimTime)
    }

    /// Finds the earliest event: the first occupied slot from the window's start, or the heap's
    /// head when that comes first.
    @inlinable
    func next() -> Next {
        guard wheelCount > 0 else { return far.count > 0 ? .far : .none }
        let start = Int(truncatingIfNeeded: base) & Self.wheelMask
        let slot = firstOccupied(from: start)
        let time = base + SimTime((slot - start) & Self.wheelMask)
        if let head = far.first {
            let low = slots[slot].lows[slots[slot].head]
            let wheelHigh = UInt64(bitPattern: time) ^ PackedEvent<Payload>.signBit
            if head.high < wheelHigh || (head.high == wheelHigh && head.low < low) { return .far }
        }
        return .wheel(slot: slot, time: time)
    }

    /// The first occupied slot at or after `start`, going round the wheel; one must exist.
    @inlinable
    func firstOccupied(from start: Int) -> Int {
        let words = occupied.count
        var word = start >> 6
        var bits = occupied[word] & (UInt64.max << UInt64(start & 63))
        var visited = 0
        while bits == 0 && visited <= words {
            word = (word + 1) & (words - 1)
            bits = occupied[word]
            visited += 1
        }
        return word << 6 | bits.trailingZeroBitCount
    }

    @inlinable
    static func key(time: SimTime, low: UInt64) -> EventKey {
        EventKey(time: time, phase: UInt8(truncatingIfNeeded: low >> 56), sequence: low & PackedEvent<Payload>.sequenceMask)
    }
}

extension EventQueue.Slot {
    /// Adds an event where (phase, sequence) order puts it, when that is among the last
    /// `shiftLimit` events: new events have the highest sequence, so they go last unless an event
    /// of a later phase waits. Returns false, adding nothing, when the event belongs further up.
    @inlinable
    mutating func insert(_ low: UInt64, _ payload: Payload, shiftLimit: Int) -> Bool {
        guard let last = lows.last, last > low, lows.count > head else {
            lows.append(low)
            payloads.append(payload)
            return true
        }
        var index = lows.count
        while index > head && lows[index - 1] > low {
            index -= 1
            if lows.count - index > shiftLimit { return false }
        }
        lows.insert(low, at: index)
        payloads.insert(payload, at: index)
        return true
    }

    /// Takes the first event; an emptied slot starts again at zero, keeping its storage.
    @inlinable
    mutating func removeFirst() -> (UInt64, Payload) {
        let taken = (lows[head], payloads[head])
        head += 1
        if head == lows.count {
            lows.removeAll(keepingCapacity: true)
            payloads.removeAll(keepingCapacity: true)
            head = 0
        }
        return taken
    }
}

extension EventQueue {
    /// Checks the wheel, the heap and the sequence bookkeeping; does real work only with
    /// `PIMSIM_INVARIANTS`.
    public func checkInvariants() {
        #if PIMSIM_INVARIANTS
        var seen = Set<UInt64>()
        var onWheel = 0
        for (index, slot) in slots.enumerated() {
            let used = occupied[index >> 6] & (1 << UInt64(index & 63)) != 0
            precondition(used == (slot.lows.count > slot.head), "slot \(index)'s bit does not match its events")
            precondition(slot.lows.count == slot.payloads.count, "slot \(index) lost a payload")
            for position in slot.head..<slot.lows.count {
                if position > slot.head { precondition(slot.lows[position - 1] < slot.lows[position], "slot \(index) out of order") }
                precondition(seen.insert(slot.lows[position] & PackedEvent<Payload>.sequenceMask).inserted, "a sequence issued twice")
                onWheel += 1
            }
        }
        precondition(onWheel == wheelCount, "the wheel counts \(wheelCount) events but holds \(onWheel)")
        for entry in far.entries {
            precondition(entry.key.sequence < nextSequence, "sequence \(entry.key.sequence) was never issued")
            precondition(seen.insert(entry.key.sequence).inserted, "sequence \(entry.key.sequence) issued twice")
        }
        far.checkHeapOrder()
        #endif
    }
}
