import Foundation

/// `report.html`: one self-contained page (inline CSS and SVG, no script, no network) showing a
/// run's metrics with their definitions, charts over time, the activation timeline, alerts, the
/// privilege graph and the variant comparison.
///
/// The output is XHTML-compatible markup (every element closed, every attribute quoted, only
/// the five XML entities), and a pure function of its input: the same input gives the same bytes.
/// Every name from the scenario goes through `Markup.html`.
public enum HTMLReport {
    /// The width of every chart's drawing, in CSS pixels.
    static let chartWidth = 1100.0

    /// Renders the whole document.
    public static func render(_ input: ReportInput) -> String {
        var body = header(input)
        body += navigation(input)
        body += glance(input)
        if let comparison = input.comparison { body += comparisonSection(comparison, input: input) }
        body += section("charts", "Over time", seriesCharts(input))
        body += section("activations", "Activation timeline", activationTimeline(input))
        body += section("rankings", "Rankings", rankingsSection(input))
        body += section("alerts", "Alerts", alertsSection(input))
        if let packages = packagesSection(input) { body += section("packages", "Access packages", packages) }
        if let graph = input.graphSVG { body += section("graph", "Privilege graph", graphSection(graph)) }
        body += section("metrics", "Metrics and definitions", metricsSection(input))
        body += "<footer><p>Written by pimsim from a simulated run. All times are simulated, in UTC.</p></footer>\n"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>pimsim · \(Markup.html(title(input)))</title>
        <style>
        \(stylesheet)</style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// The scenario's name, with the variant when one was run.
    static func title(_ input: ReportInput) -> String {
        input.run.variant.map { "\(input.scenario) · \($0)" } ?? input.scenario
    }

    /// A `<section>` with an anchor and a heading.
    static func section(_ id: String, _ heading: String, _ content: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(Markup.html(heading))</h2>\n\(content)</section>\n"
    }

    static func header(_ input: ReportInput) -> String {
        var html = "<header>\n<p class=\"kicker\">pimsim report</p>\n<h1>\(Markup.html(title(input)))</h1>\n"
        if let description = input.description, !description.isEmpty {
            html += "<p class=\"description\">\(Markup.html(description))</p>\n"
        }
        let end = TimeText.timestamp(epoch: input.startEpoch + input.horizon)
        let facts: [(String, String)] = [
            ("Scenario", input.scenario),
            ("Variant", input.run.variant ?? "baseline (as written)"),
            ("Seed", String(input.run.seed)),
            ("Simulated", "\(input.run.start) to \(end) (\(TimeText.duration(input.horizon)))"),
            ("Kernel events", String(input.run.events)),
        ]
        html += "<dl class=\"facts\">\n"
        for (term, value) in facts {
            html += "<div><dt>\(Markup.html(term))</dt><dd>\(Markup.html(value))</dd></div>\n"
        }
        return html + "</dl>\n</header>\n"
    }

    static func navigation(_ input: ReportInput) -> String {
        var links = [("glance", "At a glance")]
        if input.comparison != nil { links.append(("comparison", "Variant comparison")) }
        links += [("charts", "Over time"), ("activations", "Activation timeline"), ("rankings", "Rankings"), ("alerts", "Alerts")]
        if input.metric("accessPackages") != nil { links.append(("packages", "Access packages")) }
        if input.graphSVG != nil { links.append(("graph", "Privilege graph")) }
        links.append(("metrics", "Metrics"))
        let items = links.map { "<li><a href=\"#\($0.0)\">\(Markup.html($0.1))</a></li>" }.joined()
        return "<nav><ul>\(items)</ul></nav>\n"
    }

    /// The headline figures as cards.
    static func glance(_ input: ReportInput) -> String {
        func value(_ key: String) -> String { Markup.value(input.metric(key)) }
        let triggered = alertSummaries(input).filter { $0.incidents > 0 }.count
        let cards: [(String, String, String)] = [
            ("Privileged hours", value("privilegedHours.total"),
             "\(value("privilegedHours.standing")) standing · \(value("privilegedHours.jit")) just-in-time"),
            ("Standing admins", value("standingAdmins.max"),
             "max · \(value("standingAdmins.end")) at the end · mean \(value("standingAdmins.mean"))"),
            ("Global Administrators", "\(value("globalAdmins.min"))–\(value("globalAdmins.max"))",
             "min–max · \(value("globalAdmins.end")) at the end"),
            ("Activations", value("activations.granted"),
             "granted of \(value("activations.requested")) requested · \(value("activations.denied")) denied · \(value("activations.expired")) expired"),
            ("Blocked tasks", value("friction.tasks.blocked"),
             "of \(value("friction.tasks.arrived")) · p90 wait \(value("friction.waitMinutes.p90")) min"),
            ("Alerts", String(triggered), triggered == 1 ? "alert or check triggered" : "alerts or checks triggered"),
        ]
        var html = "<div class=\"cards\">\n"
        for (label, figure, detail) in cards {
            html += "<div class=\"card\"><p class=\"label\">\(Markup.html(label))</p><p class=\"figure\">\(Markup.html(figure))</p>"
                + "<p class=\"detail\">\(Markup.html(detail))</p></div>\n"
        }
        html += "</div>\n"
        return section("glance", "At a glance", html)
    }

    /// The privilege graph's SVG from its `<svg` element on: the XML declaration, DOCTYPE and
    /// comments before it (which a name could smuggle markup into) are dropped, and so is anything
    /// after the closing `</svg>`; nil when the text does not start with such a prolog and an element.
    public static func inlineSVG(_ svg: String) -> String? {
        var rest = Substring(svg)
        let prolog: [(open: String, close: String)] = [("<?", "?>"), ("<!--", "-->"), ("<!", ">")]
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            guard let part = prolog.first(where: { rest.hasPrefix($0.open) }) else { break }
            guard let end = rest.range(of: part.close, range: rest.index(rest.startIndex, offsetBy: part.open.count)..<rest.endIndex) else {
                return nil
            }
            rest = rest[end.upperBound...]
        }
        guard rest.hasPrefix("<svg"), let end = rest.range(of: "</svg>", options: .backwards) else { return nil }
        return String(rest[..<end.upperBound])
    }

    static func graphSection(_ svg: String) -> String {
        guard let inline = inlineSVG(svg) else {
            return "<p class=\"note\">The privilege graph could not be embedded (no SVG element).</p>\n"
        }
        return "<p class=\"note\">Who can reach which roles, drawn by Graphviz.</p>\n<div class=\"privilege-graph\">\n\(inline)\n</div>\n"
    }
}
