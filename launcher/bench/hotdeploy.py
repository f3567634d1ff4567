#!/usr/bin/env python3
"""Hot-deploy benchmark (not a test): deploy latency of a programme jar and the heap over deploy/undeploy cycles.

Starts loumen.jar on an empty data folder (operator password from LOUMEN_ADMIN_PASSWORD), enables the shipped
volunteer-brands programme for 双港镇, then repeatedly removes its jar from DATA/plugins and drops it back
(atomically, as README says). Latency = from the jar appearing in DATA/plugins to its route answering 200.
Every 10 cycles it forces a full GC in the platform (jcmd GC.run) and prints the heap in use (jcmd GC.heap_info),
so growth per cycle shows. Target: median latency <= 1 s; the heap must not grow without bound.

Usage: launcher/bench/hotdeploy.py [CYCLES]   (default 50; build first: mvn -B package -DskipTests)
"""
import os, re, shutil, statistics, subprocess, sys, time

from loumen_bench import Platform

cycles = int(sys.argv[1]) if len(sys.argv) > 1 else 50
PLUGIN = "plugin.volunteer-brands.jar"
ROUTE = "/api/v1/streets/120112103/programmes/volunteer-brands/brands"

def bundle_class_loaders(pid):
    """Felix bundle class loaders alive: one per bundle revision in use; old revisions kept alive would show here."""
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.rstrip().endswith("BundleWiringImpl$BundleClassLoader"):
            return int(line.split()[1])
    return 0

def heap_mb(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=False)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    used = re.search(r"used (\d+)K", out)
    return int(used.group(1)) / 1024 if used else float("nan")

with Platform("Bench-Deploy-2026", "loumen-bench-deploy-") as platform:
    call, pid = platform.call, platform.process.pid
    plugins = os.path.join(platform.data, "plugins")
    deployed = os.path.join(plugins, PLUGIN)
    while b"programme-disabled" not in call("GET", ROUTE)[1]:
        time.sleep(0.1)
    assert call("PUT", "/api/v1/streets/120112103/programmes/volunteer-brands", b'{"enabled":true}')[0] == 200
    spare = os.path.join(platform.data, PLUGIN + ".spare")
    shutil.copy(deployed, spare)
    latencies = []
    print(f"cycle   0: heap after full GC {heap_mb(pid):7.1f} MB; bundle class loaders {bundle_class_loaders(pid)}")
    for cycle in range(1, cycles + 1):
        os.remove(deployed)
        while call("GET", ROUTE)[0] != 404:
            time.sleep(0.02)
        shutil.copy(spare, os.path.join(plugins, ".part"))
        t0 = time.monotonic()
        os.replace(os.path.join(plugins, ".part"), deployed)
        while call("GET", ROUTE)[0] != 200:
            time.sleep(0.01)
        latencies.append(time.monotonic() - t0)
        if cycle % 10 == 0:
            print(f"cycle {cycle:3d}: heap after full GC {heap_mb(pid):7.1f} MB; deploy latency this decade "
                  f"median {statistics.median(latencies[-10:]) * 1000:.0f} ms")
    print(f"deploy latency over {cycles} cycles: median {statistics.median(latencies) * 1000:.0f} ms, "
          f"best {min(latencies) * 1000:.0f} ms, worst {max(latencies) * 1000:.0f} ms (target <= 1 s)")
    print(f"bundle class loaders alive at the end: {bundle_class_loaders(pid)}")
