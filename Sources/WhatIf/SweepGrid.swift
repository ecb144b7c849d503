import ScenarioFormat

/// One `--grid KEYPATH=v1,v2,...` entry: a key path of the scenario and the values it takes.
public struct GridAxis: Sendable, Equatable, CustomStringConvertible {
    /// The map keys from the document's root.
    public var keyPath: [String]
    /// The values, as YAML scalar text, in the order given.
    public var values: [String]

    /// Creates an axis.
    public init(keyPath: [String], values: [String]) {
        self.keyPath = keyPath
        self.values = values
    }

    /// The key path as written (`policies.default.activation.maxDuration`).
    public var keyPathText: String { ScenarioPatch.keyPathText(keyPath) }

    /// `KEYPATH=v1,v2` as written on the command line.
    public var description: String {
        keyPathText + "=" + values.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,") }
            .joined(separator: ",")
    }

    /// Why a grid entry could not be read.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// What is wrong, quoting the entry.
        public let description: String
    }

    /// Reads `KEYPATH=v1,v2,...`: the key path up to the first `=`, then values separated by
    /// commas (`\,` is a comma inside a value, `\\` a backslash), each trimmed of spaces.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "=") else {
            throw ParseError(description: "--grid '\(text)': expected KEYPATH=v1,v2,... such as 'policies.default.activation.maxDuration=1h,4h,8h'")
        }
        let pathText = String(text[..<equals])
        do {
            keyPath = try ScenarioPatch.parseKeyPath(pathText.trimmingSpaces())
        } catch {
            throw ParseError(description: "--grid '\(text)': \(error)")
        }
        values = try Self.splitValues(String(text[text.index(after: equals)...]), entry: text)
        if keyPath == ["seed"] {
            throw ParseError(description: "--grid '\(text)': 'seed' cannot be swept: every grid point runs on the same replication seeds (common random numbers); use --replications and --seed")
        }
    }

    private static func splitValues(_ text: String, entry: String) throws -> [String] {
        var values: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                guard character == "," || character == "\\" else {
                    throw ParseError(description: "--grid '\(entry)': '\\\(character)' is not an escape; write '\\,' for a comma inside a value or '\\\\' for a backslash")
                }
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "," {
                values.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaping { throw ParseError(description: "--grid '\(entry)': the values end with a lone backslash") }
        values.append(current.trimmingSpaces())
        if values.contains(where: \.isEmpty) {
            throw ParseError(description: "--grid '\(entry)': a value is empty; expected values separated by single commas, such as '1h,4h,8h'")
        }
        var seen = Set<String>()
        for value in values where !seen.insert(value).inserted {
            throw ParseError(description: "--grid '\(entry)': the value '\(value)' is listed twice; each value once")
        }
        return values
    }
}

/// The grid of a sweep: every combination of its axes' values is one point.
public struct SweepGrid: Sendable, Equatable {
    /// The axes, in the order given.
    public var axes: [GridAxis]

    /// The most points a sweep may have.
    public static let maxPoints = 100_000

    /// Creates a grid; throws when two axes name the same key path, one lies inside another, or
    /// the grid has more than `maxPoints` points.
    public init(axes: [GridAxis]) throws {
        guard !axes.isEmpty else { throw GridAxis.ParseError(description: "a sweep needs at least one --grid KEYPATH=v1,v2,...") }
        for (i, first) in axes.enumerated() {
            for second in axes[(i + 1)...] {
                let shorter = min(first.keyPath.count, second.keyPath.count)
                if Array(first.keyPath.prefix(shorter)) == Array(second.keyPath.prefix(shorter)) {
                    let relation = first.keyPath == second.keyPath ? "are the same key path" : "overlap (one lies inside the other)"
                    throw GridAxis.ParseError(description: "--grid '\(first.keyPathText)' and --grid '\(second.keyPathText)' \(relation); each key path once")
                }
            }
        }
        var count = 1
        for axis in axes {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= Self.maxPoints else {
                throw GridAxis.ParseError(description: "the grid has more than \(Self.maxPoints) points; sweep fewer values or shard a smaller grid")
            }
            count = product
        }
        self.axes = axes
    }

    /// The number of points: the product of the axes' value counts.
    public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The points' values, one per axis; the first axis varies slowest.
    public var points: [[String]] {
        var points: [[String]] = [[]]
        for axis in axes {
            points = points.flatMap { prefix in axis.values.map { prefix + [$0] } }
        }
        return points
    }

    /// The patches of a point.
    public func patches(_ point: [String]) -> [ScenarioPatch] {
        zip(axes, point).map { ScenarioPatch(keyPath: $0.keyPath, value: $1) }
    }

    /// `key=value, key=value` naming a point, with each axis's last key only (`maxDuration=1h`)
    /// unless two axes end in the same key.
    public func label(_ point: [String]) -> String {
        let lastKeys = axes.map { $0.keyPath.last ?? "" }
        let ambiguous = Set(lastKeys).count < lastKeys.count
        return zip(axes, point).map { axis, value in
            "\(ambiguous ? axis.keyPathText : (axis.keyPath.last ?? axis.keyPathText))=\(value)"
        }.joined(separator: ", ")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
