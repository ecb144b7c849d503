import ExposureMetrics
import PIMEngine
import RunPipeline
import ScenarioFormat
import Reports
import TenantModel
import Testing
import TestSupport
import Trace

/// Conditional Access authentication contexts with an authentication strength: what users and
/// attackers can satisfy.
@Suite("Authentication strength")
struct AuthenticationStrengthTests {
    @Test("strengths nest, and the required strength is the stronger of requireMFA and the context's policy")
    func requiredStrength() {
        #expect(AuthenticationStrength.mfa < .passwordless && AuthenticationStrength.passwordless < .phishingResistant)
        var settings = ActivationSettings.defaults
        settings.requireMFA = false
        var access = ConditionalAccess()
        #expect(access.requiredStrength(for: settings) == nil)
        settings.authenticationContext = "c1"
        // No policy targets c1: PIM falls back to MFA.
        #expect(access.requiredStrength(for: settings) == .mfa)
        access.contexts["c1"] = ContextPolicy(strength: .phishingResistant)
        #expect(access.requiredStrength(for: settings) == .phishingResistant)
        // A policy that is off or report-only issues the context without a challenge.
        access.contexts["c1"] = ContextPolicy(strength: .phishingResistant, state: .reportOnly)
        #expect(access.requiredStrength(for: settings) == nil)
        settings.requireMFA = true
        #expect(access.requiredStrength(for: settings) == .mfa)
    }

    @Test("attacker credentials: a password satisfies nothing, a stolen token only MFA, a phishing-resistant credential all")
    func attackerCredentials() {
        #expect(!AttackerCredential.satisfy(.mfa, with: [.password]))
        #expect(AttackerCredential.satisfy(nil, with: [.password]))
        #expect(AttackerCredential.satisfy(.mfa, with: [.password, .token]))
        #expect(!AttackerCredential.satisfy(.passwordless, with: [.password, .token, .mfa]))
        #expect(AttackerCredential.satisfy(.passwordless, with: [.passwordless]))
        #expect(!AttackerCredential.satisfy(.phishingResistant, with: [.passwordless, .token]))
        #expect(AttackerCredential.satisfy(.phishingResistant, with: [.phishingResistant]))
    }

    static let stepUp = header() + """
    tenant: {users: [{id: ann}]}
    conditionalAccess: {authenticationContexts: {c1: {strength: phishingResistant}}}
    policies:
      default: {activation: {maxDuration: 30m}}
      roles:
        Global Administrator: {activation: {requireMFA: false, authenticationContext: c1}}
    assignments:
      - {principal: ann, role: User Administrator, type: eligible}
      - {principal: ann, role: Global Administrator, type: eligible}
    workload:
      - {at: 1h, activate: {user: ann, role: User Administrator, duration: 30m}}
      - {at: 2h, activate: {user: ann, role: Global Administrator, duration: 30m}}
      - {at: 3h, activate: {user: ann, role: User Administrator, duration: 30m}}
      - {at: 4h, activate: {user: ann, role: Global Administrator, duration: 30m}}

    """

    @Test("a step-up to phishing-resistant strength is asked once per session, and then satisfies MFA too")
    func stepUpOnce() throws {
        let seen = SessionTests.authentication(try makeScenario(Self.stepUp))
        // 1h: MFA prompt; 2h: the session has only MFA, so a phishing-resistant prompt; after
        // that the session carries the strongest claim.
        #expect(seen.prompts == [1, 2])
        #expect(seen.satisfied == [3, 4])
    }

    @Test("a user without a phishing-resistant method cannot activate: the explicit request is never made, the task is blocked")
    func userLacksStrength() throws {
        let explicit = try makeScenario(Self.stepUp.replacingOccurrences(of: "{id: ann}", with: "{id: ann, authentication: mfa}"))
        let outcome = Pipeline.simulate(explicit)
        // The two Global Administrator requests never get past Conditional Access.
        #expect(outcome.metrics.activations.requested == 2)
        #expect(outcome.metrics.activations.granted == 2)
        #expect(outcome.friction.mfaFailures == 2)

        let task = try makeScenario(header() + """
        tenant: {users: [{id: ann, authentication: passwordless}]}
        conditionalAccess: {authenticationContexts: {c1: {strength: phishingResistant}}}
        policies: {default: {activation: {authenticationContext: c1}}}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        behaviour: {mfa: {attempts: 3}}
        workload: [{at: 1h, task: {user: ann, role: Global Administrator, duration: 30m}}]
        """)
        let blocked = Pipeline.simulate(task)
        // No retries: no attempt can pass.
        #expect(blocked.friction.tasks.blockedBy == [.authenticationStrength: 1])
        #expect(blocked.friction.mfaPrompts == 1)
        #expect(blocked.document.value(at: ["friction", "tasks", "blockedBy", "authenticationStrength"])?.doubleValue == 1)
    }

