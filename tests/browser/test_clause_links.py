"""Clause links for notices (issue 5), in headless Chromium against the built site.

What the build writes (clause texts and citations, side-by-side and print pages,
clauses.json, the 404 pages) is checked without a browser in tests/test_clause_pages.py,
and the scripts' pure functions with `node --test tests/js/`; here: what needs a page."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from handbook import clauses as clause_table

# A chapter the handbook does not have (one after its last).
NO_SUCH_CHAPTER = max(clause_table.chapters(clause_table.table()[0])) + 1
# The citation form (handbook/citations.py): the work, the set of rules, the item as printed.
ZH_12_8 = "《永定区编办管理制度》“财务管理制度”第8条"


def clean(page):
    page.watch.assert_clean()


@pytest.fixture(scope="module")
def clauses(site_dir):
    return json.loads((site_dir / "clauses.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def en_name(clauses):
    """English chapter names from the clause table (the translation may be revised)."""
    names = {c["chapter"]: c["chapter_name"]["en"] for c in clauses}
    return lambda n: names[n]


def wait_status(page):
    """The copy announcement: .clause-status is created on the first one, so wait
    with a locator (it retries) rather than a predicate that may meet null."""
    page.locator(".clause-status.is-visible").wait_for()
    return page.text_content(".clause-status")


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


@pytest.mark.parametrize("prefix,lang", [("", "zh"), ("en/", "en")])
def test_every_clause_gets_a_button_and_keeps_its_text(page, server, clauses, prefix, lang):
    """The script adds an icon-only button to every clause and no text (the built text
    itself is compared with clauses.json in tests/test_clause_pages.py)."""
    page.goto(f"{server}/{prefix}ch01/")
    page.wait_for_selector(".clause-link")
    texts = page.eval_on_selector_all(
        "p.clause[id]", "els => els.map(e => [e.id, e.textContent.trim(), !!e.querySelector('.clause-link')])")
    assert [(i, t) for i, t, _ in texts] == [(c["id"], c[lang]) for c in clauses if c["chapter"] == 1]
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
    assert btn.get_attribute("aria-label") == "本条链接与引用：“财务管理制度”第8条"


def test_keyboard_copy_chinese_citation(cpage, server):
    cpage.goto(f"{server}/ch12/")
    cpage.locator("#c12-8 .clause-link").focus()
    cpage.keyboard.press("Enter")
    assert cpage.evaluate("document.activeElement.textContent") == "复制完整链接"
    cpage.keyboard.press("ArrowDown")
    assert cpage.evaluate("document.activeElement.textContent") == "复制短链接（适合纸质文件）"
    cpage.keyboard.press("ArrowDown")
    assert cpage.evaluate("document.activeElement.textContent") == "复制中文引用"
    cpage.keyboard.press("Enter")
    assert "已复制" in wait_status(cpage)
    assert clipboard(cpage) == f"{ZH_12_8}（{server}/c/12-8/）"
    assert cpage.get_attribute(".clause-status", "aria-live") == "polite"
    # focus returns to the button, Escape closes the menu
    assert cpage.evaluate("document.activeElement.classList.contains('clause-link')")
    cpage.keyboard.press("Enter")
    cpage.keyboard.press("Escape")
    assert cpage.locator(".clause-menu").is_hidden()
    clean(cpage)


# Each menu item once, in both languages; every clause's texts are unit-tested
# (tests/js/clause-links.test.mjs, against the built clauses.json).
@pytest.mark.parametrize("path,cid,kind,expected", [
    ("/ch12/", "c12-8", "link", "{s}/ch12/#c12-8"),
    ("/en/ch12/", "c12-8", "short", "{s}/en/c/12-8/"),
    ("/ch01/", "c1-5-4", "en", 'Yongding Office Rules, "{en1}", cl. 5(4) ({s}/en/c/1-5-4/)'),
    ("/en/ch16/", "c16-1", "zh", "《永定区编办管理制度》“重大行政决策制度”第一条（{s}/c/16-1/）"),
    # For the body of a 公文: the citation alone, no link to delete by hand.
    ("/ch12/", "c12-2", "zhPlain", "《永定区编办管理制度》“财务管理制度”第2条"),
    # The link pinned to the version on screen; a point-in-time page's links carry it.
    ("/ch12/", "c12-8", "version", "{s}/v/original/ch12/#c12-8"),
    ("/v/original/ch12/", "c12-8", "link", "{s}/v/original/ch12/#c12-8"),
    ("/en/v/original/ch12/", "c12-8", "zh", "《永定区编办管理制度》“财务管理制度”第8条（{s}/en/v/original/ch12/#c12-8）"),
])
def test_copy_texts(cpage, server, en_name, path, cid, kind, expected):
    cpage.goto(server + path)
    cpage.click(f"#{cid} .clause-link")
    cpage.click(f".clause-menu [data-copy={kind}]")
    status = wait_status(cpage)
    copied = expected.format(s=server, en1=en_name(1), en12=en_name(12), en16=en_name(16))
    assert clipboard(cpage) == copied
    assert ("copied" in status) if path.startswith("/en/") else ("已复制" in status)
    assert copied in status, "the announcement shows what was copied"


def test_the_menu_opens_upwards_near_the_bottom_of_the_screen(cpage, server):
    cpage.set_viewport_size({"width": 1366, "height": 768})
    cpage.goto(server + "/ch11/")
    clause = cpage.locator("#c11-7")
    # The clause at the foot of the screen, as when a reader reaches the end of a chapter.
    cpage.evaluate("""() => { const r = document.getElementById('c11-7').getBoundingClientRect();
        window.scrollBy(0, r.bottom - innerHeight + 8); }""")
    cpage.click("#c11-7 .clause-link")
    menu = cpage.locator(".clause-menu").bounding_box()
    button = cpage.locator("#c11-7 .clause-link").bounding_box()
    assert clause.is_visible()
    assert menu["y"] + menu["height"] <= 768, "the whole menu on screen"
    assert menu["y"] + menu["height"] <= button["y"], "above its button"
    cpage.keyboard.press("Escape")


def test_copy_without_clipboard_api_uses_exec_command(page, server):
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page.add_init_script("""window.__copied = [];
        document.execCommand = (cmd) => { if (cmd === 'copy') window.__copied.push(
            document.activeElement && document.activeElement.value); return cmd === 'copy'; };""")
    page.goto(f"{server}/ch12/")
    page.click("#c12-8 .clause-link")
    page.click(".clause-menu [data-copy=link]")
    assert "已复制" in wait_status(page)
    assert page.evaluate("window.__copied") == [f"{server}/ch12/#c12-8"]


def test_copy_without_any_clipboard_shows_the_text(page, server):
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page.add_init_script("document.execCommand = () => false")
    page.goto(f"{server}/ch12/")
    page.click("#c12-8 .clause-link")
    page.click(".clause-menu [data-copy=short]")
    assert "无法自动复制" in wait_status(page)
    assert page.input_value(".clause-status__manual") == f"{server}/c/12-8/"
    assert page.evaluate("document.activeElement.classList.contains('clause-status__manual')")


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


@pytest.mark.parametrize("path", ["/404.html", "/en/404.html"])
def test_404_search_button_opens_the_search(page, server, path):
    """(The page's two languages and links: tests/test_clause_pages.py.)"""
    page.goto(server + path)
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')") is False
    page.locator(".notfound-search").first.click()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.text_content(".notfound-path") == path
    clean(page)


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
    assert f"{server}{short}{cid[1:]}/" in after


def test_citation_builder(cpage, server, en_name):
    cpage.goto(f"{server}/cite/")
    cpage.wait_for_selector("#cite-builder.is-ready")
    cpage.fill(".cite-query", "慰问金")
    cpage.wait_for_selector(".cite-add[data-id=c12-8]")
    cpage.click(".cite-add[data-id=c12-8]")
    cpage.fill(".cite-query", "1-5-4 16-1")
    cpage.click(".cite-add[data-id=c1-5-4]")
    out = cpage.input_value(".cite-output")
    assert out.splitlines() == [
        f"1. {ZH_12_8}（{server}/c/12-8/）",
        f"2. 《永定区编办管理制度》“编办主任办公会议制度”第5条第④项（{server}/c/1-5-4/）",
    ]
    cpage.check("input[name=cite-lang][value=en]")
    assert cpage.input_value(".cite-output").startswith(
        f'1. Yongding Office Rules, "{en_name(12)}", cl. 8 ({server}/en/c/12-8/)')
    # A code per clause, and first one for both: this page listing them.
    targets = cpage.eval_on_selector_all(".cite-qr img", "is => is.map(i => i.dataset.target)")
    assert targets == [f"{server}/en/cite/?ids=c12-8,c1-5-4", f"{server}/en/c/12-8/", f"{server}/en/c/1-5-4/"]
    # The chosen clauses link to their text.
    assert cpage.eval_on_selector_all(".cite-chosen li a", "as => as.map(a => a.getAttribute('href'))") == [
        f"{server}/en/ch12/#c12-8", f"{server}/en/ch01/#c1-5-4"]
    cpage.click(".cite-copy")
    wait_status(cpage)
    assert clipboard(cpage) == cpage.input_value(".cite-output")
    clean(cpage)


# Every form managers type is unit-tested (tests/js/cite-builder.test.mjs); here, two.
@pytest.mark.parametrize("typed", ["第十二章第八条", "《永定区编办管理制度》“财务管理制度”第8条"])
def test_citation_builder_reads_what_managers_type(page, server, typed):
    page.goto(f"{server}/cite/")
    page.wait_for_selector("#cite-builder.is-ready")
    page.fill(".cite-query", typed)
    page.dispatch_event(".cite-query", "input")
    page.wait_for_selector(".cite-add")
    assert page.eval_on_selector_all(".cite-add", "bs => bs.map(b => b.dataset.id)") == ["c12-8"]


def test_citation_builder_sub_item_and_preset(page, server):
    page.goto(f"{server}/cite/?ids=第一章第5条第④项,16-1")
    page.wait_for_selector("#cite-builder.is-ready")
    assert page.eval_on_selector_all(".cite-chosen li", "ls => ls.map(l => l.dataset.id)") == ["c1-5-4", "c16-1"]


@pytest.mark.parametrize("lang,ids,target", [
    ("zh", "12-8", "c/12-8/"), ("en", "12-8", "c/12-8/"),
    # A notice citing two clauses: one code, for this page listing both.
    ("zh", "12-2,11-6", "cite/?ids=c12-2,c11-6")])
def test_qr_codes_hold_the_address_being_used(page, server, tmp_path, lang, ids, target):
    assert shutil.which("zbarimg"), "zbar-tools is installed by `make setup`"
    prefix = "" if lang == "zh" else "en/"
    page.goto(f"{server}/{prefix}cite/?ids={ids}")
    img = page.locator(".cite-qr img").first
    img.wait_for()
    shot = tmp_path / "qr.png"
    img.screenshot(path=str(shot))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(shot)], capture_output=True, text=True)
    assert decoded.stdout.strip() == f"{server}/{prefix}{target}"


