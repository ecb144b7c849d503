/// The wheel's storage: each tick's events in a chain of fixed-size blocks taken from one pool.
extension EventQueue {
    /// Entries per block: a tick's events are read in runs of this many consecutive entries.
    @usableFromInline static var blockSize: Int { 16 }

    /// Appends `entry` at the end of `slot`'s events; false, adding nothing, when the pool is
    /// full (`Int32` positions), in which case the event waits in the heap.
    @inlinable
    mutating func append(_ entry: Entry, to slot: Int) -> Bool {
        var tail = slots[slot].tail
        if tail < 0 {
            guard let block = takeBlock(filledWith: entry) else { return false }
            tail = block &* Int32(Self.blockSize)
            slots[slot].head = tail
            occupied[slot >> 6] |= 1 << UInt64(slot & 63)
        } else if Int(tail) % Self.blockSize == 0 {
            // The tail block is full: chain a fresh one after it.
            guard let block = takeBlock(filledWith: entry) else { return false }
            nextBlock[Int(tail) / Self.blockSize - 1] = block
            tail = block &* Int32(Self.blockSize)
        }
        pool[Int(tail)] = entry
        slots[slot].tail = tail &+ 1
        return true
    }

    /// Removes and returns the first of `slot`'s events, which must have one; a block read to
    /// its end goes back on the free list.
    @inlinable
    mutating func removeFirst(of slot: Int) -> Entry {
        let position = Int(slots[slot].head)
        let entry = pool[position]
        let head = position + 1
        if head == Int(slots[slot].tail) {
            releaseBlock(position / Self.blockSize)
            slots[slot] = Slot()
            occupied[slot >> 6] &= ~(1 << UInt64(slot & 63))
        } else if head % Self.blockSize == 0 {
            let block = position / Self.blockSize
            slots[slot].head = nextBlock[block] &* Int32(Self.blockSize)
            releaseBlock(block)
        } else {
            slots[slot].head = Int32(truncatingIfNeeded: head)
        }
        return entry
    }

    /// A block from the free list, or a new one whose entries are copies of `filler` (the pool
    /// needs values; they are overwritten before they are read). Nil when the pool is full.
    @inlinable
    mutating func takeBlock(filledWith filler: Entry) -> Int32? {
        if freeBlock >= 0 {
            let block = freeBlock
            freeBlock = nextBlock[Int(block)]
            nextBlock[Int(block)] = -1
            return block
        }
        guard pool.count + Self.blockSize <= Int(Int32.max) else { return nil }
        pool.append(contentsOf: repeatElement(filler, count: Self.blockSize))
        nextBlock.append(-1)
        return Int32(truncatingIfNeeded: nextBlock.count - 1)
    }

    /// Puts `block` at the front of the free list, where it is reused first.
    @inlinable
    mutating func releaseBlock(_ block: Int) {
        nextBlock[block] = freeBlock
        freeBlock = Int32(truncatingIfNeeded: block)
    }
}

extension EventQueue {
    /// Checks the wheel, its blocks, the heap and the sequence bookkeeping; does real work only
    /// with `PIMSIM_INVARIANTS`.
    public func checkInvariants() {
        #if PIMSIM_INVARIANTS
        var seen = Set<UInt64>()
        var onWheel = 0
        var blocks = Set<Int>()
        for (index, slot) in slots.enumerated() {
            let used = occupied[index >> 6] & (1 << UInt64(index & 63)) != 0
            precondition(used == (slot.head >= 0) && used == (slot.tail >= 0), "slot \(index)'s bit does not match its events")
            guard used else { continue }
            var position = Int(slot.head)
            var previous: UInt64?
            precondition(blocks.insert(position / Self.blockSize).inserted, "block \(position / Self.blockSize) used twice")
            while position != Int(slot.tail) {
                if position % Self.blockSize == 0 && position != Int(slot.head) {
                    let block = Int(nextBlock[position / Self.blockSize - 1])
                    precondition(block >= 0, "slot \(index)'s chain ends before its tail")
                    precondition(blocks.insert(block).inserted, "block \(block) used twice")
                    position = block * Self.blockSize
                    if position == Int(slot.tail) { preconditionFailure("slot \(index) chains an empty block") }
                }
                let sequence = pool[position].sequence
                if let previous { precondition(previous < sequence, "slot \(index) out of order") }
                precondition(sequence < nextSequence, "sequence \(sequence) was never issued")
                precondition(seen.insert(sequence).inserted, "a sequence issued twice")
                previous = sequence
                onWheel += 1
                position += 1
            }
        }
        precondition(onWheel == wheelCount, "the wheel counts \(wheelCount) events but holds \(onWheel)")
        var free = Int(freeBlock)
        while free >= 0 {
            precondition(blocks.insert(free).inserted, "free block \(free) also in use")
            free = Int(nextBlock[free])
        }
        precondition(blocks.count == nextBlock.count && pool.count == nextBlock.count * Self.blockSize, "blocks lost")
        for entry in far.entries {
            precondition(entry.key.sequence < nextSequence, "sequence \(entry.key.sequence) was never issued")
            precondition(seen.insert(entry.key.sequence).inserted, "sequence \(entry.key.sequence) issued twice")
        }
        far.checkHeapOrder()
        #endif
    }
}

extension EventQueue {
    /// The blocks on the free list (for tests: all of them once the wheel is empty).
    var freeBlockCount: Int {
        var count = 0
        var block = Int(freeBlock)
        while block >= 0 {
            count += 1
            block = Int(nextBlock[block])
        }
        return count
    }
}
