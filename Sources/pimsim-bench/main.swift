import Foundation

// Developer tool, not shipped: the kernel benchmark of issue 11, run by `./scripts/dev bench`
// beside the SimPy model of the same workload (Benchmarks/simpy_kernel.py).
//   pimsim-bench kernel [EVENTS]   events per second with 100, 10 000 and 1 000 000 pending
let arguments = CommandLine.arguments.dropFirst()
guard arguments.first == "kernel" else {
    FileHandle.standardError.write(Data("usage: pimsim-bench kernel [EVENTS]\n".utf8))
    exit(64)
}
let events = arguments.dropFirst().first.flatMap { Int($0) } ?? 5_000_000
print("pending    EventQueue (wheel)   binary Heap     (million events/s, \(events) events, best of 3)")
for pending in [100, 10_000, 1_000_000] {
    let queue = (0..<3).map { _ in KernelBenchmark.eventQueue(pending: pending, events: events) }.max() ?? 0
    let heap = (0..<3).map { _ in KernelBenchmark.binaryHeap(pending: pending, events: events) }.max() ?? 0
    print(String(format: "%9d  %12.2f  %17.2f", pending, queue / 1e6, heap / 1e6))
}
