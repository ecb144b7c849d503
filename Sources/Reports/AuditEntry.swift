import TenantModel

/// A GUID made of two 64-bit halves, written in Foundation's text form, lower case.
public struct AuditGUID: Sendable, Hashable {
    /// The first 64 bits (version bits set).
    public var high: UInt64
    /// The last 64 bits (variant bits set).
    public var low: UInt64

    /// The GUID of 128 bits, with the version-4 and variant-1 bits set.
    init(bits high: UInt64, _ low: UInt64) {
        self.high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        self.low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
    }

    /// `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.
    public var text: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the 36 characters of the text form.
    func append(to bytes: inout [UInt8]) {
        // Laid out in a fixed 36-byte buffer, then appended at once: one capacity check, not 36.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
            Self.hex(high >> 32, digits: 8, into: text, at: 0)
            text[8] = UInt8(ascii: "-")
            Self.hex(high >> 16, digits: 4, into: text, at: 9)
            text[13] = UInt8(ascii: "-")
            Self.hex(high, digits: 4, into: text, at: 14)
            text[18] = UInt8(ascii: "-")
            Self.hex(low >> 48, digits: 4, into: text, at: 19)
            text[23] = UInt8(ascii: "-")
            Self.hex(low, digits: 12, into: text, at: 24)
            bytes.append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// Writes the low `digits` nibbles of `value` in lower-case hexadecimal from `start` on.
    private static func hex(_ value: UInt64, digits: Int, into text: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var value = value
        var index = start + digits - 1
        while index >= start {
            let nibble = UInt8(truncatingIfNeeded: value) & 0xF
            text[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            value >>= 4
            index -= 1
        }
    }
}

/// Who or what an audit record names as its initiator or a target.
public enum AuditParty: Sendable, Hashable {
    /// A user of the tenant.
    case user(UserIndex)
    /// A group.
    case group(GroupIndex)
    /// A directory role; a PIM for Groups pseudo-role is written as its group.
    case role(RoleIndex)
    /// Every role's settings (a default policy change).
    case allRoles
    /// PIM itself (`MS-PIM`), as an initiator.
    case pimService
    /// The scenario's author acting as an administrator, as an initiator.
    case scenario
    /// An access package (index into `Scenario.accessPackages`), as a target.
    case accessPackage(Int)
    /// Entitlement management itself, as an initiator (automatic approvals, expiries, time-outs).
    case entitlementManagement
}

/// One audit record before it is written: the `directoryAudit` fields, typed, so that each
/// output takes what it needs (JSON Lines bytes, SQLite columns, JSON values in tests) and the
/// names of users, groups and roles are looked up once per run, not once per record.
public struct AuditEntry: Sendable {
    /// The record's id.
    public var id: AuditGUID
    /// Seconds since the Unix epoch.
    public var epoch: Int64
    /// `activityDisplayName`.
    public var activity: String
    /// `category`.
    public var category: String
    /// `loggedByService`.
    public var service: String
    /// `operationType`.
    public var operation: String
    /// `result`: success or failure.
    public var result: String
    /// `resultReason`.
    public var reason: String
    /// `correlationId`.
    public var correlation: AuditGUID
    /// `initiatedBy`: a user, PIM or the scenario.
    public var initiator: AuditParty
    /// `targetResources`, in order.
    public var targets: [AuditParty]
    /// `additionalDetails`, sorted by key.
    public var details: [(key: String, value: String)]
}

extension AuditEntry {
    /// The record as a JSON value: the reference form, which the JSON Lines bytes must equal.
    public func json(_ identity: AuditIdentity) -> JSONValue {
        .object([
            "id": .string(id.text),
            "activityDateTime": .string(TimeText.timestamp(epoch: epoch)),
            "activityDisplayName": .string(activity),
            "category": .string(category),
            "loggedByService": .string(service),
            "operationType": .string(operation),
            "result": .string(result),
            "resultReason": .string(reason),
            "correlationId": .string(correlation.text),
            "initiatedBy": identity.initiatorJSON(initiator),
            "targetResources": .array(targets.map(identity.targetJSON)),
            "additionalDetails": .array(details.map { .object(["key": .string($0.key), "value": .string($0.value)]) }),
        ])
    }
}

extension AuditIdentity {
    /// `initiatedBy` for a party: `{"user": {...}}` or `{"app": {...}}`.
    public func initiatorJSON(_ party: AuditParty) -> JSONValue {
        switch party {
        case .user(let user):
            return .object(["user": .object([
                "id": .string(objectId(user: user)),
                "displayName": .string(scenario.tenant[user].displayName),
                "userPrincipalName": .string(principalName(user: user)),
            ])])
        case .pimService:
            return .object(["app": .object(["displayName": .string("MS-PIM"), "appId": .null])])
        case .entitlementManagement:
            return .object(["app": .object(["displayName": .string(AuditIdentity.entitlementManagementApp), "appId": .null])])
        case .scenario, .group, .role, .allRoles, .accessPackage:
            return .object(["app": .object(["displayName": .string("pimsim scenario"), "appId": .null])])
        }
    }

    /// A `targetResources` item for a party.
    public func targetJSON(_ party: AuditParty) -> JSONValue {
        switch party {
        case .user(let user):
            return .object([
                "id": .string(objectId(user: user)),
                "displayName": .string(scenario.tenant[user].displayName),
                "type": .string("User"),
                "userPrincipalName": .string(principalName(user: user)),
            ])
        case .group(let group):
            let definition = scenario.tenant[group]
            return .object([
                "id": .string(objectId(group: group)),
                "displayName": .string(definition.name ?? definition.id),
                "type": .string("Group"),
                "groupType": .string("azureAD"),
            ])
        case .role(let role):
            if let access = scenario[role].groupAccess { return targetJSON(.group(access.group)) }
            return .object([
                "id": .string(objectId(role: role)),
                "displayName": .string(scenario[role].name),
                "type": .string("Role"),
            ])
        case .accessPackage(let index):
            let package = scenario.accessPackages[index]
            return .object([
                "id": .string(objectId(kind: "accessPackage", id: package.id)),
                "displayName": .string(package.displayName),
                "type": .string("AccessPackage"),
            ])
        case .allRoles, .pimService, .scenario, .entitlementManagement:
            return .object(["displayName": .string("All roles"), "type": .string("Policy")])
        }
    }
}
