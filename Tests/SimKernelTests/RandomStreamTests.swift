import Testing
@testable import SimKernel

/// The next `count` raw draws of a stream.
func draws(_ stream: RandomStream, _ count: Int) -> [UInt64] {
    var copy = stream
    return (0..<count).map { _ in copy.next() }
}

/// A stream whose xoshiro256** state is set directly, for known-answer tests.
func streamWithState(_ s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) -> RandomStream {
    var stream = RandomStream(seed: 0)
    stream.s0 = s0
    stream.s1 = s1
    stream.s2 = s2
    stream.s3 = s3
    return stream
}

@Suite("RandomStream")
struct RandomStreamTests {
    /// The reference SplitMix64 (Steele, Lea, Flood; Vigna's splitmix64.c) from seed 0 starts
    /// 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F, 0xF88BB8A8724C81EC.
    @Test("SplitMix64 matches the reference outputs for seed 0")
    func splitMixKnownAnswer() {
        var mixer = SplitMix64(seed: 0)
        #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
        #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(mixer.next() == 0x06C4_5D18_8009_454F)
        #expect(mixer.next() == 0xF88B_B8A8_724C_81EC)
        #expect(SplitMix64.mix(0) == 0xE220_A839_7B1D_CDAF)
    }

    @Test("RandomStream(seed:) seeds its state from SplitMix64")
    func seedingUsesSplitMix() {
        let stream = RandomStream(seed: 0)
        #expect(stream.s0 == 0xE220_A839_7B1D_CDAF)
        #expect(stream.s1 == 0x6E78_9E6A_A1B9_65F4)
        #expect(stream.s2 == 0x06C4_5D18_8009_454F)
        #expect(stream.s3 == 0xF88B_B8A8_724C_81EC)
    }

    /// xoshiro256** from state (1, 2, 3, 4), worked by hand:
    ///   out1 = rotl(2*5, 7)*9 = 1280*9 = 11520; state becomes (7, 0, 262146, 6<<45).
    ///   out2 = rotl(0*5, 7)*9 = 0;              state becomes (7^(6<<45), 262149, 262149, 6<<26).
    ///   out3 = rotl(262149*5, 7)*9 = 167775360*9 = 1509978240.
    @Test("xoshiro256** matches hand-computed outputs from state (1, 2, 3, 4)")
    func xoshiroKnownAnswer() {
        var stream = streamWithState(1, 2, 3, 4)
        #expect(stream.next() == 11_520)
        #expect(stream.s0 == 7 && stream.s1 == 0 && stream.s2 == 262_146 && stream.s3 == 6 << 45)
        #expect(stream.next() == 0)
        #expect(stream.next() == 1_509_978_240)
    }

    /// From state (1, 2, 3, 4) the raw draws are 11520 then 0: 11520 >> 11 = 5, 0 >> 11 = 0.
    @Test("nextUnit and nextOpenUnit scale the top 53 bits")
    func unitScalingKnownAnswer() {
        var a = streamWithState(1, 2, 3, 4)
        #expect(a.nextUnit() == 5 * 0x1.0p-53)
        #expect(a.nextUnit() == 0)  // a raw 0 gives exactly 0: the interval is closed at 0
        var b = streamWithState(1, 2, 3, 4)
        #expect(b.nextOpenUnit() == 6 * 0x1.0p-53)
        #expect(b.nextOpenUnit() == 0x1.0p-53)  // a raw 0 gives 2^-53, never 0
        var c = streamWithState(1, 2, 3, 4)
        _ = c.next()
        #expect(c.bernoulli(0) == false)  // nextUnit is exactly 0 here, and 0 < 0 is false
    }

    @Test("the same seed gives the same sequence; copying forks a stream")
    func sameSeedSameSequence() {
        #expect(draws(RandomStream(seed: 42), 100) == draws(RandomStream(seed: 42), 100))
        var original = RandomStream(seed: 42)
        _ = original.next()
        var fork = original
        #expect((0..<10).map { _ in original.next() } == (0..<10).map { _ in fork.next() })
    }

    @Test("different seeds give different sequences")
    func differentSeeds() {
        #expect(draws(RandomStream(seed: 1), 8) != draws(RandomStream(seed: 2), 8))
        #expect(draws(RandomStream(seed: 0), 8) != draws(RandomStream(seed: 1), 8))
    }

    /// 100,000 draws: every nextUnit is in [0, 1), every nextOpenUnit in (0, 1].
    @Test("nextUnit is in [0, 1) and nextOpenUnit in (0, 1]")
    func unitRanges() {
        var stream = RandomStream(seed: 123)
        var unitOK = true
        var openOK = true
        for _ in 0..<100_000 {
            let u = stream.nextUnit()
            if !(u >= 0 && u < 1) { unitOK = false }
            let o = stream.nextOpenUnit()
            if !(o > 0 && o <= 1) { openOK = false }
        }
        #expect(unitOK)
        #expect(openOK)
    }

