import Foundation
import Testing
import TestSupport

@Suite("pimsim commands: errors and exit codes")
struct CommandLineTests {
    static let invalid = """
    scenario: broken
    start: 2026-03-02T00:00:00Z
    horizon: 2d
    tenant:
      users: [{id: ann}, {id: bo, manger: ann}]
      groups: [{id: ops, members: [ann]}]
    assignments:
      - {principal: ops, role: Global Administrator, type: eligible}
      - {principal: ann, role: Global Admin, type: active}
    workload:
      - {at: 1h, activate: {user: anne, role: Global Administrator, duration: 1h}}

    """

    func write(_ text: String, name: String) throws -> (URL, URL) {
        let folder = try Pimsim.temporaryFolder()
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file)
    }

    @Test("an invalid file: every error with its position, exit 2, nothing written")
    func invalidRun() throws {
        let (folder, file) = try write(Self.invalid, name: "broken.yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Pimsim.run(["run", file.path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(file.path):5:31: error: tenant.users[1].manger: unknown key 'manger'; did you mean 'manager'? (allowed here: id, name, manager, breakGlass, authentication, onPremisesSyncEnabled, attributes, generate)"))
        #expect(lines.contains("\(file.path):8:17: error: assignments[0].principal: group 'ops' is not role-assignable, so it cannot hold role assignments; set 'roleAssignable: true' on the group"))
        #expect(lines.contains("\(file.path):9:28: error: assignments[1].role: unknown role 'Global Admin'; did you mean 'Global Administrator'?"))
        #expect(lines.contains("\(file.path):11:31: error: workload[0].activate.user: unknown user 'anne'; did you mean 'ann'?"))
        #expect(lines.last == "\(file.path): 4 errors; the scenario was not run")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("validate: ok lines for good files, exit 2 when any file is invalid")
    func validate() throws {
        let good = try Pimsim.run(["validate", "Scenarios/quickstart.yaml", "Scenarios/jit-migration.yaml"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("Scenarios/quickstart.yaml: ok — 7 users, 1 groups, 6 assignments, 7 requests, 2 events, 0 variants"))
        let (folder, file) = try write(Self.invalid, name: "broken.yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = try Pimsim.run(["validate", "Scenarios/quickstart.yaml", file.path])
        #expect(bad.status == 2)
        #expect(bad.stdout.contains("quickstart.yaml: ok"))
    }

    @Test("check: exit 0 when every assertion holds, 1 when one fails, naming metric, bound and value")
    func check() throws {
        let passing = try Pimsim.run(["check", "Scenarios/jit-migration.yaml"])
        #expect(passing.status == 0)
        #expect(passing.stdout.hasSuffix("4 passed, 0 failed\n"))
        let (folder, file) = try write("""
        start: 2026-03-02T00:00:00Z
        horizon: 1d
        tenant: {users: [{id: ann}]}
        assignments: [{principal: ann, role: Global Administrator, type: active}]
        variants:
          none: {convert: {activeToEligible: {roles: [Global Administrator]}}}
        assertions:
          - {metric: standingAdmins.max, max: 0}
          - {variant: none, metric: standingAdmins.max, max: 0}
          - {metric: roles.Global Administrator.activeHours, min: 24}
        """, name: "assert.yaml")
        defer { try? FileManager.default.removeItem(at: folder) }
        let failing = try Pimsim.run(["check", file.path])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("assertions[0]: standingAdmins.max (baseline) = 1 — expected at most 0: FAILED"))
        #expect(failing.stdout.contains("assertions[1]: standingAdmins.max (variant none) = 0 — expected at most 0: ok"))
        #expect(failing.stdout.contains("assertions[2]: roles.Global Administrator.activeHours (baseline) = 24 — expected at least 24: ok"))
        #expect(failing.stdout.hasSuffix("2 passed, 1 failed\n"))
    }

    @Test("an unknown variant is invalid input; an unwritable output folder is a runtime failure")
    func otherFailures() throws {
        let variant = try Pimsim.run(["run", "Scenarios/jit-migration.yaml", "--variant", "strict-jt"])
        #expect(variant.status == 2)
        #expect(variant.stderr.contains("unknown variant 'strict-jt'; did you mean 'strict-jit'?"))
        let (folder, file) = try write("x", name: "blocker")
        defer { try? FileManager.default.removeItem(at: folder) }
        let unwritable = try Pimsim.run(["run", "Scenarios/quickstart.yaml", "--output", file.path])
        #expect(unwritable.status == 3)
        #expect(unwritable.stderr.contains("cannot write"))
    }

    @Test("roles lists the catalogue by template id")
    func roles() throws {
        let result = try Pimsim.run(["roles", "--privileged"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("62e90394-69f5-4237-9190-012177145e10  PRIVILEGED  Global Administrator"))
        #expect(!result.stdout.contains("Exchange Administrator"))
        #expect(result.stdout.split(separator: "\n").count == 29)
    }
}
