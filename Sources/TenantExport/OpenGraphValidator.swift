import Reports

/// Checks an OpenGraph file against what BloodHound CE's upload accepts (the wrapper, and each
/// node and edge as its `node.json` and `edge.json` schemas describe them;
/// /work/shared/reference/bloodhound-azurehound.md §A), plus pimsim's own rules when a namespace
/// is given: kinds in that namespace, lower-case property names, every endpoint a node.
public enum OpenGraphValidator {
    /// Edge kinds BloodHound derives after each ingest (uploading them is pointless).
    public static let postProcessedKinds: Set<String> = [
        "AZGlobalAdmin", "AZPrivilegedRoleAdmin", "AZPrivilegedAuthAdmin", "AZResetPassword", "AZAddMembers", "AZAddSecret",
        "AZAddOwner", "AZExecuteCommand", "AZMGAddMember", "AZMGAddOwner", "AZMGAddSecret", "AZMGGrantAppRoles", "AZMGGrantRole",
        "AZRoleApprover", "SyncedToADUser", "SyncedToEntraUser",
    ]

    /// Every problem found, each `/json/pointer: what is wrong`; empty when the file is valid.
    public static func problems(in document: JSONValue, namespace: String? = nil) -> [String] {
        var problems: [String] = []
        guard case .object(let top) = document else { return ["/: expected an object with 'graph' (and optionally 'metadata')"] }
        for key in top.keys.sorted() where key != "graph" && key != "metadata" {
            problems.append("/\(key): unexpected member (only 'graph' and 'metadata'; 'data'/'meta' mean an AzureHound file)")
        }
        if let metadata = top["metadata"] {
            if case .object(let members) = metadata {
                for key in members.keys.sorted() where key != "source_kind" { problems.append("/metadata/\(key): only 'source_kind' is allowed") }
                switch members["source_kind"] {
                case nil, .string?, .null?: break
                default: problems.append("/metadata/source_kind: expected a string or null")
                }
            } else {
                problems.append("/metadata: expected an object")
            }
        }
        guard case .object(let graph)? = top["graph"] else { return problems + ["/graph: expected an object holding 'nodes' and 'edges'"] }
        for key in graph.keys.sorted() where key != "nodes" && key != "edges" { problems.append("/graph/\(key): unexpected member") }
        if graph["nodes"] == nil && graph["edges"] == nil { problems.append("/graph: needs 'nodes' or 'edges'") }
        var nodeIds = Set<String>()
        if let nodes = graph["nodes"] {
            if case .array(let items) = nodes {
                for (index, node) in items.enumerated() {
                    problems += nodeProblems(node, at: "/graph/nodes/\(index)", namespace: namespace)
                    if case .string(let id)? = node.value(at: ["id"]) { nodeIds.insert(id) }
                }
            } else {
                problems.append("/graph/nodes: expected an array")
            }
        }
        if let edges = graph["edges"] {
            if case .array(let items) = edges {
                for (index, edge) in items.enumerated() {
                    problems += edgeProblems(edge, at: "/graph/edges/\(index)", namespace: namespace, nodes: namespace == nil ? nil : nodeIds)
                }
            } else {
                problems.append("/graph/edges: expected an array")
            }
        }
        return problems
    }

    /// Problems of one node (`node.json`): `id` a non-empty string without a colon, 1 to 3 kinds,
    /// properties valid.
    public static func nodeProblems(_ node: JSONValue, at path: String, namespace: String? = nil) -> [String] {
        guard case .object(let members) = node else { return ["\(path): expected an object with id, kinds and properties"] }
        var problems: [String] = []
        for key in members.keys.sorted() where !["id", "kinds", "properties"].contains(key) { problems.append("\(path)/\(key): unexpected member") }
        switch members["id"] {
        case .string(let id)? where id.isEmpty: problems.append("\(path)/id: must not be empty")
        case .string(let id)? where id.contains(":"): problems.append("\(path)/id: '\(id)' contains a colon")
        case .string?: break
        default: problems.append("\(path)/id: expected a string")
        }
        if case .array(let kinds)? = members["kinds"] {
            if kinds.isEmpty || kinds.count > 3 { problems.append("\(path)/kinds: expected 1 to 3 kinds, found \(kinds.count)") }
            for (index, kind) in kinds.enumerated() {
                problems += kindProblems(kind, at: "\(path)/kinds/\(index)", namespace: namespace)
            }
        } else {
            problems.append("\(path)/kinds: expected an array of strings")
        }
        problems += propertyProblems(members["properties"], at: "\(path)/properties", required: false, strict: namespace != nil)
        return problems
    }

