import TenantExport
import Testing

/// Derived GUIDs are stable (hand-computed with another SHA-256 implementation), GUID ids are
/// kept, and durations are written as Graph writes them.
@Suite("Graph ids and ISO durations")
struct GraphIdentifierTests {
    @Test("derived GUIDs: SHA-256 of pimsim:<kind>:<id>, version 5, RFC 4122 variant")
    func derived() {
        // python3: sha256(b"pimsim:user:alice")[:16], byte 6 = 0x5?, byte 8 = 0b10??????.
        #expect(GraphIdentifier.derived(kind: "user", id: "alice") == "cf567356-c3fa-51cb-b690-3f65e3176242")
        #expect(GraphIdentifier.derived(kind: "tenant", id: "export-small") == "ddc6f436-3d74-52c8-8e65-2a387b148229")
        #expect(GraphIdentifier.derived(kind: "group", id: "alice") != GraphIdentifier.derived(kind: "user", id: "alice"))
        #expect(GraphIdentifier.isGUID(GraphIdentifier.derived(kind: "role", id: "Password Resetter")))
    }

    @Test("GUID ids are kept, lower case; other ids are derived")
    func kept() {
        #expect(GraphIdentifier.objectId(kind: "user", id: "9FDDB5FE-F121-4709-8C1D-5C6A1F99F50D") == "9fddb5fe-f121-4709-8c1d-5c6a1f99f50d")
        #expect(GraphIdentifier.objectId(kind: "user", id: "alice") == "cf567356-c3fa-51cb-b690-3f65e3176242")
        #expect(!GraphIdentifier.isGUID("9fddb5fe-f121-4709-8c1d-5c6a1f99f50"))
        #expect(!GraphIdentifier.isGUID("9fddb5fe_f121-4709-8c1d-5c6a1f99f50d"))
        #expect(!GraphIdentifier.isGUID("9fddb5fe-f121-4709-8c1d-5c6a1f99f5zz"))
    }

    static let durationCases: [(Int64, String)] = [
        (7200, "PT2H"), (6300, "PT1H45M"), (365 * 86_400, "P365D"), (86_400 + 43_200, "P1DT12H"), (90, "PT1M30S"), (0, "PT0S"),
    ]

    @Test("ISO 8601 durations", arguments: durationCases)
    func durations(seconds: Int64, expected: String) {
        #expect(ExportTime.duration(seconds) == expected)
    }

    @Test("timestamps from the scenario's start epoch")
    func timestamps() {
        // 2026-03-02T00:00:00Z is 1772409600.
        #expect(ExportTime.timestamp(9 * 3600 + 45 * 60, startEpoch: 1_772_409_600) == "2026-03-02T09:45:00Z")
        #expect(ExportTime.timestamp(-86_400, startEpoch: 1_772_409_600) == "2026-03-01T00:00:00Z")
    }
}
