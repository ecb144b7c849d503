extension HTMLReport {
    /// The report's stylesheet: system fonts only, colours as CSS classes shared by HTML and SVG.
    /// (It must not contain `<` or `&`, so that the document stays well-formed XML.)
    static let stylesheet = """
    :root { --ink: #1f2933; --muted: #616e7c; --line: #d9dee5; --paper: #ffffff; --wash: #f4f6f9; --accent: #1d4ed8; }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--wash); color: var(--ink);
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
    main { max-width: 1180px; margin: 0 auto; padding: 24px 20px 40px; }
    header { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; }
    .kicker { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: .06em; text-transform: uppercase; font-size: 12px; }
    h1 { margin: 4px 0 6px; font-size: 26px; overflow-wrap: anywhere; }
    h2 { margin: 0 0 10px; font-size: 19px; }
    h3 { margin: 18px 0 8px; font-size: 15px; }
    .description { margin: 0 0 12px; color: var(--muted); white-space: pre-line; overflow-wrap: anywhere; }
    dl.facts { display: flex; flex-wrap: wrap; gap: 6px 26px; margin: 0; }
    dl.facts div { display: flex; gap: 6px; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
    nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 10px 4px; margin: 0; }
    nav a { color: var(--accent); text-decoration: none; }
    section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 16px 22px; margin: 0 0 16px; }
    .note { color: var(--muted); margin: 0 0 10px; }
    .note.warn { color: #9a3412; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--wash); }
    .card p { margin: 0; }
    .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
    .card .figure { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
    .card .detail { color: var(--muted); font-size: 12px; }
    figure { margin: 0 0 14px; overflow-x: auto; }
    figcaption { margin: 0 0 4px; }
    figcaption .stats { color: var(--muted); margin-left: 10px; font-size: 13px; }
    svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
    svg.chart text { fill: var(--muted); font-family: inherit; }
    svg.chart text.rowlabel { fill: var(--ink); }
    svg.chart .band { fill: #f7f8fa; }
    svg.chart .weekend { fill: #eef0f4; }
    svg.chart .grid { stroke: #d4d9e0; stroke-width: 1; }
    svg.chart .grid.minor { stroke: #eceff3; }
    svg.chart .axis { stroke: #8a96a3; stroke-width: 1; }
    svg.chart .line { fill: none; stroke-width: 2; stroke-linejoin: round; }
    svg.chart .area { stroke: none; opacity: .14; }
    svg.s0 .line { stroke: #1d4ed8; } svg.s0 .area { fill: #1d4ed8; }
    svg.s1 .line { stroke: #b91c1c; } svg.s1 .area { fill: #b91c1c; }
    svg.s2 .line { stroke: #6d28d9; } svg.s2 .area { fill: #6d28d9; }
    svg.s3 .line { stroke: #047857; } svg.s3 .area { fill: #047857; }
    svg.s4 .line { stroke: #b45309; } svg.s4 .area { fill: #b45309; }
    svg.s5 .line { stroke: #0e7490; } svg.s5 .area { fill: #0e7490; }
    svg.chart .bar { stroke: none; }
    svg.chart .range { stroke: none; opacity: .28; }
    svg.s0 .range { fill: #1d4ed8; } svg.s1 .range { fill: #b91c1c; } svg.s2 .range { fill: #6d28d9; }
    svg.s3 .range { fill: #047857; } svg.s4 .range { fill: #b45309; } svg.s5 .range { fill: #0e7490; }
    figcaption .kind { color: var(--muted); font-size: 12px; border: 1px solid var(--line); border-radius: 9px; padding: 0 7px; margin-left: 6px; }
    svg.heat .h0 { fill: #f3f4f6; } svg.heat .h1 { fill: #dbeafe; } svg.heat .h2 { fill: #93c5fd; }
    svg.heat .h3 { fill: #3b82f6; } svg.heat .h4 { fill: #1d4ed8; } svg.heat .h5 { fill: #1e3a8a; }
    svg.heat .hnone { fill: none; stroke: #e5e7eb; }
    svg.lanes .d0 { fill: #f3f4f6; } svg.lanes .d1 { fill: #dbeafe; } svg.lanes .d2 { fill: #93c5fd; }
    svg.lanes .d3 { fill: #3b82f6; } svg.lanes .d4 { fill: #1d4ed8; } svg.lanes .d5 { fill: #1e3a8a; }
    .swatch.d1 { background: #dbeafe; } .swatch.d3 { background: #3b82f6; } .swatch.d5 { background: #1e3a8a; }
    .r-expired { fill: #3b82f6; background: #3b82f6; }
    .r-deactivated { fill: #10b981; background: #10b981; }
    .r-eligibilityLost { fill: #f59e0b; background: #f59e0b; }
    .r-userDisabled { fill: #ef4444; background: #ef4444; }
    .r-revoked { fill: #8b5cf6; background: #8b5cf6; }
    .r-active { fill: #8b5cf6; background: #8b5cf6; }
    .r-other, .sev-other { fill: #9ca3af; background: #9ca3af; }
    .sev-high { fill: #dc2626; background: #dc2626; }
    .sev-medium { fill: #f59e0b; background: #f59e0b; }
    .sev-low { fill: #3b82f6; background: #3b82f6; }
    .sev-shall { fill: #7c3aed; background: #7c3aed; }
    .sev-should { fill: #c084fc; background: #c084fc; }
    svg.chart .v0 { fill: #94a3b8; } svg.chart .v1 { fill: #60a5fa; } svg.chart .v2 { fill: #a78bfa; } svg.chart .v3 { fill: #34d399; } svg.chart .v4 { fill: #fbbf24; } svg.chart .v5 { fill: #f472b6; }
    svg.chart .bar.differs { stroke: #111827; stroke-width: 1.5; }
    svg.chart .whisker { stroke: #111827; stroke-width: 1.5; }
    ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 0 0 8px; color: var(--muted); }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
    table.data { border-collapse: collapse; width: 100%; margin: 0 0 12px; }
    table.data caption { text-align: left; font-weight: 600; padding: 6px 0; }
    table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
    table.data td { overflow-wrap: anywhere; }
    table.data thead th { color: var(--muted); font-weight: 600; font-size: 12px; }
    table.data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.data tr.group th { background: var(--wash); font-size: 13px; }
    table.data tr.triggered td:first-child { font-weight: 600; }
    table.compact td { padding: 3px 8px; }
    table.metrics td:first-child { white-space: nowrap; }
    td.differs, span.differs { background: #fef3c7; font-weight: 700; }
    .pill { display: inline-block; white-space: nowrap; padding: 0 8px; border-radius: 9px; color: #fff; font-size: 12px; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
    details { margin: 6px 0; }
    summary { cursor: pointer; color: var(--accent); }
    dl.columns, dl.variants { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 12px;
      color: var(--muted); font-size: 13px; }
    dl.columns div, dl.variants div { display: contents; }
    dl.columns dt, dl.variants dt { font-weight: 600; color: var(--ink); }
    dl.columns dd, dl.variants dd { margin: 0; }
    .panels { display: flex; flex-wrap: wrap; gap: 8px 24px; }
    figure.panel { margin: 0 0 8px; }
    div.privilege-graph { overflow: auto; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
    div.privilege-graph > svg { max-width: 100%; height: auto; }
    footer { color: var(--muted); text-align: center; font-size: 12px; }

    """
}
