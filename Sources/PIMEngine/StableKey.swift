/// A stable 64-bit key from names and numbers (FNV-1a), for random streams: it depends on what a
/// thing is (user ids, role names, times), never on its position in the run or in the file, so
/// adding an unrelated part to a scenario does not reshuffle anyone's draws.
func stableKey(_ names: [String], _ numbers: [Int64] = []) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func feed(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
    }
    for name in names {
        for byte in name.utf8 { feed(byte) }
        feed(0xFF)
    }
    for number in numbers {
        var value = UInt64(bitPattern: number)
        for _ in 0..<8 {
            feed(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }
    return hash
}
