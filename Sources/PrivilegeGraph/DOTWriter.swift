/// Writes a privilege graph as Graphviz DOT text: deterministic order, every name quoted and
/// escaped, styles by edge kind and colours by tier, with a legend.
public enum DOTWriter {
    /// A DOT quoted string: quotes and backslashes escaped, line breaks as `\n`, other control
    /// characters as spaces. Non-ASCII text is kept (the graph declares UTF-8).
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": break
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { result += " " } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// The DOT text of a graph.
    public static func write(_ graph: PrivilegeGraph, legend: Bool = true) -> String {
        var lines: [String] = []
        lines.append("digraph privileges {")
        let caption = ([graph.title] + graph.notes).filter { !$0.isEmpty }.joined(separator: "\n")
        lines.append("  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, labeljust=l, "
                     + "nodesep=0.3, ranksep=0.6, label=\(quote(caption))];")
        lines.append("  node [fontname=\"Helvetica\", fontsize=11, style=\"filled\", penwidth=1.2];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];")
        for key in graph.sortedKeys {
            guard let node = graph.nodes[key] else { continue }
            lines.append("  \(quote(key)) [\(nodeAttributes(node))];")
        }
        for link in graph.links {
            lines.append("  \(quote(link.from)) -> \(quote(link.to)) [\(edgeAttributes(link))];")
        }
        if legend { lines.append(contentsOf: legendLines()) }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func nodeAttributes(_ node: PrivilegeGraph.Node) -> String {
        var label = node.label
        if let steps = node.steps, node.kind == .user || node.kind == .servicePrincipal {
            label += "\nTier 0 in \(steps) step\(steps == 1 ? "" : "s")"
        }
        let (fill, border) = colours(node.tier)
        var attributes = [
            "id=\(quote(node.key))", "label=\(quote(label))", "shape=\(shape(node))",
            "fillcolor=\"\(fill)\"", "color=\"\(border)\"", "tooltip=\(quote(node.key))",
        ]
        if node.kind == .role || node.kind == .scopedRole { attributes[2] = "shape=box, style=\"rounded,filled\"" }
        if node.kind == .scopedRole { attributes[2] = "shape=box, style=\"rounded,filled,dashed\"" }
        if node.kind == nil { attributes.append("style=\"filled,dashed\"") }
        return attributes.joined(separator: ", ")
    }

    static func shape(_ node: PrivilegeGraph.Node) -> String {
        switch node.kind {
        case .tenant: return "doubleoctagon"
        case .role, .scopedRole: return "box"
        case .combination: return "invhouse"
        case .accessPackage: return "box3d"
        case .group: return "folder"
        case .application: return "tab"
        case .servicePrincipal: return "component"
        case .user: return "ellipse"
        case nil: return "note"
        }
    }

    /// Fill and border colours of a tier.
    static func colours(_ tier: PrivilegeGraph.Tier) -> (String, String) {
        switch tier {
        case .tier0: return ("#f6c9c4", "#a93226")
        case .privileged: return ("#fde3c4", "#b9770e")
        case .other: return ("#eceff1", "#7f8c8d")
        }
    }

    /// The text written on an edge.
    public static func edgeLabel(_ link: PrivilegeGraph.Link) -> String {
        var text: String
        switch link.kind {
        case .memberOf: text = "member"
        case .eligibleMember: text = "eligible member"
        case .activatedMember: text = "activated member"
        case .owns: text = "owner"
        case .eligibleOwner: text = "eligible owner"
        case .activatedOwner: text = "activated owner"
        case .standing: text = "active"
        case .eligible: text = "eligible"
        case .activated: text = "activated"
        case .approverOf: text = "approver"
        case .runsAs: text = "runs as"
        case .controls: text = "controls"
        case .grantRole: text = "grant any role"
        case .grantAppRoles: text = "grant app roles"
        case .resetPassword: text = "reset password"
        case .resetAuthentication: text = "reset MFA + password"
        case .addMembers: text = "add members"
        case .addSecret: text = "add secret"
        case .addOwner: text = "add owner"
        case .writeAttributes: text = "write attributes (joins)"
        case .signInWithCertificate: text = "sign in with certificate"
        case .combines: text = "combined"
        case .packageMember: text = "grants member"
        case .packageOwner: text = "grants owner"
        case .packageActive: text = "grants active"
        case .packageEligible: text = "grants eligible"
        case .packageAppRole: text = "grants app role"
        case .requestsPackage: text = "requests (no approval)"
        case .mayRequestPackage: text = "may request"
        case .approvesPackage: text = "approves every stage"
        }
        if !link.gates.isEmpty { text += "\n" + link.gates.names.joined(separator: ", ") }
        if let scope = link.scope { text += "\nscope " + scope }
        switch link.change {
        case .kept: return text
        case .added: return "+ " + text
        case .removed: return "- " + text
        }
    }

    static func edgeAttributes(_ link: PrivilegeGraph.Link, labelled: Bool = true) -> String {
        var style: String, colour: String, width = "1.0"
        switch link.kind {
        case .standing: (style, colour, width) = ("bold", "#1b2631", "2.2")
        case .eligible, .eligibleMember, .eligibleOwner: (style, colour) = ("dashed", "#2471a3")
        case .activated, .activatedMember, .activatedOwner: (style, colour, width) = ("solid", "#1e8449", "1.6")
        case .approverOf: (style, colour) = ("dotted", "#7f8c8d")
        case .memberOf, .owns, .runsAs: (style, colour) = ("solid", "#566573")
        case .controls, .grantRole, .grantAppRoles, .resetPassword, .resetAuthentication, .addMembers, .addSecret, .addOwner,
             .writeAttributes, .signInWithCertificate:
            (style, colour, width) = ("solid", "#c0392b", "1.4")
        case .combines: (style, colour, width) = ("tapered", "#c0392b", "2.0")
        case .packageMember, .packageOwner, .packageActive, .packageAppRole: (style, colour, width) = ("solid", "#7d3c98", "1.6")
        case .packageEligible: (style, colour) = ("dashed", "#7d3c98")
        case .requestsPackage, .approvesPackage: (style, colour, width) = ("solid", "#c0392b", "1.4")
        case .mayRequestPackage: (style, colour) = ("dotted", "#7d3c98")
        }
        switch link.change {
        case .kept: break
        case .added: (colour, width) = ("#1e8449", "2.6")
        case .removed: (style, colour, width) = ("dashed", "#c0392b", "2.6")
        }
        var attributes = ["label=\(labelled ? quote(edgeLabel(link)) : "\"\"")", "style=\(style)", "color=\"\(colour)\"", "fontcolor=\"\(colour)\"",
                          "penwidth=\(width)"]
        if link.kind == .approverOf { attributes.append("arrowhead=odot") }
        return attributes.joined(separator: ", ")
    }

