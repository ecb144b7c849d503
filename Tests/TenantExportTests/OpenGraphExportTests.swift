import Foundation
import PimsimKit
import Reports
import TenantExport
import Testing
import TestSupport

/// The OpenGraph file of `ExportFixtures` at 09:45, edge by edge, and every shipped scenario's
/// file at its peak checked against BloodHound's rules.
@Suite("OpenGraph export: the privilege graph for BloodHound CE")
struct OpenGraphExportTests {
    static let tenant = "50A74CFF-026F-4C84-AA8F-F5F8D837115F"
    static let alice = "CF567356-C3FA-51CB-B690-3F65E3176242", bob = "2E8BED16-BD44-5036-BF54-EA633E55C482"
    static let carol = "F9747F1C-DA60-5B2B-8A7B-ABF5EB4C6824", dan = "395D4C24-EE39-53E0-8C2E-1D574169E516"
    static let erin = "9FDDB5FE-F121-4709-8C1D-5C6A1F99F50D", ops = "4726DB36-154C-552B-AB60-D4AADF7F5E88"
    static let globalAdministrator = "62E90394-69F5-4237-9190-012177145E10@" + tenant
    static let userAdministrator = "FE930BE7-5E62-47DB-91AF-98C3A49A38B1@" + tenant
    static let helpdeskAdministrator = "729827E3-9C14-49F7-BB1B-9608F156BBB8@" + tenant
    static let resetter = "A544A050-6043-5D3D-AEC9-C9B9A592A9BD@" + tenant

    static func document() throws -> JSONValue {
        let snapshot = try ExportFixtures.snapshot()
        return OpenGraphExport(snapshot: snapshot, ids: ExportFixtures.identities(snapshot)).document()
    }

    static func items(_ document: JSONValue, _ key: String) -> [JSONValue] {
        guard case .array(let items)? = document.value(at: ["graph", key]) else { return [] }
        return items
    }

    static func edge(_ start: String, _ end: String, _ kind: String, _ properties: [String: JSONValue]) -> JSONValue {
        .object([
            "start": .object(["match_by": .string("id"), "value": .string(start)]),
            "end": .object(["match_by": .string("id"), "value": .string(end)]),
            "kind": .string("PIMSim_" + kind),
            "properties": .object(properties),
        ])
    }

    static func collected(_ extra: [String: JSONValue]) -> [String: JSONValue] {
        extra.merging(["traversable": .bool(true), "derived": .bool(false)]) { first, _ in first }
    }

    @Test("every edge, with its window and gates, sorted by start, end and kind")
    func edges() throws {
        let start: JSONValue = .string("2026-03-02T00:00:00Z")
        let defaults: [String: JSONValue] = [
            "requiresapproval": .bool(false), "requiresmfa": .bool(true), "requiresjustification": .bool(true),
            "requiresticket": .bool(false), "maxactivation": .string("PT8H"),
        ]
        let expected: [JSONValue] = [
            Self.edge(Self.bob, Self.ops, "MemberOf", Self.collected(["permanent": .bool(true)])),
            Self.edge(Self.bob, Self.userAdministrator, "ActiveFor",
                      Self.collected(["start": start, "end": .string("2026-03-03T00:00:00Z"), "permanent": .bool(false)])),
            Self.edge(Self.dan, Self.ops, "ActivatedMemberOf",
                      Self.collected(["start": .string("2026-03-02T09:00:00Z"), "end": .string("2026-03-02T11:00:00Z"), "permanent": .bool(false)])),
            Self.edge(Self.dan, Self.ops, "EligibleMemberOf", Self.collected(defaults.merging(["start": start, "permanent": .bool(true)]) { $1 })),
            Self.edge(Self.ops, Self.helpdeskAdministrator, "ActiveFor", Self.collected(["start": start, "permanent": .bool(true)])),
            Self.edge("62E90394-69F5-4237-9190-012177145E10@" + Self.tenant, Self.tenant, "Controls",
                      ["traversable": .bool(true), "derived": .bool(true)]),
            Self.edge(Self.erin, Self.resetter, "ActiveFor", Self.collected(["start": start, "permanent": .bool(true)])),
            Self.edge(Self.alice, Self.globalAdministrator, "ActivatedFor",
                      Self.collected(["start": .string("2026-03-02T09:30:00Z"), "end": .string("2026-03-02T10:30:00Z"), "permanent": .bool(false)])),
            Self.edge(Self.alice, Self.globalAdministrator, "EligibleFor", Self.collected([
                "start": start, "permanent": .bool(true), "requiresapproval": .bool(true), "requiresmfa": .bool(true),
                "requiresjustification": .bool(true), "requiresticket": .bool(false), "maxactivation": .string("PT2H"),
                "approvers": .array([.string(Self.carol)]),
            ])),
            Self.edge(Self.carol, Self.ops, "Owns", Self.collected(["permanent": .bool(true)])),
            Self.edge(Self.carol, Self.globalAdministrator, "ApproverFor", ["traversable": .bool(false), "derived": .bool(false)]),
        ]
        let actual = Self.items(try Self.document(), "edges")
        #expect(actual.count == expected.count)
        for (index, pair) in zip(actual, expected).enumerated() {
            #expect(pair.0 == pair.1, "edge \(index): \(pair.0.renderedCompact())")
        }
    }

