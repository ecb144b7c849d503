import Trace

extension HTMLReport {
    /// A dense series as one band per bin, from its minimum to its maximum, with the bin's
    /// time-weighted mean as a line: a year reads as 365 columns whatever the number of changes.
    static func bandChart(_ series: TimeSeries, index: Int, bin: Int64, input: ReportInput) -> String {
        let bands = TimeSummary.bands(series, startEpoch: input.startEpoch, horizon: input.horizon, bin: bin)
        let per = TimeSummary.binName(bin) == "day" ? "daily" : TimeSummary.binName(bin) + "ly"
        return seriesFigure(series, index: index, input: input, note: "\(per) min–max band and mean") { axis, y, _ in
            guard let first = bands.first else { return "" }
            // The band: along the maxima left to right, back along the minima right to left.
            var band = "M\(Markup.coordinate(axis.x(first.from))) \(Markup.coordinate(y(first.max)))"
            var mean = "M\(Markup.coordinate(axis.x(first.from))) \(Markup.coordinate(y(first.mean)))"
            for (number, item) in bands.enumerated() {
                if number > 0 {
                    band += " V\(Markup.coordinate(y(item.max)))"
                    mean += " V\(Markup.coordinate(y(item.mean)))"
                }
                band += " H\(Markup.coordinate(axis.x(item.to)))"
                mean += " H\(Markup.coordinate(axis.x(item.to)))"
            }
            for item in bands.reversed() {
                band += " V\(Markup.coordinate(y(item.min))) H\(Markup.coordinate(axis.x(item.from)))"
            }
            return "<path class=\"range\" d=\"\(band) Z\"/>\n<path class=\"line\" d=\"\(mean)\"/>\n"
        }
    }

    /// Heat-map colour steps, from none to the most.
    static let heatSteps = 6

    /// The weekday × hour heat maps: users holding a role just in time, and requests waiting for
    /// approval, each the time-weighted mean over every such hour of the run.
    static func heatMaps(_ input: ReportInput) -> String {
        var byUser: [String: [(from: Int64, to: Int64)]] = [:]
        for activation in input.activations {
            byUser[activation.user, default: []].append((activation.start, activation.end ?? input.horizon))
        }
        let holding = byUser.keys.sorted().flatMap { TimeSummary.merged(byUser[$0] ?? []) }
        let holders = TimeSummary.countSeries(holding, name: "Just-in-time holders")
        let waiting = TimeSummary.countSeries(input.approvalWaits.map { ($0.from, $0.to) }, name: "Requests waiting for approval")
        var html = "<h3 id=\"heatmaps\">When access is needed, and when people wait</h3>\n"
            + "<p class=\"note\">Each cell is a weekday and hour (UTC): the mean number at any moment of that hour, "
            + "over every such hour of the run. Darker is more, from the map's smallest non-zero cell to its largest "
            + "(an empty cell stays pale); hover a cell for its value.</p>\n"
        html += "<div class=\"panels\">\n"
        html += heatMap(holders, id: "heat-jit", caption: "Users holding a role just in time", unit: "users", input: input)
        html += heatMap(waiting, id: "heat-waits", caption: "Requests waiting for approval", unit: "requests", input: input)
        html += "</div>\n"
        if input.omittedActivations > 0 {
            html += "<p class=\"note warn\">The just-in-time map counts the first \(input.activations.count) activations only.</p>\n"
        }
        return html
    }

    /// The colour step of a heat-map cell: 0 when empty, else 1 to `heatSteps - 1` from the
    /// smallest non-empty cell to the largest (the middle step when they are equal).
    static func heatStep(_ value: Double, smallest: Double, largest: Double) -> Int {
        guard value > 0 else { return 0 }
        guard largest > smallest else { return (heatSteps + 1) / 2 }
        let fraction = (value - smallest) / (largest - smallest)
        return 1 + min(heatSteps - 2, Int((fraction * Double(heatSteps - 1)).rounded(.down)))
    }

    /// One weekday × hour heat map of a step series.
    static func heatMap(_ series: TimeSeries, id: String, caption: String, unit: String, input: ReportInput) -> String {
        let profile = TimeSummary.weekHourProfile(series, startEpoch: input.startEpoch, horizon: input.horizon)
        let values = profile.flatMap { $0.compactMap { $0 } }
        let largest = values.max() ?? 0
        // The scale spans the cells' own range, so a steady load still shows its pattern; the
        // caption gives the range, and only an empty cell is drawn as empty.
        let smallest = values.filter { $0 > 0 }.min() ?? 0
        let left = 40.0
        let top = 18.0
        let cell = 20.0
        let rowHeight = 18.0
        let width = left + cell * 24 + 4
        let height = top + rowHeight * 7 + 4
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        var svg = "<svg class=\"chart heat\" viewBox=\"0 0 \(Markup.coordinate(width)) \(Markup.coordinate(height))\""
            + " width=\"\(Markup.coordinate(width))\" height=\"\(Markup.coordinate(height))\">\n"
        svg += "<title>\(Markup.html(caption)) by weekday and hour</title>\n"
        for hour in stride(from: 0, to: 24, by: 3) {
            svg += "<text class=\"tick\" x=\"\(Markup.coordinate(left + cell * Double(hour) + cell / 2))\" y=\"12\" text-anchor=\"middle\">"
                + "\(TimeText.digits(Int64(hour), 2))</text>"
        }
        svg += "\n"
        for (row, values) in profile.enumerated() {
            let y = top + rowHeight * Double(row)
            svg += "<text class=\"tick\" x=\"\(Markup.coordinate(left - 6))\" y=\"\(Markup.coordinate(y + rowHeight / 2))\" dy=\"4\""
                + " text-anchor=\"end\">\(days[row])</text>"
            for (hour, value) in values.enumerated() {
                let step = value.map { heatStep($0, smallest: smallest, largest: largest) }
                let tip = "\(days[row]) \(TimeText.digits(Int64(hour), 2)):00–\(TimeText.digits(Int64(hour + 1), 2)):00: "
                    + (value.map { "\(Markup.fixed($0, decimals: 2)) \(unit) on average" } ?? "not in the run")
                svg += "<rect class=\"\(step.map { "h\($0)" } ?? "hnone")\" x=\"\(Markup.coordinate(left + cell * Double(hour)))\""
                    + " y=\"\(Markup.coordinate(y))\" width=\"\(Markup.coordinate(cell - 1))\" height=\"\(Markup.coordinate(rowHeight - 1))\">"
                    + "<title>\(Markup.html(tip))</title></rect>"
            }
            svg += "\n"
        }
        svg += "</svg>\n"
        let scale = smallest < largest
            ? "lightest \(Markup.fixed(smallest, decimals: 2)), darkest \(Markup.fixed(largest, decimals: 2)) \(unit)"
            : "every cell \(Markup.fixed(largest, decimals: 2)) \(unit)"
        return "<figure class=\"chart panel\" id=\"\(id)\">\n<figcaption><strong>\(Markup.html(caption))</strong>"
            + " <span class=\"stats\">\(Markup.html(scale))</span></figcaption>\n\(svg)</figure>\n"
    }
}
