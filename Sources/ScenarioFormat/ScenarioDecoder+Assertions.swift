import Foundation
import TenantModel

/// Decoding of `assertions` (checks on metrics, on alerts and on Tier-0 reach, absolute or
/// relative to another run) and of the `exercise` section.
extension ScenarioDecoder {
    /// The word that names the scenario as written (no variant) in relative bounds.
    static let baselineRun = "baseline"

    /// Decodes `assertions`; `variants` nil decodes a baseline file's assertions, whose variant
    /// and principal names are resolved when a scenario is checked.
    func decodeAssertions(_ value: Value, variants: [VariantInfo]?) -> [MetricAssertion] {
        guard let items = context.list(value, what: "assertions") else { return [] }
        var assertions: [MetricAssertion] = []
        for item in items {
            if let assertion = decodeAssertion(item, variants: variants) { assertions.append(assertion) }
        }
        return assertions
    }

    func decodeAssertion(_ item: Value, variants: [VariantInfo]?) -> MetricAssertion? {
        let reported = context.diagnostics.count
        guard let map = context.map(item, FormatSpec.assertion) else { return nil }
        // A misspelt bound ('mn') is reported as an unknown key; "needs a bound" would only repeat it.
        let misspelt = context.diagnostics.count > reported
        let forms = ["metric", "alert", "tier0"].filter { map.has($0) }
        guard forms.count == 1, let form = forms.first else {
            let found = forms.isEmpty ? "" : "; found \(forms.map { "'\($0)'" }.joined(separator: " and "))"
            context.error("an assertion checks one thing: give exactly one of 'metric', 'alert' or 'tier0'\(found)", at: item)
            return nil
        }
        var variant: String?
        var ok = true
        if let entry = map["variant"], let name = context.identifier(entry, what: "a variant name") {
            if let variants, !variants.contains(where: { $0.name == name }) {
                context.error("unknown variant '\(name)'\(Suggestions.hint(for: name, in: variants.map(\.name)))", at: entry)
                ok = false
            }
            variant = name
        } else if map.has("variant") {
            ok = false
        }
        var assertion: MetricAssertion?
        switch form {
        case "metric": assertion = decodeMetricAssertion(map, at: item, variant: variant, variants: variants, quiet: misspelt)
        case "alert": assertion = decodeAlertAssertion(map, at: item, variant: variant, variants: variants, quiet: misspelt)
        default: assertion = decodeTier0Assertion(map, at: item, variant: variant)
        }
        guard ok, var result = assertion else { return nil }
        result.variant = variant
        result.origin = item.path.description
        result.line = item.mark?.line ?? 0
        result.id = map["id"].flatMap { context.identifier($0, what: "a check id") }
        result.title = map["title"].flatMap { context.string($0) }
        if let entry = map["severity"] {
            guard let severity = enumValue(entry, CheckSeverity.self, noun: "severity") else { return nil }
            result.severity = severity
        }
        if let entry = map["statistic"] {
            guard let statistic = enumValue(entry, AssertionStatistic.self, noun: "statistic") else { return nil }
            result.statistic = statistic
        }
        return result
    }

    /// `{metric, min | max | between | atMost | atLeast | lessThanBaseline | moreThanBaseline}`.
    func decodeMetricAssertion(_ map: MapView, at item: Value, variant: String?, variants: [VariantInfo]?, quiet: Bool) -> MetricAssertion? {
        for key in FormatSpec.alertMeasures + FormatSpec.tier0Measures where map.has(key) {
            context.error("'\(key)' belongs to an '\(FormatSpec.alertMeasures.contains(key) ? "alert" : "tier0")' check, not to a 'metric' one", at: map[key] ?? item)
            return nil
        }
        guard let metricValue = map["metric"], let metric = context.identifier(metricValue, what: "a metric key") else { return nil }
        var assertion = MetricAssertion(metric: metric)
        guard decodeBounds(map, at: item, into: &assertion, variant: variant, variants: variants, quiet: quiet) else { return nil }
        return assertion
    }

