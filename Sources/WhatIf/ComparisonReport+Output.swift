import Reports

extension SampleSummary {
    /// `{"n", "mean", "sd", "low", "high"}`; `sd` is null with a single value.
    public var json: JSONValue {
        .object([
            "n": .integer(Int64(count)),
            "mean": .number(mean),
            "sd": standardDeviation.map(JSONValue.number) ?? .null,
            "low": .number(low),
            "high": .number(high),
        ])
    }

    /// `mean [low, high]` rounded for people.
    public func text(decimals: Int = 2) -> String {
        func rounded(_ value: Double) -> String { value.isFinite ? Markup.fixed(value, decimals: decimals) : "-" }
        guard count > 1 else { return rounded(mean) }
        return "\(rounded(mean)) [\(rounded(low)), \(rounded(high))]"
    }
}

extension StudyHeader {
    /// The header's fields as JSON object members.
    var jsonMembers: [String: JSONValue] {
        [
            "scenario": .string(scenario),
            "scenarioHash": .string(scenarioHash),
            "replications": .integer(Int64(replications)),
            "seed": JSONValue.seed(seed),
            "replicationSeeds": .array(replicationSeeds.map(JSONValue.seed)),
            "confidence": .number(Statistics.confidence),
        ]
    }
}

extension JSONValue {
    /// A seed as a JSON integer (seeds are at most 2^63 − 1; larger ones, never made here, as text).
    static func seed(_ seed: UInt64) -> JSONValue {
        Int64(exactly: seed).map(JSONValue.integer) ?? .string(String(seed))
    }
}

extension ComparisonReport {
    /// `compare.json`: the header, the arms in order, and for every metric and arm the value's
    /// summary (`value`) with the paired difference to the baseline (`difference`).
    public var jsonText: String { streamedJSON.rendered() }

    var streamedJSON: StreamedJSON {
        // Rows come grouped by metric: each metric's rows are one contiguous range.
        var ranges: [String: Range<Int>] = [:]
        var start = 0
        for index in rows.indices where index + 1 == rows.count || rows[index + 1].metric != rows[index].metric {
            ranges[rows[index].metric] = start..<(index + 1)
            start = index + 1
        }
        var members = header.jsonMembers.mapValues(StreamedJSON.value)
        members["kind"] = .value(.string("compare"))
        members["variants"] = .value(.array(arms.map(JSONValue.string)))
        members["metrics"] = .object(keys: Array(ranges.keys)) { [rows] metric in
            var arms: [String: JSONValue] = [:]
            for row in rows[ranges[metric] ?? 0..<0] {
                arms[row.arm] = .object(["value": row.value?.json ?? .null, "difference": row.difference?.json ?? .null])
            }
            return .value(.object(arms))
        }
        return .object(members)
    }

    /// The CSV header.
    public static let csvHeader = [
        "metric", "variant", "n", "mean", "sd", "low", "high",
        "difference_n", "difference_mean", "difference_sd", "difference_low", "difference_high",
    ]

    /// `compare.csv`: one record per metric and arm, every number in its exact shortest form.
    public var csv: String {
        CSV.document(header: Self.csvHeader, rows: rows.map { row in
            [row.metric, row.arm] + Self.csvFields(row.value) + Self.csvFields(row.difference)
        })
    }

    private static func csvFields(_ summary: SampleSummary?) -> [String] {
        guard let summary else { return ["0", "", "", "", ""] }
        return [
            String(summary.count), CSV.number(summary.mean), CSV.number(summary.standardDeviation),
            CSV.number(summary.low), CSV.number(summary.high),
        ]
    }

    /// The terminal table of the selected metrics: each arm's mean with its interval, and the
    /// difference to the baseline with its interval.
    public func terminalTable(_ selection: MetricSelection = .main) -> String {
        let selected = rows(matching: selection)
        var lines: [[String]] = [["metric", "variant", "mean [95% CI]", "difference to baseline [95% CI]"]]
        var previous: String?
        for row in selected {
            let metric = row.metric == previous ? "" : row.metric
            previous = row.metric
            let difference = row.arm == arms.first ? "" : (row.difference?.text() ?? "n/a")
            lines.append([metric, row.arm, row.value?.text() ?? "n/a", difference])
        }
        var text = "\(header.scenario): \(arms.count) arm\(arms.count == 1 ? "" : "s") × \(header.replications) replication\(header.replications == 1 ? "" : "s"), "
            + "seed \(header.seed), common random numbers\n"
        if selected.isEmpty {
            text += "(no metric matches \(selection.prefixes.joined(separator: ", ")))\n"
            return text
        }
        text += TextTable.render(lines)
        if header.replications == 1 { text += "one replication: no spread can be estimated; the intervals are the means\n" }
        return text
    }
}

/// Left-aligned text columns separated by two spaces, with a rule under the header.
enum TextTable {
    static func render(_ lines: [[String]]) -> String {
        guard let first = lines.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for line in lines {
            for (column, cell) in line.enumerated() where column < widths.count { widths[column] = max(widths[column], cell.count) }
        }
        var text = ""
        for (index, line) in lines.enumerated() {
            let cells = line.enumerated().map { column, cell in
                column == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            text += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            if index == 0 {
                text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
