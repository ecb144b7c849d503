/// Where an imported value came from: a file and a JSON pointer into it.
public struct ImportOrigin: Sendable, Equatable, CustomStringConvertible {
    /// The file, as given on the command line (or inside a folder given there).
    public var file: String
    /// An RFC 6901 JSON pointer, such as `/value/17/principalId`.
    public var pointer: String

    /// Creates an origin.
    public init(file: String, pointer: String) {
        self.file = file
        self.pointer = pointer
    }

    /// The origin of a member of this object.
    public func appending(_ key: String) -> ImportOrigin {
        let escaped = key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        return ImportOrigin(file: file, pointer: pointer + "/" + escaped)
    }

    /// The origin of an element of this array.
    public func appending(_ index: Int) -> ImportOrigin {
        ImportOrigin(file: file, pointer: pointer + "/\(index)")
    }

    /// `file: /pointer`.
    public var description: String { pointer.isEmpty ? file : "\(file): \(pointer)" }
}

/// An error or warning found while importing, with where it came from.
public struct ImportDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Equatable {
        /// The import cannot produce a faithful scenario.
        case error
        /// The scenario will lack or approximate something.
        case warning
    }

    /// How bad it is.
    public var severity: Severity
    /// Where, when it concerns one value (nil for whole collections).
    public var origin: ImportOrigin?
    /// What is wrong, quoting the value and saying what was expected.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at origin: ImportOrigin? = nil) {
        self.severity = severity
        self.origin = origin
        self.message = message
    }

    /// `file: /pointer: error: message`.
    public var description: String {
        if let origin { return "\(origin): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}
