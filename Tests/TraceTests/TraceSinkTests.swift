import Testing
import Trace

@Suite("Trace sinks")
struct TraceSinkTests {
    @Test("a tee feeds both sinks every record, in order; a record's time is the horizon for finished")
    func tee() {
        var tee = TeeSink(TraceRecorder(), TeeSink(TraceRecorder(), TraceRecorder()))
        tee.record(.requestExpired(time: 5, id: 1))
        tee.record(.extensionExpired(time: 7, id: 2))
        tee.record(.finished(horizon: 10, pendingRequests: [], orphanedAssignments: []))
        for records in [tee.first.records, tee.second.first.records, tee.second.second.records] {
            #expect(records.map(\.time) == [5, 7, 10])
        }
    }
}
