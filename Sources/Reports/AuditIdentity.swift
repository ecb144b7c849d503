import TenantModel

/// Deterministic ids and names for audit records: the same scenario and seed give the same ids.
public struct AuditIdentity: Sendable {
    /// The scenario the records describe.
    public let scenario: Scenario
    /// The run's seed, mixed into every generated id.
    public let seed: UInt64
    /// The domain of user principal names made up for users whose id is not one.
    public let domain: String

    /// Creates the identity helper of one run.
    public init(scenario: Scenario, seed: UInt64, domain: String = "pimsim.example") {
        self.scenario = scenario
        self.seed = seed
        self.domain = domain
    }

    /// A GUID-formatted id derived from a namespace and a value (version-4 layout, not random).
    public func guid(_ namespace: String, _ value: UInt64) -> String {
        guidValue(namespace, value).text
    }

    /// The initiator of entitlement management's own actions ([assumption] the name of its service).
    public static let entitlementManagementApp = "Entitlement Management"

    /// The GUID of `guid(_:_:)`, before it is written out.
    public func guidValue(_ namespace: String, _ value: UInt64) -> AuditGUID {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in namespace.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let high = Self.mix(Self.mix(seed) ^ hash ^ Self.mix(value))
        let low = Self.mix(high ^ 0xA076_1D64_78BD_642F)
        return AuditGUID(bits: high, low)
    }

    /// A user's object id: the scenario id itself when it is a GUID, else one derived from it.
    public func objectId(user: UserIndex) -> String {
        objectId(kind: "user", id: scenario.tenant[user].id)
    }

    /// A group's object id, likewise.
    public func objectId(group: GroupIndex) -> String {
        objectId(kind: "group", id: scenario.tenant[group].id)
    }

    /// A role's id: its template id, or one derived from a custom role's name.
    public func objectId(role: RoleIndex) -> String {
        scenario[role].templateId ?? objectId(kind: "role", id: scenario[role].name)
    }

    /// `alice@pimsim.example`, or the id itself when it already is a principal name.
    public func principalName(user: UserIndex) -> String {
        let id = scenario.tenant[user].id
        return id.contains("@") ? id : "\(id)@\(domain)"
    }

    func objectId(kind: String, id: String) -> String {
        if Self.isGUID(id) { return id.lowercased() }
        var hash: UInt64 = 0x8422_2325_CBF2_9CE4
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return guid(kind, hash)
    }

    static func isGUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
