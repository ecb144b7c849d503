#!/usr/bin/env python3
"""deploy/slurm on a real single-node Slurm: the sweep through sbatch equals a single local run.

  Tests/Cluster/slurm_e2e.py [--pimsim PATH] [--keep]      (or ./scripts/dev slurm-e2e)

Starts Slurm with scripts/slurm-local (in a folder and on ports of its own, so a cluster a person
started is left alone), then:

  1. submits deploy/slurm/submit.sh (the job array of 4 shards and the merge with afterok) from a
     copy of the repository's deploy/slurm and Scenarios, waits for both, and checks that
     sweep.json, sweep.csv and pareto.svg equal a single local run of the same sweep, byte for byte;
  2. submits it again with a fault injected: shard 3/4's first attempt is killed (SIGKILL) a moment
     after it starts; the task requeues itself, runs again, and the merged files are the same bytes;
  3. submits deploy/slurm/merge.sbatch alone on two mixed-up parts folders (a part of another seed;
     a part left from an earlier sweep in 2 shards), which pimsim merge must refuse with a clear
     error, writing nothing;
  4. stops Slurm with scripts/slurm-local down and checks that none of its processes is left.

Every wait is bounded (JOB_TIMEOUT seconds per submission). When slurm-wlm and munge cannot be
installed (scripts/slurm-local install exits 69) it prints why and skips, exiting 0. Exit status 1
when a check fails. Needs root (slurmd), python3 and a built pimsim (default .build/debug/pimsim).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SLURM_LOCAL = os.path.join(ROOT, "scripts", "slurm-local")
OUTPUTS = ["sweep.json", "sweep.csv", "pareto.svg"]
SHARDS = 4
JOB_TIMEOUT = 150           # seconds for one submission's jobs (a requeue waits about 11 s)
PORT = os.environ.get("PIMSIM_SLURM_PORT", "16827")

# The documented example (docs/cluster.md, deploy/slurm/sweep.sbatch) as one run on one machine.
EXAMPLE = [
    "sweep", "Scenarios/ga-design.yaml", "--variant", "eligible-approval",
    "--grid", "policies.roles.Global Administrator.activation.maxDuration=1h,2h,4h,8h",
    "--grid", "policies.roles.Global Administrator.activation.requireApproval=true,false",
    "--replications", "10", "--seed", "2026",
]

# Shard 3/4's first attempt dies: the real pimsim is started and killed with SIGKILL 0.3 s later,
# as a node's out-of-memory killer or a lost node would; later attempts run normally.
FAULTY_PIMSIM = """#!/bin/bash
case " $* " in
  *" --shard 3/4 "*)
    if mkdir "{marker}" 2>/dev/null; then
      echo "injected fault: killing pimsim $* with SIGKILL" >&2
      "{pimsim}" "$@" & pid=$!
      sleep 0.3
      kill -KILL "$pid" 2>/dev/null
      wait "$pid"
      exit 137
    fi ;;
