import Testing
@testable import SimKernel

@Suite("IntegerKeyMap")
struct IntegerKeyMapTests {
    /// 20 000 random inserts, updates, removals and lookups over a small key space (so runs of
    /// colliding probes form and break up), checked step by step against `Dictionary`.
    @Test("randomized: the same answers as Dictionary", arguments: [1, 2, 3])
    func matchesDictionary(seed: Int) {
        var random = RandomStream(seed: UInt64(seed))
        var map = IntegerKeyMap<Int>()
        var reference: [UInt64: Int] = [:]
        var mismatches = 0
        for step in 0..<20_000 {
            // Keys packed like (user, role) pairs, plus a few extremes.
            let key: UInt64
            switch random.next() % 10 {
            case 0: key = [0, 1, UInt64.max, UInt64.max - 1, 1 << 63][Int(random.next() % 5)]
            default: key = (random.next() % 40) << 32 | (random.next() % 8)
            }
            switch random.next() % 4 {
            case 0, 1:
                map[key] = step
                reference[key] = step
            case 2:
                if map.removeValue(forKey: key) != reference.removeValue(forKey: key) { mismatches += 1 }
            default:
                map[key, default: 0] += 1
                reference[key, default: 0] += 1
            }
            if map[key] != reference[key] || map.count != reference.count || map.contains(key) != (reference[key] != nil) { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value) }) == reference)
        #expect(Set(map.allKeys) == Set(reference.keys))
        #expect(map.allValues.count == reference.count)
        map.removeAll()
        #expect(map.isEmpty && map[0] == nil)
    }

    @Test("iteration order depends only on what was inserted and removed")
    func deterministicOrder() {
        func build() -> [UInt64] {
            var map = IntegerKeyMap<Bool>()
            for key in stride(from: UInt64(0), to: 5_000, by: 7) { map[key << 32 | 3] = true }
            for key in stride(from: UInt64(0), to: 5_000, by: 21) { map[key << 32 | 3] = nil }
            return map.allKeys
        }
        let first = build()
        #expect(first.count == 715 - 239)
        #expect(build() == first)
    }
}
