import ExposureMetrics

/// The readable summary `pimsim run` prints: exposure, activations, hygiene and roles.
public enum SummaryTable {
    /// Renders the summary as plain text lines (no colour, fixed decimals, locale-free).
    /// `reach` adds a line on Tier-0 reachability: (max, mean) of the principals with a potential
    /// path and of those with a live one.
    public static func render(
        _ metrics: CoreMetrics, run: MetricsDocument.RunInfo, horizonText: String,
        reach: (effectiveMax: Int, effectiveMean: Double, liveMax: Int, liveMean: Double)? = nil
    ) -> String {
        var lines: [String] = []
        let variant = run.variant.map { " · variant \($0)" } ?? ""
        lines.append("pimsim · \(run.scenario)\(variant) · seed \(run.seed) · \(run.start) + \(horizonText)")
        lines.append("")
        lines.append("Exposure")
        lines.append(row("privileged hours", [
            ("total", fixed(metrics.privilegedTotalSeconds)), ("standing", fixed(metrics.privilegedStandingSeconds)),
            ("just-in-time", fixed(metrics.privilegedJITSeconds)),
        ]))
        lines.append(row("standing admins", [
            ("max", "\(metrics.standingAdmins.max)"), ("end", "\(metrics.standingAdmins.value)"),
            ("mean", decimal(metrics.standingAdmins.mean(horizon: metrics.horizon))),
        ]))
        lines.append(row("global admins", [
            ("min", "\(metrics.globalAdmins.min)"), ("max", "\(metrics.globalAdmins.max)"),
            ("end", "\(metrics.globalAdmins.value)"), ("mean", decimal(metrics.globalAdmins.mean(horizon: metrics.horizon))),
        ]))
        if let reach {
            lines.append(row("can reach Tier 0", [
                ("max", "\(reach.effectiveMax)"), ("mean", decimal(reach.effectiveMean)),
                ("live max", "\(reach.liveMax)"), ("live mean", decimal(reach.liveMean)),
            ]))
        }
        let a = metrics.activations
        lines.append("Activations")
        lines.append(row("requests", [
            ("requested", "\(a.requested)"), ("granted", "\(a.granted)"), ("denied", "\(a.denied)"),
            ("expired", "\(a.expired)"), ("rejected", "\(a.rejected)"), ("cancelled", "\(a.cancelled)"),
            ("pending", "\(a.pending)"),
        ]))
        lines.append("Hygiene")
        lines.append(row("orphaned assignments", [("", "\(metrics.orphanedAssignments)")]))
        if !metrics.roles.isEmpty {
            let width = max(28, metrics.roles.map(\.name.count).max() ?? 0)
            lines.append("")
            lines.append(pad("Role", width + 2) + pad("privileged", 12, left: true) + pad("held h", 12, left: true)
                + pad("standing h", 12, left: true) + pad("eligible h", 12, left: true))
            for role in metrics.roles {
                lines.append("  " + pad(role.name, width) + pad(role.privileged ? "yes" : "no", 12, left: true)
                    + pad(fixed(role.activeSeconds), 12, left: true) + pad(fixed(role.standingSeconds), 12, left: true)
                    + pad(fixed(role.eligibleSeconds), 12, left: true))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ label: String, _ cells: [(String, String)]) -> String {
        let body = cells.map { $0.0.isEmpty ? $0.1 : "\($0.0) \($0.1)" }.joined(separator: "   ")
        return "  " + pad(label, 22) + body
    }

    /// Seconds as hours with two decimals.
    static func fixed(_ seconds: Int64) -> String { decimal(Double(seconds) / 3600) }

    /// Two decimals, rounded half away from zero, without locale.
    static func decimal(_ value: Double) -> String { Markup.fixed(value, decimals: 2) }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}
