import Reports

extension SweepReport {
    /// `sweep.csv`: one record per grid point: the grid values, then the mean, low and high of
    /// every key metric (exposure, friction, the main metrics), then `pareto` (`true` or `false`).
    public var csv: String {
        let keys = keyMetrics
        var header = grid.axes.map(\.keyPathText)
        for key in keys { header += [key + ".mean", key + ".low", key + ".high"] }
        header.append("pareto")
        let rows = points.map { point in
            var fields = point.values
            for key in keys {
                if let summary = point.metrics[key] {
                    fields += [CSV.number(summary.mean), CSV.number(summary.low), CSV.number(summary.high)]
                } else {
                    fields += ["", "", ""]
                }
            }
            fields.append(point.pareto ? "true" : "false")
            return fields
        }
        return CSV.document(header: header, rows: rows)
    }

    /// `sweep.json`: the header, the grid, the front's metrics, and every point's index, label,
    /// values, `pareto` and metrics.
    public var jsonText: String { streamedJSON.rendered() }

    var streamedJSON: StreamedJSON {
        var members = header.jsonMembers.mapValues(StreamedJSON.value)
        members["kind"] = .value(.string("sweep"))
        members["variant"] = .value(variant.map(JSONValue.string) ?? .null)
        members["grid"] = .value(.array(grid.axes.map { axis in
            .object(["keyPath": .string(axis.keyPathText), "values": .array(axis.values.map(JSONValue.string))])
        }))
        members["exposure"] = .value(.array(exposure.map(JSONValue.string)))
        members["friction"] = .value(.array(friction.map(JSONValue.string)))
        members["points"] = .array(count: points.count) { [points, grid] index in
            let point = points[index]
            var values: [String: JSONValue] = [:]
            for (axis, value) in zip(grid.axes, point.values) { values[axis.keyPathText] = .string(value) }
            return .object([
                "index": .value(.integer(Int64(index + 1))),
                "label": .value(.string(point.label)),
                "values": .value(.object(values)),
                "pareto": .value(.bool(point.pareto)),
                "metrics": .object(keys: Array(point.metrics.keys)) { .value(point.metrics[$0]?.json ?? .null) },
            ])
        }
        return .object(members)
    }

    /// The terminal table: each point's grid values, the means of the front's metrics, and a
    /// star on the points of the Pareto front.
    public func terminalTable() -> String {
        let keys = exposure + friction
        var lines: [[String]] = [["#"] + grid.axes.map { $0.keyPath.last ?? $0.keyPathText } + keys + ["pareto"]]
        for (index, point) in points.enumerated() {
            let means = keys.map { key in point.metrics[key].map { $0.text() } ?? "n/a" }
            lines.append([String(index + 1)] + point.values + means + [point.pareto ? "*" : ""])
        }
        var text = "\(header.scenario)\(variant.map { " (variant \($0))" } ?? ""): \(points.count) grid point\(points.count == 1 ? "" : "s") × "
            + "\(header.replications) replication\(header.replications == 1 ? "" : "s"), seed \(header.seed), common random numbers\n"
        text += TextTable.render(lines)
        if keys.isEmpty {
            text += "no exposure or friction metric to draw a Pareto front; name them with --exposure and --friction\n"
        } else {
            text += "* on the Pareto front: no other point is at least as good on every one of \(keys.joined(separator: ", ")) and better on one\n"
        }
        return text
    }
}
