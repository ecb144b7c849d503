/// What a user has of a role at some time, after all events of that instant.
public struct AccessState: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates a state from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Holds the role by any path (standing or activated).
    public static let holds = AccessState(rawValue: 1)
    /// Holds it through at least one standing path (an active assignment, direct or through a group).
    public static let standing = AccessState(rawValue: 2)
    /// Eligible for it (directly or through a group).
    public static let eligible = AccessState(rawValue: 4)
    /// Holds it through an activation.
    public static let activated = AccessState(rawValue: 8)
    /// At least one of the user's tasks that needs the role is under way.
    public static let inUse = AccessState(rawValue: 16)
    /// Holds it with an access package assignment on the way: a role the package grants as active,
    /// membership of a group holding the role that the package grants, or an activation of an
    /// eligibility that comes through a package.
    public static let viaPackage = AccessState(rawValue: 32)
}
