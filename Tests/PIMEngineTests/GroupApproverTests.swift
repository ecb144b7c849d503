import PIMEngine
import ScenarioFormat
import TenantModel
import Testing
import TestSupport

/// PIM for Groups has no default approvers (Microsoft Learn, "Configure PIM for Groups
/// settings"): unlike Entra roles, nobody answers when a group policy names no approver.
@Suite("PIM for Groups: no default approvers")
struct GroupApproverTests {
    static let base = header() + """
    tenant:
      users: [{id: ann}, {id: bo}, {id: gary}]
      groups: [{id: tier0, roleAssignable: true}]
    policies:
      default: {activation: {requireApproval: true}}
      POLICY
    assignments:
      - {principal: gary, role: Global Administrator, type: active}
      - {principal: ann, group: tier0, access: member, type: eligible}
      - {principal: bo, role: Exchange Administrator, type: eligible}
    behaviour: {approvers: {responseTime: 30m}}
    workload:
      - {at: 2h, activate: {user: ann, group: tier0, access: member, duration: 1h}}
      - {at: 2h, activate: {user: bo, role: Exchange Administrator, duration: 1h}}

    """

    @Test("a group policy that requires approval and names nobody is an error at the eligible assignment")
    func validation() {
        let result = ScenarioLoader.decode(text: Self.base.replacingOccurrences(of: "POLICY", with: ""), file: "groups.yaml")
        #expect(result.scenario == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.line == 11)
        #expect(errors.first?.path.description == "assignments[1]")
        #expect(errors.first?.message.contains("PIM for Groups has no default approvers") == true)
        #expect(errors.first?.message.contains("policies.groups.tier0.member.activation.approvers") == true)
    }

    @Test("with named approvers the group request is approved; a role request still gets the default approvers")
    func namedApprovers() throws {
        let scenario = try makeScenario(Self.base.replacingOccurrences(
            of: "POLICY", with: "groups: {tier0: {member: {activation: {approvers: [gary]}}}}"))
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 2, "granted", decided: 2.5, active: (2.5, 3.5), endReason: "expired"),
            // Exchange Administrator: gary, a Global Administrator, is a default approver.
            RequestStory("bo", at: 2, "granted", decided: 2.5, active: (2.5, 3.5), endReason: "expired"),
        ])
    }

    @Test("a policy event that makes a group require approval without approvers leaves its requests to expire")
    func runtimeChange() throws {
        let yaml = Self.base
            .replacingOccurrences(of: "default: {activation: {requireApproval: true}}", with: "default: {activation: {requireApproval: false}}")
            .replacingOccurrences(of: "POLICY", with: "")
            + "events:\n  - {at: 1h, policy: {activation: {requireApproval: true}}}\n"
        let scenario = try makeScenario(yaml)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 2, "expired", decided: 26),
            RequestStory("bo", at: 2, "granted", decided: 2.5, active: (2.5, 3.5), endReason: "expired"),
        ])
    }
}
