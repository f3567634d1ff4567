#!/usr/bin/env python3
"""The console dashboard's API calls, A/B: server time (the `Server-Timing: app;dur=` header) of one call alone and of
the same call among the dashboard's calls fired at once (as the browser does on 2 cores), on two platforms started
with --demo side by side (JAR_A, JAR_B), measured A, B, A, B ... in turn.

Usage: launcher/bench/dashboard_calls.py JAR_A JAR_B [--path /api/v1/civic/figures] [--rounds 30]
"""
import argparse, re, statistics, threading, urllib.request
from datetime import date

from loumen_bench import Platform

a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
a.add_argument("jar_a")
a.add_argument("jar_b")
a.add_argument("--path", default="/api/v1/civic/figures")
a.add_argument("--rounds", type=int, default=30)
o = a.parse_args()
today = date.today().isoformat()
half = "H1" if date.today().month <= 6 else "H2"
DASHBOARD = [f"/api/v1/reports/leader-profile?asOf={today}", "/api/v1/reports/stats", "/api/v1/meetings/cadence",
             f"/api/v1/evaluations?period={date.today().year}-{half}&size=200", "/api/v1/care/overdue",
             "/api/v1/work-log/stats", "/api/v1/civic/figures", "/api/v1/training/figures",
             "/api/v1/capacity-training/coverage", "/api/v1/streets", "/api/v1/public/streets"]


def timed(p, path):
    req = urllib.request.Request(f"http://127.0.0.1:{p.port}{path}", headers={"Authorization": "Bearer " + p.token})
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()
        m = re.search(r"dur=([\d.]+)", r.headers.get("Server-Timing") or "")
        return float(m.group(1)) if m else None


def burst(p, path):
    """The dashboard's calls at once; the server time of PATH among them."""
    out = {}
    threads = [threading.Thread(target=lambda q=q: out.__setitem__(q, timed(p, q))) for q in DASHBOARD]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out[path]


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


with Platform("Dash-Bench-2026", "loumen-dash-a-", args=["--demo"], jar=o.jar_a) as pa, \
        Platform("Dash-Bench-2026", "loumen-dash-b-", args=["--demo"], jar=o.jar_b) as pb:
    for p in (pa, pb):  # warm-up
        for _ in range(10):
            timed(p, o.path), burst(p, o.path)
    alone, among = {"A": [], "B": []}, {"A": [], "B": []}
    loads = [load()]
    for _ in range(o.rounds):
        for name, p in (("A", pa), ("B", pb)):
            alone[name].append(timed(p, o.path))
            among[name].append(burst(p, o.path))
    loads.append(load())
    for name in ("A", "B"):
        print(f"{name}: {o.path} alone median {statistics.median(alone[name]):.1f} ms (min {min(alone[name]):.1f}); "
              f"among the dashboard's {len(DASHBOARD)} calls median {statistics.median(among[name]):.1f} ms, "
              f"max {max(among[name]):.1f} ms")
    print(f"load {loads[0]} -> {loads[1]}")
