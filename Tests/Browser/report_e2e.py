#!/usr/bin/env python3
"""report.html in a real browser: loads a small and a large run's report in headless Chromium and
checks what a reader would notice (issue 19).

    python3 Tests/Browser/report_e2e.py SMALL_DIR LARGE_DIR [--screenshots DIR]

Each DIR holds a run's report.html. For each report: it renders without console errors or
exceptions, fetches nothing but itself, has every section and chart in its rendered DOM, no text
overflowing its chart (SVG text inside its drawing, no section wider than the page), and stays
within the size and render budget. The small report keeps its detail (one bar per activation,
step charts); the large one summarises (daily bands, role lanes, busiest users, ranked tables cut
with a count of the rest). Prints "N passed, N failed" last.
"""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import Chromium  # noqa: E402

SIZE_BUDGET = 2_000_000  # bytes
RENDER_BUDGET = 2_000  # ms, navigation start to the second frame after load

# Sections every report has (the graph and the comparison only when the run made them).
SECTIONS = ["glance", "charts", "activations", "rankings", "alerts", "metrics"]

# The rendered page, measured in the browser: one JSON object.
PROBE = r"""
(() => {
  const box = e => e.getBoundingClientRect();
  const sections = [...document.querySelectorAll('main > section')].map(s => ({
    id: s.id, height: box(s).height, overflow: s.scrollWidth - s.clientWidth,
    heading: (s.querySelector('h2') || {}).textContent || ''}));
  const nav = [...document.querySelectorAll('nav a')].map(a => a.getAttribute('href').slice(1));
  const charts = [...document.querySelectorAll('svg.chart')].map(svg => {
    const frame = box(svg);
    const scale = frame.width / svg.viewBox.baseVal.width;
    const outside = [];
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent.trim()) continue;
      const r = box(text);
      if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1)
        outside.push(text.textContent.trim().slice(0, 40));
    }
    return {classes: svg.getAttribute('class'), width: frame.width, height: frame.height, scale,
            marks: svg.querySelectorAll('path, rect').length, outside,
            figure: (svg.closest('figure') || {}).id || '', section: (svg.closest('section') || {}).id || ''};
  });
  const captions = [...document.querySelectorAll('figure.chart')].filter(f => f.scrollWidth > f.clientWidth + 1).length;
  const tables = [...document.querySelectorAll('table.ranked')].length;
  return {sections, nav, charts, captionsOverflowing: captions, rankedTables: tables,
          more: document.querySelectorAll('#rankings p.more').length,
          bars: document.querySelectorAll('#activations rect.bar').length,
          bands: document.querySelectorAll('#charts path.range').length,
          steps: document.querySelectorAll('#charts path.area').length,
          lanes: !!document.querySelector('#role-lanes svg'), busiest: !!document.querySelector('#busiest-users'),
          heat: ['heat-jit', 'heat-waits'].map(id => document.querySelectorAll('#' + id + ' rect').length),
          pageWidth: document.documentElement.scrollWidth, viewWidth: document.documentElement.clientWidth};
})()
"""


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"  ok    {name}")
        else:
            self.failed += 1
            print(f"  FAIL  {name}{': ' + detail if detail else ''}")


# A page with every fault the checks look for, to show that they find them: a console error, a
# fetch (of a loopback address: nothing leaves the machine), text running out of its chart.
FAULTY = """<!DOCTYPE html><html><body><main><section id="glance"><h2>x</h2>
<svg class="chart" viewBox="0 0 100 40" width="100" height="40"><rect width="10" height="10"/>
<text x="80" y="20">a label far too long for its chart</text></svg>
<img src="http://127.0.0.1:9/missing.png" alt=""/><script>console.error("broken")</script></section></main></body></html>
"""


def self_check(browser, checks, folder):
    """The checks fail where they should, on a page made faulty on purpose."""
    path = os.path.join(folder, "faulty.html")
    with open(path, "w") as out:
        out.write(FAULTY)
    browser.load(path)
    page = browser.evaluate(PROBE)
    own = "file://" + os.path.abspath(path)
    checks.check("self-check: a console error is caught", any("broken" in p for p in browser.problems()))
    checks.check("self-check: a fetch is caught", [u for u in browser.requests() if u != own] == ["http://127.0.0.1:9/missing.png"])
    checks.check("self-check: text outside its chart is caught", any(c["outside"] for c in page["charts"]))
    checks.check("self-check: missing sections are caught", [s["id"] for s in page["sections"]] == ["glance"])


