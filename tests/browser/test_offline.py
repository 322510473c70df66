"""Offline when the reader asks for it: "save for offline use" (离线保存, with the
size) on the home page installs the service worker (site/sw.js), which precaches
the handbook and the calculators engine; a plain visit, or a calculator's answer,
installs nothing. Then
the server goes away, as on a laptop taken to a meeting room with no network, and
pages, clause anchors, search and a calculator (Pyodide) still work in Chromium."""
from __future__ import annotations

import re

import pytest

from browserkit import PageWatch, search, serve

ENGINE = 90_000  # a cold Pyodide start on a busy 2-core machine can take a while


def _precache_count(site_dir) -> int:
    sw = (site_dir / "sw.js").read_text(encoding="utf-8")
    listing = re.search(r"const PRECACHE = \[(.*?)\];", sw, re.S)
    assert listing, "sw.js has no PRECACHE list: run scripts/build_service_worker.py"
    return len(re.findall(r'^\s*".*",$', listing.group(1), re.M))


@pytest.fixture
def offline_context(browser):
    # A context of its own, without routes: Playwright's routing does not see the
    # requests a service worker answers, and the shared fixtures block service workers.
    context = browser.new_context(service_workers="allow")
    yield context
    context.close()


def test_handbook_and_calculators_work_offline(offline_context, site_dir):
    expected = _precache_count(site_dir)
    assert expected > 500  # both languages, short links, engine

    httpd, url = serve(site_dir)
    try:
        page = offline_context.new_page()
        watch = PageWatch(page, url)
        page.goto(url + "/")
        # Nothing is precached silently: only the reader's choice, size shown, starts it.
        button = page.locator("[data-offline-save] button")
        button.wait_for()
        button_text = button.inner_text().strip()
        assert re.fullmatch(r"离线保存（约 \d+ MB）", button_text)
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r)") is False
        button.click()
        # The worker installs only once everything is cached (all or nothing) …
        scope = page.evaluate("""async () => {
            const reg = await navigator.serviceWorker.ready;
            return reg.scope; }""")
        assert scope == url + "/"
        # … and then takes over the open page.
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
        caches = page.evaluate("""async () => {
            const out = {};
            for (const name of await caches.keys())
                out[name] = (await (await caches.open(name)).keys()).length;
            return out; }""")
        assert len(caches) == 1 and next(iter(caches)).startswith("handbook-"), caches
        assert next(iter(caches.values())) == expected, caches
        page.locator('[data-offline-save][data-offline-state="saved"]').wait_for(timeout=30_000)
        # The size the button offered is what the cache holds, and the status says so, measured.
        offered = int(re.search(r"约 (\d+) MB", button_text).group(1))
        cached = page.evaluate("""async () => {
            let total = 0;
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys())
                    total += (await (await cache.match(request)).blob()).size;
            }
            return total; }""")
        assert abs(cached / 1e6 - offered) <= 0.5, (cached, offered)
        status = page.locator("[data-offline-note]").inner_text()
        assert f"已离线保存（{cached / 1e6:.1f} MB）" in status, status
        assert not button.is_visible()          # saved: nothing left to press
        # A later visit says it is saved, with the measured size, and offers nothing.
        again = offline_context.new_page()
        again.goto(url + "/en/")
        again.locator('[data-offline-save][data-offline-state="saved"]').wait_for(timeout=30_000)
        assert f"Saved for offline use ({cached / 1e6:.1f} MB)" in again.locator("[data-offline-note]").inner_text()
        assert not again.locator("[data-offline-save] button").is_visible()
        again.close()
        watch.assert_clean()
    finally:
        httpd.shutdown()
        httpd.server_close()  # nothing listens any more: the server is unreachable

    page = offline_context.new_page()
    watch = PageWatch(page, url)
    # Only the offline copy answers: nothing from the browser's own HTTP cache (which
    # may be empty on the day: a restart, a cleared cache).
    offline_context.new_cdp_session(page).send("Network.clearBrowserCache")

    # A chapter, at a clause anchor.
    page.goto(url + "/ch12/#c12-8")
    clause = page.locator("#c12-8")
    clause.wait_for(state="visible")
    assert clause.inner_text().strip()

    # The English side, and a short link (/c/…) that redirects to its clause.
    page.goto(url + "/en/ch03/")
    assert page.locator("h1").first.inner_text().strip()
    assert page.evaluate("document.documentElement.lang").startswith("en")
    page.goto(url + "/c/12-8/")
    page.wait_for_url(re.compile(r"/ch12/#c12-8$"))

    # Search, in both languages; a clause number lands on its clause.
    page.goto(url + "/")
    assert search(page, "慰问金", timeout=30_000)
    assert search(page, "12-2", timeout=30_000)[0].endswith("/ch12/#c12-2")
    page.goto(url + "/en/")
    assert search(page, "condolence", timeout=30_000)

    # A calculator prefilled from its URL: Pyodide and the wheel come from the cache.
    page.goto(url + "/calculators/quorum/?members=8&present=6")
    page.wait_for_selector('form[data-calculator="quorum"][data-engine="ready"]', timeout=ENGINE)
    result = page.locator('[data-calculator-result][data-ok="true"]').first
    result.wait_for(timeout=ENGINE)
    assert result.locator('[data-output="quorum_met"]').inner_text().strip() == "是"

    # A second calculator page: the engine's files (and its snapshot) from the cache.
    page.goto(url + "/calculators/condolence/?event=death&person=spouse")
    page.wait_for_selector('form[data-calculator="condolence"][data-engine="ready"]', timeout=ENGINE)
    assert page.locator('[data-output="amount_min"]').first.inner_text().strip() == "1000"

    # Everything came from the cache: no errors, no failed requests (except the
    # engine and search downloads that leaving a page cancels: net::ERR_ABORTED).
    watch.failed[:] = [f for f in watch.failed if not f.endswith("net::ERR_ABORTED")]
    watch.assert_clean()


def test_no_precache_before_the_readers_choice(offline_context, site_dir):
    """A chapter, a home page, and a calculator that has answered register no service
    worker and precache nothing (the engine's own caches aside)."""
    httpd, url = serve(site_dir)
    try:
        page = offline_context.new_page()
        for path in ("/ch02/", "/en/ch03/"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            page.wait_for_timeout(500)
            assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r)") is False
            assert page.locator("[data-offline-save]").count() == 0  # offered on home/calculator pages
        page.goto(url + "/en/")
        button = page.locator("[data-offline-save] button")
        button.wait_for()
        assert re.fullmatch(r"Save for offline use \(about \d+ MB\)", button.inner_text().strip())
        page.wait_for_timeout(500)
        names = page.evaluate("caches.keys()")
        assert not [n for n in names if n.startswith("handbook-")], names
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r)") is False
        # A calculator answers; well after that (it used to start saving 5 s later), still nothing.
        page.goto(url + "/calculators/quorum/?members=8&present=6")
        page.locator('[data-calculator-result][data-ok="true"]').first.wait_for(timeout=ENGINE)
        page.wait_for_timeout(8000)
        assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r)") is False
        names = page.evaluate("caches.keys()")
        assert not [n for n in names if n.startswith("handbook-")], names
        assert page.locator('[data-offline-save][data-offline-state="offer"] button').is_visible()
    finally:
        httpd.shutdown()
        httpd.server_close()
