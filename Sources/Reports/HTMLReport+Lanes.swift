extension HTMLReport {
    /// Density colour steps of the role lanes, from none to the most.
    static let laneSteps = 6

    /// The timeline of a large run: one lane per role, shaded by how many activations of the role
    /// ran at once (every activation counts), then the busiest users' activations as bars, and a
    /// note of what is not drawn one by one.
    static func scaledTimeline(_ input: ReportInput, rows: Int) -> String {
        let bin = TimeSummary.binSize(horizon: input.horizon)
        let per = bin == TimeSummary.hour ? "hour" : bin == TimeSummary.day ? "day" : "week"
        var byRole: [String: [ReportInput.Activation]] = [:]
        var byUser: [String: [ReportInput.Activation]] = [:]
        for activation in input.activations {
            byRole[activation.role, default: []].append(activation)
            byUser[activation.user, default: []].append(activation)
        }
        let roles = byRole.keys.sorted { (byRole[$0]?.count ?? 0, $1) > (byRole[$1]?.count ?? 0, $0) }
        var html = "<p class=\"note\">Too many activations to draw one bar each (\(input.activations.count) in \(rows) user and role rows). "
            + "Each role's lane is shaded per \(per) by the mean number of its activations running at once; darker is more.</p>\n"
        html += laneChart(Array(roles.prefix(roleLaneLimit)), byRole: byRole, bin: bin, input: input)
        if roles.count > roleLaneLimit {
            html += "<p class=\"note more\">\(roles.count - roleLaneLimit) roles with fewer activations have no lane.</p>\n"
        }
        let busiest = byUser.keys.sorted { (byUser[$0]?.count ?? 0, $1) > (byUser[$1]?.count ?? 0, $0) }.prefix(busiestUserLimit)
        var users: [Row] = []
        for user in busiest {
            let list = byUser[user] ?? []
            let name = list.first?.userName.map { "\(user) (\($0))" } ?? user
            let bars = list.map { activation in
                let end = activation.end ?? input.horizon
                return (from: activation.start, to: end, kind: activation.endReason ?? "active",
                        tooltip: "\(activation.role), \(moment(activation.start, startEpoch: input.startEpoch)), \(TimeText.duration(end - activation.start))")
            }
            let roleCount = Set(list.map(\.role)).count
            users.append(Row(label: user, tooltip: "\(name): \(list.count) activations of \(roleCount == 1 ? "1 role" : "\(roleCount) roles")",
                             band: users.count % 2 == 1, bars: bars))
        }
        let drawn = users.reduce(0) { $0 + $1.bars.count }
        html += "<h3 id=\"busiest-users\">The \(users.count) users with the most activations</h3>\n"
        html += legend(endReasons.map { ("r-\($0.reason)", $0.label) })
        html += rowChart(users, input: input, kindClass: endReasonClass)
        let otherUsers = byUser.count - users.count
        html += "<p class=\"note more\">Left out as bars: \(input.activations.count - drawn) activations of \(otherUsers) other "
            + "\(otherUsers == 1 ? "user" : "users") (drawn: \(drawn) of \(input.activations.count)); the role lanes count every activation. "
            + "Per-user counts are in \(RankedTables.csvFile) and metrics.json.</p>\n"
        return html
    }

    /// Role lanes: per bin, the time-weighted mean number of the role's activations running at once.
    static func laneChart(_ roles: [String], byRole: [String: [ReportInput.Activation]], bin: Int64, input: ReportInput) -> String {
        let laneHeight = 18.0
        let top = 6.0
        let plotBottom = top + laneHeight * Double(roles.count)
        let height = plotBottom + 30
        let axis = TimeAxis(startEpoch: input.startEpoch, horizon: input.horizon, left: labelWidth, width: chartWidth - labelWidth - 16)
        let lanes = roles.map { role -> (role: String, count: Int, bands: [TimeSummary.Band]) in
            let list = byRole[role] ?? []
            let series = TimeSummary.countSeries(list.map { ($0.start, $0.end ?? input.horizon) }, name: role)
            return (role, list.count, TimeSummary.bands(series, startEpoch: input.startEpoch, horizon: input.horizon, bin: bin))
        }
        let largest = lanes.flatMap { $0.bands.map(\.mean) }.max() ?? 0
        var svg = "<svg class=\"chart rows lanes\" viewBox=\"0 0 \(Markup.coordinate(chartWidth)) \(Markup.coordinate(height))\""
            + " width=\"\(Markup.coordinate(chartWidth))\" height=\"\(Markup.coordinate(height))\">\n"
        svg += "<title>Activations per role over time, as density lanes</title>\n"
        svg += timeGrid(axis, top: top, bottom: plotBottom)
        // One path per colour step, every cell of that step a rectangle in it.
        var paths = [String](repeating: "", count: laneSteps)
        for (index, lane) in lanes.enumerated() {
            let laneTop = top + laneHeight * Double(index)
            let peak = lane.bands.map(\.max).max() ?? 0
            let busiest = lane.bands.map(\.mean).max() ?? 0
            let tip = "\(lane.role): \(lane.count) activations; at most \(Markup.number(peak)) at once; "
                + "busiest \(bin == TimeSummary.hour ? "hour" : "day") \(Markup.number(busiest)) at once on average"
            svg += "<text class=\"rowlabel\" x=\"\(Markup.coordinate(labelWidth - 8))\" y=\"\(Markup.coordinate(laneTop + laneHeight / 2))\""
                + " dy=\"4\" text-anchor=\"end\"><title>\(Markup.html(tip))</title>\(Markup.html(Markup.truncated(lane.role, 40)))</text>\n"
            for band in lane.bands where band.mean > 0 && largest > 0 {
                let step = min(laneSteps - 1, max(1, Int((band.mean / largest * Double(laneSteps - 1)).rounded(.up))))
                let x = axis.x(band.from)
                paths[step] += "M\(Markup.coordinate(x)) \(Markup.coordinate(laneTop + 2))h\(Markup.coordinate(max(0.6, axis.x(band.to) - x)))"
                    + "v\(Markup.coordinate(laneHeight - 4))H\(Markup.coordinate(x))Z"
            }
        }
        for (step, path) in paths.enumerated() where !path.isEmpty {
            svg += "<path class=\"d\(step)\" d=\"\(path)\"/>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(Markup.coordinate(labelWidth))\" y1=\"\(Markup.coordinate(plotBottom))\""
            + " x2=\"\(Markup.coordinate(axis.x(input.horizon)))\" y2=\"\(Markup.coordinate(plotBottom))\"/>\n"
        let scale = "darkest: \(Markup.number(largest)) activations of one role at once on average over a \(bin == TimeSummary.hour ? "hour" : bin == TimeSummary.day ? "day" : "week")"
        return legend([("d1", "few"), ("d3", "more"), ("d5", "most")])
            + "<figure class=\"chart\" id=\"role-lanes\">\n<figcaption><span class=\"stats\">\(Markup.html(scale))</span></figcaption>\n"
            + svg + "</svg>\n</figure>\n"
    }
}