    /// `{alert: ID, fires: BOOL}` or `{alert: ID, incidents | triggeredHours: {bounds}}`.
    func decodeAlertAssertion(_ map: MapView, at item: Value, variant: String?, variants: [VariantInfo]?, quiet: Bool) -> MetricAssertion? {
        guard let idValue = map["alert"], let id = context.identifier(idValue, what: "an alert id") else { return nil }
        guard AlertCatalogue.ids.contains(id) else {
            context.error("unknown alert '\(id)'\(Suggestions.hint(for: id, in: AlertCatalogue.ids)) (expected one of \(AlertCatalogue.ids.joined(separator: ", ")))", at: idValue)
            return nil
        }
        if let misplaced = (FormatSpec.boundKeys + FormatSpec.tier0Measures).first(where: map.has) {
            context.error("'\(misplaced)' does not go with 'alert'; an alert check takes fires: true|false, or bounds under 'incidents' or 'triggeredHours'", at: map[misplaced] ?? item)
            return nil
        }
        let measures = FormatSpec.alertMeasures.filter(map.has)
        guard measures.count == 1, let measure = measures.first, let body = map[measure] else {
            context.error("an alert check needs exactly one of 'fires', 'incidents' or 'triggeredHours'", at: item)
            return nil
        }
        if measure == "fires" {
            guard let fires = context.bool(body) else { return nil }
            var assertion = MetricAssertion(metric: "alerts.\(id).incidents", max: fires ? nil : 0)
            if fires { assertion.above = 0 }
            assertion.kind = .alert(id: id, measure: "fires")
            return assertion
        }
        let reported = context.diagnostics.count
        guard let bounds = context.map(body, FormatSpec.bounds) else { return nil }
        var assertion = MetricAssertion(metric: "alerts.\(id).\(measure)")
        assertion.kind = .alert(id: id, measure: measure)
        guard decodeBounds(bounds, at: body, into: &assertion, variant: variant, variants: variants,
                           quiet: quiet || context.diagnostics.count > reported) else { return nil }
        return assertion
    }

    /// `{tier0: PRINCIPAL | attacker, reaches | reachesLive: BOOL}`.
    func decodeTier0Assertion(_ map: MapView, at item: Value, variant: String?) -> MetricAssertion? {
        guard let principalValue = map["tier0"], let principal = context.identifier(principalValue, what: "a user or service principal id, or attacker") else { return nil }
        if let misplaced = (FormatSpec.boundKeys + FormatSpec.alertMeasures).first(where: map.has) {
            context.error("'\(misplaced)' does not go with 'tier0'; a Tier-0 check takes reaches: true|false or reachesLive: true|false", at: map[misplaced] ?? item)
            return nil
        }
        let measures = FormatSpec.tier0Measures.filter(map.has)
        guard measures.count == 1, let measure = measures.first, let body = map[measure], let reaches = context.bool(body) else {
            if measures.count != 1 { context.error("a Tier-0 check needs exactly one of 'reaches' or 'reachesLive'", at: item) }
            return nil
        }
        // A baseline file names principals of no tenant yet; a scenario's must exist.
        if !userByID.isEmpty || !servicePrincipalByID.isEmpty, principal != "attacker",
           userByID[principal] == nil, servicePrincipalByID[principal] == nil {
            let known = Array(userByID.keys) + Array(servicePrincipalByID.keys) + ["attacker"]
            context.error("unknown principal '\(principal)'\(Suggestions.hint(for: principal, in: known)); a Tier-0 check names a user, a service principal or 'attacker'", at: principalValue)
            return nil
        }
        let live = measure == "reachesLive"
        let figure = live ? "liveReachableHours" : "reachableHours"
        let metric = principal == "attacker" ? "tier0.attacker.\(figure)" : "tier0.principals.\(principal).\(figure)"
        var assertion = MetricAssertion(metric: metric, max: reaches ? nil : 0)
        if reaches { assertion.above = 0 }
        assertion.kind = .tier0(principal: principal, live: live)
        return assertion
    }

    /// Reads the bound keys of `map` into `assertion`; false (with errors) when one is wrong or
    /// none is given.
    /// `quiet`: the map already has an error (a misspelt key), so a missing bound is not reported again.
    func decodeBounds(_ map: MapView, at item: Value, into assertion: inout MetricAssertion, variant: String?, variants: [VariantInfo]?, quiet: Bool) -> Bool {
        let range = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        var ok = true
        var low = map["min"].flatMap { context.number($0, in: range, what: "min") }
        var high = map["max"].flatMap { context.number($0, in: range, what: "max") }
        if (map.has("min") && low == nil) || (map.has("max") && high == nil) { ok = false }
        if let between = map["between"] {
            if map.has("min") || map.has("max") {
                context.error("give 'between' or 'min'/'max', not both", at: between)
                ok = false
            } else if let bounds = context.list(between, what: "two numbers"), bounds.count == 2 {
                low = context.number(bounds[0], in: range, what: "the lower bound")
                high = context.number(bounds[1], in: range, what: "the upper bound")
                if low == nil || high == nil { ok = false }
            } else {
                context.error("'between' takes two numbers, [min, max]", at: between)
                ok = false
            }
        }
        if let low, let high, low > high {
            context.error("the lower bound \(low.compact) is above the upper bound \(high.compact)", at: item)
            ok = false
        }
        assertion.min = low
        assertion.max = high
        for key in ["atMost", "atLeast", "lessThanBaseline", "moreThanBaseline"] {
            guard let entry = map[key] else { continue }
            guard let bound = relativeBound(key, entry, variant: variant, variants: variants) else {
                ok = false
                continue
            }
            assertion.relative.append(bound)
        }
        if ok && !assertion.hasBound {
            if quiet { return false }
            context.error("an assertion needs a bound: 'min', 'max', 'between', 'atMost', 'atLeast', 'lessThanBaseline' or 'moreThanBaseline'", at: item)
            ok = false
        }
        return ok
    }

