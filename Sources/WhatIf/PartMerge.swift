/// Combines the parts of a sharded study into the complete results a single run would have.
public enum PartMerge {
    /// Why parts cannot be merged.
    public struct MergeError: Error, Equatable, CustomStringConvertible {
        /// What is wrong, naming the parts.
        public let description: String
    }

    /// A finished study: what was run and every unit's values.
    public struct Merged: Sendable, Equatable {
        /// The scenario, its hash, replications and seed.
        public var header: StudyHeader
        /// The variants or the grid.
        public var spec: StudySpec
        /// Every unit's values.
        public var results: RawResults
    }

    /// Checks that the parts belong together (the same scenario file, the same options, each of
    /// the N shards exactly once) and merges them. `source` names a part in errors (its path).
    public static func merge(_ parts: [(source: String, part: PartFile)]) throws -> Merged {
        guard let (firstSource, first) = parts.first else { throw MergeError(description: "no partial results to merge") }
        for (source, part) in parts.dropFirst() {
            func differ(_ what: String, _ mine: String, _ theirs: String) -> MergeError {
                MergeError(description: "\(source) and \(firstSource) do not belong together: \(what) differ ('\(theirs)' against '\(mine)')")
            }
            if part.spec.kind != first.spec.kind { throw differ("the kinds", first.spec.kind, part.spec.kind) }
            if part.header.scenario != first.header.scenario { throw differ("the scenarios", first.header.scenario, part.header.scenario) }
            if part.header.scenarioHash != first.header.scenarioHash {
                throw differ("the scenario files' SHA-256 hashes (the file changed between runs?)", first.header.scenarioHash, part.header.scenarioHash)
            }
            if part.header.replications != first.header.replications {
                throw differ("the replications", String(first.header.replications), String(part.header.replications))
            }
            if part.header.seed != first.header.seed { throw differ("the seeds", String(first.header.seed), String(part.header.seed)) }
            if part.spec != first.spec {
                throw differ("the options", first.optionsJSON.renderedCompact(), part.optionsJSON.renderedCompact())
            }
            if part.shard.count != first.shard.count {
                throw differ("the shard counts", String(first.shard.count), String(part.shard.count))
            }
        }
        let count = first.shard.count
        var seen: [Int: String] = [:]
        for (source, part) in parts {
            if let earlier = seen[part.shard.index] {
                throw MergeError(description: "shard \(part.shard) is given twice: \(earlier) and \(source); give each shard once")
            }
            seen[part.shard.index] = source
        }
        let missing = (1...count).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            throw MergeError(description: "missing shard\(missing.count == 1 ? "" : "s") \(list) of \(count); merge needs every shard exactly once")
        }
        var results = RawResults(arms: first.results.arms, replications: first.results.replications)
        for (_, part) in parts {
            results.units.merge(part.results.units) { current, _ in current }
        }
        guard results.isComplete else {
            throw MergeError(description: "the parts hold \(results.units.count) of \(results.unitCount) units")
        }
        return Merged(header: first.header, spec: first.spec, results: results)
    }
}
