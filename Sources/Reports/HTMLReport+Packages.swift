/// The report's section on entitlement management: requests by outcome, each approval stage,
/// assignments, and the privileged hours reached through access packages.
extension HTMLReport {
    /// The section's content, or nil when the run has no access packages.
    static func packagesSection(_ input: ReportInput) -> String? {
        guard case .object(let packages)? = input.metric("accessPackages") else { return nil }
        func value(_ key: String) -> String { Markup.value(input.metric("accessPackages." + key)) }
        var html = "<p class=\"note\">Entitlement management: users request access packages, approvers decide each stage in "
            + "order, and an assignment grants every resource of its package until it expires, is removed, or a review denies it "
            + "(see docs/access-packages.md). Privileged hours “via packages” are user-hours of privileged roles held with a "
            + "package assignment on the way; the rest came through PIM assignments and activations alone.</p>\n"
        html += "<div class=\"cards\">\n"
            + card("Privileged hours via packages", value("privilegedHours.viaPackages"), "\(value("privilegedHours.pimOnly")) through PIM only")
            + card("Requests fulfilled", value("requests.fulfilled"),
                   "of \(value("requests.submitted")) · \(value("requests.denied")) denied · \(value("requests.timedOut")) timed out")
            + card("Assignments", value("assignments.started"),
                   "\(value("assignments.expired")) expired · \(value("assignments.removed")) removed · \(value("assignments.reviewDenied")) denied by review")
            + "</div>\n"
        let outcomes = ["submitted", "fulfilled", "denied", "timedOut", "rejected", "cancelled", "pending"]
        html += "<h3>Requests</h3>\n<table class=\"data\">\n<thead><tr><th>Kind</th>"
            + outcomes.map { "<th class=\"num\">\(Markup.html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (kind, label) in [("requests", "New assignments"), ("extensions", "Extensions")] {
            html += "<tr><td>\(label)</td>" + outcomes.map { "<td class=\"num\">\(value(kind + "." + $0))</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if case .object(let stages)? = packages["stages"], !stages.isEmpty {
            let columns = ["started", "approved", "denied", "timedOut", "escalated", "fallback"]
            html += "<h3>Approval stages</h3>\n<table class=\"data\">\n<thead><tr><th>Stage</th>"
                + columns.map { "<th class=\"num\">\(Markup.html($0))</th>" }.joined()
                + "<th class=\"num\">decision p50 (h)</th><th class=\"num\">decision p90 (h)</th></tr></thead>\n<tbody>\n"
            for name in stages.keys.sorted() {
                html += "<tr><td>\(Markup.html(name))</td>" + columns.map { "<td class=\"num\">\(value("stages.\(name).\($0)"))</td>" }.joined()
                    + "<td class=\"num\">\(value("stages.\(name).latencyHours.p50"))</td><td class=\"num\">\(value("stages.\(name).latencyHours.p90"))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if case .object(let perPackage)? = packages["packages"] {
            html += "<h3>Packages</h3>\n<table class=\"data\">\n<thead><tr><th>Package</th><th class=\"num\">Requests</th>"
                + "<th class=\"num\">Fulfilled</th><th class=\"num\">Assignments</th><th class=\"num\">Privileged hours</th></tr></thead>\n<tbody>\n"
            for id in perPackage.keys.sorted() {
                let prefix = "accessPackages.packages.\(id)."
                func own(_ key: String) -> String { Markup.value(input.metric(prefix + key)) }
                html += "<tr><td>\(Markup.html(id))</td><td class=\"num\">\(own("requests.submitted"))</td>"
                    + "<td class=\"num\">\(own("requests.fulfilled"))</td><td class=\"num\">\(own("assignments"))</td>"
                    + "<td class=\"num\">\(own("privilegedHours"))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html
    }

    /// One headline card.
    private static func card(_ title: String, _ value: String, _ detail: String) -> String {
        "<div class=\"card\"><p class=\"label\">\(Markup.html(title))</p><p class=\"figure\">\(Markup.html(value))</p>"
            + "<p class=\"detail\">\(Markup.html(detail))</p></div>\n"
    }
}
