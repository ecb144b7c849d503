import PIMEngine
import Reports
import TenantModel

/// Reading audit records in tests: a run's records, and their fields as text.
protocol AuditRecordReading {}

extension AuditRecordReading {
    /// Every audit record of a run of `scenario` with seed 1.
    func records(_ scenario: Scenario) -> [JSONValue] {
        let builder = AuditLogBuilder(identity: AuditIdentity(scenario: scenario, seed: 1), output: AuditCollector())
        return PIMReplay.run(scenario, sink: builder).sink.output.records
    }

    /// A string member at a path of member names.
    func string(_ record: JSONValue, _ path: String...) -> String? {
        guard case .string(let text)? = record.value(at: path) else { return nil }
        return text
    }

    /// `time activity [result] by initiator`.
    func line(_ record: JSONValue) -> String {
        let actor = string(record, "initiatedBy", "user", "userPrincipalName") ?? string(record, "initiatedBy", "app", "displayName") ?? "?"
        return "\(string(record, "activityDateTime") ?? "?") \(string(record, "activityDisplayName") ?? "?") [\(string(record, "result") ?? "?")] by \(actor)"
    }

    /// The `additionalDetails` value for `key`.
    func detail(_ record: JSONValue, _ key: String) -> String? {
        guard case .array(let details)? = record.value(at: ["additionalDetails"]) else { return nil }
        for entry in details where entry.value(at: ["key"]) == .string(key) {
            if case .string(let value)? = entry.value(at: ["value"]) { return value }
        }
        return nil
    }
}
