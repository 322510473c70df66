"""The text in force on the reader's day, in Chromium (issue 19): a site built on
2027-03-31 (the clock_site fixture, tests/conftest.py), opened with the browser's
clock before, on and after the in-force date 2027-04-01 (Playwright's clock API,
time zone Asia/Shanghai), and the later date 2099-01-01. Every place that presents
the text in force is checked, in both languages; the build's page without
JavaScript; the offline copy.

Served with the build's Content-Security-Policy, so the scripts the pass adds
run only if their hashes are in it.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from browserkit import PageWatch, local_context, search, serve

SHANGHAI = timezone(timedelta(hours=8))
BEFORE = datetime(2027, 3, 31, 23, 59, 0, tzinfo=SHANGHAI)
ON = datetime(2027, 4, 1, 0, 0, 30, tzinfo=SHANGHAI)      # (still 31 March in UTC)
AFTER = datetime(2027, 6, 15, 9, 30, tzinfo=SHANGHAI)
LATER = datetime(2099, 1, 2, 9, 0, tzinfo=SHANGHAI)
ENGINE = 90_000
ANSWER = 20_000


@pytest.fixture(scope="module")
def clock_server(clock_site):
    policy = (clock_site / "csp.txt").read_text(encoding="utf-8").strip()
    httpd, url = serve(clock_site, {"Content-Security-Policy": policy})
    yield url
    httpd.shutdown()


@pytest.fixture
def at(browser, clock_server):
    """at(when, path) → a page opened at `path` with the browser's clock at `when`."""
    contexts = []

    def open_at(when, path, **options):
        context = local_context(browser, timezone_id="Asia/Shanghai", **options)
        contexts.append(context)
        page = context.new_page()
        page.watch = PageWatch(page, clock_server)
        page.clock.install(time=when)
        page.goto(clock_server + path)
        return page

    yield open_at
    for context in contexts:
        context.close()


def text(page, selector) -> str:
    return re.sub(r"\s+", " ", page.locator(selector).first.inner_text()).strip()


def clean(page):
    # Leaving a page while search or the engine loads cancels their requests; the
    # fixture site has no memory snapshot of the engine (it starts without one).
    page.watch.failed[:] = [f for f in page.watch.failed if not f.endswith("net::ERR_ABORTED")
                            and not f.endswith("/assets/pyodide/snapshot.json 404")]
    page.watch.assert_clean()


# ---------------------------------------------------------------- the chapter pages
def test_before_the_date_the_page_is_the_builds(at):
    page = at(BEFORE, "/ch12/#c12-8")
    assert "慰问金800元" in text(page, "#c12-8")
    assert page.evaluate("document.documentElement.getAttribute('data-edition')") is None
    assert page.locator(".edition-today").count() == 0
    assert "将于2027年4月1日起修改" in text(page, "article")
    assert "新增条文：将于2027年4月1日起施行" in text(page, "#c12-11")
    clean(page)


@pytest.mark.parametrize("when", [ON, AFTER], ids=["on", "after"])
def test_from_the_date_the_chapter_page_shows_the_text_in_force(at, when):
    page = at(when, "/ch12/#c12-8")
    assert page.evaluate("document.documentElement.getAttribute('data-edition')") == "2027-04-01"
    clause = text(page, "#c12-8")
    assert "慰问金1000元" in clause and "800" not in clause
    article = text(page, "article")
    assert "本条根据《关于修改工会慰问金和宣传奖励标准的决定》（永编办发〔2027〕3号）修改，自2027年4月1日起施行。" in article
    assert "将于2027年4月1日起修改" not in article
    assert text(page, ".edition-today") == "本页已按2027年4月1日起施行的文本更新（按本机日期）。"
    assert text(page, "#c12-11") == "11.本办干部生育子女,机关工会给予慰问金500元。"
    history = page.locator("#c12-8 + p.version-line a")
    assert history.get_attribute("href").endswith("history/ch12/#c12-8")
    # The link menu's citations and version come from the clause as shown.
    assert page.locator("#c12-8").get_attribute("data-version") == "2027-04-01"
    assert page.locator("#c12-8 button.clause-link").count() == 1      # clause-links.js ran after
    # The page opened at its anchor: the clause is on screen.
    assert page.evaluate("(() => { const r = document.getElementById('c12-8').getBoundingClientRect();"
                         " return r.top >= 0 && r.top < innerHeight; })()")
    # The documents of the text in force.
    assert page.locator(".chapter-tools a[href$='.pdf']").get_attribute("href") == \
        "../editions/2027-04-01/downloads/zh/ch12.pdf"
    clean(page)


