import Reports

/// What a study runs besides its header: the variants compared, or the sweep's grid and axes.
public enum StudySpec: Sendable, Equatable {
    /// The baseline and these variants, in order.
    case compare(variants: [String])
    /// A grid applied on the scenario (or on `variant`), with the Pareto front's metrics as
    /// given on the command line (empty for the defaults).
    case sweep(variant: String?, grid: SweepGrid, exposure: [String], friction: [String])

    /// `compare` or `sweep`.
    public var kind: String {
        switch self {
        case .compare: return "compare"
        case .sweep: return "sweep"
        }
    }

    /// The number of arms: the baseline plus the variants, or the grid's points.
    public var armCount: Int {
        switch self {
        case .compare(let variants): return 1 + variants.count
        case .sweep(_, let grid, _, _): return grid.pointCount
        }
    }
}

/// A shard's partial result: what was run, and the metric values of the shard's work units.
public struct PartFile: Sendable, Equatable {
    /// The `format` field every part carries.
    public static let formatName = "pimsim-part"
    /// The version of the layout.
    public static let formatVersion = 1

    /// The scenario, its hash, replications and seed.
    public var header: StudyHeader
    /// The variants or the grid.
    public var spec: StudySpec
    /// Which share of the units this is.
    public var shard: Shard
    /// The shard's units' values.
    public var results: RawResults

    /// Creates a part.
    public init(header: StudyHeader, spec: StudySpec, shard: Shard, results: RawResults) {
        self.header = header
        self.spec = spec
        self.shard = shard
        self.results = results
    }

    /// `compare-part-2-of-8.json` or `sweep-part-2-of-8.json`.
    public var fileName: String { "\(spec.kind)-part-\(shard.index)-of-\(shard.count).json" }

    /// The options shards must agree on, as JSON.
    var optionsJSON: JSONValue {
        var options: [String: JSONValue] = [
            "replications": .integer(Int64(header.replications)),
            "seed": JSONValue.seed(header.seed),
        ]
        switch spec {
        case .compare(let variants):
            options["variants"] = .array(variants.map(JSONValue.string))
        case .sweep(let variant, let grid, let exposure, let friction):
            options["variant"] = variant.map(JSONValue.string) ?? .null
            options["grid"] = .array(grid.axes.map { axis in
                .object(["keyPath": .array(axis.keyPath.map(JSONValue.string)), "values": .array(axis.values.map(JSONValue.string))])
            })
            options["exposure"] = .array(exposure.map(JSONValue.string))
            options["friction"] = .array(friction.map(JSONValue.string))
        }
        return .object(options)
    }

    /// The part as JSON text: every value in its exact shortest form, keys sorted.
    public var jsonText: String { streamedJSON.rendered() }

    var streamedJSON: StreamedJSON {
        let units = results.units.keys.sorted()
        return .object([
            "format": .value(.string(Self.formatName)),
            "version": .value(.integer(Int64(Self.formatVersion))),
            "kind": .value(.string(spec.kind)),
            "scenario": .value(.string(header.scenario)),
            "scenarioHash": .value(.string(header.scenarioHash)),
            "options": .value(optionsJSON),
            "shard": .value(.object(["index": .integer(Int64(shard.index)), "count": .integer(Int64(shard.count))])),
            "units": .array(count: units.count) { [results] index in
                let values = results.units[units[index]] ?? MetricValues([:])
                return .object([
                    "unit": .value(.integer(Int64(units[index]))),
                    "metrics": .object(keys: values.keys) { .value(values[$0].map(JSONValue.number) ?? .null) },
                ])
            },
        ])
    }
}

extension PartFile: Decodable {
    /// Why a file is not a usable part.
    public struct ReadError: Error, Equatable, CustomStringConvertible {
        /// What is wrong.
        public let description: String
    }

    /// Reads a part from its JSON text (through Foundation's `JSONDecoder`; the metric values
    /// come back to the bit).
    public init(text: String) throws {
        do {
            self = try JSONReading.decode(PartFile.self, from: text)
        } catch {
            throw ReadError(description: error.description)
        }
    }