    /// One compact legend node (a Graphviz HTML-like table of fixed text): tiers by colour,
    /// edge kinds by style.
    static func legendLines() -> [String] {
        var rows: [String] = []
        for (tier, text) in [(PrivilegeGraph.Tier.tier0, "can reach Tier 0"), (.privileged, "privileged"), (.other, "other")] {
            let (fill, border) = colours(tier)
            rows.append("<TR><TD BGCOLOR=\"\(fill)\" COLOR=\"\(border)\" BORDER=\"1\">    </TD><TD ALIGN=\"LEFT\">\(text)</TD></TR>")
        }
        let samples: [(String, String, String)] = [
            ("#1b2631", "━━ bold", "active (standing)"), ("#2471a3", "╌╌ dashed", "eligible, with its gates"),
            ("#1e8449", "── solid", "activated"), ("#c0392b", "── red", "escalation right"), ("#7f8c8d", "·· dotted", "approver"),
        ]
        for (colour, line, text) in samples {
            rows.append("<TR><TD><FONT COLOR=\"\(colour)\">\(line)</FONT></TD><TD ALIGN=\"LEFT\">\(text)</TD></TR>")
        }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
            + "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>" + rows.joined() + "</TABLE>"
        return ["  \"legend\" [shape=plaintext, style=\"\", fontsize=9, label=<\(table)>];"]
    }
}