def test_the_repeal_and_the_pending_translation_in_english(at):
    page = at(ON, "/en/ch18/")
    assert text(page, "#c18-3") == "3. [Repealed]"
    assert "Repealed by “Decision amending the sympathy payments and publicity rewards”" in text(page, "article")
    page = at(ON, "/en/ch13/")
    c13 = page.locator("#c13-2")
    assert "红网手机报采用的奖励150元/篇" in c13.inner_text() and c13.get_attribute("lang") == "zh-Hans"
    assert "Translation pending" in text(page, "article")
    assert text(page, ".edition-today") == \
        "This page is updated to the text in force from 1 April 2027 (by this computer's date)."
    assert page.locator("#c13-2").get_attribute("data-cite-en").startswith("Yongding Office Rules")
    page = at(BEFORE, "/en/ch18/")
    assert "ashtrays" not in text(page, "#c18-3") and "[Repealed]" not in text(page, "#c18-3")
    assert "To be repealed from 1 April 2027" in text(page, "article")
    clean(page)


def test_a_later_date_picks_the_latest_text(at):
    page = at(LATER, "/en/ch11/")
    assert page.evaluate("document.documentElement.getAttribute('data-edition')") == "2099-01-01"
    assert "honest and self-disciplined" in text(page, "#c11-1")
    assert "1 January 2099" in text(page, ".edition-today")
    page = at(LATER, "/ch12/")
    assert "2027年4月1日起施行的文本更新" in text(page, ".edition-today")    # unchanged since then
    page = at(AFTER, "/ch11/")
    assert page.locator(".edition-today").count() == 0 and "将于2099年1月1日起修改" in text(page, "article")


def test_no_flash_of_the_old_text(browser, clock_server):
    """The old clause is never shown: at each change to the page while it loads and
    at each frame, the clause either is hidden or holds the new text."""
    context = local_context(browser, timezone_id="Asia/Shanghai")
    try:
        page = context.new_page()
        page.add_init_script("""(() => {
          window.__frames = [];
          const look = () => {
            const el = document.getElementById("c12-8");
            if (el) {
              const shown = getComputedStyle(el).visibility === "visible";
              window.__frames.push((shown ? "shown:" : "hidden:") +
                                   (el.textContent.includes("800") ? "old" : "new"));
            }
            if (window.__frames.length < 400) requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
          new MutationObserver(look).observe(document, { childList: true, subtree: true });
        })();""")
        page.clock.install(time=ON)
        page.goto(clock_server + "/ch12/")
        page.locator("#c12-8").wait_for()
        page.wait_for_timeout(300)
        frames = page.evaluate("window.__frames")
        assert "shown:new" in frames, frames[:20]
        assert "shown:old" not in frames, frames[:40]
    finally:
        context.close()


def test_without_javascript_the_page_is_the_builds_with_its_notice(at):
    page = at(AFTER, "/ch12/", java_script_enabled=False)
    assert "慰问金800元" in text(page, "#c12-8")
    assert "将于2027年4月1日起修改" in text(page, "article")
    assert page.locator(".edition-today").count() == 0


# ---------------------------------------------------------------- the other places
def test_home_and_changes_pages_follow_the_day(at):
    page = at(BEFORE, "/")
    assert "截至2027年3月31日" in text(page, ".edition-status")
    page = at(ON, "/")
    status = text(page, ".edition-status")
    assert "截至2027年4月1日，本手册已按1项修改决定更新" in status and "2027年4月1日起施行" in status
    page = at(ON, "/en/")
    assert "on 1 April 2027: the rules as amended by 1 decision" in text(page, ".edition-status")
    page = at(ON, "/changes/")
    facts = text(page, '[id="2027-04-01-clock"] + .change-facts')
    assert "2027年4月1日起施行" in facts and "将于" not in facts
    page = at(BEFORE, "/en/changes/")
    assert "to come into force on 1 April 2027" in text(page, "article")
    page = at(ON, "/en/changes/")
    assert "in force from 1 April 2027" in text(page, "article")
    assert "to come into force on 1 April 2027" not in text(page, "article")
    clean(page)


def test_side_by_side_and_print_follow_the_day(at):
    page = at(ON, "/bilingual/ch12/")
    assert "慰问金1000元" in text(page, "#c12-8 .bilingual-zh")
    assert "1000 yuan" in text(page, "#c12-8 .bilingual-en")
    assert page.locator("#c12-11").count() == 1
    page = at(ON, "/en/bilingual/ch13/")
    assert "Translation pending" in text(page, "#c13-2 .bilingual-en")
    page = at(ON, "/print/")
    assert "慰问金1000元" in text(page, "#c12-8")
    assert page.locator(".print-downloads a[href$='.pdf']").get_attribute("href") == \
        "../editions/2027-04-01/downloads/zh/yongding-rules.pdf"
    # The printed page's running header gives the date of the text it shows.
    css = page.evaluate("""[...document.querySelectorAll('link[rel=stylesheet]')]
                           .map(l => l.getAttribute('href')).filter(h => h.includes('edition.css'))""")
    assert css and all("editions/2027-04-01/assets/stylesheets/edition.css" in h for h in css), css
    page.emulate_media(media="print")
    assert text(page, ".edition-today") == "本页已按2027年4月1日起施行的文本更新。"   # the header has the date
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    clean(page)


