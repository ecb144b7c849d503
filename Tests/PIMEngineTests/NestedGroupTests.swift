import ExposureMetrics
import PIMEngine
import ScenarioFormat
import TenantModel
import Testing
import TestSupport
import Trace

/// PIM for Groups: a group as an eligible member of another group (Microsoft Learn, "What is
/// PIM for Groups"): only the activating member of A becomes a member of B.
@Suite("PIM for Groups: a group eligible for membership of another group")
struct NestedGroupTests {
    static let yaml = header() + """
    tenant:
      users: [{id: ann}, {id: bo}, {id: cy}, {id: gary}]
      groups:
        - {id: ops, members: [ann, bo]}
        - {id: tier0, roleAssignable: true}
    assignments:
      - {principal: gary, role: Global Administrator, type: active}
      - {principal: tier0, role: Exchange Administrator, type: active}
      - {principal: ops, group: tier0, access: member, type: eligible}
    workload:
      - {at: 2h, activate: {user: ann, group: tier0, access: member, duration: 1h}}
      - {at: 2h, activate: {user: cy, group: tier0, access: member, duration: 1h}}
      - {at: 5h, activate: {user: bo, group: tier0, access: member, duration: 2h}}
    events:
      - {at: 6h, membership: {group: ops, remove: [bo]}}
    """

    @Test("ops's members may activate tier0's membership, each for themselves; leaving ops ends it")
    func activation() throws {
        let scenario = try makeScenario(Self.yaml)
        #expect(RequestStory.read(trace(scenario), scenario: scenario) == [
            RequestStory("ann", at: 2, "granted", decided: 2, active: (2, 3), endReason: "expired"),
            RequestStory("cy", at: 2, "rejected:notEligible", decided: 2),
            RequestStory("bo", at: 5, "granted", decided: 5, active: (5, 6), endReason: "eligibilityLost"),
        ])
        let metrics = coreMetrics(scenario)
        let exchange = try #require(metrics.roles.first { $0.name == "Exchange Administrator" })
        // ann 2h-3h and bo 5h-6h, just in time: bo was never a member while ann was.
        #expect(exchange.activeSeconds == h(2))
        #expect(exchange.standingSeconds == 0)
        let member = try #require(metrics.roles.first { $0.name == "tier0 (member)" })
        // ann for the whole 48 h, bo until 6h.
        #expect(member.eligibleSeconds == h(54))
    }

    @Test("a group may only be an eligible member: active, ownership and itself are errors at their keys")
    func validation() {
        func errors(_ line: String) -> [String] {
            let text = header() + """
            tenant:
              users: [{id: ann}]
              groups: [{id: ops, members: [ann]}, {id: tier0}]
            assignments:
              - \(line)
            """
            return ScenarioLoader.decode(text: text, file: "t.yaml").diagnostics.filter { $0.severity == .error }.map(\.description)
        }
        #expect(errors("{principal: ops, group: tier0, access: member, type: eligible}") == [])
        let active = errors("{principal: ops, group: tier0, type: active}")
        #expect(active.count == 1)
        #expect(active.first?.hasPrefix("t.yaml:7:42: error: assignments[0].type:") == true)
        #expect(active.first?.contains("not an active one") == true)
        let owner = errors("{principal: ops, group: tier0, access: owner, type: eligible}")
        #expect(owner.first?.hasPrefix("t.yaml:7:44: error: assignments[0].access:") == true)
        let itself = errors("{principal: tier0, group: tier0, type: eligible}")
        #expect(itself.first?.hasPrefix("t.yaml:7:17: error: assignments[0].principal:") == true)
        #expect(itself.first?.contains("cannot be a member of itself") == true)
    }
}
