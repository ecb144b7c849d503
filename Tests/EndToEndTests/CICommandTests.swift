import Foundation
import ScenarioFormat
import Testing
import TestSupport

/// `pimsim check` with results files and baselines, `schema`, `init` and `run --exercise`, run
/// as a user runs them.
@Suite("pimsim in CI and the editor: check outputs, schema, init, exercises")
struct CICommandTests {
    @Test("check --baseline cisa --junit --json --markdown: exit 1, each failure named, three files written")
    func checkOutputs() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let junit = folder.appendingPathComponent("results.xml").path
        let json = folder.appendingPathComponent("results.json").path
        let markdown = folder.appendingPathComponent("results.md").path
        let result = try Pimsim.run([
            "check", "Scenarios/jit-migration.yaml", "Scenarios/quickstart.yaml", "--baseline", "cisa",
            "--junit", junit, "--json", json, "--markdown", markdown,
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Scenarios/quickstart.yaml: cisa MS.AAD.7.4v1: alert CISA.MS.AAD.7.4v1 incidents (baseline) = 1 — expected 0 (never fires): FAILED"))
        #expect(result.stdout.contains("Scenarios/quickstart.yaml: cisa MS.AAD.7.1v1: alert CISA.MS.AAD.7.1v1 incidents (baseline) = 0 — expected 0 (never fires): ok"))
        #expect(result.stdout.hasSuffix("passed, 10 failed\n"))
        for path in [junit, json, markdown] { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"jit-migration\" tests=\"13\" failures=\"5\""))
        let maester = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        #expect(maester?["FailedCount"] as? Int == 10)
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).hasPrefix("## pimsim check: ❌ "))
        // The same run writes the same bytes.
        let again = try Pimsim.run(["check", "Scenarios/jit-migration.yaml", "Scenarios/quickstart.yaml", "--baseline", "cisa", "--junit", junit + "2"])
        #expect(again.status == 1)
        #expect(try String(contentsOfFile: junit + "2", encoding: .utf8) == xml)
    }

    @Test("check: a passing run exits 0; an unwritable results file exits 3; a bad baseline exits 2")
    func checkExits() throws {
        let passing = try Pimsim.run(["check", "Scenarios/jit-migration.yaml", "--json", "/dev/null/results.json"])
        #expect(passing.status == 3)
        #expect(passing.stderr.contains("cannot write /dev/null/results.json"))
        let badBaseline = try Pimsim.run(["check", "Scenarios/jit-migration.yaml", "--baseline", "nist"])
        #expect(badBaseline.status == 2)
        #expect(badBaseline.stderr.contains("--baseline 'nist': no built-in baseline has that name (built in: cisa), and no such file of assertions"))
        let same = try Pimsim.run(["check", "Scenarios/jit-migration.yaml", "--junit", "x", "--markdown", "x"])
        #expect(same.status == 64)
    }

    @Test("schema prints docs/scenario.schema.json; --baseline prints docs/baseline.schema.json")
    func schema() throws {
        let scenario = try Pimsim.run(["schema"])
        #expect(scenario.status == 0)
        #expect(scenario.stdout == (try String(contentsOf: repositoryRoot.appendingPathComponent("docs/scenario.schema.json"), encoding: .utf8)))
        let baseline = try Pimsim.run(["schema", "--baseline"])
        #expect(baseline.stdout == (try String(contentsOf: repositoryRoot.appendingPathComponent("docs/baseline.schema.json"), encoding: .utf8)))
    }

    @Test("init writes each template, valid for the decoder and the schema, whose assertions all hold; it never overwrites")
    func initTemplates() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var documents: [SchemaNode] = []
        for template in ["quickstart", "jit", "approvals", "governance"] {
            let result = try Pimsim.run(["init", "team-\(template)", "--from", template], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "wrote team-\(template).yaml\nwrote pimsim.schema.json\n")
            let file = folder.appendingPathComponent("team-\(template).yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.hasPrefix("# yaml-language-server: $schema=pimsim.schema.json\n"))
            #expect(text.contains("\nscenario: team-\(template)\n"))
            documents.append(try SchemaValidator.document(text))
            let check = try Pimsim.run(["check", file.path])
            #expect(check.status == 0, "\(template): \(check.stdout)\(check.stderr)")
            #expect(!check.stdout.contains("no assertions"))
        }
        for verdict in try SchemaValidator.validate(documents) { #expect(verdict == nil, "\(verdict ?? "")") }
        #expect(try String(contentsOf: folder.appendingPathComponent("pimsim.schema.json"), encoding: .utf8) == (try Pimsim.run(["schema"]).stdout))
        let again = try Pimsim.run(["init", "team-jit", "--from", "jit"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("team-jit.yaml exists; pass --force"))
        let unknown = try Pimsim.run(["init", "--from", "cloud"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown template 'cloud'; expected quickstart, jit, approvals, governance"))
        let badName = try Pimsim.run(["init", "../escape"], in: folder)
        #expect(badName.status == 2)
        let plain = try Pimsim.run(["init"], in: folder)
        #expect(plain.stdout.hasPrefix("wrote quickstart.yaml\n"))
    }

    @Test("run --exercise: questions, audit log and a report without the attacker for the trainee; the answer key apart")
    func exercise() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Pimsim.run(["run", "Scenarios/compromised-admin.yaml", "--exercise", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let trainee = folder.appendingPathComponent("trainee")
        let files = try FileManager.default.contentsOfDirectory(atPath: trainee.path).sorted()
        #expect(files == ["audit.jsonl", "audit.sqlite", "questions.md", "rankings.csv", "report.html", "summary.md"])
        let questions = try String(contentsOf: trainee.appendingPathComponent("questions.md"), encoding: .utf8)
        #expect(questions.contains("1. Whose account was used to reach Global Administrator, and when was the first activation?"))
        #expect(!questions.contains("02:16:16"), "answers stay out of the trainee's questions")
        for name in ["report.html", "summary.md"] {
            let text = try String(contentsOf: trainee.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.lowercased().contains("attacker"), "\(name) mentions the attacker")
        }
        let audit = try String(contentsOf: trainee.appendingPathComponent("audit.jsonl"), encoding: .utf8)
        #expect(audit.contains("2026-03-10T02:16:16"))
        let key = try String(contentsOf: folder.appendingPathComponent("answer-key.md"), encoding: .utf8)
        #expect(key.contains("- **Compromised:** mo, from 2026-03-10T02:00:00Z until 2026-03-10T08:00:00Z; the attacker had password, token."))
        #expect(key.contains("  - Global Administrator at 2026-03-10T02:16:16Z"))
        #expect(key.contains("**Answer:** About 16 minutes (the approval at 02:16:16)."))
        #expect(key.contains("the attacker held a Tier-0 role, 16 minutes after the compromise began"))
        #expect(key.contains("user:mo -[eligible: MFA, approval, justification]-> role:Global Administrator -[controls]-> tenant"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("answer-key.json"))) as? [String: Any]
        #expect((json?["compromises"] as? [[String: Any]])?.first?["user"] as? String == "mo")
        let none = try Pimsim.run(["run", "Scenarios/quickstart.yaml", "--exercise", folder.path])
        #expect(none.status == 2)
        #expect(none.stderr.contains("has no 'exercise' section"))
    }
}
