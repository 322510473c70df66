"""Nothing overflows on a phone (375 px), in either language: every page type, and each
calculator's answer with its clause links (English citations are long: "Rules on the
Director's Office Meeting of the Institutional Organization Commission Office, cl. 8").
A page never scrolls sideways, and nothing sticks out of the screen, except inside a box
made to scroll (a wide table's own scroller). On a desktop, an answer stays inside its box.
On a phone, the header names the set of rules the reader is in."""
from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from browserkit import local_context

ENGINE = 90_000
# Chapters with the longest English names and terms, the rates table, numbered articles.
CHAPTERS = ["ch01/", "ch10/", "ch12/", "ch13/", "ch17/"]
# One page of every kind the build writes.
PAGE_TYPES = ["", *CHAPTERS, "bilingual/", "bilingual/ch12/", "print/", "v/", "v/original/ch12/",
              "history/ch12/", "changes/", "glossary/", "cite/", "data/", "maintaining/",
              "developers/", "developers/calculators/", "developers/deployment/",
              "developers/performance/", "calculators/", "404.html"]
REWARDS = quote(json.dumps([{"outlets": ["红网手机报", "张家界日报"]}, {"outlets": []}],
                           ensure_ascii=False))
# Each calculator with an answer that cites its clauses (the longest English links).
ANSWERS = {
    "quorum": "members=5&present=4&votes_for=3&votes_against=1",
    "expenditure": "amount=5000&spent_on=2026-12-01",
    "meeting_calendar": "year=2026",
    "leave_approval": "days=2",
    "annual_leave": "years_worked=3",
    "condolence": "event=hospitalization&person=self",
    "duty_compensation": "duty_days=2",
    "rewards": f"articles={REWARDS}",
}

# Every visible element whose right edge is past `limit` (the screen, or a box),
# unless a scroller between it and the box holds it.
STICKING_OUT = """([selector, slack]) => {
  const out = [];
  const boxes = selector ? [...document.querySelectorAll(selector)]
                         : [document.documentElement];
  for (const box of boxes) {
    const limit = selector ? box.getBoundingClientRect().right : document.documentElement.clientWidth;
    for (const el of box.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= limit + slack) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      let p = el.parentElement, held = false;
      while (p && p !== box) {
        if (/auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX) &&
            p.getBoundingClientRect().right <= limit + slack) { held = true; break; }
        p = p.parentElement;
      }
      if (!held) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ` +
                          `right ${Math.round(r.right)} > ${Math.round(limit)}: ` +
                          (el.textContent || '').trim().slice(0, 50));
    }
  }
  return out.slice(0, 5);
}"""


@pytest.fixture(scope="module")
def phone(browser):
    ctx = local_context(browser, viewport={"width": 375, "height": 812}, is_mobile=True,
                        has_touch=True, device_scale_factor=2)
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def desktop(browser):
    ctx = local_context(browser, viewport={"width": 1366, "height": 768})
    yield ctx
    ctx.close()


def assert_fits(pg, where: str):
    width = pg.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{where} scrolls sideways: {width}px wide"
    assert pg.evaluate(STICKING_OUT, [None, 0.5]) == [], where


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_fits_a_phone(phone, server, lang, path):
    pg = phone.new_page()
    try:
        url = f"{server}/{'en/' if lang == 'en' else ''}{path}"
        pg.goto(url)
        pg.wait_for_load_state("load")
        assert_fits(pg, url)
    finally:
        pg.close()


def answered(ctx, server, lang: str, name: str):
    pg = ctx.new_page()
    pg.goto(f"{server}/{'en/' if lang == 'en' else ''}calculators/{name}/?{ANSWERS[name]}")
    result = pg.locator('[data-calculator-result][data-ok="true"]').first
    result.wait_for(timeout=ENGINE)
    assert result.locator("a[data-clause]").count() > 0, "the answer cites its clauses"
    return pg


@pytest.mark.parametrize("lang,name", [("en", name) for name in sorted(ANSWERS)] +
                         [("zh", "meeting_calendar"), ("zh", "quorum"), ("zh", "rewards")])
