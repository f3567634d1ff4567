#!/usr/bin/env python3
"""Profiles one route under load with JFR: starts loumen.jar --demo with a flight recording, loads the route with wrk,
dumps the recording and prints the hottest frames (top of stack, and any frame of a Loumen class).

Usage: launcher/bench/profile.py PATH [--signed-in] [--seconds 10] [--out /tmp/loumen.jfr]
       launcher/bench/profile.py --ballots [--seconds 10] [--after-suite]
           (POST /api/v1/ballots as ballots.py loads it; PATH unused; --after-suite: on a database brought where
           run.py leaves it before its ballots, ballots.after_suite)
With --ballots it also prints where the request threads wait (jstack, three times during the load).
"""
import argparse, collections, os, re, subprocess, sys

from loumen_bench import Platform, print_jfr_samples

args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
args.add_argument("path", nargs="?", default="/api/v1/ballots")
args.add_argument("--ballots", action="store_true")
args.add_argument("--signed-in", action="store_true")
args.add_argument("--after-suite", action="store_true")
args.add_argument("--seconds", type=int, default=10)
args.add_argument("--connections", type=int, default=32)
args.add_argument("--out", default="/tmp/loumen-profile.jfr")
opts = args.parse_args()



def waits(pid):
    """Request threads by the innermost Loumen (or JDK wait) frame, from one jstack."""
    dump = subprocess.run(["jstack", str(pid)], capture_output=True, text=True).stdout
    where = collections.Counter()
    for thread in dump.split("\n\n"):
        if "org.eclipse.jetty" not in thread:
            continue
        state = re.search(r"java.lang.Thread.State: (\w+)", thread)
        frames = re.findall(r"^\s+at ([\w.$<>]+)\(", thread, re.M)
        inner = next((f for f in frames if f.startswith("org.loumen")), frames[0] if frames else "?")
        where[(state.group(1) if state else "?") + " " + inner] += 1
    return where


with Platform("Profile-Bench-2026", "loumen-profile-", args=["--demo"]) as p:
    if opts.ballots:
        import ballots, tempfile, threading, time
        def ballot_load(tag):
            _, bodies = ballots.prepare(p, 80, tag)
            work = tempfile.mkdtemp(prefix="loumen-profile-ballots-")
            script, data = os.path.join(work, "ballots.lua"), os.path.join(work, "bodies.txt")
            open(script, "w").write(ballots.LUA)
            open(data, "w").write("\n".join(bodies) + "\n")
            return ["wrk", "-t2", f"-c{opts.connections}", f"-d{opts.seconds}s", "--latency", "-s", script,
                    f"http://127.0.0.1:{p.port}", "--", data, "2"]
        if opts.after_suite:
            ballots.after_suite(p, 8, opts.connections)
        warm, cmd = ballot_load("1"), ballot_load("2")
        subprocess.run(warm, capture_output=True)  # warm-up, on the other community's codes
        subprocess.run(["jcmd", str(p.process.pid), "JFR.start", "name=load", "settings=profile"],
                       capture_output=True)
        stacks = collections.Counter()
        def sample():
            for i in range(3):
                time.sleep(opts.seconds / 4)
                stacks.update(waits(p.process.pid))
        t = threading.Thread(target=sample)
        t.start()
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
        t.join()
        print(out, flush=True)
        print("request threads (jstack x3): state and innermost Loumen frame")
        for w, n in stacks.most_common(15):
            print(f"  {n:4d}  {w}")
    else:
        cmd = ["wrk", "-t2", f"-c{opts.connections}", f"-d{opts.seconds}s", "--latency"]
        if opts.signed_in:
            cmd += ["-H", f"Authorization: Bearer {p.token}"]
        url = f"http://127.0.0.1:{p.port}{opts.path}"
        subprocess.run(cmd + [url], capture_output=True)  # warm-up
        # record only the measured load, not start-up and warm-up
        subprocess.run(["jcmd", str(p.process.pid), "JFR.start", "name=load", "settings=profile"], capture_output=True)
        out = subprocess.run(cmd + [url], capture_output=True, text=True).stdout
        print(out, flush=True)
    subprocess.run(["jcmd", str(p.process.pid), "JFR.dump", "name=load", "filename=" + opts.out], capture_output=True)

print_jfr_samples(opts.out, r"loumen|eclipse.persistence.internal.sessions|derby.impl.store.raw.log|Connection.commit|"
                  r"MessageDigest|jackson|EntityManagerImpl")
