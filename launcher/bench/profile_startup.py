#!/usr/bin/env python3
"""Profiles a warm start-up with JFR (not a test): starts loumen.jar --demo once on an empty folder (seeding the demo),
then again on the same, now warm, folder with a flight recording (settings=profile) from the JVM's start until status
UP; prints the time to UP, the execution samples per thread, and for the busiest threads the hottest frames
(inclusive share of the thread's samples, Loumen, EclipseLink, Felix, Jetty, Derby and bnd frames).

Usage: launcher/bench/profile_startup.py [--jar loumen.jar] [--out /tmp/loumen-start.jfr] [--depth 96]
"""
import argparse, collections, os, re, shutil, subprocess, tempfile

import loumen_bench

args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
args.add_argument("--jar", default=loumen_bench.JAR)
args.add_argument("--out", default="/tmp/loumen-start.jfr")
args.add_argument("--depth", type=int, default=96)
opts = args.parse_args()
loumen_bench.JAR = opts.jar

data = tempfile.mkdtemp(prefix="loumen-pstart-")
try:
    f, u, r = loumen_bench.start_once(data, "first", args=["--demo"])
    print(f"first start: UP after {u:.0f} ms", flush=True)

    def at_up(p, wall, first):
        print(f"warm start with JFR: UP after {wall:.0f} ms  load {os.getloadavg()[0]:.1f}")
        subprocess.run(["jcmd", str(p.pid), "JFR.dump", "name=start", "filename=" + opts.out], capture_output=True)
    loumen_bench.until_up(opts.jar, data, at_up, jvm=["-XX:StartFlightRecording=name=start,settings=profile"],
                          log_name="profile.log")
finally:
    shutil.rmtree(data, ignore_errors=True)

text = subprocess.run(["jfr", "print", "--stack-depth", str(opts.depth), "--events", "jdk.ExecutionSample", opts.out],
                      capture_output=True, text=True).stdout
threads = collections.Counter()
inclusive = collections.defaultdict(collections.Counter)
for event in text.split("jdk.ExecutionSample")[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', event)
    thread = re.sub(r"\d+", "N", m.group(1)) if m else "?"
    frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
    if not frames:
        continue
    threads[thread] += 1
    for f in set(frames):
        inclusive[thread][f] += 1
print("samples per thread:")
for t, n in threads.most_common(12):
    print(f"  {n:5d}  {t}")
for t, n in threads.most_common(3):
    print(f"{t} ({n} samples), inclusive:")
    for f, k in inclusive[t].most_common(600):
        if re.search(r"org\.loumen|eclipse\.persistence\.(tools|internal\.jpa\.EntityManagerSetupImpl|sessions)|"
                     r"felix\.scr\.impl\.(BundleComponentActivator|xml)|jetty\.server\.Server\.doStart|"
                     r"aQute\.launcher|felix\.framework\.(Felix\.installBundle|StatefulResolver)|derby\.impl\.sql\.compile|"
                     r"aries\.jpa|ClassLoader\.loadClass|defineClass", f):
            print(f"  {100 * k / n:5.1f}%  {f}")
