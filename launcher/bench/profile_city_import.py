#!/usr/bin/env python3
"""Profiles the city's leader import with JFR (issue 17, city scale): starts JAR (no demo data), imports one street of
city.py's leaders as a warm-up, then records STREETS more street imports (~9,950 leaders each) and prints where the
import thread's samples were: top frames, the innermost Loumen frame, and inclusive shares of Loumen and Derby frames.

Usage: launcher/bench/profile_city_import.py [--jar J] [--streets 4] [--out /tmp/loumen-city-import.jfr]
"""
import argparse, collections, json, re, subprocess, sys, time

import city
from loumen_bench import Platform

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

text = subprocess.run(["jfr", "print", "--stack-depth", "96", "--events", "jdk.ExecutionSample", o.out],
                      capture_output=True, text=True).stdout
tops, loumen, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
samples = 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
    if not frames or not any("LeaderImportExport" in f for f in frames):
        continue  # the import thread's samples only
    samples += 1
    tops[frames[0]] += 1
    for f in set(frames):
        inclusive[f] += 1
    for f in frames:
        if f.startswith("org.loumen"):
            loumen[f] += 1
            break
print(f"{samples} samples of the import thread")
print("top frames:")
for f, n in tops.most_common(30):
    print(f"  {100 * n / samples:5.1f}%  {f}")
print("innermost Loumen frame:")
for f, n in loumen.most_common(20):
    print(f"  {100 * n / samples:5.1f}%  {f}")
print("inclusive (selected):")
for f, n in inclusive.most_common(600):
    if re.search(r"loumen|derby.impl.sql.execute.(Insert|IndexChanger|RowChanger)|BTreeController.insert|"
                 r"derby.impl.store.raw.log|GenericPreparedStatement.rePrepare|GenericStatement.prepare|"
                 r"PreparedStatement.executeUpdate|ClockPolicy|CachedPage.clean|EmbedResultSet.next|"
                 r"eclipse.persistence.internal.sessions|getResultList", f):
        print(f"  {100 * n / samples:5.1f}%  {f}")
