"""Every built page opens clean in Chromium: nothing from outside, no errors, no 404s,
no serious or critical accessibility violations (axe-core). (On a phone: test_layout.py.)"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from browserkit import PageWatch, local_context

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("HANDBOOK_SITE", ROOT / "site"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def page_paths() -> list[str]:
    """Every page of both languages; of the 290 short-link stubs (which redirect to
    chapter pages already on this list) one clause and one chapter per language; of
    the point-in-time and history pages (one template each, tested for content in
    tests/test_amendments.py) the indexes and chapters 1 and 12."""
    if not SITE.exists():
        return []
    out = []
    for p in sorted(SITE.rglob("index.html")):
        rel = p.relative_to(SITE).parent.as_posix()
        if rel.startswith("assets"):
            continue
        if rel.startswith(("c/", "en/c/")) and rel.split("c/", 1)[1] not in ("12-8", "12"):
            continue
        if rel.startswith(("v/", "en/v/", "history/", "en/history/")) and \
                rel.rsplit("/", 1)[-1] not in ("v", "original", "ch01", "ch12"):
            continue
        out.append("/" if rel == "." else f"/{rel}/")
    return out + ["/404.html", "/en/404.html"]


def test_there_are_pages_to_check():
    assert len(page_paths()) >= 2 * 20


@pytest.fixture(scope="module")
def crawl(browser):
    """One context for the whole crawl, so the browser cache serves Pyodide once."""
    ctx = local_context(browser)
    yield ctx
    ctx.close()


def axe_violations(pg) -> list[str]:
    pg.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = pg.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
          .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
    }""")
    return found


@pytest.mark.parametrize("path", page_paths())
def test_page_is_clean_and_accessible(crawl, server, path):
    pg = crawl.new_page()
    watch = PageWatch(pg, server)
    try:
        pg.goto(server + path)
        pg.wait_for_load_state("networkidle")
        watch.assert_clean()
        assert axe_violations(pg) == []
    finally:
        pg.close()


REPRESENTATIVE = ["/", "/ch12/", "/en/ch01/", "/calculators/rewards/", "/en/calculators/quorum/",
                  "/bilingual/ch12/", "/en/cite/", "/glossary/", "/404.html"]


@pytest.mark.parametrize("path", REPRESENTATIVE)
def test_dark_palette_is_accessible(browser, server, path):
    ctx = browser.new_context(color_scheme="dark", service_workers="block")
    pg = ctx.new_page()
    pg.goto(server + path)
    pg.wait_for_load_state("networkidle")
    assert pg.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
    assert axe_violations(pg) == []
    ctx.close()


def test_drawer_and_search_are_closed_on_coming_back(browser, server):
    """Material's drawer and search are checkboxes; a browser going back to a page
    restores checkboxes as they were left, unless autocomplete is off (Material's
    invalid autocomplete="off" on them is now the form that owns them,
    handbook/material.py valid_toggles). Left open, both are closed on coming back."""
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                              has_touch=True, service_workers="block")
    pg = ctx.new_page()
    checked = "() => ['__drawer', '__search'].map(id => document.getElementById(id).checked)"
    for button, state in (("__drawer", [True, False]), ("__search", [False, True])):
        pg.goto(server + "/ch12/")
        pg.wait_for_load_state("networkidle")
        pg.click(f"label.md-header__button[for='{button}']")
        assert pg.evaluate(checked) == state
        pg.goto(server + "/ch01/")
        pg.go_back()
        pg.wait_for_load_state("load")
        assert pg.evaluate(checked) == [False, False], f"{button} open again on coming back"
    ctx.close()


@pytest.mark.parametrize("start,lang_link,expected", [
    ("/ch12/#c12-8", "en", "/en/ch12/#c12-8"),
    ("/en/ch01/#c1-5-4", "zh", "/ch01/#c1-5-4"),
])
def test_language_switch_keeps_page_and_clause(page, server, start, lang_link, expected):
    page.goto(server + start)
    page.wait_for_load_state("networkidle")
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{lang_link}']")
    page.wait_for_function("e => location.pathname + location.hash === e", arg=expected)
    page.wait_for_load_state("load")
    assert page.evaluate("() => document.documentElement.lang").startswith(lang_link)
    cid = expected.rsplit("#", 1)[1]
    box = page.locator(f"#{cid}").bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]
