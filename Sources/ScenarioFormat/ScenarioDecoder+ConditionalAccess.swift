import TenantModel

extension ScenarioDecoder {
    /// `conditionalAccess: {authenticationContexts: {c1: {strength, state}}, signIn: {mfa, frequency}}`.
    func decodeConditionalAccess(_ value: Value) -> ConditionalAccess {
        var result = ConditionalAccess()
        guard let map = context.map(value, FormatSpec.conditionalAccess) else { return result }
        if let entry = map["authenticationContexts"], let contexts = context.map(entry, FormatSpec.authenticationContexts) {
            for item in contexts.entries {
                guard let body = context.map(item.value, FormatSpec.contextPolicy) else { continue }
                let strength = body["strength"].flatMap { enumValue($0, AuthenticationStrength.self, noun: "authentication strength") }
                let state = body["state"].map { enumValue($0, ContextPolicy.State.self, noun: "policy state") } ?? .enabled
                guard let strength, let state else { continue }
                result.contexts[item.key] = ContextPolicy(strength: strength, state: state)
            }
        }
        if let entry = map["signIn"], let body = context.map(entry, FormatSpec.signInPolicy) {
            if let flag = body["mfa"].flatMap({ context.bool($0) }) { result.mfaAtSignIn = flag }
            if let frequencyValue = body["frequency"], let frequency = context.duration(frequencyValue) {
                // The session control takes whole hours (1-23) or days (1-365).
                if frequency >= 3600, frequency <= 365 * 86_400, frequency % 3600 == 0 {
                    result.signInFrequency = frequency
                } else {
                    context.error("a sign-in frequency is whole hours or days between 1h and 365d, got '\(frequencyValue.node.string ?? "")'", at: frequencyValue)
                }
            }
        }
        return result
    }

    /// After policies and Conditional Access: an authentication context that no declared policy
    /// targets falls back to MFA in Entra; when the scenario declares contexts, a reference to an
    /// undeclared one is probably a typo, so it gets a warning with a suggestion.
    func checkContextReferences(_ conditionalAccess: ConditionalAccess) {
        guard !conditionalAccess.contexts.isEmpty else { return }
        for (name, value) in contextReferences where conditionalAccess.contexts[name] == nil {
            context.warning("no Conditional Access policy targets authentication context '\(name)'\(Suggestions.hint(for: name, in: conditionalAccess.contexts.keys)): PIM falls back to MFA for it", at: value)
        }
    }

    /// `behaviour.signIns: {users, calendar, probability, spread}`.
    func decodeSignIns(_ value: Value) -> SignInBehaviour? {
        guard let map = context.map(value, FormatSpec.signIns) else { return nil }
        var result = SignInBehaviour()
        if let entry = map["users"] { result.users = userList(entry, what: "user ids") }
        if let entry = map["calendar"] { result.calendar = decodeCalendar(entry) }
        if let rate = map["probability"].flatMap({ context.number($0, in: 0...1, what: "probability") }) { result.probability = rate }
        if let entry = map["spread"], let spread = context.duration(entry) {
            if spread <= 86_400 { result.spread = spread } else {
                context.error("a sign-in spread is at most a day, got '\(entry.node.string ?? "")'", at: entry)
            }
        }
        return result
    }
}
