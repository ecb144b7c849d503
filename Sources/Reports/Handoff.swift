import Foundation

/// A bounded first-in first-out queue between two threads: `put` waits while it is full, `take`
/// waits while it is empty, and `close` lets `take` return nil once the queue is drained.
///
/// The audit log's stages pass work through it (trace records to the builder's thread, filled
/// blocks to the file writer's thread), so each stage runs on its own core while the bound keeps
/// memory flat when a consumer falls behind.
final class Handoff<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    /// Taken slots are emptied at once, so that a taken item's storage is uniquely referenced.
    private var items: [Item?] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    /// A queue holding at most `capacity` items (at least one).
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        items.reserveCapacity(self.capacity)
    }

    /// Appends an item, waiting for room; an item put after `close` is dropped.
    func put(_ item: Item) {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !closed { condition.wait() }
        guard !closed else { return }
        items.append(item)
        condition.broadcast()
    }

    /// The oldest item, waiting for one; nil once the queue is closed and empty.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        return removeFirst()
    }

    /// The oldest item if one is queued, without waiting.
    func poll() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        return removeFirst()
    }

    /// The oldest item, or nil; the lock is held.
    private func removeFirst() -> Item? {
        guard head < items.count else { return nil }
        let item = items[head].take()
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// No more items: `take` drains what is queued, then returns nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
