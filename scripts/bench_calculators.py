"""Benchmark the in-page calculators (not a test): `make bench`.

Serves the built site on 127.0.0.1 with the headers of deploy/nginx.conf (the
build's Content-Security-Policy and the same Cache-Control per path) and drives
Debian's headless Chromium. Each figure is set against a floor measured in the
same run on the same machine: a bare page that only runs `loadPyodide()` from the
same assets/pyodide/ files (served from memory at /__bench/bare.html).

Per run (the kinds are interleaved, so a busy moment hits each alike):

- floor: the bare page, in a fresh browser context (cold cache);
- first answer, cold: a fresh context opens a URL-prefilled calculator page;
- second calculator page, warm: the same context then opens another prefilled
  calculator page (the browser's cache is warm, the engine starts again);
- bytes transferred for both (cold, warm);
- first answer with the snapshot refused (a second server answers 404 for
  assets/pyodide/snapshot.json): the fallback, normal boot.

Then once: recompute latency p50/p95 over 50 input changes (input event to the
answer painted), and the bytes a chapter without a calculator (/ch02/) and the
whole-handbook /print/ page fetch from assets/pyodide/.

Times run from each page's navigation start (performance.timeOrigin). The median
of --runs (default 5, at least 4) is printed, with the load average before and
after, since other work on the machine moves the seconds more than the ratios.
`--json FILE` also writes the figures.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browserkit import CHROMIUM_ARGS, chromium_path  # noqa: E402

BARE = b"""<!doctype html><meta charset="utf-8"><title>bare loadPyodide</title>
<script type="module" src="bare.js"></script>
"""
BARE_JS = b"""const { loadPyodide } = await import("../assets/pyodide/pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: new URL("../assets/pyodide/", location.href).href });
window.__loaded = performance.now();
"""
CALC_URL = "/calculators/quorum/?members=12&present=8"
SECOND_URL = "/calculators/condolence/?event=death&person=spouse"
CHAPTER_URL = "/ch02/"
PRINT_URL = "/print/"


def cache_control(path: str) -> str | None:
    """The Cache-Control deploy/nginx.conf sends for this path."""
    if re.search(r"^/assets/pyodide/calculators-[0-9a-f]{16}\.snapshot$", path):
        return "public, max-age=31536000, immutable"
    if re.search(r"^/assets/.+\.[0-9a-f]{8}\.min\.(js|css)$", path):
        return "public, max-age=31536000, immutable"
    return "no-cache"


class BenchHandler(http.server.SimpleHTTPRequestHandler):
    """Like `make serve` (scripts/serve.py) plus nginx.conf's headers; quiet."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript",
                      ".js": "text/javascript", ".json": "application/json"}
    csp = ""
    hide_snapshot = False

    def log_message(self, *args):
        pass

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        control = cache_control(path)
        if control:
            self.send_header("Cache-Control", control)
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path in ("/__bench/bare.html", "/__bench/bare.js"):
            body = BARE if path.endswith(".html") else BARE_JS
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8" if path.endswith(".html")
                             else "text/javascript")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.hide_snapshot and path == "/assets/pyodide/snapshot.json":
            self.send_error(404)
            return
        try:
            super().do_GET()
        except (BrokenPipeError, ConnectionResetError):
            pass


def serve(directory: Path, hide_snapshot=False):
    csp_file = directory / "csp.txt"
    csp = csp_file.read_text(encoding="utf-8").strip() if csp_file.exists() else ""
    handler = type("Handler", (BenchHandler,), {"csp": csp, "hide_snapshot": hide_snapshot})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPU(s), {model}, {platform.system()} {platform.machine()}"


