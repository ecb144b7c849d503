import Foundation
import Reports
import RunPipeline
import ScenarioFormat
import TenantModel

/// What an exercise run wrote.
public struct ExerciseResult: Sendable {
    /// The files written: the trainee's folder first, then the answer key.
    public var paths: [String]
    /// The answer key's facts, as written to `answer-key.json`.
    public var answerKey: JSONValue
    /// The scenario file's warnings.
    public var warnings: [Diagnostic]
}

/// `pimsim run FILE --exercise DIR`: what a trainee gets, and separately the trainer's answer key.
///
/// `DIR/trainee/` holds the questions of the scenario's `exercise:` section, the run's audit log
/// (JSON Lines and SQLite) and the report with neither the attacker's section of metrics.json nor
/// `tier0.attacker`; `DIR/answer-key.md` and `answer-key.json` say who was compromised and when,
/// what the account activated meanwhile, which PIM alerts fired, and the attacker's path to Tier 0.
public enum Exercises {
    /// The trainee's folder inside the exercise folder.
    public static let traineeFolder = "trainee"

    /// Runs the selected scenario and writes the exercise into `directory`.
    public static func write(_ selection: ScenarioSelection, to directory: String) throws(UseCaseError) -> ExerciseResult {
        let loaded = try RunLoader.load(selection)
        let plan = loaded.plan
        guard let exercise = plan.scenario.exercise else {
            throw .invalidInput("\(selection.path) has no 'exercise' section: add its questions under exercise.questions (docs/scenario-format.md)")
        }
        let trainee = Pipeline.path(directory, traineeFolder)
        do {
            let outcome = try Pipeline.simulate(plan, auditPath: Pipeline.path(trainee, "audit.jsonl"),
                                                auditDatabase: Pipeline.path(trainee, "audit.sqlite"))
            var redacted = outcome
            redacted.document = withoutAttacker(outcome.document)
            redacted.scenario.description = nil  // the author's description may tell the story
            var paths = [Pipeline.path(trainee, "audit.jsonl"), Pipeline.path(trainee, "audit.sqlite")]
            paths += try Pipeline.writeReport(redacted, graphSVG: try Pipeline.graphSVG(outcome), to: trainee)
            let questions = Pipeline.path(trainee, "questions.md")
            try AtomicFile.write(questionsText(exercise, scenario: plan.scenario), to: questions)
            paths.append(questions)
            let key = answerKey(outcome, plan: plan)
            let keyJSON = Pipeline.path(directory, "answer-key.json")
            let keyText = Pipeline.path(directory, "answer-key.md")
            try AtomicFile.write(key.rendered(), to: keyJSON)
            try AtomicFile.write(answerKeyText(exercise, key: key, scenario: plan.scenario), to: keyText)
            paths += [keyText, keyJSON]
            return ExerciseResult(paths: paths, answerKey: key, warnings: loaded.warnings)
        } catch let error as UseCaseError {
            throw error
        } catch {
            throw .runtime("\(error)")
        }
    }

    /// metrics.json without what only the attacker's side knows: `attacker` and `tier0.attacker`.
    static func withoutAttacker(_ document: JSONValue) -> JSONValue {
        guard case .object(var members) = document else { return document }
        members["attacker"] = nil
        if case .object(var tier0)? = members["tier0"] {
            tier0["attacker"] = nil
            members["tier0"] = .object(tier0)
        }
        return .object(members)
    }