    @Test("nodes: every user and group, the tenant and the roles of the graph, AzureHound's ids, one kind each")
    func nodes() throws {
        let nodes = Self.items(try Self.document(), "nodes")
        let ids = nodes.compactMap { $0.string("id") }
        #expect(ids == [Self.bob, Self.dan, Self.ops, Self.tenant, Self.globalAdministrator, Self.helpdeskAdministrator, Self.erin,
                        Self.resetter, Self.alice, Self.carol, Self.userAdministrator])
        let alice = try #require(nodes.first { $0.string("id") == Self.alice })
        #expect(alice == .object([
            "id": .string(Self.alice), "kinds": .array([.string("PIMSim_User")]),
            "properties": .object([
                "name": .string("ALICE@PIMSIM.INVALID"), "displayname": .string("Alice Smith"), "userprincipalname": .string("alice@pimsim.invalid"),
                "enabled": .bool(true), "breakglass": .bool(false), "compromised": .bool(false), "scenarioid": .string("alice"),
                "tenantid": .string(Self.tenant), "tier": .string("tier0"), "reachestier0": .bool(true), "stepstotier0": .integer(1),
            ]),
        ]))
        let role = try #require(nodes.first { $0.string("id") == Self.resetter })
        #expect(role.value(at: ["kinds"]) == .array([.string("PIMSim_Role")]))
        #expect(role.value(at: ["properties", "builtin"]) == .bool(false))
        #expect(role.value(at: ["properties", "templateid"]) == .string("a544a050-6043-5d3d-aec9-c9b9a592a9bd"))
        let tenant = try #require(nodes.first { $0.string("id") == Self.tenant })
        #expect(tenant.value(at: ["kinds"]) == .array([.string("PIMSim_Tenant")]))
        #expect(tenant.value(at: ["properties", "stepstotier0"]) == nil)
    }

    @Test("the file is valid for BloodHound and for pimsim's stricter rules, and reads back as written")
    func valid() throws {
        let document = try Self.document()
        #expect(OpenGraphValidator.problems(in: document, namespace: OpenGraphExport.sourceKind) == [])
        #expect(try JSONText.parse(document.rendered()) == document)
        #expect(document.value(at: ["metadata"]) == .object(["source_kind": .string("PIMSim")]))
    }

    @Test("every shipped scenario exports valid OpenGraph at its peak, the same bytes twice",
          arguments: ["app-escalation", "compromised-admin", "ga-design", "governance", "jit-migration", "leaver-approvals",
                      "quickstart", "role-settings", "weekend-approvals", "escalation-coverage"])
    func shipped(name: String) throws {
        let path = repositoryRoot.appendingPathComponent("Scenarios/\(name).yaml").path
        let request = ExportRequest(selection: ScenarioSelection(path: path), format: .opengraph)
        let first = try Exports.export(request), second = try Exports.export(request)
        #expect(first.bytes == second.bytes)
        let document = try JSONText.parse(String(decoding: first.bytes, as: UTF8.self))
        #expect(OpenGraphValidator.problems(in: document, namespace: "PIMSim") == [])
        #expect(!Self.items(document, "edges").isEmpty)
        let bundle = try Exports.export(ExportRequest(selection: ScenarioSelection(path: path), format: .graph))
        #expect(bundle.summary.hasPrefix("13 collections, "))
    }
}
