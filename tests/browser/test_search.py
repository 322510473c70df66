"""Material's own search box, typed into as staff do, lands on the clause."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from browserkit import search

QUERIES = tomllib.loads(
    (Path(__file__).parents[1] / "data" / "search_queries.toml").read_text(encoding="utf-8"))["queries"]


@pytest.fixture(scope="module")
def search_page(browser, server):
    ctx = browser.new_context(service_workers="block")
    pages = {}
    for lang, path in (("zh", "/"), ("en", "/en/")):
        pg = ctx.new_page()
        pg.goto(server + path)
        pg.wait_for_load_state("networkidle")
        pages[lang] = pg
    yield pages
    ctx.close()


def clause_of(href: str) -> str:
    return href.rsplit("#", 1)[1] if "#" in href else href


@pytest.mark.parametrize("case", QUERIES, ids=lambda c: f"{c['lang']}:{c['q']}")
def test_query_finds_the_clause_in_the_first_three_results(search_page, case):
    pg = search_page[case["lang"]]
    hrefs = search(pg, case["q"])
    top = [clause_of(h) for h in hrefs[:3]]
    assert set(top) & set(case["expect"]), f"{case['q']!r}: top three were {top}"
    # Each clause result goes to the clause anchor of a page in the same language.
    first = hrefs[0]
    assert "clause=" not in first
    assert ("/en/" in first) == (case["lang"] == "en")


def test_clicking_a_result_shows_the_clause(page, server):
    page.goto(server + "/")
    page.wait_for_load_state("networkidle")
    hrefs = search(page, "直系亲属住院")
    assert hrefs[0].endswith("#c12-8"), hrefs[:3]
    page.click(".md-search-result__list a.md-search-result__link >> nth=0")
    page.wait_for_function("() => location.hash === '#c12-8'")
    assert "/ch12/" in page.url and "clause=" not in page.url
    cid = "c12-8"
    # The browser scrolls to the anchor once the page has laid out: give it a moment.
    page.wait_for_function(
        "() => { const e = document.getElementById('c12-8'); if (!e) return false;"
        " const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }",
        timeout=5000)
    box = page.locator(f"#{cid}").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box and box["y"] >= header["height"] - 1 and box["y"] < page.viewport_size["height"]


def test_search_works_at_phone_width(browser, server):
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True,
                              service_workers="block")
    pg = ctx.new_page()
    pg.goto(server + "/en/")
    pg.wait_for_load_state("networkidle")
    hrefs = search(pg, "sympathy payment")
    assert any(h.endswith(("#c12-8", "#c12-9", "#c12-10")) for h in hrefs[:3]), hrefs[:3]
    ctx.close()
