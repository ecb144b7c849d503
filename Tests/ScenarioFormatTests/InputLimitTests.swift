import Foundation
import Testing
@testable import ScenarioFormat
import TenantModel

/// Each bound on the input: its error message with a position, and the `--limit` that raises it.
@Suite struct InputLimitTests {
    static let head = "start: 2026-03-02T00:00:00Z\nhorizon: 30d\n"
    static let minimal = head + "tenant: {users: [{id: alice}]}\n"

    /// The diagnostics of `text` decoded under `limits`.
    func diagnostics(_ text: String, _ limits: InputLimits = .standard) -> [Diagnostic] {
        ScenarioLoader.decode(text: text, file: testFile, limits: limits).diagnostics
    }

    /// The one error of `text` under `limits` (an issue is recorded otherwise).
    func only(_ text: String, _ limits: InputLimits = .standard, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let result = ScenarioLoader.decode(text: text, file: testFile, limits: limits)
        #expect(!result.hasScenario, sourceLocation: sourceLocation)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        return errors.first?.description
    }

    @Test func fileSize() throws {
        var limits = InputLimits()
        limits.fileSize = 40
        #expect(only(Self.minimal, limits) == "test.yaml: error: the file is \(Self.minimal.utf8.count) bytes; scenarios are "
            + "limited to 40 bytes (--limit file-size=1MiB raises the limit)")
        let data = Data(Self.minimal.utf8)
        #expect(ScenarioLoader.decode(data: data, file: testFile, limits: limits).diagnostics.map(\.message)
            == ["the file is \(data.count) bytes; scenarios are limited to 40 bytes (--limit file-size=1MiB raises the limit)"])
        limits.fileSize = data.count
        #expect(ScenarioLoader.decode(data: data, file: testFile, limits: limits).hasScenario)
    }

    @Test func anchorsArePositioned() {
        var limits = InputLimits()
        limits.anchors = 2
        let text = Self.head + "description: Tom & Jerry\ntenant:\n  users: [&a {id: a}, &b {id: b}, &c {id: c}]\n"
        // "Tom & Jerry" is not an anchor: no name follows the ampersand.
        #expect(only(text, limits) == "test.yaml:5:35: error: the file defines more than 2 YAML anchors (this is anchor 3); "
            + "aliases can expand a document without bound (--limit anchors=20 raises the limit)")
        limits.anchors = 3
        #expect(ScenarioLoader.decode(text: text, file: testFile, limits: limits).hasScenario)
    }

    /// A billion laughs: each anchor repeats the previous one ten times.
    @Test func aliasExpansionIsBounded() {
        var text = Self.minimal + "variants:\n  v:\n    description: x\n    patch:\n      l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            text += "      l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        var limits = InputLimits()
        limits.nodes = 5000
        let message = only(text, limits)
        // Within l3, its fourth l2, its fourth l1, its eighth l0, and that one's tenth item: the
        // 5001st node. Its position is where l0 (the anchor) wrote it.
        #expect(message == "test.yaml:8:43: error: variants.v.patch.l3[3][3][7][9]: the document expands to more than 5000 nodes here (YAML aliases repeat what their anchor names); "
            + "at most 5000 are accepted (--limit nodes=10000 raises the limit)")
    }

    @Test func nestingDepth() {
        let nested = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        let text = Self.minimal + "description: \(nested)\n"
        #expect(only(text) == "test.yaml:4:77: error: description\(String(repeating: "[0]", count: 63)): maps and lists nest 65 levels deep "
            + "here; at most 64 are accepted (--limit depth=128 raises the limit)")
        var limits = InputLimits()
        limits.depth = 80
        #expect(only(text, limits) == "test.yaml:4:14: error: description: expected a string, got a list")
        // Deeper than YAML text may go at all.
        let deep = Self.minimal + "description: " + String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100) + "\n"
        let error = only(deep)
        #expect(error?.hasPrefix("test.yaml:4:") == true)
        #expect(error?.hasSuffix("maps and lists nest more than 1000 levels deep here, more than YAML text may; at most 64 are accepted") == true)
    }

    @Test func generatedUsers() {
        let text = Self.head + "tenant:\n  users:\n    - {id: alice}\n    - generate: {count: 100, prefix: u}\n"
        var limits = InputLimits()
        limits.users = 100
        #expect(only(text, limits) == "test.yaml:6:25: error: tenant.users[1].generate.count: the tenant would have 101 users; "
            + "pimsim accepts at most 100 (--limit users=101 raises the limit)")
        limits.users = 101
        #expect(ScenarioLoader.decode(text: text, file: testFile, limits: limits).scenario?.tenant.users.count == 101)
        // The default: ten million.
        let billions = Self.head + "tenant: {users: [generate: {count: 5000000000, prefix: u}]}\n"
        #expect(only(billions)?.hasSuffix("the tenant would have 5000000000 users; pimsim accepts at most 10000000 "
            + "(--limit users=5000000000 raises the limit)") == true)
    }

    @Test func horizon() {
        let text = "start: 2026-03-02T00:00:00Z\nhorizon: 36601d\ntenant: {users: [{id: a}]}\n"
        #expect(only(text) == "test.yaml:2:10: error: horizon: the horizon '36601d' is longer than the 36600d pimsim accepts "
            + "(--limit horizon=36601d raises the limit)")
        var limits = InputLimits()
        #expect(throws: Never.self) { try limits.set("horizon=73200d") }
        let horizon = ScenarioLoader.decode(text: text, file: testFile, limits: limits).scenario?.horizon
        #expect(horizon == Seconds(36601) * 86_400)
    }

    /// Events per simulated second: a generator's expected tasks.
    @Test func generatedTasks() {
        let text = Self.head + """
            tenant: {users: [{id: a}, {id: b}]}
            assignments: [{principal: a, role: Global Administrator, type: eligible}]
            workload:
              - tasks: {users: [a, b], role: Global Administrator, every: 1s, duration: 1m}

            """
        #expect(only(text) == "test.yaml:6:63: error: workload[0].tasks.every: this generator would make about 5184000 tasks; "
            + "pimsim accepts at most 5000000 per generator (raise 'every', or --limit tasks=5184000 raises the limit)")
        var limits = InputLimits()
        limits.tasks = 5_184_000
        #expect(ScenarioLoader.decode(text: text, file: testFile, limits: limits).hasScenario)
    }

    @Test func nulByteIsPositioned() {
        let text = Self.head + "tenant: {users: [{id: al\u{0}ice}]}\n"
        #expect(only(text) == "test.yaml:3:25: error: the file holds a NUL byte (U+0000), which scenario text cannot contain; is it a binary file?")
    }

    @Test func invalidUTF8IsPositioned() {
        let bytes = Array((Self.head + "tenant: {users: [{id: ").utf8) + [0xC3, 0x28] + Array("}]}\n".utf8)
        let result = ScenarioLoader.decode(data: Data(bytes), file: testFile)
        #expect(result.diagnostics.map(\.description) == [
            "test.yaml:3:23: error: the file is not valid UTF-8 text: byte 0xC3 at offset \(bytes.count - 6) cannot stand there; save the file as UTF-8",
        ])
    }

    @Test func numbersOutOfRange() {
        let seed = Self.minimal + "seed: 99999999999999999999\n"
        #expect(only(seed) == "test.yaml:4:7: error: seed: seed '99999999999999999999' is too large; the largest allowed is 9223372036854775807")
        let negative = Self.minimal + "seed: -1\n"
        #expect(only(negative) == "test.yaml:4:7: error: seed: seed must be between 0 and 9223372036854775807, got -1")
        let rate = Self.minimal + "behaviour: {approvers: {approveRate: 1e400}}\n"
        #expect(only(rate) == "test.yaml:4:38: error: behaviour.approvers.approveRate: approveRate '1e400' is out of range; expected a number between 0 and 1")
        let infinite = Self.minimal + "behaviour: {deactivateEarly: .inf}\n"
        #expect(only(infinite) == "test.yaml:4:30: error: behaviour.deactivateEarly: deactivateEarly '.inf' is out of range; expected a number between 0 and 1")
        let duration = Self.minimal.replacingOccurrences(of: "30d", with: "99999999999999999999d")
        #expect(only(duration) == "test.yaml:2:10: error: horizon: '99999999999999999999d' is longer than the 1000 years pimsim accepts")
    }

    @Test(arguments: [
        ("0000-12-31T00:00:00Z", "'0000-12-31T00:00:00Z' is outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, the dates Microsoft Graph accepts"),
        ("0001-01-01T00:30:00+01:00", "'0001-01-01T00:30:00+01:00' is outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, the dates Microsoft Graph accepts"),
        ("10000-01-01T00:00:00Z", "'10000-01-01T00:00:00Z' is not a timestamp; expected ISO 8601 such as '2026-03-02T09:00:00Z'"),
    ])
    func datesOutsideGraphsRange(start: String, message: String) {
        let text = "start: \(start)\nhorizon: 30d\ntenant: {users: [{id: a}]}\n"
        #expect(only(text) == "test.yaml:1:8: error: start: \(message)")
    }

    @Test func runEndingAfterTheYear9999() {
        let late = "start: 9999-12-01T00:00:00Z\nhorizon: 31d\ntenant: {users: [{id: a}]}\n"
        #expect(ScenarioLoader.decode(text: late, file: testFile).hasScenario)
        let text = "start: 9999-12-01T00:00:00Z\nhorizon: 31d1s\ntenant: {users: [{id: a}]}\n"
        #expect(only(text) == "test.yaml:2:10: error: horizon: the run would end after 9999-12-31T23:59:59Z, the last moment "
            + "Microsoft Graph's dates can hold; shorten the horizon or start earlier")
        let first = "start: 0001-01-01\nhorizon: 1d\ntenant: {users: [{id: a}]}\n"
        #expect(ScenarioLoader.decode(text: first, file: testFile).scenario?.startEpoch == TimeSyntax.earliest)
    }

    @Test func settingLimits() throws {
        var limits = InputLimits()
        try limits.set("file-size=2GiB")
        try limits.set("import-file-size=512KiB")
        try limits.set("nodes=1_000")
        try limits.set("users=20000000")
        #expect(limits.fileSize == 2 << 30 && limits.importFileSize == 512 << 10 && limits.nodes == 1000 && limits.users == 20_000_000)
        #expect(throws: InputLimits.SettingError(description: "unknown limit 'dept'; did you mean 'depth'? (limits: file-size, anchors, nodes, depth, users, horizon, tasks, import-file-size)")) {
            try limits.set("dept=5")
        }
        #expect(throws: InputLimits.SettingError(description: "--limit depth='-5': expected a whole number above zero")) { try limits.set("depth=-5") }
        #expect(throws: InputLimits.SettingError(description: "'depth' is not NAME=VALUE; limits: file-size, anchors, nodes, depth, users, horizon, tasks, import-file-size")) {
            try limits.set("depth")
        }
        #expect(throws: InputLimits.SettingError.self) { try limits.set("file-size=9999999GiB") }
        #expect(throws: InputLimits.SettingError.self) { try limits.set("horizon=1001y") }
        #expect(limits.table.map(\.value) == ["2147483648", "100", "1000", "64", "20000000", "36600d", "5000000", "524288"])
    }

    /// The limits bound by a caller reach the loader's default argument.
    @Test func taskLocalLimits() {
        var limits = InputLimits()
        limits.depth = 2
        let text = Self.minimal
        let error = InputLimits.$current.withValue(limits) {
            ScenarioLoader.decode(text: text, file: testFile).diagnostics.first?.message
        }
        #expect(error?.contains("at most 2 are accepted") == true)
        #expect(ScenarioLoader.decode(text: text, file: testFile).hasScenario)
    }
}
