#!/usr/bin/env python3
"""Writes a generated large tenant scenario for scale checks (not a test fixture).

usage: scripts/generate-tenant.py [USERS] [DAYS] > tenant.yaml

USERS users (default 100000) over DAYS days (default 365): a role-assignable admin group (2 %
of users) eligible for Global Administrator, 500 standing User Administrators with end dates,
a helpdesk group eligible for Helpdesk Administrator, 50 applications with owners and service
principals (two with escalating Graph permissions), 20 000 Global Administrator activations and
200 leavers. Deterministic: the same arguments give the same file.
"""
import random
import sys

users = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
days = int(sys.argv[2]) if len(sys.argv) > 2 else 365
rng = random.Random(20261127)
width = len(str(users))
uid = lambda i: f"u{i:0{width}d}"
admins = [uid(i) for i in range(1, max(2, users // 50) + 1)]
helpdesk = [uid(i) for i in range(len(admins) + 1, len(admins) + 1 + max(1, users // 200))]
out = sys.stdout.write
out(f"scenario: generated-{users}\nstart: 2026-01-01T00:00:00Z\nhorizon: {days}d\n")
out(f"tenant:\n  users:\n    - generate: {{count: {users}, prefix: u}}\n  groups:\n")
out(f"    - id: admins\n      roleAssignable: true\n      members: [{', '.join(admins)}]\n")
out(f"    - id: helpdesk\n      roleAssignable: true\n      members: [{', '.join(helpdesk)}]\n")
out("  applications:\n")
for a in range(50):
    out(f"    - {{id: app{a:02d}, owners: [{uid(rng.randint(1, users))}]}}\n")
out("  servicePrincipals:\n")
for a in range(50):
    permissions = "[RoleManagement.ReadWrite.Directory]" if a == 7 else ("[Group.ReadWrite.All]" if a == 8 else "[User.Read.All]")
    out(f"    - {{id: sp{a:02d}, application: app{a:02d}, appPermissions: {permissions}}}\n")
out("assignments:\n  - {principal: admins, role: Global Administrator, type: eligible}\n")
out("  - {principal: helpdesk, role: Helpdesk Administrator, type: eligible}\n")
first_ua = len(admins) + len(helpdesk) + 1
for i in range(first_ua, first_ua + 500):
    out(f"  - {{principal: {uid(i)}, role: User Administrator, type: active, end: {rng.randint(1, days)}d}}\n")
out("workload:\n")
minutes = days * 1440
for _ in range(20_000):
    out(f"  - {{at: {rng.randint(0, minutes - 600)}m, activate: {{user: {rng.choice(admins)}, role: Global Administrator, duration: {rng.randint(1, 8)}h}}}}\n")
out("events:\n")
for _ in range(200):
    out(f"  - {{at: {rng.randint(1, days - 1)}d, leave: {uid(rng.randint(1, users))}}}\n")