    static func questionsText(_ exercise: Exercise, scenario: Scenario) -> String {
        var text = "# \(exercise.title ?? "Exercise: \(scenario.name)")\n\n"
        if let briefing = exercise.briefing { text += briefing.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n" }
        text += "Answer from what is in this folder: `audit.jsonl` (the Entra audit log, one JSON record a line), "
        text += "`audit.sqlite` (the same records for SQL), and `report.html` / `summary.md` (the run's privileged exposure and PIM's alerts).\n\n"
        text += "## Questions\n\n"
        for (index, question) in exercise.questions.enumerated() {
            text += "\(index + 1). \(question.question.trimmingCharacters(in: .whitespacesAndNewlines))\n"
        }
        return text
    }

    /// The facts of the answer key, from the run.
    static func answerKey(_ outcome: RunOutcome, plan: RunPlan) -> JSONValue {
        let scenario = plan.scenario
        let time = { (offset: Int64) in JSONValue.string(TimeText.timestamp(epoch: scenario.startEpoch + offset)) }
        var compromises: [JSONValue] = []
        for event in scenario.events {
            guard case .compromise(let user, let duration, let has) = event.action else { continue }
            let id = scenario.tenant.users[user.int].id
            let until = min(event.at + duration, scenario.horizon)
            let activations = outcome.timeline.activations.filter { $0.user == user && $0.start >= event.at && $0.start < until }
            let alerts = outcome.alerts.filter { incident in
                guard !incident.alert.hasPrefix("CISA.") else { return false }  // PIM's alerts, not pimsim's CISA checks
                let concerns = incident.subject == id || incident.subject.hasPrefix(id + "/")
                let overlaps = incident.from < until && (incident.to ?? scenario.horizon) > event.at
                return (concerns && overlaps) || (incident.from >= event.at && incident.from < until)
            }
            compromises.append(.object([
                "user": .string(id),
                "from": time(event.at),
                "until": time(until),
                "credentials": .array(has.map(\.rawValue).sorted().map(JSONValue.string)),
                "activations": .array(activations.map { span in
                    .object([
                        "role": .string(scenario[span.role].name), "start": time(span.start),
                        "end": span.end.map(time) ?? .null,
                    ])
                }),
                "alerts": .array(alerts.map { incident in
                    .object(["alert": .string(incident.alert), "subject": .string(incident.subject), "from": time(incident.from),
                             "to": incident.to.map(time) ?? .null])
                }),
            ]))
        }
        var members: [String: JSONValue] = [
            "scenario": .string(scenario.name),
            "variant": plan.variant.map(JSONValue.string) ?? .null,
            "seed": .integer(Int64(plan.seed)),
            "compromises": .array(compromises),
            "attacker": outcome.document.value(at: ["attacker"]) ?? .null,
            "tier0": outcome.document.value(at: ["tier0", "attacker"]) ?? .null,
        ]
        members["paths"] = .object(attackerPaths(outcome, plan: plan))
        return .object(members)
    }

    /// The compromised accounts' paths to Tier 0 at the attacker's first potential and first live reach.
    static func attackerPaths(_ outcome: RunOutcome, plan: RunPlan) -> [String: JSONValue] {
        let users = Set(plan.scenario.events.compactMap { event -> String? in
            guard case .compromise(let user, _, _) = event.action else { return nil }
            return "user:" + plan.scenario.tenant.users[user.int].id
        })
        var result: [String: JSONValue] = [:]
        for moment in ["firstReachable", "firstLive"] {
            guard case .string(let text)? = outcome.document.value(at: ["tier0", "attacker", moment]),
                  case .success(let epoch) = TimeSyntax.timestamp(text) else { continue }
            let state = GraphPictures.state(of: plan, at: epoch - plan.scenario.startEpoch)
            let lines = GraphPictures.pathListing(state).split(separator: "\n").map(String.init)
                .filter { users.contains(String($0.prefix { $0 != "\t" })) }
            result[moment] = .object(["at": .string(text), "paths": .array(lines.map(JSONValue.string))])
        }
        return result
    }

    static func answerKeyText(_ exercise: Exercise, key: JSONValue, scenario: Scenario) -> String {
        var text = "# Answer key: \(exercise.title ?? scenario.name)\n\n"
        text += "Keep this file from trainees. It is made from the run itself (scenario \(scenario.name)"
        if case .integer(let seed)? = key.value(at: ["seed"]) { text += ", seed \(seed)" }
        text += "), so it always matches the trainee's audit log.\n\n## Questions\n\n"
        for (index, question) in exercise.questions.enumerated() {
            text += "\(index + 1). \(question.question.trimmingCharacters(in: .whitespacesAndNewlines))\n"
            if let answer = question.answer { text += "   **Answer:** \(answer.trimmingCharacters(in: .whitespacesAndNewlines))\n" }
        }
        text += "\n## What happened\n\n"
        guard case .array(let compromises)? = key.value(at: ["compromises"]), !compromises.isEmpty else {
            return text + "No account was compromised in this run.\n"
        }
        for compromise in compromises {
            let credentials = Self.strings(compromise.value(at: ["credentials"]))
            text += "- **Compromised:** \(Self.string(compromise, "user")), from \(Self.string(compromise, "from")) until \(Self.string(compromise, "until")); the attacker had \(credentials.joined(separator: ", ")).\n"
            if case .array(let activations)? = compromise.value(at: ["activations"]), !activations.isEmpty {
                text += "- **Activated meanwhile:**\n"
                for activation in activations { text += "  - \(Self.string(activation, "role")) at \(Self.string(activation, "start"))\n" }
            } else {
                text += "- **Activated meanwhile:** nothing.\n"
            }
            if case .array(let alerts)? = compromise.value(at: ["alerts"]), !alerts.isEmpty {
                text += "- **PIM alerts:**\n"
                for alert in alerts { text += "  - \(Self.string(alert, "alert")) from \(Self.string(alert, "from"))\n" }
            } else {
                text += "- **PIM alerts:** none fired about this account during the compromise.\n"
            }
        }
        if case .bool(let reached)? = key.value(at: ["attacker", "tier0Reached"]) {
            text += "- **Tier 0:** the attacker \(reached ? "held a Tier-0 role" : "never held a Tier-0 role")"
            if case .number(let hours)? = key.value(at: ["attacker", "timeToTier0Hours"]) {
                text += ", \(Int((hours * 60).rounded())) minutes after the compromise began"
            }
            text += ".\n"
        }
        for (moment, label) in [("firstReachable", "first potential path"), ("firstLive", "first live path")] {
            guard case .object(let entry)? = key.value(at: ["paths", moment]), case .string(let at)? = entry["at"],
                  case .array(let paths)? = entry["paths"] else { continue }
            text += "- **Attacker's \(label) to Tier 0** (\(at)):\n"
            for line in Self.strings(.array(paths)) { text += "  - `\(line.replacingOccurrences(of: "\t", with: " · "))`\n" }
        }
        return text
    }

    /// The string at `key` of an object, or `?`.
    static func string(_ object: JSONValue, _ key: String) -> String {
        if case .string(let text)? = object.value(at: [key]) { return text }
        return "?"
    }

    /// The strings of an array.
    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
    }
}
