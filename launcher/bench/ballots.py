#!/usr/bin/env python3
"""Ballots over HTTP (选票): accepted ballots per second from CONNECTIONS concurrent clients, each 201 only once its
ballot is committed; then every accepted ballot is counted by the evaluation, so none acknowledged is missing.

On a running platform (the suite's, or one started here) it imports a community of its own: 50 buildings of 6 units,
one unit leader each, and ROOMS households per unit; opens that community's evaluation, reads its ballot codes and
loads POST /api/v1/ballots with wrk, one code per request (a Lua script deals the codes out: no code is sent twice).

Usage: launcher/bench/ballots.py [--seconds 8] [--connections 32] [--rooms 120] [--after-suite]
With --after-suite the database is first brought where run.py leaves it before its ballots: the signed-in listing
loaded twice (some 60,000 audit entries), five imports of 6,000 leaders and six exports of the first three's street.
"""
import argparse, csv, io, json, os, re, subprocess, tempfile, time

from loumen_bench import Platform, leaders_csv as invented_leaders

STREET = "北闸口镇"
LUA = r"""
local bodies = {}
local next_index = 0
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  local threads = tonumber(args[2])
  local i = 0
  for line in io.lines(args[1]) do
    if i % threads == id then table.insert(bodies, line) end
    i = i + 1
  end
end
function request()
  next_index = next_index + 1
  local body = bodies[next_index]
  if body == nil then body = bodies[1] end -- out of codes: answered 409, counted as not accepted
  return wrk.format("POST", "/api/v1/ballots", {["Content-Type"] = "application/json"}, body)
end
"""


def households_csv(community, rooms):
    out = ["street,community,building,unit,room,head_name,members,phone,special_groups"]
    for b in range(1, 51):
        for u in range(1, 7):
            for r in range(1, rooms + 1):
                out.append(f"{STREET},{community},{b}号楼,{u}单元,{r // 10 + 1}{r % 10:02d},住户{b}-{u}-{r},3,,")
    return ("\n".join(out) + "\n").encode("utf-8")


def leaders_csv(community, tag):
    out = ["street,community,building,unit,role,name,gender,birth_date,education,party_member,phone,nomination"]
    for b in range(1, 51):
        for u in range(1, 7):
            i = (b - 1) * 6 + u
            out.append(f"{STREET},{community},{b}号楼,{u}单元,楼门长,选票基准{i},女,1965-01-01,高中,是,"
                       f"18{tag}{i:08d},自荐")
    return ("\n".join(out) + "\n").encode("utf-8")


def prepare(p, rooms, tag):
    """Imports a community with leaders and households, opens its evaluation: (evaluation id, ballot bodies)."""
    community = f"选票基准{tag}社区"
    status, answer = p.call("POST", "/api/v1/imports/leaders", leaders_csv(community, tag), "text/csv")
    assert status in (200, 201), (status, answer[:300])
    status, answer = p.call("POST", "/api/v1/imports/households", households_csv(community, rooms), "text/csv")
    assert status in (200, 201), (status, answer[:300])
    streets = json.loads(p.call("GET", "/api/v1/public/streets")[1])
    street = next(s["code"] for s in streets if s["name"] == STREET)
    communities = json.loads(p.call("GET", f"/api/v1/public/streets/{street}/communities")[1])
    code = next(c["code"] for c in communities if c["name"] == community)
    leader_of = {}
    for page in range(1, 10):
        items = json.loads(p.call("GET", f"/api/v1/leaders?community={code}&size=200&page={page}")[1])["items"]
        for l in items:
            for a in l["assignments"]:
                leader_of[(a["buildingLabel"] or "") + (a["unitLabel"] or "")] = l["id"]
        if len(items) < 200:
            break
    status, answer = p.call("POST", "/api/v1/evaluations", json.dumps({"community": code,
                                                                          "period": "2026-H2"}).encode())
    assert status == 201, (status, answer[:300])
    evaluation = json.loads(answer)["id"]
    codes = p.call("GET", f"/api/v1/evaluations/{evaluation}/ballot-codes")[1].decode("utf-8-sig")
    bodies = []
    for row in csv.DictReader(io.StringIO(codes)):
        unit = re.match(r"(\d+号楼\d+单元)", row["address"]).group(1)
        bodies.append(json.dumps({"code": row["code"], "ratings": [{"leader": str(leader_of[unit]),
                                                                     "rating": "SATISFIED"}]}))
    return evaluation, bodies


