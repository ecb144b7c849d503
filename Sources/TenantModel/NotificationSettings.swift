/// The three events a role's Notifications tab covers (Entra's `Notification_*` rules).
public enum NotificationEvent: String, Sendable, Equatable, CaseIterable {
    /// "Send notifications when members are assigned as eligible to this role" (`*_Admin_Eligibility`).
    case eligibleAssignment
    /// "Send notifications when members are assigned as active to this role" (`*_Admin_Assignment`).
    case activeAssignment
    /// "Send notifications when eligible members activate this role" (`*_EndUser_Assignment`).
    case activation
}

/// Who a notification rule writes to (Graph's `recipientType`).
public enum NotificationRecipient: String, Sendable, Equatable, CaseIterable {
    /// "Role assignment alert" / "Role activation alert": the administrators.
    case admin
    /// "Notification to the assigned user (assignee)" / "... activated user (requestor)".
    case requestor
    /// "Request to approve ...": the approvers.
    case approver
}

/// Which emails a rule sends (Graph's `notificationLevel`).
public enum NotificationLevel: String, Sendable, Equatable, CaseIterable {
    /// Every email.
    case all
    /// "Critical emails only": only emails that ask for an action (approval requests).
    case critical
}

/// One of the nine notification rules: default recipients on or off, extra addresses, level.
public struct NotificationRule: Sendable, Equatable {
    /// Whether the default recipients (administrators, the assignee, the approvers) are written to.
    public var defaultRecipients: Bool
    /// Extra email addresses, in the order written.
    public var additionalRecipients: [String]
    /// All emails, or critical ones only.
    public var level: NotificationLevel

    /// Entra's default (Graph's rule list example): default recipients on, no extra address, all emails.
    public static let defaults = NotificationRule(defaultRecipients: true, additionalRecipients: [], level: .all)

    /// Creates a rule.
    public init(defaultRecipients: Bool, additionalRecipients: [String], level: NotificationLevel) {
        self.defaultRecipients = defaultRecipients
        self.additionalRecipients = additionalRecipients
        self.level = level
    }

    /// Whether an informational email (not asking for an action) goes to anyone extra: additional
    /// recipients exist and the level is not critical-only.
    public var alertsAdditionalRecipients: Bool { !additionalRecipients.isEmpty && level == .all }

    /// Whether an email of this kind is sent at all (`critical` is whether it asks for an action).
    public func sends(critical: Bool) -> Bool { critical || level == .all }
}

/// A role's Notifications tab: the nine rules, by event and recipient type.
public struct NotificationSettings: Sendable, Equatable {
    var rules: [NotificationRule]

    /// Every rule at Entra's default.
    public static let defaults = NotificationSettings()

    /// Creates settings with every rule at its default.
    public init() {
        rules = Array(repeating: .defaults, count: NotificationEvent.allCases.count * NotificationRecipient.allCases.count)
    }

    static func index(_ event: NotificationEvent, _ recipient: NotificationRecipient) -> Int {
        let events = NotificationEvent.allCases
        let recipients = NotificationRecipient.allCases
        let eventIndex = events.firstIndex(of: event) ?? 0
        let recipientIndex = recipients.firstIndex(of: recipient) ?? 0
        return eventIndex * recipients.count + recipientIndex
    }

    /// The rule for one event and recipient type.
    public subscript(event: NotificationEvent, recipient: NotificationRecipient) -> NotificationRule {
        get { rules[Self.index(event, recipient)] }
        set { rules[Self.index(event, recipient)] = newValue }
    }
}

/// The event of an assignment's notifications.
extension AssignmentType {
    /// `eligibleAssignment` or `activeAssignment`.
    public var notificationEvent: NotificationEvent { self == .eligible ? .eligibleAssignment : .activeAssignment }
}

/// What an email of PIM is about, as counted in `notifications.sent`.
public enum NotificationKind: String, Sendable, Equatable, CaseIterable {
    /// A member was assigned as eligible.
    case eligibleAssignment
    /// A member was assigned as active.
    case activeAssignment
    /// An activation: the request to approve it, or the alert and the notice once it is active.
    case activation
    /// An assignment expires in 14 days, in 1 day, or now.
    case expiry
}
