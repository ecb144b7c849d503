/// A Conditional Access authentication strength: which sign-in methods satisfy a requirement.
///
/// Entra's three built-in strengths nest: every phishing-resistant combination (Windows Hello
/// for Business, FIDO2, certificate-based multifactor) is passwordless, and every passwordless
/// combination is multifactor ("Conditional Access authentication strength", Microsoft Learn).
public enum AuthenticationStrength: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// "Multifactor authentication": a password and any second factor, or any passwordless method.
    case mfa
    /// "Passwordless MFA": the Authenticator app's phone sign-in and the phishing-resistant methods.
    case passwordless
    /// "Phishing-resistant MFA": Windows Hello for Business, FIDO2 keys, certificate-based MFA.
    case phishingResistant

    private var rank: Int {
        switch self {
        case .mfa: return 1
        case .passwordless: return 2
        case .phishingResistant: return 3
        }
    }

    /// Orders strengths from the weakest (`mfa`) to the strongest (`phishingResistant`).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// A Conditional Access policy that targets an authentication context (the grant it asks for).
public struct ContextPolicy: Sendable, Equatable {
    /// A Conditional Access policy's state.
    public enum State: String, Sendable, Equatable, CaseIterable {
        /// On: enforced.
        case enabled
        /// Off: PIM issues the context without any challenge (no MFA fallback).
        case disabled
        /// Report-only: evaluated, not enforced; like `disabled` for the user (no MFA fallback).
        case reportOnly
    }

    /// The authentication strength the policy's grant requires.
    public var strength: AuthenticationStrength
    /// Whether the policy is enforced.
    public var state: State

    /// Creates a context policy.
    public init(strength: AuthenticationStrength, state: State = .enabled) {
        self.strength = strength
        self.state = state
    }
}

/// The tenant's Conditional Access, as far as PIM activations and sessions are concerned.
public struct ConditionalAccess: Sendable, Equatable {
    /// Policies by authentication context id (`c1`...); a context without one falls back to MFA.
    public var contexts: [String: ContextPolicy]
    /// A policy asks for MFA at every sign-in, so each session starts with the MFA claim.
    public var mfaAtSignIn: Bool
    /// The sign-in frequency session control: sessions last this long (nil: pimsim's default).
    public var signInFrequency: Seconds?

    /// Creates Conditional Access settings (none by default).
    public init(contexts: [String: ContextPolicy] = [:], mfaAtSignIn: Bool = false, signInFrequency: Seconds? = nil) {
        self.contexts = contexts
        self.mfaAtSignIn = mfaAtSignIn
        self.signInFrequency = signInFrequency
    }

    /// The strength an activation under `settings` requires, or nil when it requires none.
    ///
    /// `requireMFA` asks for the MFA claim. An authentication context asks for what the
    /// Conditional Access policy targeting it grants; with no such policy, PIM falls back to MFA;
    /// a policy that is disabled or report-only issues the context without a challenge (no fallback).
    public func requiredStrength(for settings: ActivationSettings) -> AuthenticationStrength? {
        var required: AuthenticationStrength? = settings.requireMFA ? .mfa : nil
        if let context = settings.authenticationContext {
            let fromContext: AuthenticationStrength?
            if let policy = contexts[context] {
                fromContext = policy.state == .enabled ? policy.strength : nil
            } else {
                fromContext = .mfa
            }
            if let fromContext { required = max(required ?? fromContext, fromContext) }
        }
        return required
    }
}

extension AttackerCredential {
    /// The strongest authentication strength these credentials satisfy, or nil for a password alone.
    public static func strength(_ has: Set<AttackerCredential>) -> AuthenticationStrength? {
        if has.contains(.phishingResistant) { return .phishingResistant }
        if has.contains(.passwordless) { return .passwordless }
        if has.contains(.mfa) || has.contains(.token) { return .mfa }
        return nil
    }

    /// Whether these credentials satisfy `required` (nil: nothing is required).
    public static func satisfy(_ required: AuthenticationStrength?, with has: Set<AttackerCredential>) -> Bool {
        guard let required else { return true }
        guard let held = strength(has) else { return false }
        return held >= required
    }
}
