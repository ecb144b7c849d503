import ArgumentParser
import Foundation
import PimsimKit
import Reports
import ScenarioFormat
import TenantModel
import WhatIf

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a scenario and write its metrics.",
        discussion: """
        Writes metrics.json, audit.jsonl (the Entra audit log of the run), graph.svg (the privilege graph \
        at the peak of exposure), report.html (a self-contained report with charts) and summary.md (a \
        Markdown summary for pull requests) into Output/<scenario>/ (or --output DIR) and prints a summary. \
        When the scenario has variants, the report and the summary also compare them with the baseline \
        (--compare-replications runs each, on common random numbers; see docs/what-if.md).
        """
    )

    @Argument(help: "The scenario file (YAML or JSON).")
    var file: String

    @Option(name: .long, help: "Write outputs into this folder instead of Output/<scenario>/.")
    var output: String?

    @Flag(name: .long, help: "Print the metrics JSON on standard output (the summary goes to standard error).")
    var json = false

    @Option(name: .long, help: "Override the scenario's seed (0 to 9223372036854775807).")
    var seed: UInt64?

    func validate() throws {
        if let seed, seed > UInt64(Int64.max) { throw ValidationError("--seed must be at most \(Int64.max), got \(seed)") }
    }

    @Option(name: .long, help: "Run this variant of the scenario instead of the baseline.")
    var variant: String?

    @Option(name: .customLong("audit-db"), help: "Also write the audit log into this SQLite database (see docs/audit-log.md).")
    var auditDatabase: String?

    @Option(name: .long, help: "Replications per arm of the report's variant comparison (default 10; 0 leaves it out).")
    var compareReplications = 10

    func run() async throws {
        guard compareReplications >= 0 else { throw ValidationError("--compare-replications must be 0 or more, got \(compareReplications)") }
        let scenario = try loadOrExit(file, variant: variant)
        let comparison = try await self.comparison(for: scenario)
        let folder = Pipeline.outputFolder(scenario: scenario.name, variant: variant, directory: output)
        let paths: [String]
        let outcome: RunOutcome
        do {
            outcome = try Pipeline.simulate(scenario, variant: variant, seed: seed, auditPath: Pipeline.path(folder, "audit.jsonl"),
                                           auditDatabase: auditDatabase)
            let graph = try Pipeline.graphSVG(outcome)
            paths = [try Pipeline.write(outcome, to: folder), try Pipeline.writeGraph(graph, to: folder)]
                + (try Pipeline.writeReport(outcome, graphSVG: graph, comparison: comparison, series: outcome.tier0Series, to: folder))
        } catch {
            printError("error: \(error)")
            throw Exit.runtimeFailure
        }
        let wrote = paths.map { "wrote \($0)" }.joined(separator: "\n")
        if json {
            FileHandle.standardOutput.write(Data(outcome.document.rendered().utf8))
            printError(outcome.summary + "\n" + wrote)
        } else {
            print(outcome.summary + "\n" + wrote)
        }
    }

    /// The baseline against every variant for the report, when the baseline is run and it has variants.
    func comparison(for scenario: Scenario) async throws -> ComparisonTable? {
        guard variant == nil, !scenario.variants.isEmpty, compareReplications > 0 else { return nil }
        do {
            // The headline metrics only; `pimsim compare` writes every metric to compare.json.
            var table = try await InMemoryStudies.compare(path: file, replications: compareReplications, seed: seed).table
            table.rows = table.rows.filter { MetricSelection.main.matches($0.metric) }
            return table
        } catch {
            printError("error: the variant comparison: \(error)")
            throw Exit.invalidInput
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files (and each of their variants) without running them."
    )

    @Argument(help: "One or more scenario files.")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            let result = Pipeline.load(path: file)
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            guard let scenario = result.scenario else {
                failed = true
                continue
            }
            var variantsOK = true
            for variant in scenario.variants {
                let patched = Pipeline.load(path: file, variant: variant.name)
                for diagnostic in patched.diagnostics where diagnostic.severity == .error {
                    printError("\(diagnostic.description) (in variant '\(variant.name)')")
                }
                if patched.scenario == nil { variantsOK = false }
            }
            if !variantsOK {
                failed = true
                continue
            }
            print("\(file): ok — \(scenario.tenant.users.count) users, \(scenario.tenant.groups.count) groups, "
                + "\(scenario.assignments.count) assignments, \(scenario.requests.count) requests, "
                + "\(scenario.events.count) events, \(scenario.variants.count) variants")
        }
        if failed { throw Exit.invalidInput }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and evaluate their assertions; exit 1 when one fails."
    )

    @Argument(help: "One or more scenario files.")
    var files: [String]

    @Option(name: .long, help: "Override each scenario's seed (0 to 9223372036854775807).")
    var seed: UInt64?

    func validate() throws {
        if let seed, seed > UInt64(Int64.max) { throw ValidationError("--seed must be at most \(Int64.max), got \(seed)") }
    }

    func run() throws {
        var failures = 0
        var total = 0
        for file in files {
            let base = try loadOrExit(file)
            var documents: [String?: JSONValue] = [nil: Pipeline.simulate(base, seed: seed).document]
            for assertion in base.assertions {
                if documents[assertion.variant] == nil, let variant = assertion.variant {
                    let scenario = try loadOrExit(file, variant: variant)
                    documents[variant] = Pipeline.simulate(scenario, variant: variant, seed: seed).document
                }
                guard let document = documents[assertion.variant] else { continue }
                let result = AssertionCheck.evaluate(assertion, document: document)
                total += 1
                if !result.passed { failures += 1 }
                print("\(file): \(result.message)")
            }
            if base.assertions.isEmpty { print("\(file): no assertions") }
        }
        print("\(total - failures) passed, \(failures) failed")
        if failures > 0 { throw Exit.assertionFailed }
    }
}

struct Roles: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the built-in role catalogue.")

    @Flag(name: .long, help: "Only roles labelled privileged.")
    var privileged = false

    func run() {
        let catalogue = RoleCatalogue.builtIn
        for role in catalogue.roles where !privileged || role.privileged {
            print("\(role.templateId ?? "-")  \(role.privileged ? "PRIVILEGED" : "          ")  \(role.name)")
        }
    }
}