def chromium_version() -> str:
    try:
        return subprocess.run([chromium_path(), "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except Exception:
        return "Chromium (version unknown)"


class Bytes:
    """Bytes that came over the network (not from the cache), by page."""

    def __init__(self, context):
        self.total = 0
        self.pyodide = 0
        self.requests = 0
        context.on("requestfinished", self._finished)

    def _finished(self, request):
        try:
            response = request.response()
            if response is None or response.from_service_worker:
                return
            sizes = request.sizes()
        except Exception:
            return
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if response.status == 304 or size <= 0:
            size = max(sizes["responseHeadersSize"], 0)
        self.total += size
        self.requests += 1
        if "/assets/pyodide/" in request.url:
            self.pyodide += size

    def take(self) -> tuple[int, int, int]:
        out = (self.total, self.pyodide, self.requests)
        self.total = self.pyodide = self.requests = 0
        return out


def wait(page, expression: str, timeout: float = 120.0):
    """Poll in the page (wait_for_function's string form is refused by the CSP)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(0.02)
    raise TimeoutError(expression)


FIRST = "performance.getEntriesByName('calculator:first-result').map(e => e.startTime)[0]"
VIA = "document.documentElement.dataset.calculatorsVia || ''"


def new_context(browser):
    # No service worker: it registers only after the engine has been used (and a
    # pause), so it takes no part in these loads; blocking it keeps runs alike.
    return browser.new_context(service_workers="block")


def bare_load(browser, base: str) -> float:
    context = new_context(browser)
    page = context.new_page()
    page.goto(base + "/__bench/bare.html", wait_until="commit")
    loaded = wait(page, "window.__loaded")
    context.close()
    return loaded


def cold_then_warm(browser, base: str) -> dict:
    context = new_context(browser)
    counter = Bytes(context)
    page = context.new_page()
    page.goto(base + CALC_URL, wait_until="commit")
    cold = wait(page, FIRST)
    via = page.evaluate(VIA)
    page.wait_for_timeout(300)  # late requests (search index)
    cold_bytes = counter.take()
    page.goto(base + SECOND_URL, wait_until="commit")
    warm = wait(page, FIRST)
    warm_via = page.evaluate(VIA)
    page.wait_for_timeout(300)
    warm_bytes = counter.take()
    context.close()
    return {"cold": cold, "warm": warm, "via": via, "warm_via": warm_via,
            "cold_bytes": cold_bytes, "warm_bytes": warm_bytes}


def first_answer(browser, base: str) -> tuple[float, str]:
    context = new_context(browser)
    page = context.new_page()
    page.goto(base + CALC_URL, wait_until="commit")
    first = wait(page, FIRST)
    via = page.evaluate(VIA)
    context.close()
    return first, via


RECOMPUTE_JS = """async (n) => {
  const form = document.querySelector('form[data-calculator="quorum"]');
  const members = form.querySelector('[name=members]');
  const times = [];
  for (let i = 0; i < n; i++) {
    const done = new Promise((resolve) => form.addEventListener('calculator:result', resolve, { once: true }));
    const t0 = performance.now();
    members.value = String(8 + (i % 40));
    members.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    await new Promise(requestAnimationFrame);  // until the answer is painted
    times.push(performance.now() - t0);
  }
  return times;
}"""


def recompute(browser, base: str, n: int = 50) -> list[float]:
    context = new_context(browser)
    page = context.new_page()
    page.goto(base + CALC_URL)
    wait(page, FIRST)
    page.wait_for_timeout(1000)  # let the first answer settle
    times = page.evaluate(RECOMPUTE_JS, n)
    context.close()
    return times


def page_bytes(browser, base: str, url: str) -> tuple[int, int, int]:
    context = new_context(browser)
    counter = Bytes(context)
    page = context.new_page()
    page.goto(base + url, wait_until="load")
    page.mouse.wheel(0, 3000)   # scroll a little, as a reader does
    page.wait_for_timeout(1500)
    out = counter.take()
    context.close()
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=5, help="runs of each kind (default 5, min 4)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    runs = max(4, args.runs)
    site = Path(args.site)
    if not (site / "assets" / "pyodide" / "pyodide-lock.json").exists():
        sys.exit(f"{site} has no self-hosted Pyodide: run `make build` first")

    from playwright.sync_api import sync_playwright
    httpd, base = serve(site)
    httpd2, base_nosnap = serve(site, hide_snapshot=True)
    load_before = load()
    print(f"machine: {machine()}; {chromium_version()}")
    print(f"load average {load_before:.2f} at start")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        bare, cold, warm, fallback, cold_bytes, warm_bytes, vias = [], [], [], [], [], [], set()
        for _ in range(runs):  # interleaved
            bare.append(bare_load(browser, base))
            r = cold_then_warm(browser, base)
            cold.append(r["cold"])
            warm.append(r["warm"])
            cold_bytes.append(r["cold_bytes"])
            warm_bytes.append(r["warm_bytes"])
            vias |= {r["via"], r["warm_via"]}
            f, via = first_answer(browser, base_nosnap)
            fallback.append(f)
            vias.add("fallback:" + via)
        times = recompute(browser, base)
        chapter = page_bytes(browser, base, CHAPTER_URL)
        printed = page_bytes(browser, base, PRINT_URL)
        browser.close()
    httpd.shutdown()
    httpd2.shutdown()
    load_after = load()

    med = statistics.median
    floor = med(bare)
    mb = lambda b: b / 1e6  # noqa: E731
    rows = [
        ("floor: bare loadPyodide() on an empty page", floor),
        ("first answer, cold (fresh profile, prefilled URL)", med(cold)),
        ("second calculator page, warm cache", med(warm)),
        ("first answer, cold, snapshot refused (fallback)", med(fallback)),
    ]
    print(f"\n{'measure (median of %d runs)' % runs:52s} {'ms':>8s}  {'x floor':>7s}")
    for label, value in rows:
        print(f"{label:52s} {value:8.0f}  {value / floor:7.2f}")
    for label, values in (("floor", bare), ("cold", cold), ("warm", warm), ("fallback", fallback)):
        print(f"  runs, {label} (ms): {', '.join(f'{v:.0f}' for v in values)}")
    print(f"engine paths seen: {', '.join(sorted(v or '?' for v in vias))}")
    p50, p95 = pct(times, 50), pct(times, 95)
    print(f"\nrecompute over {len(times)} input changes: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"max {max(times):.1f} ms")
    cb = [b[0] for b in cold_bytes]
    wb = [b[0] for b in warm_bytes]
    print(f"bytes, first calculator page, cold: {mb(med(cb)):.2f} MB "
          f"(Pyodide folder {mb(med(b[1] for b in cold_bytes)):.2f} MB) in {med(b[2] for b in cold_bytes):.0f} requests")
    print(f"bytes, second calculator page, warm: {med(wb) / 1e3:.0f} kB "
          f"(Pyodide folder {med(b[1] for b in warm_bytes) / 1e3:.0f} kB) in {med(b[2] for b in warm_bytes):.0f} requests")
    print(f"bytes, chapter without a calculator {CHAPTER_URL}: {chapter[0] / 1e3:.0f} kB, "
          f"Pyodide {chapter[1]} bytes")
    print(f"bytes, whole handbook {PRINT_URL}: {printed[0] / 1e3:.0f} kB, Pyodide {printed[1]} bytes")
    print(f"load average {load_after:.2f} at the end")

    goals = [
        ("first answer cold <= 0.6 x floor", med(cold) / floor, med(cold) <= 0.6 * floor),
        ("  stretch <= 0.4 x floor", med(cold) / floor, med(cold) <= 0.4 * floor),
        ("second page warm <= 1.0 s and <= 0.25 x floor", med(warm) / floor,
         med(warm) <= 1000 and med(warm) <= 0.25 * floor),
        ("recompute p95 <= 50 ms", p95, p95 <= 50),
        ("0 Pyodide bytes on a chapter without a calculator", chapter[1], chapter[1] == 0),
        ("0 Pyodide bytes on /print/", printed[1], printed[1] == 0),
    ]
    print()
    for label, value, ok in goals:
        print(f"goal {label:50s} {value:8.2f}  {'met' if ok else 'NOT met'}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "machine": machine(), "chromium": chromium_version(), "runs": runs,
            "load_before": load_before, "load_after": load_after,
            "floor": bare, "cold": cold, "warm": warm, "fallback": fallback,
            "recompute": times, "cold_bytes": cold_bytes, "warm_bytes": warm_bytes,
            "chapter_bytes": chapter, "print_bytes": printed, "paths": sorted(vias),
        }, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
