"""What the benchmarks share: a loumen.jar started on an empty data folder, signed in as the operator's admin."""
import json, os, shlex, shutil, socket, subprocess, sys, tempfile, time, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# LOUMEN_JAR: another build's jar, for A/B figures (e.g. main's beside a branch's)
JAR = os.environ.get("LOUMEN_JAR") or os.path.join(ROOT, "launcher", "target", "loumen.jar")
# JVM options for every platform a benchmark starts (LOUMEN_JVM_OPTIONS, or run.py --jvm): the JVM's defaults unless set
JVM = shlex.split(os.environ.get("LOUMEN_JVM_OPTIONS", ""))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Platform:
    """Starts loumen.jar with LOUMEN_ADMIN_PASSWORD, waits for UP and signs in; a context manager that stops it."""

    def __init__(self, password, prefix, args=(), data=None, before_start=None, keep=False, env=None, jar=None,
                 start_timeout=None):
        self.keep = keep
        jar = jar or JAR
        if not os.path.isfile(jar):
            sys.exit(f"no {jar}: build first (mvn -B package -DskipTests)")
        self.data = data or tempfile.mkdtemp(prefix=prefix)
        if before_start:
            before_start(self.data)
        self.port = free_port()
        env = dict(os.environ, LOUMEN_ADMIN_PASSWORD=password, **(env or {}))
        self.process = subprocess.Popen(
            ["java", *JVM, "-jar", jar, "--host", "127.0.0.1", "--port", str(self.port), "--data", self.data, *args],
            env=env,
            stdout=open(os.path.join(self.data, "bench.log"), "w"), stderr=subprocess.STDOUT)
        # LOUMEN_BENCH_START_TIMEOUT: seconds to wait for UP (a start on a heavily loaded machine takes minutes)
        deadline = time.monotonic() + (start_timeout or int(os.environ.get("LOUMEN_BENCH_START_TIMEOUT", "120")))
        while time.monotonic() < deadline:
            try:
                if json.loads(self.call("GET", "/api/v1/health")[1])["status"] == "UP":
                    break
            except Exception:
                pass
            time.sleep(0.2)
        self.token = None
        self.token = json.loads(self.call("POST", "/api/v1/auth/login",
                                          json.dumps({"username": "admin", "password": password}).encode())[1])["token"]

    def call(self, method, path, body=None, ctype="application/json"):
        """(status, body bytes); an HTTP error status is returned, not raised."""
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=body, method=method)
        if body is not None:
            req.add_header("Content-Type", ctype)
        if getattr(self, "token", None):
            req.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(60)
        if not self.keep:
            shutil.rmtree(self.data, ignore_errors=True)


def leaders_csv(run, rows, street="八里台镇"):
    """An import file of invented leaders (GB18030, as WPS saves it): 20 new communities of 300 leaders per run, with
    new phone numbers, so every run creates its communities, buildings and units too."""
    import random
    rnd = random.Random(run)
    edu = ["小学", "初中", "高中", "中专", "大专", "本科", "硕士", "博士"]
    out = ["street,community,building,unit,role,name,gender,birth_date,education,party_member,phone,nomination"]
    for i in range(rows):
        community = f"基准{run}-{i // 300:02d}社区"
        building = f"{(i % 300) // 6 + 1}号楼"
        out.append(f"{street},{community},{building},{i % 6 + 1}单元,楼门长,测试{i},{rnd.choice('男女')},"
                   f"{rnd.randint(1950, 1995)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d},{rnd.choice(edu)},"
                   f"{rnd.choice('是否')},15{run}{i:08d},{rnd.choice(['自荐', '推荐'])}")
    return ("\n".join(out) + "\n").encode("gb18030")


