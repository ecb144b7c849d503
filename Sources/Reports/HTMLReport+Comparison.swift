/// Which rows of a `ComparisonTable` the report and the summary show: the headline metrics, then
/// the other metrics on which some variant differs from the baseline.
struct ComparisonSelection {
    /// One metric's rows, baseline first.
    typealias Group = (metric: String, rows: [ComparisonTable.Row])

    /// Headline metrics present in the table, in the glossary's order.
    var headline: [Group]
    /// Other metrics where a variant's mean difference is not zero or its interval excludes 0,
    /// the largest relative change first.
    var changed: [Group]
    /// Metrics neither shown as headline nor as changed (unchanged, or beyond the limit).
    var omitted: Int

    /// Selects from `table`, at most `limit` changed metrics.
    init(_ table: ComparisonTable, limit: Int) {
        var order: [String] = []
        var rows: [String: [ComparisonTable.Row]] = [:]
        for row in table.rows {
            if rows[row.metric] == nil { order.append(row.metric) }
            rows[row.metric, default: []].append(row)
        }
        let headlineKeys = MetricGlossary.headlineKeys.filter { rows[$0] != nil }
        headline = headlineKeys.map { ($0, rows[$0] ?? []) }
        let others = order.filter { !headlineKeys.contains($0) }.map { ($0, rows[$0] ?? []) }.filter { group in
            group.1.contains { $0.variant != ComparisonTable.baselineName && ($0.difference.mean != 0 || Self.excludesZero($0.difference)) }
        }
        // Largest relative change first, so a cut list keeps the differences that matter most.
        let ranked = others.map { group in (group, Self.relativeChange(group.1)) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.0 < $1.0.0 }
        changed = ranked.prefix(limit).map { (metric: $0.0.0, rows: $0.0.1) }
        omitted = order.count - headline.count - changed.count
    }

    /// The largest |mean difference| of a metric's variants, relative to the baseline's |mean|
    /// (absolute when the baseline is 0).
    static func relativeChange(_ rows: [ComparisonTable.Row]) -> Double {
        let base = abs(rows.first { $0.variant == ComparisonTable.baselineName }?.value.mean ?? 0)
        return rows.filter { $0.variant != ComparisonTable.baselineName }
            .map { abs($0.difference.mean) / (base > 0 ? base : 1) }.max() ?? 0
    }

    /// Whether a difference's 95 % interval lies entirely above or below zero.
    static func excludesZero(_ estimate: ComparisonTable.Estimate) -> Bool { estimate.low > 0 || estimate.high < 0 }
}

extension HTMLReport {
    /// Changed metrics the report lists at most, besides the headline ones (the largest relative
    /// changes; every metric is in compare.csv of `pimsim compare`).
    static let comparedMetricLimit = 25
    /// Metrics drawn as small interval charts, when the table has them.
    static let comparisonChartKeys = [
        "privilegedHours.total", "privilegedHours.standing", "standingAdmins.mean", "globalAdmins.max",
        "friction.waitMinutes.p90", "friction.tasks.blocked",
    ]

    /// `[low, high]`, signed when the values are differences.
    static func interval(_ estimate: ComparisonTable.Estimate, signed: Bool = false) -> String {
        let form = signed ? Markup.signed : Markup.number
        return "[\(form(estimate.low)), \(form(estimate.high))]"
    }

    /// The variant comparison: what was compared, interval charts, and the table.
    static func comparisonSection(_ table: ComparisonTable, input: ReportInput) -> String {
        let selection = ComparisonSelection(table, limit: comparedMetricLimit)
        let runs = table.replications == 1 ? "1 replication" : "\(table.replications) replications"
        var html = "<p class=\"note\">Every variant ran on common random numbers (\(runs) each, first seed \(table.seed)): "
            + "means with 95 % confidence intervals, and the paired difference to the baseline with its interval. "
            + "<span class=\"differs\">Highlighted</span> differences have an interval that excludes 0.</p>\n"
        html += "<dl class=\"variants\">"
        for variant in table.variants {
            let description = variant == ComparisonTable.baselineName
                ? "The scenario as written."
                : input.variants.first { $0.name == variant }?.description ?? ""
            html += "<div><dt>\(Markup.html(variant))</dt><dd>\(Markup.html(description))</dd></div>"
        }
        html += "</dl>\n<div class=\"panels\">\n"
        let all = selection.headline + selection.changed
        for key in comparisonChartKeys {
            if let group = all.first(where: { $0.metric == key }) { html += intervalPanel(group) }
        }
        html += "</div>\n"
        html += comparisonTable(selection.headline, caption: "Headline metrics")
        if !selection.changed.isEmpty { html += comparisonTable(selection.changed, caption: "Other metrics that differ") }
        if selection.omitted > 0 {
            let what = selection.omitted == 1 ? "1 other metric is" : "\(selection.omitted) other metrics are"
            html += "<p class=\"note\">\(what) not listed: the same in every variant, "
                + "or beyond the \(comparedMetricLimit) that differ most relative to the baseline "
                + "(pimsim compare writes every metric to compare.csv).</p>\n"
        }
        return section("comparison", "Variant comparison", html)
    }

    static func comparisonTable(_ groups: [ComparisonSelection.Group], caption: String) -> String {
        guard !groups.isEmpty else { return "" }
        var html = "<table class=\"data comparison\">\n<caption>\(Markup.html(caption))</caption>\n<thead><tr><th>Metric</th>"
            + "<th>Variant</th><th class=\"num\">Mean</th><th class=\"num\">95 % interval</th>"
            + "<th class=\"num\">Difference</th><th class=\"num\">95 % interval of the difference</th></tr></thead>\n"
        for group in groups {
            html += "<tbody>\n"
            for (index, row) in group.rows.enumerated() {
                html += "<tr>"
                if index == 0 {
                    let definition = MetricGlossary.definition(of: group.metric).map { " title=\"\(Markup.html($0))\"" } ?? ""
                    html += "<th rowspan=\"\(group.rows.count)\"\(definition)><code>\(Markup.html(group.metric))</code></th>"
                }
                html += "<td>\(Markup.html(row.variant))</td><td class=\"num\">\(Markup.number(row.value.mean))</td>"
                    + "<td class=\"num\">\(interval(row.value))</td>"
                if row.variant == ComparisonTable.baselineName {
                    html += "<td class=\"num\">—</td><td class=\"num\">—</td>"
                } else {
                    let mark = ComparisonSelection.excludesZero(row.difference) ? " differs" : ""
                    html += "<td class=\"num\(mark)\">\(Markup.signed(row.difference.mean))</td>"
                        + "<td class=\"num\(mark)\">\(interval(row.difference, signed: true))</td>"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table>\n"
    }

    /// One metric's variants as bars (the mean) with whiskers (the 95 % interval).
    static func intervalPanel(_ group: ComparisonSelection.Group) -> String {
        let width = 340.0
        let left = 96.0
        let right = 56.0
        let rowHeight = 22.0
        let height = 8 + rowHeight * Double(group.rows.count) + 6
        let low = min(0, group.rows.map(\.value.low).min() ?? 0)
        let high = max(group.rows.map(\.value.high).max() ?? 0, low + 1e-9)
        let scale = { (value: Double) in left + (width - left - right) * (value - low) / (high - low) }
        var svg = "<svg class=\"chart panel\" viewBox=\"0 0 \(Markup.coordinate(width)) \(Markup.coordinate(height))\""
            + " width=\"\(Markup.coordinate(width))\" height=\"\(Markup.coordinate(height))\">\n"
        let zero = Markup.coordinate(scale(0))
        svg += "<line class=\"axis\" x1=\"\(zero)\" y1=\"4\" x2=\"\(zero)\" y2=\"\(Markup.coordinate(height - 4))\"/>\n"
        for (index, row) in group.rows.enumerated() {
            let middle = 8 + rowHeight * (Double(index) + 0.5)
            let y = Markup.coordinate(middle)
            let barStart = min(scale(0), scale(row.value.mean))
            let differs = row.variant != ComparisonTable.baselineName && ComparisonSelection.excludesZero(row.difference)
            svg += "<text class=\"rowlabel\" x=\"\(Markup.coordinate(left - 6))\" y=\"\(y)\" dy=\"4\" text-anchor=\"end\">"
                + "\(Markup.html(Markup.truncated(row.variant, 14)))</text>"
            svg += "<rect class=\"bar v\(index % 6)\(differs ? " differs" : "")\" x=\"\(Markup.coordinate(barStart))\""
                + " y=\"\(Markup.coordinate(middle - 6))\" width=\"\(Markup.coordinate(max(1, abs(scale(row.value.mean) - scale(0)))))\""
                + " height=\"12\"><title>\(Markup.html("\(row.variant): \(Markup.number(row.value.mean)) \(interval(row.value))"))</title></rect>"
            svg += "<line class=\"whisker\" x1=\"\(Markup.coordinate(scale(row.value.low)))\" y1=\"\(y)\""
                + " x2=\"\(Markup.coordinate(scale(row.value.high)))\" y2=\"\(y)\"/>"
            for end in [row.value.low, row.value.high] {
                let x = Markup.coordinate(scale(end))
                svg += "<line class=\"whisker\" x1=\"\(x)\" y1=\"\(Markup.coordinate(middle - 4))\" x2=\"\(x)\" y2=\"\(Markup.coordinate(middle + 4))\"/>"
            }
            svg += "<text class=\"tick\" x=\"\(Markup.coordinate(width - right + 4))\" y=\"\(y)\" dy=\"4\">\(Markup.number(row.value.mean))</text>\n"
        }
        svg += "</svg>\n"
        return "<figure class=\"panel\"><figcaption><code>\(Markup.html(group.metric))</code></figcaption>\n\(svg)</figure>\n"
    }
}