# Which address suggests what is unit-tested (tests/js/notfound.test.mjs); here, that a
# real 404 response shows it, for a typed (percent-encoded) address and an English one.
@pytest.mark.parametrize("path,target", [
    ("/c/第十二章第8条/", "/ch12/#c12-8"),
    ("/en/c/1-5-4x/", "/en/ch01/#c1-5-4"),
])
def test_404_suggests_the_clause(page, server, path, target):
    page.goto(server + path)
    suggest = page.locator(".notfound-suggest").first
    suggest.wait_for()
    assert suggest.locator("a").get_attribute("href") == target
    assert page.locator(".notfound-suggest").nth(1).is_visible(), "in both languages"


def test_chapter_12_prints_on_two_pages_with_header(page, server, tmp_path):
    page.goto(f"{server}/ch12/")
    page.emulate_media(media="print")
    for sel in ("form", ".calc", "button", "input", ".md-search", ".md-nav"):
        shown = page.eval_on_selector_all(sel, "els => els.filter(e => getComputedStyle(e).display !== 'none'"
                                               " && e.getClientRects().length).length")
        assert shown == 0, f"{sel} visible in print"
    pdf = tmp_path / "ch12.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 1 <= pages <= 2
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert abs(float(size.group(1)) - 595.3) < 2 and abs(float(size.group(2)) - 841.9) < 2, "A4"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert text.count("永定区编办管理制度 · 本文本截至") == pages, "a running header on every page"
    assert re.search(r"—\s*1\s*—", text), "page numbers"


