"""The calculators' engine as a SharedWorker (Chromium, the production path): the
calculator pages of one build share one running engine, which outlives a page, so the
second calculator page answers without starting Python again; a new build (another
snapshot) gets an engine of its own; a failed engine closes, so the next page starts
afresh. Playwright does not see a SharedWorker's requests, so the server here records
them itself. (The other browser tests run the engine in a dedicated Worker.)"""
from __future__ import annotations

import http.server
import json
import re
import sys
import threading
import time
from pathlib import Path

import pytest

from browserkit import PageWatch, local_context

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from serve import Handler  # noqa: E402  (scripts/serve.py)

ENGINE = 90_000
QUORUM = ("/calculators/quorum/?members=12&present=8", "quorum",
          {"quorum_met": "否", "required_present": "9"})
CONDOLENCE = ("/calculators/condolence/?event=death&person=spouse", "condolence",
              {"amount_min": "1000", "amount_max": "1000"})


class Recorder(Handler):
    """scripts/serve.py's handler that records every path asked for, answers 404 for
    the paths in `broken`, and with `rebuilt` set gives the snapshot manifest another
    sha256, as after a new build."""
    seen: list[str] = []
    broken: set[str] = set()
    rebuilt = [""]
    quiet = True

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        self.seen.append(path)
        if path in self.broken:
            self.send_error(404)
            return
        if path == "/assets/pyodide/snapshot.json" and self.rebuilt[0]:
            manifest = json.loads(Path(self.translate_path(path)).read_text(encoding="utf-8"))
            manifest["sha256"] = self.rebuilt[0]
            body = json.dumps(manifest).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@pytest.fixture(scope="module")
def recorded(site_dir):
    import functools
    handler = type("Recorded", (Recorder,), {"seen": [], "broken": set(), "rebuilt": [""]})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield handler, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def shared(browser, recorded):
    handler, url = recorded
    handler.seen.clear()
    handler.broken.clear()
    handler.rebuilt[0] = ""
    context = local_context(browser, shared_engine=True)
    yield context, handler, url
    context.close()


def answer(page, url, case) -> str:
    path, name, expected = case
    page.goto(url + path)
    form = page.locator(f'form[data-calculator="{name}"]')
    form.locator('[data-calculator-result][data-ok="true"]').wait_for(timeout=ENGINE)
    for key, text in expected.items():
        assert form.locator(f'[data-output="{key}"]').inner_text().strip() == text, key
    return page.evaluate("document.documentElement.dataset.calculatorsVia || ''")


def engine_files(seen: list[str]) -> list[str]:
    return [p for p in seen if p.startswith("/assets/pyodide/") and p.endswith((".wasm", ".snapshot", ".zip"))]


def test_the_second_calculator_page_uses_the_running_engine(shared):
    context, handler, url = shared
    page = context.new_page()
    watch = PageWatch(page, url)
    assert answer(page, url, QUORUM) == "snapshot"
    assert any(p.endswith(".snapshot") for p in handler.seen)
    handler.seen.clear()
    assert answer(page, url, CONDOLENCE) == "running"
    # nothing of the engine fetched again: only the snapshot manifest, which the engine
    # asks for to know it is still the current build's
    assert engine_files(handler.seen) == [], handler.seen
    assert "/assets/pyodide/snapshot.json" in handler.seen
    # and it still computes: a changed input gets its answer
    page.locator('form[data-calculator="condolence"] [name="person"]').select_option("relative")
    end = time.monotonic() + ENGINE / 1000
    while page.evaluate("document.querySelector('form[data-calculator=condolence]').dataset.results") != "2":
        assert time.monotonic() < end, "no answer to the changed input"
        time.sleep(0.05)
    # Chromium starts fetching the script of a SharedWorker that runs already, then
    # drops the request when it finds the worker: not a failure.
    watch.failed[:] = [f for f in watch.failed
                       if not re.search(r"calculators/worker\.js(\?index=[^ ]*)? net::ERR_ABORTED$", f)]
    watch.assert_clean()


def test_two_pages_at_once_share_it(shared):
    context, handler, url = shared
    first, second = context.new_page(), context.new_page()
    first.goto(url + QUORUM[0], wait_until="commit")
    # the second page joins while the first one's engine is still starting
    vias = {answer(second, url, CONDOLENCE), answer(first, url, QUORUM)}
    assert vias <= {"snapshot", "running"}
    assert sum(p.endswith(".snapshot") for p in handler.seen) == 1, handler.seen


def test_a_new_build_gets_an_engine_of_its_own(shared):
    context, handler, url = shared
    page = context.new_page()
    assert answer(page, url, QUORUM) == "snapshot"

    handler.rebuilt[0] = "f" * 64  # as after a new build: another snapshot
    handler.seen.clear()
    # started again (from the image the first engine kept), not "running"
    assert answer(page, url, CONDOLENCE) == "snapshot"
    # and the pages of that build share that engine
    handler.seen.clear()
    assert answer(page, url, QUORUM) == "running"
    assert engine_files(handler.seen) == [], handler.seen


def test_a_failed_engine_closes_and_the_next_page_starts_afresh(shared):
    context, handler, url = shared
    handler.broken.add("/assets/pyodide/pyodide-lock.json")
    page = context.new_page()
    page.goto(url + QUORUM[0])
    status = page.locator('[data-calculator-status][data-state="failed"]').first
    status.wait_for(timeout=30_000)
    assert "未能从服务器取得" in status.inner_text()
    handler.broken.clear()
    time.sleep(0.5)
    assert answer(page, url, CONDOLENCE) == "snapshot"


def test_a_browser_under_automation_reaches_network_idle(browser, recorded):
    """Under automation (navigator.webdriver) the page runs its engine in a dedicated
    Worker: a SharedWorker's script request never finishes for the DevTools protocol, and
    a test tool waiting for "network idle" on a calculator page would wait for ever."""
    handler, url = recorded
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(url + QUORUM[0], wait_until="networkidle", timeout=60_000)
        form = page.locator('form[data-calculator="quorum"]')
        form.locator('[data-calculator-result][data-ok="true"]').wait_for(timeout=ENGINE)
        assert page.evaluate("navigator.webdriver") is True
        page.wait_for_load_state("networkidle", timeout=30_000)
    finally:
        context.close()
