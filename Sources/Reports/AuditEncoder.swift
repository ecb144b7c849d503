import TenantModel

/// Writes audit entries as compact JSON, byte for byte what `AuditEntry.json(_:)` gives through
/// `JSONValue.appendCompact`, at a fraction of the cost: members in sorted-key order from
/// pre-encoded fragments, each party's object encoded once per run, timestamps and GUIDs written
/// as digits, no dictionary per record.
public struct AuditEncoder {
    /// Names and ids of the run.
    public let identity: AuditIdentity
    private var initiators: [AuditParty: [UInt8]] = [:]
    private var targets: [AuditParty: [UInt8]] = [:]
    private var userInitiators: [[UInt8]] = []
    private var userTargets: [[UInt8]] = []
    private var names: [AuditParty: String] = [:]

    /// An encoder for one run.
    public init(identity: AuditIdentity) {
        self.identity = identity
    }

    // The members of a record in sorted-key order, between the values.
    private static let openTime = Array(#"{"activityDateTime":""#.utf8)
    private static let activity = Array(#"","activityDisplayName":"#.utf8)
    private static let details = Array(#","additionalDetails":["#.utf8)
    private static let key = Array(#"{"key":"#.utf8)
    private static let value = Array(#","value":"#.utf8)
    private static let category = Array(#"],"category":"#.utf8)
    private static let correlation = Array(#","correlationId":""#.utf8)
    private static let id = Array(#"","id":""#.utf8)
    private static let initiator = Array(#"","initiatedBy":"#.utf8)
    private static let service = Array(#","loggedByService":"#.utf8)
    private static let operation = Array(#","operationType":"#.utf8)
    private static let result = Array(#","result":"#.utf8)
    private static let reason = Array(#","resultReason":"#.utf8)
    private static let targetList = Array(#","targetResources":["#.utf8)
    private static let close = Array("]}".utf8)

    /// Appends the record's compact JSON, without a newline.
    public mutating func appendLine(_ entry: AuditEntry, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: Self.openTime)
        Self.appendTimestamp(entry.epoch, to: &bytes)
        bytes.append(contentsOf: Self.activity)
        Self.appendQuoted(entry.activity, to: &bytes)
        bytes.append(contentsOf: Self.details)
        for (index, detail) in entry.details.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: Self.key)
            Self.appendQuoted(detail.key, to: &bytes)
            bytes.append(contentsOf: Self.value)
            Self.appendQuoted(detail.value, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(contentsOf: Self.category)
        Self.appendQuoted(entry.category, to: &bytes)
        bytes.append(contentsOf: Self.correlation)
        entry.correlation.append(to: &bytes)
        bytes.append(contentsOf: Self.id)
        entry.id.append(to: &bytes)
        bytes.append(contentsOf: Self.initiator)
        appendInitiator(entry.initiator, to: &bytes)
        bytes.append(contentsOf: Self.service)
        Self.appendQuoted(entry.service, to: &bytes)
        bytes.append(contentsOf: Self.operation)
        Self.appendQuoted(entry.operation, to: &bytes)
        bytes.append(contentsOf: Self.result)
        Self.appendQuoted(entry.result, to: &bytes)
        bytes.append(contentsOf: Self.reason)
        Self.appendQuoted(entry.reason, to: &bytes)
        bytes.append(contentsOf: Self.targetList)
        for (index, target) in entry.targets.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendTarget(target, to: &bytes)
        }
        bytes.append(contentsOf: Self.close)
    }

    /// `JSONValue.appendQuoted`, with a fast path for the usual case: a native string (contiguous
    /// UTF-8) that needs no escape is scanned and copied from its storage in one go.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            // Control characters, quotes, backslashes and E2 (the lead byte of U+2028 and U+2029).
            guard !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if copied != true { JSONValue.appendQuoted(text, to: &bytes) }
    }

    /// The name an SQLite column shows for a party: a user's principal name, a group's or a
    /// role's display name (a PIM for Groups pseudo-role's group), an app's display name.
    public mutating func name(of party: AuditParty) -> String {
        if let known = names[party] { return known }
        let name: String
        switch party {
        case .user(let user): name = identity.principalName(user: user)
        case .group(let group): name = identity.scenario.tenant[group].name ?? identity.scenario.tenant[group].id
        case .role(let role):
            if let access = identity.scenario[role].groupAccess { return self.name(of: .group(access.group)) }
            name = identity.scenario[role].name
        case .allRoles: name = "All roles"
        case .pimService: name = "MS-PIM"
        case .scenario: name = "pimsim scenario"
        case .accessPackage(let index): name = identity.scenario.accessPackages[index].displayName
        case .entitlementManagement: name = AuditIdentity.entitlementManagementApp
        }
        names[party] = name
        return name
    }

    private mutating func appendInitiator(_ party: AuditParty, to bytes: inout [UInt8]) {
        if case .user(let user) = party {
            return Self.appendCached(user, in: &userInitiators, to: &bytes) { identity.initiatorJSON(party) }
        }
        Self.appendCached(party, in: &initiators, to: &bytes) { identity.initiatorJSON($0) }
    }

    private mutating func appendTarget(_ party: AuditParty, to bytes: inout [UInt8]) {
        if case .user(let user) = party {
            return Self.appendCached(user, in: &userTargets, to: &bytes) { identity.targetJSON(party) }
        }
        Self.appendCached(party, in: &targets, to: &bytes) { identity.targetJSON($0) }
    }

    /// Appends a user's compact JSON, encoding it the first time only; users are cached by
    /// index, without hashing (an encoded object is never empty, so empty means not yet).
    private static func appendCached(
        _ user: UserIndex, in cache: inout [[UInt8]], to bytes: inout [UInt8], json: () -> JSONValue
    ) {
        let index = Int(user.rawValue)
        if index >= cache.count { cache.append(contentsOf: repeatElement([], count: index + 1 - cache.count)) }
        if cache[index].isEmpty {
            var encoded: [UInt8] = []
            json().appendCompact(to: &encoded)
            cache[index] = encoded
        }
        cache[index].withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    /// Appends a party's compact JSON, encoding it the first time only.
    private static func appendCached(
        _ party: AuditParty, in cache: inout [AuditParty: [UInt8]], to bytes: inout [UInt8], json: (AuditParty) -> JSONValue
    ) {
        if let known = cache[party] { return bytes.append(contentsOf: known) }
        var encoded: [UInt8] = []
        json(party).appendCompact(to: &encoded)
        cache[party] = encoded
        bytes.append(contentsOf: encoded)
    }

    /// `TimeText.timestamp(epoch:)`'s text, written digit by digit into one small buffer.
    static func timestampText(_ epoch: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        appendTimestamp(epoch, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `TimeText.timestamp(epoch:)`'s bytes (`YYYY-MM-DDTHH:MM:SSZ`): digits laid out in a fixed buffer for years
    /// 0 to 9999, `TimeText` itself for any other.
    static func appendTimestamp(_ epoch: Int64, to bytes: inout [UInt8]) {
        let days = epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400
        let (year, month, day) = TimeText.civilDate(days: days)
        guard (0...9999).contains(year) else { return bytes.append(contentsOf: TimeText.timestamp(epoch: epoch).utf8) }
        let second = epoch - days * 86_400
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { text in
            func put(_ value: Int64, _ width: Int, at end: Int) {
                var value = value
                for index in stride(from: end - 1, through: end - width, by: -1) {
                    text[index] = 0x30 + UInt8(truncatingIfNeeded: value % 10)
                    value /= 10
                }
            }
            put(year, 4, at: 4)
            text[4] = UInt8(ascii: "-")
            put(month, 2, at: 7)
            text[7] = UInt8(ascii: "-")
            put(day, 2, at: 10)
            text[10] = UInt8(ascii: "T")
            put(second / 3600, 2, at: 13)
            text[13] = UInt8(ascii: ":")
            put(second / 60 % 60, 2, at: 16)
            text[16] = UInt8(ascii: ":")
            put(second % 60, 2, at: 19)
            text[19] = UInt8(ascii: "Z")
            bytes.append(contentsOf: UnsafeBufferPointer(text))
        }
    }
}
