#!/usr/bin/env python3
"""The report's size and render budget (issue 19), measured beside the quickstart's figure.

    python3 Benchmarks/report_bench.py [--users N] [--days D] [--out DIR] [--screenshots DIR]

Expects a release build of `pimsim` in .build/release and Debian's `chromium` (`./scripts/dev
report-bench` makes sure of both). Runs Scenarios/quickstart.yaml and Benchmarks/tenant.py's
tenant (default 100 000 users, 365 days) with --audit none, then loads each report.html in
headless Chromium three times and keeps the median render time: from navigation start to the
second animation frame after the load event, as the page's own clock measures it. Budget: under
2 MB and under 2 s for the large report.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PIMSIM = os.path.join(ROOT, ".build/release/pimsim")
sys.path.insert(0, os.path.join(ROOT, "Tests/Browser"))
from chromium import Chromium  # noqa: E402

SIZE_BUDGET = 2_000_000
RENDER_BUDGET_MS = 2_000


def run(scenario, folder):
    started = time.perf_counter()
    subprocess.run([PIMSIM, "run", scenario, "--output", folder, "--audit", "none"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--out", help="keep the runs' outputs here")
    parser.add_argument("--screenshots", help="write report-small.png and report-large.png here")
    options = parser.parse_args()
    scratch = options.out or tempfile.mkdtemp(prefix="pimsim-report-bench-")
    os.makedirs(scratch, exist_ok=True)
    tenant = os.path.join(scratch, "tenant.yaml")
    with open(tenant, "w") as out:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/tenant.py"), str(options.users), str(options.days)],
                       stdout=out, check=True)
    runs = [("quickstart (7 days)", os.path.join(ROOT, "Scenarios/quickstart.yaml"), os.path.join(scratch, "small"), "report-small.png"),
            (f"{options.users:,}".replace(",", " ") + f" users, {options.days} days", tenant, os.path.join(scratch, "large"), "report-large.png")]
    print("| report | pimsim run | report.html | render (median of 3) | budget | |")
    print("| --- | --- | --- | --- | --- | --- |")
    worst = True
    with Chromium() as browser:
        for name, scenario, folder, shot in runs:
            seconds = run(scenario, folder)
            path = os.path.join(folder, "report.html")
            size = os.path.getsize(path)
            times = [browser.load(path) for _ in range(3)]
            render = statistics.median(times)
            problems = browser.problems()
            met = size < SIZE_BUDGET and render < RENDER_BUDGET_MS and not problems
            worst = worst and met
            print(f"| {name} | {seconds:.1f} s | {size / 1e6:.3f} MB | {render:.0f} ms | < 2 MB, < 2 000 ms | "
                  f"{'met' if met else 'NOT met'}{' (' + '; '.join(problems[:3]) + ')' if problems else ''} |")
            if options.screenshots:
                os.makedirs(options.screenshots, exist_ok=True)
                browser.screenshot(os.path.join(options.screenshots, shot), until="#alerts")
    if not options.out:
        subprocess.run(["rm", "-rf", scratch])
    return 0 if worst else 1


if __name__ == "__main__":
    sys.exit(main())
