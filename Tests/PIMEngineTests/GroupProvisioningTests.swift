import ExposureMetrics
import PIMEngine
import TenantModel
import Testing
import TestSupport
import Trace

/// PIM for Groups: a membership activation is granted at g and provisioned at g + delay.
@Suite("PIM for Groups: membership provisioning delay")
struct GroupProvisioningTests {
    static let yaml = header() + """
    tenant:
      users: [{id: ann}, {id: gary}]
      groups: [{id: tier0, roleAssignable: true}]
    assignments:
      - {principal: gary, role: Global Administrator, type: active}
      - {principal: tier0, role: Exchange Administrator, type: active}
      - {principal: ann, group: tier0, access: member, type: eligible}
    behaviour: {groups: {provisioningDelay: DELAY}}
    workload:
      - {at: 2h, activate: {user: ann, group: tier0, access: member, duration: 1h}}
      - at: 5h
        task: {user: ann, role: tier0 (member), duration: 30m, activation: {strategy: maximum}}
    """

    static func figures(_ delay: String) throws -> (exchange: Int64, member: Int64, waits: [Int64]) {
        let scenario = try makeScenario(Self.yaml.replacingOccurrences(of: "DELAY", with: delay))
        let metrics = coreMetrics(scenario)
        let exchange = metrics.roles.first { $0.name == "Exchange Administrator" }?.activeSeconds ?? -1
        let member = metrics.roles.first { $0.name == "tier0 (member)" }?.activeSeconds ?? -1
        let waits = trace(scenario).compactMap { record -> Int64? in
            guard case .taskStarted(_, _, let waited) = record else { return nil }
            return waited
        }
        return (exchange, member, waits)
    }

    @Test("without a delay the membership and its roles start with the grant")
    func noDelay() throws {
        let figures = try Self.figures("0")
        // 2h-3h, then the task's activation from 5h for the 8 h maximum (the horizon is 2 d).
        #expect(figures.exchange == h(1) + h(8))
        #expect(figures.member == h(1) + h(8))
        #expect(figures.waits == [0])
    }

    @Test("a 10-minute delay: roles flow from g + 10m, and the task's wait includes it")
    func tenMinutes() throws {
        let figures = try Self.figures("10m")
        // 2h10m-3h (50 min), then 5h10m-13h.
        #expect(figures.exchange == h(50.0 / 60) + h(8 - 10.0 / 60))
        #expect(figures.member == figures.exchange)
        #expect(figures.waits == [600])
    }

    @Test("a delay longer than the activation: the membership never takes effect")
    func neverProvisioned() throws {
        let figures = try Self.figures("{distribution: fixed, value: 9h}")
        #expect(figures.exchange == 0)
        #expect(figures.waits == [])
    }
}
