/// `summary.md`: a short Markdown summary of a run for pull-request comments: headline metrics,
/// alerts triggered, and the variant comparison when there is one. Names are Markdown-escaped.
public enum MarkdownSummary {
    /// Changed metrics the comparison lists at most, besides the headline ones.
    static let changedLimit = 20

    /// Renders the summary.
    public static func render(_ input: ReportInput) -> String {
        var lines: [String] = []
        let variant = input.run.variant.map { " · variant \(Markup.markdown($0))" } ?? ""
        lines.append("### pimsim · \(Markup.markdown(input.scenario))\(variant)")
        lines.append("")
        if let description = input.description, !description.isEmpty {
            lines.append("> \(Markup.markdown(description))")
            lines.append("")
        }
        lines.append("Seed \(input.run.seed) · \(Markup.markdown(input.run.start)) + \(TimeText.duration(input.horizon))"
            + " · \(input.run.events) kernel events")
        lines.append("")
        lines.append("| Metric | Value |")
        lines.append("| --- | ---: |")
        for key in MetricGlossary.headlineKeys {
            guard let value = input.metric(key) else { continue }
            lines.append("| \(Markup.markdown(key)) | \(Markup.markdown(Markup.value(value))) |")
        }
        lines.append("")
        lines += alerts(input)
        if let comparison = input.comparison { lines += self.comparison(comparison) }
        lines.append("Definitions of every metric: docs/metrics.md; charts and timelines: report.html.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func alerts(_ input: ReportInput) -> [String] {
        let triggered = HTMLReport.alertSummaries(input).filter { $0.incidents > 0 }
        guard !triggered.isEmpty else { return ["No alert or check was triggered.", ""] }
        var lines = ["**Alerts and checks triggered**", "", "| Alert | Severity | Incidents | First | Open at the end |",
                     "| --- | --- | ---: | --- | --- |"]
        for summary in triggered {
            let first = summary.first.map { TimeText.timestamp(epoch: input.startEpoch + $0) } ?? "—"
            lines.append("| \(Markup.markdown(summary.title)) (\(Markup.markdown(summary.id))) | \(Markup.markdown(summary.severity))"
                + " | \(summary.incidents) | \(first) | \(summary.activeAtEnd ? "yes" : "no") |")
        }
        lines.append("")
        return lines
    }

    static func comparison(_ table: ComparisonTable) -> [String] {
        let selection = ComparisonSelection(table, limit: changedLimit)
        let runs = table.replications == 1 ? "1 replication" : "\(table.replications) replications"
        var lines = [
            "**Variants** (\(runs) each on common random numbers; mean [95 % interval]; difference to the baseline in bold "
                + "when its interval excludes 0)",
            "",
            "| Metric | Variant | Mean [95 % interval] | Difference [95 % interval] |",
            "| --- | --- | --- | --- |",
        ]
        for group in selection.headline + selection.changed {
            for row in group.rows {
                // Numbers and brackets are ours (no link can form without a following parenthesis): not escaped.
                let value = "\(Markup.number(row.value.mean)) \(HTMLReport.interval(row.value))"
                var difference = "—"
                if row.variant != ComparisonTable.baselineName {
                    difference = "\(Markup.signed(row.difference.mean)) \(HTMLReport.interval(row.difference, signed: true))"
                    if ComparisonSelection.excludesZero(row.difference) { difference = "**\(difference)**" }
                }
                lines.append("| \(Markup.markdown(group.metric)) | \(Markup.markdown(row.variant)) | \(value) | \(difference) |")
            }
        }
        if selection.omitted > 0 {
            lines.append("")
            let what = selection.omitted == 1 ? "1 other metric" : "\(selection.omitted) other metrics"
            lines.append("\(what) not listed (the same in every variant, or beyond the first \(changedLimit) that differ).")
        }
        lines.append("")
        return lines
    }
}
