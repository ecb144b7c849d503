import PrivilegeGraph
import Testing
import TestSupport

/// A group that is an eligible member of another group draws an eligible-member edge between them.
@Suite("Privilege graph: a group eligible for membership of another group")
struct NestedGroupGraphTests {
    @Test("ops -> t0 is an eligible membership: ops's members reach Global Administrator in 3 steps, not live")
    func nested() throws {
        let reach = try Reach(tierZeroGroup(
            users: "{id: ann}, {id: member}",
            extraGroups: "    - {id: ops, members: [ann]}",
            assignments: "  - {principal: ops, group: t0, access: member, type: eligible}"
        ))
        let into = reach.state.edges(into: try reach.node("t0"), catalogue: reach.catalogue)
        let eligible = into.filter { $0.kind == .eligibleMember }.map { reach.state.key(of: $0.from) }
        #expect(eligible == ["group:ops"])
        // ann -> ops -> t0 -> Global Administrator.
        #expect(try reach.path("ann") == [.memberOf, .eligibleMember, .standing, .controls])
        #expect(try !reach.isLive("ann"))
        #expect(try reach.isLive("member"))
    }

    @Test("an activated membership draws its edge only once provisioned")
    func provisioning() throws {
        let yaml = tierZeroGroup(
            users: "{id: ann}, {id: member}",
            assignments: "  - {principal: ann, group: t0, access: member, type: eligible}"
        ) + """

        behaviour: {groups: {provisioningDelay: 10m}}
        workload:
          - {at: 2h, activate: {user: ann, group: t0, access: member, duration: 1h}}
        """
        // Granted at 2h, provisioned at 2h10m: ann's path is only eligible until then.
        #expect(try !Reach(yaml, at: 7200 + 300).isLive("ann"))
        #expect(try Reach(yaml, at: 7200 + 600).isLive("ann"))
        #expect(try !Reach(yaml, at: 3 * 3600).isLive("ann"))
    }
}