esac
exec "{pimsim}" "$@"
"""


class Failure(Exception):
    """A check that did not hold, with what was seen."""


def say(message):
    print(f"slurm-e2e: {message}", flush=True)


def run(command, env=None, cwd=ROOT, check=True, timeout=120):
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise Failure(f"{' '.join(command)} exited with {result.returncode}:\n{result.stdout}{result.stderr}")
    return result


class Cluster:
    """The Slurm of scripts/slurm-local in a state folder of the test's own."""

    def __init__(self, state):
        self.state = state
        self.env = dict(os.environ, PIMSIM_SLURM_DIR=state, PIMSIM_SLURM_PORT=PORT)
        self.env.pop("PIMSIM_SLURM_LOCAL", None)
        self.slurm_env = dict(self.env, SLURM_CONF=os.path.join(state, "slurm.conf"))
        self.pids = {}

    def up(self):
        result = run([SLURM_LOCAL, "up"], env=self.env, timeout=120)
        for name in ("munged", "slurmctld", "slurmd"):
            with open(os.path.join(self.state, f"{name}.pid"), encoding="utf-8") as handle:
                self.pids[name] = int(handle.read().strip())
        return result.stderr.strip().splitlines()[-1]

    def down(self):
        return run([SLURM_LOCAL, "down"], env=self.env, check=False, timeout=120)

    def leftovers(self):
        """The processes still running that `up` started or that carry this cluster's mark."""
        mark = f"PIMSIM_SLURM_LOCAL={self.state}".encode()
        left = [f"{name} {pid}" for name, pid in self.pids.items() if os.path.exists(f"/proc/{pid}")]
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/environ", "rb") as handle:
                    if mark in handle.read().split(b"\0"):
                        with open(f"/proc/{entry}/comm", encoding="utf-8") as comm:
                            left.append(f"{comm.read().strip()} {entry}")
            except OSError:
                continue
        return sorted(set(left))

    def slurm(self, command, cwd, env=None, check=True):
        return run(command, env={**self.slurm_env, **(env or {})}, cwd=cwd, check=check)

    def jobs(self, job_id):
        """Every record of a job (an array's tasks, one each) as a dict of scontrol's fields."""
        output = self.slurm(["scontrol", "-o", "show", "job", job_id], cwd=ROOT).stdout
        records = []
        for line in output.splitlines():
            fields = {}
            for match in re.finditer(r"(\w+)=(\S*)", line):
                fields.setdefault(match.group(1), match.group(2))
            records.append(fields)
        return records

    def wait(self, job_ids, what):
        """Waits until none of the jobs is queued or running; fails after JOB_TIMEOUT seconds."""
        deadline = time.monotonic() + JOB_TIMEOUT
        while True:
            queue = self.slurm(["squeue", "-h", "-j", ",".join(job_ids), "-o", "%i %T %r"], cwd=ROOT).stdout.strip()
            if not queue:
                return
            if "DependencyNeverSatisfied" in queue:
                raise Failure(f"{what}: a dependency can never be satisfied (a task failed):\n{queue}")
            if time.monotonic() > deadline:
                log = os.path.join(self.state, "slurmctld.log")
                with open(log, encoding="utf-8", errors="replace") as handle:
                    tail = "".join(handle.readlines()[-20:])
                raise Failure(f"{what}: still queued after {JOB_TIMEOUT} s:\n{queue}\nslurmctld.log ends:\n{tail}")
            time.sleep(1)


def same_bytes(folder, reference, what):
    for name in OUTPUTS:
        mine, theirs = os.path.join(folder, name), os.path.join(reference, name)
        if not os.path.exists(mine):
            raise Failure(f"{what}: no {name} in {folder}")
        with open(mine, "rb") as a, open(theirs, "rb") as b:
            if a.read() != b.read():
                raise Failure(f"{what}: {name} differs from the single run's ({mine} against {theirs})")


def submission_folder(work, name):
    """A checkout as a cluster user has one: deploy/slurm and the example's scenario, copied."""
    folder = os.path.join(work, name)
    shutil.copytree(os.path.join(ROOT, "deploy", "slurm"), os.path.join(folder, "deploy", "slurm"))
    os.makedirs(os.path.join(folder, "Scenarios"))
    shutil.copy2(os.path.join(ROOT, "Scenarios", "ga-design.yaml"), os.path.join(folder, "Scenarios"))
    return folder


def submit(cluster, folder, env):
    """Runs deploy/slurm/submit.sh in folder; returns the array's and the merge's job ids."""
    output = cluster.slurm(["bash", "deploy/slurm/submit.sh"], cwd=folder, env=env).stdout
    merge = re.search(r"^Submitted batch job (\d+)$", output, re.M)
    array = re.search(r"^submitted sweep array (\d+) and its merge$", output, re.M)
    if not merge or not array:
        raise Failure(f"submit.sh printed no job ids:\n{output}")
    return array.group(1), merge.group(1)


def check_done(cluster, array, merge, what, restarts):
    """Every array task and the merge COMPLETED with exit code 0; restarts: {task index: count}."""
    tasks = {int(job["ArrayTaskId"]): job for job in cluster.jobs(array) if job.get("ArrayTaskId", "").isdigit()}
    if sorted(tasks) != list(range(SHARDS)):
        raise Failure(f"{what}: array {array} has tasks {sorted(tasks)}, expected 0..{SHARDS - 1}")
    for index, job in sorted(tasks.items()):
        state = (job.get("JobState"), job.get("ExitCode"), int(job.get("Restarts", "0")))
        if state != ("COMPLETED", "0:0", restarts.get(index, 0)):
            raise Failure(f"{what}: task {array}_{index} ended {state}, expected ('COMPLETED', '0:0', {restarts.get(index, 0)}) "
                          "(state, exit code, restarts)")
    (merged,) = cluster.jobs(merge)
    if (merged.get("JobState"), merged.get("ExitCode"), merged.get("Dependency")) != ("COMPLETED", "0:0", "(null)"):
        raise Failure(f"{what}: merge job {merge} ended {merged.get('JobState')} {merged.get('ExitCode')}")
    return tasks


