extension HTMLReport {
    /// Rows (user and role pairs) the activation timeline draws at most.
    static let timelineRowLimit = 150
    /// The label column of row charts, in pixels.
    static let labelWidth = 260.0
    /// How an activation ended → CSS class and legend text, in legend order.
    static let endReasons: [(reason: String, label: String)] = [
        ("expired", "ran to its end"), ("deactivated", "deactivated early"), ("eligibilityLost", "eligibility lost"),
        ("userDisabled", "user disabled"), ("revoked", "removed by an administrator"), ("active", "still active at the horizon"),
    ]

    /// One row of a row chart: a label, its tooltip, and bars.
    struct Row {
        var label: String
        var tooltip: String
        var band: Bool
        var bars: [(from: Int64, to: Int64, kind: String, tooltip: String)]
    }

    /// Activations drawn one bar each at most; beyond it (or beyond `timelineRowLimit` rows) the
    /// timeline shows role lanes and the busiest users instead.
    static let timelineBarLimit = 1500
    /// Users drawn as bar rows in the scaled timeline at most.
    static let busiestUserLimit = 20
    /// Role lanes drawn at most.
    static let roleLaneLimit = 40

    /// Activations as horizontal bars, one row per user and role, coloured by how they ended; for
    /// a large run, one density lane per role and the busiest users' bars (`scaledTimeline`).
    static func activationTimeline(_ input: ReportInput) -> String {
        guard !input.activations.isEmpty else {
            return "<p class=\"note\">No activations in this run.</p>\n" + omittedNote(input)
        }
        var html = ""
        var grouped: [String: [String: [ReportInput.Activation]]] = [:]
        for activation in input.activations { grouped[activation.user, default: [:]][activation.role, default: []].append(activation) }
        let rowCount = grouped.values.reduce(0) { $0 + $1.count }
        guard rowCount <= timelineRowLimit, input.activations.count <= timelineBarLimit, input.omittedActivations == 0 else {
            return scaledTimeline(input, rows: rowCount) + omittedNote(input)
        }
        var rows: [Row] = []
        for (userNumber, user) in grouped.keys.sorted().enumerated() {
            let roles = grouped[user] ?? [:]
            for role in roles.keys.sorted() {
                let list = roles[role] ?? []
                let name = list.first?.userName.map { "\(user) (\($0))" } ?? user
                let bars = list.map { activation in
                    let end = activation.end ?? input.horizon
                    let kind = activation.endReason ?? "active"
                    let how = activation.endReason.map { "ended: \($0)" } ?? "still active at the horizon"
                    let tip = "\(name) · \(role)\n\(moment(activation.start, startEpoch: input.startEpoch)) to "
                        + "\(moment(end, startEpoch: input.startEpoch)) (\(TimeText.duration(end - activation.start))), \(how)"
                    return (from: activation.start, to: end, kind: kind, tooltip: tip)
                }
                rows.append(Row(label: "\(user) · \(role)", tooltip: "\(name) · \(role): \(list.count == 1 ? "1 activation" : "\(list.count) activations")",
                                band: userNumber % 2 == 1, bars: bars))
            }
        }
        html += "<p class=\"note\">Each bar is one activation, from the moment it was granted until it ended; "
            + "rows are users and roles, grouped by user. Hover a bar for its times.</p>\n"
        html += legend(endReasons.map { ("r-\($0.reason)", $0.label) })
        html += rowChart(rows, input: input, kindClass: endReasonClass)
        return html + omittedNote(input)
    }

    /// The CSS class of an end reason.
    static func endReasonClass(_ reason: String) -> String {
        endReasons.map(\.reason).contains(reason) ? "r-\(reason)" : "r-other"
    }

    static func omittedNote(_ input: ReportInput) -> String {
        guard input.omittedActivations > 0 else { return "" }
        return "<p class=\"note warn\">The timeline keeps the first \(input.activations.count) activations; "
            + "\(input.omittedActivations) later ones are omitted (they are counted in the metrics).</p>\n"
    }

    /// A legend of coloured swatches.
    static func legend(_ items: [(cssClass: String, label: String)]) -> String {
        let entries = items.map { "<li><span class=\"swatch \($0.cssClass)\"></span>\(Markup.html($0.label))</li>" }
        return "<ul class=\"legend\">\(entries.joined())</ul>\n"
    }

