#!/usr/bin/env python3
"""Database benchmark (not a test): the same work on embedded Derby and on PostgreSQL, side by side, in one run.

- tally: the evaluation results query over BALLOTS ballots (600,000 by default; TallyDb.java, plain JDBC);
- import: POST /api/v1/imports/leaders with 6,000 invented leaders through loumen.jar (as import.py does);
- listing: the signed-in leader listing GET /api/v1/leaders?size=20 under wrk (16 connections, 2 threads, 15 s),
  after the import, one node.
PostgreSQL is a throwaway server from cnf/postgres.sh with fsync on (Derby syncs its log at commit too), on the
same machine. Needs Debian's postgresql and wrk (apt-get install postgresql wrk).

Usage: launcher/bench/databases.py [BALLOTS]   (build first: mvn -B package -DskipTests)
"""
import json, os, re, shutil, subprocess, sys, tempfile, time, zipfile

from loumen_bench import JAR, ROOT, Platform, leaders_csv

ballots = int(sys.argv[1]) if len(sys.argv) > 1 else 600_000
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


def platform_figures(label, args=(), env=None):
    with Platform("Bench-Database-2026", "loumen-bench-db-", args, env) as p:
        body = leaders_csv(1, 6000)
        t0 = time.monotonic()
        status, answer = p.call("POST", "/api/v1/imports/leaders", body, "text/csv")
        took = time.monotonic() - t0
        print(f"{label}: import of 6,000 leaders -> {status} in {took:.2f} s", flush=True)
        status, page = p.call("GET", "/api/v1/leaders?size=20")
        total = json.loads(page)["total"]
        out = subprocess.run(["wrk", "-t2", "-c16", "-d15s", "--latency", "-H", "Authorization: Bearer " + p.token,
                              f"http://127.0.0.1:{p.port}/api/v1/leaders?size=20"],
                             capture_output=True, text=True).stdout
        rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
        p50 = re.search(r"50%\s+(\S+)", out).group(1)
        p99 = re.search(r"99%\s+(\S+)", out).group(1)
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        print(f"{label}: signed-in leader listing (page of 20 of {total}): {rps} req/s, p50 {p50}, p99 {p99}"
              + (f", NON-2xx {non2xx.group(1)}" if non2xx else ""), flush=True)


try:
    tally(f"jdbc:derby:{work}/tally-derby;create=true")
    tally(postgres("tally"), "loumen", "loumen-test")
    platform_figures("Derby")
    platform_figures("PostgreSQL", ["--db", postgres("platform")], PG_ENV)
finally:
    shutil.rmtree(work, ignore_errors=True)
