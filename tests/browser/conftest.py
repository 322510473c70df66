"""A real browser (Debian's headless Chromium) against the built site on 127.0.0.1."""
from __future__ import annotations

import pytest

from browserkit import CHROMIUM_ARGS, PageWatch, chromium_path, serve


@pytest.fixture(scope="session")
def server(site_dir):
    httpd, url = serve(site_dir)
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    # No service worker (sw.js, tested in test_offline.py): routes must see every request,
    # and each test context would otherwise precache the whole site in the background.
    context = browser.new_context(service_workers="block")
    # Anything not on 127.0.0.1 is refused, and recorded by PageWatch.
    context.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
    pg = context.new_page()
    pg.watch = PageWatch(pg, server)
    yield pg
    context.close()
