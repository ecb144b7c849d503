/// One 64-bit key for a (user, role) pair: the user in the high half, the role in the low half.
///
/// The engine's pair table and the metric folds' ledgers all key pairs this way.
public enum UserRoleKey {
    /// The key of `(user, role)`.
    @inlinable
    public static func make(_ user: Int32, _ role: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: user)) << 32 | UInt64(UInt32(bitPattern: role))
    }

    /// The user half of a key.
    @inlinable
    public static func user(_ key: UInt64) -> Int32 { Int32(truncatingIfNeeded: key >> 32) }

    /// The role half of a key.
    @inlinable
    public static func role(_ key: UInt64) -> Int32 { Int32(truncatingIfNeeded: key & 0xFFFF_FFFF) }
}
