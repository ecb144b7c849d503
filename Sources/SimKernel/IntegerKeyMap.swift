/// A hash map from 64-bit integer keys (packed pairs of indices, stream keys) to values, for the
/// per-event paths of the engine and the folds.
///
/// Swift's `Dictionary` hashes every key with a seeded SipHash: safe against chosen keys, but a
/// large share of a run's time when keys are small integers looked up several times per event.
/// This map uses open addressing with linear probing and a multiplicative (Fibonacci) hash, keeps
/// at most half its slots full, and deletes by shifting later entries back, so no tombstones
/// build up. Iteration follows slot order, which depends only on the keys inserted and removed,
/// so it is the same in every run (unlike `Dictionary`'s, which changes with the process's seed).
public struct IntegerKeyMap<Value> {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Value?]
    @usableFromInline var shift: UInt64
    @usableFromInline var entries = 0

    /// The number of entries.
    @inlinable
    public var count: Int { entries }

    /// An empty map.
    public init() {
        keys = Array(repeating: 0, count: 8)
        values = Array(repeating: nil, count: 8)
        shift = 61
    }

    /// Whether the map is empty.
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// The slot where a key's probe starts.
    @inlinable
    func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The slot holding `key`, or nil.
    @inlinable
    func find(_ key: UInt64) -> Int? {
        let mask = keys.count - 1
        var slot = home(key)
        while values[slot] != nil {
            if keys[slot] == key { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The value for a key, or nil; setting nil removes the entry.
    @inlinable
    public subscript(key: UInt64) -> Value? {
        get { find(key).flatMap { values[$0] } }
        set {
            if let newValue {
                insert(key, newValue)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// The value for a key, or `defaultValue`; mutating it stores the result.
    @inlinable
    public subscript(key: UInt64, default defaultValue: @autoclosure () -> Value) -> Value {
        get { find(key).flatMap { values[$0] } ?? defaultValue() }
        set { insert(key, newValue) }
    }

    /// Whether the map holds a value for the key.
    @inlinable
    public func contains(_ key: UInt64) -> Bool { find(key) != nil }

    /// Stores a value for a key.
    @inlinable
    public mutating func insert(_ key: UInt64, _ value: Value) {
        if let slot = find(key) {
            values[slot] = value
            return
        }
        if (entries + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = home(key)
        while values[slot] != nil { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        entries += 1
    }

    /// Removes a key's entry and returns its value.
    @inlinable
    @discardableResult
    public mutating func removeValue(forKey key: UInt64) -> Value? {
        guard var hole = find(key) else { return nil }
        let removed = values[hole]
        values[hole] = nil
        entries -= 1
        // Shift later entries of the run back into the hole when their probe started at or
        // before it, so that every entry stays reachable from its home slot.
        let mask = keys.count - 1
        var next = (hole + 1) & mask
        while values[next] != nil {
            let start = home(keys[next])
            let distanceToNext = (next - start) & mask
            let distanceToHole = (hole - start) & mask
            if distanceToHole < distanceToNext {
                keys[hole] = keys[next]
                values[hole] = values[next]
                values[next] = nil
                hole = next
            }
            next = (next + 1) & mask
        }
        return removed
    }

    /// Removes every entry, keeping the storage.
    public mutating func removeAll() {
        for index in values.indices { values[index] = nil }
        entries = 0
    }

    @usableFromInline
    mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        shift -= 1
        entries = 0
        for index in oldKeys.indices {
            if let value = oldValues[index] { insert(oldKeys[index], value) }
        }
    }
}

extension IntegerKeyMap: Sequence {
    /// Iterates the entries in slot order.
    public func makeIterator() -> AnyIterator<(key: UInt64, value: Value)> {
        var index = 0
        return AnyIterator {
            while index < keys.count {
                defer { index += 1 }
                if let value = values[index] { return (keys[index], value) }
            }
            return nil
        }
    }

    /// The keys, in slot order.
    public var allKeys: [UInt64] { map(\.key) }

    /// The values, in slot order.
    public var allValues: [Value] { map(\.value) }
}

extension IntegerKeyMap: Sendable where Value: Sendable {}
