import Trace

extension HTMLReport {
    /// The plot's width in pixels of a chart with the value axis on the left.
    static let plotWidth = chartWidth - 56 - 16

    /// One chart per series: a step chart, or daily (hourly) bands when the series is dense;
    /// then the weekday × hour heat maps.
    static func seriesCharts(_ input: ReportInput) -> String {
        guard !input.series.isEmpty else { return "<p class=\"note\">No series were recorded.</p>\n" + heatMaps(input) }
        let bin = TimeSummary.binSize(horizon: input.horizon)
        let dense = input.series.map { TimeSummary.isDense($0, horizon: input.horizon, pixels: plotWidth) }
        var html = "<p class=\"note\">"
        if dense.contains(false) {
            html += "Step charts: each value holds from the moment it is reached until the next change "
                + "(after every event of that instant). "
        }
        if dense.contains(true) {
            let per = TimeSummary.binName(bin)
            html += "Series with more changes than a third of the chart's pixel columns are summarised per \(per) (UTC): "
                + "the shaded band runs from the \(per)'s minimum to its maximum, the line is its time-weighted mean. "
        }
        let axis = TimeAxis(startEpoch: input.startEpoch, horizon: input.horizon, left: 0, width: plotWidth)
        html += axis.weekends().isEmpty ? "</p>\n" : "Shaded columns are Saturdays and Sundays (UTC).</p>\n"
        for (index, series) in input.series.enumerated() {
            html += dense[index] ? bandChart(series, index: index, bin: bin, input: input) : stepChart(series, index: index, input: input)
        }
        return html + heatMaps(input)
    }

    /// A step chart of one series over the horizon, with time and value axes.
    static func stepChart(_ series: TimeSeries, index: Int, input: ReportInput) -> String {
        seriesFigure(series, index: index, input: input, note: nil) { axis, y, values in
            guard let line = stepPath(series.points, axis: axis, y: y) else { return "" }
            let base = Markup.coordinate(y(max(values.low, min(0, values.high))))
            return "<path class=\"area\" d=\"\(line) V\(base) H\(Markup.coordinate(axis.x(0))) Z\"/>\n"
                + "<path class=\"line\" d=\"\(line)\"/>\n"
        }
    }

    /// The frame every series chart shares: caption with the series' statistics, weekend shading,
    /// time and value axes; `plot` draws the series itself.
    static func seriesFigure(
        _ series: TimeSeries, index: Int, input: ReportInput, note: String?,
        plot: (TimeAxis, (Double) -> Double, ValueAxis) -> String
    ) -> String {
        let height = 190.0
        let left = 56.0
        let top = 12.0
        let bottom = 34.0
        let axis = TimeAxis(startEpoch: input.startEpoch, horizon: input.horizon, left: left, width: chartWidth - left - 16)
        let integral = series.points.allSatisfy { $0.value == $0.value.rounded() }
        let values = ValueAxis(smallest: series.min, largest: series.max, integral: integral)
        let y = { (value: Double) in values.y(value, top: top, height: height - top - bottom) }
        let unit = series.unit.map { " (\($0))" } ?? ""
        let stats = "min \(Markup.number(series.min)) · max \(Markup.number(series.max)) · at the end \(Markup.number(series.end))"
            + " · time-weighted mean \(Markup.number(series.mean(horizon: input.horizon)))"
        var svg = "<svg class=\"chart s\(index % 6)\" viewBox=\"0 0 \(Markup.coordinate(chartWidth)) \(Markup.coordinate(height))\""
            + " width=\"\(Markup.coordinate(chartWidth))\" height=\"\(Markup.coordinate(height))\">\n"
        svg += "<title>\(Markup.html(series.name + unit)) over time\(Markup.html(note.map { ", \($0)" } ?? ""))</title>\n"
        svg += timeGrid(axis, top: top, bottom: height - bottom)
        for tick in values.ticks {
            let tickY = Markup.coordinate(y(tick))
            svg += "<line class=\"grid\" x1=\"\(Markup.coordinate(left))\" y1=\"\(tickY)\" x2=\"\(Markup.coordinate(axis.x(input.horizon)))\" y2=\"\(tickY)\"/>"
            svg += "<text class=\"tick\" x=\"\(Markup.coordinate(left - 6))\" y=\"\(tickY)\" dy=\"4\" text-anchor=\"end\">\(Markup.number(tick))</text>\n"
        }
        svg += plot(axis, y, values)
        svg += "<line class=\"axis\" x1=\"\(Markup.coordinate(left))\" y1=\"\(Markup.coordinate(height - bottom))\""
            + " x2=\"\(Markup.coordinate(axis.x(input.horizon)))\" y2=\"\(Markup.coordinate(height - bottom))\"/>\n"
        svg += "</svg>\n"
        let kind = note.map { " <span class=\"kind\">\(Markup.html($0))</span>" } ?? ""
        return "<figure class=\"chart\">\n<figcaption><strong>\(Markup.html(series.name))</strong>\(Markup.html(unit))\(kind)"
            + " <span class=\"stats\">\(Markup.html(stats))</span></figcaption>\n\(svg)</figure>\n"
    }