def test_the_clause_table_is_the_days(at, clock_server):
    # The citation builder reads clauses.json: with the text it copies.
    page = at(ON, "/cite/?ids=12-8,12-11,18-3")
    page.locator("#cite-builder.is-ready").wait_for()
    page.locator(".cite-with-text").check()
    output = page.locator(".cite-output").input_value()
    assert "慰问金1000元" in output and "11.本办干部生育子女" in output
    assert "〔本条已废止〕" in output and "null" not in output
    page = at(BEFORE, "/cite/?ids=12-8")
    page.locator("#cite-builder.is-ready").wait_for()
    page.locator(".cite-with-text").check()
    assert "慰问金800元" in page.locator(".cite-output").input_value()
    # The 404 helper reads the same table (editions/<date>/clauses.json).
    page = at(ON, "/c/12-99/")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.reload()
    page.locator(".notfound-suggest a").first.wait_for()
    assert any(u.endswith("/editions/2027-04-01/clauses.json") for u in requests), requests


def test_search_shows_the_text_in_force(at):
    page = at(ON, "/ch05/")
    search(page, "慰问金")
    item = page.locator(".md-search-result__item", has_text="财务管理制度 · 第8条").first
    assert "1000元" in item.inner_text() and "800元" not in item.inner_text()
    page = at(BEFORE, "/ch05/")
    search(page, "慰问金")
    item = page.locator(".md-search-result__item", has_text="财务管理制度 · 第8条").first
    assert "800元" in item.inner_text()
    page = at(ON, "/en/ch05/")
    search(page, "sympathy")
    item = page.locator(".md-search-result__item", has_text="Financial Management Rules · Clause 8").first
    assert "1000 yuan" in item.inner_text()
    clean(page)


def test_a_calculator_answer_and_the_clause_beside_it_agree(at):
    page = at(ON, "/ch12/?event=hospitalization&person=self")
    form = page.locator('form[data-calculator="condolence"]')
    page.wait_for_selector('form[data-calculator="condolence"][data-engine="ready"]', timeout=ENGINE)
    form.locator('[data-calculator-result][data-ok="true"]').wait_for(timeout=ANSWER)
    assert form.locator('[data-output="amount_min"]').inner_text().strip() == "1000"
    assert "1000元" in form.locator("[data-calculator-explanation]").inner_text()
    assert "慰问金1000元" in text(page, "#c12-8")
    # A form whose words quote a value: the values in force that day.
    page = at(ON, "/calculators/rewards/")
    labels = text(page, 'form[data-calculator="rewards"]')
    assert "150" in labels and "1200" in labels
    page = at(BEFORE, "/calculators/rewards/")
    labels = text(page, 'form[data-calculator="rewards"]')
    assert "150" not in labels and "1200" not in labels


# ---------------------------------------------------------------- offline
def test_the_offline_copy_follows_the_day(browser, clock_site):
    context = browser.new_context(service_workers="allow", timezone_id="Asia/Shanghai")
    httpd, url = serve(clock_site)
    try:
        page = context.new_page()
        page.clock.install(time=BEFORE)
        page.goto(url + "/")
        page.locator("[data-offline-save] button").click()
        page.locator('[data-offline-save][data-offline-state="saved"]').wait_for(timeout=60_000)
    finally:
        httpd.shutdown()
        httpd.server_close()
    try:
        page = context.new_page()
        page.clock.install(time=AFTER)
        page.goto(url + "/ch12/")
        assert "慰问金1000元" in text(page, "#c12-8")
        page.goto(url + "/cite/?ids=12-8")
        page.locator("#cite-builder.is-ready").wait_for()
        page.locator(".cite-with-text").check()
        assert "慰问金1000元" in page.locator(".cite-output").input_value()
    finally:
        context.close()


# ---------------------------------------------------------------- how it looks
@pytest.mark.parametrize("width", [375, 1366])
def test_the_switched_page_at_phone_and_desktop_width(at, width, tmp_path_factory):
    page = at(ON, "/ch12/#c12-8")
    page.set_viewport_size({"width": width, "height": 900})
    notice = page.locator(".edition-today")
    box = notice.bounding_box()
    assert box and box["width"] <= width and box["x"] >= 0
    # One line on a desktop, wrapped but whole on a phone; never under the header.
    assert notice.evaluate("el => el.scrollWidth <= el.clientWidth")
    out = tmp_path_factory.mktemp("editions-shots") / f"ch12-{width}.png"
    page.screenshot(path=str(out), full_page=False)
