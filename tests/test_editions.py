"""The text in force on the reader's day (issue 19): what the build gives the pages
(handbook/editions.py, scripts/build_editions.py). The pages in a browser before,
on and after the date are tested in tests/browser/test_reader_day.py.

The site (the clock_site fixture, tests/conftest.py) is built on 2027-03-31 with
tests/fixtures/amendments/clock/: a decision in force from 2027-04-01 and one
from 2099-01-01.
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from clocksite import CLOCK_BUILT, CLOCK_DATES, ROOT, build_clock_site, clock_env
from handbook import csp, editions, material

D = CLOCK_DATES[0]


def html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def edition_data(text: str) -> dict:
    m = re.search(r'<script type="application/json" id="handbook-editions">(.*?)</script>', text, re.S)
    assert m, "no edition data in the page"
    return json.loads(m.group(1))


def dated_contents(text: str) -> dict[str, str]:
    """date → the content the page holds for it (decoded as the browser does)."""
    return {m.group(1): json.loads(m.group(2)) for m in re.finditer(
        r'<script type="application/json" data-edition-content="([\d-]+)">(.*?)</script>', text, re.S)}


def build_content(text: str) -> str:
    start, end = material.content_region(text)
    return text[start:end]


# ---------------------------------------------------------------- the pages
def test_a_page_that_changes_holds_the_dates_content_and_shows_the_builds(clock_site):
    text = html(clock_site, "ch12/index.html")
    own = build_content(text)
    assert "慰问金800元" in own and "将于2027年4月1日起修改" in own     # no JavaScript: the build's
    contents = dated_contents(text)
    assert set(contents) == {D}          # the same content on 2099-01-01: one copy
    later = contents[D]
    assert "慰问金1000元" in later and "慰问金800元。</p>" not in later
    assert "本条根据《关于修改工会慰问金和宣传奖励标准的决定》（永编办发〔2027〕3号）修改，自2027年4月1日起施行。" in later
    assert "11.本办干部生育子女" in later and "将于2027年4月1日起修改" not in later
    assert ('<p class="edition-today" data-edition-today="2027-04-01">本页已按2027年4月1日起施行的文本更新'
            '<span class="edition-today__why">（按本机日期）</span>。</p>') in later
    data = edition_data(text)
    assert data["dates"] == list(CLOCK_DATES) and data["root"] == "../"
    # ch12 is the same on 2099-01-01 as on 2027-04-01: one copy, named by its first date.
    assert data["page"] == {D: D, "2099-01-01": D}
    assert 'data-edition-region' in text[:text.index("慰问金800元")]


def test_english_pages_the_pending_translation_and_the_repeal(clock_site):
    later = dated_contents(html(clock_site, "en/ch13/index.html"))[D]
    assert 'lang="zh-Hans"' in later and "红网手机报采用的奖励150元/篇" in later
    assert "Translation pending" in later
    assert ("This page is updated to the text in force from 1 April 2027<span class=\"edition-today__why\"> "
            "(by this computer's date)</span>.") in later
    rep = dated_contents(html(clock_site, "en/ch18/index.html"))[D]
    assert "3. [Repealed]" in rep and "Repealed by" in rep


def test_a_page_that_does_not_change_carries_only_the_dates(clock_site):
    text = html(clock_site, "ch05/index.html")
    assert dated_contents(text) == {}
    data = edition_data(text)
    assert data["page"] == {} and data["dates"] == list(CLOCK_DATES)
    assert "<article class=\"md-content__inner md-typeset\">" in text     # nothing to hide
    # Every page of Material's has the two scripts; a short link's redirect has none.
    assert text.count("<script>") >= 2
    assert "handbook-editions" not in html(clock_site, "c/12-8/index.html")


def test_every_place_that_states_the_text_in_force_has_the_dates_content(clock_site):
    expect = {
        "index.html": "截至2027年4月1日，本手册已按1项修改决定更新",
        "en/index.html": "on 1 April 2027: the rules as amended by 1 decision",
        "changes/index.html": "2027年4月1日起施行",
        "bilingual/ch12/index.html": "慰问金1000元",
        "en/bilingual/ch18/index.html": "[Repealed]",
        "print/index.html": "慰问金1000元",
        "en/print/index.html": "of 1000 yuan",
        "calculators/rewards/index.html": "150",
        "v/index.html": "（现行）",
        "history/ch12/index.html": "2027年4月1日起施行（现行）",
    }
    for rel, words in expect.items():
        contents = dated_contents(html(clock_site, rel))
        assert D in contents, rel
        assert words in contents[D], (rel, words)
    assert "将于2027年4月1日起施行" in build_content(html(clock_site, "changes/index.html"))


def test_the_dated_content_is_the_one_a_build_made_that_day_wrote(clock_site, tmp_path):
    """By construction: the content is taken from a build as of the date; here a
    build made on that day, with nothing of the pass, gives the same content (the
    line saying the date and the documents' addresses aside)."""
    out = tmp_path / "that-day"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=ROOT, env=clock_env(D), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    for rel in ("ch12/index.html", "en/ch13/index.html", "index.html", "en/changes/index.html"):
        theirs = build_content(html(out, rel))
        mine = dated_contents(html(clock_site, rel))[D]
        mine = re.sub(r'<p class="edition-today"[^>]*>.*?</p>', "", mine)
        mine = mine.replace(f"editions/{D}/downloads/", "downloads/")
        assert mine == theirs, rel


# ---------------------------------------------------------------- the files of each date
def test_the_files_that_differ_are_given_under_the_date(clock_site):
    folder = clock_site / "editions" / D
    rows = {c["id"]: c for c in json.loads((folder / "clauses.json").read_text(encoding="utf-8"))}
    assert "1000元" in rows["c12-8"]["zh"] and rows["c18-3"]["status"] == "repealed"
    assert rows["c12-11"]["status"] == "in_force" and rows["c13-2"]["en"] is None
    own = {c["id"]: c for c in json.loads((clock_site / "clauses.json").read_text(encoding="utf-8"))}
    assert "800元" in own["c12-8"]["zh"] and own["c12-11"]["status"] == "not_yet_in_force"
    for index in ("search/search_index.json", "en/search/search_index.json"):
        assert "1000" in (folder / index).read_text(encoding="utf-8"), index
    assert "本文本截至2027年4月1日" in (folder / "assets/stylesheets/edition.css").read_text(encoding="utf-8")
    data = edition_data(html(clock_site, "cite/index.html"))
    assert sorted(data["files"][D]) == ["assets/stylesheets/edition.css", "clauses.json",
                                        "en/search/search_index.json", "search/search_index.json"]
    assert data["index"] == "search/search_index.json"
    assert edition_data(html(clock_site, "en/cite/index.html"))["index"] == "en/search/search_index.json"
    assert edition_data(html(clock_site, "404.html"))["root"] == "/"


def test_the_documents_of_the_date_are_built_and_linked(clock_site):
    later = dated_contents(html(clock_site, "ch12/index.html"))[D]
    assert f'href="../editions/{D}/downloads/zh/ch12.pdf"' in later
    assert f'href="../editions/{D}/downloads/zh/ch12.docx"' in later
    assert 'href="../downloads/zh/ch12.pdf"' in build_content(html(clock_site, "ch12/index.html"))
    whole = dated_contents(html(clock_site, "en/print/index.html"))[D]
    assert f'href="../../editions/{D}/downloads/en/yongding-rules.pdf"' in whole
    pdf = clock_site / "editions" / D / "downloads" / "zh" / "ch12.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    text = re.sub(r"\s+", "", text)
    assert "慰问金1000元" in text and "2027年4月1日" in text and "11.本办干部生育子女" in text
    for lang in ("zh", "en"):
        for name in ("ch12.pdf", "ch12.docx", "ch13.pdf", "ch18.docx", "yongding-rules.pdf"):
            assert (clock_site / "editions" / D / "downloads" / lang / name).is_file(), (lang, name)


def test_the_policy_allows_the_scripts_and_the_offline_copy_holds_the_date(clock_site):
    hashes, handlers, _ = csp.scan(clock_site)
    assert not handlers
    policy = (clock_site / "csp.txt").read_text(encoding="utf-8")
    for h in hashes:
        assert h in policy
    for name in ("edition-head.js", "edition-page.js"):
        body = editions._script(name)
        assert f"<script>{body}</script>" in html(clock_site, "ch05/index.html")
    sw = (clock_site / "sw.js").read_text(encoding="utf-8")
    assert f'"editions/{D}/clauses.json"' in sw and f'"editions/{D}/en/search/search_index.json"' in sw
    assert "/downloads/" not in sw


def test_the_build_reports_each_date(clock_site):
    text = clock_site.with_name(clock_site.name + ".log").read_text(encoding="utf-8")
    for day, documents in ((D, 16), ("2099-01-01", 8)):
        assert re.search(rf"build_editions: {day}: \d+ pages, 4 files, {documents} documents", text), text[-2000:]


# ---------------------------------------------------------------- the daily rebuild
def test_a_rebuild_with_no_change_gives_the_same_files_apart_from_the_date(clock_site, tmp_path):
    """The day before, the same sources give the same site: every file of MkDocs and
    of the dated editions (pages, clause tables, search indexes, stylesheets) equal,
    or equal once the date it is given for is written as the other day's."""
    other = tmp_path / "day-before"
    build_clock_site(other, "2027-03-30", engine=False, documents=False)
    swaps = [("2027年3月30日", "2027年3月31日"), ("30 March 2027", "31 March 2027"),
             ("2027-03-30", "2027-03-31")]
    differ, dated = [], 0
    for path in sorted(other.rglob("*")):
        rel = path.relative_to(other).as_posix()
        if not path.is_file() or rel == "assets/javascripts/sw-register.js":
            continue       # (the service worker's step, left out here, writes its size in)
        assert (clock_site / rel).is_file(), rel
        mine, theirs = (clock_site / rel).read_bytes(), path.read_bytes()
        if theirs == mine:
            continue
        if rel.endswith(".gz"):                   # the sitemap's copy: its text
            mine, theirs = gzip.decompress(mine), gzip.decompress(theirs)
        text = theirs.decode("utf-8")
        for old, new in swaps:
            text = text.replace(old, new)
        if text.encode("utf-8") == mine:
            dated += 1
        else:
            differ.append(rel)
    assert not differ, differ[:10]
    assert dated >= 3          # the home pages' status line and the print header at least


# ---------------------------------------------------------------- the pass, in small
PAGE = """<!doctype html><html lang="zh"><head><title>T</title></head><body>
<nav>{nav}</nav><div class="md-content"><article class="md-content__inner md-typeset">{body}</article></div>
<script id="__config" type="application/json">{{"base": ".", "search": "x.js"}}</script>
<script src="bundle.js"></script></body></html>"""


def test_a_difference_outside_the_content_stops_the_build():
    main = PAGE.format(nav="a", body="<h1>T</h1><p>800</p>")
    assert editions.compare("x/index.html", main, PAGE.format(nav="a", body="<h1>T</h1><p>800</p>"), D) is None
    assert editions.compare("x/index.html", main, PAGE.format(nav="a", body="<h1>T</h1><p>1000</p>"), D) \
        == '<article class="md-content__inner md-typeset"><h1>T</h1><p>1000</p></article>'
    with pytest.raises(editions.EditionError, match=r"x/index.html: as of 2027-04-01 the page differs outside"):
        editions.compare("x/index.html", main, PAGE.format(nav="b", body="<h1>T</h1><p>1000</p>"), D)


def test_a_script_in_the_dated_content_stops_the_build():
    main = PAGE.format(nav="", body="<p>800</p>")
    other = PAGE.format(nav="", body="<p>1000</p><script>alert(1)</script>")
    with pytest.raises(editions.EditionError, match="holds a script"):
        editions.compare("x/index.html", main, other, D)
    data = PAGE.format(nav="", body='<p>1000</p><script type="application/json">{}</script>')
    assert editions.compare("x/index.html", main, data, D)


def test_the_dated_content_cannot_end_its_script_block():
    value = '<p>a</p><script type="application/json">{"x": "</script><!-- y"}</script>'
    block = editions._json_block(value)
    assert "</" not in block and "<!--" not in block
    assert json.loads(block) == value


def test_without_a_date_after_the_build_the_pass_changes_nothing(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    page = PAGE.format(nav="", body="<p>800</p>")
    (site / "index.html").write_text(page, encoding="utf-8")
    empty = tmp_path / "amendments"
    empty.mkdir()
    env = {**clock_env(CLOCK_BUILT), "HANDBOOK_AMENDMENTS": str(empty)}
    done = subprocess.run([sys.executable, "scripts/build_editions.py", str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "nothing to add" in done.stdout
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == page


def test_the_coming_dates_are_those_after_the_build_date(monkeypatch):
    from handbook import versions
    monkeypatch.setenv("HANDBOOK_AMENDMENTS", str(ROOT / "tests/fixtures/amendments/clock"))
    try:
        assert editions.coming_dates(date(2027, 3, 31)) == [date(2027, 4, 1), date(2099, 1, 1)]
        assert editions.coming_dates(date(2027, 4, 1)) == [date(2099, 1, 1)]
    finally:
        monkeypatch.delenv("HANDBOOK_AMENDMENTS")
        versions.history()