    private enum Key: String, CodingKey { case format, version, kind, scenario, scenarioHash, options, shard, units }
    private enum OptionKey: String, CodingKey { case replications, seed, variants, variant, grid, exposure, friction }
    private enum AxisKey: String, CodingKey { case keyPath, values }
    private enum ShardKey: String, CodingKey { case index, count }
    private enum UnitKey: String, CodingKey { case unit, metrics }

    /// Reads a part, checking its layout: the format and version, the options, the shard, and
    /// that the units are exactly the shard's.
    public init(from decoder: any Decoder) throws {
        let fields: KeyedDecodingContainer<Key>
        do { fields = try decoder.container(keyedBy: Key.self) } catch { throw JSONReading.Failure("the document should be an object") }
        guard try fields.member(String.self, .format, "a string") == Self.formatName else {
            throw JSONReading.Failure("not a pimsim partial result ('format' is not '\(Self.formatName)')")
        }
        let version = try fields.member(Int.self, .version, "a whole number")
        guard version == Self.formatVersion else {
            throw JSONReading.Failure("partial result version \(version); this pimsim reads version \(Self.formatVersion)")
        }
        let kind = try fields.member(String.self, .kind, "a string")
        let options = try fields.object(OptionKey.self, .options)
        let replications = try options.member(Int.self, .replications, "a whole number")
        let seed = try options.member(Int.self, .seed, "a whole number")
        guard (1...1_000_000).contains(replications), seed >= 0 else {
            throw JSONReading.Failure("options: replications must be between 1 and 1000000 and the seed at least 0")
        }
        header = StudyHeader(scenario: try fields.member(String.self, .scenario, "a string"),
                             scenarioHash: try fields.member(String.self, .scenarioHash, "a string"),
                             replications: replications, seed: UInt64(seed))
        switch kind {
        case "compare":
            spec = .compare(variants: try options.member([String].self, .variants, "a list of strings"))
        case "sweep":
            var axes: [GridAxis] = []
            for axis in try options.objects(AxisKey.self, .grid) {
                axes.append(GridAxis(keyPath: try axis.member([String].self, .keyPath, "a list of strings"),
                                     values: try axis.member([String].self, .values, "a list of strings")))
            }
            let grid: SweepGrid
            do { grid = try SweepGrid(axes: axes) } catch { throw JSONReading.Failure("options.grid: \(error)") }
            spec = .sweep(variant: try options.optionalMember(String.self, .variant, "a string"), grid: grid,
                          exposure: try options.member([String].self, .exposure, "a list of strings"),
                          friction: try options.member([String].self, .friction, "a list of strings"))
        default:
            throw JSONReading.Failure("unknown kind '\(kind)'; expected 'compare' or 'sweep'")
        }
        let shardFields = try fields.object(ShardKey.self, .shard)
        do {
            shard = try Shard(index: try shardFields.member(Int.self, .index, "a whole number"),
                              count: try shardFields.member(Int.self, .count, "a whole number"))
        } catch let error as Shard.ParseError {
            throw JSONReading.Failure("shard: \(error)")
        }
        results = RawResults(arms: spec.armCount, replications: replications)
        var keys = Set<String>()
        for unit in try fields.objects(UnitKey.self, .units) {
            let index = try unit.member(Int.self, .unit, "a whole number")
            guard (0..<results.unitCount).contains(index), shard.contains(unit: index) else {
                throw JSONReading.Failure("unit \(index) does not belong to shard \(shard) of \(results.unitCount) units")
            }
            guard results.units[index] == nil else { throw JSONReading.Failure("unit \(index) appears twice") }
            results.units[index] = MetricValues(try unit.member([String: Double].self, .metrics, "an object of numbers")).interned(in: &keys)
        }
        let expected = shard.count(of: results.unitCount)
        guard results.units.count == expected else {
            throw JSONReading.Failure("shard \(shard) should hold \(expected) units, holds \(results.units.count)")
        }
    }
}

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
