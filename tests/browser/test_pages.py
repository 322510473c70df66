"""Every built page opens clean in Chromium: nothing from outside, no errors, no 404s."""
from __future__ import annotations

from pathlib import Path

import pytest

SITE = Path(__file__).resolve().parents[2] / "site"


def page_paths() -> list[str]:
    """Every page of both languages; of the 290 short-link stubs (which redirect to
    chapter pages already on this list) one clause and one chapter per language."""
    if not SITE.exists():
        return []
    out = []
    for p in sorted(SITE.rglob("index.html")):
        rel = p.relative_to(SITE).parent.as_posix()
        if rel.startswith("assets"):
            continue
        if rel.startswith(("c/", "en/c/")) and rel.split("c/", 1)[1] not in ("12-8", "12"):
            continue
        out.append("/" if rel == "." else f"/{rel}/")
    return out


def test_there_are_pages_to_check():
    assert len(page_paths()) >= 2 * 20


@pytest.mark.parametrize("path", page_paths())
def test_page_is_clean(page, server, path):
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.watch.assert_clean()


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