    /// Weekend shading, vertical grid lines and date labels between `top` and `bottom`.
    static func timeGrid(_ axis: TimeAxis, top: Double, bottom: Double) -> String {
        var svg = ""
        let y = Markup.coordinate(top)
        let height = Markup.coordinate(bottom - top)
        for weekend in axis.weekends() {
            let x = axis.x(weekend.from)
            svg += "<rect class=\"weekend\" x=\"\(Markup.coordinate(x))\" y=\"\(y)\""
                + " width=\"\(Markup.coordinate(axis.x(weekend.to) - x))\" height=\"\(height)\"/>"
        }
        if !svg.isEmpty { svg += "\n" }
        for tick in axis.ticks() {
            let x = Markup.coordinate(axis.x(tick.time))
            let kind = tick.label.isEmpty ? "grid minor" : "grid"
            svg += "<line class=\"\(kind)\" x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x)\" y2=\"\(Markup.coordinate(bottom))\"/>"
            if !tick.label.isEmpty {
                // A label that would run past the right end of the axis ends at its tick instead.
                let room = axis.left + axis.width - axis.x(tick.time)
                let anchor = room < Double(tick.label.count) * 3.5 ? "end" : "middle"
                svg += "<text class=\"tick\" x=\"\(x)\" y=\"\(Markup.coordinate(bottom + 16))\" text-anchor=\"\(anchor)\">"
                    + "\(Markup.html(tick.label))</text>\n"
            }
        }
        return svg + "\n"
    }

    /// The SVG path of a step function: horizontal runs and vertical steps. Steps that fall within
    /// half a pixel of each other are merged into one vertical stroke covering their range, so a
    /// series with millions of changes draws with a few commands per pixel column.
    static func stepPath(_ points: [TimeSeries.Point], axis: TimeAxis, y: (Double) -> Double) -> String? {
        guard let first = points.first else { return nil }
        var path = "M\(Markup.coordinate(axis.x(first.time))) \(Markup.coordinate(y(first.value)))"
        var penX = axis.x(first.time)
        var penY = y(first.value)
        var column: (low: Double, high: Double, last: Double, steps: Int)?
        func flush() {
            guard let pending = column else { return }
            if pending.steps > 1 && pending.low < pending.high {
                path += " V\(Markup.coordinate(pending.low)) V\(Markup.coordinate(pending.high))"
            }
            path += " V\(Markup.coordinate(pending.last))"
            penY = pending.last
            column = nil
        }
        for point in points.dropFirst() where point.time < axis.horizon {
            let x = axis.x(point.time)
            let value = y(point.value)
            if x - penX >= 0.5 {
                flush()
                path += " H\(Markup.coordinate(x))"
                penX = x
                column = (min(penY, value), max(penY, value), value, 1)
            } else if let pending = column {
                column = (min(pending.low, value), max(pending.high, value), value, pending.steps + 1)
            } else {
                column = (min(penY, value), max(penY, value), value, 1)
            }
        }
        flush()
        path += " H\(Markup.coordinate(axis.x(axis.horizon)))"
        return path
    }

    /// `Mon 2 Mar 09:30` for a simulated time.
    static func moment(_ time: Int64, startEpoch: Int64) -> String {
        let epoch = startEpoch + time
        let days = TimeAxis.days(epoch)
        let second = epoch - days * TimeAxis.day
        return TimeAxis.dayLabel(days: days) + " " + TimeText.digits(second / 3600, 2) + ":" + TimeText.digits(second / 60 % 60, 2)
    }
}
