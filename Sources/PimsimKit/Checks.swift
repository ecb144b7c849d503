import Reports
import RunPipeline
import ScenarioFormat
import TenantModel
import WhatIf

/// The `check` use case: run a scenario, each variant its checks name, over the scenario's
/// replications, and evaluate its assertions and those of the baselines asked for.
public enum Checks {
    /// Evaluates every assertion of the file at `path` and every check of `baselines` (their
    /// checks run on the scenario as written unless they name a variant); `seed` overrides the
    /// scenario's seed as replication 0's seed.
    public static func check(
        path: String, seed: UInt64? = nil, baselines: [CheckBaseline] = [], jobs: Int = ExperimentRunner.defaultJobs
    ) async throws(UseCaseError) -> FileCheck {
        let base = try RunLoader.load(ScenarioSelection(path: path, seed: seed))
        let scenario = base.plan.scenario
        var warnings = base.warnings
        var pending = scenario.assertions.map { (assertion: $0, source: "assertions") }
        for baseline in baselines { pending += baseline.assertions.map { ($0, baseline.name) } }
        var check = FileCheck(path: path, scenario: scenario.name, seed: base.plan.seed, replications: scenario.replications,
                              results: [], warnings: [])
        // Baselines are written for any scenario: what this one lacks makes the check an error.
        var problems: [Int: String] = [:]
        for (index, item) in pending.enumerated() {
            if let problem = unresolved(item.assertion, in: scenario) { problems[index] = problem }
        }
        var arms: [String?] = []
        for (index, item) in pending.enumerated() where problems[index] == nil {
            for run in item.assertion.runs where !arms.contains(run) { arms.append(run) }
        }
        arms.sort { order($0, in: scenario) < order($1, in: scenario) }
        var experimentArms: [Arm] = []
        for arm in arms {
            if let variant = arm {
                let loaded = try RunLoader.load(ScenarioSelection(path: path, variant: variant, seed: seed))
                warnings += loaded.warnings.filter { !warnings.contains($0) }
                experimentArms.append(Arm(name: variant, scenario: loaded.plan.scenario, variant: variant))
            } else {
                experimentArms.append(Arm(name: ComparisonTable.baselineName, scenario: scenario))
            }
        }
        var runs = CheckRuns(arms: arms, results: RawResults(arms: 0, replications: scenario.replications))
        if !experimentArms.isEmpty {
            let experiment = Experiment(arms: experimentArms, replications: scenario.replications, seed: base.plan.seed)
            runs.results = await ExperimentRunner.run(experiment, jobs: jobs)
        }
        var documents: [Int: JSONValue] = [:]
        for (index, item) in pending.enumerated() {
            if let problem = problems[index] {
                var result = CheckResult(assertion: item.assertion, source: item.source)
                result = result.erred("\(item.assertion.metric) (\(AssertionCheck.runName(item.assertion.variant))): \(problem)")
                check.results.append(result)
                continue
            }
            var result = AssertionCheck.evaluate(item.assertion, runs: runs, source: item.source)
            if !result.passed, let arm = arms.firstIndex(of: item.assertion.variant) {
                // The details come from replication 0's metrics.json, simulated again only for failures.
                let document = documents[arm] ?? Pipeline.simulate(experimentArms[arm].scenario, variant: arms[arm], seed: base.plan.seed).document
                documents[arm] = document
                result.detail = detail(of: item.assertion, in: document)
            }
            check.results.append(result)
        }
        check.warnings = warnings
        return check
    }

    /// Why `assertion` cannot be checked on `scenario` (a variant, or a Tier-0 principal, it lacks).
    static func unresolved(_ assertion: MetricAssertion, in scenario: Scenario) -> String? {
        for run in assertion.runs {
            if let variant = run, !scenario.variants.contains(where: { $0.name == variant }) {
                return "the scenario has no variant '\(variant)'"
            }
        }
        if case .tier0(let principal, _) = assertion.kind, principal != "attacker",
           !scenario.tenant.users.contains(where: { $0.id == principal }),
           !scenario.tenant.servicePrincipals.contains(where: { $0.id == principal }) {
            return "the tenant has no user or service principal '\(principal)'"
        }
        return nil
    }

    /// The baseline first, then the variants in file order.
    static func order(_ run: String?, in scenario: Scenario) -> Int {
        guard let run else { return -1 }
        return scenario.variants.firstIndex { $0.name == run } ?? scenario.variants.count
    }

    /// What metrics.json says about a failed alert or Tier-0 check.
    static func detail(of assertion: MetricAssertion, in document: JSONValue) -> String? {
        switch assertion.kind {
        case .metric:
            return nil
        case .alert(let id, _):
            guard case .object(let alert)? = document.value(at: ["alerts", id]) else { return nil }
            let count = alert["incidents"]?.doubleValue.map { Int($0) } ?? 0
            var parts = ["\(count) incident\(count == 1 ? "" : "s")"]
            if case .array(let subjects)? = alert["subjects"], !subjects.isEmpty {
                let names = subjects.compactMap { if case .string(let name) = $0 { return name } else { return nil } }
                parts.append("subjects: " + names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", …" : ""))
            }
            if case .string(let first)? = alert["firstTrigger"] { parts.append("first at \(first)") }
            if alert["activeAtEnd"] == .bool(true) { parts.append("still open at the end") }
            return parts.joined(separator: "; ")
        case .tier0(let principal, _):
            let path = principal == "attacker" ? ["tier0", "attacker"] : ["tier0", "principals", principal]
            guard case .object(let figures)? = document.value(at: path) else { return nil }
            var parts: [String] = []
            if case .string(let first)? = figures["firstReachable"] { parts.append("first reachable at \(first)") }
            if case .string(let first)? = figures["firstLive"] { parts.append("first live at \(first)") }
            if let steps = figures["minSteps"]?.doubleValue { parts.append("shortest path \(Int(steps)) steps") }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
    }

    /// The closing line of a check of several files: `N passed, M failed`.
    public static func summary(_ checks: [FileCheck]) -> String {
        let passed = checks.reduce(0) { $0 + $1.passed }
        let failed = checks.reduce(0) { $0 + $1.failed }
        return "\(passed) passed, \(failed) failed"
    }
}
