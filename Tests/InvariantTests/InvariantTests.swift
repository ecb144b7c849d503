import Foundation
import PIMEngine
import PropertyBased
import Reports
import RunPipeline
import ScenarioFormat
import SimKernel
import TenantModel
import Testing
import TestSupport
import Trace

/// Properties every run must have, checked on random valid scenarios over the whole format
/// (`ScenarioRecipe`). The number of scenarios is `PIMSIM_PROPERTY_COUNT` (default 30); a
/// failure prints the shrunk choices, which go to `regressions` below, and the scenario's YAML.
@Suite("Invariants on random valid scenarios")
struct InvariantTests {
    static let count = ProcessInfo.processInfo.environment["PIMSIM_PROPERTY_COUNT"].flatMap(Int.init) ?? 30

    /// Choices that once broke a property (shrunk), replayed on every run.
    static let regressions: [[UInt8]] = [
        [],
        [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255],
    ]

    /// Choices: a list of bytes that the recipe reads one by one (`ScenarioRecipe`).
    static let choices = Gen.uint8().array(of: 0...600)

    @Test("every invariant holds on random valid scenarios")
    func randomScenarios() async {
        await propertyCheck(count: Self.count, input: Self.choices) { choices in
            Self.checkAll(choices)
        }
    }

    @Test("regressions: choices that once broke an invariant", arguments: regressions)
    func regression(choices: [UInt8]) {
        Self.checkAll(choices)
    }

