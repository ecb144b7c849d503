import TenantModel

/// One run planned: the scenario as it will run (a variant applied or not) and its seed,
/// resolved here once, so that every stage of the run uses the same one.
public struct RunPlan: Sendable {
    /// The scenario as run.
    public var scenario: Scenario
    /// The variant applied to it, when one was.
    public var variant: String?
    /// The seed of the run: an override when one was given, else the scenario's `seed` (default 1).
    public var seed: UInt64

    /// Plans a run of `scenario`; `seed` overrides the scenario's own seed.
    public init(scenario: Scenario, variant: String? = nil, seed: UInt64? = nil) {
        self.scenario = scenario
        self.variant = variant
        self.seed = seed ?? scenario.seed
    }
}