def health(port):
    """(status, JSON body) of /api/v1/health, or (None, None) while nothing answers."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, None
    except Exception:
        return None, None


def until_up(jar, data, on_up, args=("--demo",), jvm=(), log_name="until-up.log", timeout=180):
    """Starts JAR on DATA with ARGS and JVM options, polls health every 20 ms (which costs the machine next to nothing)
    and, at the first UP, returns on_up(process, ms to UP, ms to the first 200) after stopping the process again."""
    import signal
    port = free_port()
    log = open(os.path.join(data, log_name), "w")
    t0 = time.monotonic()
    p = subprocess.Popen(["java", *jvm, "-jar", jar, "--host", "127.0.0.1", "--port", str(port), "--data", data,
                          *args], stdout=log, stderr=subprocess.STDOUT,
                         env=dict(os.environ, LOUMEN_ADMIN_PASSWORD=os.environ.get("LOUMEN_ADMIN_PASSWORD",
                                                                                    "Bench-Start-2026")))
    first = None
    try:
        while True:
            if p.poll() is not None:
                sys.exit(f"loumen exited with {p.returncode}; see {log.name}")
            status, body = health(port)
            now = 1000 * (time.monotonic() - t0)
            if status == 200 and first is None:
                first = now
            if body and body.get("status") == "UP":
                return on_up(p, now, first)
            time.sleep(0.02)
            if now > 1000 * timeout:
                sys.exit(f"not UP within {timeout} s")
    finally:
        p.send_signal(signal.SIGTERM)
        p.wait(60)


def start_once(data, label, args=(), jvm=()):
    """Starts loumen.jar on DATA and stops it again: (ms to the first 200 on health, ms to UP, RSS in MB 2 s after UP)."""
    def at_up(p, up, first):
        time.sleep(2)
        with open(f"/proc/{p.pid}/status") as f:
            rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) // 1024
        return first, up, rss
    return until_up(JAR, data, at_up, args=args, jvm=[*JVM, *jvm], log_name=f"bench-{label}.log")


def print_jfr_samples(recording, selected, depth=64, keep=lambda frames: True, label="samples", tops_n=25,
                      loumen_n=25, inclusive_n=400):
    """Summarises a JFR recording's execution samples (those whose frames `keep` accepts): the top frames, the innermost
    Loumen frame of each sample, and the inclusive share of every frame whose name matches the regex `selected`."""
    import collections, re
    text = subprocess.run(["jfr", "print", "--stack-depth", str(depth), "--events", "jdk.ExecutionSample", recording],
                          capture_output=True, text=True).stdout
    tops, loumen, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    samples = 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
        if not frames or not keep(frames):
            continue
        samples += 1
        tops[frames[0]] += 1
        for f in set(frames):
            inclusive[f] += 1
        inner = next((f for f in frames if f.startswith("org.loumen")), None)
        if inner:
            loumen[inner] += 1
    print(f"{samples} {label}")
    if not samples:
        return
    for title, counter, n in (("top frames:", tops, tops_n), ("innermost Loumen frame:", loumen, loumen_n)):
        print(title)
        for f, k in counter.most_common(n):
            print(f"  {100 * k / samples:5.1f}%  {f}")
    print("inclusive (selected):")
    for f, k in inclusive.most_common(inclusive_n):
        if re.search(selected, f):
            print(f"  {100 * k / samples:5.1f}%  {f}")


def warm_starts_ab(jars, runs, measure, cols, prefix, start_args=("--demo",)):
    """A/B of warm starts: seeds one folder per jar (labelled A, B) with START_ARGS, then starts each RUNS times in turn
    on its folder, measure(jar, folder) giving one row {column: ms}; prints every row and then the medians."""
    import collections, statistics
    global JAR
    labels = "AB"[:len(jars)]
    folders = {}
    try:
        for k, jar in zip(labels, jars):
            folders[k] = tempfile.mkdtemp(prefix=f"{prefix}{k}-")
            JAR = jar
            start_once(folders[k], "first", args=list(start_args))
        rows = collections.defaultdict(list)
        print("ms: " + " | ".join(cols))
        for i in range(runs):
            for k, jar in zip(labels, jars):
                r = measure(jar, folders[k])
                rows[k].append(r)
                print(f"{k} run {i}: " + " | ".join(f"{r[c]:.0f}" for c in cols)
                      + f"  load {os.getloadavg()[0]:.1f}", flush=True)
        for k in labels:
            print(f"{k} median: " + " | ".join(f"{c} {statistics.median(r[c] for r in rows[k]):.0f}" for c in cols))
    finally:
        for d in folders.values():
            shutil.rmtree(d, ignore_errors=True)
