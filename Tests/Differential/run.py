#!/usr/bin/env python3
"""Differential test: generated scenarios, independent model versus pimsim.

Usage: [PIMSIM=BINARY] run.py [N] [--from K]
  runs seeds K..K+N-1 (default 1..300), prints the differing keys of each failing seed and
  "N passed, M failed"; failing scenarios are kept in /tmp/differential-failures/.
"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
sys.dont_write_bytecode = True
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402
import model  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
PIMSIM = os.environ.get("PIMSIM") or os.path.join(ROOT, ".build", "debug", "pimsim")
FAILDIR = "/tmp/differential-failures"
RTOL = 1e-9


def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or math.isclose(a, b, rel_tol=RTOL, abs_tol=1e-12)
    return a == b


def compare(m, p, path=""):
    """Every key of the model's output must be in pimsim's with the same value."""
    diffs = []
    for k, v in m.items():
        key = path + ("." if path else "") + k
        if not isinstance(p, dict) or k not in p:
            diffs.append((key, v, "<missing>"))
        elif isinstance(v, dict):
            diffs += compare(v, p[k], key)
        elif not same(v, p[k]):
            diffs.append((key, v, p[k]))
    return diffs


def run_pimsim(path, outdir):
    proc = subprocess.run([PIMSIM, "run", path, "--json", "--output", outdir],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError("pimsim exit %d: %s%s" % (proc.returncode, proc.stdout[-2000:],
                                                   proc.stderr[-2000:]))
    with open(os.path.join(outdir, "metrics.json")) as f:
        return json.load(f)


def check_file(path):
    """-> list of (key, model, pimsim) differences."""
    with tempfile.TemporaryDirectory() as out:
        try:
            p = run_pimsim(path, out)
        except RuntimeError as e:
            return [("<pimsim>", "ok", str(e))]
    try:
        m = model.run_file(path)
    except Exception as e:  # noqa: BLE001
        return [("<model>", repr(e), "ok")]
    diffs = compare(m, p)
    acts = p.get("activations", {})
    outcomes = sum(acts.get(k, 0) for k in
                   ("granted", "denied", "expired", "rejected", "cancelled", "pending"))
    if diffs and outcomes != acts.get("requested"):
        diffs.append(("(note) pimsim outcomes sum", outcomes,
                      "requested=%s" % acts.get("requested")))
    return diffs


def check_seed(seed, tmp):
    path = os.path.join(tmp, "seed-%d.yaml" % seed)
    with open(path, "w") as f:
        f.write(generate.generate(seed))
    return seed, path, check_file(path)


def main(argv):
    n, first = 300, 1
    args = list(argv)
    if "--from" in args:
        i = args.index("--from")
        first = int(args[i + 1])
        del args[i:i + 2]
    if args:
        n = int(args[0])
    if not os.path.exists(PIMSIM):
        subprocess.run(["swift", "build", "--product", "pimsim"], cwd=ROOT, check=True)
    os.makedirs(FAILDIR, exist_ok=True)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(4) as pool:
        for seed, path, diffs in pool.map(lambda s: check_seed(s, tmp),
                                          range(first, first + n)):
            if not diffs:
                passed += 1
                continue
            failed += 1
            kept = os.path.join(FAILDIR, os.path.basename(path))
            shutil.copy(path, kept)
            print("seed %d FAILED (%s)" % (seed, kept))
            for key, mv, pv in diffs:
                if key.startswith("(note)"):
                    print("    note: pimsim's outcome counts sum to %s, but %s" % (mv, pv))
                else:
                    print("    %-50s model=%s pimsim=%s" % (key, mv, pv))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
