import SimKernel
import TenantModel
import Trace

/// Tier-0 reachability over time: who could take control of the tenant, when, for how long.
public struct Tier0Metrics: Sendable, Equatable {
    /// One principal's figures.
    public struct Principal: Sendable, Equatable {
        /// Seconds during which it had a potential path to Tier 0.
        public var reachableSeconds: SimTime = 0
        /// Seconds during which it had a live path (no eligibility on the way).
        public var liveSeconds: SimTime = 0
        /// The fewest escalation steps seen (1: holds or may activate Global Administrator).
        public var minSteps: Int = .max
        /// When it first could reach Tier 0.
        public var firstReachable: SimTime?
    }

    /// Principals with a potential path over time ("effective Global Administrators").
    public var effective = StepStatistic()
    /// Principals with a live path over time.
    public var live = StepStatistic()
    /// Per principal (only those that ever reached Tier 0).
    public var principals: [NodeID: Principal] = [:]
    /// Per combination of two capabilities held apart (only those that ever reached Tier 0), by
    /// its key (`combination:sp:pki-sync+role:Authentication Policy Administrator`); potential
    /// reach only (`liveSeconds` stays 0).
    public var combinations: [String: Principal] = [:]
    /// The first instant at which `effective` took its maximum.
    public var peakTime: SimTime = 0
    /// Seconds during which some compromised account had a potential path to Tier 0.
    public var attackerReachableSeconds: SimTime = 0
    /// Seconds during which some compromised account had a live path.
    public var attackerLiveSeconds: SimTime = 0
    /// When a compromised account first had a potential path, if ever.
    public var attackerFirstReachable: SimTime?
    /// When a compromised account first had a live path, if ever.
    public var attackerFirstLive: SimTime?
    /// Reachability searches run (one per instant whose state changed).
    public var evaluations = 0
    /// The horizon.
    public var horizon: SimTime = 0
}