    /// Problems of one edge (`edge.json`): endpoints, a kind matching `^[A-Za-z0-9_]+$`, properties;
    /// with `nodes`, endpoints matched by id must name one of them.
    public static func edgeProblems(_ edge: JSONValue, at path: String, namespace: String? = nil, nodes: Set<String>? = nil) -> [String] {
        guard case .object(let members) = edge else { return ["\(path): expected an object with start, end, kind and properties"] }
        var problems: [String] = []
        for key in members.keys.sorted() where !["start", "end", "kind", "properties"].contains(key) { problems.append("\(path)/\(key): unexpected member") }
        for end in ["start", "end"] {
            problems += endpointProblems(members[end], at: "\(path)/\(end)", nodes: nodes)
        }
        problems += kindProblems(members["kind"] ?? .null, at: "\(path)/kind", namespace: namespace)
        if case .string(let kind)? = members["kind"], postProcessedKinds.contains(kind) {
            problems.append("\(path)/kind: '\(kind)' is rebuilt by BloodHound after ingest; use your own kind")
        }
        problems += propertyProblems(members["properties"], at: "\(path)/properties", required: true, strict: namespace != nil)
        return problems
    }

    private static func kindProblems(_ kind: JSONValue, at path: String, namespace: String?) -> [String] {
        guard case .string(let text) = kind else { return ["\(path): expected a string"] }
        var problems: [String] = []
        let allowed = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        if !allowed { problems.append("\(path): '\(text)' must match ^[A-Za-z0-9_]+$") }
        let lowered = text.lowercased()
        if lowered == "tag" || lowered.hasPrefix("tag_") { problems.append("\(path): '\(text)' is reserved (tag); BloodHound rejects the whole upload") }
        if let namespace, !text.hasPrefix(namespace + "_") { problems.append("\(path): '\(text)' is not in the \(namespace)_ namespace") }
        return problems
    }

    private static func endpointProblems(_ endpoint: JSONValue?, at path: String, nodes: Set<String>?) -> [String] {
        guard case .object(let members)? = endpoint else { return ["\(path): expected an object with match_by and value"] }
        var problems: [String] = []
        for key in members.keys.sorted() where !["match_by", "value", "property_matchers", "kind"].contains(key) {
            problems.append("\(path)/\(key): unexpected member")
        }
        var matchBy = "id"
        switch members["match_by"] {
        case nil: break
        case .string(let text)? where ["id", "property", "name"].contains(text): matchBy = text
        default: problems.append("\(path)/match_by: expected 'id', 'property' or 'name'")
        }
        if let kind = members["kind"], case .string = kind {} else if members["kind"] != nil { problems.append("\(path)/kind: expected a string") }
        if matchBy == "property" {
            if members["value"] != nil { problems.append("\(path)/value: not allowed with match_by 'property'") }
            guard case .array(let matchers)? = members["property_matchers"], !matchers.isEmpty else {
                return problems + ["\(path)/property_matchers: expected at least one {key, operator, value}"]
            }
            for (index, matcher) in matchers.enumerated() {
                let at = "\(path)/property_matchers/\(index)"
                guard case .object(let fields) = matcher else { problems.append("\(at): expected an object"); continue }
                if case .string? = fields["key"] {} else { problems.append("\(at)/key: expected a string") }
                if fields["operator"] != .string("equals") { problems.append("\(at)/operator: expected 'equals'") }
                switch fields["value"] {
                case .string?, .integer?, .number?, .bool?: break
                default: problems.append("\(at)/value: expected a string, number or boolean")
                }
            }
            return problems
        }
        if members["property_matchers"] != nil { problems.append("\(path)/property_matchers: only with match_by 'property'") }
        guard case .string(let value)? = members["value"], !value.isEmpty else { return problems + ["\(path)/value: expected a non-empty string"] }
        if matchBy == "id", let nodes, !nodes.contains(value) { problems.append("\(path)/value: '\(value)' is no node of the file") }
        return problems
    }

    /// Property values: strings, numbers, booleans, or arrays of one of them; never null or an
    /// object; with `strict`, names lower case and never `objectid`.
    private static func propertyProblems(_ properties: JSONValue?, at path: String, required: Bool, strict: Bool) -> [String] {
        switch properties {
        case nil: return required ? ["\(path): required (write {} when there are none)"] : []
        case .null?: return required ? ["\(path): expected an object"] : []
        case .object(let members)?:
            var problems: [String] = []
            for key in members.keys.sorted() {
                let at = "\(path)/\(key)"
                if strict && key == "objectid" { problems.append("\(at): reserved (BloodHound sets objectid from the id)") }
                if strict && key != key.lowercased() { problems.append("\(at): property names must be lower case") }
                switch members[key] {
                case .string?, .integer?, .number?, .bool?: break
                case .array(let items)?:
                    let kinds = Set(items.map(primitiveKind))
                    if kinds.contains("other") { problems.append("\(at): arrays may hold only strings, numbers or booleans") } else if kinds.count > 1 {
                        problems.append("\(at): arrays must not mix \(kinds.sorted().joined(separator: " and "))")
                    }
                case .null?: problems.append("\(at): null is refused; leave the key out")
                default: problems.append("\(at): objects are not allowed as property values")
                }
            }
            return problems
        default:
            return ["\(path): expected an object"]
        }
    }

    private static func primitiveKind(_ value: JSONValue) -> String {
        switch value {
        case .string: return "strings"
        case .integer, .number: return "numbers"
        case .bool: return "booleans"
        default: return "other"
        }
    }
}
