/// Output folders built from names found in the input (a scenario's or a variant's name): each
/// name must be a single path component, so that whatever a file says, everything is written
/// inside the chosen output directory.
public enum OutputPath {
    /// A name that would lead out of the output directory, or is not a folder name at all.
    public struct Refused: Error, Equatable, CustomStringConvertible {
        /// The name as found.
        public let name: String
        /// What the name is (`the scenario's name`).
        public let role: String

        /// `the scenario's name '../x' cannot name a folder inside Output: ...`.
        public var description: String {
            "\(role) '\(name)' cannot name a folder inside the output directory; expected one path component "
                + "without '/', '\\', NUL or a leading '.'"
        }
    }

    /// `base/names[0]/names[1]/...`, each name checked (`check`).
    public static func folder(_ base: String, _ names: [(name: String, role: String)]) throws(Refused) -> String {
        var path = base
        for (name, role) in names {
            try check(name, role: role)
            path = join(path, name)
        }
        return path
    }

    /// Throws unless `name` is one path component that stays where it is put: not empty, no
    /// `/`, `\` or NUL, not `.`, `..` or any name starting with a dot (hidden, or a way up).
    public static func check(_ name: String, role: String) throws(Refused) {
        let refused = name.isEmpty || name.hasPrefix(".") || name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0 == "\0" }
        if refused { throw Refused(name: name, role: role) }
    }

    /// `folder/name`, whether or not `folder` ends in a slash.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
