#!/usr/bin/env python3
"""A/B of the city imports on embedded Derby (a smaller, quicker cousin of `databases.py --city full`, imports only):
two platforms, JAR_A and JAR_B, side by side (no demo data: the city fills whole streets); the generated city of city.py is imported batch by batch into A then
into B — leaders one import per street (~9,950 rows), then households 50,000 per import — so a change in the
machine's load hits both alike. Prints each batch with the load average and the rows/s of each.

Usage: launcher/bench/ab_city_import.py JAR_A JAR_B [--streets 2] [--households 100000] [--java-a "-Dx=y"]
"""
import argparse, json, os, time

import city
from loumen_bench import Platform

a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
a.add_argument("jar_a")
a.add_argument("jar_b")
a.add_argument("--streets", type=int, default=2)
a.add_argument("--households", type=int, default=100_000)
a.add_argument("--java-a", default="", help="JVM options for A only (JAVA_TOOL_OPTIONS), e.g. -Dderby.storage.pageCacheSize=N")
o = a.parse_args()


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def post(p, path, body):
    t0 = time.monotonic()
    status, answer = p.call("POST", path, body, "text/csv")
    if status != 200:
        raise SystemExit(f"{path} answered {status}: {answer[:300]!r}")
    return json.loads(answer)["imported"], time.monotonic() - t0


places = city.communities(o.streets * city.PER_STREET)
with Platform("Ab-City-2026", "loumen-abc-a-", jar=o.jar_a,
              env={"JAVA_TOOL_OPTIONS": o.java_a} if o.java_a else None) as pa, \
        Platform("Ab-City-2026", "loumen-abc-b-", jar=o.jar_b) as pb:
    totals = {"leaders": [0, 0.0, 0.0], "households": [0, 0.0, 0.0]}  # rows, seconds A, seconds B
    for s in range(0, len(places), city.PER_STREET):
        body = city.leaders_batch(places[s:s + city.PER_STREET])
        na, ta = post(pa, "/api/v1/imports/leaders", body)
        nb, tb = post(pb, "/api/v1/imports/leaders", body)
        totals["leaders"][0] += na
        totals["leaders"][1] += ta
        totals["leaders"][2] += tb
        print(f"  leaders +{na:,}: A {ta:.2f} s ({na / ta:,.0f}/s) | B {tb:.2f} s ({nb / tb:,.0f}/s) | "
              f"A/B {ta / tb:.2f} | load {load()}", flush=True)
    left, per = o.households, city.HOUSEHOLD_BATCH // (city.BUILDINGS * city.UNITS * city.HOUSEHOLDS)
    for s in range(0, len(places), per):
        if left <= 0:
            break
        body, n = city.households_batch(places[s:s + per], min(left, city.HOUSEHOLD_BATCH))
        left -= n
        na, ta = post(pa, "/api/v1/imports/households", body)
        nb, tb = post(pb, "/api/v1/imports/households", body)
        totals["households"][0] += na
        totals["households"][1] += ta
        totals["households"][2] += tb
        print(f"  households +{na:,}: A {ta:.2f} s ({na / ta:,.0f}/s) | B {tb:.2f} s ({nb / tb:,.0f}/s) | "
              f"A/B {ta / tb:.2f} | load {load()}", flush=True)
    for name, p in (("A", pa), ("B", pb)):
        for line in open(os.path.join(p.data, "logs", "loumen.log"), encoding="utf-8"):
            if "Imported" in line:
                print(f"  server {name}:", line.split(" - ", 1)[-1].strip())
    for what, (rows, ta, tb) in totals.items():
        if rows:
            print(f"{what}: {rows:,} rows, A {rows / ta:,.0f} rows/s, B {rows / tb:,.0f} rows/s (A/B time {ta / tb:.2f})")
