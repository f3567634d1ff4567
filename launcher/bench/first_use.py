#!/usr/bin/env python3
"""What the first users pay after start (not a test): the time from UP to the first answers of a sign-in and a
signed-in listing on a warm --demo start, for work moved off the start (done at first use or in the background after
UP) to show where it went.

For each jar this seeds the demo once on an empty folder, then RUNS warm starts on that folder, A and B in turn, and
at the first UP at once signs in (POST /api/v1/auth/login) and lists leaders (GET /api/v1/leaders?size=20), timing
each from UP. Prints per start the wall time to UP, the sign-in's answer and the listing's answer (ms after UP);
then medians.

Usage: launcher/bench/first_use.py A.jar [B.jar] [--runs N]
"""
import argparse, json, os, time, urllib.request

import loumen_bench

PASSWORD = "Bench-Start-2026"


def call(port, method, path, body=None, token=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.status, r.read()


def port_of(p):
    args = p.args
    return int(args[args.index("--port") + 1])


def warm_start(jar, data):
    def at_up(p, wall, first):
        t0 = time.monotonic()
        port = port_of(p)
        status, body = call(port, "POST", "/api/v1/auth/login",
                            json.dumps({"username": "admin", "password": PASSWORD}).encode())
        login = 1000 * (time.monotonic() - t0)
        token = json.loads(body)["token"]
        status, _ = call(port, "GET", "/api/v1/leaders?size=20", token=token)
        assert status == 200, status
        leaders = 1000 * (time.monotonic() - t0)
        return {"UP": wall, "sign-in after UP": login, "listing after UP": leaders}
    return loumen_bench.until_up(jar, data, at_up, jvm=loumen_bench.JVM, log_name="first-use.log")


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("jars", nargs="+")
    args.add_argument("--runs", type=int, default=5)
    opts = args.parse_args()
    os.environ["LOUMEN_ADMIN_PASSWORD"] = PASSWORD
    loumen_bench.warm_starts_ab(opts.jars, opts.runs, warm_start, ["UP", "sign-in after UP", "listing after UP"],
                                "loumen-first-use")


if __name__ == "__main__":
    main()
