import Foundation

/// One object of a Graph collection (a JSON object), with where it was read.
public struct GraphObject: @unchecked Sendable {
    /// The object's members as Foundation's JSON reader gives them.
    public let fields: [String: Any]
    /// Where the object is in its file.
    public let origin: ImportOrigin

    /// Creates an object.
    public init(fields: [String: Any], origin: ImportOrigin) {
        self.fields = fields
        self.origin = origin
    }

    /// The object's `id`, when it is a string that is not blank.
    public var id: String? {
        // A blank id is no id: the scenario's ids are not blank.
        guard let id = fields["id"] as? String, !id.allSatisfy(\.isWhitespace) else { return nil }
        return id
    }

    /// A string member.
    public func string(_ key: String) -> String? { fields[key] as? String }

    /// A Boolean member.
    public func bool(_ key: String) -> Bool? { fields[key] as? Bool }

    /// A nested object member.
    public func object(_ key: String) -> GraphObject? {
        guard let nested = fields[key] as? [String: Any] else { return nil }
        return GraphObject(fields: nested, origin: origin.appending(key))
    }

    /// An array member's objects (other elements are skipped).
    public func objects(_ key: String) -> [GraphObject] {
        guard let items = fields[key] as? [Any] else { return [] }
        return items.enumerated().compactMap { index, item in
            (item as? [String: Any]).map { GraphObject(fields: $0, origin: origin.appending(key).appending(index)) }
        }
    }

    /// An array member's strings.
    public func strings(_ key: String) -> [String] {
        (fields[key] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// The origin of one member, for messages.
    public func at(_ key: String) -> ImportOrigin { origin.appending(key) }

    /// The object with another object's members added (this one's win), for pages that repeat an id.
    func merged(with other: GraphObject) -> GraphObject {
        var fields = self.fields
        for (key, value) in other.fields where fields[key] == nil { fields[key] = value }
        return GraphObject(fields: fields, origin: origin)
    }
}
