#!/usr/bin/env python3
"""The console's pages as a person opens them, timed by what the server spent on each API call they make.

Headless Chromium (Debian's `chromium` and `chromium-driver`) is driven through chromedriver's W3C WebDriver protocol
(plain HTTP, no Selenium library needed). Signed in as the district's administrator (the widest scope, so the largest
queries), it opens every console page of the main menu, then the first detail page each list links to, and reads the
browser's resource timings: for each call under /api/v1 the server's own time from its `Server-Timing: app;dur=`
header (token check, access rule, the handler, the audit entry committed — what the issue's "server time" means) and
the time to the first byte as the browser saw it.

Usage: launcher/bench/pages.py [--url http://host:port --password PW]   (default: starts loumen.jar --demo itself)
Also used by run.py (demo scale) and databases.py (city scale) through walk().
"""
import argparse, json, os, shutil, socket, statistics, subprocess, sys, time, urllib.request

# the main menu's pages (core.console js/main.js); detail pages are found from the links of these
PAGES = ["/", "/org", "/leaders", "/leader-accounts", "/imports", "/households", "/reports", "/meetings", "/care",
         "/training", "/capacity-training", "/evaluations", "/awards", "/projects", "/committees", "/campaigns",
         "/consultations", "/programmes", "/users", "/audit", "/notifications", "/workspace"]
DETAILS = ["/leaders/", "/reports/", "/meetings/", "/training/", "/evaluations/", "/awards/", "/users/"]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Chromium:
    """One headless Chromium session through chromedriver."""

    def __init__(self, width=1366, height=768):
        for tool in ("chromium", "chromedriver"):
            if not shutil.which(tool):
                sys.exit(f"{tool} is missing: apt-get install -y chromium chromium-driver")
        self.port = _free_port()
        self.driver = subprocess.Popen(["chromedriver", f"--port={self.port}"], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while True:
            try:
                self._call("GET", "/status")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": shutil.which("chromium"),
            "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}"]}}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]

    def _call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.loads(r.read())["value"]

    def go(self, url):
        self._call("POST", f"/session/{self.session}/url", {"url": url})

    def js(self, script, *args):
        return self._call("POST", f"/session/{self.session}/execute/sync", {"script": script, "args": list(args)})

    def screenshot(self, path):
        import base64
        with open(path, "wb") as f:
            f.write(base64.b64decode(self._call("GET", f"/session/{self.session}/screenshot")))

    def close(self):
        try:
            self._call("DELETE", f"/session/{self.session}")
        finally:
            self.driver.terminate()
            self.driver.wait(10)


API_CALLS = """
return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/v1/')).map(e => ({
  path: new URL(e.name).pathname + new URL(e.name).search,
  status: e.responseStatus || 0,
  server: (e.serverTiming || []).filter(t => t.name === 'app').map(t => t.duration)[0],
  ttfb: e.responseStart - e.requestStart}));
"""


PENDING = """
if (!window.__benchFetch) {
  window.__benchFetch = window.fetch;
  window.__benchPending = 0;
  window.fetch = (...a) => { window.__benchPending++;
    return window.__benchFetch(...a).finally(() => window.__benchPending--); };
}
return window.__benchPending;
"""


def _settle(browser, quiet=0.8, limit=120.0):
    """Waits until no API call is in flight and none has started for `quiet` seconds (the page shows its data)."""
    deadline = time.monotonic() + limit
    seen, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        pending = browser.js(PENDING)
        n = browser.js("return performance.getEntriesByType('resource').length")
        if pending or n != seen:
            seen, since = n, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.1)


def walk(base, token, repeat=2):
    """[(page, [call, ...])] for every page, each opened `repeat` times (the first warms up; the last is kept)."""
    browser = Chromium()
    try:
        browser.go(base + "/")
        browser.js("sessionStorage.setItem('loumen.token', arguments[0]);", token)
        browser.go(base + "/")  # the console reads the token when it starts
        _settle(browser)
        pages, results = list(PAGES), []
        i = 0
        while i < len(pages):
            page = pages[i]
            i += 1
            calls = []
            for _ in range(repeat):
                # through a route that matches no page, so that opening the same page again loads it again
                browser.js("location.hash = '#/bench-blank';")
                _settle(browser, quiet=0.3)
                browser.js("performance.clearResourceTimings(); performance.setResourceTimingBufferSize(1000);"
                           "location.hash = '#' + arguments[0];", page)
                _settle(browser)
                calls = browser.js(API_CALLS)
            results.append((page, calls))
            if os.environ.get("PAGES_SCREENSHOTS"):
                browser.screenshot(os.path.join(os.environ["PAGES_SCREENSHOTS"], page.strip("/").replace("/", "_")
                                                or "home") + ".png")
            if page.rstrip("/") and any(d.rstrip("/") == page for d in DETAILS):
                link = browser.js("const a = [...document.querySelectorAll('a[href^=\"#' + arguments[0] + '/\"]')]"
                                  ".map(a => a.getAttribute('href').slice(1).split('?')[0])"
                                  ".find(h => !h.endsWith('/new')); return a || null;", page)
                if link:
                    pages.insert(i, link)
        return results
    finally:
        browser.close()


def summary(results):
    """(slowest server ms, its page and path, calls timed, calls without a timing, median server ms)."""
    timed = [(c["server"], page, c["path"]) for page, calls in results for c in calls if c.get("server") is not None]
    untimed = [(page, c["path"], c["status"]) for page, calls in results for c in calls if c.get("server") is None]
    if not timed:
        return None
    worst = max(timed)
    return worst, len(timed), untimed, statistics.median(t[0] for t in timed)


def report(results, target_ms):
    for page, calls in results:
        worst = max((c["server"] for c in calls if c.get("server") is not None), default=None)
        flag = "" if worst is None or worst <= target_ms else "  > target"
        print(f"  #{page}: {len(calls)} API calls, slowest server time "
              f"{'-' if worst is None else f'{worst:.1f} ms'}{flag}")
        for c in sorted(calls, key=lambda c: -(c.get("server") or 0))[:3]:
            if c.get("server") is not None and c["server"] > target_ms:
                print(f"      {c['server']:.1f} ms  {c['path']}")
    s = summary(results)
    if s:
        (worst, page, path), n, untimed, median = s
        print(f"  {n} calls timed: median {median:.1f} ms, slowest {worst:.1f} ms (#{page}: {path})")
        for page, path, status in untimed:
            print(f"  no server timing (status {status}): #{page} {path}")
    return s


if __name__ == "__main__":
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--url", help="a running platform, e.g. http://127.0.0.1:8080 (default: start loumen.jar --demo)")
    a.add_argument("--password", default=os.environ.get("LOUMEN_ADMIN_PASSWORD"), help="admin's password (--url)")
    a.add_argument("--target", type=float, default=50.0, help="server time target per call, ms")
    o = a.parse_args()
    if o.url:
        req = urllib.request.Request(o.url + "/api/v1/auth/login", method="POST", headers={
            "Content-Type": "application/json"}, data=json.dumps({"username": "admin", "password": o.password}).encode())
        with urllib.request.urlopen(req) as r:
            token = json.loads(r.read())["token"]
        report(walk(o.url, token), o.target)
    else:
        from loumen_bench import Platform
        with Platform("Pages-Bench-2026", "loumen-pages-", args=["--demo"]) as p:
            report(walk(f"http://127.0.0.1:{p.port}", p.token), o.target)
