"""Pages of a site built with the clerk's decision (tests/fixtures/amendments/clerk/,
in force 2027-04-01; a preview build as of that day): the calculator forms' words
follow the form's date, the form's date starts at the preview's date, and the
citation builder reads 第N条 by the numbering of the notice's date. No engine is
needed: the words and the table are the page's own."""
from __future__ import annotations

import pytest

from browserkit import PageWatch, local_context, serve


@pytest.fixture(scope="module")
def clerk_server(clerk_site):
    httpd, url = serve(clerk_site)
    yield url
    httpd.shutdown()


@pytest.fixture
def cpage(browser, clerk_server):
    context = local_context(browser, timezone_id="Asia/Shanghai")
    pg = context.new_page()
    pg.watch = PageWatch(pg, clerk_server)
    pg.route("**/assets/pyodide/**", lambda route: route.abort())   # no engine in a pages-only build
    yield pg
    context.close()


def rates(page) -> str:
    return page.inner_text('form[data-calculator="rewards"] .calc-fields')


def test_the_rates_in_the_form_follow_its_date(cpage, clerk_server):
    cpage.goto(clerk_server + "/calculators/rewards/")
    date = cpage.locator('form[data-calculator="rewards"] [data-field="date"]')
    assert date.input_value() == "2027-04-01"          # the preview's date, not the machine's
    assert "每篇150元" in rates(cpage) and "每篇1200元" in rates(cpage)
    date.fill("2027-03-31")
    date.dispatch_event("change")
    assert "每篇100元" in rates(cpage) and "每篇1000元" in rates(cpage)
    assert "每篇150元" not in rates(cpage)
    date.fill("2027-06-01")
    date.dispatch_event("change")
    assert "每篇150元" in rates(cpage)


def test_a_date_in_the_link_chooses_the_words_too(cpage, clerk_server):
    cpage.goto(clerk_server + "/en/calculators/rewards/?date=2027-03-01")
    assert "100 yuan" in rates(cpage) and "150 yuan" not in rates(cpage)


def test_the_citation_builder_reads_a_number_by_the_notices_date(cpage, clerk_server):
    cpage.clock.install(time="2027-05-01T09:00:00+08:00")
    cpage.goto(clerk_server + "/cite/")
    cpage.wait_for_selector("#cite-builder.is-ready")
    box = cpage.locator(".cite-date")
    assert box.is_visible()                      # a chapter was renumbered: the date matters
    cpage.fill(".cite-date-input", "2027-04-01")
    cpage.fill(".cite-query", "第十一章第6条")
    cpage.dispatch_event(".cite-query", "input")
    assert "及时整理归档文件资料" in cpage.inner_text(".cite-results")
    cpage.fill(".cite-date-input", "2027-03-31")
    cpage.dispatch_event(".cite-date-input", "input")
    assert "中午不得喝酒" in cpage.inner_text(".cite-results")
    assert "本条现已废止" in cpage.inner_text(".cite-results")
    cpage.fill(".cite-query", "第十一章第7条")
    cpage.dispatch_event(".cite-query", "input")
    assert "及时整理归档文件资料" in cpage.inner_text(".cite-results")
    cpage.click(".cite-add")
    # The citation made today (the page's clock: 2027-05-01) carries today's number.
    output = cpage.input_value(".cite-output")
    assert output.startswith("《永定区编办管理制度》“文明办公制度”第6条（") and "/c/11-7/" in output
