import Foundation
import PIMEngine
import Reports
import RunPipeline
import ScenarioFormat
import TenantModel
import Testing
import TestSupport

/// Keeps, for every record, the fast encoder's line and the reference form's compact JSON.
struct BothForms: AuditOutput {
    var fast: [String] = []
    var reference: [String] = []
    mutating func write(_ entry: AuditEntry, encoder: inout AuditEncoder) {
        var bytes: [UInt8] = []
        encoder.appendLine(entry, to: &bytes)
        fast.append(String(decoding: bytes, as: UTF8.self))
        reference.append(entry.json(encoder.identity).renderedCompact())
    }
    mutating func finish() {}
}

/// The audit log's JSON Lines are written straight to bytes from pre-encoded fragments; they
/// must be the bytes of the record's JSON value, record for record.
@Suite("Audit encoder")
struct AuditEncoderTests {
    func forms(_ scenario: Scenario) -> BothForms {
        let builder = AuditLogBuilder(identity: AuditIdentity(scenario: scenario, seed: 3), output: BothForms())
        return PIMReplay.run(scenario, seed: 3, sink: builder).sink.output
    }

    @Test("every record of every example scenario equals its JSON value's compact form", arguments: [
        "quickstart", "app-escalation", "compromised-admin", "ga-design", "governance", "jit-migration",
        "leaver-approvals", "notifications", "role-settings", "weekend-approvals",
    ])
    func examples(name: String) throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/\(name).yaml").path
        let scenario = try #require(Pipeline.load(path: path).scenario)
        let both = forms(scenario)
        #expect(both.fast.count > 5)
        #expect(both.fast == both.reference)
    }

    @Test("names that need escapes, non-ASCII text and times before 1970 are written as the JSON value writes them")
    func awkwardNames() throws {
        let text = """
            start: 1969-12-31T23:00:00Z
            horizon: 3h
            tenant:
              users:
                - {id: "q\\"uote", name: "Zoë \\"Q\\" \\u2028 \\\\ back"}
                - {id: "émile@contoso.com", name: "Émile ✓"}
              groups:
                - {id: "ops\\tteam", name: "Ops \\"A\\"", members: ["q\\"uote"]}
            assignments:
              - {principal: "q\\"uote", role: Security Administrator, type: eligible}
              - {principal: "émile@contoso.com", role: Global Administrator, type: active}
            workload:
              - at: 30m
                activate: {user: "q\\"uote", role: Security Administrator, duration: 1h}
            """
        let result = ScenarioLoader.decode(text: text, file: "awkward.yaml")
        let scenario = try #require(result.scenario, "\(result.diagnostics)")
        let both = forms(scenario)
        #expect(both.fast.count >= 2)
        #expect(both.fast == both.reference)
        #expect(both.fast.contains { $0.contains("1969-12-31T23:30:00Z") })
        #expect(both.fast.contains { $0.contains(#"Zo\#u{00EB} \"Q\""#) })
    }

    @Test("GUIDs are written in Foundation's lower-case form")
    func guidText() throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/quickstart.yaml").path
        let scenario = try #require(Pipeline.load(path: path).scenario)
        let identity = AuditIdentity(scenario: scenario, seed: 9)
        for value in [0, 1, 42, UInt64.max] as [UInt64] {
            let guid = identity.guidValue("audit", value)
            let bytes = withUnsafeBytes(of: (guid.high.bigEndian, guid.low.bigEndian)) { $0.loadUnaligned(as: uuid_t.self) }
            #expect(guid.text == UUID(uuid: bytes).uuidString.lowercased())
            #expect(identity.guid("audit", value) == guid.text)
        }
    }
}
