import Reports
import TenantModel

/// The results of `pimsim check` for CI: JUnit XML, a Maester-shaped results file and a Markdown
/// pull-request comment. Each is a pure function of the checks, so the same run gives the same bytes.
public enum CheckReports {
    /// JUnit XML as GitHub Actions reporters, GitLab, Azure DevOps and Jenkins read it: one
    /// `testsuite` per scenario file, one `testcase` per check, a `failure` (or `error`) with a
    /// message and the detail as text.
    public static func junit(_ checks: [FileCheck]) -> String {
        let tests = checks.reduce(0) { $0 + $1.results.count }
        let errors = checks.reduce(0) { $0 + $1.results.filter(\.erred).count }
        let failures = checks.reduce(0) { $0 + $1.failed } - errors
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"pimsim check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"0\">\n"
        for check in checks {
            let suiteErrors = check.results.filter(\.erred).count
            xml += "  <testsuite name=\"\(attribute(check.scenario))\" tests=\"\(check.results.count)\" failures=\"\(check.failed - suiteErrors)\""
            xml += " errors=\"\(suiteErrors)\" skipped=\"0\" time=\"0\" file=\"\(attribute(check.path))\">\n"
            xml += "    <properties>\n"
            xml += "      <property name=\"file\" value=\"\(attribute(check.path))\"/>\n"
            xml += "      <property name=\"seed\" value=\"\(check.seed)\"/>\n"
            xml += "      <property name=\"replications\" value=\"\(check.replications)\"/>\n"
            xml += "    </properties>\n"
            for result in check.results {
                let line = result.assertion.line > 0 ? " line=\"\(result.assertion.line)\"" : ""
                xml += "    <testcase name=\"\(attribute(caseName(result)))\" classname=\"\(attribute("\(check.scenario).\(result.source)"))\""
                xml += " file=\"\(attribute(check.path))\"\(line) time=\"0\""
                if result.passed {
                    xml += "/>\n"
                    continue
                }
                let element = result.erred ? "error" : "failure"
                let type = result.erred ? "CheckError" : "CheckFailed"
                xml += ">\n      <\(element) message=\"\(attribute(result.message))\" type=\"\(type)\">"
                xml += Markup.html(failureText(result, check: check))
                xml += "</\(element)>\n    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    /// A results file shaped like Maester's (`Result`, the counts, `Tests[]` with `Id`, `Title`,
    /// `Severity`, `Result`, `ResultDetail`, and `Blocks[]` per scenario), so that Maester's
    /// dashboards and scripts read it. Times are left out, so that equal runs give equal files.
    public static func maester(_ checks: [FileCheck]) -> String {
        var tests: [JSONValue] = []
        var blocks: [JSONValue] = []
        for check in checks {
            for result in check.results {
                let verdict = result.erred ? "Error" : result.passed ? "Passed" : "Failed"
                let detail = failureText(result, check: check)
                tests.append(.object([
                    "Index": .integer(Int64(tests.count + 1)),
                    "Id": .string(result.id),
                    "Title": .string(result.title),
                    "Name": .string("\(result.id): \(result.title)"),
                    "HelpUrl": .string(result.source == "cisa" ? "docs/alerts.md" : ""),
                    "Severity": .string(result.severity.maesterName),
                    "Tag": .array(["pimsim", result.source, check.scenario].map(JSONValue.string)),
                    "Result": .string(verdict),
                    "Block": .string(check.scenario),
                    "ScriptBlockFile": .string(check.path),
                    "Duration": .string("00:00:00"),
                    "ErrorRecord": .array(result.passed ? [] : [.string(result.message)]),
                    "ResultDetail": .object([
                        "TestTitle": .string(result.title),
                        "TestDescription": .string("\(result.title) Checked on the \(AssertionCheck.runName(result.variant)) of scenario \(check.scenario) (\(check.path)), seed \(check.seed), \(check.replications) replication\(check.replications == 1 ? "" : "s")."),
                        "TestResult": .string(detail),
                        "TestSkipped": .null,
                        "SkippedReason": .null,
                        "Severity": .string(result.severity.maesterName),
                        "Service": .string("pimsim"),
                    ]),
                ]))
            }
            blocks.append(.object(counts(check.results).merging([
                "Name": .string(check.scenario),
                "Result": .string(check.failed == 0 ? "Passed" : "Failed"),
                "Tag": .array([.string("pimsim")]),
            ]) { $1 }))
        }
        let all = checks.flatMap(\.results)
        var document = counts(all)
        document["Result"] = .string(all.allSatisfy(\.passed) ? "Passed" : "Failed")
        document["TenantName"] = .string(checks.map(\.scenario).joined(separator: ", "))
        document["TenantId"] = .string("pimsim simulation")
        document["Account"] = .string("pimsim")
        document["CurrentVersion"] = .string("pimsim \(About.version)")
        document["Tests"] = .array(tests)
        document["Blocks"] = .array(blocks)
        return JSONValue.object(document).rendered()
    }

    /// A Markdown comment for a pull request: the totals, failures first with scenario, variant,
    /// check, value and bound, and the passing checks folded away.
    public static func markdown(_ checks: [FileCheck]) -> String {
        let all = checks.flatMap(\.results)
        let failed = all.filter { !$0.passed }.count
        var text = "## pimsim check: \(failed == 0 ? "✅" : "❌") \(all.count - failed) passed, \(failed) failed\n\n"
        let rows = checks.flatMap { check in check.results.map { (check, $0) } }
        let failing = rows.filter { !$0.1.passed }
        if !failing.isEmpty {
            text += table(failing)
            for (check, result) in failing where result.detail != nil {
                text += "\n- **\(Markup.markdown(check.scenario)) · \(Markup.markdown(result.id))**: \(Markup.markdown(result.detail ?? ""))"
            }
            if failing.contains(where: { $0.1.detail != nil }) { text += "\n" }
        }
        let passing = rows.filter(\.1.passed)
        if !passing.isEmpty {
            text += "\n<details><summary>\(passing.count) passed</summary>\n\n" + table(passing) + "\n</details>\n"
        }
        if all.isEmpty { text += "No checks: the scenarios have no assertions.\n" }
        return text
    }

    /// Writes the results files asked for (each atomically): JUnit XML, Maester-shaped JSON, Markdown.
    public static func write(_ checks: [FileCheck], junit: String?, maester: String?, markdown: String?) throws(UseCaseError) {
        let outputs: [(String?, ([FileCheck]) -> String)] = [(junit, Self.junit), (maester, Self.maester), (markdown, Self.markdown)]
        for case let (path?, render) in outputs {
            do {
                try AtomicFile.write(render(checks), to: path)
            } catch {
                throw .runtime("\(error)")
            }
        }
    }

    static func table(_ rows: [(FileCheck, CheckResult)]) -> String {
        var text = "| | scenario | run | check | value | expected |\n| --- | --- | --- | --- | --- | --- |\n"
        for (check, result) in rows {
            let mark = result.passed ? "✅" : result.erred ? "⚠️" : "❌"
            let value = result.value.map(AssertionCheck.text) ?? "–"
            let checkName = "\(result.source == "assertions" ? "" : result.source + " ")\(result.id): \(result.title)"
            text += "| \(mark) | \(Markup.markdown(check.scenario)) | \(Markup.markdown(AssertionCheck.runName(result.variant))) "
            text += "| \(Markup.markdown(checkName)) | \(value) | \(Markup.markdown(result.bound)) |\n"
        }
        return text
    }

    static func caseName(_ result: CheckResult) -> String {
        let prefix = result.source == "assertions" ? "" : "\(result.source) "
        return "\(prefix)\(result.id): \(result.title) (\(AssertionCheck.runName(result.variant)))"
    }

    /// The message, the detail and where the check was written.
    static func failureText(_ result: CheckResult, check: FileCheck) -> String {
        var lines = ["\(check.path): \(result.line)"]
        if let detail = result.detail { lines.append(detail) }
        return lines.joined(separator: "\n")
    }

    static func counts(_ results: [CheckResult]) -> [String: JSONValue] {
        let errors = results.filter(\.erred).count
        let passed = results.filter(\.passed).count
        return [
            "PassedCount": .integer(Int64(passed)),
            "FailedCount": .integer(Int64(results.count - passed - errors)),
            "ErrorCount": .integer(Int64(errors)),
            "SkippedCount": .integer(0),
            "NotRunCount": .integer(0),
            "InvestigateCount": .integer(0),
            "TotalCount": .integer(Int64(results.count)),
        ]
    }

    static func attribute(_ text: String) -> String {
        Markup.html(text).replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\t", with: "&#9;").replacingOccurrences(of: "\r", with: "&#13;")
    }
}
