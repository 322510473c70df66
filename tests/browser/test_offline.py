"""Offline when the reader asks for it: "save for offline use" (离线保存, with the
size) on the home page installs the service worker (site/sw.js), which precaches
the handbook and the calculators engine; a plain visit installs nothing. Then
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
        assert re.fullmatch(r"离线保存（约 \d+ MB）", button.inner_text().strip())
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
        watch.assert_clean()
    finally:
        httpd.shutdown()
        httpd.server_close()  # nothing listens any more: the server is unreachable

    page = offline_context.new_page()
    watch = PageWatch(page, url)

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

    # Search, in both languages.
    page.goto(url + "/")
    assert search(page, "慰问金", timeout=30_000)
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


def test_no_precache_before_use_or_choice(offline_context, site_dir):
    """A chapter, and a calculator page whose engine was never used, register no
    service worker and precache nothing (the engine's own snapshot cache aside)."""
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
    finally:
        httpd.shutdown()
        httpd.server_close()