def after_suite(p, seconds=8, connections=32, runs=5):
    """What run.py does to the database before its ballots: the signed-in listing loaded twice (warm-up and
    measure: audit entries), RUNS imports of 6,000 leaders (three into 八里台镇, the rest into 北闸口镇) and RUNS + 1
    exports of 八里台镇's leaders."""
    subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{2 * seconds}s", "-H", f"Authorization: Bearer {p.token}",
                    f"http://127.0.0.1:{p.port}/api/v1/leaders?community=120112103001&size=20"], capture_output=True)
    for run in range(1, runs + 1):
        status, answer = p.call("POST", "/api/v1/imports/leaders",
                                invented_leaders(run, 6000, "八里台镇" if run <= 3 else "北闸口镇"), "text/csv")
        assert status in (200, 201), (status, answer[:300])
    for _ in range(runs + 1):
        assert p.call("GET", "/api/v1/exports/leaders?street=120112107")[0] == 200


def load(p, bodies, seconds, connections):
    """wrk's output and (requests, refused) for one load of POST /api/v1/ballots dealing out BODIES."""
    work = tempfile.mkdtemp(prefix="loumen-ballots-")
    script, data = os.path.join(work, "ballots.lua"), os.path.join(work, "bodies.txt")
    with open(script, "w") as f:
        f.write(LUA)
    with open(data, "w") as f:
        f.write("\n".join(bodies) + "\n")
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script,
                          f"http://127.0.0.1:{p.port}", "--", data, "2"], capture_output=True, text=True).stdout
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return out, total, int(bad.group(1)) if bad else 0


def measure(p, seconds=8, connections=32, rooms=120, tag="1", warm_up=3):
    """(accepted ballots/s, p99 ms, accepted, refused, ballots counted by the evaluation afterwards).

    Like every other route of the suite, the route is first loaded for WARM_UP seconds (JIT, connection pool, the
    leaders serving each unit read into memory after the imports) on codes of its own; only the load after it is
    measured. Until the sixth session the ballots were measured cold, right after the imports, which gave the suite's
    row a fraction of the A/B's figures (421/s against 790-1,217/s)."""
    evaluation, bodies = prepare(p, rooms, tag)
    warm_accepted = 0
    if warm_up:
        spare = min(len(bodies) // 4, 2500 * warm_up)
        _, total, bad = load(p, bodies[:spare], warm_up, connections)
        warm_accepted = min(total - bad, spare)
        bodies = bodies[spare:]
    out, total, refused = load(p, bodies, seconds, connections)
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    elapsed = float(re.search(r"requests in ([\d.]+)(ms|s|m)", out).group(1)) * {"ms": 0.001, "s": 1, "m": 60}[
        re.search(r"requests in ([\d.]+)(ms|s|m)", out).group(2)]
    accepted = total - refused
    counted = json.loads(p.call("GET", f"/api/v1/evaluations/{evaluation}")[1])["ballots"] - warm_accepted
    if accepted > len(bodies):
        print(f"  (only {len(bodies)} codes: raise --rooms)")
    return accepted / elapsed, p99, accepted, refused, counted


if __name__ == "__main__":
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--seconds", type=int, default=8)
    a.add_argument("--connections", type=int, default=32)
    a.add_argument("--rooms", type=int, default=120)
    a.add_argument("--after-suite", action="store_true")
    o = a.parse_args()
    with Platform("Ballots-Bench-2026", "loumen-ballots-", args=["--demo"]) as platform:
        if o.after_suite:
            t0 = time.monotonic()
            after_suite(platform, o.seconds, o.connections)
            print(f"  (the suite's listing, imports and exports before: {time.monotonic() - t0:.0f} s)", flush=True)
        rate, p99, accepted, refused, counted = measure(platform, o.seconds, o.connections, o.rooms)
        print(f"ballots over HTTP, {o.connections} clients: {rate:,.0f} accepted/s, p99 {p99:.1f} ms "
              f"({accepted} accepted, {refused} refused; the evaluation counts {counted})")
