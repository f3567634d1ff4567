#!/usr/bin/env python3
"""A/B hot deploy (not a test): two loumen.jar builds running side by side, the volunteer-brands jar removed and dropped
back (atomically) into each in turn; latency = from the jar appearing in DATA/plugins to its route answering 200.

Usage: launcher/bench/ab_hotdeploy.py A.jar B.jar [PAIRS]   (e.g. this branch's launcher/target/loumen.jar and main's)
"""
import os, shutil, statistics, sys, time

import loumen_bench
from loumen_bench import Platform

n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
ROUTE = "/api/v1/streets/120112103/programmes/volunteer-brands/brands"
PLUGIN = "plugin.volunteer-brands.jar"
def platform(jar):
    loumen_bench.JAR = jar
    p = Platform("Bench-Deploy-2026", "loumen-e-hot-").__enter__()
    while b"programme-disabled" not in p.call("GET", ROUTE)[1]: time.sleep(0.1)
    assert p.call("PUT", "/api/v1/streets/120112103/programmes/volunteer-brands", b'{"enabled":true}')[0] == 200
    shutil.copy(os.path.join(p.data, "plugins", PLUGIN), os.path.join(p.data, "spare.jar"))
    return p
def cycle(p):
    plugins = os.path.join(p.data, "plugins"); deployed = os.path.join(plugins, PLUGIN)
    os.remove(deployed)
    while p.call("GET", ROUTE)[0] != 404: time.sleep(0.02)
    time.sleep(0.3)
    shutil.copy(os.path.join(p.data, "spare.jar"), os.path.join(plugins, ".part"))
    t0 = time.monotonic(); os.replace(os.path.join(plugins, ".part"), deployed)
    while p.call("GET", ROUTE)[0] != 200: time.sleep(0.01)
    return time.monotonic() - t0
ps = {"A": platform(sys.argv[1]), "B": platform(sys.argv[2])}
res = {"A": [], "B": []}
for k in "AB": cycle(ps[k])  # warm-up
for i in range(n):
    for k in "AB":
        res[k].append(cycle(ps[k]))
    print(f"pair {i}: A {res['A'][-1]*1000:.0f} ms  B {res['B'][-1]*1000:.0f} ms  load {os.getloadavg()[0]:.1f}", flush=True)
for k in "AB": print(k, "median", f"{statistics.median(res[k])*1000:.0f} ms")
for k in "AB": ps[k].__exit__(None, None, None)
