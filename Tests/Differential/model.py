#!/usr/bin/env python3
"""Independent model of the pimsim core contract (Scenarios format v1, core only).

Written from /work/shared/design/scenario-format.md alone. Discrete event processing:
at every instant t (in increasing order) the contract's rule 6 phases are applied
  1. state changes (events in file order, activation ends, then activations that lost
     their last eligible path or whose user is disabled),
  2. approval decisions and expirations due at t (in the order they were scheduled),
  3. new requests at t (in file order),
and then the state is sampled: it holds on [t, next instant). Metrics are sums over
those steps. Everything is in whole seconds since `start`.

Readings chosen where the contract is silent (each agrees with pimsim unless noted):
- an activation ends when, after *all* state changes of an instant, no eligible path is
  left (an eligibility handed over at one instant keeps it running);
- a request's expiry (t + 24h) is taken in the decision phase, after the instant's leaves;
- a deny at t' is `denied` even when the requester is no longer eligible then (pimsim
  counts such a request both denied and cancelled);
- an `assign` event whose `start` is before the event takes effect at the event, and its
  `duration` runs from the written `start` (pimsim: from the event's time);
- responseTime 0: the decision is taken at the request's instant, after its requests
  (pimsim crashes);
- orphaned assignments: those in force at the end (start < horizon <= end);
- the last active Global Administrator (contract, `remove`): "in force" is read from the
  assignments' intervals at t, whatever its place in the instant: one that starts at t stays,
  one that ends at t does not; a disabled user's assignment or an empty group's still counts.

Usage: model.py SCENARIO.yaml   -> prints the core metrics as JSON
"""
import datetime as _dt
import heapq
import json
import re
import sys

import yaml

PRIVILEGED = {
    "Global Administrator": True,
    "Privileged Role Administrator": True,
    "User Administrator": True,
    "Security Administrator": True,
    "Helpdesk Administrator": True,
    "Exchange Administrator": False,
    "Groups Administrator": False,
}
TEMPLATE_IDS = {  # role template ids of the roles above (built-in catalogue)
    "62e90394-69f5-4237-9190-012177145e10": "Global Administrator",
    "e8611ab8-c189-46e8-94e1-60213ab1f814": "Privileged Role Administrator",
    "fe930be7-5e62-47db-91af-98c3a49a38b1": "User Administrator",
    "194ae4cb-b126-40b2-bd5b-6091b380977d": "Security Administrator",
    "729827e3-9c14-49f7-bb1b-9608f156bbb8": "Helpdesk Administrator",
    "29232cdf-9323-42fd-ade2-1d097af3e4de": "Exchange Administrator",
    "fdd7a751-b60b-444a-984c-02652fe8fa1c": "Groups Administrator",
}


def role_name(r):
    """A role by display name or template id -> its display name."""
    r = str(r)
    name = TEMPLATE_IDS.get(r.lower(), r)
    if name not in PRIVILEGED:
        raise ValueError("role %r is outside the model" % r)
    return name


GA = "Global Administrator"
PRA = "Privileged Role Administrator"
DAY = 86400
WINDOW = 24 * 3600  # approval window


