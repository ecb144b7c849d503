import PrivilegeGraph
import Testing
import TestSupport

/// Access packages in the privilege graph: a package that grants Tier 0 puts those who can get
/// it alone (requestors without approval, an approver of every stage) on a path to Tier 0.
@Suite("Access packages in the privilege graph")
struct AccessPackageGraphTests {
    static func tenant(_ policy: String) -> String {
        header(horizon: "10d") + """
        tenant:
          users: [{id: alice}, {id: sec1}, {id: sec2}, {id: ciso}, {id: bg}]
          groups: [{id: t0, roleAssignable: true}]
        assignments:
          - {principal: bg, role: Global Administrator, type: active}
          - {principal: t0, role: Global Administrator, type: active}
        accessPackages:
          - {id: p, resources: [{group: t0}], policies: [\(policy)]}
        """
    }

    @Test("a requestor of a package without approval reaches Tier 0 through it: request, membership, role")
    func requestorWithoutApproval() throws {
        let reach = try Reach(Self.tenant("{id: a, requestors: {users: [alice]}}"))
        #expect(try reach.path("user:alice") == [.requestsPackage, .packageMember, .standing, .controls])
        #expect(try reach.isLive("user:alice") == false)
    }

    @Test("with approval, the requestor does not reach it alone; an approver of every stage does")
    func approvers() throws {
        let single = try Reach(Self.tenant("{id: a, requestors: {users: [alice]}, approval: [{approvers: [sec1]}, {approvers: [sec1, ciso]}]}"))
        #expect(try single.steps("user:alice") == nil)
        #expect(try single.path("user:sec1") == [.approvesPackage, .packageMember, .standing, .controls])
        #expect(try single.steps("user:ciso") == nil)
        let split = try Reach(Self.tenant("{id: a, requestors: {users: [alice]}, approval: [{approvers: [sec1]}, {approvers: [sec2]}, {approvers: [ciso]}]}"))
        #expect(split.reaching.sorted() == ["user:bg"])
    }

    @Test("the drawn graph has the package node and its edges")
    func drawn() throws {
        let reach = try Reach(Self.tenant("{id: a, requestors: {users: [alice]}, approval: [{approvers: [sec1]}, {approvers: [sec2]}]}"))
        let graph = PrivilegeGraph.build(state: reach.state, catalogue: reach.catalogue)
        let kinds = Set(graph.links.filter { $0.to == "package:p" || $0.from == "package:p" }.map(\.kind))
        #expect(kinds == [.packageMember, .mayRequestPackage, .approverOf])
        #expect(graph.nodes["package:p"]?.label == "Access package: p")
    }
}