    /// The recipe is not degenerate: over many choices, every part of the format appears, every
    /// scenario is valid, and runs grant, deny and reject requests.
    @Test("random scenarios cover the whole format")
    func coverage() throws {
        var generator = SplitMix(seed: 2026)
        var seen: [String: Int] = [:]
        for _ in 0..<150 {
            let choices = (0..<Int(generator.next() % 600)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            var recipe = ScenarioRecipe(choices)
            let yaml = recipe.document().yaml
            let loaded = ScenarioLoader.decode(text: yaml, file: "random.yaml", limits: .standard)
            let scenario = try #require(loaded.scenario, "\(loaded.diagnostics.map(\.description))\n\(yaml)")
            for key in ["generate:", "roleAssignable: true", "servicePrincipals:", "- name: Custom", "authenticationContext:",
                        "notifications:", "group: ", "scope: \"/administrativeUnits", "activate:", "task:", "tasks:", "deactivate:",
                        "extend:", "start: ", "distribution: lognormal", "distribution: empirical", "signIns:", "reviews:", "leave:", "membership:",
                        "assign:", "remove:", "policy:", "join:", "move:", "compromise:", "cancelRequest:", "revokeActivation:",
                        "adminExtend:", "strict:", "alerts:", "conditionalAccess:"] where yaml.contains(key) {
                seen[key, default: 0] += 1
            }
            let text = Pipeline.simulate(scenario).document.rendered()
            let metrics = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            let activations = metrics?["activations"] as? [String: Any] ?? [:]
            for outcome in ["granted", "denied", "expired", "rejected", "cancelled"] where (activations[outcome] as? Int ?? 0) > 0 {
                seen[outcome, default: 0] += 1
            }
        }
        let missing = ["generate:", "roleAssignable: true", "servicePrincipals:", "- name: Custom", "authenticationContext:", "notifications:",
                       "group: ", "scope: \"/administrativeUnits", "activate:", "task:", "tasks:", "deactivate:", "extend:", "start: ",
                       "distribution: lognormal", "distribution: empirical", "signIns:", "reviews:", "leave:", "membership:", "assign:",
                       "remove:", "policy:", "join:", "move:", "compromise:", "cancelRequest:", "revokeActivation:", "adminExtend:",
                       "strict:", "alerts:", "conditionalAccess:", "granted", "denied", "expired", "rejected", "cancelled"]
            .filter { seen[$0, default: 0] < (["denied", "expired", "cancelled"].contains($0) ? 1 : 2) }
        #expect(missing.isEmpty, "seldom or never generated: \(missing); seen: \(seen)")
    }

    // MARK: The properties

    /// Builds the scenario of `choices` and checks every property on it.
    static func checkAll(_ choices: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        var recipe = ScenarioRecipe(choices)
        let document = recipe.document()
        let yaml = document.yaml
        let loaded = ScenarioLoader.decode(text: yaml, file: "random.yaml", limits: .standard)
        guard let scenario = loaded.scenario else {
            Issue.record("the recipe made an invalid scenario:\n\(loaded.diagnostics.map(\.description).joined(separator: "\n"))\n\(yaml)",
                         sourceLocation: sourceLocation)
            return
        }
        let context = "choices \(choices)\n\(yaml)"
        let run = Run(scenario)
        checkOutcomes(run, context, sourceLocation)
        checkHours(run, context, sourceLocation)
        checkActivations(scenario, run, context, sourceLocation)
        checkDisabledUsers(scenario, run, context, sourceLocation)
        checkAudit(run, context, sourceLocation)

        // The same seed gives the same bytes.
        let again = Run(scenario)
        #expect(again.metricsText == run.metricsText, "\(context)", sourceLocation: sourceLocation)
        #expect(again.auditText == run.auditText, "\(context)", sourceLocation: sourceLocation)
        // A comparison's lean replication (metrics.json's folds only) gives the run's very document.
        #expect(Pipeline.simulateMetrics(RunPlan(scenario: scenario)).rendered() == run.metricsText, "\(context)", sourceLocation: sourceLocation)
        // A variant with an empty patch is the baseline.
        if let same = ScenarioLoader.decode(text: yaml, file: "random.yaml", variant: "same", limits: .standard).scenario {
            let variant = Pipeline.simulate(same, variant: "same")
            #expect(withoutVariant(variant.document.rendered()) == withoutVariant(run.metricsText), "\(context)", sourceLocation: sourceLocation)
        } else {
            Issue.record("the variant 'same' does not load", sourceLocation: sourceLocation)
        }
        // The JSON spelling (ISO durations, +00:00 timestamps) gives the same metrics.
        let json = ScenarioLoader.decode(text: document.json, file: "random.json", defaultName: "invariant", limits: .standard)
        if let fromJSON = json.scenario {
            #expect(Pipeline.simulate(fromJSON).document.rendered() == run.metricsText, "\(context)", sourceLocation: sourceLocation)
        } else {
            Issue.record("the JSON spelling does not load: \(json.diagnostics.map(\.description))\n\(document.json)", sourceLocation: sourceLocation)
        }
    }

    /// One run's outputs: metrics.json's text and values, the trace, the audit log.
    struct Run {
        let metricsText: String
        let metrics: [String: Any]
        let trace: [TraceRecord]
        let audit: [JSONValue]
        let auditText: String

        init(_ scenario: Scenario) {
            metricsText = Pipeline.simulate(scenario).document.rendered()
            metrics = (try? JSONSerialization.jsonObject(with: Data(metricsText.utf8))) as? [String: Any] ?? [:]
            trace = PIMReplay.run(scenario, sink: TraceRecorder()).sink.records
            let builder = AuditLogBuilder(identity: AuditIdentity(scenario: scenario, seed: scenario.seed), output: AuditCollector())
            audit = PIMReplay.run(scenario, sink: builder).sink.output.records
            auditText = audit.map { $0.renderedCompact() }.joined(separator: "\n")
        }

        func number(_ path: String) -> Double {
            var value: Any? = metrics
            for key in path.split(separator: ".") { value = (value as? [String: Any])?[String(key)] }
            return (value as? NSNumber)?.doubleValue ?? .nan
        }

        /// The members of an object in metrics.json.
        func members(_ key: String) -> [String: [String: Any]] {
            (metrics[key] as? [String: Any])?.compactMapValues { $0 as? [String: Any] } ?? [:]
        }
    }

    static func withoutVariant(_ text: String) -> String {
        guard var object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return text }
        if var run = object["run"] as? [String: Any] {
            run["variant"] = nil
            object["run"] = run
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    /// Every request ends in exactly one outcome (or is pending at the horizon), and the counts agree.
    static func checkOutcomes(_ run: Run, _ context: String, _ location: SourceLocation) {
        var outcomes: [Int: Int] = [:]
        var submitted: Set<Int> = []
        var pending: Set<Int> = []
        for record in run.trace {
            switch record {
            case .requestSubmitted(_, let id, _, _, _): submitted.insert(id)
            case .requestRejected(_, let id, _), .requestExpired(_, let id), .requestCancelled(_, let id, _), .requestDenied(_, let id, _):
                outcomes[id, default: 0] += 1
            case .activationStarted(_, _, let request, _, _, _, _): outcomes[request, default: 0] += 1
            case .finished(_, let pendingRequests, _): pending = Set(pendingRequests)
            default: break
            }
        }
        for id in submitted.sorted() {
            let count = outcomes[id, default: 0] + (pending.contains(id) ? 1 : 0)
            #expect(count == 1, "request \(id) has \(count) outcomes\n\(context)", sourceLocation: location)
        }
        let parts = ["granted", "denied", "expired", "rejected", "cancelled", "pending"].map { run.number("activations.\($0)") }
        #expect(parts.reduce(0, +) == run.number("activations.requested"), "\(context)", sourceLocation: location)
        #expect(Double(submitted.count) == run.number("activations.requested"), "\(context)", sourceLocation: location)
    }

    /// Hours are never negative; standing and just-in-time add up to the total; the per-role and
    /// per-user breakdowns add up to the totals.
    static func checkHours(_ run: Run, _ context: String, _ location: SourceLocation) {
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, member) in object { walk(member, path.isEmpty ? key : path + "." + key) }
            } else if let number = value as? NSNumber, path.lowercased().contains("hours"), !(value is Bool) {
                #expect(number.doubleValue >= 0, "\(path) is \(number)\n\(context)", sourceLocation: location)
            }
        }
        walk(run.metrics, "")
        let total = run.number("privilegedHours.total"), standing = run.number("privilegedHours.standing"), jit = run.number("privilegedHours.jit")
        #expect(close(standing + jit, total), "standing \(standing) + jit \(jit) != total \(total)\n\(context)", sourceLocation: location)
        let privileged = run.members("roles").values.filter { $0["privileged"] as? Bool == true }
        let roleTotal = privileged.map { ($0["activeHours"] as? NSNumber)?.doubleValue ?? 0 }.reduce(0, +)
        let roleStanding = privileged.map { ($0["standingHours"] as? NSNumber)?.doubleValue ?? 0 }.reduce(0, +)
        #expect(close(roleTotal, total), "roles add up to \(roleTotal), not \(total)\n\(context)", sourceLocation: location)
        #expect(close(roleStanding, standing), "roles' standing adds up to \(roleStanding), not \(standing)\n\(context)", sourceLocation: location)
        let users = run.members("users").values
        let userTotal = users.map { ($0["privilegedHours"] as? NSNumber)?.doubleValue ?? 0 }.reduce(0, +)
        let userStanding = users.map { ($0["standingHours"] as? NSNumber)?.doubleValue ?? 0 }.reduce(0, +)
        let userJIT = users.map { ($0["jitHours"] as? NSNumber)?.doubleValue ?? 0 }.reduce(0, +)
        #expect(close(userTotal, total), "users add up to \(userTotal), not \(total)\n\(context)", sourceLocation: location)
        #expect(close(userStanding, standing), "users' standing adds up to \(userStanding), not \(standing)\n\(context)", sourceLocation: location)
        #expect(close(userJIT, jit), "users' jit adds up to \(userJIT), not \(jit)\n\(context)", sourceLocation: location)
    }

    /// No activation lasts longer than the maximum of the policy in effect when it was granted,
    /// or runs on once its end is due, or while the user is not eligible for the role.
    static func checkActivations(_ scenario: Scenario, _ run: Run, _ context: String, _ location: SourceLocation) {
        var policies = scenario.policies
        var live: [Int: (user: UserIndex, role: RoleIndex, end: SimTime)] = [:]
        for record in run.trace {
            switch record {
            case .policyChanged(_, _, let set): policies = set
            case .activationStarted(let time, let id, _, let user, let role, let scheduledEnd, _):
                let maximum = policies[role].activation.maxDuration
                #expect(scheduledEnd - time <= maximum, "activation \(id) runs \(scheduledEnd - time) s, beyond \(maximum) s\n\(context)",
                        sourceLocation: location)
                live[id] = (user, role, scheduledEnd)
            case .activationEnded(let time, let id, _, _, _):
                if let activation = live[id] {
                    #expect(time <= activation.end, "activation \(id) outlives its end\n\(context)", sourceLocation: location)
                }
                live[id] = nil
            case .accessChanged(_, let user, let role, let state):
                if live.values.contains(where: { $0.user == user && $0.role == role }) {
                    #expect(state.contains(.eligible), "user \(user) keeps an activation of \(role) without being eligible (state \(state.rawValue))\n\(context)",
                            sourceLocation: location)
                }
            default: break
            }
        }
    }

    /// Nothing is held by a disabled user, or by one who has not joined yet.
    static func checkDisabledUsers(_ scenario: Scenario, _ run: Run, _ context: String, _ location: SourceLocation) {
        var absent = Set(scenario.events.compactMap { event -> UserIndex? in
            if case .join(let user) = event.action { return user }
            return nil
        })
        for record in run.trace {
            switch record {
            case .userDisabled(_, let user): absent.insert(user)
            case .userJoined(_, let user): absent.remove(user)
            case .accessChanged(_, let user, let role, let state):
                #expect(!(absent.contains(user) && state.contains(.holds)), "absent user \(user) holds \(role)\n\(context)", sourceLocation: location)
            default: break
            }
        }
    }

    /// The audit log records one completed activation per granted request.
    static func checkAudit(_ run: Run, _ context: String, _ location: SourceLocation) {
        let completed = run.audit.filter { record in
            guard case .string(let activity)? = record.value(at: ["activityDisplayName"]) else { return false }
            return activity.hasSuffix("completed (PIM activation)")
        }
        #expect(Double(completed.count) == run.number("activations.granted"), "\(context)", sourceLocation: location)
    }
}
