import Testing
@testable import ScenarioFormat
import TenantModel

/// The Notifications tab in `policies`, field by field, and the timing keys in `behaviour`.
@Suite("Notification settings and timing: decoding and errors")
struct NotificationDecodingTests {
    static let head = """
        start: 2026-03-02T00:00:00Z
        horizon: 10d
        tenant: {users: [{id: alice}]}

        """

    @Test("defaults: every rule on, no extra address, all emails; roles override the default field by field")
    func fieldByField() throws {
        let text = Self.head + """
            policies:
              default:
                notifications: {activation: {admin: {additionalRecipients: [soc@contoso.com], level: critical}}}
              roles:
                Global Administrator:
                  notifications: {activation: {admin: {level: all}, approver: {defaultRecipients: false}}}
            """
        let decoded = try #require(scenario(text))
        let ga = try #require(decoded.globalAdministrator)
        let fallback = decoded.policies.fallback.notifications
        #expect(fallback[.activation, .admin] == NotificationRule(defaultRecipients: true, additionalRecipients: ["soc@contoso.com"], level: .critical))
        #expect(fallback[.eligibleAssignment, .requestor] == .defaults)
        let own = decoded.policies[ga].notifications
        #expect(own[.activation, .admin] == NotificationRule(defaultRecipients: true, additionalRecipients: ["soc@contoso.com"], level: .all))
        #expect(own[.activation, .approver].defaultRecipients == false)
        #expect(own[.activation, .requestor] == .defaults)
        #expect(RolePolicy.defaults.notifications == NotificationSettings())
    }

    @Test("an unknown level is an error at its key, quoting it with a suggestion")
    func badLevel() {
        let text = Self.head + "policies: {default: {notifications: {activation: {admin: {level: critcal}}}}}\n"
        expect(onlyError(text), line: 4, column: 66, path: "policies.default.notifications.activation.admin.level",
               "'critcal'", "did you mean 'critical'?", "all or critical")
    }

    @Test("an extra recipient must be an email address")
    func badAddress() {
        let text = Self.head + "policies: {default: {notifications: {activation: {admin: {additionalRecipients: [soc, a@b.co]}}}}}\n"
        expect(onlyError(text), line: 4, column: 82, path: "policies.default.notifications.activation.admin.additionalRecipients[0]",
               "'soc' is not an email address")
    }

    @Test("the request to approve an activation takes no additional recipients (only designated approvers)")
    func approverAddresses() {
        let text = Self.head + "policies: {default: {notifications: {activation: {approver: {additionalRecipients: a@b.co}}}}}\n"
        expect(onlyError(text), line: 4, column: 84, path: "policies.default.notifications.activation.approver.additionalRecipients",
               "designated approvers only")
    }

    @Test("an unknown recipient type is an error")
    func badRecipient() {
        let text = Self.head + "policies: {default: {notifications: {activation: {admins: {level: all}}}}}\n"
        expect(onlyError(text), line: 4, column: 51, path: "policies.default.notifications.activation.admins", "admin")
    }

    @Test("behaviour.notifications and behaviour.groups take durations or distributions; both default to zero delay")
    func timing() throws {
        let plain = try #require(scenario(Self.head))
        #expect(plain.behaviour.notifications.delay == .fixed(0))
        #expect(plain.behaviour.notifications.withoutMail == .fixed(86_400))
        #expect(plain.behaviour.groups.provisioningDelay == .fixed(0))
        let text = Self.head + """
            behaviour:
              notifications: {delay: {distribution: uniform, min: 3m, max: 10m}, withoutMail: 4h}
              groups: {provisioningDelay: {distribution: uniform, min: 2m, max: 10m}}
            """
        let decoded = try #require(scenario(text))
        #expect(decoded.behaviour.notifications.delay == .uniform(min: 180, max: 600))
        #expect(decoded.behaviour.notifications.withoutMail == .fixed(4 * 3600))
        #expect(decoded.behaviour.groups.provisioningDelay == .uniform(min: 120, max: 600))
    }
}
