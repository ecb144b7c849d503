import ExposureMetrics
import PIMEngine
import RunPipeline
import Reports
import ScenarioFormat
import TenantModel
import Testing
import TestSupport
import Trace

/// Role settings beyond the core: policy changes over time, assignment rules, deactivation,
/// authentication context, justification and ticket time.
@Suite("Role settings")
struct RoleSettingTests {
    @Test("policy events change the settings from their time on, for one role or for all")
    func policyEvents() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}, {id: cy}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        behaviour: {approvers: {responseTime: 30m}}
        workload:
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 4h}}
          - {at: 11h, activate: {user: ann, role: Global Administrator, duration: 4h}}
          - {at: 21h, activate: {user: ann, role: Global Administrator, duration: 4h}}
        events:
          - {at: 20h, policy: {activation: {requireApproval: true, approvers: [cy]}}}
          - {at: 10h, policy: {role: Global Administrator, activation: {maxDuration: 1h}}}
        """)
        // Events are applied in time order whatever their order in the file.
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 1, "granted", decided: 1, active: (1, 5), endReason: "expired"),
            RequestStory("ann", at: 11, "granted", decided: 11, active: (11, 12), endReason: "expired"),
            RequestStory("ann", at: 21, "granted", decided: 21.5, active: (21.5, 22.5), endReason: "expired"),
        ])
        let changes = trace(scenario).compactMap { record -> Int64? in
            guard case .policyChanged(let time, _, _) = record else { return nil }
            return time
        }
        #expect(changes == [h(10), h(20)])
    }

    static let rules = header() + """
    tenant: {users: [{id: ann}, {id: bo}]}
    policies:
      enforceAssignmentRules: ENFORCE
      roles:
        User Administrator: {eligibleAssignment: {allowPermanent: false, maxDuration: 1d}}
    assignments:
      - {principal: ann, role: User Administrator, type: eligible, duration: 12h}
    events:
      - {at: 1h, assign: {principal: bo, role: User Administrator, type: eligible}}
      - {at: 2h, assign: {principal: bo, role: User Administrator, type: eligible, duration: 2d}}
      - {at: 3h, assign: {principal: bo, role: User Administrator, type: eligible, duration: 20h}}

    """

    @Test("enforced assignment rules refuse assign events that break them, counted and audited")
    func enforcedRules() throws {
        let scenario = try makeScenario(Self.rules.replacingOccurrences(of: "ENFORCE", with: "true"))
        let outcome = Pipeline.simulate(scenario)
        #expect(outcome.metrics.refusedAssignments == 2)
        let role = try #require(outcome.metrics.roles.first { $0.name == "User Administrator" })
        // ann 12h; bo only through the 20h assignment made at 3h (3h-23h).
        #expect(role.eligibleSeconds == h(12) + h(20))
        #expect(outcome.document.value(at: ["hygiene", "refusedAssignments"]) == .integer(2))
        // Not enforced (the core's behaviour): all three are made.
        let free = Pipeline.simulate(try makeScenario(Self.rules.replacingOccurrences(of: "ENFORCE", with: "false")))
        #expect(free.metrics.refusedAssignments == 0)
    }

    @Test("with enforcement, a file assignment that breaks its rule is a validation error at its position")
    func fileRuleError() throws {
        let yaml = Self.rules.replacingOccurrences(of: "ENFORCE", with: "true")
            .replacingOccurrences(of: "type: eligible, duration: 12h}", with: "type: eligible}")
        let result = ScenarioLoader.decode(text: yaml, file: "rules.yaml")
        #expect(result.scenario == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.description) == [
            "rules.yaml:9:5: error: assignments[0]: this assignment breaks its role's rule: permanent eligible assignments are not allowed for this role (allowPermanent: false)",
        ])
    }

    @Test("deactivation is refused in an activation's first five minutes")
    func deactivation() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        workload:
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 2h}}
          - {at: 1h3m, deactivate: {user: ann, role: Global Administrator}}
          - {at: 1h30m, deactivate: {user: ann, role: Global Administrator}}
        """)
        #expect(RequestStory.read(trace(scenario), scenario: scenario)
            == [RequestStory("ann", at: 1, "granted", decided: 1, active: (1, 1.5), endReason: "deactivated")])
        #expect(Pipeline.simulate(scenario).friction.deactivationsRefused == 1)
    }

    @Test("an authentication context prompts like MFA; justification and ticket time delay the request")
    func contextAndPreparation() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}]}
        policies:
          default: {activation: {requireMFA: false, requireJustification: true, requireTicket: true, authenticationContext: c1}}
        assignments: [{principal: ann, role: Global Administrator, type: eligible}]
        behaviour: {requests: {justificationTime: 2m, ticketTime: 3m}}
        workload: [{at: 1h, task: {user: ann, role: Global Administrator, duration: 30m}}]
        """)
        let outcome = Pipeline.simulate(scenario)
        #expect(outcome.friction.mfaPrompts == 1)
        #expect(outcome.friction.wait.max == 300)
    }
}

@Suite("Scheduled activation")
struct ScheduledActivationTests {
    @Test("a scheduled activation starts at its start, blocks other requests meanwhile, and is checked again then")
    func scheduled() throws {
        let scenario = try makeScenario(header() + """
        tenant: {users: [{id: ann}, {id: bo}, {id: cy}]}
        policies: {roles: {Security Administrator: {activation: {requireApproval: true, approvers: [cy]}}}}
        assignments:
          - {principal: ann, role: Global Administrator, type: eligible}
          - {principal: bo, role: Security Administrator, type: eligible, end: 10h}
        behaviour: {approvers: {responseTime: 30m}}
        workload:
          - {at: 1h, activate: {user: ann, role: Global Administrator, duration: 2h, start: 5h}}
          - {at: 2h, activate: {user: ann, role: Global Administrator, duration: 1h}}
          - {at: 3h, activate: {user: bo, role: Security Administrator, duration: 1h, start: 12h}}
          - {at: 40h, activate: {user: ann, role: Global Administrator, duration: 1h, start: 50h}}
        """)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 1, "granted", decided: 5, active: (5, 7), endReason: "expired"),
            RequestStory("ann", at: 2, "rejected:requestPending", decided: 2),
            // Approved at 3h30m, but bo's eligibility ends at 10h, before the start.
            RequestStory("bo", at: 3, "cancelled:notEligible", decided: 12),
            // Starts after the 48h horizon: still pending at the end.
            RequestStory("ann", at: 40, "pending", decided: nil),
        ])
    }
}

@Suite("Scopes")
struct ScopeTests {
    @Test("exposure broken down by administrative unit; activations at the asked or widest eligible scope")
    func breakdown() throws {
        let scenario = try makeScenario(header(horizon: "10h") + """
        tenant: {users: [{id: ann}, {id: bo}]}
        assignments:
          - {principal: ann, role: User Administrator, type: active, scope: /administrativeUnits/emea}
          - {principal: ann, role: User Administrator, type: eligible}
          - {principal: bo, role: User Administrator, type: eligible, scope: /administrativeUnits/emea}
          - {principal: bo, role: Helpdesk Administrator, type: eligible, scope: /administrativeUnits/us}
        workload:
          - {at: 1h, activate: {user: bo, role: User Administrator, duration: 2h}}
          - {at: 4h, activate: {user: bo, role: User Administrator, duration: 1h, scope: /administrativeUnits/us}}
          - {at: 6h, activate: {user: bo, role: Helpdesk Administrator, duration: 1h, scope: /administrativeUnits/us}}
        """)
        let outcome = Pipeline.simulate(scenario)
        func value(_ scope: String, _ key: String) -> JSONValue? { outcome.document.value(at: ["scopes", scope, key]) }
        // EMEA: ann's standing User Administrator (10h) and bo's activation there (1h-3h).
        #expect(value("/administrativeUnits/emea", "privilegedHours") == .number(12))
        #expect(value("/administrativeUnits/emea", "standingHours") == .number(10))
        #expect(value("/administrativeUnits/emea", "jitHours") == .number(2))
        #expect(value("/administrativeUnits/emea", "eligibleHours") == .number(10))
        // Tenant-wide: only ann's eligibility.
        #expect(value("/", "privilegedHours") == .number(0))
        #expect(value("/", "eligibleHours") == .number(10))
        // US: bo's Helpdesk activation (6h-7h); his User Administrator request there was rejected.
        #expect(value("/administrativeUnits/us", "privilegedHours") == .number(1))
        #expect(outcome.metrics.activations.rejected == 1)
        #expect(outcome.metrics.privilegedTotalSeconds == h(13))
    }
}

@Suite("Extend and renew")
struct ExtensionTests {
    @Test("extend within 14 days of the end, renew within 30 days of expiry, approved by PRA/GA; never through a group")
    func extendAndRenew() throws {
        let scenario = try makeScenario(header(horizon: "40d") + """
        tenant:
          users: [{id: ann}, {id: bo}, {id: pat}, {id: gina}]
          groups: [{id: ops, roleAssignable: true, members: [gina]}]
        assignments:
          - {principal: ann, role: User Administrator, type: eligible, end: 10d}
          - {principal: bo, role: Helpdesk Administrator, type: active, end: 5d}
          - {principal: ops, role: Security Administrator, type: eligible, end: 20d}
          - {principal: pat, role: Privileged Role Administrator, type: active}
        behaviour: {approvers: {responseTime: 1h}}
        workload:
          - {at: 1d, extend: {user: bo, role: Helpdesk Administrator, duration: 2d}}
          - {at: 2d, extend: {user: ann, role: User Administrator, duration: 30d}}
          - {at: 3d, extend: {user: gina, role: Security Administrator, duration: 5d}}
          - {at: 4d, extend: {user: ann, role: Global Administrator, duration: 1d}}
          - {at: 20d, extend: {user: bo, role: Helpdesk Administrator, duration: 3d}}
        """)
        let outcome = Pipeline.simulate(scenario)
        let roles = Dictionary(uniqueKeysWithValues: outcome.metrics.roles.map { ($0.name, $0) })
        // ann: 10d extended by 30d at 2d1h, past the horizon: eligible for all 40 days.
        #expect(roles["User Administrator"]?.eligibleSeconds == h(40 * 24))
        // bo: 5d extended to 7d; renewed at 20d1h (expired 13 days before) for 3 days.
        #expect(roles["Helpdesk Administrator"]?.activeSeconds == h(7 * 24) + h(3 * 24))
        #expect(outcome.friction.extensions == ["requested": 3, "approved": 3, "denied": 0, "expired": 0, "refused": 2])
        let refusals = trace(scenario).compactMap { record -> String? in
            guard case .extensionRefused(_, _, _, let reason) = record else { return nil }
            return reason
        }
        #expect(refusals == [
            "assignments that come through a group cannot be extended or renewed",
            "no assignment of the role ends within 14 days or expired within the last 30 days",
        ])
    }
}

@Suite("PIM for Groups")
struct PIMForGroupsTests {
    @Test("an activated membership makes the group's roles flow, just in time, with the group's own policy")
    func membership() throws {
        let scenario = try makeScenario(header(horizon: "1d") + """
        tenant:
          users: [{id: ann}, {id: bo}, {id: cy}, {id: dan}]
          groups: [{id: tier0, roleAssignable: true, members: [dan]}]
        policies:
          groups:
            tier0: {member: {activation: {maxDuration: 2h, requireApproval: true, approvers: [cy]}}}
        assignments:
          - {principal: tier0, role: Global Administrator, type: active}
          - {principal: tier0, role: Security Administrator, type: eligible}
          - {principal: ann, group: tier0, access: member, type: eligible}
          - {principal: bo, group: tier0, type: eligible}
        behaviour: {approvers: {responseTime: 30m}}
        workload:
          - {at: 1h, activate: {user: ann, group: tier0, access: member, duration: 4h}}
          - {at: 2h, activate: {user: ann, role: Security Administrator, duration: 4h}}
          - {at: 5h, activate: {user: bo, group: tier0, duration: 1h}}
        events:
          - {at: 6h, membership: {group: tier0, add: [bo]}}
        """)
        let outcome = Pipeline.simulate(scenario)
        let roles = Dictionary(uniqueKeysWithValues: outcome.metrics.roles.map { ($0.name, $0) })
        // GA: dan all day (standing); ann 1h30-3h30 through her activated membership (just in time);
        // bo from 5h30, standing once he is added statically at 6h.
        #expect(roles["Global Administrator"]?.activeSeconds == h(24) + h(2) + h(18.5))
        #expect(roles["Global Administrator"]?.standingSeconds == h(24) + h(18))
        // ann's Security Administrator activation ends with her membership at 3h30.
        #expect(roles["Security Administrator"]?.activeSeconds == h(1.5))
        #expect(roles["Security Administrator"]?.eligibleSeconds == h(24) + h(2) + h(18.5))
        #expect(outcome.metrics.privilegedTotalSeconds == h(46))
        #expect(outcome.metrics.privilegedStandingSeconds == h(42))
        #expect(outcome.metrics.globalAdmins.max == 2 && outcome.metrics.globalAdmins.min == 1)
        let member = outcome.document.value(at: ["groups", "tier0", "member"])
        #expect(member?.value(at: ["activeHours"]) == .number(3))
        #expect(member?.value(at: ["eligibleHours"]) == .number(48))
        #expect(member?.value(at: ["activations"]) == .integer(2))
        #expect(outcome.document.value(at: ["roles", "tier0 (member)"]) == nil)
    }

    @Test("a group may only be an eligible member of another group, and 'access' goes with 'group'")
    func errors() throws {
        let result = ScenarioLoader.decode(text: header() + """
        tenant:
          users: [{id: ann}]
          groups: [{id: g1}, {id: g2}]
        assignments:
          - {principal: g2, group: g1, type: active}
          - {principal: ann, role: Global Administrator, access: owner, type: eligible}
          - {principal: ann, group: g1, access: boss, type: eligible}
        """, file: "g.yaml")
        #expect(result.diagnostics.map(\.description) == [
            "g.yaml:7:38: error: assignments[0].type: group 'g2' can be an eligible member of group 'g1', not an active one: "
                + "use type: eligible; each of its members activates the membership for themselves",
            "g.yaml:8:58: error: assignments[1].access: 'access' goes with 'group' (PIM for Groups), not with 'role'",
            "g.yaml:9:41: error: assignments[2].access: unknown access 'boss' (expected member or owner)",
        ])
    }
}

@Suite("Review regressions")
struct ReviewRegressionTests {
    @Test("an activation eligible through an activated membership ends when the membership ends")
    func cascadingEligibilityLoss() throws {
        let scenario = try makeScenario(header(horizon: "1d") + """
        tenant:
          users: [{id: ann}]
          groups: [{id: tier0, roleAssignable: true}]
        assignments:
          - {principal: ann, group: tier0, type: eligible, end: 3h}
          - {principal: tier0, role: Global Administrator, type: eligible}
        workload:
          - {at: 1h, activate: {user: ann, group: tier0, duration: 8h}}
          - {at: 2h, activate: {user: ann, role: Global Administrator, duration: 8h}}
        """)
        // The membership ends with its eligibility at 3h; the GA activation loses its path then.
        #expect(coreMetrics(scenario).privilegedTotalSeconds == h(1))
    }

    @Test("a standing (active) group-access assignment gives standing membership; an activated one just-in-time, also per scope")
    func standingMembership() throws {
        let scenario = try makeScenario(header(horizon: "1d") + """
        tenant:
          users: [{id: ann}, {id: bo}]
          groups: [{id: tier0, roleAssignable: true}]
        assignments:
          - {principal: ann, group: tier0, type: active}
          - {principal: bo, group: tier0, type: eligible}
          - {principal: tier0, role: Global Administrator, type: active}
          - {principal: bo, role: Helpdesk Administrator, type: eligible, scope: /administrativeUnits/emea}
        workload:
          - {at: 1h, activate: {user: bo, group: tier0, duration: 8h}}
        """)
        let outcome = Pipeline.simulate(scenario)
        #expect(outcome.metrics.privilegedStandingSeconds == h(24))
        #expect(outcome.metrics.privilegedJITSeconds == h(8))
        #expect(outcome.metrics.standingAdmins.max == 1)
        #expect(outcome.document.value(at: ["scopes", "/", "standingHours"]) == .number(24))
        #expect(outcome.document.value(at: ["scopes", "/", "jitHours"]) == .number(8))
    }
}
