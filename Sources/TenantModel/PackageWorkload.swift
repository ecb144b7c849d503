/// A user's request for an access package (or to extend the one they have), in the workload.
public struct PackageRequest: Sendable, Equatable {
    /// When the user asks.
    public var at: Seconds
    /// Who asks.
    public var user: UserIndex
    /// Which package (index into `Scenario.accessPackages`).
    public var package: Int
    /// Through which policy (index into the package's policies); nil: the first that admits the user.
    public var policy: Int?
    /// An extension of the user's assignment rather than a new one.
    public var extend: Bool
    /// The item's position in `workload`: same-instant items run in this order.
    public var order = 0
    /// Where it was written, such as `workload[4]`.
    public var origin: String

    /// Creates a request.
    public init(at: Seconds, user: UserIndex, package: Int, policy: Int? = nil, extend: Bool = false, origin: String = "") {
        self.at = at
        self.user = user
        self.package = package
        self.policy = policy
        self.extend = extend
        self.origin = origin
    }
}

/// Users who request an access package again and again: Poisson arrivals per user (in working
/// time when a calendar is set); a user who holds the package, or waits for it, skips the arrival.
public struct PackageRequestGenerator: Sendable, Equatable {
    /// The users who request (each has an independent arrival process).
    public var users: [UserIndex]
    /// Which package (index into `Scenario.accessPackages`).
    public var package: Int
    /// Through which policy; nil: the first that admits the user.
    public var policy: Int?
    /// The mean gap between two requests of one user.
    public var every: Seconds
    /// When the users work; nil means at any time.
    public var calendar: WorkCalendar?
    /// The first time a request may arrive.
    public var from: Seconds
    /// No request arrives at or after this time; nil means the horizon.
    public var until: Seconds?
    /// Also ask to extend an assignment once it is within the extension window of its end.
    public var extend: Bool
    /// Where it was written, such as `workload[3]`.
    public var origin: String

    /// Creates a generator.
    public init(
        users: [UserIndex], package: Int, policy: Int? = nil, every: Seconds, calendar: WorkCalendar? = nil,
        from: Seconds = 0, until: Seconds? = nil, extend: Bool = false, origin: String = ""
    ) {
        self.users = users
        self.package = package
        self.policy = policy
        self.every = every
        self.calendar = calendar
        self.from = from
        self.until = until
        self.extend = extend
        self.origin = origin
    }
}
