#!/usr/bin/env python3
"""Database benchmark (not a test): the same work on embedded Derby and on PostgreSQL, side by side, in one run.

- tally: the evaluation results query over BALLOTS ballots (600,000 by default; TallyDb.java, plain JDBC);
- import: POST /api/v1/imports/leaders with 6,000 invented leaders through loumen.jar (as import.py does);
- listing: the signed-in leader listing GET /api/v1/leaders?size=20 under wrk (16 connections, 2 threads, 15 s),
  after the import, one node; on PostgreSQL also two nodes (two loumen.jar, own data folders, one database), loaded
  by two wrk at once, one per node (8 connections, 1 thread each), their req/s added up;
- --city N: after the listing, N more imports of 6,000 generated leaders (N <= 8, so 6,000 x (N+1) in all, 20
  communities of 300 leaders each per import), then the district's leader profile report
  (GET /api/v1/reports/leader-profile) and a leader page (a page of 20 in the middle of the listing, and one
  leader's record), each the median of 5 after one warm-up;
- --city full: the issue's city instead, generated and imported in batches through the same import routes: 2,000
  communities (199 per street over 11 streets, the national codes' limit of residents' committees) of 10 buildings x
  5 units, one unit leader each (100,000 leaders, one import per street) and 50 households per unit (5,000,000,
  --households N for fewer; 50,000 per import); then the import rates (rows/s), the district's profile report, the
  cadence dashboard, district-wide leader pages (first and middle, by every sort the listing offers), household pages
  (first and middle), a community's page, one leader's record, each the median of 3 after one warm-up.
PostgreSQL is a throwaway server from cnf/postgres.sh with fsync on (Derby syncs its log at commit too), on the
same machine. Needs Debian's postgresql and wrk (apt-get install postgresql wrk).

Usage: launcher/bench/databases.py [BALLOTS] [--no-tally] [--city N|full] [--households N]   (build first: mvn -B package -DskipTests)
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile, time, zipfile

from loumen_bench import JAR, ROOT, Platform, leaders_csv

cli = argparse.ArgumentParser()
cli.add_argument("ballots", nargs="?", type=int, default=600_000)
cli.add_argument("--no-tally", action="store_true", help="skip the tally (saves a few minutes)")
cli.add_argument("--city", default="0", metavar="N|full",
                 help="N more imports of 6,000 leaders (<= 8), or full: the generated city (100,000 leaders, ...)")
cli.add_argument("--households", type=int, default=5_000_000, help="households of --city full (50 per unit)")
cli.add_argument("--city-leaders", type=int, default=100_000, help="leaders of --city full (50 per community)")
cli.add_argument("--only", choices=["Derby", "PostgreSQL"], help="one database only")
cli.add_argument("--seconds", type=int, default=15, help="wrk duration per listing run")
opts = cli.parse_args()
ballots = opts.ballots
full_city = opts.city == "full"
opts.city = 0 if full_city else int(opts.city)
if not 0 <= opts.city <= 8:
    sys.exit("--city N: 0 to 8 (the generated phone numbers have room for 9 imports)")
figures = []  # (what, Derby, PostgreSQL)
here = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp(prefix="loumen-bench-db-")
PG_ENV = {"LOUMEN_DB_USER": "loumen", "LOUMEN_DB_PASSWORD": "loumen-test"}

# the two JDBC drivers, as shipped inside loumen.jar
drivers = []
with zipfile.ZipFile(JAR) as jar:
    for name in jar.namelist():
        if re.match(r"jar/(derby|postgresql)-.*\.jar$", name):
            drivers.append(jar.extract(name, work))


def postgres(tag):
    d = os.path.join(work, "pg-" + tag)
    subprocess.run(["bash", os.path.join(ROOT, "cnf", "postgres.sh"), "start", d, "fsync"], check=True,
                   env=dict(os.environ, LOUMEN_PG_WATCH_PID=str(os.getpid())))
    return open(os.path.join(d, "url")).read().strip()


def tally(url, *creds):
    print(f"tally on {url.split(';')[0]}:", flush=True)
    subprocess.run(["java", "-cp", os.pathsep.join(drivers), os.path.join(here, "TallyDb.java"), url, str(ballots),
                    *creds], check=True)


def wrk(port, token, threads, connections):
    return subprocess.Popen(["wrk", f"-t{threads}", f"-c{connections}", f"-d{opts.seconds}s", "--latency", "-H",
                             "Authorization: Bearer " + token, f"http://127.0.0.1:{port}/api/v1/leaders?size=20"],
                            stdout=subprocess.PIPE, text=True)


def rps(out):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def median_ms(p, path, times=5):
    status, _ = p.call("GET", path)
    if status != 200:
        sys.exit(f"{path} -> {status}")
    took = []
    for _ in range(times):
        t0 = time.monotonic()
        p.call("GET", path)
        took.append((time.monotonic() - t0) * 1000)
    return statistics.median(took)


def record(what, label, value):
    for row in figures:
        if row[0] == what:
            row[1 if label == "Derby" else 2] = value
            return
    figures.append([what, value if label == "Derby" else "", value if label != "Derby" else ""])


def two_nodes(p, args, env):
    """A second loumen.jar on the same PostgreSQL; two wrk at once, one per node."""
    with Platform("Bench-Database-2026", "loumen-bench-db-b-", args, env=env) as b:
        b.call("GET", "/api/v1/leaders?size=20")
        runs = [wrk(p.port, p.token, 1, 8), wrk(b.port, b.token, 1, 8)]
        outs = [r.communicate()[0] for r in runs]
        total = sum(rps(o) for o in outs)
        non2xx = [re.search(r"Non-2xx or 3xx responses: (\d+)", o) for o in outs]
        bad = sum(int(m.group(1)) for m in non2xx if m)
        print(f"PostgreSQL, two nodes: signed-in leader listing: {total:.1f} req/s "
              f"({' + '.join(f'{rps(o):.1f}' for o in outs)})" + (f", NON-2xx {bad}" if bad else ""), flush=True)
        record("signed-in leader listing, two nodes (2 x 8 connections), req/s", "PostgreSQL", f"{total:.1f}")


def city(p, label):
    for run in range(2, opts.city + 2):
        t0 = time.monotonic()
        status, answer = p.call("POST", "/api/v1/imports/leaders", leaders_csv(run, 6000), "text/csv")
        if status not in (200, 201):
            sys.exit(f"{label}: city import {run} -> {status} {answer[:300]}")
        print(f"{label}: city import {run - 1}/{opts.city} in {time.monotonic() - t0:.2f} s", flush=True)
    total = json.loads(p.call("GET", "/api/v1/leaders?size=1")[1])["total"]
    profile = median_ms(p, "/api/v1/reports/leader-profile")
    middle = max(1, total // 40)
    page = median_ms(p, f"/api/v1/leaders?size=20&page={middle}")
    one = json.loads(p.call("GET", f"/api/v1/leaders?size=1&page={total // 2}")[1])["items"][0]["id"]
    record_ms = median_ms(p, f"/api/v1/leaders/{one}")
    print(f"{label}: city scale, {total} leaders: profile report {profile:.0f} ms, leader page (20, page {middle}) "
          f"{page:.0f} ms, one leader {record_ms:.0f} ms", flush=True)
    record(f"city scale: leaders in the database", label, str(total))
    record("city scale: leader profile report (district), median ms", label, f"{profile:.0f}")
    record("city scale: leader listing page of 20 in the middle, median ms", label, f"{page:.0f}")
    record("city scale: one leader's record, median ms", label, f"{record_ms:.0f}")


def platform_figures(label, args=(), env=None):
    with Platform("Bench-Database-2026", "loumen-bench-db-", args, env=env) as p:
        body = leaders_csv(1, 6000)
        t0 = time.monotonic()
        status, answer = p.call("POST", "/api/v1/imports/leaders", body, "text/csv")
        took = time.monotonic() - t0
        print(f"{label}: import of 6,000 leaders -> {status} in {took:.2f} s", flush=True)
        record("import of 6,000 leaders, s", label, f"{took:.2f}")
        status, page = p.call("GET", "/api/v1/leaders?size=20")
        total = json.loads(page)["total"]
        out = wrk(p.port, p.token, 2, 16).communicate()[0]
        one = rps(out)
        p50 = re.search(r"50%\s+(\S+)", out).group(1)
        p99 = re.search(r"99%\s+(\S+)", out).group(1)
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        print(f"{label}: signed-in leader listing (page of 20 of {total}): {one} req/s, p50 {p50}, p99 {p99}"
              + (f", NON-2xx {non2xx.group(1)}" if non2xx else ""), flush=True)
        record("signed-in leader listing, one node (16 connections), req/s", label, f"{one:.1f}")
        if label != "Derby":
            two_nodes(p, args, env)
        if opts.city:
            city(p, label)
        if full_city:
            from city import city_full
            city_full(p, label, record, opts.households, opts.city_leaders)


try:
    if not opts.no_tally:
        if opts.only != "PostgreSQL":
            tally(f"jdbc:derby:{work}/tally-derby;create=true")
        if opts.only != "Derby":
            tally(postgres("tally"), "loumen", "loumen-test")
    if opts.only != "PostgreSQL":
        platform_figures("Derby")
    if opts.only != "Derby":
        platform_figures("PostgreSQL", ["--db", postgres("platform")], PG_ENV)
    print(f"\n| ({os.cpu_count()} cores, shared) | Derby | PostgreSQL |\n|---|---|---|")
    for what, derby, pg in figures:
        print(f"| {what} | {derby or '-'} | {pg or '-'} |")
finally:
    shutil.rmtree(work, ignore_errors=True)
