import ExposureMetrics

extension MetricsDocument {
    /// `friction.mfa`: prompts, failures, activations whose MFA the session already carried, and
    /// prompts per activation request (`requests`: the core count; 0 without requests).
    static func mfaJSON(_ friction: FrictionMetrics, requests: Int) -> JSONValue {
        .object([
            "prompts": .integer(Int64(friction.mfaPrompts)),
            "failures": .integer(Int64(friction.mfaFailures)),
            "satisfiedBySession": .integer(Int64(friction.mfaSatisfiedBySession)),
            "promptsPerActivation": .number(requests > 0 ? Double(friction.mfaPrompts) / Double(requests) : 0),
        ])
    }

    /// `signIns`: sign-ins in all, on schedule (`behaviour.signIns`) and on demand (PIM used with
    /// no session), those with MFA at sign-in, and the users who signed in.
    static func signInsJSON(_ friction: FrictionMetrics) -> JSONValue {
        .object([
            "total": .integer(Int64(friction.signIns)),
            "scheduled": .integer(Int64(friction.scheduledSignIns)),
            "onDemand": .integer(Int64(friction.signIns - friction.scheduledSignIns)),
            "withMFA": .integer(Int64(friction.signInsWithMFA)),
            "users": .integer(Int64(friction.signedInUsers.count)),
        ])
    }
}
