#!/usr/bin/env python3
"""Seeded random generator of valid scenarios inside the core of the contract.

Usage: generate.py SEED [OUTFILE]   (stdout when OUTFILE is omitted)

The scenarios deliberately contain ties: request, event, assignment and decision times are
drawn from a shared pool of instants, plus instants derived from them (request + responseTime,
request + 24h, grant + activation length), so that many things happen at the same instant.
"""
import datetime as dt
import random
import sys

ROLES = [
    "Global Administrator", "Privileged Role Administrator", "User Administrator",
    "Security Administrator", "Helpdesk Administrator", "Exchange Administrator",
    "Groups Administrator",
]
# the roles above that Entra lets be assigned at an administrative unit's scope
AU_ROLES = {"User Administrator", "Helpdesk Administrator", "Groups Administrator"}
MIN_ASSIGNMENT = 300  # seconds: the shortest assignment Entra accepts
NAMES = ["ann", "bo", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo"]
GROUPS = ["ops", "tier0", "helpdesk"]
RESPONSE = {"10m": 600, "1h": 3600, "23h": 23 * 3600, "24h": 24 * 3600, "30h": 30 * 3600}
H_, M_ = 3600, 60
TEMPLATE_IDS = {
    "Global Administrator": "62e90394-69f5-4237-9190-012177145e10",
    "Privileged Role Administrator": "e8611ab8-c189-46e8-94e1-60213ab1f814",
    "User Administrator": "fe930be7-5e62-47db-91af-98c3a49a38b1",
    "Security Administrator": "194ae4cb-b126-40b2-bd5b-6091b380977d",
    "Helpdesk Administrator": "729827e3-9c14-49f7-bb1b-9608f156bbb8",
    "Exchange Administrator": "29232cdf-9323-42fd-ade2-1d097af3e4de",
    "Groups Administrator": "fdd7a751-b60b-444a-984c-02652fe8fa1c",
}


def compact(s):
    if s == 0:
        return "0d"
    out = ""
    for unit, n in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if s >= n:
            out += "%d%s" % (s // n, unit)
            s %= n
    return out


def iso(s):
    if s == 0:
        return "PT0S"
    d, s = divmod(s, 86400)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    out = "P" + ("%dD" % d if d else "")
    t = "".join("%d%s" % (v, u) for v, u in ((h, "H"), (m, "M"), (s, "S")) if v)
    return out + ("T" + t if t else "")


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seed = seed

    def dur(self, s):
        """A duration, written compact or ISO."""
        return compact(s) if self.r.random() < 0.6 else iso(s)

    def time(self, s, allow_abs=True):
        """A time: mostly an offset, sometimes an absolute timestamp."""
        if allow_abs and self.r.random() < 0.12:
            return self.abs(s)
        return self.dur(s)

    def abs(self, s):
        t = self.origin + dt.timedelta(seconds=s)
        return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def generate(self):
        r = self.r
        lines = []
        self.origin = dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc) + dt.timedelta(
            days=r.randrange(0, 60))
        if r.random() < 0.2:  # a start written with a UTC offset
            tz = dt.timezone(dt.timedelta(hours=2))
            start_txt = self.origin.astimezone(tz).isoformat()
        else:
            start_txt = self.origin.strftime("%Y-%m-%dT%H:%M:%SZ")
        days = r.randint(1, 10)
        H = days * 86400
        self.H = H
        horizon_txt = r.choice(["%dd" % days, "P%dD" % days, "%dh" % (days * 24)])

        users = NAMES[: r.randint(3, 8)]
        generated = None
        if r.random() < 0.1:  # a `generate` entry instead of some named users
            n = r.randint(1, 11)
            w = len(str(n))
            generated = n
            users = users[:r.randint(1, 3)] + ["staff%0*d" % (w, i) for i in range(1, n + 1)]
            users = users[:8]
        ngroups = r.randint(0, 3)
        groups = []
        for g in GROUPS[:ngroups]:
            groups.append({"id": g, "ra": r.random() < 0.75,
                           "members": sorted(r.sample(users, r.randint(0, min(3, len(users)))))})
        ra_groups = [g["id"] for g in groups if g["ra"]]
        roles = r.sample(ROLES, r.randint(2, 4))
        if r.random() < 0.5 and "Global Administrator" not in roles:
            roles.append("Global Administrator")

        unit = r.choice([H_, H_, 30 * M_, M_ * r.choice([1, 5, 15])])
        # the pool of base instants
        pool = sorted({r.randrange(0, H // unit) * unit for _ in range(r.randint(4, 10))} | {0})

        def pick():
            return r.choice(pool)

        resp_txt = r.choice(list(RESPONSE))
        resp = RESPONSE[resp_txt]

        # policies
        def maxdur():
            return r.randint(1, 48) * 30 * M_

        def approvers():
            k = r.random()
            if k < 0.4:
                return []
            cands = users + [g["id"] for g in groups]
            return r.sample(cands, r.randint(1, min(2, len(cands))))

        maxdurs = {}
        default = {}
        if r.random() < 0.5:
            default["maxDuration"] = maxdur()
        if r.random() < 0.3:
            default["requireApproval"] = r.random() < 0.5
        if r.random() < 0.2:
            default["approvers"] = approvers()
        per_role = {}
        for role in roles:
            if r.random() < 0.6:
                a = {"requireApproval": r.random() < 0.7}
                if r.random() < 0.6:
                    a["maxDuration"] = maxdur()
                if r.random() < 0.3:
                    del a["requireApproval"]
                if not a:
                    continue
                if r.random() < 0.5:
                    a["approvers"] = approvers()
                per_role[role] = a
        for role in roles:
            maxdurs[role] = per_role.get(role, {}).get(
                "maxDuration", default.get("maxDuration", 8 * H_))

        # assignments
        principals = users + ra_groups

        def assignment(default_start=None):
            a = {"principal": r.choice(principals), "role": r.choice(roles),
                 "type": r.choice(["active", "eligible", "eligible"])}
            if r.random() < 0.2:
                # only the roles Entra lets be scoped to an administrative unit take one
                au_ok = a["role"] in AU_ROLES
                a["scope"] = r.choice(["/", "/administrativeUnits/au1"]) if au_ok else "/"
            k = r.random()
            start = default_start if default_start is not None else 0
            if default_start is None:
                if k < 0.1:
                    start = -r.randint(1, 72) * H_
                    a["start"] = self.abs(start)
                elif k < 0.55:
                    start = pick()
                    a["start"] = self.time(start)
            else:
                if k < 0.3:
                    start = r.choice([s for s in pool if s >= default_start] or [default_start])
                    a["start"] = self.time(start)
            k = r.random()
            end = None
            if k < 0.35:
                # Entra refuses assignments shorter than 5 minutes
                later = [s for s in pool + self.derived if s >= start + MIN_ASSIGNMENT]
                if later:
                    end = r.choice(later)
                    a["end"] = self.time(end)
            elif k < 0.55:
                end = start + max(MIN_ASSIGNMENT, r.choice([1, 2, 3, 6, 12, 24, 30]) * unit)
                a["duration"] = self.dur(end - start)
            elif k < 0.65:
                a["end"] = "permanent"
            a["_start"], a["_end"] = start, (end if end is not None else 10**9)
            return a

        self.derived = []
        assignments = [assignment() for _ in range(r.randint(3, 8))]
        # make sure some eligibility exists
        if not any(a["type"] == "eligible" for a in assignments):
            assignments[0]["type"] = "eligible"

        # workload
        nreq = r.randint(5, 30)
        requests = []
        for i in range(nreq):
            k = r.random()
            if k < 0.5 or not requests:
                t = pick()
            elif k < 0.7:
                t = r.choice(requests)["t"] + resp
            elif k < 0.8:
                t = r.choice(requests)["t"] + 24 * H_
            else:
                q = r.choice(requests)
                t = q["t"] + r.choice([0, resp]) + min(q["d"], maxdurs[q["role"]])
            if r.random() < 0.05:  # decision or expiry exactly at the horizon
                t = H - r.choice([resp, 24 * H_])
            if t >= H or t < 0:
                t = H if r.random() < 0.1 else pick()
            elig = [a for a in assignments if a["type"] == "eligible"]
            if elig and r.random() < 0.85:
                a = r.choice(elig)
                role = a["role"]
                if a["principal"] in users:
                    u = a["principal"]
                else:
                    g = [x for x in groups if x["id"] == a["principal"]][0]
                    u = r.choice(g["members"] or users) if r.random() < 0.8 else r.choice(users)
                inside = [x for x in pool + self.derived if a["_start"] <= x < min(a["_end"], H)]
                if inside and r.random() < 0.6:
                    t = r.choice(inside)
            else:
                u, role = r.choice(users), r.choice(roles)
            d = r.choice([15 * M_, 30 * M_, H_, 2 * H_, 3 * H_, 5 * H_, 8 * H_, 10 * H_, 30 * H_])
            requests.append({"t": t, "user": u, "role": role, "d": d})
            self.derived += [t + resp, t + 24 * H_, t + min(d, maxdurs[role]),
                             t + resp + min(d, maxdurs[role])]
        times = sorted({q["t"] for q in requests})
        r.shuffle(requests) if r.random() < 0.3 else None

        # events
        events = []
        left = set()
        pairs = [(a["principal"], a["role"]) for a in assignments]
        for _ in range(r.randint(0, 10)):
            k = r.random()
            x = r.random()
            t = pick() if x < 0.4 else (r.choice(times) if x < 0.7 else r.choice(self.derived))
            focus = None
            if r.random() < 0.5:  # an event aimed at one request's user and instants
                focus = r.choice(requests)
                md = min(focus["d"], maxdurs[focus["role"]])
                t = focus["t"] + r.choice([0, resp, 24 * H_, md, resp + md])
            if t >= H:
                t = H if r.random() < 0.1 else pick()
            if k < 0.25:
                cands = [u for u in users if u not in left]
                if not cands:
                    continue
                u = r.choice(cands)
                if focus and focus["user"] not in left and r.random() < 0.6:
                    u = focus["user"]
                left.add(u)
                events.append({"t": t, "txt": "leave: %s" % u})
            elif k < 0.45 and groups:
                g = r.choice(groups)
                add = r.sample(users, r.randint(0, 2))
                rem = r.sample(users, r.randint(0, 2))
                if focus and r.random() < 0.6:
                    rem.append(focus["user"])
                if r.random() < 0.9:
                    rem = [u for u in dict.fromkeys(rem) if u not in add]
                if not add and not rem:
                    add = [r.choice(users)]
                parts = ["group: %s" % g["id"]]
                if add:
                    parts.append("add: [%s]" % ", ".join(add))
                if rem:
                    parts.append("remove: [%s]" % ", ".join(rem))
                events.append({"t": t, "txt": "membership: {%s}" % ", ".join(parts)})
            elif k < 0.7:
                a = assignment(default_start=t)
                pairs.append((a["principal"], a["role"]))
                events.append({"t": t, "txt": "assign: %s" % self.flow(a)})
            else:
                p, role = r.choice(pairs)
                if focus and r.random() < 0.6:
                    p, role = r.choice([x for x in pairs if x[1] == focus["role"]] or [(p, role)])
                spec = {"principal": p, "role": role}
                if r.random() < 0.3:
                    spec["type"] = r.choice(["active", "eligible"])
                if r.random() < 0.1:
                    spec["scope"] = "/"
                events.append({"t": t, "txt": "remove: %s" % self.flow(spec)})
        if r.random() < 0.5:
            events.sort(key=lambda e: e["t"])

        # write
        out = []
        out.append("# generated by Tests/Differential/generate.py, seed %d" % self.seed)
        out.append("scenario: diff-%d" % self.seed)
        if r.random() < 0.2:
            out.append("description: random core scenario")
        out.append("start: %s" % start_txt)
        out.append("horizon: %s" % horizon_txt)
        if r.random() < 0.2:
            out.append("seed: %d" % r.randint(1, 1000))
        out.append("tenant:")
        named = [u for u in users if not u.startswith("staff")]

        def user_entry(u):
            extra = ""
            if r.random() < 0.15:
                extra += ", name: %s Example" % u.capitalize()
            others = [v for v in named if v != u]
            if others and r.random() < 0.15:
                extra += ", manager: %s" % r.choice(others)
            return "{id: %s%s}" % (u, extra)
        out.append("  users: [%s]" % ", ".join([user_entry(u) for u in named] + (
            ["{generate: {count: %d, prefix: staff}}" % generated] if generated else [])))
        if groups:
            out.append("  groups:")
            for g in groups:
                owners = (", owners: [%s]" % r.choice(named)) if r.random() < 0.2 else ""
                out.append("    - {id: %s, roleAssignable: %s, members: [%s]%s}" % (
                    g["id"], "true" if g["ra"] else "false", ", ".join(g["members"]), owners))
        if default or per_role:
            out.append("policies:")
            if default:
                out.append("  default:")
                out.append("    activation: %s" % self.flow(self.pol(default)))
            if per_role:
                out.append("  roles:")
                for role, a in per_role.items():
                    out.append("    %s:" % self.rname(role))
                    out.append("      activation: %s" % self.flow(self.pol(a)))
        out.append("assignments:")
        for a in assignments:
            out.append("  - %s" % self.flow(a))
        beh = {"responseTime": resp_txt if r.random() < 0.5 else iso(resp)}
        if r.random() < 0.8:
            beh["approveRate"] = r.choice(["1.0", "0.0", "1.0"])
        out.append("behaviour:")
        out.append("  approvers: %s" % self.flow(beh))
        if r.random() < 0.15:
            out.append("  deactivateEarly: 0.0")
        out.append("workload:")
        for q in requests:
            out.append("  - {at: %s, activate: {user: %s, role: %s, duration: %s}}" % (
                self.time(q["t"]), q["user"], self.rname(q["role"]), self.dur(q["d"])))
        if events:
            out.append("events:")
            for e in events:
                out.append("  - {at: %s, %s}" % (self.time(e["t"]), e["txt"]))
        return "\n".join(out) + "\n"

    def pol(self, a):
        o = {}
        if "maxDuration" in a:
            o["maxDuration"] = self.dur(a["maxDuration"])
        if "requireApproval" in a:
            o["requireApproval"] = "true" if a["requireApproval"] else "false"
        if "approvers" in a:
            o["approvers"] = "[%s]" % ", ".join(a["approvers"])
        return o

    def flow(self, d):
        return "{%s}" % ", ".join("%s: %s" % (k, self.rname(v) if k == "role" else v)
                                  for k, v in d.items() if not k.startswith("_"))

    def rname(self, role):
        """A role reference: mostly the display name, sometimes the role template id."""
        return TEMPLATE_IDS[role] if self.r.random() < 0.08 else role


def generate(seed):
    return Gen(seed).generate()


if __name__ == "__main__":
    text = generate(int(sys.argv[1]))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