def check_parts(folder, what):
    names = sorted(name for name in os.listdir(folder) if not name.startswith("."))
    expected = [f"sweep-part-{k}-of-{SHARDS}.json" for k in range(1, SHARDS + 1)]
    if names != expected:
        raise Failure(f"{what}: the parts folder holds {names}, expected {expected}")


def read(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def scenario_sweep(cluster, work, bin_folder, single):
    """1: the documented example through sbatch equals the single local run."""
    folder = submission_folder(work, "submit")
    started = time.monotonic()
    array, merge = submit(cluster, folder, {"PATH": bin_folder + os.pathsep + os.environ["PATH"]})
    cluster.wait([array, merge], "the sweep")
    check_done(cluster, array, merge, "the sweep", {})
    shared = os.path.join(folder, "Output", "ga-design", "cluster")      # merge.sbatch's default
    check_parts(os.path.join(shared, "parts"), "the sweep")
    for index in range(SHARDS):
        log = os.path.join(folder, f"pimsim-sweep-{array}_{index}.out")
        if not os.path.exists(log):
            raise Failure(f"the sweep: no output file {log} (#SBATCH --output)")
    same_bytes(os.path.join(shared, "result"), single, "the sweep")
    return (f"sbatch ran the array {array} (4 shards) and the merge {merge} after it in "
            f"{time.monotonic() - started:.0f} s; {', '.join(OUTPUTS)} identical to the single run's"), folder, shared


def scenario_requeue(cluster, work, pimsim, single):
    """2: shard 3/4 fails once, requeues itself, and the merged bytes are the same."""
    folder = submission_folder(work, "submit-fault")
    faulty = os.path.join(work, "faulty-bin")
    os.makedirs(faulty)
    marker = os.path.join(work, "fault-injected")
    wrapper = os.path.join(faulty, "pimsim")
    with open(wrapper, "w", encoding="utf-8") as handle:
        handle.write(FAULTY_PIMSIM.format(marker=marker, pimsim=os.path.abspath(pimsim)))
    os.chmod(wrapper, 0o755)
    shared = os.path.join(work, "shared-fault")
    started = time.monotonic()
    array, merge = submit(cluster, folder, {"PATH": faulty + os.pathsep + os.environ["PATH"], "PIMSIM_SHARED": shared})
    cluster.wait([array, merge], "the sweep with a fault")
    if not os.path.isdir(marker):
        raise Failure("the sweep with a fault: the fault was never injected (shard 3/4 did not run the wrapper)")
    check_done(cluster, array, merge, "the sweep with a fault", {2: 1})
    log = read(os.path.join(folder, f"pimsim-sweep-{array}_2.out"))
    for expected in ("injected fault", f"shard 3/4 failed with exit status 137 (restart 0 of 2); requeueing {array}_2"):
        if expected not in log:
            raise Failure(f"the sweep with a fault: task {array}_2's output lacks {expected!r}:\n{log}")
    check_parts(os.path.join(shared, "parts"), "the sweep with a fault")
    same_bytes(os.path.join(shared, "result"), single, "the sweep with a fault")
    return (f"shard 3/4 killed on its first attempt, requeued once (Restarts=1), the merge ran after it; "
            f"{', '.join(OUTPUTS)} identical to the single run's ({time.monotonic() - started:.0f} s)")


def scenario_mixed(cluster, work, pimsim, bin_folder, folder, good_parts):
    """3: merge.sbatch on mixed-up parts folders fails with a clear error and writes nothing."""
    cases = []
    # (a) shard 3/4 of the same sweep but another seed, in place of the right one.
    other_seed = os.path.join(work, "mixed-seed")
    os.makedirs(os.path.join(other_seed, "parts"))
    for k in (1, 2, 4):
        shutil.copy2(os.path.join(good_parts, f"sweep-part-{k}-of-4.json"), os.path.join(other_seed, "parts"))
    run([pimsim] + EXAMPLE[:-1] + ["2027", "--shard", "3/4", "--output", os.path.join(other_seed, "parts")])
    cases.append((other_seed, "sweep-part-3-of-4.json and ", "do not belong together: the seeds differ ('2027' against '2026')"))
    # (b) every part of this sweep plus one left from an earlier sweep in 2 shards.
    leftover = os.path.join(work, "mixed-leftover")
    shutil.copytree(good_parts, os.path.join(leftover, "parts"))
    run([pimsim] + EXAMPLE + ["--shard", "1/2", "--output", os.path.join(leftover, "parts")])
    cases.append((leftover, "sweep-part-1-of-4.json and ", "do not belong together: the shard counts differ ('4' against '2')"))

    jobs = []
    for shared, _, _ in cases:
        output = cluster.slurm(["sbatch", "--parsable", "deploy/slurm/merge.sbatch"], cwd=folder,
                               env={"PATH": bin_folder + os.pathsep + os.environ["PATH"], "PIMSIM_SHARED": shared}).stdout
        jobs.append(output.strip().split(";")[0])
    cluster.wait(jobs, "the merges of mixed-up parts")
    for job_id, (shared, source, message) in zip(jobs, cases):
        (job,) = cluster.jobs(job_id)
        if (job.get("JobState"), job.get("ExitCode")) != ("FAILED", "2:0"):
            raise Failure(f"merge of {shared}: job {job_id} ended {job.get('JobState')} {job.get('ExitCode')}, expected FAILED 2:0")
        log = read(os.path.join(folder, f"pimsim-merge-{job_id}.out"))
        if message not in log or source not in log:
            raise Failure(f"merge of {shared}: its output lacks {message!r} (naming {source.strip()}):\n{log}")
        if os.path.exists(os.path.join(shared, "result")):
            raise Failure(f"merge of {shared}: refused, yet it created {shared}/result")
    errors = [read(os.path.join(folder, f"pimsim-merge-{job_id}.out")).strip().splitlines()[-1] for job_id in jobs]
    return "merge.sbatch refused both mixed-up parts folders (exit 2, nothing written): " + "; ".join(
        error.replace(work + os.sep, "") for error in errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pimsim", default=os.path.join(ROOT, ".build", "debug", "pimsim"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, outputs)")
    options = parser.parse_args()
    pimsim = os.path.abspath(options.pimsim)
    if not os.access(pimsim, os.X_OK):
        say(f"no pimsim at {pimsim}; run 'swift build' first or pass --pimsim PATH")
        return 1

    names = ["slurm up", "the sweep through sbatch", "a requeued shard", "mixed-up parts refused", "slurm down"]
    if os.geteuid() != 0:
        # slurm-local starts munged, slurmctld and slurmd as root (CI runs as root).
        say("skipped: starting a local Slurm needs root; run as root (sudo -E ./scripts/dev slurm-e2e)")
        print(f"slurm-e2e: 0 passed, 0 failed, {len(names)} skipped")
        return 0
    try:
        install = run([SLURM_LOCAL, "install"], check=False, timeout=600)
        reason = (install.stderr.strip().splitlines() or ["no reason given"])[-1]
    except subprocess.TimeoutExpired:
        install, reason = None, "apt-get did not finish in 600 s"
    if install is None or install.returncode == 69:
        say(f"skipped: slurm-wlm and munge cannot be installed here ({reason})")
        print(f"slurm-e2e: 0 passed, 0 failed, {len(names)} skipped")
        return 0
    if install.returncode != 0:
        say(f"scripts/slurm-local install exited with {install.returncode}:\n{install.stderr}")
        print("slurm-e2e: 0 passed, 1 failed")
        return 1

    work = tempfile.mkdtemp(prefix="pimsim-slurm-e2e-")
    os.chmod(work, 0o755)                 # munged's socket lives below: searchable by everyone
    cluster = Cluster(os.path.join(work, "slurm"))
    passed, failed = 0, 0
    try:
        bin_folder = os.path.join(work, "bin")
        os.makedirs(bin_folder)
        os.symlink(pimsim, os.path.join(bin_folder, "pimsim"))
        single = os.path.join(work, "single")
        run([pimsim] + EXAMPLE + ["--jobs", "2", "--output", single])

        say(f"ok: {cluster.up()}"); passed += 1
        message, folder, shared = scenario_sweep(cluster, work, bin_folder, single)
        say(f"ok: {message}"); passed += 1
        say(f"ok: {scenario_requeue(cluster, work, pimsim, single)}"); passed += 1
        say(f"ok: {scenario_mixed(cluster, work, pimsim, bin_folder, folder, os.path.join(shared, 'parts'))}"); passed += 1
    except (Failure, subprocess.TimeoutExpired) as error:
        say(f"FAILED: {error}")
        failed += 1
    finally:
        result = cluster.down()
        left = cluster.leftovers()
        if result.returncode == 0 and not left:
            say(f"ok: slurm-local down stopped munged, slurmctld and slurmd ({', '.join(f'{n} {p}' for n, p in cluster.pids.items())}) and left nothing running")
            passed += 1
        else:
            say(f"FAILED: slurm-local down exited with {result.returncode}; still running: {left}\n{result.stderr}")
            failed += 1
        if options.keep or failed:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"slurm-e2e: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
