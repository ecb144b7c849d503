/// Thresholds of PIM's security alerts and the CISA checks, evaluated over simulated time.
///
/// Microsoft documents most defaults only through examples; each default below names its source
/// (see docs/alerts.md).
public struct AlertSettings: Sendable, Equatable {
    /// "There are too many global administrators": at least this many ([3P] a live tenant export shows 3)...
    public var globalAdminCount = 3
    /// ...and at least this percentage of all role assignments ([3P] 10 %).
    public var globalAdminPercentage = 10.0
    /// "Potential stale accounts in a privileged role": no sign-in for this long ([EX/3P] 30 days).
    public var staleAfter: Seconds = 30 * 86_400
    /// "Administrators aren't using their privileged roles": no use for this long ([3P] 30 days).
    public var unusedAfter: Seconds = 30 * 86_400
    /// "Roles are being activated too frequently": this many activations of one role by one user... ([EX] 3)
    public var frequentActivations = 3
    /// ...within this window ([assumption] 1 hour; Graph's example says 10 seconds).
    public var frequentWithin: Seconds = 3600
    /// "Roles are being assigned outside of PIM" stays up for this long after the assignment (Graph: 30 days).
    public var outsidePIMWindow: Seconds = 30 * 86_400
    /// Principals the CISA checks leave out besides break-glass accounts (ScubaGear's RoleExclusions).
    public var cisaExclusions: Set<UserIndex> = []

    /// The defaults.
    public init() {}
}
