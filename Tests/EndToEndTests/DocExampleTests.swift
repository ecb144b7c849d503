import ArgumentParser
import Foundation
@testable import pimsim
import ScenarioFormat
import Testing
import TestSupport

/// Every command and YAML example in README.md and docs/ is checked: commands parse as pimsim
/// parses them (and the files they name exist), the tutorials' commands are run and their
/// outputs compared, YAML scenarios decode, fragments validate against the JSON Schema, and the
/// GitHub Actions workflow is the file it quotes and does what docs/ci.md says.
@Suite("Documentation examples")
struct DocExampleTests {
    struct Block {
        let file: String
        let language: String
        let body: String
        let line: Int
    }

    /// The fenced code blocks of README.md and docs/*.md, in order.
    static func blocks() throws -> [Block] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
        var result: [Block] = []
        for file in ["README.md"] + docs {
            let lines = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
            var index = 0
            while index < lines.count {
                guard lines[index].hasPrefix("```") else { index += 1; continue }
                let language = String(lines[index].dropFirst(3)).trimmingCharacters(in: .whitespaces)
                let start = index + 1
                var end = start
                while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
                result.append(Block(file: file, language: language, body: lines[start..<min(end, lines.count)].joined(separator: "\n"), line: start + 1))
                index = end + 1
            }
        }
        return result
    }

    /// Shell words: quotes group, a `#` after a space starts a comment, `>` and `|` end the command.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var started = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            switch character {
            case "\"", "'": quote = character; started = true
            case " ", "\t":
                if started { words.append(current); current = ""; started = false }
            case "#" where !started: return words
            case ">", "|" where !started: return words
            default: current.append(character); started = true
            }
        }
        if started { words.append(current) }
        return words
    }

    /// The command lines of shell blocks (and `$ `-prompted lines of output blocks), continuations joined.
    static func commands(in block: Block) -> [String] {
        guard ["sh", "bash", ""].contains(block.language) else { return [] }
        var joined: [String] = []
        var pending = ""
        for raw in block.body.components(separatedBy: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if block.language.isEmpty {
                guard line.hasPrefix("$ ") || !pending.isEmpty else { continue }
            }
            if line.hasPrefix("$ ") { line = String(line.dropFirst(2)) }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            joined.append(pending + line)
            pending = ""
        }
        return joined.filter { !$0.isEmpty }
    }

    /// The arguments after `pimsim` (or `.build/debug/pimsim`), when the line runs pimsim; shell
    /// expansions stand for sample values (`$((K + 1))` for 1, `$NAME` for 2), as a shell would give.
    static func pimsimArguments(_ line: String) -> [String]? {
        let words = words(line).map { word in
            word.replacingOccurrences(of: #"\$\(\([^)]*\)\)"#, with: "1", options: .regularExpression)
                .replacingOccurrences(of: #"\$[A-Za-z_]+"#, with: "2", options: .regularExpression)
        }
        guard let first = words.first, first == "pimsim" || first.hasSuffix("/pimsim") else { return nil }
        return Array(words.dropFirst())
    }

    @Test("every pimsim command in the docs parses, names existing repository files, and synopses name real options")
    func commandsParse() throws {
        var checked = 0
        for block in try Self.blocks() {
            for line in Self.commands(in: block) {
                let context = "\(block.file):\(block.line): \(line)"
                if let script = Self.words(line).first, script.hasPrefix("./scripts/dev") || script.hasPrefix("scripts/") {
                    try checkScript(Self.words(line), context: context)
                    checked += 1
                    continue
                }
                guard let arguments = Self.pimsimArguments(line) else { continue }
                if line.contains(" [") || line.contains("...") {
                    try checkSynopsis(arguments, context: context)
                } else {
                    #expect(throws: Never.self, "\(context)") { _ = try pimsim.Pimsim.parseAsRoot(arguments) }
                    for path in arguments where path.hasPrefix("Scenarios/") || path.hasPrefix("docs/") {
                        try checkPath(path, context: context)
                    }
                }
                checked += 1
            }
        }
        #expect(checked > 40)
    }

    func checkScript(_ words: [String], context: String) throws {
        if words[0].hasPrefix("./scripts/dev") {
            let script = try String(contentsOf: repositoryRoot.appendingPathComponent("scripts/dev"), encoding: .utf8)
            let command = words.count > 1 ? words[1] : ""
            #expect(script.contains("\n  \(command))"), "\(context): scripts/dev has no '\(command)'")
        } else {
            #expect(FileManager.default.isExecutableFile(atPath: repositoryRoot.appendingPathComponent(words[0]).path), "\(context)")
        }
    }

    /// A documented synopsis: every `--option` it shows is one the subcommand takes.
    func checkSynopsis(_ arguments: [String], context: String) throws {
        guard let subcommand = arguments.first else { return }
        let help = try Pimsim.run([subcommand, "--help"]).stdout
        for word in arguments where word.hasPrefix("--") {
            let option = String(word.prefix { $0 != "=" && $0 != "]" && $0 != "|" })
            #expect(help.contains(option), "\(context): '\(subcommand)' has no \(option)")
        }
    }

    func checkPath(_ path: String, context: String) throws {
        if path.contains("*") {
            let folder = (path as NSString).deletingLastPathComponent
            let suffix = String(path.split(separator: "*").last ?? "")
            let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent(folder).path)
            #expect(files.contains { $0.hasSuffix(suffix) }, "\(context): nothing matches \(path)")
        } else {
            #expect(FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent(path).path), "\(context): no \(path)")
        }
    }

    @Test("getting-started.md: its commands run in order, and each output shown is in what they print")
    func gettingStarted() throws {
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Scenarios"), to: folder.appendingPathComponent("Scenarios"))
        let blocks = try Self.blocks().filter { $0.file == "docs/getting-started.md" }
        var printed = ""
        var outputs = 0
        for block in blocks {
            if block.language == "sh" {
                printed = ""
                for line in Self.commands(in: block) {
                    // The quickstart script builds pimsim, then runs the quickstart scenario.
                    let arguments = line == "./scripts/dev quickstart" ? ["run", "Scenarios/quickstart.yaml"] : Self.pimsimArguments(line)
                    guard let arguments else { continue }
                    let result = try Pimsim.run(arguments, in: folder)
                    #expect(result.status == 0, "\(line): \(result.stderr)")
                    printed += result.stdout
                }
            } else if block.language.isEmpty {
                let lines = Set(printed.components(separatedBy: "\n"))
                for expected in block.body.components(separatedBy: "\n") where !expected.isEmpty {
                    #expect(lines.contains(expected), "docs/getting-started.md:\(block.line): '\(expected)' is not in the output:\n\(printed)")
                }
                outputs += 1
            }
        }
        #expect(outputs == 5)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("results.xml").path))
    }

    @Test("README's quickstart output is what pimsim prints")
    func readmeOutput() throws {
        let block = try #require(try Self.blocks().first { $0.file == "README.md" && $0.language.isEmpty })
        let folder = try Pimsim.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Pimsim.run(["run", "Scenarios/quickstart.yaml", "--output", folder.path])
        let lines = Set(result.stdout.components(separatedBy: "\n"))
        for expected in block.body.components(separatedBy: "\n") where !expected.isEmpty && expected != "..." {
            #expect(lines.contains(expected), "README.md:\(block.line): '\(expected)'")
        }
    }

    @Test("every YAML example: scenarios decode, fragments and baselines validate against their schema, the workflow is its file")
    func yamlExamples() throws {
        var fragments: [(String, SchemaNode)] = []
        var baselines: [(String, SchemaNode)] = []
        let workflow = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/examples/github-actions.yml"), encoding: .utf8)
        var workflows = 0
        for block in try Self.blocks() where block.language == "yaml" {
            let context = "\(block.file):\(block.line)"
            let document = try SchemaValidator.document(block.body)
            guard case .object(let members) = document else {
                Issue.record("\(context): a YAML example is a map")
                continue
            }
            let keys = Set(members.map(\.0))
            if keys.contains("jobs") {
                #expect(block.body + "\n" == workflow, "\(context): the workflow differs from docs/examples/github-actions.yml")
                workflows += 1
            } else if keys.contains("baseline") {
                #expect(ScenarioLoader.decodeBaseline(text: block.body, file: context).baseline != nil, "\(context)")
                baselines.append((context, document))
            } else if keys.isSuperset(of: ["start", "horizon", "tenant"]) {
                let result = ScenarioLoader.decode(text: block.body, file: context)
                #expect(result.scenario != nil, "\(context): \(result.diagnostics.map(\.description))")
            } else {
                var wrapped = members
                if !keys.contains("start") { wrapped.append(("start", .string("2026-03-02T00:00:00Z"))) }
                if !keys.contains("horizon") { wrapped.append(("horizon", .string("1d"))) }
                if !keys.contains("tenant") { wrapped.append(("tenant", .object([]))) }
                fragments.append((context, .object(wrapped)))
            }
        }
        #expect(workflows == 1)
        #expect(fragments.count > 15)
        for (item, verdict) in zip(fragments, try SchemaValidator.validate(fragments.map(\.1))) {
            #expect(verdict == nil, "\(item.0): \(verdict ?? "")")
        }
        for (item, verdict) in zip(baselines, try SchemaValidator.validate(baselines.map(\.1), schema: ScenarioSchema.baselineText())) {
            #expect(verdict == nil, "\(item.0): \(verdict ?? "")")
        }
    }

    @Test("the GitHub Actions workflow runs pimsim check and hands its three files to the steps that publish them")
    func workflow() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/examples/github-actions.yml"), encoding: .utf8)
        let document = try SchemaValidator.document(text)
        func value(_ node: SchemaNode?, _ key: String) -> SchemaNode? {
            guard case .object(let members)? = node else { return nil }
            return members.first { $0.0 == key }?.1
        }
        func string(_ node: SchemaNode?) -> String? { if case .string(let text)? = node { return text } else { return nil } }
        #expect(value(value(document, "on"), "pull_request") != nil)
        guard case .array(let steps)? = value(value(value(document, "jobs"), "exposure"), "steps") else {
            Issue.record("no jobs.exposure.steps")
            return
        }
        let runs = steps.compactMap { string(value($0, "run")) }
        let check = try #require(runs.first { $0.hasPrefix("pimsim check") })
        let arguments = try #require(Self.pimsimArguments(check))
        let command = try #require(try pimsim.Pimsim.parseAsRoot(arguments) as? Check)
        #expect(command.baseline == ["cisa"])
        let junit = try #require(command.junit), json = try #require(command.jsonOutput), markdown = try #require(command.markdown)
        #expect(runs.contains { $0.contains("cat \(markdown) >> \"$GITHUB_STEP_SUMMARY\"") })
        let reporter = try #require(steps.first { string(value($0, "uses"))?.hasPrefix("mikepenz/action-junit-report@") == true })
        #expect(string(value(value(reporter, "with"), "report_paths")) == junit)
        let upload = try #require(steps.first { string(value($0, "uses"))?.hasPrefix("actions/upload-artifact@") == true })
        #expect(string(value(value(upload, "with"), "path")) == json)
        #expect(runs.contains { $0.contains("swift build -c release") && $0.contains("--product pimsim") })
        // The reporting steps run even when the check fails the job.
        for step in [reporter, upload] { #expect(string(value(step, "if")) == "always()") }
    }
}
