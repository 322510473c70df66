"""Browser test helpers (imported by name: `from conftest import` is ambiguous when
several conftest.py files exist): Chromium, the site server, page watching, search."""
from __future__ import annotations

import http.server
import os
import sys
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    for cand in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser")):
        if cand and Path(cand).exists():
            return cand
    pytest.fail("Chromium not found: `make setup` installs Debian's chromium")


def serve(directory: Path, headers: dict[str, str] | None = None):
    """The same server as `make serve` (scripts/serve.py), on a free port."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from serve import make_handler  # scripts/serve.py
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), make_handler(directory, headers, quiet=True))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


# An init script: the calculators' engine then runs in a dedicated Worker, as in a
# browser without SharedWorker. Playwright neither sees nor routes a SharedWorker's
# requests, and counts the request for its script as never finished (so a page that
# starts the shared engine never reaches "networkidle").
DEDICATED_ENGINE = "delete window.SharedWorker;"
# The page uses no SharedWorker under automation (navigator.webdriver: see
# handbook/calculator_forms.py); the tests of the shared engine, and make bench, say
# "not automated" to get the path a reader's browser takes.
SHARED_ENGINE = "Object.defineProperty(Navigator.prototype, 'webdriver', {get: () => false});"


def local_context(browser, shared_engine: bool = False, **options):
    """A browser context for one test: no service worker (sw.js is tested on its own in
    test_offline.py; it would hide requests from routes and precache the whole site),
    and every request that would leave 127.0.0.1 refused (PageWatch records it).

    The calculators' engine runs in a dedicated Worker (DEDICATED_ENGINE): these tests
    watch and change its requests. The shared engine has its own tests
    (test_engine_shared.py, with shared_engine=True)."""
    context = browser.new_context(service_workers="block", **options)
    context.add_init_script(SHARED_ENGINE if shared_engine else DEDICATED_ENGINE)
    context.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
    return context


class PageWatch:
    """Collects what must never happen on a page: errors, failures, outside requests."""

    def __init__(self, page, base: str):
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} {r.status}"))
        page.on("request", lambda r: self._check(r.url, base))

    def _check(self, url: str, base: str):
        if url.startswith(("data:", "blob:", "about:")):
            return
        if not url.startswith("http://127.0.0.1:"):
            self.outside.append(url)

    def assert_clean(self):
        assert not self.outside, f"requests left 127.0.0.1: {self.outside}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.errors, f"console errors: {self.errors}"


def search(page, query: str, timeout: float = 5000) -> list[str]:
    """Type into Material's search box as a person does and return the result links."""
    box = page.locator("input.md-search__input")
    magnifier = page.locator("label.md-header__button[for='__search']")
    if magnifier.is_visible():  # phone width: the magnifier opens the search overlay
        magnifier.click()
    else:
        box.click()
    meta = ".md-search-result__meta"
    placeholder = "() => { const m = document.querySelector('%s');" \
        " return m && /键入|Type to start/.test(m.textContent) }" % meta
    # Start from an empty box so that old results are never read as new ones.
    box.fill("")
    box.dispatch_event("keyup")
    page.wait_for_function(placeholder, timeout=timeout)
    box.fill(query)
    # fill() inserts text like an IME commit; Material starts searching on keyup.
    box.dispatch_event("keyup")
    page.wait_for_function(placeholder.replace("return m &&", "return m && !"), timeout=timeout)
    return page.eval_on_selector_all(
        ".md-search-result__list a.md-search-result__link",
        "els => els.map(e => e.getAttribute('href'))")
