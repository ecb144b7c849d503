/// The report's ranked tables, complete: the report shows the top rows of each, and
/// `rankings.csv` beside it holds every row (`RankedTables.csv`).
public struct RankedTable: Sendable, Equatable {
    /// One ranked row: a name and one cell per column.
    public struct Row: Sendable, Equatable {
        /// The principal, role, approver or request the row is about.
        public var name: String
        /// The cells, as shown and as written to the CSV (numbers in the report's form).
        public var cells: [String]
    }

    /// A short identifier: the CSV's first column and the HTML table's id.
    public var id: String
    /// The heading.
    public var title: String
    /// What the rows are ranked by, and what they are.
    public var note: String
    /// The header of the name column.
    public var nameHeader: String
    /// Column headers after the name, each with a one-line definition.
    public var columns: [(name: String, definition: String, numeric: Bool)]
    /// Every row, best first.
    public var rows: [Row]

    /// Tables are equal when their content is.
    public static func == (a: RankedTable, b: RankedTable) -> Bool {
        a.id == b.id && a.title == b.title && a.rows == b.rows && a.columns.map(\.name) == b.columns.map(\.name)
    }
}

/// Builds the ranked tables from a report's input.
public enum RankedTables {
    /// The name of the CSV file written beside report.html.
    public static let csvFile = "rankings.csv"

    /// Every ranked table, in the report's order.
    public static func all(_ input: ReportInput) -> [RankedTable] {
        [principals(input, by: "standingHours"), principals(input, by: "jitHours"), roles(input), approvers(input), longestWaits(input)]
    }

    /// Every row of every table as CSV in long form, one record per cell:
    /// `table,rank,name,column,value` (rank from 1; a spreadsheet's pivot table rebuilds the tables).
    public static func csv(_ tables: [RankedTable]) -> String {
        var text = CSV.record(["table", "rank", "name", "column", "value"])
        for table in tables {
            for (rank, row) in table.rows.enumerated() {
                for (column, cell) in zip(table.columns, row.cells) {
                    text += CSV.record([table.id, String(rank + 1), row.name, column.name, cell])
                }
            }
        }
        return text
    }

