"""Clause links for notices (issue 5), in headless Chromium against the built site."""
from __future__ import annotations

import json
import re

import pytest

ZH_12_8 = "《永定区编办管理制度》十二、财务管理制度 第8条"
EN_12_8 = "Yongding Office Rules, ch. 12 (Financial Management), cl. 8"


def clean(page):
    """page.watch.assert_clean(), except Material's probe for /<page>/sitemap.xml
    (its language selector looks for a sitemap under each alternate page: a
    pre-existing 404 of the handbook skeleton, not of these features)."""
    page.watch.failed[:] = [f for f in page.watch.failed if "sitemap.xml" not in f]
    page.watch.errors[:] = [e for e in page.watch.errors
                            if "Failed to load resource" not in e or page.watch.failed]
    page.watch.assert_clean()


@pytest.fixture(scope="module")
def clauses(site_dir):
    return json.loads((site_dir / "clauses.json").read_text(encoding="utf-8"))


@pytest.fixture
def cpage(browser, server):
    """A page whose context may use the clipboard."""
    from browserkit import PageWatch, local_context
    context = local_context(browser, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    pg = context.new_page()
    pg.watch = PageWatch(pg, server)
    yield pg
    context.close()


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_clause_text_is_untouched(page, server, clauses):
    for lang, prefix in (("zh", ""), ("en", "en/")):
        for chapter in range(1, 19):
            page.goto(f"{server}/{prefix}ch{chapter:02d}/")
            page.wait_for_selector(".clause-link")
            texts = page.eval_on_selector_all(
                "p.clause[id]", "els => els.map(e => [e.id, e.textContent.trim(), !!e.querySelector('.clause-link')])")
            expected = [(c["id"], c[lang]) for c in clauses if c["chapter"] == chapter]
            assert [(i, t) for i, t, _ in texts] == expected
            assert all(b for *_, b in texts), "every clause has its link button"


def test_hover_and_focus_show_the_button(cpage, server):
    cpage.goto(f"{server}/ch12/")
    btn = cpage.locator("#c12-8 .clause-link")
    opacity = lambda: float(btn.evaluate("b => getComputedStyle(b).opacity"))
    assert opacity() == 0
    cpage.hover("#c12-8")
    cpage.wait_for_timeout(250)
    assert opacity() == 1
    cpage.mouse.move(0, 0)
    btn.focus()
    cpage.wait_for_timeout(250)
    assert opacity() == 1
    assert btn.evaluate("b => b.tagName") == "BUTTON"
    assert "c12-8" in btn.get_attribute("aria-label")


def test_keyboard_copy_chinese_citation(cpage, server):
    cpage.goto(f"{server}/ch12/")
    cpage.locator("#c12-8 .clause-link").focus()
    cpage.keyboard.press("Enter")
    assert cpage.evaluate("document.activeElement.textContent") == "复制链接"
    cpage.keyboard.press("ArrowDown")
    assert cpage.evaluate("document.activeElement.textContent") == "复制中文引用"
    cpage.keyboard.press("Enter")
    cpage.wait_for_function("document.querySelector('.clause-status').textContent.includes('已复制')")
    assert clipboard(cpage) == f"{ZH_12_8} {server}/ch12/#c12-8"
    assert cpage.get_attribute(".clause-status", "aria-live") == "polite"
    # focus returns to the button, Escape closes the menu
    assert cpage.evaluate("document.activeElement.classList.contains('clause-link')")
    cpage.keyboard.press("Enter")
    cpage.keyboard.press("Escape")
    assert cpage.locator(".clause-menu").is_hidden()
    clean(cpage)


@pytest.mark.parametrize("path,cid,kind,expected", [
    ("/ch12/", "c12-8", "link", "{s}/ch12/#c12-8"),
    ("/en/ch12/", "c12-8", "link", "{s}/en/ch12/#c12-8"),
    ("/en/ch12/", "c12-8", "en", EN_12_8 + " {s}/en/ch12/#c12-8"),
    ("/ch01/", "c1-5-4", "zh", "《永定区编办管理制度》一、编办主任办公会议制度 第5条第④项 {s}/ch01/#c1-5-4"),
    ("/ch01/", "c1-5-4", "en", "Yongding Office Rules, ch. 1 (Office Meeting), cl. 5(4) {s}/en/ch01/#c1-5-4"),
    ("/ch16/", "c16-1", "zh", "《永定区编办管理制度》十六、重大行政决策制度 第一条 {s}/ch16/#c16-1"),
    ("/en/ch16/", "c16-1", "en", "Yongding Office Rules, ch. 16 (Major Administrative Decision-Making), art. 1 {s}/en/ch16/#c16-1"),
    ("/ch18/", "c18-2", "zh", "《永定区编办管理制度》十八、卫生管理制度 第二条 {s}/ch18/#c18-2"),
])
def test_copy_texts(cpage, server, path, cid, kind, expected):
    cpage.goto(server + path)
    cpage.click(f"#{cid} .clause-link")
    cpage.click(f".clause-menu [data-copy={kind}]")
    cpage.wait_for_function("document.querySelector('.clause-status').textContent.length > 0")
    assert clipboard(cpage) == expected.format(s=server)
    status = cpage.text_content(".clause-status")
    assert ("copied" in status) if path.startswith("/en/") else ("已复制" in status)


def test_copy_without_clipboard_api_falls_back(page, server):
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page.goto(f"{server}/ch12/")
    page.click("#c12-8 .clause-link")
    page.click(".clause-menu [data-copy=link]")
    status = page.locator(".clause-status")
    status.wait_for()
    text = status.text_content()
    if "已复制" not in text:       # execCommand refused: the text is shown to copy by hand
        assert page.input_value(".clause-status__manual") == f"{server}/ch12/#c12-8"


@pytest.mark.parametrize("short,landing,cid", [
    ("/c/12-8/", "/ch12/#c12-8", "c12-8"),
    ("/en/c/12-8/", "/en/ch12/#c12-8", "c12-8"),
    ("/c/1-5-4/", "/ch01/#c1-5-4", "c1-5-4"),
    ("/en/c/17-3/", "/en/ch17/#c17-3", "c17-3"),
])
def test_short_link_lands_on_highlighted_clause(page, server, short, landing, cid):
    page.goto(server + short)
    page.wait_for_url(server + landing)
    page.wait_for_function(f"document.getElementById('{cid}').classList.contains('is-arrived')")
    page.wait_for_timeout(300)
    box = page.locator(f"#{cid}").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, "below the fixed header"
    assert box["y"] < 900 / 2, "in view"
    bg = page.eval_on_selector(f"#{cid}", "e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    clean(page)


def test_chapter_short_link(page, server):
    page.goto(f"{server}/c/12/")
    page.wait_for_url(f"{server}/ch12/")
    page.goto(f"{server}/en/c/3/")
    page.wait_for_url(f"{server}/en/ch03/")


def test_hashchange_moves_the_highlight(page, server):
    page.goto(f"{server}/ch12/#c12-2")
    page.wait_for_function("document.getElementById('c12-2').classList.contains('is-arrived')")
    page.evaluate("location.hash = '#c12-9'")
    page.wait_for_function("document.getElementById('c12-9').classList.contains('is-arrived')")
    assert page.locator(".is-arrived").count() == 1


@pytest.mark.parametrize("path,lang", [("/404.html", "zh"), ("/en/404.html", "en")])
def test_404_is_bilingual_and_points_to_search(page, server, path, lang):
    page.goto(server + path)
    assert page.get_attribute("html", "lang").startswith(lang)
    body = page.text_content(".md-content")
    assert "找不到此页面" in body and "Page not found" in body
    first = page.locator(".notfound-lang").first.get_attribute("lang")
    assert first.startswith(lang)
    page.locator(".notfound-search").first.click()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    home = "/" if lang == "zh" else "/en/"
    assert page.locator(f"a.md-select__link[hreflang={lang}]").get_attribute("href") == home
    clean(page)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_side_by_side_is_aligned(page, server, clauses, prefix):
    for chapter in range(1, 19):
        page.goto(f"{server}/{prefix}bilingual/ch{chapter:02d}/")
        rows = page.eval_on_selector_all(".bilingual-row", """rows => rows.map(r => [r.id,
            r.querySelector('.bilingual-zh .bilingual-text').textContent,
            r.querySelector('.bilingual-en .bilingual-text').textContent,
            r.querySelectorAll('[id]').length])""")
        expected = [[c["id"], c["zh"], c["en"], 0] for c in clauses if c["chapter"] == chapter]
        assert rows == expected
        for cid, *_ in rows:
            assert page.locator(f"[id='{cid}']").count() == 1
    # the chapter page links to it
    page.goto(f"{server}/{prefix}ch12/")
    page.click(".chapter-tools__bilingual")
    page.wait_for_url(f"{server}/{prefix}bilingual/ch12/")


def test_side_by_side_columns(page, server):
    page.goto(f"{server}/bilingual/ch12/#c12-8")
    zh = page.locator("#c12-8 .bilingual-zh").bounding_box()
    en = page.locator("#c12-8 .bilingual-en").bounding_box()
    assert abs(zh["y"] - en["y"]) < 2 and en["x"] > zh["x"] + zh["width"] - 1
    page.set_viewport_size({"width": 375, "height": 800})
    page.wait_for_timeout(200)
    zh = page.locator("#c12-8 .bilingual-zh").bounding_box()
    en = page.locator("#c12-8 .bilingual-en").bounding_box()
    assert en["y"] >= zh["y"] + zh["height"] - 1, "stacked on phones"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.mark.parametrize("path", ["/ch12/", "/en/ch01/", "/print/", "/en/print/"])
def test_print_hides_chrome_and_shows_short_links(page, server, path):
    page.goto(server + path)
    page.wait_for_selector(".clause-link", state="attached")
    page.emulate_media(media="print")
    for sel in (".md-header", ".md-sidebar--primary", ".md-footer", ".clause-link"):
        if page.locator(sel).count():
            assert page.eval_on_selector(sel, "e => getComputedStyle(e).display") == "none", sel
    cid = page.eval_on_selector("p.clause", "e => e.id")
    after = page.eval_on_selector("p.clause", "e => getComputedStyle(e, '::after').content")
    short = "/en/c/" if "/en/" in path else "/c/"
    assert cid in after and f"{server}{short}{cid[1:]}/" in after


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_printable_edition_has_everything(page, server, clauses, prefix):
    page.goto(f"{server}/{prefix}print/")
    ids = page.eval_on_selector_all("p.clause[id]", "els => els.map(e => e.id)")
    assert ids == [c["id"] for c in clauses]
    toc = page.eval_on_selector_all(".print-toc a", "els => els.map(e => e.getAttribute('href'))")
    assert toc == [f"#ch{n:02d}" for n in range(1, 19)]
    pdf = page.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) > 10


def test_clauses_json_is_served(page, server, clauses):
    page.goto(f"{server}/cite/")
    data = page.evaluate("fetch('../clauses.json').then(r => r.json())")
    assert data == clauses and len(data) == 127
    c = {d["id"]: d for d in data}["c12-8"]
    assert c["citation"] == {"zh": ZH_12_8, "en": EN_12_8}
    assert c["urls"]["zh"] == "/ch12/#c12-8" and c["urls"]["short_en"] == "/en/c/12-8/"
    assert c["chapter_title"] == {"zh": "十二、财务管理制度", "en": "12. Financial Management Rules"}
    assert c["number"] == "8." and c["zh"].startswith("8.本办干部")


def test_citation_builder(cpage, server):
    cpage.goto(f"{server}/cite/")
    cpage.wait_for_selector("#cite-builder.is-ready")
    cpage.fill(".cite-query", "慰问金")
    cpage.wait_for_selector(".cite-add[data-id=c12-8]")
    cpage.click(".cite-add[data-id=c12-8]")
    cpage.fill(".cite-query", "1-5-4 16-1")
    cpage.click(".cite-add[data-id=c1-5-4]")
    out = cpage.input_value(".cite-output")
    assert out.splitlines() == [
        f"1. {ZH_12_8}，{server}/ch12/#c12-8",
        f"2. 《永定区编办管理制度》一、编办主任办公会议制度 第5条第④项，{server}/ch01/#c1-5-4",
    ]
    cpage.check("input[name=cite-lang][value=en]")
    assert cpage.input_value(".cite-output").startswith(f"1. {EN_12_8}, {server}/en/ch12/#c12-8")
    assert cpage.locator(".cite-qr img").count() == 2
    cpage.wait_for_function("[...document.querySelectorAll('.cite-qr img')].every(i => i.naturalWidth > 0)")
    cpage.click(".cite-copy")
    cpage.wait_for_function("document.querySelector('.clause-status').textContent.length > 0")
    assert clipboard(cpage) == cpage.input_value(".cite-output")
    clean(cpage)


@pytest.mark.parametrize("path", ["/ch12/", "/en/ch12/", "/bilingual/ch01/", "/en/cite/", "/print/"])
def test_phone_width_has_no_horizontal_scroll(page, server, path):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server + path)
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    if page.locator(".clause-link").count():
        # touch screens (no hover): the button is visible without hovering
        assert page.locator(".clause-link").first.is_visible()
