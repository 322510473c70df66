"""Benchmark the in-page calculators (not a test): `make bench`.

Serves the built site on 127.0.0.1 and drives Debian's headless Chromium. Every
load runs in a fresh browser context (cold cache). Side by side it prints:

- floor: a bare page that only runs loadPyodide() from the same assets/pyodide/
  files (served from memory at /__bench/bare.html, nothing written into site/);
- first result: navigation to the first rendered answer on a cold, URL-prefilled
  calculator page (/calculators/quorum/?members=12&present=8);
- recompute latency p50/p95 over 50 input changes (input event to rendered answer);
- bytes transferred for a chapter page (/ch02/) and a calculator page.

Times are from the navigation start (performance.timeOrigin) in the page.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import platform
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browserkit import CHROMIUM_ARGS, chromium_path  # noqa: E402

BARE = b"""<!doctype html><meta charset="utf-8"><title>bare loadPyodide</title>
<script type="module">
const { loadPyodide } = await import("../assets/pyodide/pyodide.mjs");
const pyodide = await loadPyodide({ indexURL: new URL("../assets/pyodide/", location.href).href });
window.__loaded = performance.now();
await pyodide.loadPackage("yongding-calculators", { messageCallback() {} });
pyodide.runPython("import calculators");
window.__withPackage = performance.now();
</script>
"""
CALC_URL = "/calculators/quorum/?members=12&present=8"
EN_CALC_URL = "/en/calculators/quorum/?members=12&present=8"
CHAPTER_URL = "/ch02/"


class BenchHandler(http.server.SimpleHTTPRequestHandler):
    """Like `make serve` (scripts/serve.py): .wasm as application/wasm; quiet."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript",
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/__bench/bare.html"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(BARE)))
            self.end_headers()
            self.wfile.write(BARE)
            return
        super().do_GET()


def serve(directory: Path):
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(BenchHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} CPU(s), {model}, {platform.system()} {platform.machine()}, "
            f"load average {load:.2f} at start")


def context_with_bytes(browser):
    context = browser.new_context()
    context.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
    total = {"bytes": 0, "requests": 0, "outside": 0}

    def finished(request):
        try:
            sizes = request.sizes()
        except Exception:
            return
        total["bytes"] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total["requests"] += 1

    context.on("requestfinished", finished)
    return context, total


def bare_load(browser, base: str) -> tuple[float, float]:
    context, _ = context_with_bytes(browser)
    page = context.new_page()
    page.goto(base + "/__bench/bare.html", wait_until="commit")
    page.wait_for_function("window.__withPackage", timeout=120_000, polling=20)
    loaded, with_package = page.evaluate("[window.__loaded, window.__withPackage]")
    context.close()
    return loaded, with_package


def first_result(browser, base: str, url: str) -> tuple[float, float]:
    context, _ = context_with_bytes(browser)
    page = context.new_page()
    page.goto(base + url, wait_until="commit")
    page.wait_for_function(
        "performance.getEntriesByName('calculator:first-result').length", timeout=120_000, polling=20)
    ready, first = page.evaluate(
        "['calculator:engine-ready', 'calculator:first-result']"
        ".map(n => performance.getEntriesByName(n)[0].startTime)")
    context.close()
    return ready, first


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
    context, _ = context_with_bytes(browser)
    page = context.new_page()
    page.goto(base + CALC_URL)
    page.wait_for_function(
        "performance.getEntriesByName('calculator:first-result').length", timeout=120_000)
    times = page.evaluate(RECOMPUTE_JS, n)
    context.close()
    return times


def page_bytes(browser, base: str, url: str, wait_engine: bool) -> tuple[int, int]:
    context, total = context_with_bytes(browser)
    page = context.new_page()
    page.goto(base + url, wait_until="load")
    if wait_engine:
        page.wait_for_function(
            "performance.getEntriesByName('calculator:first-result').length", timeout=120_000)
    page.wait_for_timeout(1000)  # late requests (search index, favicon)
    context.close()
    return total["bytes"], total["requests"]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=5, help="cold loads of each kind (default 5)")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "assets" / "pyodide" / "pyodide-lock.json").exists():
        sys.exit(f"{site} has no self-hosted Pyodide: run `make build` first")

    from playwright.sync_api import sync_playwright
    httpd, base = serve(site)
    print(f"machine: {machine()}")
    print(f"site: {site}  (served on {base})")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        bare, bare_pkg, ready, first, first_en = [], [], [], [], []
        for _ in range(args.runs):  # interleaved, so a busy moment hits every kind alike
            loaded, with_package = bare_load(browser, base)
            bare.append(loaded)
            bare_pkg.append(with_package)
            r, f = first_result(browser, base, CALC_URL)
            ready.append(r)
            first.append(f)
            first_en.append(first_result(browser, base, EN_CALC_URL)[1])
        times = recompute(browser, base)
        chapter = page_bytes(browser, base, CHAPTER_URL, wait_engine=False)
        calc = page_bytes(browser, base, CALC_URL, wait_engine=True)
        browser.close()
    httpd.shutdown()

    med = statistics.median
    floor = med(bare)
    print(f"\n{'measure (median of %d cold loads)' % args.runs:52s} {'ms':>8s}  {'x floor':>7s}")
    rows = [
        ("floor: bare loadPyodide()", floor),
        ("bare loadPyodide() + loadPackage + import", med(bare_pkg)),
        ("calculator page: engine ready", med(ready)),
        ("calculator page: navigation -> first result (zh)", med(first)),
        ("calculator page: navigation -> first result (en)", med(first_en)),
    ]
    for label, value in rows:
        print(f"{label:52s} {value:8.0f}  {value / floor:7.2f}")
    print(f"{'  runs, first result zh (ms)':52s} {', '.join(f'{v:.0f}' for v in first)}")
    print(f"{'  runs, floor (ms)':52s} {', '.join(f'{v:.0f}' for v in bare)}")
    print(f"\nrecompute over {len(times)} input changes: p50 {pct(times, 50):.1f} ms, "
          f"p95 {pct(times, 95):.1f} ms, max {max(times):.1f} ms")
    print(f"bytes, chapter page {CHAPTER_URL}: {chapter[0] / 1e3:,.0f} kB in {chapter[1]} requests")
    print(f"bytes, calculator page {CALC_URL}: {calc[0] / 1e6:,.2f} MB in {calc[1]} requests")
    goal = med(first) / floor
    print(f"\ngoal first result <= 1.15 x floor: {goal:.2f} x -> {'met' if goal <= 1.15 else 'NOT met'}")


if __name__ == "__main__":
    main()