    /// One relative bound: `atMost: baseline`, `atLeast: strict-jit`, `atMost: 80% of baseline`,
    /// `lessThanBaseline: 50%`, `moreThanBaseline: 20%`.
    func relativeBound(_ key: String, _ entry: Value, variant: String?, variants: [VariantInfo]?) -> RelativeBound? {
        guard let text = context.identifier(entry, what: key.hasSuffix("Baseline") ? "a percentage such as '50%'" : "baseline, a variant's name, or 'P% of baseline'") else { return nil }
        let written = "\(key): \(text)"
        var reference: String?
        var factor = 1.0
        let direction: RelativeBound.Direction
        switch key {
        case "lessThanBaseline", "moreThanBaseline":
            guard let percent = Self.percentage(text) else {
                context.error("'\(text)' is not a percentage; expected such as '50%'", at: entry)
                return nil
            }
            if key == "lessThanBaseline" {
                guard percent <= 100 else {
                    context.error("lessThanBaseline takes 0% to 100% (a value cannot fall by more than all of it), got '\(text)'", at: entry)
                    return nil
                }
                factor = 1 - percent / 100
                direction = .atMost
            } else {
                factor = 1 + percent / 100
                direction = .atLeast
            }
        default:
            direction = key == "atMost" ? .atMost : .atLeast
            var name = text.trimmingWhitespace
            if let range = name.range(of: "% of ") {
                guard let percent = Self.percentage(String(name[..<range.upperBound].dropLast(3))) else {
                    context.error("'\(text)' is not 'P% of RUN'; expected such as '80% of baseline'", at: entry)
                    return nil
                }
                factor = percent / 100
                name = String(name[range.upperBound...]).trimmingWhitespace
            }
            if name != Self.baselineRun {
                if let variants, !variants.contains(where: { $0.name == name }) {
                    let names = [Self.baselineRun] + variants.map(\.name)
                    context.error("unknown run '\(name)'\(Suggestions.hint(for: name, in: names)) (expected baseline or a variant: \(names.joined(separator: ", ")))", at: entry)
                    return nil
                }
                reference = name
            }
        }
        guard reference != variant else {
            let run = variant.map { "variant '\($0)'" } ?? "the baseline"
            context.error("'\(written)' compares \(run) with itself; name another run, or give the assertion a 'variant'", at: entry)
            return nil
        }
        return RelativeBound(direction: direction, reference: reference, factor: factor, written: written)
    }

    /// `50%` → 50; nil unless a non-negative number followed by `%`.
    static func percentage(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasSuffix("%") else { return nil }
        let number = String(trimmed.dropLast()).trimmingWhitespace
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let value = Double(number), value.isFinite, value <= 1_000_000 else { return nil }
        return value
    }

    /// `exercise: {title, briefing, questions: [text | {question, answer}]}`.
    func decodeExercise(_ value: Value) -> Exercise? {
        guard let map = context.map(value, FormatSpec.exercise) else { return nil }
        var exercise = Exercise(title: map["title"].flatMap { context.string($0) }, briefing: map["briefing"].flatMap { context.string($0) })
        guard let entry = map["questions"], let items = context.list(entry, what: "questions") else { return nil }
        if items.isEmpty { context.error("an exercise needs at least one question", at: entry) }
        for item in items {
            if case .mapping = item.node {
                guard let body = context.map(item, FormatSpec.question),
                      let text = body["question"].flatMap({ context.string($0) }) else { continue }
                exercise.questions.append(ExerciseQuestion(question: text, answer: body["answer"].flatMap { context.string($0) }))
            } else if let text = context.string(item, what: "a question") {
                exercise.questions.append(ExerciseQuestion(question: text))
            }
        }
        return exercise
    }
}
