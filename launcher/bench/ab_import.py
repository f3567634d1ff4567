#!/usr/bin/env python3
"""A/B of the import and export on a loaded machine: two platforms, JAR_A and JAR_B (e.g. this branch's loumen.jar
and main's), both with --demo, side by side; each run imports 6,000 invented leaders into A, then the same file into B
(new communities of 八里台镇 every run, as import.py and run.py do), then exports the street's rows from A and from B,
so a change in the machine's load hits both alike. Prints each pair with the load average, then the medians.

Usage: launcher/bench/ab_import.py JAR_A JAR_B [--runs 5] [--rows 6000]
"""
import argparse, os, statistics, time

from loumen_bench import Platform, leaders_csv

a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
a.add_argument("jar_a")
a.add_argument("jar_b")
a.add_argument("--runs", type=int, default=5)
a.add_argument("--rows", type=int, default=6000)
o = a.parse_args()


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def timed(p, method, path, body=None, ctype="application/json"):
    t0 = time.monotonic()
    status, answer = p.call(method, path, body, ctype)
    elapsed = time.monotonic() - t0
    if status != 200:
        raise SystemExit(f"{method} {path} answered {status}: {answer[:300]!r}")
    return elapsed, answer


with Platform("Ab-Import-2026", "loumen-abi-a-", args=["--demo"], jar=o.jar_a) as pa, \
        Platform("Ab-Import-2026", "loumen-abi-b-", args=["--demo"], jar=o.jar_b) as pb:
    imports = {"A": [], "B": []}
    exports = {"A": [], "B": []}
    print(f"import of {o.rows:,} leaders (new communities, buildings and units each run), then the export of "
          "八里台镇 (120112107)", flush=True)
    for run in range(1, o.runs + 1):
        body = leaders_csv(run, o.rows)
        ia, _ = timed(pa, "POST", "/api/v1/imports/leaders", body, "text/csv")
        ib, _ = timed(pb, "POST", "/api/v1/imports/leaders", body, "text/csv")
        ea, xa = timed(pa, "GET", "/api/v1/exports/leaders?street=120112107")
        eb, xb = timed(pb, "GET", "/api/v1/exports/leaders?street=120112107")
        if xa != xb:
            print("  (the two exports differ)")
        lines = xa.count(b"\n") - 1
        imports["A"].append(ia), imports["B"].append(ib), exports["A"].append(ea), exports["B"].append(eb)
        print(f"  run {run}: import A {ia * 1000:,.0f} ms | B {ib * 1000:,.0f} ms | A/B {ia / ib:.2f} ; "
              f"export of {lines:,} rows A {ea * 1000:,.0f} ms | B {eb * 1000:,.0f} ms | "
              f"A/B {ea / eb:.2f} | load {load()}", flush=True)
    for name, p in (("A", pa), ("B", pb)):
        for line in open(os.path.join(p.data, "logs", "loumen.log"), encoding="utf-8"):
            if "Imported" in line and "6000" in line:
                print(f"  server {name}:", line.split(" - ", 1)[-1].strip())
    for what, d in (("import", imports), ("export", exports)):
        print(f"median {what}: A {statistics.median(d['A']) * 1000:,.0f} ms, B {statistics.median(d['B']) * 1000:,.0f}"
              f" ms, median of the pairs' A/B {statistics.median(x / y for x, y in zip(d['A'], d['B'])):.2f}")
