#!/usr/bin/env python3
"""The kernel benchmark's workload in SimPy: `pending` processes, each waiting an exponential
delay (mean 100 s) again and again; one timeout is one event. Prints million events per second.

    python3 Benchmarks/simpy_kernel.py [EVENTS]
"""
import random
import sys
import time

import simpy


def run(pending, events):
    env = simpy.Environment()
    rng = random.Random(42)
    counter = [0]

    def holder():
        while True:
            yield env.timeout(int(rng.expovariate(1 / 100)) + 1)
            counter[0] += 1

    for _ in range(pending):
        env.process(holder())
    env.run(until=1)  # start every process
    counter[0] = 0
    start = time.perf_counter()
    while counter[0] < events:
        env.step()
    return counter[0] / (time.perf_counter() - start)


if __name__ == "__main__":
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
    print("pending    SimPy (million events/s)")
    for pending in (100, 10_000, 1_000_000):
        best = max(run(pending, total) for _ in range(3)) if pending < 1_000_000 else run(pending, total)
        print(f"{pending:9d}  {best / 1e6:10.3f}")