    @Test("a context whose policy is disabled asks for nothing: no prompt, and the no-MFA alert fires")
    func contextOff() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}]}
        conditionalAccess: {authenticationContexts: {c1: {strength: phishingResistant, state: disabled}}}
        policies: {default: {activation: {requireMFA: false, authenticationContext: c1}}}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        workload: [{at: 1h, activate: {user: ann, role: Global Administrator, duration: 1h}}]
        """)
        let outcome = Pipeline.simulate(scenario)
        #expect(outcome.friction.mfaPrompts == 0)
        #expect(outcome.friction.mfaSatisfiedBySession == 0)
        #expect(outcome.alerts.map(\.alert).contains("NoMfaOnRoleActivationAlert"))
    }

    static let attacked = header(horizon: "1d") + """
    tenant: {users: [{id: mo}]}
    conditionalAccess: {authenticationContexts: {c1: {strength: phishingResistant}}}
    policies: {roles: {Global Administrator: {activation: {maxDuration: 1h, requireMFA: true}}}}
    assignments: [{principal: mo, role: Global Administrator, type: eligible}]
    events:
      - {at: 2h, compromise: {user: mo, duration: 3h, attacker: {has: [password, token]}}}

    """

    @Test("a stolen token passes 'require MFA' but not a phishing-resistant authentication context")
    func attackerAgainstStrength() throws {
        let mfaOnly = Pipeline.simulate(try makeScenario(Self.attacked))
        // Activations at 2h, 3h and 4h, an hour each: the whole compromise.
        #expect(mfaOnly.document.value(at: ["attacker", "tier0Reached"]) == .bool(true))
        #expect(mfaOnly.document.value(at: ["attacker", "privilegedHours"])?.doubleValue == 3)
        let strong = Pipeline.simulate(try makeScenario(Self.attacked.replacingOccurrences(
            of: "maxDuration: 1h, requireMFA: true", with: "maxDuration: 1h, requireMFA: true, authenticationContext: c1")))
        #expect(strong.document.value(at: ["attacker", "tier0Reached"]) == .bool(false))
        #expect(strong.document.value(at: ["attacker", "privilegedHours"])?.doubleValue == 0)
        // The attacker tried at 2h, 3h and 4h and failed each prompt.
        #expect(strong.friction.mfaFailures == 3)
    }

    @Test("validation: unknown strengths and states with suggestions, a misspelled context reference warned")
    func validation() throws {
        let result = ScenarioLoader.decode(text: header() + """
        tenant: {users: [{id: ann, authentication: fido}]}
        conditionalAccess:
          authenticationContexts: {c1: {strength: phishingresistant, state: on}, c2: {strength: mfa, state: enabeld}, c4: {strength: mfa}}
          signIn: {frequency: 90m}
        policies: {default: {activation: {authenticationContext: c3}}}
        """, file: "t.yaml", defaultName: "t")
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("tenant.users[0].authentication: unknown authentication strength 'fido'") })
        #expect(messages.contains { $0.contains("unknown authentication strength 'phishingresistant'; did you mean 'phishingResistant'?") })
        // YAML reads a bare on as a boolean.
        #expect(messages.contains { $0.contains("c1.state: expected a name of policy state, got the boolean on") })
        #expect(messages.contains { $0.contains("c2.state: unknown policy state 'enabeld'; did you mean 'enabled'? (expected enabled, disabled, reportOnly)") })
        #expect(messages.contains { $0.contains("conditionalAccess.signIn.frequency: a sign-in frequency is whole hours or days") })
        #expect(messages.contains { $0.contains("warning") && $0.contains("no Conditional Access policy targets authentication context 'c3'") })
        let credential = ScenarioLoader.decode(text: header() + """
        tenant: {users: [{id: mo}]}
        events: [{at: 1h, compromise: {user: mo, duration: 1h, attacker: {has: [password, phishing]}}}]
        """, file: "t.yaml", defaultName: "t").diagnostics.map(\.description)
        #expect(credential.contains { $0.contains("unknown credential 'phishing'") && $0.contains("(expected password, mfa, token, passwordless, phishingResistant)") })
    }
}
