import Yams

/// A value set at a key path of the scenario document, merged like a variant's patch.
///
/// Sweeps build their grid points from these: `policies.default.activation.maxDuration=1h`
/// is the key path `["policies", "default", "activation", "maxDuration"]` with the value `1h`,
/// read as a YAML scalar (so `true` is a boolean, `0.5` a number and `1h` a string).
public struct ScenarioPatch: Sendable, Equatable, CustomStringConvertible {
    /// The map keys from the document's root to the value.
    public var keyPath: [String]
    /// The value's YAML text, a scalar.
    public var value: String

    /// Creates a patch.
    public init(keyPath: [String], value: String) {
        self.keyPath = keyPath
        self.value = value
    }

    /// `KEY.PATH=value`, with dots and backslashes inside keys escaped as written on the command line.
    public var description: String { "\(Self.keyPathText(keyPath))=\(value)" }

    /// Why a key path could not be read.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// What is wrong, quoting the bad text.
        public let description: String
    }

    /// Splits `a.b\.c` into `["a", "b.c"]`: dots separate map keys; `\.` is a dot inside a key and
    /// `\\` a backslash. Throws on an empty key or a dangling backslash.
    public static func parseKeyPath(_ text: String) throws -> [String] {
        var keys: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                guard character == "." || character == "\\" else {
                    throw ParseError(description: "key path '\(text)': '\\\(character)' is not an escape; write '\\.' for a dot inside a key or '\\\\' for a backslash")
                }
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "." {
                keys.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaping { throw ParseError(description: "key path '\(text)' ends with a lone backslash") }
        keys.append(current)
        if keys.contains(where: \.isEmpty) {
            throw ParseError(description: "key path '\(text)' has an empty key; expected map keys separated by single dots, such as 'policies.default.activation.maxDuration'")
        }
        return keys
    }

    /// A key path as it is written on the command line.
    public static func keyPathText(_ keys: [String]) -> String {
        keys.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ".", with: "\\.") }
            .joined(separator: ".")
    }
}

/// Merges `ScenarioPatch`es into a document, checking that each is a scalar at a path of maps.
enum PatchMerge {
    /// The document with `patch` merged in; nil with an error when the value or the path is unusable.
    static func apply(_ patch: ScenarioPatch, to root: Node, context: DecodeContext) -> Node? {
        let rootValue = Value(node: root, path: .root)
        let parsed: Node?
        do {
            parsed = try Yams.compose(yaml: patch.value)
        } catch {
            context.error("patch '\(patch)': the value '\(patch.value)' is not a YAML scalar (\(error))", at: rootValue)
            return nil
        }
        guard let parsed, case .scalar(let scalar) = parsed else {
            let got = parsed.map(kind) ?? "nothing"
            context.error("patch '\(patch)': expected a single YAML scalar value (a string, number or boolean), got \(got)", at: rootValue)
            return nil
        }
        // Without a position: errors about the value point at its key path, not at the file.
        let value = Node.scalar(Node.Scalar(scalar.string, scalar.tag, scalar.style, nil))
        guard checkPath(patch, in: root, context: context) else { return nil }
        var patchNode = value
        for key in patch.keyPath.reversed() {
            patchNode = .mapping(Node.Mapping([(Node.scalar(Node.Scalar(key)), patchNode)]))
        }
        return VariantPatch.merge(root, patchNode)
    }

    /// Every key but the last must lead through maps (or into keys the document does not have yet).
    private static func checkPath(_ patch: ScenarioPatch, in root: Node, context: DecodeContext) -> Bool {
        var node: Node? = root
        var path = KeyPath.root
        for (index, key) in patch.keyPath.enumerated() {
            guard let current = node else { return true }
            guard case .mapping(let mapping) = current else {
                context.error("patch '\(patch)': '\(path)' is \(kind(current)) in the scenario; a patch's key path goes through maps only (lists and values are replaced whole)",
                              at: Value(node: current, path: path))
                return false
            }
            guard index < patch.keyPath.count - 1 else { return true }
            node = mapping.first { $0.key.string == key }?.value
            path = path.appending(key)
        }
        return true
    }

    private static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .scalar: return "a value"
        case .alias: return "an alias"
        }
    }
}