def check_report(browser, checks, label, folder, large, screenshot):
    path = os.path.join(folder, "report.html")
    print(f"{label}: {path}")
    size = os.path.getsize(path)
    render = browser.load(path)
    print(f"  {size / 1e6:.2f} MB, rendered in {render:.0f} ms")
    checks.check(f"{label}: size under {SIZE_BUDGET // 1_000_000} MB", size < SIZE_BUDGET, f"{size} bytes")
    checks.check(f"{label}: renders in under {RENDER_BUDGET} ms", render < RENDER_BUDGET, f"{render:.0f} ms")
    problems = browser.problems()
    checks.check(f"{label}: no console error or exception", not problems, "; ".join(problems[:5]))
    own = "file://" + os.path.abspath(path)
    fetched = [url for url in browser.requests() if url != own]
    checks.check(f"{label}: fetches nothing but itself", not fetched, ", ".join(fetched[:5]))
    page = browser.evaluate(PROBE)
    ids = [s["id"] for s in page["sections"]]
    missing = [s for s in SECTIONS if s not in ids]
    checks.check(f"{label}: every section present", not missing, f"missing {missing}")
    empty = [s["id"] for s in page["sections"] if s["height"] < 40]
    checks.check(f"{label}: every section rendered with content", not empty, f"empty {empty}")
    dangling = [target for target in page["nav"] if target not in ids]
    checks.check(f"{label}: every navigation link has its section", not dangling, f"{dangling}")
    flat = [c for c in page["charts"] if c["width"] < 50 or c["height"] < 20 or c["marks"] == 0]
    checks.check(f"{label}: every chart drawn ({len(page['charts'])} charts)", page["charts"] and not flat,
                 f"{[c['classes'] for c in flat]}")
    series = [c for c in page["charts"] if c["section"] == "charts" and "heat" not in (c["classes"] or "")]
    checks.check(f"{label}: the series charts ({len(series)})", len(series) >= 3)
    checks.check(f"{label}: both weekday × hour heat maps, 168 cells each", page["heat"] == [168, 168], f"{page['heat']}")
    checks.check(f"{label}: five ranked tables", page["rankedTables"] == 5, f"{page['rankedTables']}")
    outside = [(c["classes"], c["outside"][:3]) for c in page["charts"] if c["outside"]]
    checks.check(f"{label}: no text outside its chart", not outside, f"{outside[:3]}")
    wide = [s["id"] for s in page["sections"] if s["overflow"] > 1]
    checks.check(f"{label}: no section wider than the page", not wide and page["pageWidth"] <= page["viewWidth"] + 1,
                 f"{wide}, page {page['pageWidth']} px in {page['viewWidth']} px")
    checks.check(f"{label}: no caption or chart scrolls sideways", page["captionsOverflowing"] == 0, f"{page['captionsOverflowing']}")
    if large:
        # Global Administrators and privileged users change thousands of times; a sparse series stays a step chart.
        checks.check(f"{label}: dense series drawn as bands", page["bands"] >= 2, f"{page['bands']} bands, {page['steps']} step charts")
        checks.check(f"{label}: timeline as role lanes and busiest users", page["lanes"] and page["busiest"])
        checks.check(f"{label}: ranked tables count the rows left out", page["more"] >= 1, f"{page['more']}")
        checks.check(f"{label}: rankings.csv beside the report", os.path.getsize(os.path.join(folder, "rankings.csv")) > 0)
    else:
        checks.check(f"{label}: step charts as before, no bands", page["steps"] >= 3 and page["bands"] == 0,
                     f"{page['steps']} step charts, {page['bands']} bands")
        checks.check(f"{label}: one bar per activation", page["bars"] > 0 and not page["lanes"], f"{page['bars']} bars")
    if screenshot:
        browser.screenshot(screenshot, until="#alerts")
        print(f"  screenshot: {screenshot}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("small")
    parser.add_argument("large")
    parser.add_argument("--screenshots", help="write report-small.png and report-large.png (the page down to its alerts) here")
    args = parser.parse_args()
    checks = Checks()
    shots = args.screenshots
    with Chromium() as browser, tempfile.TemporaryDirectory() as scratch:
        self_check(browser, checks, scratch)
        check_report(browser, checks, "small", args.small, False, shots and os.path.join(shots, "report-small.png"))
        check_report(browser, checks, "large", args.large, True, shots and os.path.join(shots, "report-large.png"))
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
