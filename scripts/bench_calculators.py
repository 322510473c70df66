"""Benchmark the in-page calculators (not a test): `make bench`.

Serves the built site with nginx and deploy/nginx.conf itself (the build's
Content-Security-Policy, the Cache-Control per path, and the pre-compressed .br/.gz
copies sent as they are), and drives Debian's headless Chromium. Each figure is set
against a floor measured in the same run on the same machine: a bare page that only
runs `loadPyodide()` from the same assets/pyodide/ files (/__bench/bare.html).

Per run (the kinds are interleaved, so a busy moment hits each alike):

- floor: the bare page, in a fresh browser context (cold cache);
- first answer, cold: a fresh context opens a URL-prefilled calculator page;
- second calculator page, warm: the same context then opens another prefilled
  calculator page (the browser's cache is warm; the engine, a SharedWorker, runs on);
- the same two in a context without SharedWorker (as in a browser that has none:
  the second page restores its own engine from the kept snapshot);
- bytes for both (cold, warm), as nginx sent them (its access log: headers and the
  body as encoded, .br or .gz), per file, whoever asked (page or worker);
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
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "scripts"))

import local_nginx  # noqa: E402
from browserkit import CHROMIUM_ARGS, DEDICATED_ENGINE, SHARED_ENGINE, chromium_path  # noqa: E402

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


# Each request as nginx sent it: bytes on the wire (headers and body, the body as
# encoded), whoever asked (the page, its dedicated or shared worker).
LOG_FORMAT = "log_format bench '$uri\\t$status\\t$bytes_sent\\t$sent_http_content_encoding';"


@contextlib.contextmanager
def nginx(site: Path):
    """nginx with deploy/nginx.conf (scripts/local_nginx.py), also serving the bare page
    at /__bench/: yields (base URL, its access log, base URL where
    assets/pyodide/snapshot.json is 404)."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        (Path(tmp) / "bare.html").write_bytes(BARE)
        (Path(tmp) / "bare.js").write_bytes(BARE_JS)
        log = Path(tmp) / "access.log"
        bare = f'\n    location /__bench/ {{ alias {tmp}/; add_header Cache-Control "no-cache" always; }}\n'
        hide = "\n    location = /assets/pyodide/snapshot.json { return 404; }\n"
        try:
            with local_nginx.run(site, [bare + f"    access_log {log} bench;\n", bare + hide],
                                 http=LOG_FORMAT) as (base, base_nosnap):
                yield base, log, base_nosnap
        except local_nginx.NginxError as error:
            sys.exit(str(error))


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
    """What nginx sent since the last take(), by file: [bytes, requests, encoding]
    (read from its access log: the page's requests and its worker's, shared or not)."""

    def __init__(self, log: Path):
        self.log = log
        self.offset = log.stat().st_size if log.exists() else 0

    def take(self, settle: float = 0.3) -> dict:
        time.sleep(settle)  # nginx logs a request once it is sent
        files: dict[str, list] = defaultdict(lambda: [0, 0, ""])
        with open(self.log, "rb") as fh:
            fh.seek(self.offset)
            data = fh.read()
        end = data.rfind(b"\n") + 1
        self.offset += end
        for line in data[:end].decode("utf-8", "replace").splitlines():
            uri, status, sent, encoding = (line.split("\t") + ["", "", "0", ""])[:4]
            entry = files[uri]
            entry[0] += int(sent or 0)
            entry[1] += 1
            entry[2] = (encoding if encoding != "-" else "") or entry[2]
        return {path: tuple(v) for path, v in files.items()}


def totals(files: dict) -> tuple[int, int, int]:
    """(all bytes, bytes from assets/pyodide/, requests)."""
    return (sum(v[0] for v in files.values()),
            sum(v[0] for p, v in files.items() if p.startswith("/assets/pyodide/")),
            sum(v[1] for v in files.values()))


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


