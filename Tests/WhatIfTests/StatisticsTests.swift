import Testing
@testable import WhatIf

@Suite("Statistics: means, standard deviations, Student-t intervals")
struct StatisticsTests {
    @Test("t quantiles: the table and the expansion against published values")
    func tQuantiles() {
        // Published two-sided 95 % critical values (t tables to six decimals).
        let published: [(Int, Double)] = [
            (1, 12.706205), (2, 4.302653), (3, 3.182446), (4, 2.776445), (5, 2.570582), (9, 2.262157),
            (10, 2.228139), (20, 2.085963), (29, 2.045230), (30, 2.042272),
            (31, 2.039513), (40, 2.021075), (60, 2.000298), (120, 1.979930), (1000, 1.962339),
        ]
        for (df, value) in published {
            #expect(close(Statistics.tQuantile975(degreesOfFreedom: df), value, 1e-6), "df \(df)")
        }
        #expect(close(Statistics.tQuantile975(degreesOfFreedom: 1_000_000), 1.959966, 1e-6))
        // Decreasing in the degrees of freedom, across the table's end too.
        for df in 1..<200 {
            #expect(Statistics.tQuantile975(degreesOfFreedom: df) > Statistics.tQuantile975(degreesOfFreedom: df + 1))
        }
    }

    @Test("[1, 2, 3, 4]: mean 2.5, s = √(5/3) = 1.2910, half-width 3.182446 · 1.2910 / 2 = 2.0543 (2.054260)")
    func fourValues() throws {
        let summary = try #require(Statistics.summary([1, 2, 3, 4]))
        #expect(summary.count == 4)
        #expect(summary.mean == 2.5)
        // Σ(x − 2.5)² = 2.25 + 0.25 + 0.25 + 2.25 = 5; s² = 5 / 3.
        #expect(close(try #require(summary.standardDeviation), 1.290994, 1e-6))
        #expect(close(summary.halfWidth, 2.054260, 1e-6))
        #expect(close(summary.low, 0.445740, 1e-6))
        #expect(close(summary.high, 4.554260, 1e-6))
    }

    @Test("[10, 12, 17]: mean 13, s = √13 = 3.6056, t(2) = 4.302653, half-width 8.9567")
    func threeValues() throws {
        let summary = try #require(Statistics.summary([10, 12, 17]))
        #expect(summary.mean == 13)
        // Σ(x − 13)² = 9 + 1 + 16 = 26; s² = 13.
        #expect(close(try #require(summary.standardDeviation), 3.605551, 1e-6))
        #expect(close(summary.halfWidth, 4.302653 * 3.605551 / 3.0.squareRoot(), 1e-5))
        #expect(close(summary.halfWidth, 8.956686, 1e-5))
    }

    @Test("one value: the interval collapses to it; no values: nothing")
    func degenerate() throws {
        let one = try #require(Statistics.summary([7.25]))
        #expect(one == SampleSummary(count: 1, mean: 7.25, standardDeviation: nil, halfWidth: 0))
        #expect(one.low == 7.25 && one.high == 7.25)
        #expect(Statistics.summary([]) == nil)
    }

    @Test("equal values have exactly their value as mean and a zero width")
    func equalValues() throws {
        let summary = try #require(Statistics.summary([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]))
        #expect(summary.mean == 0.1)
        #expect(summary.standardDeviation == 0)
        #expect(summary.low == 0.1 && summary.high == 0.1)
    }

    @Test("paired differences: [3, 5, 4] − [1, 2, 2] = [2, 3, 2]: mean 7/3, s = 0.57735, half-width 1.43422")
    func paired() throws {
        let summary = try #require(Statistics.pairedDifferences([3, 5, 4], baseline: [1, 2, 2]))
        #expect(close(summary.mean, 7.0 / 3, 1e-12))
        // Σ(d − 7/3)² = 1/9 + 4/9 + 1/9 = 2/3; s² = 1/3.
        #expect(close(try #require(summary.standardDeviation), 0.577350, 1e-6))
        #expect(close(summary.halfWidth, 4.302653 * 0.577350 / 3.0.squareRoot(), 1e-5))
        #expect(close(summary.halfWidth, 1.434218, 1e-5))
    }

    @Test("paired differences skip replications missing on either side")
    func pairedWithGaps() throws {
        let summary = try #require(Statistics.pairedDifferences([3, nil, 4, 9], baseline: [1, 2, 2, nil]))
        #expect(summary.count == 2)
        #expect(summary.mean == 2)
        #expect(Statistics.pairedDifferences([nil, 1], baseline: [1, nil]) == nil)
    }

    @Test("identical sides give differences of exactly zero with a [0, 0] interval")
    func zeroDifferences() throws {
        let values: [Double?] = [1064.2527777777777, 0.1 + 0.2, 1e-300, 3600]
        let summary = try #require(Statistics.pairedDifferences(values, baseline: values))
        #expect(summary.mean == 0 && summary.standardDeviation == 0 && summary.low == 0 && summary.high == 0)
        #expect(summary.mean.sign == .plus)
    }
}
