#!/usr/bin/env python3
"""Startup benchmark (not a test) for loumen.jar.

Median time from `java -jar loumen.jar` to the first 200 on /api/v1/health (the platform serving, status STARTING
or UP) and to status UP (every bundle and component active, the database ready), over RUNS restarts on one data
folder, plus the first start on an empty folder and the resident memory 2 s after UP. Polls in-process every 20 ms,
so the poller costs the 2-core machine next to nothing.

Usage: launcher/bench/startup.py [RUNS] [-- JVM options...]   (build first: mvn -B package -DskipTests)
"""
import os, shutil, statistics, sys, tempfile

from loumen_bench import start_once

args = sys.argv[1:]
jvm = args[args.index("--") + 1:] if "--" in args else []
runs = int(args[0]) if args and args[0] != "--" else 5

def one(data, label):
    return start_once(data, label, jvm=jvm)

data = tempfile.mkdtemp(prefix="loumen-bench-")
try:
    f, u, r = one(data, "first")
    print(f"first start (empty data folder): first 200 after {f:.0f} ms, UP after {u:.0f} ms, RSS {r} MB")
    results = []
    for i in range(1, runs + 1):
        results.append(one(data, str(i)))
        f, u, r = results[-1]
        print(f"run {i}: first 200 after {f:.0f} ms, UP after {u:.0f} ms, RSS {r} MB")
    print(f"median to first 200 on health: {statistics.median(x[0] for x in results):.0f} ms")
    print(f"median to status UP: {statistics.median(x[1] for x in results):.0f} ms")
    print(f"median RSS after start: {statistics.median(x[2] for x in results):.0f} MB")
    print(f"JVM options: {' '.join(jvm) or '(none)'}; {os.cpu_count()} cores")
finally:
    shutil.rmtree(data, ignore_errors=True)
