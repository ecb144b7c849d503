import TenantModel

/// The bounds pimsim puts on what it reads, so that a hostile or mistaken file is refused with a
/// clear error instead of exhausting memory, the stack or the machine's time.
///
/// Each bound has a name that `--limit NAME=VALUE` raises (or lowers) on the command line. The
/// loader takes the limits as a parameter, defaulting to `InputLimits.current`, a task-local
/// value, so that a command sets them once around everything it loads.
public struct InputLimits: Sendable, Equatable {
    /// The largest scenario file, in bytes (`file-size`).
    public var fileSize: Int = 64 << 20
    /// The most YAML anchors a scenario may define (`anchors`): each anchor's aliases can
    /// multiply the document's size.
    public var anchors: Int = 100
    /// The most YAML nodes a scenario may hold once its aliases are expanded (`nodes`).
    public var nodes: Int = 20_000_000
    /// The deepest nesting of maps and lists in a scenario, aliases expanded (`depth`).
    public var depth: Int = 64
    /// The most users a tenant may hold, `generate` included (`users`).
    public var users: Int64 = 10_000_000
    /// The longest horizon, in seconds (`horizon`): 100 years of 366 days.
    public var horizon: Seconds = 100 * 366 * 86_400
    /// The most tasks one task generator may be expected to make (`tasks`): its users times its
    /// window divided by its mean gap, which bounds the events per simulated second.
    public var tasks: Int64 = 5_000_000
    /// The largest file of a Microsoft Graph export that `pimsim import` reads, in bytes
    /// (`import-file-size`).
    public var importFileSize: Int = 1 << 30

    /// The defaults.
    public init() {}

    /// The defaults, as documented in docs/scenario-format.md.
    public static let standard = InputLimits()

    /// The limits in force for the current task (the defaults unless a caller bound others).
    @TaskLocal public static var current = InputLimits.standard

    /// The flag that raises a limit, as the error messages name it.
    public static func flag(_ name: String, _ value: some CustomStringConvertible) -> String {
        "--limit \(name)=\(value)"
    }

    /// Each limit's name, what it bounds, and its value in `self` as written on the command line.
    public var table: [(name: String, bounds: String, value: String)] {
        [
            ("file-size", "bytes of a scenario file", String(fileSize)),
            ("anchors", "YAML anchors in a scenario", String(anchors)),
            ("nodes", "YAML nodes of a scenario, aliases expanded", String(nodes)),
            ("depth", "levels of nested maps and lists", String(depth)),
            ("users", "users of a tenant, generated ones included", String(users)),
            ("horizon", "the horizon (a duration)", TimeSyntax.describe(horizon)),
            ("tasks", "tasks one generator is expected to make", String(tasks)),
            ("import-file-size", "bytes of one file of a Graph export", String(importFileSize)),
        ]
    }

    /// Why a `--limit` value was refused.
    public struct SettingError: Error, Equatable, CustomStringConvertible {
        /// What was wrong and what was expected.
        public let description: String
    }

    /// Applies one `NAME=VALUE` setting: a whole number (sizes also take `KiB`, `MiB`, `GiB`
    /// suffixes), or a duration for `horizon`.
    public mutating func set(_ setting: String) throws(SettingError) {
        let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let names = table.map(\.name)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw SettingError(description: "'\(setting)' is not NAME=VALUE; limits: \(names.joined(separator: ", "))")
        }
        let (name, text) = (parts[0], parts[1])
        switch name {
        case "horizon":
            guard case .success(let seconds) = TimeSyntax.duration(text), seconds > 0 else {
                throw SettingError(description: "--limit horizon='\(text)': expected a duration above zero of at most 1000 years, in days or weeks such as 73200d")
            }
            horizon = seconds
        case "file-size": fileSize = Int(try Self.count(text, name: name, sizes: true))
        case "import-file-size": importFileSize = Int(try Self.count(text, name: name, sizes: true))
        case "anchors": anchors = Int(try Self.count(text, name: name))
        case "nodes": nodes = Int(try Self.count(text, name: name))
        case "depth": depth = Int(try Self.count(text, name: name))
        case "users": users = min(try Self.count(text, name: name), Int64(Int32.max))
        case "tasks": tasks = try Self.count(text, name: name)
        default:
            throw SettingError(description: "unknown limit '\(name)'\(Suggestions.hint(for: name, in: names)) (limits: \(names.joined(separator: ", ")))")
        }
    }

    /// The largest value any limit takes: 1 TiB, or about a trillion.
    static let maxSetting: Int64 = 1 << 40

    /// A positive whole number, with a binary size suffix when `sizes`.
    static func count(_ text: String, name: String, sizes: Bool = false) throws(SettingError) -> Int64 {
        var digits = Substring(text)
        var factor: Int64 = 1
        if sizes {
            for (suffix, size) in [("KiB", Int64(1) << 10), ("MiB", 1 << 20), ("GiB", 1 << 30)] where digits.hasSuffix(suffix) {
                digits = digits.dropLast(suffix.count)
                factor = size
            }
        }
        guard let number = Int64(String(digits.filter { $0 != "_" })), number > 0 else {
            throw SettingError(description: "--limit \(name)='\(text)': expected a whole number above zero\(sizes ? " (KiB, MiB or GiB may follow)" : "")")
        }
        let product = number.multipliedReportingOverflow(by: factor)
        guard !product.overflow, product.partialValue <= maxSetting else {
            throw SettingError(description: "--limit \(name)='\(text)' is beyond what pimsim can hold; expected at most \(maxSetting)")
        }
        return product.partialValue
    }
}
