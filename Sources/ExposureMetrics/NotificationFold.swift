import TenantModel
import Trace

/// How many emails PIM sent, by what they were about and whom they went to.
public struct NotificationMetrics: Sendable, Equatable {
    /// Emails by kind, then recipient type.
    public var sent: [NotificationKind: [NotificationRecipient: Int]] = [:]

    /// Creates empty counts.
    public init() {}

    /// Emails of one kind to one recipient type.
    public func count(_ kind: NotificationKind, _ recipient: NotificationRecipient) -> Int { sent[kind]?[recipient] ?? 0 }

    /// Every email sent.
    public var total: Int { sent.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
}

/// Counts the `notificationSent` records of a run.
public struct NotificationFold: TraceSink {
    /// The counts so far.
    public private(set) var metrics = NotificationMetrics()

    /// Creates an empty fold.
    public init() {}

    /// Takes one record.
    public mutating func record(_ record: TraceRecord) {
        guard case .notificationSent(_, let kind, let recipient, _, let count) = record else { return }
        metrics.sent[kind, default: [:]][recipient, default: 0] += count
    }
}