    /// Rows of bars over the horizon, labels on the left, dates below.
    static func rowChart(_ rows: [Row], input: ReportInput, kindClass: (String) -> String) -> String {
        let rowHeight = 18.0
        let top = 6.0
        let plotBottom = top + rowHeight * Double(rows.count)
        let height = plotBottom + 30
        let axis = TimeAxis(startEpoch: input.startEpoch, horizon: input.horizon, left: labelWidth, width: chartWidth - labelWidth - 16)
        var svg = "<svg class=\"chart rows\" viewBox=\"0 0 \(Markup.coordinate(chartWidth)) \(Markup.coordinate(height))\""
            + " width=\"\(Markup.coordinate(chartWidth))\" height=\"\(Markup.coordinate(height))\">\n"
        for (index, row) in rows.enumerated() where row.band {
            svg += "<rect class=\"band\" x=\"0\" y=\"\(Markup.coordinate(top + rowHeight * Double(index)))\""
                + " width=\"\(Markup.coordinate(axis.x(input.horizon)))\" height=\"\(Markup.coordinate(rowHeight))\"/>"
        }
        svg += "\n" + timeGrid(axis, top: top, bottom: plotBottom)
        for (index, row) in rows.enumerated() {
            let rowTop = top + rowHeight * Double(index)
            svg += "<text class=\"rowlabel\" x=\"\(Markup.coordinate(labelWidth - 8))\" y=\"\(Markup.coordinate(rowTop + rowHeight / 2))\""
                + " dy=\"4\" text-anchor=\"end\"><title>\(Markup.html(row.tooltip))</title>\(Markup.html(Markup.truncated(row.label, 40)))</text>\n"
            for bar in row.bars {
                let x = axis.x(bar.from)
                let width = max(1.5, axis.x(bar.to) - x)
                svg += "<rect class=\"bar \(kindClass(bar.kind))\" x=\"\(Markup.coordinate(x))\" y=\"\(Markup.coordinate(rowTop + 3))\""
                    + " width=\"\(Markup.coordinate(width))\" height=\"\(Markup.coordinate(rowHeight - 6))\">"
                    + "<title>\(Markup.html(bar.tooltip))</title></rect>"
            }
            svg += "\n"
        }
        svg += "<line class=\"axis\" x1=\"\(Markup.coordinate(labelWidth))\" y1=\"\(Markup.coordinate(plotBottom))\""
            + " x2=\"\(Markup.coordinate(axis.x(input.horizon)))\" y2=\"\(Markup.coordinate(plotBottom))\"/>\n"
        return "<figure class=\"chart\">\n" + svg + "</svg>\n</figure>\n"
    }

    /// When each alert was triggered: the union of its incidents, coloured by severity.
    static func alertStrip(_ summaries: [AlertSummary], input: ReportInput) -> String {
        var rows: [Row] = []
        for summary in summaries where summary.incidents > 0 {
            let own = input.alerts.filter { $0.alert == summary.id }.sorted { $0.from < $1.from }
            var spans: [(from: Int64, to: Int64, count: Int)] = []
            for incident in own {
                let end = incident.to ?? input.horizon
                if let last = spans.last, incident.from <= last.to {
                    spans[spans.count - 1].to = max(last.to, end)
                    spans[spans.count - 1].count += 1
                } else {
                    spans.append((incident.from, end, 1))
                }
            }
            let bars = spans.map { span in
                let what = span.count == 1 ? "1 incident" : "\(span.count) incidents"
                let tip = "\(summary.title)\n\(moment(span.from, startEpoch: input.startEpoch)) to "
                    + "\(moment(span.to, startEpoch: input.startEpoch)), \(what)"
                return (from: span.from, to: span.to, kind: summary.severity, tooltip: tip)
            }
            rows.append(Row(label: summary.title, tooltip: "\(summary.id) (\(summary.severity))", band: rows.count % 2 == 1, bars: bars))
        }
        guard !rows.isEmpty else { return "" }
        return legend(severities.map { ("sev-\($0)", $0) })
            + rowChart(rows, input: input, kindClass: { severities.contains($0) ? "sev-\($0)" : "sev-other" })
    }

    /// Alert severities, in legend order.
    static let severities = ["high", "medium", "low", "shall", "should"]

    /// Density colour steps of the role lanes, from none to the most.
    static let laneSteps = 6

    /// The timeline of a large run: one lane per role, shaded by how many activations of the role
    /// ran at once (every activation counts), then the busiest users' activations as bars, and a
    /// note of what is not drawn one by one.
    static func scaledTimeline(_ input: ReportInput, rows: Int) -> String {
        let bin = TimeSummary.binSize(horizon: input.horizon)
        let per = TimeSummary.binName(bin)
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
                + "busiest \(TimeSummary.binName(bin)) \(Markup.number(busiest)) at once on average"
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
        let scale = "darkest: \(Markup.number(largest)) activations of one role at once on average over one \(TimeSummary.binName(bin))"
        return legend([("d1", "few"), ("d3", "more"), ("d5", "most")])
            + "<figure class=\"chart\" id=\"role-lanes\">\n<figcaption><span class=\"stats\">\(Markup.html(scale))</span></figcaption>\n"
            + svg + "</svg>\n</figure>\n"
    }
}
