/// SplitMix64: a tiny, fast mixer used to seed and derive streams.
@usableFromInline
struct SplitMix64 {
    @usableFromInline var state: UInt64

    @inlinable init(seed: UInt64) { state = seed }

    @inlinable mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One-shot mix of a value, for deriving keys.
    @inlinable static func mix(_ value: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: value)
        return generator.next()
    }
}

/// A seeded pseudo-random stream (xoshiro256**), identical on every platform.
///
/// Streams are values: copying one forks it. Derive independent streams with
/// `RandomStreams.stream(_:)` rather than sharing one across purposes, so that drawing more
/// numbers for one purpose never shifts the draws of another.
public struct RandomStream: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a stream from a 64-bit seed.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform draw in `[0, 1)` with 53 bits of precision.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform draw in `(0, 1]`, safe to take the logarithm of.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// `true` with probability `p` (clamped to `[0, 1]`); draws exactly one number either way.
    @inlinable
    public mutating func bernoulli(_ p: Double) -> Bool {
        nextUnit() < p
    }
}

/// The root of a run's randomness: one seed, any number of independent per-purpose streams.
///
/// A stream is a pure function of (seed, purpose, index): it does not depend on which other
/// streams were created or how much they were used.
public struct RandomStreams: Sendable, Equatable {
    /// The root seed.
    public let seed: UInt64

    /// Creates the streams of a run.
    public init(seed: UInt64) { self.seed = seed }

    /// The stream for `purpose` (a stable label such as `"approvals"`), optionally per `index`.
    public func stream(_ purpose: String, index: UInt64 = 0) -> RandomStream {
        RandomStream(seed: Self.key(seed: seed, purpose: purpose, index: index))
    }

    /// A 64-bit key from the seed, a label and an index (FNV-1a over the label, mixed).
    static func key(seed: UInt64, purpose: String, index: UInt64) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in purpose.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        // Seed and label are mixed before they meet, so no (seed, label) pair maps onto another by XOR.
        return SplitMix64.mix(SplitMix64.mix(SplitMix64.mix(seed) ^ hash) &+ SplitMix64.mix(index ^ 0xD1B5_4A32_D192_ED03))
    }
}
