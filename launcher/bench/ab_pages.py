#!/usr/bin/env python3
"""The console pages' slowest API calls, A/B, in the suite's condition: two platforms started with --demo side by
side (JAR_A, JAR_B), each loaded first with the signed-in audited listing as run.py does before its page walk (so the
audit log holds tens of thousands of today's entries), then measured A, B, A, B ... in turn:

- the audit page's default call (`/audit?from=…&to=…&page=1&size=20`) alone, ROUNDS times;
- the dashboard's calls fired at once as the page fires them (its 11 loaders, the scope's streets and each street's
  communities), ROUNDS bursts: the server time of each call;
- with --walks N: N walks of every console page through headless Chromium (pages.py), the slowest calls of each.

Server time is the `Server-Timing: app;dur=` header (token check, access rule, handler, audit entry committed).

Usage: launcher/bench/ab_pages.py JAR_A JAR_B [--fill 16] [--rounds 20] [--walks 1] [--also PATH ...]
"""
import argparse, json, re, shutil, statistics, subprocess, threading, urllib.request
from datetime import date, timedelta

import pages
from loumen_bench import Platform

a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
a.add_argument("jar_a")
a.add_argument("jar_b")
a.add_argument("--fill", type=int, default=16, help="seconds of wrk -c32 on the signed-in listing per platform")
a.add_argument("--rounds", type=int, default=20)
a.add_argument("--walks", type=int, default=0, help="walks of every page through Chromium per platform")
a.add_argument("--also", action="append", default=[], help="another path timed alone each round (repeatable)")
o = a.parse_args()

COMMUNITY = "120112103001"  # as run.py
today = date.today()
half = "H1" if today.month <= 6 else "H2"
# the audit page's default filter: the last 30 days until today (js/pages/audit.js)
AUDIT = f"/api/v1/audit?from={(today - timedelta(days=30)).isoformat()}&to={today.isoformat()}&page=1&size=20"
LOADERS = [f"/api/v1/reports/leader-profile?asOf={today.isoformat()}", "/api/v1/reports/stats",
           "/api/v1/meetings/cadence", f"/api/v1/evaluations?period={today.year}-{half}&size=200",
           "/api/v1/care/overdue", "/api/v1/work-log/stats", "/api/v1/civic/figures", "/api/v1/training/figures",
           "/api/v1/capacity-training/coverage", "/api/v1/streets"]


def timed(p, path):
    req = urllib.request.Request(f"http://127.0.0.1:{p.port}{path}", headers={"Authorization": "Bearer " + p.token})
    with urllib.request.urlopen(req, timeout=60) as r:
        body = r.read()
        m = re.search(r"dur=([\d.]+)", r.headers.get("Server-Timing") or "")
        return (float(m.group(1)) if m else None), body


def burst(p, paths):
    out = {}

    def one(q):
        out[q] = timed(p, q)[0]
    threads = [threading.Thread(target=one, args=(q,)) for q in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def fill(p):
    subprocess.run(["wrk", "-t2", "-c32", f"-d{o.fill}s", "-H", f"Authorization: Bearer {p.token}",
                    f"http://127.0.0.1:{p.port}/api/v1/leaders?community={COMMUNITY}&size=20"],
                   capture_output=True, check=True)


if not shutil.which("wrk"):
    raise SystemExit("wrk is missing: apt-get install -y wrk")
with Platform("Pages-AB-2026", "loumen-abp-a-", args=["--demo"], jar=o.jar_a) as pa, \
        Platform("Pages-AB-2026", "loumen-abp-b-", args=["--demo"], jar=o.jar_b) as pb:
    both = (("A", pa), ("B", pb))
    loads = [load()]
    for _, p in both:
        fill(p)
        streets = [s["code"] for s in json.loads(timed(p, "/api/v1/streets")[1]) if s.get("communities", 0) > 0]
        p.dashboard = LOADERS + [f"/api/v1/streets/{s}/communities" for s in streets]
        entries = json.loads(timed(p, AUDIT)[1])
        print(f"{_}: audit log filled ({entries['total']}{'+' if entries['totalCapped'] else ''} entries this month)")
        for _ in range(3):  # warm-up
            timed(p, AUDIT), burst(p, p.dashboard)
    loads.append(load())
    audit, dash, also = {"A": [], "B": []}, {"A": {}, "B": {}}, {"A": {}, "B": {}}
    for _ in range(o.rounds):
        for name, p in both:
            audit[name].append(timed(p, AUDIT)[0])
            for q in o.also:
                also[name].setdefault(q, []).append(timed(p, q)[0])
            for q, ms in burst(p, p.dashboard).items():
                dash[name].setdefault(q, []).append(ms)
    loads.append(load())
    walks = {"A": [], "B": []}
    for _ in range(o.walks):
        for name, p in both:
            walks[name].append(pages.walk(f"http://127.0.0.1:{p.port}", p.token))
    loads.append(load())

    print(f"audit page's default call ({AUDIT}), {o.rounds} rounds:")
    for name in ("A", "B"):
        xs = audit[name]
        print(f"  {name}: median {statistics.median(xs):.1f} ms, max {max(xs):.1f} ms")
    for q in o.also:
        print(f"{q} alone: " + "; ".join(f"{n} median {statistics.median(also[n][q]):.1f} ms, max "
                                          f"{max(also[n][q]):.1f} ms" for n in ("A", "B")))
    print(f"dashboard's {len(pa.dashboard)} calls at once, {o.rounds} bursts: median / max of each (the slowest 6 by "
          f"median), and the slowest call of each burst")
    for name in ("A", "B"):
        rows = sorted(dash[name].items(), key=lambda kv: -statistics.median(kv[1]))
        print(f"  {name}: " + "; ".join(f"{q.split('?')[0].replace('/api/v1', '')} {statistics.median(v):.1f}/"
                                       f"{max(v):.1f}" for q, v in rows[:6]))
        worst = [max(v[i] for v in dash[name].values()) for i in range(o.rounds)]
        print(f"     slowest call of a burst: median {statistics.median(worst):.1f} ms, max {max(worst):.1f} ms")
    for name in ("A", "B"):
        for i, w in enumerate(walks[name]):
            calls = sorted(((c["server"], page, c["path"]) for page, cs in w for c in cs
                            if c.get("server") is not None), reverse=True)
            print(f"  walk {i + 1} {name}: {len(calls)} calls, median {statistics.median(c[0] for c in calls):.1f} ms;"
                  f" slowest " + "; ".join(f"{ms:.1f} #{page} {path.split('?')[0]}" for ms, page, path in calls[:4]))
    print("load " + " -> ".join(loads))
