#!/usr/bin/env python3
"""Issue 11's targets, each measured and printed beside its goal, in one run.

    python3 Benchmarks/targets.py [--users N] [--scale] [--audit-only] [--audit-rounds N] [--out DIR]

Expects release builds of `pimsim` and `pimsim-bench` in .build/release and SimPy installed
(`./scripts/dev bench` does both). Times are wall-clock seconds of one run each (CPU seconds,
user + system, in brackets: they move less when the machine is busy); memory is peak RSS.

--scale adds the 1 000 000-user run of target 4 (several minutes); without it, target 4 is
fitted on 10 000, 30 000 and 100 000 users and the million is left out.
"""
import argparse
import fcntl
import json
import mmap
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PIMSIM = os.path.join(ROOT, ".build/release/pimsim")
BENCH = os.path.join(ROOT, ".build/release/pimsim-bench")


def measure(command, **kwargs):
    """Runs a command; returns (wall s, cpu s, peak MiB, stdout)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, **kwargs)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def tenant(users, path, variant=False):
    with open(path, "w") as out:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/tenant.py"), str(users), "365"], stdout=out, check=True)
        if variant:
            approver = "u" + str(users).zfill(len(str(users)))
            out.write("variants:\n  approval-everywhere:\n    description: every activation approved\n"
                      "    patch: {policies: {default: {activation: {requireApproval: true, approvers: [" + approver + "]}}}}\n")
    return path


def row(name, figure, goal, met):
    print(f"| {name} | {figure} | {goal} | {'' if met is None else 'met' if met else 'NOT met'} |")


def plain_write(path, size, direct):
    """Writes `size` bytes to a new file in 4 MiB writes, as a plain program would; returns
    (wall s, cpu s). With `direct`, the blocks bypass the page cache (O_DIRECT), as pimsim's
    JSON Lines writer does where the file system allows it."""
    block = mmap.mmap(-1, 4 << 20)  # page-aligned, as O_DIRECT needs
    block.write(b"x" * len(block))
    before, started = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | (getattr(os, "O_DIRECT", 0) if direct else 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError:
        fd = os.open(path, flags & ~getattr(os, "O_DIRECT", 0), 0o644)
    left = size
    while left >= len(block):
        os.write(fd, block)
        left -= len(block)
    if left:
        if direct:
            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~getattr(os, "O_DIRECT", 0))
        os.write(fd, memoryview(block)[:left])
    os.close(fd)
    wall, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF)
    os.remove(path)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def audit_target(path, scratch, rounds):
    """Target 2: `--audit jsonl` and `--audit sqlite` against `--audit none` on the same tenant,
    alternating the three `rounds` times and keeping each one's fastest run by the clock (the
    least disturbed by anything else on the machine), with its CPU time and peak memory; records per second of what the log adds, by the clock and
    per CPU second."""
    best = {}
    for _ in range(rounds):
        for kind in ("none", "jsonl", "sqlite"):
            figures = measure([PIMSIM, "run", path, "--audit", kind, "--output", os.path.join(scratch, f"audit-{kind}")])
            previous = best.get(kind)
            best[kind] = figures[:3] if previous is None else min(previous, figures[:3])
    wall, cpu, memory = best["none"]
    row("2. (baseline) `--audit none`", f"{wall:.2f} s [{cpu:.2f}], {memory:.0f} MiB (fastest of {rounds})", "", None)
    sizes = {}
    for kind, goal_rate in (("jsonl", 1_000_000), ("sqlite", 300_000)):
        folder = os.path.join(scratch, f"audit-{kind}")
        if kind == "jsonl":
            log = os.path.join(folder, "audit.jsonl")
            with open(log, "rb") as lines:
                records = sum(1 for _ in lines)
            size = os.path.getsize(log)
        else:
            with sqlite3.connect(os.path.join(folder, "audit.sqlite")) as database:
                records = database.execute("SELECT count(*) FROM audit").fetchone()[0]
            size = os.path.getsize(os.path.join(folder, "audit.sqlite"))
        sizes[kind] = (records, size)
        audit_wall, audit_cpu, audit_memory = best[kind]
        extra, extra_cpu = audit_wall - wall, max(audit_cpu - cpu, 1e-9)
        unit = "records" if kind == "jsonl" else "rows"
        # Within a hundredth of a second the clock cannot tell the log's cost from noise.
        clock = f"{records / extra:,.0f} {unit}/s by the clock" if extra > 0.01 else "no measurable time by the clock"
        row(f"2. audit log, {kind}",
            f"{clock}, {records / extra_cpu:,.0f} per CPU second ({records} {unit}, {size / 1e6:.0f} MB; "
            f"{audit_wall:.2f} s [{audit_cpu:.2f}], {audit_memory:.0f} MiB, against {wall:.2f} s [{cpu:.2f}] without)",
            f"≥ {goal_rate:,} {unit}/s", extra <= records / goal_rate)
    # What bounds it: the same number of bytes written by a plain program, through the page
    # cache and past it.
    records, size = sizes["jsonl"]
    for direct in (False, True):
        write_wall, write_cpu = plain_write(os.path.join(scratch, "plain-write"), size, direct)
        row(f"2. file system ceiling ({'O_DIRECT' if direct else 'page cache'})",
            f"{size / 1e6:.0f} MB in {write_wall:.2f} s [{write_cpu:.2f}]: {size / write_wall / 1e6:,.0f} MB/s, "
            f"{records / write_wall:,.0f} JSON Lines records/s", "what bounds the JSON Lines file", None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--scale", action="store_true", help="include the 1 000 000-user run")
    parser.add_argument("--out", default=None, help="keep the scratch files here")
    parser.add_argument("--audit-only", action="store_true", help="only target 2 (the audit log), against a run without it")
    parser.add_argument("--audit-rounds", type=int, default=3, help="target 2's runs of each kind (the fastest is kept)")
    options = parser.parse_args()
    scratch = options.out or tempfile.mkdtemp(prefix="pimsim-bench-")
    os.makedirs(scratch, exist_ok=True)
    users = options.users
    print(f"# issue 11's targets ({users} users; scratch {scratch}; load {os.getloadavg()[0]:.1f})\n")
    print("| target | figure | goal | |")
    print("| --- | --- | --- | --- |")

    if options.audit_only:
        audit_target(tenant(users, os.path.join(scratch, "tenant.yaml")), scratch, options.audit_rounds)
        print(f"\n(load average at the end: {os.getloadavg()[0]:.1f})")
        return

    # 3. Kernel. pimsim-bench prints, per pending count, the queue alone (delays drawn before the
    # clock starts), the loop with its exponential draws inside (as SimPy runs it), then the
    # binary heap both ways; SimPy's figure includes its draws.
    _, _, _, kernel = measure([BENCH, "kernel", "5000000", "10000"])
    queue, drawn = (float(x) for x in re.search(r"^\s*10000\s+([\d.]+)\s+([\d.]+)", kernel, re.M).groups())
    _, _, _, simpy_kernel = measure([sys.executable, os.path.join(ROOT, "Benchmarks/simpy_kernel.py"), "500000"])
    simpy_rate = float(re.search(r"^\s*10000\s+([\d.]+)", simpy_kernel, re.M).group(1))
    row("3. kernel, 10 000 pending", f"queue alone {queue:.1f} M events/s; with the draws {drawn:.1f} M, "
        f"{drawn / simpy_rate:.1f} × SimPy ({simpy_rate:.2f} M, draws included)",
        "≥ 10 M events/s, ≥ 20 × SimPy", queue >= 10 and drawn >= 10 and drawn / simpy_rate >= 20)

    # 1. Whole run.
    path = tenant(users, os.path.join(scratch, "tenant.yaml"))
    wall, cpu, memory, _ = measure([PIMSIM, "run", path, "--audit", "none", "--output", os.path.join(scratch, "none")])
    simpy_wall, simpy_cpu, simpy_memory, simpy_out = measure([sys.executable, os.path.join(ROOT, "Benchmarks/simpy_tenant.py"), str(users), "365"])
    metrics = json.load(open(os.path.join(scratch, "none/metrics.json")))
    requested, granted = metrics["activations"]["requested"], metrics["activations"]["granted"]
    simpy_requested, simpy_granted = (int(x) for x in re.search(r"requested (\d+) granted (\d+)", simpy_out).groups())
    agree = abs(requested - simpy_requested) <= 0.01 * simpy_requested and abs(granted - simpy_granted) <= 0.01 * simpy_granted
    row("1. whole run (`--audit none`)",
        f"{wall:.2f} s [{cpu:.2f}], {memory:.0f} MiB; SimPy {simpy_wall:.2f} s [{simpy_cpu:.2f}], {simpy_memory:.0f} MiB: "
        f"{simpy_wall / wall:.2f} × faster; requests {requested} vs {simpy_requested}, granted {granted} vs {simpy_granted}",
        "≥ 20 × faster than SimPy, less memory, agree within 1 %", simpy_wall / wall >= 20 and memory < simpy_memory and agree)

    # 2. Audit log: each file beside the run without it, and the file system's own speed.
    audit_target(path, scratch, options.audit_rounds)

    # 4. Scale.
    sizes = [10_000, 30_000, 100_000] + ([1_000_000] if options.scale else [])
    times = {}
    for size in sizes:
        scaled = tenant(size, os.path.join(scratch, f"tenant-{size}.yaml"))
        times[size] = measure([PIMSIM, "run", scaled, "--audit", "none", "--output", os.path.join(scratch, f"scale-{size}")])
    import math
    first, last = sizes[0], sizes[-1]
    exponent = math.log(times[last][0] / times[first][0]) / math.log(last / first)
    table = ", ".join(f"{size // 1000} k: {times[size][0]:.2f} s [{times[size][1]:.2f}] {times[size][2]:.0f} MiB" for size in sizes)
    if options.scale:
        ratio = times[1_000_000][0] / times[100_000][0]
        row("4. scale", f"{table}; 1 M ÷ 100 k = {ratio:.1f}; exponent {exponent:.2f}",
            "1 M ≤ 11 × 100 k, ≤ 1 GiB", ratio <= 11 and times[1_000_000][2] <= 1024)
    else:
        row("4. scale (without --scale: no 1 M run)", f"{table}; exponent {exponent:.2f}", "1 M ≤ 11 × 100 k, ≤ 1 GiB", False)

    # 5. Replications. The run with variants and the single run are the same command on the same
    # scenario, with and without the comparison (`--compare-replications 0`); both write the same
    # files. Plain (the default audit log, audit.jsonl, with metrics.json, graph.svg,
    # report.html, rankings.csv and summary.md) is the target's figure; the same without the audit
    # log (`--audit none`) is printed beside it. The comparison runs 10 replications per arm on
    # every processor.
    small = tenant(10_000, os.path.join(scratch, "tenant-variant.yaml"), variant=True)
    one, one_cpu, _, _ = measure([PIMSIM, "compare", small, "--replications", "20", "--jobs", "1", "--output", os.path.join(scratch, "c1")])
    two, two_cpu, _, _ = measure([PIMSIM, "compare", small, "--replications", "20", "--jobs", "2", "--output", os.path.join(scratch, "c2")])
    same = open(os.path.join(scratch, "c1/compare.json")).read() == open(os.path.join(scratch, "c2/compare.json")).read()
    ratios = {}
    for audit in ("jsonl", "none"):
        single = measure([PIMSIM, "run", small, "--audit", audit, "--compare-replications", "0", "--output", os.path.join(scratch, f"r0-{audit}")])
        variants = measure([PIMSIM, "run", small, "--audit", audit, "--output", os.path.join(scratch, f"r10-{audit}")])
        ratios[audit] = (variants[0] / single[0], f"{variants[0]:.2f} s [{variants[1]:.2f}] against {single[0]:.2f} s [{single[1]:.2f}]")
    row("5. replications (10 000 users, one variant)",
        f"compare ×20: {one:.2f} s [{one_cpu:.2f}] with 1 job, {two:.2f} s [{two_cpu:.2f}] with 2: {one / two:.2f} ×"
        f"{'' if same else ' (compare.json DIFFERS)'}; plain run with variants {ratios['jsonl'][0]:.1f} × the single run "
        f"({ratios['jsonl'][1]}); without the audit log {ratios['none'][0]:.1f} × ({ratios['none'][1]})",
        "2 jobs ≥ 1.8 × 1 job; run with variants ≤ 3 × a single run", one / two >= 1.8 and same and ratios["jsonl"][0] <= 3)

    # 6. Graph.
    finished = subprocess.run([PIMSIM, "graph", path, "--peak", "--timings", "-o", os.path.join(scratch, "graph.svg")],
                              capture_output=True, text=True, check=True)
    timings = finished.stderr + finished.stdout
    build = float(re.search(r"graph ([\d.]+) s", timings).group(1))
    render = float(re.search(r"render \([^)]*\) ([\d.]+) s", timings).group(1))
    nodes = re.search(r"\((\d+) nodes", timings)
    share = (build + render) / wall
    row("6. summary graph", f"built in {build:.3f} s, laid out and rendered in {render:.3f} s ({nodes.group(1) if nodes else '?'} nodes): "
        f"{100 * share:.1f} % of the run", "≤ 10 % of the run", share <= 0.10)
    print(f"\n(load average at the end: {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
