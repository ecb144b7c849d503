import Reports
import TenantExport
import Testing

/// The validator accepts the reference's own example and refuses each documented way to fail.
@Suite("OpenGraph validator: BloodHound's node and edge rules")
struct OpenGraphValidatorTests {
    /// A valid file: two nodes and one edge between them.
    static let valid = """
    {"metadata": {"source_kind": "PIMSim"},
     "graph": {
      "nodes": [
       {"id": "9FDDB5FE-F121-4709-8C1D-5C6A1F99F50D", "kinds": ["PIMSim_User"], "properties": {"name": "ALICE", "enabled": true}},
       {"id": "62E90394-69F5-4237-9190-012177145E10@50A74CFF-026F-4C84-AA8F-F5F8D837115F", "kinds": ["PIMSim_Role"], "properties": {"privileged": true}}],
      "edges": [
       {"start": {"match_by": "id", "value": "9FDDB5FE-F121-4709-8C1D-5C6A1F99F50D"},
        "end": {"value": "62E90394-69F5-4237-9190-012177145E10@50A74CFF-026F-4C84-AA8F-F5F8D837115F"},
        "kind": "PIMSim_EligibleFor",
        "properties": {"start": "2025-01-20T10:04:31Z", "permanent": true, "maxactivation": "PT2H", "approvers": ["A", "B"]}}]}}
    """

    static func problems(_ text: String, namespace: String? = "PIMSim") throws -> [String] {
        OpenGraphValidator.problems(in: try JSONText.parse(text), namespace: namespace)
    }

    /// `valid` with one substring replaced.
    static func variant(_ old: String, _ new: String) -> String {
        valid.replacingOccurrences(of: old, with: new)
    }

    @Test("the valid sample passes, with and without pimsim's own rules")
    func validPasses() throws {
        #expect(try Self.problems(Self.valid) == [])
        #expect(try Self.problems(Self.valid, namespace: nil) == [])
    }