def test_calculator_answers_fit_a_phone(phone, server, lang, name):
    pg = answered(phone, server, lang, name)
    try:
        assert_fits(pg, f"{lang} {name} answer")
    finally:
        pg.close()


@pytest.mark.parametrize("name", ["quorum", "expenditure", "meeting_calendar", "leave_approval"])
def test_english_answers_stay_in_their_box_on_a_desktop(desktop, server, name):
    pg = answered(desktop, server, "en", name)
    try:
        assert pg.evaluate(STICKING_OUT, [".calc", 1]) == [], name
        assert pg.evaluate("() => document.documentElement.scrollWidth") <= 1366
    finally:
        pg.close()


@pytest.mark.parametrize("path,title", [
    ("/ch08/#c8-5", "八、请假休假报告制度"),
    ("/ch12/#c12-8", "十二、财务管理制度"),
    ("/en/ch01/#c1-8", "1. Rules on the Director's Office Meeting"),
])
def test_a_phone_header_names_the_set_of_rules(phone, server, path, title):
    """Arriving at a clause (from search or a short link), the header shows the chapter."""
    pg = phone.new_page()
    try:
        pg.goto(server + path)
        pg.wait_for_load_state("load")
        topic = pg.locator(".md-header__topic[data-md-component=header-topic]")
        pg.locator(".md-header__title--active").wait_for(timeout=5000)
        assert title in topic.inner_text().replace("\n", " ")
        pg.wait_for_timeout(400)   # Material fades it in
        assert topic.evaluate("e => getComputedStyle(e).opacity") == "1"
        assert topic.is_visible()
        box = topic.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["height"] > 0
    finally:
        pg.close()


def test_tab_on_a_phone_never_lands_on_something_hidden(phone, server):
    """Without the skip link, Tab went through the closed drawer's links: ~40 stops
    showing nothing. Every stop is on screen; the drawer, opened, is reachable."""
    pg = phone.new_page()
    try:
        pg.goto(server + "/calculators/annual_leave/")
        pg.wait_for_load_state("load")
        for _ in range(12):
            pg.keyboard.press("Tab")
            pg.wait_for_timeout(300)          # the skip link fades in on focus
            where = pg.evaluate("""() => {
                const e = document.activeElement; const r = e.getBoundingClientRect();
                const seen = e.checkVisibility({visibilityProperty: true, opacityProperty: true}) &&
                  r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth;
                return [seen, e.tagName + ' ' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)];
            }""")
            assert where[0], f"Tab landed on something not shown: {where[1]}"
        pg.locator("label.md-header__button[for='__drawer']").click()
        pg.wait_for_timeout(400)
        link = pg.locator(".md-sidebar--primary a.md-nav__link").first
        assert link.is_visible()
        link.focus()
        assert pg.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    finally:
        pg.close()


def test_side_by_side_uses_the_width_of_a_desktop(desktop, server):
    """No empty table of contents beside it: the two columns get the room (it used
    about 690 of 1366 px)."""
    pg = desktop.new_page()
    try:
        pg.goto(server + "/en/bilingual/ch12/")
        grid = pg.locator(".bilingual").bounding_box()
        assert grid["width"] >= 900, grid
        assert not pg.locator(".md-sidebar--secondary").is_visible()
    finally:
        pg.close()


def test_back_to_top_stays_off_the_clause_arrived_at(phone, server):
    """On a phone the "back to top" pill sits at the foot of the screen, not over the
    clause that a search result or a short link has just put under the header."""
    pg = phone.new_page()
    try:
        pg.goto(server + "/ch12/#c12-8")
        pg.wait_for_load_state("load")
        pg.mouse.wheel(0, 600)
        pg.wait_for_timeout(300)
        pg.mouse.wheel(0, -200)                       # scrolling up shows it
        top = pg.locator(".md-top")
        pg.wait_for_function("() => !document.querySelector('.md-top').hidden", timeout=5000)
        box = top.bounding_box()
        assert box["y"] > 812 / 2, f"back to top at y={box['y']}"
        assert box["y"] + box["height"] <= 812
    finally:
        pg.close()
