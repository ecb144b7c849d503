import TenantModel

/// The keys of Conditional Access and of sessions: authentication contexts, sign-in controls and
/// scheduled sign-ins.
extension FormatSpec {
    static let conditionalAccess = MapSpec(what: "Conditional Access settings (a map)", keys: [
        .optional("authenticationContexts", "the policy targeting each authentication context, keyed by context id", .map(authenticationContexts)),
        .optional("signIn", "{mfa: true or false, frequency: a duration}", .map(signInPolicy)),
    ])
    static let authenticationContexts = MapSpec(what: "authentication context policies (a map keyed by context id)", keys: [], acceptsAnyKey: true,
                                                values: .map(contextPolicy))
    static let contextPolicy = MapSpec(what: "a Conditional Access policy for an authentication context (a map)", keys: [
        .required("strength", "mfa, passwordless or phishingResistant", .enumeration(AuthenticationStrength.allCases.map(\.rawValue))),
        .optional("state", "enabled (default), disabled or reportOnly", .enumeration(ContextPolicy.State.allCases.map(\.rawValue)), default: .string("enabled")),
    ])
    static let signInPolicy = MapSpec(what: "sign-in controls (a map)", keys: [
        .optional("mfa", "true when every sign-in asks for MFA", .boolean, default: .boolean(false)),
        .optional("frequency", "the sign-in frequency: whole hours or days, 1h to 365d", .duration),
    ])
    static let signIns = MapSpec(what: "scheduled sign-ins (a map)", keys: [
        .optional("users", "user ids (default every user)", .ids),
        .optional("calendar", "working days and hours (default mon-fri 09:00-17:00 UTC)", calendarReference),
        .optional("probability", "the probability a user signs in on a working day (default 1)", .number(0...1), default: .number(1)),
        .optional("spread", "sign-ins come up to this long after the day starts (default 1h)", .duration, default: .string("1h")),
    ])
}
