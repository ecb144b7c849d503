import Foundation
import PrivilegeGraph
import Reports
import RunPipeline
import TenantExport
import TenantModel
import TestSupport

/// A small tenant exported at 09:45 on its first day: alice's Global Administrator activation
/// (09:30 to 10:30, approved by carol) and dan's PIM for Groups membership of ops (09:00 to
/// 11:00) are live; bob holds User Administrator until the next day; ops holds Helpdesk
/// Administrator; erin (a GUID id) holds the custom role Password Resetter.
enum ExportFixtures {
    static let erin = "9FDDB5FE-F121-4709-8C1D-5C6A1F99F50D"

    static let yaml = """
    scenario: export-small
    start: 2026-03-02T00:00:00Z
    horizon: 2d
    tenant:
      users:
        - {id: alice, name: Alice Smith, manager: carol}
        - {id: bob, name: Bob Jones}
        - {id: carol, name: Carol White}
        - {id: dan}
        - {id: \(erin), name: Erin Guid}
      groups:
        - {id: ops, name: Ops admins, roleAssignable: true, members: [bob], owners: [carol]}
      roles:
        - name: Password Resetter
          permissions: [microsoft.directory/users/password/update]
    policies:
      roles:
        Global Administrator:
          activation: {maxDuration: 2h, requireApproval: true, requireMFA: true, approvers: [carol]}
    assignments:
      - {principal: alice, role: Global Administrator, type: eligible}
      - {principal: bob, role: User Administrator, type: active, end: 1d}
      - {principal: dan, group: ops, access: member, type: eligible}
      - {principal: ops, role: Helpdesk Administrator, type: active}
      - {principal: \(erin), role: Password Resetter, type: active}
    behaviour:
      approvers: {responseTime: 30m, approveRate: 1.0}
    workload:
      - {at: 9h, activate: {user: alice, role: Global Administrator, duration: 1h}}
      - {at: 9h, activate: {user: dan, group: ops, access: member, duration: 2h}}
    """

    /// The snapshot at `time` (default 09:45).
    static func snapshot(at time: Int64 = 9 * 3600 + 45 * 60) throws -> ExportSnapshot {
        let scenario = try makeScenario(yaml)
        return GraphPictures.replay(RunPlan(scenario: scenario), into: ExportSink(scenario: scenario, at: time)).result
    }

    /// The export's identities with a fixed tenant id.
    static func identities(_ snapshot: ExportSnapshot) -> ExportIdentities {
        ExportIdentities(scenario: snapshot.scenario, tenantId: "50A74CFF-026F-4C84-AA8F-F5F8D837115F")
    }

    static func user(_ id: String) -> String { GraphIdentifier.derived(kind: "user", id: id) }
}

extension JSONValue {
    /// The items of `{"value": [...]}` under `collection`.
    func collection(_ name: String) -> [JSONValue] {
        guard case .array(let items)? = value(at: [name, "value"]) else { return [] }
        return items
    }

    /// The object's string member, if any.
    func string(_ key: String) -> String? {
        guard case .string(let text)? = value(at: [key]) else { return nil }
        return text
    }
}
