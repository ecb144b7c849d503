import Testing
@testable import ScenarioFormat
import TenantModel

/// `assertions` (relative, alert, Tier-0 and statistic forms), `replications`, `exercise`,
/// `onPremisesSyncEnabled` and baseline files.
@Suite("Assertions, exercises and baseline files")
struct AssertionDecodingTests {
    static let header = """
    start: 2026-03-02T00:00:00Z
    horizon: 7d
    tenant:
      users: [{id: ann, onPremisesSyncEnabled: true}, {id: bo}]
      servicePrincipals: [{id: sync}]
    assignments:
      - {principal: ann, role: Global Administrator, type: active}
    variants:
      strict: {description: stricter}
      loose: {description: looser}

    """

    static func assertions(_ lines: String) -> [MetricAssertion] {
        scenario(header + "assertions:\n" + lines)?.assertions ?? []
    }

    @Test("relative bounds: atMost a run, a percentage of a run, less or more than the baseline")
    func relative() {
        let decoded = Self.assertions("""
          - {variant: strict, metric: privilegedHours.total, atMost: baseline}
          - {variant: strict, metric: privilegedHours.standing, lessThanBaseline: 50%}
          - {variant: strict, metric: friction.waitMinutes.p90, moreThanBaseline: 20%, atLeast: loose}
          - {metric: standingAdmins.max, atMost: 80% of strict, min: 1}

        """)
        #expect(decoded.count == 4)
        #expect(decoded[0].relative == [RelativeBound(direction: .atMost, reference: nil, factor: 1, written: "atMost: baseline")])
        #expect(decoded[1].relative == [RelativeBound(direction: .atMost, reference: nil, factor: 0.5, written: "lessThanBaseline: 50%")])
        #expect(decoded[2].relative.map(\.factor) == [1, 1.2])
        #expect(decoded[2].relative.map(\.reference) == ["loose", nil])
        #expect(decoded[2].relative.map(\.direction) == [.atLeast, .atLeast])
        #expect(decoded[3].relative == [RelativeBound(direction: .atMost, reference: "strict", factor: 0.8, written: "atMost: 80% of strict")])
        #expect(decoded[3].min == 1)
        #expect(decoded[3].runs == [nil, "strict"])
        #expect(decoded[2].runs == ["strict", "loose", nil])
        #expect(decoded[0].line == 12)
    }

