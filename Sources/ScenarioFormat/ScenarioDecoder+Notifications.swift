import TenantModel

extension ScenarioDecoder {
    /// `notifications:` of a role policy: per event (`eligibleAssignment`, `activeAssignment`,
    /// `activation`) and recipient type (`admin`, `requestor`, `approver`), field by field over
    /// the rules in effect.
    func applyNotifications(_ value: Value, to settings: inout NotificationSettings) {
        guard let map = context.map(value, FormatSpec.notifications) else { return }
        for event in NotificationEvent.allCases {
            guard let eventValue = map[event.rawValue], let rules = context.map(eventValue, FormatSpec.notificationEvent) else { continue }
            for recipient in NotificationRecipient.allCases {
                guard let ruleValue = rules[recipient.rawValue] else { continue }
                applyNotificationRule(ruleValue, to: &settings[event, recipient])
                if event == .activation, recipient == .approver, !settings[event, recipient].additionalRecipients.isEmpty {
                    // The portal shows "Only designated approvers can receive this email" here.
                    let at = context.map(ruleValue, FormatSpec.notificationRule)?["additionalRecipients"] ?? ruleValue
                    context.error(
                        "the request to approve an activation goes to the designated approvers only; Entra takes no additional recipients here (set approvers under activation.approvers)",
                        at: at
                    )
                    settings[event, recipient].additionalRecipients = []
                }
            }
        }
    }

    func applyNotificationRule(_ value: Value, to rule: inout NotificationRule) {
        guard let map = context.map(value, FormatSpec.notificationRule) else { return }
        if let flag = map["defaultRecipients"].flatMap({ context.bool($0) }) { rule.defaultRecipients = flag }
        if let entry = map["level"], let text = context.identifier(entry, what: "a notification level: all or critical") {
            if let level = NotificationLevel(rawValue: text) {
                rule.level = level
            } else {
                let names = NotificationLevel.allCases.map(\.rawValue)
                context.error("unknown notification level '\(text)'\(Suggestions.hint(for: text, in: names)); expected all or critical", at: entry)
            }
        }
        if let entry = map["additionalRecipients"], let items = context.list(entry, what: "email addresses", singleAllowed: true) {
            var addresses: [String] = []
            for item in items {
                guard let address = context.string(item, what: "an email address") else { continue }
                guard Self.looksLikeEmail(address) else {
                    context.error("'\(address)' is not an email address; expected such as 'secops@contoso.com'", at: item)
                    continue
                }
                if !addresses.contains(address) { addresses.append(address) }
            }
            rule.additionalRecipients = addresses
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool { EmailAddress.isPlausible(text) }

    /// `behaviour.notifications` and `behaviour.groups`.
    func decodeTimingBehaviour(_ map: MapView, into behaviour: inout Behaviour) {
        if let entry = map["notifications"], let body = context.map(entry, FormatSpec.notificationBehaviour) {
            if let spec = body["delay"].flatMap({ decodeDurationSpec($0) }) { behaviour.notifications.delay = spec }
            if let spec = body["withoutMail"].flatMap({ decodeDurationSpec($0) }) { behaviour.notifications.withoutMail = spec }
        }
        if let entry = map["groups"], let body = context.map(entry, FormatSpec.groupBehaviour) {
            if let spec = body["provisioningDelay"].flatMap({ decodeDurationSpec($0) }) { behaviour.groups.provisioningDelay = spec }
        }
    }
}

/// What the format accepts as an email address (notification recipients), for the decoder and the importer.
public enum EmailAddress {
    /// One `@` with text on both sides, a dot inside the domain, no spaces, commas or semicolons
    /// (Entra separates addresses with `;`).
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains(where: { $0 == " " || $0 == ";" || $0 == "," })
    }
}
