/// A problem found in a scenario file, with its position and key path.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Equatable {
        /// The scenario cannot run.
        case error
        /// The scenario runs, but probably not as meant.
        case warning
    }

    /// The file as named on the command line.
    public var file: String
    /// 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column (in Unicode scalars), or 0 when the problem concerns the whole file.
    public var column: Int
    /// Error or warning.
    public var severity: Severity
    /// Where in the document, such as `assignments[2].role`; empty for the whole file.
    public var path: String
    /// What is wrong, quoting the bad value and saying what was expected.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, severity: Severity = .error, path: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.path = path
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: PATH: message`, the form editors and CI annotators understand.
    public var description: String {
        let position = line > 0 ? "\(file):\(line):\(column)" : file
        let location = path.isEmpty ? "" : "\(path): "
        return "\(position): \(severity.rawValue): \(location)\(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then message, for stable output.
    public var sortedByPosition: [Diagnostic] {
        sorted { ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message) }
    }
}

/// A location in the document tree, rendered as `tenant.users[3].id`.
public struct KeyPath: Sendable, Equatable, CustomStringConvertible {
    /// The components from the root.
    public private(set) var components: [Component]

    /// A map key or a list index.
    public enum Component: Sendable, Equatable {
        /// A key in a map.
        case key(String)
        /// A position in a list (0-based).
        case index(Int)
    }

    /// The document root.
    public static let root = KeyPath(components: [])

    /// This path extended by a map key.
    public func appending(_ key: String) -> KeyPath {
        KeyPath(components: components + [.key(key)])
    }

    /// This path extended by a list index.
    public func appending(_ index: Int) -> KeyPath {
        KeyPath(components: components + [.index(index)])
    }

    /// Keys that are plain words print bare; others are quoted in brackets.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                if plain {
                    text += text.isEmpty ? key : ".\(key)"
                } else {
                    text += "[\"\(key)\"]"
                }
            }
        }
        return text
    }
}
