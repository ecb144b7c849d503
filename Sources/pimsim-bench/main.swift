import Foundation

// Developer tool, not shipped: the kernel benchmark of issue 11, run by `./scripts/dev bench`
// beside the SimPy model of the same workload (Benchmarks/simpy_kernel.py).
//   pimsim-bench kernel [EVENTS] [PENDING...]   events per second (default 100, 10 000 and
//                                               1 000 000 pending)
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.first == "kernel", arguments.dropFirst().allSatisfy({ Int($0).map { $0 > 0 } ?? false }) else {
    FileHandle.standardError.write(Data("usage: pimsim-bench kernel [EVENTS] [PENDING...]   (positive integers)\n".utf8))
    exit(64)
}
let events = arguments.count > 1 ? Int(arguments[1]) ?? 5_000_000 : 5_000_000
let sizes = arguments.count > 2 ? arguments.dropFirst(2).compactMap { Int($0) } : [100, 10_000, 1_000_000]
print("""
    million events/s, \(events) events, best of 3. queue: delays drawn before the clock starts \
    (the queue alone); drawn: one exponential draw per event inside the loop, as SimPy does
    """)
print("  pending      queue      drawn   heap queue   heap drawn")
func best(_ run: () -> KernelBenchmark.Result) -> KernelBenchmark.Result {
    let results = (0..<3).map { _ in run() }
    let checksum = results[0].checksum
    precondition(results.allSatisfy { $0.checksum == checksum }, "the benchmark is not deterministic")
    return KernelBenchmark.Result(rate: results.map(\.rate).max() ?? 0, checksum: checksum)
}
for pending in sizes {
    let table = KernelBenchmark.Delays.predrawn(KernelBenchmark.predraw(pending: pending, events: events))
    let queue = best { KernelBenchmark.eventQueue(pending: pending, events: events, delays: table) }
    let drawn = best { KernelBenchmark.eventQueue(pending: pending, events: events, delays: .drawn) }
    let heap = best { KernelBenchmark.binaryHeap(pending: pending, events: events, delays: table) }
    let heapDrawn = best { KernelBenchmark.binaryHeap(pending: pending, events: events, delays: .drawn) }
    // Same delays in the same order, and the same order of events: every loop sums the same times.
    guard Set([queue.checksum, drawn.checksum, heap.checksum, heapDrawn.checksum]).count == 1 else {
        FileHandle.standardError.write(Data("pimsim-bench: the four loops handled different events at \(pending) pending\n".utf8))
        exit(1)
    }
    print(String(format: "%9d  %9.2f  %9.2f  %11.2f  %11.2f", pending, queue.rate / 1e6, drawn.rate / 1e6, heap.rate / 1e6, heapDrawn.rate / 1e6))
}
let draws = best { KernelBenchmark.drawsOnly(events: events) }
print(String(format: "exponential draws alone: %.2f million/s (%.1f ns each)", draws.rate / 1e6, 1e9 / draws.rate))
