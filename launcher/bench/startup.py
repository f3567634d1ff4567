#!/usr/bin/env python3
"""Startup benchmark (not a test) for loumen.jar.

Median time from `java -jar loumen.jar` to the first 200 on /api/v1/health (the platform serving, status STARTING
or UP) and to status UP (every bundle and component active, the database ready), over RUNS restarts on one data
folder, plus the first start on an empty folder and the resident memory 2 s after UP. Polls in-process every 20 ms,
so the poller costs the 2-core machine next to nothing.

Usage: launcher/bench/startup.py [RUNS] [-- JVM options...]   (build first: mvn -B package -DskipTests)
"""
import json, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.request

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
jar = os.path.join(root, "launcher", "target", "loumen.jar")
args = sys.argv[1:]
jvm = args[args.index("--") + 1:] if "--" in args else []
runs = int(args[0]) if args and args[0] != "--" else 5
if not os.path.isfile(jar):
    sys.exit(f"no {jar}: build first (mvn -B package -DskipTests)")

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def health(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2) as r:
            return r.status, json.loads(r.read())
    except Exception:
        return None, None

def one(data, label):
    port = free_port()
    log = open(os.path.join(data, f"bench-{label}.log"), "w")
    t0 = time.monotonic()
    p = subprocess.Popen(["java", *jvm, "-jar", jar, "--host", "127.0.0.1", "--port", str(port), "--data", data],
                         stdout=log, stderr=subprocess.STDOUT)
    first = up = None
    try:
        while up is None:
            if p.poll() is not None:
                sys.exit(f"loumen exited with {p.returncode}; see {log.name}")
            status, body = health(port)
            now = time.monotonic()
            if status == 200 and first is None:
                first = now - t0
            if body and body.get("status") == "UP":
                up = now - t0
            time.sleep(0.02)
            if now - t0 > 120:
                sys.exit("not UP within 120 s")
        time.sleep(2)
        with open(f"/proc/{p.pid}/status") as f:
            rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) // 1024
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait(60)
    return first * 1000, up * 1000, rss

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