    /// The mean of 100,000 uniforms has standard error 1/sqrt(12 * 100,000) ≈ 0.00091;
    /// the tolerance 0.005 is about 5.5 standard errors.
    @Test("the sample mean of 100,000 nextUnit draws is 0.5 ± 0.005")
    func unitMean() {
        var stream = RandomStream(seed: 2_024)
        var sum = 0.0
        for _ in 0..<100_000 { sum += stream.nextUnit() }
        #expect(abs(sum / 100_000 - 0.5) < 0.005)
    }

    @Test("bernoulli(0) is always false, bernoulli(1) always true, out-of-range p is clamped")
    func bernoulliExtremes() {
        var stream = RandomStream(seed: 5)
        var zeroAlwaysFalse = true
        var oneAlwaysTrue = true
        var clampedOK = true
        for _ in 0..<10_000 {
            if stream.bernoulli(0) { zeroAlwaysFalse = false }
            if !stream.bernoulli(1) { oneAlwaysTrue = false }
            if stream.bernoulli(-0.5) || !stream.bernoulli(1.5) { clampedOK = false }
        }
        #expect(zeroAlwaysFalse)
        #expect(oneAlwaysTrue)
        #expect(clampedOK)
    }

    /// 100,000 draws at p = 0.3: standard error sqrt(0.21 / 100,000) ≈ 0.00145; tolerance 0.01.
    @Test("bernoulli(p) draws exactly one number and hits with frequency p")
    func bernoulliFrequencyAndConsumption() {
        var stream = RandomStream(seed: 8)
        var reference = stream
        _ = stream.bernoulli(0.5)
        _ = reference.next()
        #expect(stream.next() == reference.next())
        var hits = 0
        for _ in 0..<100_000 where stream.bernoulli(0.3) { hits += 1 }
        #expect(abs(Double(hits) / 100_000 - 0.3) < 0.01)
    }
}

@Suite("RandomStreams")
struct RandomStreamsTests {
    @Test("same seed, purpose and index give identical sequences")
    func sameInputsSameStream() {
        let a = RandomStreams(seed: 7).stream("approvals", index: 3)
        let b = RandomStreams(seed: 7).stream("approvals", index: 3)
        #expect(draws(a, 100) == draws(b, 100))
        // The default index is 0.
        #expect(draws(RandomStreams(seed: 7).stream("approvals"), 20)
            == draws(RandomStreams(seed: 7).stream("approvals", index: 0), 20))
        #expect(RandomStreams(seed: 7) == RandomStreams(seed: 7))
        #expect(RandomStreams(seed: 7) != RandomStreams(seed: 8))
    }

    @Test("different purposes, indices or seeds give different sequences")
    func differentInputsDifferentStreams() {
        let streams = RandomStreams(seed: 7)
        let base = draws(streams.stream("approvals"), 8)
        #expect(base != draws(streams.stream("activations"), 8))
        #expect(base != draws(streams.stream("approvals", index: 1), 8))
        #expect(base != draws(RandomStreams(seed: 8).stream("approvals"), 8))
        #expect(base != draws(streams.stream(""), 8))
        #expect(base != draws(RandomStream(seed: 7), 8))
        // Many indices of one purpose, and many purposes: all first draws distinct.
        let byIndex = Set((0..<1_000 as Range<UInt64>).map { draws(streams.stream("x", index: $0), 1)[0] })
        #expect(byIndex.count == 1_000)
        let byPurpose = Set((0..<1_000).map { draws(streams.stream("purpose-\($0)"), 1)[0] })
        #expect(byPurpose.count == 1_000)
    }

    @Test("a stream does not depend on other streams being created or used")
    func streamsAreIndependent() {
        let streams = RandomStreams(seed: 99)
        let first = draws(streams.stream("A"), 50)
        var other = streams.stream("B")
        for _ in 0..<1_000 { _ = other.next() }
        _ = streams.stream("C", index: 12)
        let again = draws(streams.stream("A"), 50)
        #expect(first == again)
        // Drawing from one copy of A does not move a freshly created A.
        var usedA = streams.stream("A")
        for _ in 0..<1_000 { _ = usedA.next() }
        #expect(draws(streams.stream("A"), 50) == first)
    }

    @Test("streams work as a RandomNumberGenerator for the standard library")
    func standardLibraryInterop() {
        var a = RandomStreams(seed: 1).stream("shuffle")
        var b = RandomStreams(seed: 1).stream("shuffle")
        let x = (0..<50).shuffled(using: &a)
        let y = (0..<50).shuffled(using: &b)
        #expect(x == y)
        #expect(Int.random(in: 0..<10, using: &a) == Int.random(in: 0..<10, using: &b))
    }
}
