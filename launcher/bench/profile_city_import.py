#!/usr/bin/env python3
"""Profiles the city's leader import with JFR (issue 17, city scale): starts JAR (no demo data), imports one street of
city.py's leaders as a warm-up, then records STREETS more street imports (~9,950 leaders each) and prints where the
import thread's samples were: top frames, the innermost Loumen frame, and inclusive shares of Loumen and Derby frames.

Usage: launcher/bench/profile_city_import.py [--jar J] [--streets 4] [--out /tmp/loumen-city-import.jfr]
"""
import argparse, json, subprocess, sys, time

import city
from loumen_bench import Platform, print_jfr_samples

a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
a.add_argument("--jar")
a.add_argument("--streets", type=int, default=4)
a.add_argument("--out", default="/tmp/loumen-city-import.jfr")
o = a.parse_args()

places = city.communities((o.streets + 1) * city.PER_STREET)
with Platform("Prof-City-2026", "loumen-pci-", jar=o.jar) as p:
    def street(s):
        t0 = time.monotonic()
        status, answer = p.call("POST", "/api/v1/imports/leaders", city.leaders_batch(places[s:s + city.PER_STREET]),
                                "text/csv")
        if status != 200:
            sys.exit(f"import answered {status}: {answer[:300]!r}")
        return json.loads(answer)["imported"], time.monotonic() - t0
    n, t = street(0)
    print(f"warm-up: {n:,} leaders in {t:.2f} s", flush=True)
    subprocess.run(["jcmd", str(p.process.pid), "JFR.start", "name=imp", "settings=profile"], capture_output=True)
    for s in range(city.PER_STREET, len(places), city.PER_STREET):
        n, t = street(s)
        with open("/proc/loadavg") as f:
            print(f"  +{n:,} leaders in {t:.2f} s ({n / t:,.0f}/s), load {f.read().split()[0]}", flush=True)
    subprocess.run(["jcmd", str(p.process.pid), "JFR.dump", "name=imp", "filename=" + o.out], capture_output=True)
    for line in open(p.data + "/bench.log", errors="replace"):
        if "Imported" in line:
            print("  server: " + line.strip()[-120:])

print_jfr_samples(o.out, r"loumen|derby.impl.sql.execute.(Insert|IndexChanger|RowChanger)|BTreeController.insert|"
                  r"derby.impl.store.raw.log|GenericPreparedStatement.rePrepare|GenericStatement.prepare|"
                  r"PreparedStatement.executeUpdate|ClockPolicy|CachedPage.clean|EmbedResultSet.next|"
                  r"eclipse.persistence.internal.sessions|getResultList", depth=96,
                  keep=lambda frames: any("LeaderImportExport" in f for f in frames),
                  label="samples of the import thread", tops_n=30, loumen_n=20, inclusive_n=600)
