"""What the benchmarks share: a loumen.jar started on an empty data folder, signed in as the operator's admin."""
import json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "launcher", "target", "loumen.jar")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Platform:
    """Starts loumen.jar with LOUMEN_ADMIN_PASSWORD, waits for UP and signs in; a context manager that stops it."""

    def __init__(self, password, prefix, args=(), env=None):
        if not os.path.isfile(JAR):
            sys.exit(f"no {JAR}: build first (mvn -B package -DskipTests)")
        self.data = tempfile.mkdtemp(prefix=prefix)
        self.port = free_port()
        env = dict(os.environ, LOUMEN_ADMIN_PASSWORD=password, **(env or {}))
        self.process = subprocess.Popen(
            ["java", "-jar", JAR, "--host", "127.0.0.1", "--port", str(self.port), "--data", self.data, *args], env=env,
            stdout=open(os.path.join(self.data, "bench.log"), "w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
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
        shutil.rmtree(self.data, ignore_errors=True)
