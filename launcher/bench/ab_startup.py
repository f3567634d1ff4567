#!/usr/bin/env python3
"""A/B start-up (not a test): two loumen.jar builds started in turn on their own warm data folders with --demo.

Each jar first starts once on an empty folder (the demo data is seeded); then RUNS pairs of warm starts, A then B, so
that a change in the machine's load hits both alike. Prints each start (first 200 on health, UP, RSS 2 s after UP,
load average) and the medians.

Usage: launcher/bench/ab_startup.py A.jar B.jar [RUNS]   (e.g. this branch's launcher/target/loumen.jar and main's)
"""
import os, shutil, statistics, sys, tempfile

import loumen_bench

A, B = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 5
res = {"A": [], "B": []}
dirs = {}
for k, jar in (("A", A), ("B", B)):
    d = tempfile.mkdtemp(prefix=f"loumen-e-ab{k}-"); dirs[k] = d
    loumen_bench.JAR = jar
    f,u,r = loumen_bench.start_once(d, "first", args=["--demo"])
    print(f"{k} first: {f:.0f} / {u:.0f} ms RSS {r}", flush=True)
for i in range(n):
    for k, jar in (("A", A), ("B", B)):
        loumen_bench.JAR = jar
        x = loumen_bench.start_once(dirs[k], str(i), args=["--demo"])
        res[k].append(x)
        print(f"{k} run {i}: first200 {x[0]:.0f} ms UP {x[1]:.0f} ms RSS {x[2]} MB  load {os.getloadavg()[0]:.1f}", flush=True)
for k in "AB":
    print(k, "median first200", statistics.median(x[0] for x in res[k]), "UP", statistics.median(x[1] for x in res[k]), "RSS", statistics.median(x[2] for x in res[k]))
for d in dirs.values(): shutil.rmtree(d, ignore_errors=True)
