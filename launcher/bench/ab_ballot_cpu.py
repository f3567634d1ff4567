#!/usr/bin/env python3
"""A/B of the processor time a ballot costs (not a test): two loumen.jar builds, each started in turn with --demo and
loaded with POST /api/v1/ballots as ballots.py does (after a warm-up), reading the platform process's CPU time
(user + system, /proc/PID/stat) before and after the load. CPU per accepted ballot hardly moves with a neighbour's
load, where ballots/s does; on a CPU-bound two-core machine it is what sets the throughput.

Usage: launcher/bench/ab_ballot_cpu.py A.jar B.jar [--pairs 2] [--seconds 8] [--connections 32]
"""
import argparse, os, statistics

import ballots
from loumen_bench import Platform

a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
a.add_argument("jar_a")
a.add_argument("jar_b")
a.add_argument("--pairs", type=int, default=2)
a.add_argument("--seconds", type=int, default=8)
a.add_argument("--connections", type=int, default=32)
o = a.parse_args()
TICK = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICK


def one(jar):
    with Platform("Ballots-Bench-2026", "loumen-abcpu-", args=["--demo"], jar=jar) as p:
        evaluation, bodies = ballots.prepare(p, 120, "1")
        spare = min(len(bodies) // 4, 7500)
        ballots.load(p, bodies[:spare], 3, o.connections)
        before = cpu_ms(p.process.pid)
        out, total, refused = ballots.load(p, bodies[spare:], o.seconds, o.connections)
        used = cpu_ms(p.process.pid) - before
        accepted = total - refused
        return used / accepted, accepted / o.seconds


res = {"A": [], "B": []}
for i in range(o.pairs):
    for k, jar in (("A", o.jar_a), ("B", o.jar_b)):
        per, rate = one(jar)
        res[k].append(per)
        print(f"{k} pair {i}: {per:.3f} ms CPU per accepted ballot, {rate:,.0f} accepted/s, "
              f"load {os.getloadavg()[0]:.1f}", flush=True)
for k in "AB":
    print(f"{k} median {statistics.median(res[k]):.3f} ms CPU per accepted ballot")
