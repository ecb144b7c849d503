#!/usr/bin/env python3
"""Issue 11's benchmark tenant as an idiomatic SimPy model: one generator process per user task
stream, no simpy.Resource; the same rules as pimsim for what it computes (requests, grants,
privileged hours). Prints its figures and its time; `./scripts/dev bench` runs it beside pimsim.

    python3 Benchmarks/simpy_tenant.py [USERS] [DAYS]
"""
import math
import random
import sys
import time

import simpy

HOUR = 3600
TASK_EVERY = 3 * 86_400
MEDIAN, P90 = 40 * 60, 2 * HOUR
SIGMA = (math.log(P90) - math.log(MEDIAN)) / 1.2815515655446004


class Tenant:
    def __init__(self, env, users, days, seed):
        self.env = env
        self.horizon = days * 86_400
        self.rng = random.Random(seed)
        self.requested = self.granted = 0
        self.privileged_seconds = 0
        self.eligible = max(20, users // 50)
        # (user, role) -> end of the live activation; (user, role) -> event a waiting task wakes on
        self.live = {}
        self.pending = {}

    def stream(self, user, role):
        """One user's tasks for one role: Poisson arrivals, lognormal durations."""
        env = self.env
        while True:
            yield env.timeout(max(1, int(self.rng.expovariate(1 / TASK_EVERY))))
            duration = max(1, int(math.exp(math.log(MEDIAN) + SIGMA * self.rng.gauss(0, 1))))
            key = (user, role)
            if self.live.get(key, -1) > env.now:
                continue  # the activation in effect serves the task
            if key in self.pending:
                yield self.pending[key]
                continue
            self.requested += 1
            if role == 0:  # Global Administrator: approval in 15 minutes, 1 h at most
                done = env.event()
                self.pending[key] = done
                yield env.timeout(15 * 60)
                del self.pending[key]
                done.succeed()
                length = min(duration, HOUR)
            else:
                length = min(duration, 4 * HOUR)
            self.granted += 1
            end = env.now + length
            self.live[key] = end
            self.privileged_seconds += max(0, min(end, self.horizon) - env.now)


def main():
    users = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    days = int(sys.argv[2]) if len(sys.argv) > 2 else 365
    started = time.perf_counter()
    env = simpy.Environment()
    tenant = Tenant(env, users, days, seed=7)
    for index in range(tenant.eligible):
        group = index % 20
        env.process(tenant.stream(index, group % 10))
    env.run(until=tenant.horizon)
    elapsed = time.perf_counter() - started
    standing = 5 * tenant.horizon
    print(f"simpy: requested {tenant.requested} granted {tenant.granted} "
          f"hours held (all roles) {(tenant.privileged_seconds + standing) / HOUR:.0f} in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