    @Test("each broken rule is reported at its JSON pointer", arguments: [
        (#""metadata": {"source_kind": "PIMSim"}"#, #""metadata": {"source_kind": "PIMSim", "x": 1}"#, "/metadata/x: only 'source_kind' is allowed"),
        (#"{"metadata""#, #"{"data": [], "metadata""#, "/data: unexpected member (only 'graph' and 'metadata'; 'data'/'meta' mean an AzureHound file)"),
        (#"["PIMSim_User"]"#, #"["PIMSim_User", "PIMSim_A", "PIMSim_B", "PIMSim_C"]"#, "/graph/nodes/0/kinds: expected 1 to 3 kinds, found 4"),
        (#"["PIMSim_User"]"#, #"[]"#, "/graph/nodes/0/kinds: expected 1 to 3 kinds, found 0"),
        (#"["PIMSim_Role"]"#, #"["Tag_Tier_Zero"]"#, "/graph/nodes/1/kinds/0: 'Tag_Tier_Zero' is reserved (tag); BloodHound rejects the whole upload"),
        (#""enabled": true"#, #""enabled": null"#, "/graph/nodes/0/properties/enabled: null is refused; leave the key out"),
        (#""enabled": true"#, #""enabled": {"a": 1}"#, "/graph/nodes/0/properties/enabled: objects are not allowed as property values"),
        (#""enabled": true"#, #""objectid": "X""#, "/graph/nodes/0/properties/objectid: reserved (BloodHound sets objectid from the id)"),
        (#""enabled": true"#, #""Enabled": true"#, "/graph/nodes/0/properties/Enabled: property names must be lower case"),
        (#"["A", "B"]"#, #"["A", 2]"#, "/graph/edges/0/properties/approvers: arrays must not mix numbers and strings"),
        (#"["A", "B"]"#, #"[{"id": "A"}]"#, "/graph/edges/0/properties/approvers: arrays may hold only strings, numbers or booleans"),
        (#""kind": "PIMSim_EligibleFor""#, #""kind": "PIMSim-Eligible For""#, "/graph/edges/0/kind: 'PIMSim-Eligible For' must match ^[A-Za-z0-9_]+$"),
        (#""kind": "PIMSim_EligibleFor""#, #""kind": "AZRoleApprover""#, "/graph/edges/0/kind: 'AZRoleApprover' is rebuilt by BloodHound after ingest; use your own kind"),
        (#""match_by": "id""#, #""match_by": "objectid""#, "/graph/edges/0/start/match_by: expected 'id', 'property' or 'name'"),
        (#""match_by": "id""#, #""match_by": "property""#, "/graph/edges/0/start/value: not allowed with match_by 'property'"),
        (#""id": "9FDDB5FE-F121-4709-8C1D-5C6A1F99F50D""#, #""id": "USER:9FDDB5FE""#, "/graph/nodes/0/id: 'USER:9FDDB5FE' contains a colon"),
    ])
    func brokenRules(old: String, new: String, expected: String) throws {
        let text = Self.variant(old, new)
        #expect(text != Self.valid, "the replacement must change the sample: \(old)")
        let problems = try Self.problems(text)
        #expect(problems.contains(expected), "\(problems)")
    }

    @Test("a missing properties object on an edge, and an endpoint that is no node")
    func edgeRules() throws {
        let endpoint: JSONValue = .object(["value": .string("A")])
        let bare: JSONValue = .object(["start": endpoint, "end": endpoint, "kind": .string("PIMSim_Owns")])
        #expect(OpenGraphValidator.edgeProblems(bare, at: "/e") == ["/e/properties: required (write {} when there are none)"])
        let withEmpty: JSONValue = .object(["start": endpoint, "end": endpoint, "kind": .string("PIMSim_Owns"), "properties": .object([:])])
        #expect(OpenGraphValidator.edgeProblems(withEmpty, at: "/e") == [])
        let dangling = Self.variant(#""end": {"value": "62E90394"#, #""end": {"value": "00000000"#)
        #expect(try Self.problems(dangling).contains {
            $0.hasPrefix("/graph/edges/0/end/value: '00000000-69F5") && $0.hasSuffix("is no node of the file")
        })
        // Without pimsim's rules the endpoint check is BloodHound's: an unmatched id is not an error.
        #expect(try Self.problems(dangling, namespace: nil) == [])
    }

    @Test("pimsim's namespace rule refuses kinds outside PIMSim_")
    func namespace() throws {
        let foreign = Self.variant(#""kinds": ["PIMSim_User"]"#, #""kinds": ["AZUser"]"#)
        #expect(try Self.problems(foreign) == ["/graph/nodes/0/kinds/0: 'AZUser' is not in the PIMSim_ namespace"])
        #expect(try Self.problems(foreign, namespace: nil) == [])
    }

    @Test("the wrapper: not an object, no graph")
    func wrapper() throws {
        #expect(try Self.problems("[]") == ["/: expected an object with 'graph' (and optionally 'metadata')"])
        #expect(try Self.problems(#"{"metadata": {"source_kind": null}}"#) == ["/graph: expected an object holding 'nodes' and 'edges'"])
        #expect(try Self.problems(#"{"graph": {}}"#) == ["/graph: needs 'nodes' or 'edges'"])
    }

    @Test("the JSON reader refuses malformed text with its offset")
    func reader() throws {
        do {
            _ = try JSONText.parse(#"{"a":1 "b":2}"#)
            Issue.record("a missing comma was accepted")
        } catch {
            #expect(error.description == "offset 7: expected ',' or '}'")
        }
        #expect(try JSONText.parse(#"{"a": [1, 2.5, "x\u00e9\n", true, null]}"#)
            == .object(["a": .array([.integer(1), .number(2.5), .string("xé\n"), .bool(true), .null])]))
    }
}
