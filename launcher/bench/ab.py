#!/usr/bin/env python3
"""A/B of request-path figures on a loaded machine: two platforms, JAR_A and JAR_B (e.g. this branch's loumen.jar and
main's), both with --demo, side by side; wrk loads A, B, A, B ... in turn, so a change in the machine's load hits
both alike, and the ratio is taken pair by pair. Also ballots over HTTP (ballots.py), A then B, PAIRS times.

Usage: launcher/bench/ab.py JAR_A JAR_B [--pairs 3] [--seconds 5] [--connections 32] [--no-ballots | --only-ballots]
"""
import argparse, os, re, statistics, subprocess

import ballots
from loumen_bench import Platform

COMMUNITY = "120112103001"
a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
a.add_argument("jar_a")
a.add_argument("jar_b")
a.add_argument("--pairs", type=int, default=3)
a.add_argument("--seconds", type=int, default=5)
a.add_argument("--connections", type=int, default=32)
a.add_argument("--no-ballots", action="store_true")
a.add_argument("--only-ballots", action="store_true")
o = a.parse_args()


def wrk(p, path, signed_in):
    cmd = ["wrk", "-t2", f"-c{o.connections}", f"-d{o.seconds}s", "--latency"]
    if signed_in:
        cmd += ["-H", f"Authorization: Bearer {p.token}"]
    out = subprocess.run(cmd + [f"http://127.0.0.1:{p.port}{path}"], capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)], int(bad.group(1)) if bad else 0


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


routes = [("GET /api/v1/public/leaders?community=…", f"/api/v1/public/leaders?community={COMMUNITY}", False),
          ("GET /api/v1/leaders?community=…&size=20 (signed in, audited)",
           f"/api/v1/leaders?community={COMMUNITY}&size=20", True)]
with Platform("Ab-Bench-2026", "loumen-ab-a-", args=["--demo"], jar=o.jar_a) as pa, \
        Platform("Ab-Bench-2026", "loumen-ab-b-", args=["--demo"], jar=o.jar_b) as pb:
    for name, path, signed in ([] if o.only_ballots else routes):
        wrk(pa, path, signed), wrk(pb, path, signed)  # warm-up
        ratios = []
        print(name, flush=True)
        for i in range(1, o.pairs + 1):
            ra, rb = wrk(pa, path, signed), wrk(pb, path, signed)
            ratios.append(ra[0] / rb[0])
            print(f"  pair {i}: A {ra[0]:,.0f} req/s p99 {ra[1]:.1f} ms{' (%d bad)' % ra[2] if ra[2] else ''} | "
                  f"B {rb[0]:,.0f} req/s p99 {rb[1]:.1f} ms{' (%d bad)' % rb[2] if rb[2] else ''} | "
                  f"A/B {ra[0] / rb[0]:.2f} | load {load()}", flush=True)
        print(f"  median A/B {statistics.median(ratios):.2f}", flush=True)
    if not o.no_ballots:
        print("ballots over HTTP (POST /api/v1/ballots, each code once)", flush=True)
        ratios = []
        for i in range(1, o.pairs + 1):
            ra = ballots.measure(pa, o.seconds, o.connections, tag=f"{i}")
            rb = ballots.measure(pb, o.seconds, o.connections, tag=f"{i}")
            ratios.append(ra[0] / rb[0])
            print(f"  pair {i}: A {ra[0]:,.0f} accepted/s p99 {ra[1]:.1f} ms ({ra[2]} accepted, {ra[3]} refused, "
                  f"{ra[4]} counted) | B {rb[0]:,.0f} accepted/s p99 {rb[1]:.1f} ms ({rb[2]} accepted, {rb[3]} "
                  f"refused, {rb[4]} counted) | A/B {ra[0] / rb[0]:.2f} | load {load()}", flush=True)
        print(f"  median A/B {statistics.median(ratios):.2f}", flush=True)
