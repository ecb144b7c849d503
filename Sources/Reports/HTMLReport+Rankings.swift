extension HTMLReport {
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
