import Reports

/// `pareto.svg`: a hand-written, self-contained SVG of a sweep's points, exposure against friction.
///
/// One panel per (exposure, friction) pair: the x axis is the exposure metric's mean, the y axis
/// the friction metric's; every grid point is a numbered circle, filled when it is on the Pareto
/// front of all the chosen metrics; the line joins the front of the two metrics shown. The bytes
/// depend only on the report: coordinates are rounded to two decimals without a locale.
public enum ParetoChart {
    static let panelWidth = 560.0
    static let panelHeight = 400.0
    static let plot = (left: 84.0, right: 24.0, top: 44.0, bottom: 64.0)
    static let titleHeight = 36.0
    static let legendLine = 18.0

    /// The SVG document.
    public static func svg(_ report: SweepReport) -> String {
        let exposure = report.exposure.isEmpty ? [""] : report.exposure
        let friction = report.friction.isEmpty ? [""] : report.friction
        let width = panelWidth * Double(friction.count)
        let legendTop = titleHeight + panelHeight * Double(exposure.count) + 8
        let height = legendTop + legendLine * Double(report.points.count + 3) + 8
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" font-family="sans-serif" font-size="12">

        """
        svg += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>\n"
        let variant = report.variant.map { ", variant \($0)" } ?? ""
        svg += text(12, 24, "Pareto front: \(report.header.scenario)\(variant), \(report.points.count) grid points × \(report.header.replications) replications (means)",
                    attributes: "font-size=\"15\" font-weight=\"bold\"")
        for (row, x) in exposure.enumerated() {
            for (column, y) in friction.enumerated() {
                svg += panel(report, x: x, y: y, left: panelWidth * Double(column), top: titleHeight + panelHeight * Double(row))
            }
        }
        svg += legend(report, top: legendTop)
        svg += "</svg>\n"
        return svg
    }

    private static func panel(_ report: SweepReport, x xKey: String, y yKey: String, left: Double, top: Double) -> String {
        var svg = "<g>\n"
        let x0 = left + plot.left, x1 = left + panelWidth - plot.right
        let y0 = top + panelHeight - plot.bottom, y1 = top + plot.top
        svg += text(left + plot.left, top + 24, "\(yKey) against \(xKey)", attributes: "font-weight=\"bold\"")
        let data: [(index: Int, x: Double, y: Double, front: Bool)] = report.points.enumerated().compactMap { index, point in
            guard let x = point.metrics[xKey]?.mean, let y = point.metrics[yKey]?.mean else { return nil }
            return (index, x, y, point.pareto)
        }
        guard !data.isEmpty else {
            svg += text((x0 + x1) / 2, (y0 + y1) / 2, "no data", attributes: "text-anchor=\"middle\" fill=\"#666666\"")
            return svg + "</g>\n"
        }
        let xAxis = ValueAxis(fitting: data.map(\.x)), yAxis = ValueAxis(fitting: data.map(\.y))
        func px(_ value: Double) -> Double { xAxis.position(value, from: x0, to: x1) }
        func py(_ value: Double) -> Double { yAxis.position(value, from: y0, to: y1) }
        svg += "<rect x=\"\(n(x0))\" y=\"\(n(y1))\" width=\"\(n(x1 - x0))\" height=\"\(n(y0 - y1))\" fill=\"none\" stroke=\"#cccccc\"/>\n"
        for tick in xAxis.steppedTicks {
            let x = px(tick)
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(y0))\" x2=\"\(n(x))\" y2=\"\(n(y0 + 5))\" stroke=\"#333333\"/>\n"
            svg += text(x, y0 + 18, Markup.fixed(tick, decimals: xAxis.decimals), attributes: "text-anchor=\"middle\"")
        }
        for tick in yAxis.steppedTicks {
            let y = py(tick)
            svg += "<line x1=\"\(n(x0 - 5))\" y1=\"\(n(y))\" x2=\"\(n(x0))\" y2=\"\(n(y))\" stroke=\"#333333\"/>\n"
            svg += text(x0 - 8, y + 4, Markup.fixed(tick, decimals: yAxis.decimals), attributes: "text-anchor=\"end\"")
        }
        svg += "<line x1=\"\(n(x0))\" y1=\"\(n(y0))\" x2=\"\(n(x1))\" y2=\"\(n(y0))\" stroke=\"#333333\"/>\n"
        svg += "<line x1=\"\(n(x0))\" y1=\"\(n(y0))\" x2=\"\(n(x0))\" y2=\"\(n(y1))\" stroke=\"#333333\"/>\n"
        svg += text((x0 + x1) / 2, y0 + 40, "\(xKey) (exposure, lower is better)", attributes: "text-anchor=\"middle\"")
        let yMiddle = (y0 + y1) / 2
        svg += text(left + 18, yMiddle, "\(yKey) (friction, lower is better)",
                    attributes: "text-anchor=\"middle\" transform=\"rotate(-90 \(n(left + 18)) \(n(yMiddle)))\"")
        let front = ParetoFront.indices(data.map { [$0.x, $0.y] }).map { data[$0] }.sorted { ($0.x, $0.y, $0.index) < ($1.x, $1.y, $1.index) }
        if front.count > 1 {
            // A staircase: between two front points, only the corner both dominate is attainable.
            var corners: [String] = []
            for (index, point) in front.enumerated() {
                if index > 0 { corners.append("\(n(px(point.x))),\(n(py(front[index - 1].y)))") }
                corners.append("\(n(px(point.x))),\(n(py(point.y)))")
            }
            svg += "<polyline points=\"\(corners.joined(separator: " "))\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n"
        }
        for point in data {
            let fill = point.front ? "#1f77b4" : "#ffffff"
            svg += "<circle cx=\"\(n(px(point.x)))\" cy=\"\(n(py(point.y)))\" r=\"5\" fill=\"\(fill)\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/>\n"
            svg += text(px(point.x) + 7, py(point.y) - 7, String(point.index + 1), attributes: "font-size=\"11\"")
        }
        return svg + "</g>\n"
    }

    private static func legend(_ report: SweepReport, top: Double) -> String {
        let objectives = (report.exposure + report.friction).joined(separator: ", ")
        var svg = "<circle cx=\"18\" cy=\"\(n(top + 8))\" r=\"5\" fill=\"#1f77b4\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/>\n"
        svg += text(28, top + 12, "on the Pareto front of \(objectives)")
        let second = top + 8 + legendLine
        svg += "<circle cx=\"18\" cy=\"\(n(second))\" r=\"5\" fill=\"#ffffff\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/>\n"
        svg += text(28, second + 4, "dominated")
        svg += "<line x1=\"110\" y1=\"\(n(second))\" x2=\"140\" y2=\"\(n(second))\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n"
        svg += text(148, second + 4, "the front of the two metrics of a panel (lower and further left is better)")
        for (index, point) in report.points.enumerated() {
            svg += text(12, top + 12 + legendLine * Double(index + 2), "\(index + 1): \(point.label)")
        }
        return svg
    }

    private static func text(_ x: Double, _ y: Double, _ content: String, attributes: String = "") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\"\(attributes.isEmpty ? "" : " " + attributes)>\(escape(content))</text>\n"
    }

    /// Text safe inside an XML element or a quoted attribute (the report's escaping).
    public static func escape(_ text: String) -> String { Markup.html(text) }

    /// A coordinate with two decimals, trailing zeros dropped (the report's SVG coordinates).
    static func n(_ value: Double) -> String { Markup.coordinate(value, decimals: 2) }
}
