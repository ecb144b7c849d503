import ExposureMetrics

extension HTMLReport {
    /// Incidents listed per alert at most.
    static let listedIncidents = 50

    /// One alert or check over the run.
    struct AlertSummary {
        var id: String
        var title: String
        var severity: String
        var incidents: Int
        var first: Int64?
        var last: Int64?
        var activeAtEnd: Bool
        var subjects: [String]
    }

    /// Every known alert (and any other id among the incidents), in the documented order.
    static func alertSummaries(_ input: ReportInput) -> [AlertSummary] {
        var ids = AlertKind.allCases.map(\.rawValue)
        for incident in input.alerts where !ids.contains(incident.alert) { ids.append(incident.alert) }
        return ids.map { id in
            let own = input.alerts.filter { $0.alert == id }
            let severity: String
            if case .string(let text)? = input.metric("alerts.\(id).severity") {
                severity = text
            } else {
                severity = AlertKind(rawValue: id)?.severity ?? "unknown"
            }
            return AlertSummary(
                id: id, title: MetricGlossary.alertTitles[id] ?? id, severity: severity, incidents: own.count,
                first: own.map(\.from).min(), last: own.map(\.from).max(), activeAtEnd: own.contains { $0.to == nil },
                subjects: Set(own.map(\.subject)).sorted()
            )
        }
    }

    /// The alert table, the strip chart of when they were triggered, and the incidents.
    static func alertsSection(_ input: ReportInput) -> String {
        let summaries = alertSummaries(input)
        let triggered = summaries.filter { $0.incidents > 0 }
        var html = "<p class=\"note\">PIM security alerts and CISA checks, evaluated continuously over simulated time "
            + "(see docs/alerts.md). An incident is one subject triggering an alert from one time until another.</p>\n"
        html += alertStrip(summaries, input: input)
        html += "<table class=\"data\">\n<thead><tr><th>Alert or check</th><th>Severity</th><th class=\"num\">Incidents</th>"
            + "<th>First triggered</th><th>Last triggered</th><th>Open at the end</th><th>Subjects</th></tr></thead>\n<tbody>\n"
        for summary in summaries {
            let time = { (value: Int64?) in value.map { moment($0, startEpoch: input.startEpoch) } ?? "—" }
            let subjects = summary.subjects.prefix(5).joined(separator: ", ")
                + (summary.subjects.count > 5 ? " and \(summary.subjects.count - 5) more" : "")
            html += "<tr\(summary.incidents > 0 ? " class=\"triggered\"" : "")><td>\(Markup.html(summary.title))"
                + "<br/><code>\(Markup.html(summary.id))</code></td>"
                + "<td><span class=\"pill sev-\(severities.contains(summary.severity) ? summary.severity : "other")\">"
                + "\(Markup.html(summary.severity))</span></td><td class=\"num\">\(summary.incidents)</td>"
                + "<td>\(Markup.html(time(summary.first)))</td><td>\(Markup.html(time(summary.last)))</td>"
                + "<td>\(summary.activeAtEnd ? "yes" : "no")</td><td>\(Markup.html(subjects.isEmpty ? "—" : subjects))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        for summary in triggered {
            let own = input.alerts.filter { $0.alert == summary.id }
            html += "<details><summary>\(Markup.html(summary.title)): \(own.count == 1 ? "1 incident" : "\(own.count) incidents")</summary>\n"
                + "<table class=\"data compact\">\n<thead><tr><th>Subject</th><th>From</th><th>To</th></tr></thead>\n<tbody>\n"
            for incident in own.prefix(listedIncidents) {
                html += "<tr><td>\(Markup.html(incident.subject))</td><td>\(Markup.html(moment(incident.from, startEpoch: input.startEpoch)))</td>"
                    + "<td>\(Markup.html(incident.to.map { moment($0, startEpoch: input.startEpoch) } ?? "open at the horizon"))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
            if own.count > listedIncidents { html += "<p class=\"note\">\(own.count - listedIncidents) more incidents not listed.</p>\n" }
            html += "</details>\n"
        }
        return html
    }