class Loader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as strings (we parse them ourselves)."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_COMPACT = re.compile(r"^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")
_ISO = re.compile(r"^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


def parse_duration(s):
    s = str(s).strip()
    for rx in (_COMPACT, _ISO):
        m = rx.match(s)
        if m and s not in ("", "P", "PT") and not s.endswith("T") and any(m.groups()):
            w, d, h, mi, se = (int(x) if x else 0 for x in m.groups())
            return (((w * 7 + d) * 24 + h) * 60 + mi) * 60 + se
    raise ValueError("bad duration %r" % s)


def parse_timestamp(s):
    if isinstance(s, _dt.datetime):
        t = s
    else:
        t = _dt.datetime.fromisoformat(str(s).strip().replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=_dt.timezone.utc)
    return t


class Model:
    def __init__(self, sc):
        self.origin = parse_timestamp(sc["start"])
        self.H = parse_duration(sc["horizon"])
        tenant = sc.get("tenant") or {}
        self.users = []
        for u in tenant.get("users") or []:
            if "generate" in u:
                g = u["generate"]
                n, p = int(g["count"]), g["prefix"]
                w = len(str(n))
                self.users += ["%s%0*d" % (p, w, i) for i in range(1, n + 1)]
            else:
                self.users.append(u["id"])
        self.groups = {}
        self.assignable = {}
        for g in tenant.get("groups") or []:
            self.groups[g["id"]] = set(g.get("members") or [])
            self.assignable[g["id"]] = bool(g.get("roleAssignable", False))
        self.enabled = {u: True for u in self.users}

        pol = sc.get("policies") or {}
        dflt = ((pol.get("default") or {}).get("activation")) or {}
        self.default_act = {
            "maxDuration": parse_duration(dflt.get("maxDuration", "8h")),
            "requireApproval": bool(dflt.get("requireApproval", False)),
            "approvers": list(dflt.get("approvers") or []),
        }
        self.role_act = {}
        for rname, rp in (pol.get("roles") or {}).items():
            rname = role_name(rname)
            a = dict(self.default_act)
            ra = (rp or {}).get("activation") or {}
            if "maxDuration" in ra:
                a["maxDuration"] = parse_duration(ra["maxDuration"])
            if "requireApproval" in ra:
                a["requireApproval"] = bool(ra["requireApproval"])
            if "approvers" in ra:
                a["approvers"] = list(ra["approvers"] or [])
            self.role_act[rname] = a

        beh = (sc.get("behaviour") or {}).get("approvers") or {}
        self.response = parse_duration(beh.get("responseTime", "20m"))
        rate = float(beh.get("approveRate", 1.0))
        if rate not in (0.0, 1.0):
            raise ValueError("model supports approveRate 0.0 or 1.0 only")
        self.approve = rate == 1.0

        # roles appearing in the scenario
        self.roles = []

        def seen(r):
            if r not in self.roles:
                self.roles.append(r)

        self.assignments = []  # dicts: principal, role, type, scope, start, end
        for a in sc.get("assignments") or []:
            self.assignments.append(self.make_assignment(a, 0))
            seen(role_name(a["role"]))
        self.requests = []  # in file order
        for i, w in enumerate(sc.get("workload") or []):
            act = w["activate"]
            self.requests.append({
                "seq": i, "t": self.time(w["at"]), "user": act["user"],
                "role": role_name(act["role"]),
                "d": parse_duration(act["duration"]), "status": None,
            })
            seen(role_name(act["role"]))
        self.events = []
        for i, e in enumerate(sc.get("events") or []):
            ev = dict(e)
            ev["t"] = self.time(e["at"])
            ev["seq"] = i
            self.events.append(ev)
            for k in ("assign", "remove"):
                if k in e:
                    seen(role_name(e[k]["role"]))
        for r in (pol.get("roles") or {}):
            seen(role_name(r))

    # -- time -------------------------------------------------------------------------
    def time(self, v):
        s = str(v).strip() if not isinstance(v, _dt.datetime) else None
        if s is not None and re.match(r"^\d{4}-\d{2}-\d{2}", s):
            return self.abs_time(s)
        if isinstance(v, _dt.datetime):
            return self.abs_time(v)
        return parse_duration(s)

    def abs_time(self, v):
        delta = parse_timestamp(v) - self.origin
        secs = delta.total_seconds()
        assert secs == int(secs), "timestamps are whole seconds"
        return int(secs)

    def make_assignment(self, a, default_start):
        start = self.time(a["start"]) if "start" in a else default_start
        if "duration" in a:
            end = start + parse_duration(a["duration"])
        elif "end" in a and str(a["end"]) != "permanent":
            end = self.time(a["end"])
        else:
            end = None  # permanent
        return {
            "principal": a["principal"], "role": role_name(a["role"]),
            "type": a.get("type", "active"),
            "scope": a.get("scope", "/"), "start": start, "end": end,
        }

    def policy(self, role):
        return self.role_act.get(role, self.default_act)

    # -- state predicates (current state, at time t) ------------------------------------
    def in_effect(self, a, t):
        return a["start"] <= t and (a["end"] is None or t < a["end"])

    def applies_to(self, a, u):
        p = a["principal"]
        if p == u:
            return True
        return p in self.groups and u in self.groups[p]

    def has_path(self, u, r, t, typ):
        if not self.enabled.get(u, False):
            return False
        return any(a["role"] == r and a["type"] == typ and self.in_effect(a, t)
                   and self.applies_to(a, u) for a in self.assignments)

    def eligible(self, u, r, t):
        return self.has_path(u, r, t, "eligible")

    def standing(self, u, r, t):
        return self.has_path(u, r, t, "active")

    def activated(self, u, r, t):
        if not self.enabled.get(u, False):
            return False
        return any(x["user"] == u and x["role"] == r and x["g"] <= t < x["end"]
                   for x in self.activations)

    def holds(self, u, r, t):
        return self.standing(u, r, t) or self.activated(u, r, t)

    def last_global_admin(self, matched, t):
        """The contract's remove rule: ending `matched` would end an active Global Administrator
        assignment in force at t while no other active one (any principal) stays in force."""
        def active_ga(a):
            return a["role"] == "Global Administrator" and a["type"] == "active" and self.in_effect(a, t)
        if not any(active_ga(a) for a in matched):
            return False
        ids = {id(a) for a in matched}
        return not any(active_ga(a) for a in self.assignments if id(a) not in ids)

    # -- simulation ---------------------------------------------------------------------
    def schedule(self, t):
        if self.now <= t < self.H and t not in self.scheduled:
            self.scheduled.add(t)
            heapq.heappush(self.heap, t)

    def schedule_assignment(self, a, now=0):
        self.schedule(max(a["start"], now))
        if a["end"] is not None:
            self.schedule(a["end"])

    def run(self):
        H = self.H
        self.heap, self.scheduled = [], set()
        self.activations = []  # user, role, g, end (end is final or the cap)
        self.due = []  # (time, order, kind, request) for decisions and expirations
        self.due_seq = 0
        self.now = 0
        self.schedule(0)
        for a in self.assignments:
            self.schedule_assignment(a)
        for e in self.events:
            self.schedule(e["t"])
        for rq in self.requests:
            self.schedule(rq["t"])

        steps = []  # (t, snapshot)
        while self.heap:
            t = self.now = heapq.heappop(self.heap)
            self.phase_state_changes(t)
            self.phase_decisions(t)
            self.phase_requests(t)
            # responseTime 0: a decision scheduled by a request at t is due at t; the contract
            # does not place it, this model takes it right after the requests of the instant
            self.phase_decisions(t)
            steps.append((t, self.snapshot(t)))
        return self.metrics(steps)

    def phase_state_changes(self, t):
        for e in self.events:
            if e["t"] != t:
                continue
            if "leave" in e:
                u = e["leave"]
                if self.enabled.get(u):
                    self.enabled[u] = False
                    for rq in self.requests:
                        if rq["user"] == u and rq["status"] == "pending":
                            rq["status"] = "cancelled"
            elif "membership" in e:
                m = e["membership"]
                mem = self.groups[m["group"]]
                for u in m.get("add") or []:
                    mem.add(u)
                for u in m.get("remove") or []:
                    mem.discard(u)
            elif "assign" in e:
                a = self.make_assignment(e["assign"], t)
                self.assignments.append(a)
                self.schedule_assignment(a, t)
            elif "remove" in e:
                spec = e["remove"]
                matched = []
                for a in self.assignments:
                    if a["principal"] != spec["principal"] or a["role"] != role_name(spec["role"]):
                        continue
                    if "type" in spec and a["type"] != spec["type"]:
                        continue
                    if "scope" in spec and a["scope"] != spec["scope"]:
                        continue
                    if a["end"] is None or a["end"] > t:  # not ended yet
                        matched.append(a)
                if self.last_global_admin(matched, t):
                    continue  # Entra refuses: the removal changes nothing at all
                for a in matched:
                    a["end"] = t
                    if a["start"] > t:
                        a["start"] = t  # never starts
            else:
                raise ValueError("unsupported event %r" % e)
        # activation ends: cap reached, user disabled, or no eligible path left
        for x in self.activations:
            if x["g"] <= t < x["end"]:
                if not self.enabled[x["user"]] or not self.eligible(x["user"], x["role"], t):
                    x["end"] = t

    def phase_decisions(self, t):
        due = sorted(d for d in self.due if d[0] == t)
        self.due = [d for d in self.due if d[0] != t]
        for _, _, kind, rq in due:
            if rq["status"] != "pending":
                continue
            if kind == "expire":
                rq["status"] = "expired"
                continue
            # an answer from an approver still enabled decides
            if not any(self.enabled.get(a, False) for a in rq["approvers"]):
                self.add_due(rq["t"] + WINDOW, "expire", rq)
                continue
            if not self.approve:
                rq["status"] = "denied"
                continue
            u, r = rq["user"], rq["role"]
            if not self.enabled[u] or not self.eligible(u, r, t) or self.holds(u, r, t):
                rq["status"] = "cancelled"
                continue
            self.grant(rq, t)

    def add_due(self, when, kind, rq):
        self.due.append((when, self.due_seq, kind, rq))
        self.due_seq += 1
        self.schedule(when)

    def grant(self, rq, t):
        rq["status"] = "granted"
        end = t + min(rq["d"], self.policy(rq["role"])["maxDuration"])
        self.activations.append({"user": rq["user"], "role": rq["role"], "g": t, "end": end})
        self.schedule(end)

    def phase_requests(self, t):
        for rq in self.requests:
            if rq["t"] != t:
                continue
            u, r = rq["user"], rq["role"]
            if (not self.enabled.get(u, False) or not self.eligible(u, r, t)
                    or self.holds(u, r, t)
                    or any(o["user"] == u and o["role"] == r and o["status"] == "pending"
                           for o in self.requests)):
                rq["status"] = "rejected"
                continue
            pol = self.policy(r)
            if not pol["requireApproval"]:
                self.grant(rq, t)
                continue
            rq["status"] = "pending"
            if pol["approvers"]:
                cands = []
                for a in pol["approvers"]:
                    if a in self.groups:
                        cands += sorted(self.groups[a])
                    else:
                        cands.append(a)
            else:
                cands = [v for v in self.users if self.holds(v, PRA, t) or self.holds(v, GA, t)]
            rq["approvers"] = [v for v in cands if v != u and self.enabled.get(v, False)]
            if rq["approvers"] and self.response < WINDOW:
                self.add_due(t + self.response, "decide", rq)
            else:
                self.add_due(t + WINDOW, "expire", rq)

    def snapshot(self, t):
        s = {"held": {}, "standing": {}, "eligible": {}, "standingAdmins": 0, "globalAdmins": 0}
        for r in self.roles:
            s["held"][r] = sum(1 for u in self.users if self.holds(u, r, t))
            s["standing"][r] = sum(1 for u in self.users if self.standing(u, r, t))
            s["eligible"][r] = sum(1 for u in self.users if self.eligible(u, r, t))
        priv = [r for r in self.roles if PRIVILEGED[r]]
        s["total"] = sum(1 for u in self.users for r in priv if self.holds(u, r, t))
        s["standingPriv"] = sum(1 for u in self.users for r in priv if self.standing(u, r, t))
        s["standingAdmins"] = sum(1 for u in self.users
                                  if any(self.standing(u, r, t) for r in priv))
        s["globalAdmins"] = sum(1 for u in self.users if self.holds(u, GA, t))
        return s

    def metrics(self, steps):
        H = self.H
        total = standing = 0
        act = {r: 0 for r in self.roles}
        elig = {r: 0 for r in self.roles}
        sa_int = 0
        sa_vals, ga_vals = [], []
        for i, (t, s) in enumerate(steps):
            nxt = steps[i + 1][0] if i + 1 < len(steps) else H
            dt = nxt - t
            assert dt > 0
            total += s["total"] * dt
            standing += s["standingPriv"] * dt
            for r in self.roles:
                act[r] += s["held"][r] * dt
                elig[r] += s["eligible"][r] * dt
            sa_int += s["standingAdmins"] * dt
            sa_vals.append(s["standingAdmins"])
            ga_vals.append(s["globalAdmins"])
        counts = {k: 0 for k in ("granted", "denied", "expired", "rejected", "cancelled", "pending")}
        n = 0
        for rq in self.requests:
            if rq["t"] >= H:
                continue
            n += 1
            counts[rq["status"]] += 1
        orphaned = 0
        for a in self.assignments:
            p = a["principal"]
            if p in self.enabled and not self.enabled[p]:
                if a["start"] < H and (a["end"] is None or a["end"] >= H) and \
                        (a["end"] is None or a["end"] > a["start"]):
                    orphaned += 1
        return {
            "activations": dict(counts, requested=n),
            "globalAdmins": {"min": min(ga_vals), "max": max(ga_vals), "end": ga_vals[-1]},
            "hygiene": {"orphanedAssignments": orphaned},
            "privilegedHours": {"total": total / 3600, "standing": standing / 3600,
                                "jit": (total - standing) / 3600},
            "roles": {r: {"activeHours": act[r] / 3600, "eligibleHours": elig[r] / 3600,
                          "privileged": PRIVILEGED[r]} for r in self.roles},
            "standingAdmins": {"max": max(sa_vals), "end": sa_vals[-1], "mean": sa_int / H},
        }


def run_file(path):
    with open(path) as f:
        sc = yaml.load(f, Loader=Loader)
    return Model(sc).run()


if __name__ == "__main__":
    print(json.dumps(run_file(sys.argv[1]), indent=1, sort_keys=True))