    @Test("alert checks: fires true or false, bounds on incidents and triggered hours")
    func alerts() {
        let decoded = Self.assertions("""
          - {alert: TooManyGlobalAdminsAssignedToTenantAlert, fires: false}
          - {alert: CISA.MS.AAD.7.4v1, fires: true, id: perm, title: A permanent GA exists, severity: low}
          - {variant: strict, alert: StaleSignInAlert, incidents: {max: 0}}
          - {alert: RolesAssignedOutsidePimAlert, triggeredHours: {atMost: strict}}

        """)
        #expect(decoded.map(\.metric) == [
            "alerts.TooManyGlobalAdminsAssignedToTenantAlert.incidents", "alerts.CISA.MS.AAD.7.4v1.incidents",
            "alerts.StaleSignInAlert.incidents", "alerts.RolesAssignedOutsidePimAlert.triggeredHours",
        ])
        #expect(decoded[0].max == 0 && decoded[0].above == nil)
        #expect(decoded[1].max == nil && decoded[1].above == 0)
        #expect((decoded[1].id, decoded[1].title, decoded[1].severity) == ("perm", "A permanent GA exists", .low))
        #expect(decoded[1].kind == .alert(id: "CISA.MS.AAD.7.4v1", measure: "fires"))
        #expect(decoded[2].variant == "strict" && decoded[2].max == 0)
        #expect(decoded[3].relative.first?.reference == "strict")
    }

    @Test("Tier-0 checks: a user, a service principal or the attacker; potential or live")
    func tier0() {
        let decoded = Self.assertions("""
          - {tier0: bo, reaches: false}
          - {tier0: sync, reachesLive: true}
          - {tier0: attacker, reachesLive: false, statistic: upper95}

        """)
        #expect(decoded.map(\.metric) == [
            "tier0.principals.bo.reachableHours", "tier0.principals.sync.liveReachableHours", "tier0.attacker.liveReachableHours",
        ])
        #expect(decoded[0].max == 0 && decoded[1].above == 0)
        #expect(decoded[2].statistic == .upper95)
        #expect(decoded[1].kind == .tier0(principal: "sync", live: true))
    }

    @Test("replications, the exercise and onPremisesSyncEnabled reach the model")
    func scenarioKeys() {
        let model = scenario(Self.header + """
        replications: 20
        exercise:
          title: Night shift
          questions:
            - Who activated at night?
            - {question: When?, answer: At 02:00.}

        """)
        #expect(model?.replications == 20)
        #expect(model?.exercise == Exercise(title: "Night shift", questions: [
            ExerciseQuestion(question: "Who activated at night?"), ExerciseQuestion(question: "When?", answer: "At 02:00."),
        ]))
        #expect(model?.tenant.users.map(\.onPremisesSync) == [true, false])
        #expect(scenario(Self.header)?.replications == 1)
        let generated = scenario("start: 2026-03-02T00:00:00Z\nhorizon: 1d\ntenant: {users: [{generate: {count: 2, prefix: u}, onPremisesSyncEnabled: true, authentication: mfa}]}\n")
        #expect(generated?.tenant.users.map(\.onPremisesSync) == [true, true])
        #expect(generated?.tenant.users.map(\.authentication) == [.mfa, .mfa])
    }

    @Test("errors name the key, quote the value and say what was expected")
    func errors() {
        let prefix = Self.header + "assertions:\n"
        expect(onlyError(prefix + "  - {metric: x, alert: StaleSignInAlert, fires: false}\n"), line: 12, column: 5, path: "assertions[0]",
               "give exactly one of 'metric', 'alert' or 'tier0'", "found 'metric' and 'alert'")
        expect(onlyError(prefix + "  - {alert: StaleSignInAlrt, fires: false}\n"), line: 12, column: 13, path: "assertions[0].alert",
               "unknown alert 'StaleSignInAlrt'", "did you mean 'StaleSignInAlert'?")
        expect(onlyError(prefix + "  - {alert: StaleSignInAlert}\n"), line: 12, column: 5, path: "assertions[0]",
               "exactly one of 'fires', 'incidents' or 'triggeredHours'")
        expect(onlyError(prefix + "  - {alert: StaleSignInAlert, fires: false, max: 0}\n"), line: 12, column: 50, path: "assertions[0].max",
               "'max' does not go with 'alert'")
        expect(onlyError(prefix + "  - {metric: x, lessThanBaseline: half}\n"), line: 12, column: 35, path: "assertions[0].lessThanBaseline",
               "'half' is not a percentage")
        expect(onlyError(prefix + "  - {metric: x, lessThanBaseline: 150%}\n"), line: 12, column: 35, path: "assertions[0].lessThanBaseline",
               "0% to 100%", "'150%'")
        expect(onlyError(prefix + "  - {metric: x, atMost: baseline}\n"), line: 12, column: 25, path: "assertions[0].atMost",
               "compares the baseline with itself")
        expect(onlyError(prefix + "  - {metric: x, atMost: strct}\n"), line: 12, column: 25, path: "assertions[0].atMost",
               "unknown run 'strct'", "did you mean 'strict'?", "baseline, strict, loose")
        expect(onlyError(prefix + "  - {tier0: bob, reaches: false}\n"), line: 12, column: 13, path: "assertions[0].tier0",
               "unknown principal 'bob'", "did you mean 'bo'?")
        expect(onlyError(prefix + "  - {metric: x, max: 1, statistic: median}\n"), line: 12, column: 36, path: "assertions[0].statistic",
               "unknown statistic 'median'", "mean, lower95, upper95")
        expect(onlyError(prefix + "  - {metric: x}\n"), line: 12, column: 5, path: "assertions[0]", "an assertion needs a bound")
        expect(onlyError(Self.header + "replications: 0\n"), line: 11, column: 15, path: "replications", "between 1 and 10000, got 0")
        expect(onlyError(Self.header + "exercise: {questions: []}\n"), line: 11, column: 23, path: "exercise.questions", "at least one question")
    }

    @Test("a baseline file decodes without a scenario; its variants are resolved later")
    func baselineFile() {
        let text = """
        baseline: team
        assertions:
          - {id: GA, variant: strict, metric: globalAdmins.max, atMost: baseline}
          - {tier0: someone, reaches: false}
        """
        let (baseline, diagnostics) = ScenarioLoader.decodeBaseline(text: text, file: "team.yaml")
        #expect(diagnostics.isEmpty)
        #expect(baseline?.name == "team")
        #expect(baseline?.assertions.map(\.id) == ["GA", nil])
        #expect(baseline?.assertions.first?.variant == "strict")
        let bad = ScenarioLoader.decodeBaseline(text: "assertions:\n  - {metric: x, mn: 1}\n", file: "bad.yaml")
        #expect(bad.baseline == nil)
        #expect(bad.diagnostics.first?.description == "bad.yaml:2:17: error: assertions[0].mn: unknown key 'mn'; did you mean 'min'? (allowed here: "
            + FormatSpec.assertion.keys.map(\.name).joined(separator: ", ") + ")")
        let named = ScenarioLoader.decodeBaseline(text: "assertions: [{metric: x, max: 1}]\n", file: "dir/ours.yaml", defaultName: "ours")
        #expect(named.baseline?.name == "ours")
    }
}
