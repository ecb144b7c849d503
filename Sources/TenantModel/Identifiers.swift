/// Seconds since the scenario's `start`: the model's unit of time.
public typealias Seconds = Int64

/// The index of a user in `Tenant.users`.
public struct UserIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position in `Tenant.users`.
    public let rawValue: Int32
    /// Wraps a position.
    @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }
    /// Wraps a position given as `Int`.
    @inlinable public init(_ rawValue: Int) { self.rawValue = Int32(truncatingIfNeeded: rawValue) }
    /// The position as `Int`, for subscripting.
    @inlinable public var int: Int { Int(rawValue) }
    /// Orders by position.
    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `user#N`.
    public var description: String { "user#\(rawValue)" }
}

/// The index of a group in `Tenant.groups`.
public struct GroupIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position in `Tenant.groups`.
    public let rawValue: Int32
    /// Wraps a position.
    @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }
    /// Wraps a position given as `Int`.
    @inlinable public init(_ rawValue: Int) { self.rawValue = Int32(truncatingIfNeeded: rawValue) }
    /// The position as `Int`, for subscripting.
    @inlinable public var int: Int { Int(rawValue) }
    /// Orders by position.
    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `group#N`.
    public var description: String { "group#\(rawValue)" }
}

/// The index of a role in `Scenario.roles` (built-in catalogue first, then custom roles).
public struct RoleIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position in `Scenario.roles`.
    public let rawValue: Int32
    /// Wraps a position.
    @inlinable public init(_ rawValue: Int32) { self.rawValue = rawValue }
    /// Wraps a position given as `Int`.
    @inlinable public init(_ rawValue: Int) { self.rawValue = Int32(truncatingIfNeeded: rawValue) }
    /// The position as `Int`, for subscripting.
    @inlinable public var int: Int { Int(rawValue) }
    /// Orders by position.
    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `role#N`.
    public var description: String { "role#\(rawValue)" }
}

/// Who an assignment is made to: a user, or a role-assignable group.
public enum Principal: Hashable, Sendable {
    /// A user, directly.
    case user(UserIndex)
    /// A group: the assignment applies to every enabled member while they are members.
    case group(GroupIndex)
}
