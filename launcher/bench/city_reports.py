#!/usr/bin/env python3
"""The city's report calls and deep household pages, timed on a kept data folder (Derby), so that one imported city
serves several builds (issue 17, city scale).

  launcher/bench/city_reports.py --data DIR --import [--city-leaders N] [--households N]   # once: builds the city
  launcher/bench/city_reports.py --data DIR [--jar J] [--times 5]                           # times the calls

Each figure: the median of TIMES whole signed-in HTTP requests after one warm-up (printed as "first"), and the
server's own time from the Server-Timing header of the last one. The deep household page is the page whose first row
is halfway through the district's households: by page number (OFFSET) and by the cursor of the page before it."""
import argparse, json, os, statistics, sys, time, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import city  # noqa: E402
from loumen_bench import Platform  # noqa: E402

cli = argparse.ArgumentParser()
cli.add_argument("--data", required=True)
cli.add_argument("--jar")
cli.add_argument("--import", dest="build", action="store_true", help="import the city into the (new) data folder")
cli.add_argument("--city-leaders", type=int, default=100_000)
cli.add_argument("--households", type=int, default=1_000_000)
cli.add_argument("--times", type=int, default=5)
cli.add_argument("--no-deep", action="store_true", help="skip the deep household pages")
args = cli.parse_args()
PASSWORD = "City-Reports-2026"


def timed(p, path):
    t0 = time.monotonic()
    status, body = p.call("GET", path)
    first = (time.monotonic() - t0) * 1000
    if status != 200:
        sys.exit(f"{path} -> {status} {body[:300]}")
    took = []
    for _ in range(args.times):
        t0 = time.monotonic()
        p.call("GET", path)
        took.append((time.monotonic() - t0) * 1000)
    return statistics.median(took), first, body


os.makedirs(args.data, exist_ok=True)
with Platform(PASSWORD, "city-reports", data=args.data, keep=True, jar=args.jar, start_timeout=600) as p:
    if args.build:
        places = city.communities(args.city_leaders // (city.BUILDINGS * city.UNITS))
        t0 = time.monotonic()
        for s in range(0, len(places), city.PER_STREET):
            status, answer = p.call("POST", "/api/v1/imports/leaders", city.leaders_batch(places[s:s + city.PER_STREET]),
                                    "text/csv")
            if status != 200:
                sys.exit(f"leader import -> {status} {answer[:300]}")
        print(f"leaders imported in {time.monotonic() - t0:.0f} s", flush=True)
        t0, left, per = time.monotonic(), args.households, city.HOUSEHOLD_BATCH // (city.BUILDINGS * city.UNITS
                                                                                    * city.HOUSEHOLDS)
        for s in range(0, len(places), per):
            if left <= 0:
                break
            body, n = city.households_batch(places[s:s + per], left)
            status, answer = p.call("POST", "/api/v1/imports/households", body, "text/csv")
            if status != 200:
                sys.exit(f"household import -> {status} {answer[:300]}")
            left -= n
        print(f"households imported in {time.monotonic() - t0:.0f} s", flush=True)
    load = os.getloadavg()[0]
    total = json.loads(p.call("GET", "/api/v1/households?size=1")[1])
    print(f"jar {args.jar or 'this branch'}; load {load:.1f}; households total as answered {total['total']}"
          f"{'+' if total.get('totalCapped') else ''}", flush=True)
    rows = []
    for what, path in [("profile report (district)", "/api/v1/reports/leader-profile"),
                       ("coverage (district)", "/api/v1/capacity-training/coverage"),
                       ("training figures (district)", "/api/v1/training/figures"),
                       ("cadence (district)", "/api/v1/meetings/cadence"),
                       ("households, first page", "/api/v1/households?size=20")]:
        median, first, _ = timed(p, path)
        rows.append((what, median, first))
        print(f"{what}: {median:.0f} ms (first {first:.0f})", flush=True)
    # the first report after a write (issue 17: <= 1 s at city scale): a one-leader import (a new building and unit in
    # the city's first community, a phone of its own), then the report and coverage — TIMES pairs, each report the first
    # read after the write (the kept report is emptied by the write, on every node)
    import random
    street, s_no, c_no = city.communities(1)[0]
    after = {"profile report (district)": ("/api/v1/reports/leader-profile", []),
             "coverage (district)": ("/api/v1/capacity-training/coverage", [])}
    for i in range(args.times):
        csv = ("street,community,building,unit,role,name,gender,birth_date,education,party_member,phone,nomination\n"
               f"{street},城{s_no:02d}-{c_no:03d}社区,写后{random.randrange(10**8)}号楼,1单元,楼门长,写后{i},女,1970-01-0{i % 9 + 1},本科,是,"
               f"19{random.randrange(10**9):09d},自荐\n").encode("utf-8")
        status, answer = p.call("POST", "/api/v1/imports/leaders", csv, "text/csv")
        if status != 200:
            sys.exit(f"write before the report -> {status} {answer[:300]}")
        for what, (path, took) in after.items():
            t0 = time.monotonic()
            status, _ = p.call("GET", path)
            took.append((time.monotonic() - t0) * 1000)
            if status != 200:
                sys.exit(f"{path} -> {status}")
    for what, (path, took) in after.items():
        print(f"{what}, first read after a write: {statistics.median(took):.0f} ms "
              f"(each: {', '.join(f'{t:.0f}' for t in took)})", flush=True)
    if args.no_deep:
        print(f"load at the end {os.getloadavg()[0]:.1f}", flush=True)
        sys.exit(0)
    deep = max(2, args.households // 2 // 20)
    median, first, body = timed(p, f"/api/v1/households?size=20&page={deep - 1}")
    print(f"households, page {deep - 1} by number: {median:.0f} ms (first {first:.0f})", flush=True)
    nxt = json.loads(body).get("next")
    if nxt:
        median, first, body = timed(p, "/api/v1/households?size=20&after=" + urllib.parse.quote(nxt))
        print(f"households, page {deep} by cursor (after=): {median:.0f} ms (first {first:.0f}); "
              f"first row {json.loads(body)['items'][0]['unit']} {json.loads(body)['items'][0]['room']}", flush=True)
    print(f"load at the end {os.getloadavg()[0]:.1f}", flush=True)
