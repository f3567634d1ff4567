"""The generated city of issue 17 (`databases.py --city full`): imported in batches through the platform's own import
routes, then the figures a district's staff would wait for.

The tree: 2,000 communities of 50 units each (10 buildings of 5 units), 199 communities per street (residents'
committees are numbered 001-199 in the national division codes) over the first 11 streets of the shipped reference
tree, one unit leader (楼门长) per unit, 50 households per unit. Smaller with --city-leaders / --households."""
import json, statistics, time

STREETS = ["双新街道", "双林街道", "海棠街道", "咸水沽镇", "葛沽镇", "小站镇", "双港镇", "辛庄镇", "双桥河镇", "北闸口镇",
           "长青办事处", "津南开发区东区", "津南开发区西区", "津南国家农业园区"]
PER_STREET = 199
BUILDINGS, UNITS, HOUSEHOLDS = 10, 5, 50
HOUSEHOLD_BATCH = 50_000
EDU = ["小学", "初中", "高中", "中专", "大专", "本科", "硕士", "博士"]
SORTS = ["name", "-name", "birthDate", "-birthDate", "id", "-id"]


def communities(n):
    """(street name, street index, community index) of the first n communities."""
    return [(STREETS[i // PER_STREET], i // PER_STREET, i % PER_STREET) for i in range(n)]


def leaders_batch(places):
    out = ["street,community,building,unit,role,name,gender,birth_date,education,party_member,phone,nomination"]
    for street, s, c in places:
        for b in range(1, BUILDINGS + 1):
            for u in range(1, UNITS + 1):
                n = (s * PER_STREET + c) * 50 + (b - 1) * UNITS + u
                out.append(f"{street},城{s:02d}-{c:03d}社区,{b}号楼,{u}单元,楼门长,城市{n},{'男女'[n % 2]},"
                           f"{1950 + n % 46}-{n % 12 + 1:02d}-{n % 28 + 1:02d},{EDU[n % 8]},{'是否'[n % 3 // 2]},"
                           f"13{s:02d}{c:03d}{b:02d}{u:02d},{['自荐', '推荐'][n % 2]}")
    return ("\n".join(out) + "\n").encode("gb18030")


def households_batch(places, left):
    out = ["street,community,building,unit,room,head_name,members,phone,special_groups"]
    for street, s, c in places:
        for b in range(1, BUILDINGS + 1):
            for u in range(1, UNITS + 1):
                for h in range(HOUSEHOLDS):
                    if left == 0:
                        break
                    left -= 1
                    out.append(f"{street},城{s:02d}-{c:03d}社区,{b}号楼,{u}单元,{h // 5 + 1}0{h % 5 + 1},"
                               f"户主{s}-{c}-{b}-{u}-{h},{h % 5 + 1},,")
    return ("\n".join(out) + "\n").encode("gb18030"), len(out) - 1


def timed(p, path, times=3):
    """Median ms of TIMES calls after one warm-up (which must answer 200)."""
    t0 = time.monotonic()
    status, body = p.call("GET", path)
    first = (time.monotonic() - t0) * 1000
    if status != 200:
        raise SystemExit(f"{path} -> {status} {body[:300]}")
    took = []
    for _ in range(times):
        t0 = time.monotonic()
        p.call("GET", path)
        took.append((time.monotonic() - t0) * 1000)
    return statistics.median(took), first, body


def listed_total(p, listing, known):
    """The listing's total as answered, and the real one: above the count's cap (totalCapped, 10,000) the answer says
    only "more than 10,000", so the rows known to be there (before + imported) stand for it."""
    answer = json.loads(p.call("GET", f"/api/v1/{listing}?size=1")[1])
    return answer["total"], bool(answer.get("totalCapped")), known if answer.get("totalCapped") else answer["total"]


def city_full(p, label, record, households, leaders):
    leaders_before = json.loads(p.call("GET", "/api/v1/leaders?size=1")[1])["total"]
    households_before = json.loads(p.call("GET", "/api/v1/households?size=1")[1])["total"]
    places = communities(leaders // (BUILDINGS * UNITS))
    # leaders: one import per street
    t_all, rows = time.monotonic(), 0
    for s in range(0, len(places), PER_STREET):
        batch = places[s:s + PER_STREET]
        t0 = time.monotonic()
        status, answer = p.call("POST", "/api/v1/imports/leaders", leaders_batch(batch), "text/csv")
        if status not in (200, 201):
            raise SystemExit(f"{label}: city leader import -> {status} {answer[:300]}")
        n = json.loads(answer)["imported"]
        rows += n
        print(f"{label}: city leaders {rows}: +{n} in {time.monotonic() - t0:.2f} s", flush=True)
    leader_rate = rows / (time.monotonic() - t_all)
    print(f"{label}: {rows} leaders imported, {leader_rate:.0f} rows/s", flush=True)
    record("city: leaders imported (one import per street), rows/s", label, f"{rows:,} at {leader_rate:,.0f}")
    # households: 20 communities (50,000) per import
    t_all, done, left = time.monotonic(), 0, households
    per = HOUSEHOLD_BATCH // (BUILDINGS * UNITS * HOUSEHOLDS)
    for s in range(0, len(places), per):
        if left <= 0:
            break
        body, n = households_batch(places[s:s + per], left)
        t0 = time.monotonic()
        status, answer = p.call("POST", "/api/v1/imports/households", body, "text/csv")
        if status not in (200, 201):
            raise SystemExit(f"{label}: city household import -> {status} {answer[:300]}")
        left -= n
        done += n
        if done % 500_000 < n or left <= 0:
            print(f"{label}: city households {done}: last +{n} in {time.monotonic() - t0:.2f} s "
                  f"({done / (time.monotonic() - t_all):.0f} rows/s so far)", flush=True)
    house_rate = done / (time.monotonic() - t_all)
    record("city: households imported (50,000 per import), rows/s", label, f"{done:,} at {house_rate:,.0f}")

    def ms(what, path):
        median, first, body = timed(p, path)
        print(f"{label}: {what}: {median:.0f} ms (first {first:.0f} ms)", flush=True)
        record(f"city: {what}, median ms", label, f"{median:.0f}")
        return body

    shown, capped, total = listed_total(p, "leaders", leaders_before + rows)
    record("city: leaders in the database (the listing's total as answered)", label,
           f"{total:,} ({shown:,}{'+, capped' if capped else ''})")
    # what any signed-in request costs on this machine at this moment (token check, no query of the city's tables)
    ms("request floor: GET /api/v1/auth/me (signed in, no list)", "/api/v1/auth/me")
    ms("leader profile report (district)", "/api/v1/reports/leader-profile")
    ms("cadence dashboard (district)", "/api/v1/meetings/cadence")
    middle = max(1, total // 40)
    for sort in SORTS:
        ms(f"district leader list, first page of 20, sort {sort}", f"/api/v1/leaders?size=20&sort={sort}")
        ms(f"district leader list, middle page ({middle}), sort {sort}",
           f"/api/v1/leaders?size=20&sort={sort}&page={middle}")
    community = json.loads(p.call("GET", "/api/v1/leaders?size=1&sort=-id")[1])["items"][0]["community"]
    ms("one community's leader list, page of 20", f"/api/v1/leaders?size=20&community={community}")
    one = json.loads(p.call("GET", f"/api/v1/leaders?size=1&sort=id&page={total // 2}")[1])["items"][0]["id"]
    ms("one leader's record", f"/api/v1/leaders/{one}")
    hshown, hcapped, htotal = listed_total(p, "households", households_before + done)
    record("city: households in the database (the listing's total as answered)", label,
           f"{htotal:,} ({hshown:,}{'+, capped' if hcapped else ''})")
    ms("district household list, first page of 20", "/api/v1/households?size=20")
    ms(f"district household list, middle page ({max(1, htotal // 40)})",
       f"/api/v1/households?size=20&page={max(1, htotal // 40)}")
    ms("one community's household list, page of 20", f"/api/v1/households?size=20&community={community}")
    # the console's pages on the city, as the district admin opens them (pages.py): each API call's server time
    import shutil
    if shutil.which("chromium") and shutil.which("chromedriver"):
        import pages
        walked = pages.walk(f"http://127.0.0.1:{p.port}", p.token)
        pages.report(walked, 200.0)
        s = pages.summary(walked)
        if s:
            (worst, page, path), n, _, median = s
            over = sum(1 for _, calls in walked for c in calls if (c.get("server") or 0) > 200)
            record("city: console pages, server time per API call (district admin)", label,
                   f"median {median:.0f} ms, slowest {worst:.0f} ms (#{page} {path}); {over} of {n} over 200 ms")