    /// The metrics table with definitions, then per-role and per-user tables.
    static func metricsSection(_ input: ReportInput) -> String {
        var html = "<p class=\"note\">Every value is from metrics.json; hours are user-hours, waits are minutes. "
            + "Definitions as in docs/metrics.md.</p>\n"
        var quiet: [String] = []
        var groups: [String] = []
        for entry in MetricGlossary.entries where !groups.contains(entry.group) { groups.append(entry.group) }
        html += "<table class=\"data metrics\">\n<thead><tr><th>Metric</th><th class=\"num\">Value</th><th>Definition</th></tr></thead>\n"
        for group in groups {
            let present = MetricGlossary.entries.filter { $0.group == group }.compactMap { entry in
                input.metric(entry.key).map { (entry, $0) }
            }
            guard !present.isEmpty else { continue }
            let allZero = present.allSatisfy { $0.1 == .integer(0) || $0.1 == .number(0) || $0.1 == .bool(false) || $0.1 == .null }
            if allZero && !["Exposure", "Activations"].contains(group) {
                quiet.append(group)
                continue
            }
            html += "<tbody>\n<tr class=\"group\"><th colspan=\"3\">\(Markup.html(group))</th></tr>\n"
            for (entry, value) in present {
                html += "<tr><td><code>\(Markup.html(entry.key))</code></td><td class=\"num\">\(Markup.html(Markup.value(value)))</td>"
                    + "<td>\(Markup.html(entry.definition))</td></tr>\n"
            }
            html += "</tbody>\n"
        }
        html += "</table>\n"
        if !quiet.isEmpty {
            html += "<p class=\"note\">All zero in this run, so not listed: \(Markup.html(quiet.joined(separator: ", "))).</p>\n"
        }
        html += "<p class=\"note\">Per-role and per-user figures are ranked in <a href=\"#rankings\">Rankings</a>.</p>\n"
        return html
    }

    /// Rows each ranked table shows at most; the rest are counted, and listed in rankings.csv.
    static let rankedRowLimit = 15

    /// The ranked tables: principals, roles, approvers and the longest waits, each cut to its top rows.
    static func rankingsSection(_ input: ReportInput) -> String {
        var html = "<p class=\"note\">Each table shows its top \(rankedRowLimit) rows and counts the rest. "
            + "Every row is in \(RankedTables.csvFile) beside this report; metrics.json holds every user's and role's figures.</p>\n"
        for table in RankedTables.all(input) { html += rankedTable(table) }
        return html
    }

    /// One ranked table, its top rows, a count of the rest and its column definitions.
    static func rankedTable(_ table: RankedTable) -> String {
        var html = "<h3 id=\"rank-\(table.id)\">\(Markup.html(table.title))</h3>\n<p class=\"note\">\(Markup.html(table.note))</p>\n"
        guard !table.rows.isEmpty else { return html + "<p class=\"note\">None in this run.</p>\n" }
        html += "<table class=\"data ranked\">\n<thead><tr><th class=\"num\">#</th><th>\(Markup.html(table.nameHeader))</th>"
        for column in table.columns {
            html += "<th\(column.numeric ? " class=\"num\"" : "") title=\"\(Markup.html(column.definition))\">\(Markup.html(column.name))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (rank, row) in table.rows.prefix(rankedRowLimit).enumerated() {
            html += "<tr><td class=\"num\">\(rank + 1)</td><td>\(Markup.html(row.name))</td>"
            for (column, cell) in zip(table.columns, row.cells) {
                html += "<td\(column.numeric ? " class=\"num\"" : "")>\(Markup.html(cell.isEmpty ? "—" : cell))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        let rest = table.rows.count - rankedRowLimit
        if rest > 0 {
            html += "<p class=\"note more\">\(rest == 1 ? "1 more row" : "\(rest) more rows") not shown "
                + "(\(table.rows.count) in all; see \(RankedTables.csvFile)).</p>\n"
        }
        html += "<dl class=\"columns\">"
        for column in table.columns {
            html += "<div><dt>\(Markup.html(column.name))</dt><dd>\(Markup.html(column.definition))</dd></div>"
        }
        return html + "</dl>\n"
    }
}
