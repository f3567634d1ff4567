#!/usr/bin/env python3
"""Import benchmark (not a test): POST /api/v1/imports/leaders with 6,000 invented leaders.

Starts loumen.jar on an empty data folder, signs in as admin (LOUMEN_ADMIN_PASSWORD), and times RUNS imports of
6,000 rows each (GB18030, as WPS saves them; each run into new communities of 八里台镇 with new phone numbers, so
every run creates its communities, buildings and units too). Prints each time and the median, plus one export.
Target (issue 17): an import of 6,000 leaders in 1 s or less (median of 5, warm), an export of 18,000 rows in 0.5 s.
A/B against another build: ab_import.py (city-scale imports: ab_city_import.py).

Usage: launcher/bench/import.py [RUNS] [ROWS]   (build first: mvn -B package -DskipTests)
"""
import os, statistics, sys, time

from loumen_bench import Platform, leaders_csv

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 6000

with Platform("Bench-Import-2026", "loumen-bench-import-") as platform:
    times = []
    for run in range(1, runs + 1):
        body = leaders_csv(run, rows)
        t0 = time.monotonic()
        status, answer = platform.call("POST", "/api/v1/imports/leaders", body, "text/csv")
        elapsed = time.monotonic() - t0
        times.append(elapsed)
        print(f"run {run}: {rows} rows ({len(body) // 1024} KiB) -> {status} {answer.decode()[:120]} in {elapsed:.2f} s")
    t0 = time.monotonic()
    status, exported = platform.call("GET", "/api/v1/exports/leaders?street=120112107")
    lines = exported.count(b"\n") - 1
    print(f"export of {lines} rows ({len(exported) // 1024} KiB): {time.monotonic() - t0:.2f} s")
    print(f"median import of {rows} leaders: {statistics.median(times):.2f} s (target <= 1 s)")
    for line in open(os.path.join(platform.data, "logs", "loumen.log"), encoding="utf-8"):
        if "Imported" in line:
            print("  server:", line.split(" - ", 1)[-1].strip())
