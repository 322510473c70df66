"""A real browser (Debian's headless Chromium) against the built site on 127.0.0.1."""
from __future__ import annotations

import pytest

from browserkit import CHROMIUM_ARGS, PageWatch, chromium_path, local_context, serve


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
    context = local_context(browser)
    pg = context.new_page()
    pg.watch = PageWatch(pg, server)
    yield pg
    context.close()
