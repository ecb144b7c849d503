import Foundation
import Testing
@testable import GraphvizRender

@Suite("Graphviz from many callers")
struct GraphvizConcurrencyTests {
    @Test("100 renders in a row all succeed and agree")
    func loop() throws {
        let dot = SampleGraphs.layered(layers: 4, width: 6)
        var first: [GraphvizEngine: [UInt8]] = [:]
        for index in 0..<100 {
            let engine = GraphvizEngine.allCases[index % GraphvizEngine.allCases.count]
            let bytes = try Graphviz.render(dot: dot, engine: engine)
            #expect(bytes == first[engine, default: bytes])
            first[engine] = bytes
            #expect(try SVGSummary(bytes).nodes.count == 24)
        }
    }

    @Test("the same text gives the same picture whatever was rendered before", arguments: GraphvizEngine.allCases)
    func deterministic(_ engine: GraphvizEngine) throws {
        let graphs = (0..<3).map { SampleGraphs.layered(layers: 3 + $0, width: 5, seed: UInt64($0)) }
        let alone = try Graphviz.render(dot: graphs[0], engine: engine)
        for other in GraphvizEngine.allCases {
            _ = try Graphviz.render(dot: graphs[1], engine: other)
            _ = try Graphviz.render(dot: graphs[2], engine: other, format: .png)
            #expect(try Graphviz.render(dot: graphs[0], engine: engine) == alone)
        }
    }

    @Test("8 tasks x 10 renders give the serial outputs, errors included")
    func concurrentTasks() async throws {
        // Good graphs in each engine, and bad ones whose errors name different lines: a mixed-up
        // error buffer or a crash would show.
        let good = (0..<3).map { SampleGraphs.layered(layers: 3 + $0, width: 5, seed: UInt64($0)) }
        let bad = (1...3).map { String(repeating: "\n", count: $0) + "digraph { a -> }" }
        func job(_ index: Int) -> String {
            do {
                if index % 4 == 3 { _ = try Graphviz.render(dot: bad[index % 3]); return "no error" }
                let engine = GraphvizEngine.allCases[index % 3]
                return String(decoding: try Graphviz.render(dot: good[index % 3], engine: engine), as: UTF8.self)
            } catch {
                return error.description
            }
        }
        let serial = (0..<80).map(job)
        #expect(Set(serial.filter { $0.contains("syntax error") }).count == 3)

        let concurrent = await withTaskGroup(of: [(Int, String)].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var results: [(Int, String)] = []
                    for round in 0..<10 {
                        let index = round * 8 + task
                        results.append((index, job(index)))
                    }
                    return results
                }
            }
            var collected: [Int: String] = [:]
            for await results in group {
                for (index, text) in results { collected[index] = text }
            }
            return collected
        }
        #expect(concurrent.count == 80)
        for (index, text) in concurrent { #expect(text == serial[index]) }
    }

    @Test("threads outside Swift concurrency are serialised too")
    func concurrentThreads() throws {
        let dot = SampleGraphs.layered(layers: 4, width: 4)
        let expected = try Graphviz.render(dot: dot, engine: .neato)
        let results = Results(count: 40)
        DispatchQueue.concurrentPerform(iterations: 40) { index in
            results.set(index, (try? Graphviz.render(dot: dot, engine: .neato)) ?? [])
        }
        #expect(results.all.allSatisfy { $0 == expected })
    }
}

/// Outputs written from many threads, behind a lock.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[UInt8]]

    init(count: Int) { values = Array(repeating: [], count: count) }

    func set(_ index: Int, _ value: [UInt8]) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    var all: [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
