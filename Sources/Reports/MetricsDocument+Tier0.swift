import PrivilegeGraph
import TenantModel

extension MetricsDocument {
    /// `tier0`: reachability of Tier 0 over time.
    static func tier0JSON(_ metrics: Tier0Metrics, scenario: Scenario) -> JSONValue {
        let horizon = metrics.horizon
        func time(_ offset: Int64?) -> JSONValue {
            offset.map { .string(TimeText.timestamp(epoch: scenario.startEpoch + $0)) } ?? .null
        }
        var principals: [String: JSONValue] = [:]
        var total: Int64 = 0, live: Int64 = 0
        for (node, figures) in metrics.principals {
            total += figures.reachableSeconds
            live += figures.liveSeconds
            let (id, kind) = name(of: node, in: scenario)
            principals[id] = .object([
                "kind": .string(kind),
                "reachableHours": hours(figures.reachableSeconds),
                "liveReachableHours": hours(figures.liveSeconds),
                "minSteps": figures.minSteps == .max ? .null : .integer(Int64(figures.minSteps)),
                "firstReachable": time(figures.firstReachable),
            ])
        }
        var fields: [String: JSONValue] = [
            "effectiveGlobalAdmins": step(metrics.effective, horizon: horizon),
            "liveGlobalAdmins": step(metrics.live, horizon: horizon),
            "reachableHours": hours(total),
            "liveReachableHours": hours(live),
            "peak": .object(["time": time(metrics.peakTime), "effectiveGlobalAdmins": .integer(Int64(metrics.effective.max))]),
            "principals": .object(principals),
            "attacker": .object([
                "reachableHours": hours(metrics.attackerReachableSeconds),
                "liveReachableHours": hours(metrics.attackerLiveSeconds),
                "firstReachable": time(metrics.attackerFirstReachable),
                "firstLive": time(metrics.attackerFirstLive),
            ]),
        ]
        // Only when some combination reached Tier 0: other scenarios' files stay as they were.
        if !metrics.combinations.isEmpty {
            fields["combinations"] = .object(metrics.combinations.mapValues { figures in
                .object([
                    "reachableHours": hours(figures.reachableSeconds),
                    "minSteps": figures.minSteps == .max ? .null : .integer(Int64(figures.minSteps)),
                    "firstReachable": time(figures.firstReachable),
                ])
            })
        }
        return .object(fields)
    }

    /// A principal's scenario id and kind.
    static func name(of node: NodeID, in scenario: Scenario) -> (String, String) {
        switch node.kind {
        case .servicePrincipal: return (scenario.tenant.servicePrincipals[Int(node.index)].id, "servicePrincipal")
        default: return (scenario.tenant.users[Int(node.index)].id, "user")
        }
    }
}
