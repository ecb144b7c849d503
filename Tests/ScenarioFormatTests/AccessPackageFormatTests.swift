import ScenarioFormat
import TenantModel
import Testing
import TestSupport

/// Access packages in the scenario format: pimsim's keys and Microsoft Graph's policy shape lower
/// to the same policy; mistakes are reported with their place.
@Suite("Access packages: both spellings of a policy, and errors with positions")
struct AccessPackageFormatTests {
    static func scenario(policy: String, extra: String = "") -> String {
        header(horizon: "40d") + """
        tenant:
          users: [{id: alice}, {id: sec1}, {id: ciso}]
          groups: [{id: t0, roleAssignable: true}, {id: secs, members: [sec1]}]
        accessPackages:
          - id: p
            resources: [{group: t0}, {role: Global Administrator, type: active}]
            policies:
        \(policy)
        \(extra)
        """
    }

    static let pimsim = """
          - id: seed
            requestors: allUsers
            approval:
              - {approvers: [sec1], timeout: 2d, justification: false}
              - {approvers: [secs], timeout: 3d, escalation: {after: 12h, approvers: [ciso]}, justification: false}
            expiry: 30d
            extension: {allowed: true, approval: false}
    """

    /// The PowerShell example's shape, as in the guide the project grew from.
    static let powerShell = """
          - displayName: seed
            requestorSettings: {scopeType: AllExistingConnectedDirectorySubjects, requestorType: User, acceptRequests: true}
            approvalSettings:
              isApprovalRequired: true
              isApprovalRequiredForExtension: false
              approvalStages:
                - {stageNumber: 1, approvalStageTimeOutInDays: 2, approvers: [{principalType: User, id: sec1}]}
                - {stageNumber: 2, approvalStageTimeOutInDays: 3, isEscalationEnabled: true, escalationTimeInMinutes: 720,
                   approvers: [{principalType: Group, id: secs}], escalationApprovers: [{principalType: User, id: ciso}]}
            durationInDays: 30
            canExtend: true
    """

    /// Graph v1.0, as `Get-MgEntitlementManagementAssignmentPolicy` returns it.
    static let graphV1 = """
          - id: seed
            displayName: Seed policy
            allowedTargetScope: allDirectoryUsers
            requestorSettings: {enableTargetsToSelfAddAccess: true, enableTargetsToSelfUpdateAccess: true}
            requestApprovalSettings:
              isApprovalRequiredForAdd: true
              isApprovalRequiredForUpdate: false
              stages:
                - {durationBeforeAutomaticDenial: P2D, primaryApprovers: [{"@odata.type": "#microsoft.graph.singleUser", userId: sec1}]}
                - durationBeforeAutomaticDenial: P3D
                  isEscalationEnabled: true
                  durationBeforeEscalation: PT12H
                  primaryApprovers: [{"@odata.type": "#microsoft.graph.groupMembers", groupId: secs}]
                  escalationApprovers: [{"@odata.type": "#microsoft.graph.singleUser", userId: ciso}]
            expiration: {type: afterDuration, duration: P30D}
            createdDateTime: 2026-01-01T00:00:00Z
            questions: []
    """

    func policy(_ text: String) throws -> PackagePolicy {
        let scenario = try makeScenario(Self.scenario(policy: text))
        return try #require(scenario.accessPackages.first?.policies.first)
    }

    @Test("the PowerShell example's shape and Graph v1.0 lower to the policy pimsim's keys describe")
    func spellingsAgree() throws {
        var expected = try policy(Self.pimsim)
        #expect(expected.stages.count == 2)
        #expect(expected.stages[1].escalateAfter == Int64(12 * 3600))
        #expect(expected.stages[0].primary == [.user(UserIndex(1))])
        #expect(expected.stages[1].primary == [.groupMembers(GroupIndex(1))])
        #expect(expected.expiry == .after(30 * 86_400))
        expected.spelling = .graph
        #expect(try policy(Self.powerShell) == expected)
        #expect(try policy(Self.graphV1) == expected)
    }

    @Test("the three spellings run to the same trace")
    func sameRun() throws {
        let workload = "workload: [{at: 1d, request: {user: alice, package: p}}]"
        let runs = try [Self.pimsim, Self.powerShell, Self.graphV1].map { text in
            trace(try makeScenario(Self.scenario(policy: text, extra: workload))).map { "\($0)" }
        }
        #expect(runs[0].count > 5)
        #expect(runs[1] == runs[0])
        #expect(runs[2] == runs[0])
    }

    func errors(_ yaml: String) -> [String] {
        ScenarioLoader.decode(text: yaml, file: "t.yaml", defaultName: "t").diagnostics.map(\.description)
    }

    @Test("mistakes are reported with file, line, column and key")
    func errorsWithPositions() {
        let four = errors(Self.scenario(policy: """
              - id: a
                approval: [{approvers: [sec1]}, {approvers: [sec1]}, {approvers: [sec1]}, {approvers: [sec1]}]
        """))
        #expect(four.contains { $0.contains("t.yaml:11:19: error: accessPackages[0].policies[0].approval:") && $0.contains("1 to 3 approval stages") }, "\(four)")
        let misnumbered = errors(Self.scenario(policy: """
              - displayName: x
                approvalSettings:
                  approvalStages: [{stageNumber: 2, approvers: [{principalType: User, id: sec1}]}]
        """))
        #expect(misnumbered.contains { $0.contains("t.yaml:12:42:") && $0.contains("approvalStages[0].stageNumber") && $0.contains("numbered 2") }, "\(misnumbered)")
        let unknownApprover = errors(Self.scenario(policy: "      - {id: a, approval: [{approvers: [nobody]}]}"))
        #expect(unknownApprover.contains { $0.contains("unknown approver 'nobody'") }, "\(unknownApprover)")
        let unknownPackage = errors(Self.scenario(policy: "      - {id: a}", extra: "workload: [{at: 1d, request: {user: alice, package: q}}]"))
        #expect(unknownPackage.contains { $0.contains("unknown access package 'q'") && $0.contains("t.yaml:11:53: error: workload[0].request.package") }, "\(unknownPackage)")
        let extensionWithoutExpiry = errors(Self.scenario(policy: "      - {id: a, extension: {allowed: true}}"))
        #expect(extensionWithoutExpiry.contains { $0.contains("extension needs an expiry after a duration") }, "\(extensionWithoutExpiry)")
        let lateEscalation = errors(Self.scenario(policy: "      - {id: a, approval: [{approvers: [sec1], timeout: 1d, escalation: {after: 2d, approvers: [ciso]}}]}"))
        #expect(lateEscalation.contains { $0.contains("before the stage's timeout") }, "\(lateEscalation)")
    }
}
