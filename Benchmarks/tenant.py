#!/usr/bin/env python3
"""Writes issue 11's benchmark tenant as a pimsim scenario (deterministic).

    python3 Benchmarks/tenant.py [USERS] [DAYS] > tenant.yaml

USERS users (default 100 000); 2 % of them in 20 role-assignable groups, each eligible for one of
ten privileged roles (two groups a role); five standing Global Administrators; activations of 4 h
at most without approval, except Global Administrator (1 h, approval by five approvers who answer
in 15 minutes); a task generator per group (every 3 days per user, lognormal durations with median
40 minutes and p90 2 hours); DAYS days (default 365). Benchmarks/simpy_tenant.py models the same.
"""
import sys

ROLES = ["Global Administrator", "Privileged Role Administrator", "Security Administrator", "Exchange Administrator",
         "Helpdesk Administrator", "User Administrator", "Application Administrator", "Cloud Application Administrator",
         "Intune Administrator", "SharePoint Administrator"]


def main():
    users = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    days = int(sys.argv[2]) if len(sys.argv) > 2 else 365
    width = len(str(users))
    uid = lambda i: f"u{i:0{width}d}"
    eligible = max(20, users // 50)
    out = sys.stdout.write
    out(f"scenario: bench-{users}\nstart: 2026-01-05T00:00:00Z\nhorizon: {days}d\nseed: 7\n")
    out(f"tenant:\n  users:\n    - generate: {{count: {users}, prefix: u}}\n  groups:\n")
    for g in range(20):
        members = [uid(i) for i in range(1 + g, eligible + 1, 20)]
        out(f"    - {{id: pim{g:02d}, roleAssignable: true, members: [{', '.join(members)}]}}\n")
    approvers = [uid(users - i) for i in range(5)]
    out("policies:\n  default: {activation: {maxDuration: 4h, requireApproval: false}}\n")
    out(f"  roles:\n    Global Administrator: {{activation: {{maxDuration: 1h, requireApproval: true, approvers: [{', '.join(approvers)}]}}}}\n")
    out("assignments:\n")
    for g in range(20):
        out(f"  - {{principal: pim{g:02d}, role: {ROLES[g % 10]}, type: eligible}}\n")
    for i in range(5):
        out(f"  - {{principal: {uid(users - 10 - i)}, role: Global Administrator, type: active}}\n")
    out("behaviour: {approvers: {responseTime: 15m}}\n")
    out("workload:\n")
    for g in range(20):
        out(f"  - tasks: {{group: pim{g:02d}, role: {ROLES[g % 10]}, every: 3d, "
            "duration: {distribution: lognormal, median: 40m, p90: 2h}}\n")


if __name__ == "__main__":
    main()
