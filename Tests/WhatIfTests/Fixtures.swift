import Foundation
import Reports
import TestSupport
@testable import WhatIf

/// A small scenario with randomness everywhere it matters: Poisson task arrivals, lognormal task
/// lengths and approver delays, approvals that can be denied, MFA that can fail. Variants:
/// `same` sets values equal to the current ones, `nothing` has no patch, `no-approval` changes
/// the policy, and `one-hour` shortens activations.
let randomScenario = """
scenario: whatif-test
start: 2026-03-02T00:00:00Z
horizon: 7d
seed: 11
tenant:
  users:
    - {id: lead}
    - {id: ann}
    - {id: bo}
    - {id: cy}
  groups:
    - {id: oncall, roleAssignable: true, members: [ann, bo, cy]}
  roles:
    - name: Ops, "Tier 0" Admin
      permissions: [microsoft.directory/applications/credentials/update]
policies:
  default:
    activation: {maxDuration: 4h, requireMFA: true}
  roles:
    Global Administrator:
      activation: {requireApproval: true, approvers: [lead]}
assignments:
  - {principal: oncall, role: Global Administrator, type: eligible}
  - {principal: ann, role: 'Ops, "Tier 0" Admin', type: active}
behaviour:
  approvers:
    responseTime: {distribution: lognormal, median: 30m, p90: 3h}
    approveRate: 0.9
  mfa: {failureRate: 0.05, retryAfter: 5m, attempts: 2}
  deactivateEarly: 0.5
workload:
  - tasks:
      group: oncall
      role: Global Administrator
      every: 1d
      duration: {distribution: lognormal, median: 40m, p90: 2h}
      activation: {strategy: taskLength, slack: 15m}
variants:
  same:
    description: Values equal to the current ones.
    patch:
      behaviour: {approvers: {approveRate: 0.9}}
      policies: {default: {activation: {maxDuration: 4h}}}
  nothing:
    description: No patch at all.
  no-approval:
    patch:
      policies: {roles: {Global Administrator: {activation: {requireApproval: false}}}}
  one-hour:
    patch:
      policies: {roles: {Global Administrator: {activation: {maxDuration: 1h}}}}

"""

/// Writes `text` into a fresh folder; returns the file's path and the folder.
func scenarioFile(_ text: String = randomScenario, name: String = "whatif-test.yaml") throws -> (path: String, folder: URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pimsim-whatif-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return (file.path, folder)
}

/// The plan, or a thrown failure with its diagnostics.
func plan(_ result: Result<StudyPlan, StudyPlan.Failure>) throws -> StudyPlan {
    switch result {
    case .success(let plan): return plan
    case .failure(let failure): throw FixtureError(failure.description)
    }
}

/// Whether two doubles agree to `tolerance`.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance }
