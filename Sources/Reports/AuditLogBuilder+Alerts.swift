import ExposureMetrics
import TenantModel
import Trace

/// Audit records of PIM's security alerts.
extension AuditLogBuilder {
    /// `Triggered PIM alert` when an incident opens, `Resolve PIM alert` when its condition clears;
    /// both by MS-PIM, sharing a correlation id per incident. The alert's id and name, and the
    /// subject, are in `additionalDetails`; the user or group and the role in `targetResources`.
    mutating func alertChanged(_ change: AlertChange) {
        var targets: [AuditParty] = []
        if let role = change.role { targets.append(roleTarget(role)) }
        if let principal = change.principal { targets.append(principalTarget(principal)) }
        let correlation = identity.guidValue("alert \(change.alert.rawValue) \(change.subject)", UInt64(bitPattern: change.since))
        emit(change.time, change.raised ? "Triggered PIM alert" : "Resolve PIM alert", operation: change.raised ? "Add" : "Update",
             by: .service, reason: change.raised ? "" : "The alert's condition no longer holds",
             correlation: correlation, targets: targets,
             details: [
                "AlertId": change.alert.rawValue, "AlertName": change.alert.displayName,
                "Severity": change.alert.severity, "Subject": change.subject,
                "IncidentStartTime": timestamp(change.since),
             ])
    }
}