    /// Users ranked by `users.*.<column>` (standing or just-in-time hours), those above zero.
    static func principals(_ input: ReportInput, by column: String) -> RankedTable {
        let standing = column == "standingHours"
        var rows: [(key: String, value: Double, member: JSONValue)] = []
        if case .object(let members)? = input.metrics.value(at: ["users"]) {
            for (key, member) in members {
                let value = member.value(at: [column])?.doubleValue ?? 0
                if value > 0 { rows.append((key, value, member)) }
            }
        }
        rows.sort { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let names = ["privilegedHours", "standingHours", "jitHours", "activations", "blockedTasks"]
        let definitions = Dictionary(uniqueKeysWithValues: MetricGlossary.userColumns.map { (String($0.key.split(separator: ".").last ?? ""), $0.definition) })
        return RankedTable(
            id: standing ? "principals-standing" : "principals-jit",
            title: standing ? "Principals by standing privileged hours" : "Principals by just-in-time hours",
            note: standing
                ? "Users holding privileged roles through a standing path (active assignments, direct or through a group), most hours first."
                : "Users holding privileged roles only through activations, most hours first.",
            nameHeader: "User",
            columns: names.map { ($0, definitions[$0] ?? "", true) },
            rows: rows.map { row in RankedTable.Row(name: row.key, cells: names.map { Markup.value(row.member.value(at: [$0])) }) }
        )
    }

    /// Roles ranked by the hours they were held.
    static func roles(_ input: ReportInput) -> RankedTable {
        var rows: [(key: String, value: Double, member: JSONValue)] = []
        if case .object(let members)? = input.metrics.value(at: ["roles"]) {
            for (key, member) in members { rows.append((key, member.value(at: ["activeHours"])?.doubleValue ?? 0, member)) }
        }
        rows.sort { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let names = ["activeHours", "standingHours", "eligibleHours", "activations", "idleHours", "privileged"]
        let definitions = Dictionary(uniqueKeysWithValues: MetricGlossary.roleColumns.map { (String($0.key.split(separator: ".").last ?? ""), $0.definition) })
        return RankedTable(
            id: "roles", title: "Roles by hours held",
            note: "Every role the scenario mentions, most user-hours held (by any path) first.",
            nameHeader: "Role",
            columns: names.map { ($0, definitions[$0] ?? "", $0 != "privileged") },
            rows: rows.map { row in RankedTable.Row(name: row.key, cells: names.map { Markup.value(row.member.value(at: [$0])) }) }
        )
    }

    /// One approver's decisions, for `approvers`.
    struct ApproverLoad {
        var approver: String
        var decisions: Int
        var approved: Int
        var meanSeconds: Double
        var longestSeconds: Int64
    }

    /// Approvers ranked by the decisions they made, then by how fast.
    static func approvers(_ input: ReportInput) -> RankedTable {
        var decided: [String: [ReportInput.Wait]] = [:]
        for wait in input.approvalWaits { if let approver = wait.approver { decided[approver, default: []].append(wait) } }
        var loads: [ApproverLoad] = []
        for (approver, waits) in decided {
            let total: Int64 = waits.reduce(0) { $0 + ($1.to - $1.from) }
            let longest: Int64 = waits.map { $0.to - $0.from }.max() ?? 0
            let approved = waits.filter { $0.outcome == "approved" }.count
            loads.append(ApproverLoad(approver: approver, decisions: waits.count, approved: approved,
                                      meanSeconds: Double(total) / Double(waits.count), longestSeconds: longest))
        }
        loads.sort { (a: ApproverLoad, b: ApproverLoad) -> Bool in
            if a.decisions != b.decisions { return a.decisions > b.decisions }
            if a.meanSeconds != b.meanSeconds { return a.meanSeconds < b.meanSeconds }
            return a.approver < b.approver
        }
        return RankedTable(
            id: "approvers", title: "Approvers by load and latency",
            note: "Who decided requests for approval, most decisions first; latency runs from the request for approval to the decision.",
            nameHeader: "Approver",
            columns: [
                ("decisions", "Requests the approver approved or denied.", true),
                ("approved", "Of them, approved.", true),
                ("denied", "Of them, denied.", true),
                ("meanMinutes", "Mean latency of the approver's decisions, in minutes.", true),
                ("maxMinutes", "Longest latency of the approver's decisions, in minutes.", true),
            ],
            rows: loads.map { load in
                RankedTable.Row(name: load.approver, cells: [
                    String(load.decisions), String(load.approved), String(load.decisions - load.approved),
                    Markup.number(load.meanSeconds / 60), Markup.number(Double(load.longestSeconds) / 60),
                ])
            }
        )
    }

    /// The longest waits for approval, however they ended.
    static func longestWaits(_ input: ReportInput) -> RankedTable {
        let sorted = input.approvalWaits.sorted {
            let (a, b) = ($0.to - $0.from, $1.to - $1.from)
            return a != b ? a > b : $0.from != $1.from ? $0.from < $1.from : $0.user < $1.user
        }
        return RankedTable(
            id: "waits", title: "Longest waits for approval",
            note: "Requests that needed approval, longest wait first: from the request for approval until it was decided, "
                + "expired or cancelled (or the horizon, when still pending).",
            nameHeader: "User",
            columns: [
                ("role", "The role asked for.", false),
                ("asked", "When approval was asked (UTC).", false),
                ("waitMinutes", "How long the request waited, in minutes.", true),
                ("outcome", "How the wait ended.", false),
                ("approver", "Who decided, when someone did.", false),
            ],
            rows: sorted.map { wait in
                RankedTable.Row(name: wait.user, cells: [
                    wait.role, TimeText.timestamp(epoch: input.startEpoch + wait.from), Markup.number(Double(wait.to - wait.from) / 60),
                    wait.outcome, wait.approver ?? "",
                ])
            }
        )
    }
}