def new_context(browser, shared: bool = True):
    # No service worker: it registers only after the engine has been used (and a
    # pause), so it takes no part in these loads; blocking it keeps runs alike.
    context = browser.new_context(service_workers="block")
    if not shared:  # as in a browser without SharedWorker: each page starts its engine
        context.add_init_script(DEDICATED_ENGINE)
    else:  # as in a reader's browser (under automation the page uses no SharedWorker)
        context.add_init_script(SHARED_ENGINE)
    return context


def bare_load(browser, base: str) -> float:
    context = new_context(browser)
    page = context.new_page()
    page.goto(base + "/__bench/bare.html", wait_until="commit")
    loaded = wait(page, "window.__loaded")
    context.close()
    return loaded


def cold_then_warm(browser, base: str, log: Path, shared: bool = True) -> dict:
    context = new_context(browser, shared)
    counter = Bytes(log)
    page = context.new_page()
    page.goto(base + CALC_URL, wait_until="commit")
    cold = wait(page, FIRST)
    via = page.evaluate(VIA)
    cold_bytes = counter.take()  # (after a pause for late requests: the search index)
    page.goto(base + SECOND_URL, wait_until="commit")
    warm = wait(page, FIRST)
    warm_via = page.evaluate(VIA)
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


def page_bytes(browser, base: str, log: Path, url: str) -> dict:
    context = new_context(browser)
    counter = Bytes(log)
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


def per_file(runs: list[dict]) -> list[tuple[str, str, float, float]]:
    """(path, encoding, median bytes, median requests) of every file seen in any run."""
    paths = sorted({p for r in runs for p in r})
    rows = []
    for path in paths:
        sizes = [r[path][0] if path in r else 0 for r in runs]
        counts = [r[path][1] if path in r else 0 for r in runs]
        encoding = next((r[path][2] for r in runs if path in r and r[path][2]), "")
        rows.append((path, encoding, statistics.median(sizes), statistics.median(counts)))
    return sorted(rows, key=lambda row: -row[2])


