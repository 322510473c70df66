"""The site under exactly the Content-Security-Policy the build generated (site/csp.txt):
pages, search and the Pyodide calculators work, and nothing is blocked."""
from __future__ import annotations

import pytest

from browserkit import PageWatch, local_context, search, serve


@pytest.fixture(scope="module")
def csp_server(site_dir):
    policy = (site_dir / "csp.txt").read_text(encoding="utf-8").strip()
    httpd, url = serve(site_dir, headers={"Content-Security-Policy": policy})
    yield url
    httpd.shutdown()


@pytest.fixture
def csp_page(browser, csp_server):
    context = local_context(browser)
    pg = context.new_page()
    pg.watch = PageWatch(pg, csp_server)
    pg.violations = []
    pg.on("console", lambda m: "Content Security Policy" in m.text and pg.violations.append(m.text))
    pg.on("pageerror", lambda e: pg.violations.append(str(e)))
    pg.on("worker", lambda w: w.on("console", lambda m: "Content Security Policy" in m.text
                                   and pg.violations.append(m.text)))
    yield pg
    context.close()


def _clean(page):
    assert not page.violations, page.violations
    page.watch.assert_clean()


@pytest.mark.parametrize("path", ["/", "/ch01/", "/en/ch01/", "/en/"])
def test_pages_under_csp(csp_page, csp_server, path):
    response = csp_page.goto(csp_server + path)
    assert "script-src 'self' 'wasm-unsafe-eval'" in response.headers["content-security-policy"]
    csp_page.wait_for_load_state("load")
    # Material's own script ran (it is 'self'; its inline helpers are hashed).
    csp_page.wait_for_function("() => typeof window.__md_scope !== 'undefined'")
    _clean(csp_page)


def test_search_under_csp(csp_page, csp_server):
    csp_page.goto(csp_server + "/")
    links = search(csp_page, "慰问金", timeout=15000)
    assert links
    _clean(csp_page)


def test_calculator_under_csp(csp_page, csp_server):
    csp_page.goto(csp_server + "/calculators/quorum/?members=8&present=6")
    # A real answer, not an error or the "fill in" hint: the engine ran under the policy.
    result = csp_page.locator('[data-calculator-result][data-ok="true"]').first
    result.wait_for(timeout=60000)
    assert result.locator("[data-output=required_present]").inner_text().strip() == "6"
    assert result.locator("[data-calculator-answer]").inner_text().startswith("可以开会")
    _clean(csp_page)
