import ExposureMetrics
import PIMEngine
import Testing
import TenantModel
import TestSupport

/// CISA MS.AAD.7.7, 7.8 and 7.9 from the notification settings in effect over time.
@Suite("CISA notification checks over time")
struct NotificationCheckTests {
    static let timeline = header(horizon: "20d") + """
    tenant: {users: [{id: ann}, {id: bo}]}
    assignments:
      - {principal: ann, role: Global Administrator, type: active}
      - {principal: bo, role: Exchange Administrator, type: eligible}
      - {principal: bo, role: Helpdesk Administrator, type: eligible}
    events:
      - at: 5d
        policy:
          notifications:
            eligibleAssignment: {admin: {additionalRecipients: [soc@contoso.com]}}
            activeAssignment: {admin: {additionalRecipients: [soc@contoso.com]}}
            activation: {admin: {additionalRecipients: soc@contoso.com}}
      - {at: 10d, policy: {role: Global Administrator, notifications: {activation: {admin: {level: critical}}}}}
      - {at: 12d, policy: {role: Exchange Administrator, notifications: {eligibleAssignment: {admin: {additionalRecipients: []}}}}}
    """

    @Test("7.7, 7.8 and 7.9 fail with Entra's defaults, clear when a mailbox is added, and reopen when a rule is narrowed")
    func incidents() throws {
        let scenario = try makeScenario(Self.timeline)
        let folds = PIMReplay.run(scenario, sink: MetricFolds(scenario: scenario)).sink
        func incidents(_ kind: AlertKind) -> [String] {
            folds.alerts.incidents.filter { $0.alert == kind.rawValue }.map { incident in
                "\(incident.subject) \(incident.from / 86_400)d-\(incident.to.map { "\($0 / 86_400)d" } ?? "end")"
            }
        }
        // Helpdesk Administrator is privileged but not one of CISA's highly privileged roles.
        #expect(incidents(.cisaAssignmentAlerts) == [
            "Exchange Administrator 0d-5d", "Global Administrator 0d-5d", "Exchange Administrator 12d-end",
        ])
        // Critical emails only suppress the activation alert: 7.8 fails again from 10d.
        #expect(incidents(.cisaGlobalAdminActivationAlerts) == ["Global Administrator 0d-5d", "Global Administrator 10d-end"])
        #expect(incidents(.cisaActivationAlerts) == ["Exchange Administrator 0d-5d"])
        #expect(AlertKind.cisaActivationAlerts.severity == "should")
        #expect(AlertKind.cisaAssignmentAlerts.severity == "shall")
    }
}
