#!/usr/bin/env python3
"""Notifications benchmark (not a test): how fast a MAJOR report reaches a DingTalk robot, and what a scan costs.

1. Starts loumen.jar --demo with a DingTalk-format webhook (signed) pointing at a local receiver in this script, files
   REPORTS MAJOR reports as the demo community secretary (gangwan) one after another and measures, for each, the time from the 201
   answer to the robot message (naming that report) arriving. Prints median and p99.
2. Stops the platform, seeds OPEN open overdue reports and CARE overdue care plans (tagged households last visited
   60 days ago) straight into its Derby database (SeedReports.java), starts it again and runs the scan
   (POST /api/v1/notifications/scan) twice: the first publishes one notice per condition, the second finds every one
   already noticed (the steady state). Prints seconds and rows touched for each.

Usage: [MAVEN_REPO=~/.m2/repository] launcher/bench/notify.py [REPORTS] [OPEN] [CARE]
       (defaults 200, 100000, 50000; build first: mvn -B package -DskipTests)
"""
import glob, http.server, json, os, re, statistics, subprocess, sys, threading, time

from loumen_bench import Platform, ROOT, free_port

reports = int(sys.argv[1]) if len(sys.argv) > 1 else 200
open_reports = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
care_plans = int(sys.argv[3]) if len(sys.argv) > 3 else 50000
UNIT = "120112103001B002U02"
arrived = {}


class Robot(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8")
        m = re.search(r"#/reports/(\d+)", body)
        if m and "sign=" in self.path:
            arrived.setdefault(int(m.group(1)), time.monotonic())
        answer = b'{"errcode":0,"errmsg":"ok"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


robot_port = free_port()
server = http.server.ThreadingHTTPServer(("127.0.0.1", robot_port), Robot)
threading.Thread(target=server.serve_forever, daemon=True).start()


def configure(data):
    conf = os.path.join(data, "conf")
    os.makedirs(conf, exist_ok=True)
    with open(os.path.join(conf, "org.loumen.notify.webhook-bench.cfg"), "w") as f:
        f.write("loumen.notify.channel=webhook.bench\nformat=DINGTALK\nkinds=report.major\n"
                f".url=http://127.0.0.1:{robot_port}/robot/send?access_token=bench\n.secret=SEC-bench-secret\n")
    with open(os.path.join(conf, "org.loumen.notify.cfg"), "w") as f:
        f.write("scanIntervalSeconds=86400\n")


platform = Platform("Bench-Notify-2026", "loumen-bench-notify-", args=["--demo"], before_start=configure, keep=True)
data = platform.data
try:
    with platform:
        call = platform.call
        while b"webhook.bench" not in call("GET", "/api/v1/notifications/status")[1]:
            time.sleep(0.2)
        accounts = dict((f[1], f[2]) for f in (l.split() for l in open(os.path.join(data, "demo-accounts.txt"),
                                                                      encoding="utf-8")) if len(f) >= 3)
        platform.token = None
        first = json.loads(call("POST", "/api/v1/auth/login", json.dumps(
            {"username": "gangwan", "password": accounts["gangwan"]}).encode())[1])["token"]
        platform.token = first
        assert call("POST", "/api/v1/auth/password", json.dumps(
            {"currentPassword": accounts["gangwan"], "newPassword": "Bench-Secretary-2026"}).encode())[0] == 204
        platform.token = None
        platform.token = json.loads(call("POST", "/api/v1/auth/login", json.dumps(
            {"username": "gangwan", "password": "Bench-Secretary-2026"}).encode())[1])["token"]
        latencies = []
        for i in range(reports):
            body = json.dumps({"place": UNIT, "duty": "SAFETY_PATROLLER", "urgency": "MAJOR",
                               "description": f"基准 {i}"}).encode()
            status, answer = call("POST", "/api/v1/reports", body)
            t0 = time.monotonic()
            assert status == 201, answer
            rid = json.loads(answer)["id"]
            deadline = t0 + 60
            while rid not in arrived and time.monotonic() < deadline:
                time.sleep(0.001)
            assert rid in arrived, f"report {rid} never reached the robot"
            latencies.append(arrived[rid] - t0)
        latencies.sort()
        p99 = latencies[min(len(latencies) - 1, int(round(0.99 * len(latencies))) - 1)]
        print(f"MAJOR report 201 -> DingTalk robot message, {reports} reports: median "
              f"{statistics.median(latencies) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, worst {latencies[-1] * 1000:.1f} ms")

    repo = os.environ.get("MAVEN_REPO", os.path.expanduser("~/.m2/repository"))  # the Maven repository the build used
    derby = glob.glob(os.path.join(repo, "org/apache/derby/derby/10.14.2.0/derby-10.14.2.0.jar"))
    if not derby:
        sys.exit(f"no Derby 10.14.2.0 in {repo}: set MAVEN_REPO to the Maven repository the build used")
    t = time.monotonic()
    subprocess.run(["java", "-Dderby.stream.error.file=" + os.path.join(data, "seed-derby.log"), "-cp", derby[0],
                    os.path.join(ROOT, "launcher", "bench", "SeedReports.java"),
                    os.path.join(data, "db"), str(open_reports), UNIT[:12], UNIT, str(care_plans)], check=True)
    print(f"seeded {open_reports} open overdue reports and {care_plans} overdue care plans in "
          f"{time.monotonic() - t:.1f} s")

    with Platform("Bench-Notify-2026", "loumen-bench-notify-", args=["--demo"], data=data) as again:
        def last_scan():
            return json.loads(again.call("GET", "/api/v1/notifications/status")[1])["lastScan"]

        def cpu_seconds():  # the platform's own CPU time (user + system): steadier than wall time on a shared machine
            with open(f"/proc/{again.process.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

        for run in ("first scan (publishes a notice per report)", "second scan (all noticed already)"):
            before = last_scan()
            cpu = cpu_seconds()
            t = time.monotonic()
            try:
                again.call("POST", "/api/v1/notifications/scan")  # may outlast the client's timeout: then wait
            except Exception:
                pass
            while last_scan() == before:
                time.sleep(1)
            took = time.monotonic() - t
            r = last_scan()
            print(f"{run}: {took:.1f} s wall, {r['millis'] / 1000:.1f} s in the scan, platform CPU "
                  f"{cpu_seconds() - cpu:.1f} s, rows touched {r['rowsTouched']}, notices published {r['notices']}")
finally:
    server.shutdown()
    import shutil
    shutil.rmtree(data, ignore_errors=True)
