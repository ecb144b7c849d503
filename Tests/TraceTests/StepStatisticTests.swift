import Testing
import Trace

@Suite("StepStatistic")
struct StepStatisticTests {
    @Test("min, max, end and mean of a hand-built step function")
    func handBuilt() {
        // Value: 2 on [0,10), 5 on [10,14), 1 on [14,20); horizon 20.
        var statistic = StepStatistic()
        statistic.add(2)
        statistic.advance(to: 10)
        statistic.add(4)
        statistic.add(-1)
        statistic.advance(to: 14)
        statistic.add(-4)
        statistic.finish(at: 20)
        #expect(statistic.min == 1)
        #expect(statistic.max == 5)
        #expect(statistic.value == 1)
        #expect(statistic.integral == 2 * 10 + 5 * 4 + 1 * 6)
        #expect(statistic.mean(horizon: 20) == 46.0 / 20)
    }

    @Test("values inside one instant never count; an untouched start counts as zero")
    func instantFolding() {
        var statistic = StepStatistic()
        statistic.advance(to: 5)
        statistic.add(1)
        statistic.add(7)
        statistic.add(-7)
        statistic.finish(at: 10)
        #expect(statistic.min == 0)
        #expect(statistic.max == 1)
        #expect(statistic.integral == 5)
    }
}