ENGINE_BYTES_GOAL = 7_000_000


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
    load_before = load()
    print(f"machine: {machine()}; {chromium_version()}")
    print(f"served by nginx with deploy/nginx.conf; load average {load_before:.2f} at start")
    with nginx(site) as (base, log, base_nosnap), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        bare, cold, warm, fallback, cold_bytes, warm_bytes, vias = [], [], [], [], [], [], set()
        cold_own, warm_own, own_bytes = [], [], []
        for _ in range(runs):  # interleaved
            bare.append(bare_load(browser, base))
            r = cold_then_warm(browser, base, log)
            cold.append(r["cold"])
            warm.append(r["warm"])
            cold_bytes.append(r["cold_bytes"])
            warm_bytes.append(r["warm_bytes"])
            vias |= {r["via"], "second page:" + r["warm_via"]}
            r = cold_then_warm(browser, base, log, shared=False)
            cold_own.append(r["cold"])
            warm_own.append(r["warm"])
            own_bytes.append(r["warm_bytes"])
            vias |= {"no SharedWorker:" + r["via"], "no SharedWorker, second page:" + r["warm_via"]}
            f, via = first_answer(browser, base_nosnap)
            fallback.append(f)
            vias.add("fallback:" + via)
        times = recompute(browser, base)
        chapter = totals(page_bytes(browser, base, log, CHAPTER_URL))
        printed = totals(page_bytes(browser, base, log, PRINT_URL))
        browser.close()
    load_after = load()

    med = statistics.median
    floor = med(bare)
    mb = lambda b: b / 1e6  # noqa: E731
    rows = [
        ("floor: bare loadPyodide() on an empty page", floor),
        ("first answer, cold (fresh profile, prefilled URL)", med(cold)),
        ("second calculator page, warm (engine shared)", med(warm)),
        ("  without SharedWorker: first answer, cold", med(cold_own)),
        ("  without SharedWorker: second page, warm", med(warm_own)),
        ("first answer, cold, snapshot refused (fallback)", med(fallback)),
    ]
    print(f"\n{'measure (median of %d runs)' % runs:52s} {'ms':>8s}  {'x floor':>7s}")
    for label, value in rows:
        print(f"{label:52s} {value:8.0f}  {value / floor:7.2f}")
    for label, values in (("floor", bare), ("cold", cold), ("warm", warm), ("cold, own worker", cold_own),
                          ("warm, own worker", warm_own), ("fallback", fallback)):
        print(f"  runs, {label} (ms): {', '.join(f'{v:.0f}' for v in values)}")
    print(f"engine paths seen: {', '.join(sorted(v or '?' for v in vias))}")
    p50, p95 = pct(times, 50), pct(times, 95)
    print(f"\nrecompute over {len(times)} input changes: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"max {max(times):.1f} ms")

    cold_totals = [totals(b) for b in cold_bytes]
    warm_totals = [totals(b) for b in warm_bytes]
    cold_total = med(t[0] for t in cold_totals)
    print(f"\nbytes, first calculator answer, cold (median of {runs}; as sent, with the encoding):")
    files = per_file(cold_bytes)
    others = [row for row in files if row[2] < 20_000]
    for path, encoding, size, count in files:
        if size >= 20_000:
            print(f"  {size / 1e6:7.3f} MB  {encoding or 'identity':8s} {path}"
                  + (f" ({count:.0f} requests)" if count > 1 else ""))
    print(f"  {sum(r[2] for r in others) / 1e6:7.3f} MB  {'':8s} {len(others)} other files under 20 kB "
          f"({sum(1 for r in others if r[0].startswith('/assets/pyodide/'))} of them engine files)")
    print(f"  {mb(cold_total):7.3f} MB  total in {med(t[2] for t in cold_totals):.0f} requests "
          f"(engine folder assets/pyodide/: {mb(med(t[1] for t in cold_totals)):.3f} MB); "
          f"runs: {', '.join(f'{mb(t[0]):.3f}' for t in cold_totals)} MB")
    print(f"bytes, second calculator page, warm: {med(t[0] for t in warm_totals) / 1e3:.0f} kB "
          f"(engine folder {med(t[1] for t in warm_totals) / 1e3:.0f} kB) in {med(t[2] for t in warm_totals):.0f} requests; "
          f"without SharedWorker {med(totals(b)[0] for b in own_bytes) / 1e3:.0f} kB "
          f"(engine folder {med(totals(b)[1] for b in own_bytes) / 1e3:.0f} kB)")
    print(f"bytes, chapter without a calculator {CHAPTER_URL}: {chapter[0] / 1e3:.0f} kB, "
          f"engine {chapter[1]} bytes")
    print(f"bytes, whole handbook {PRINT_URL}: {printed[0] / 1e3:.0f} kB, engine {printed[1]} bytes")
    print(f"load average {load_after:.2f} at the end")

    goals = [
        ("first answer cold <= 7 MB on the wire", mb(cold_total), cold_total <= ENGINE_BYTES_GOAL),
        ("first answer cold <= 0.3 x floor", med(cold) / floor, med(cold) <= 0.3 * floor),
        ("second page warm <= 0.5 s (seconds)", med(warm) / 1000, med(warm) <= 500),
        ("recompute p95 <= 50 ms", p95, p95 <= 50),
        ("0 engine bytes on a chapter without a calculator", chapter[1], chapter[1] == 0),
        ("0 engine bytes on /print/", printed[1], printed[1] == 0),
    ]
    print()
    for label, value, ok in goals:
        print(f"goal {label:50s} {value:8.2f}  {'met' if ok else 'NOT met'}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "machine": machine(), "chromium": chromium_version(), "runs": runs,
            "load_before": load_before, "load_after": load_after,
            "floor": bare, "cold": cold, "warm": warm, "fallback": fallback,
            "cold_without_shared_worker": cold_own, "warm_without_shared_worker": warm_own,
            "recompute": times, "cold_bytes": cold_bytes, "warm_bytes": warm_bytes,
            "chapter_bytes": chapter, "print_bytes": printed, "paths": sorted(vias),
        }, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