def test_whole_handbook_print_loads_no_engine_and_starts_chapters_on_new_pages(page, server, tmp_path, clauses):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{server}/print/")
    page.wait_for_timeout(1500)
    assert not [u for u in requested if "pyodide" in u or "worker.js" in u]
    assert page.locator("form[data-calculator], .calc").count() == 0
    page.emulate_media(media="print")
    pdf = tmp_path / "all.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    starts = [p for p in pages if re.search(r"^\s*(永定区编办管理制度 · 本文本截至\S+\s+)?[一二三四五六七八九十]+、\S+制度", p)]
    assert len(starts) == len({c["chapter"] for c in clauses}), "each chapter starts a page"


@pytest.mark.parametrize("path", ["/ch12/", "/print/"])
def test_on_a_touch_phone_the_button_shows_without_hovering(browser, server, path):
    """A phone has no hover: the link button must not wait for one (opacity, which
    Playwright's is_visible() ignores). Other pages at phone width: test_pages.py."""
    from browserkit import local_context
    context = local_context(browser, viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    try:
        pg = context.new_page()
        pg.goto(server + path)
        pg.wait_for_selector(".clause-link")
        assert pg.evaluate("matchMedia('(hover: none)').matches")
        opacity = pg.eval_on_selector(".clause-link", "b => Number(getComputedStyle(b).opacity)")
        assert opacity >= 0.5, f"the link button is faint or hidden: opacity {opacity}"
        assert pg.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()
