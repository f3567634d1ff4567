#!/usr/bin/env python3
"""Start-up CPU by thread (not a test): where a warm start spends its processor time until status UP.

Wall-clock start-up figures swing with the machine's load; CPU time per thread hardly does. For each jar this starts
loumen.jar --demo once on an empty folder (seeding the demo), then RUNS warm starts on that folder, A and B in turn,
and at the moment health first says UP reads every thread's CPU time from /proc (utime + stime). Prints per start the
wall time to UP, the process's CPU, the start-level thread's and main's (the start's critical path: Felix starts the
bundles one by one on FelixStartLevel), the JIT compilers', the garbage collector's, Jetty's (answering the 20 ms
health polls) and the rest; then medians.

With --plain the starts are without --demo (the platform's own components only, as a production start).

Usage: launcher/bench/startup_cpu.py A.jar [B.jar] [--runs N] [--plain]
"""
import argparse, collections, os, re

import loumen_bench

TICK = os.sysconf("SC_CLK_TCK")
# thread names as /proc shows them (15 characters); the primordial thread is "java"
GROUPS = [("start level", re.compile(r"^FelixStartLevel")), ("main", re.compile(r"^java$")),
          ("JIT", re.compile(r"^C[12] Compiler")), ("GC", re.compile(r"^(G1|GC |VM Periodic|VM Thread)")),
          ("Jetty", re.compile(r"^qtp"))]



def thread_cpu(pid):
    """{thread name: CPU ms} of a running process, threads of the same name added up."""
    out = collections.Counter()
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            out[name] += (int(fields[11]) + int(fields[12])) * 1000 / TICK
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
    return out


def process_cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICK


def warm_start(jar, data, args=("--demo",)):
    def at_up(p, wall, first):
        threads, total = thread_cpu(p.pid), process_cpu(p.pid)
        row = {"wall": wall, "process": total}
        rest = total
        for name, pattern in GROUPS:
            row[name] = sum(ms for t, ms in threads.items() if pattern.search(t))
            rest -= row[name]
        row["other threads"] = rest
        return row
    return loumen_bench.until_up(jar, data, at_up, args=args, jvm=loumen_bench.JVM, log_name="cpu.log")


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("jars", nargs="+")
    args.add_argument("--runs", type=int, default=5)
    args.add_argument("--plain", action="store_true", help="start without --demo")
    opts = args.parse_args()
    start_args = [] if opts.plain else ["--demo"]
    loumen_bench.warm_starts_ab(opts.jars, opts.runs, lambda jar, data: warm_start(jar, data, start_args),
                                ["wall", "process", *[g for g, _ in GROUPS], "other threads"], "loumen-cpu", start_args)


if __name__ == "__main__":
    main()
