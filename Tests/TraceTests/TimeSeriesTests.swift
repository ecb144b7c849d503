import Testing
import Trace

@Suite("TimeSeries")
struct TimeSeriesTests {
    @Test("the recorder keeps the value after each instant, and only changes")
    func recorder() {
        var recorder = TimeSeriesRecorder(name: "n", unit: "users")
        recorder.add(1, at: 0)
        recorder.add(1, at: 10)
        recorder.add(-1, at: 10)  // back within the instant: no point at 10
        recorder.add(1, at: 20)
        recorder.add(-1, at: 30)
        recorder.set(1, at: 30)  // the same value after the instant: no point
        recorder.set(0, at: 40)
        let series = recorder.series
        #expect(series.points == [.init(time: 0, value: 1), .init(time: 20, value: 2), .init(time: 30, value: 1), .init(time: 40, value: 0)])
        #expect(series.max == 2 && series.min == 0 && series.end == 0)
        #expect(series.value(at: 25) == 2 && series.value(at: 30) == 1 && series.value(at: 100) == 0)
        let integral: Double = 1 * 20 + 2 * 10 + 1 * 10
        #expect(series.mean(horizon: 50) == integral / 50)
        #expect(TimeSeriesRecorder(name: "empty").series.points == [.init(time: 0, value: 0)])
    }
}
