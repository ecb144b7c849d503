/// One pending event with its key packed into two words: `high` is the time with its sign bit
/// flipped, so that unsigned order is time order; `low` holds the phase in the top 8 bits and the
/// sequence below. A comparison is two integer compares.
@usableFromInline
struct PackedEvent<Payload> {
    @usableFromInline var high: UInt64
    @usableFromInline var low: UInt64
    @usableFromInline var payload: Payload

    @inlinable
    init(high: UInt64, low: UInt64, payload: Payload) {
        self.high = high
        self.low = low
        self.payload = payload
    }

    /// Packs a key.
    @inlinable
    init(time: SimTime, phase: UInt8, sequence: UInt64, payload: Payload) {
        self.init(high: UInt64(bitPattern: time) ^ Self.signBit, low: UInt64(phase) << 56 | sequence, payload: payload)
    }

    /// Whether this event comes before `other`.
    @inlinable
    func precedes(_ other: PackedEvent) -> Bool {
        high != other.high ? high < other.high : low < other.low
    }

    /// The event's time.
    @inlinable
    var time: SimTime { Int64(bitPattern: high ^ Self.signBit) }

    /// The unpacked key.
    @inlinable
    var key: EventKey {
        EventKey(time: time, phase: UInt8(truncatingIfNeeded: low >> 56), sequence: low & Self.sequenceMask)
    }

    @inlinable static var signBit: UInt64 { 1 << 63 }
    @inlinable static var sequenceMask: UInt64 { (1 << 56) - 1 }
}

/// An implicit 4-ary min-heap of packed events: a node's four children share a cache line or
/// two, and sifting moves a hole instead of swapping. The event queue keeps here what its wheel
/// cannot hold (events far ahead, or before the wheel's window).
@usableFromInline
struct EventHeap<Payload> {
    @usableFromInline var entries: ContiguousArray<PackedEvent<Payload>> = []

    @inlinable
    init() {}

    /// The number of events.
    @inlinable
    var count: Int { entries.count }

    /// The earliest event.
    @inlinable
    var first: PackedEvent<Payload>? { entries.first }

    /// Adds an event.
    @inlinable
    mutating func insert(_ entry: PackedEvent<Payload>) {
        entries.append(entry)
        siftUp(from: entries.count - 1, entry)
    }

    /// Removes and returns the earliest event.
    @inlinable
    mutating func popFirst() -> PackedEvent<Payload>? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return last }
        let top = entries[0]
        siftDown(last)
        return top
    }

    /// Moves the hole at `index` up until `entry` fits there.
    @inlinable
    mutating func siftUp(from index: Int, _ entry: PackedEvent<Payload>) {
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
    mutating func siftDown(_ entry: PackedEvent<Payload>) {
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

    /// Checks the heap property.
    func checkHeapOrder() {
        for index in entries.indices.dropFirst() {
            precondition(!entries[index].precedes(entries[(index - 1) >> 2]), "heap order broken at \(entries[index].key)")
        }
    }
}
