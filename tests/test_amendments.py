"""Amendments as data (issue 9): the model, the checks, and the built site on
both sides of each in-force date.

The fixture amendments in tests/fixtures/amendments/site/ are never published:
  2027-01-01  c12-8 replaced (with English) and the condolence amount 800 → 1000;
  2027-03-01  c18-2 replaced without English, c18-3 repealed, c12-11 inserted;
  2099-01-01  c11-1 replaced: not yet in force on any build date here.
The site is built (MkDocs only) with HANDBOOK_AMENDMENTS pointing there, as of
2026-12-31 (before all of them) and 2027-06-01 (after two).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from handbook import versions
from handbook.clauses import original_table
from nuchecker import check, report

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "amendments" / "site"


# ---------------------------------------------------------------- helpers
class _Page(HTMLParser):
    """Ids, and the text of the element with a given id, read with a parser."""

    def __init__(self):
        super().__init__()
        self.ids: dict[str, dict] = {}
        self.text: list[str] = []
        self._open: list[tuple[str, str]] = []   # (tag, id) of elements being read

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] = a
            self._open.append((tag, a["id"]))
            a["_text"] = []

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_data(self, data):
        self.text.append(data)
        for _, ident in self._open:
            self.ids[ident]["_text"].append(data)


def page(site: Path, path: str) -> _Page:
    p = _Page()
    target = site / path.strip("/")
    p.feed((target if path.endswith(".html") else target / "index.html").read_text(encoding="utf-8"))
    return p


def text_of(p: _Page, ident: str) -> str:
    return "".join(p.ids[ident]["_text"]).strip()


def body(p: _Page) -> str:
    return re.sub(r"\s+", " ", "".join(p.text))


def build(out: Path, as_of: str, amendments: Path | None, extra_env: dict | None = None):
    env = {**os.environ, "HANDBOOK_AS_OF": as_of, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HANDBOOK_AMENDMENTS", None)
    if amendments is not None:
        env["HANDBOOK_AMENDMENTS"] = str(amendments)
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def before(tmp_path_factory):
    out = tmp_path_factory.mktemp("site-2026-12-31")
    result = build(out, "2026-12-31", FIXTURES)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def after(tmp_path_factory):
    out = tmp_path_factory.mktemp("site-2027-06-01")
    result = build(out, "2027-06-01", FIXTURES)
    assert result.returncode == 0, result.stderr[-3000:]
    out.joinpath("stderr.txt").write_text(result.stderr, encoding="utf-8")
    # The summary `make build` ends with (scripts/build_summary.py), for the same sources.
    env = {**os.environ, "HANDBOOK_AS_OF": "2027-06-01", "HANDBOOK_AMENDMENTS": str(FIXTURES)}
    summary = subprocess.run([sys.executable, "scripts/build_summary.py"], cwd=ROOT, env=env,
                             capture_output=True, text=True)
    out.joinpath("summary.txt").write_text(summary.stdout + summary.stderr, encoding="utf-8")
    return out


def clauses_json(site: Path) -> dict:
    return {c["id"]: c for c in json.loads((site / "clauses.json").read_text(encoding="utf-8"))}


@pytest.fixture
def use(monkeypatch):
    """Point the build's model at a folder of amendments for one test."""
    def _use(folder: Path | None):
        if folder is None:
            monkeypatch.delenv("HANDBOOK_AMENDMENTS", raising=False)
        else:
            monkeypatch.setenv("HANDBOOK_AMENDMENTS", str(folder))
        return versions.history()
    yield _use
    monkeypatch.delenv("HANDBOOK_AMENDMENTS", raising=False)
    versions.history()


# ---------------------------------------------------------------- the model
def test_the_original_text_is_the_base_and_has_no_date(use):
    h = use(None)
    assert h.amendments == () or all(a.file for a in h.amendments)
    for cid, vs in h.versions.items():
        assert vs[0].in_force is None and vs[0].amendment is None, cid


def test_versions_follow_the_fixture_amendments(use):
    from datetime import date
    h = use(FIXTURES)
    c12_8 = h.versions["c12-8"]
    assert [v.in_force for v in c12_8] == [None, date(2027, 1, 1)]
    assert c12_8[0].until == date(2027, 1, 1) and c12_8[1].until is None
    assert "800元" in c12_8[0].zh and "1000元" in c12_8[1].zh
    assert h.status("c12-8", date(2026, 12, 31)) == "in_force"
    assert h.version_on("c12-8", date(2026, 12, 31)) is c12_8[0]
    assert h.version_on("c12-8", date(2027, 1, 1)) is c12_8[1]
    assert h.status("c18-3", date(2027, 2, 28)) == "in_force"
    assert h.status("c18-3", date(2027, 3, 1)) == "repealed"
    assert h.status("c12-11", date(2027, 2, 28)) == "not_yet_in_force"
    assert h.status("c12-11", date(2027, 3, 1)) == "in_force"
    # The insert sits right after the clause it follows.
    assert h.order[h.order.index("c12-10") + 1] == "c12-11"
    assert h.versions["c18-2"][1].translation_pending
    assert [a.file for a in h.pending_translations() for a in [a[0]]] == ["2027-03-01-hygiene.toml"]


def test_the_table_as_of_a_date_has_the_text_in_force(use):
    from datetime import date
    use(FIXTURES)
    rows, by_id = versions.table(date(2027, 6, 1))
    assert "1000元" in by_id["c12-8"].zh and by_id["c12-8"].since == "2027-01-01"
    assert by_id["c18-3"].status == "repealed" and by_id["c18-3"].zh == ""
    assert by_id["c18-2"].translation_pending and by_id["c18-2"].en == ""
    assert len(rows) == len(original_table()[0]) + 1
    rows, by_id = versions.table(date(2026, 12, 31))
    assert "800元" in by_id["c12-8"].zh and by_id["c12-11"].status == "not_yet_in_force"


def test_words_are_compared_whole_numbers_and_all():
    assert versions.diff_html("慰问金800元。", "慰问金1000元。", "zh") == \
        "慰问金<del>800</del><ins>1000</ins>元。"
    assert versions.diff_html("a payment of 800 yuan", "a payment of 1000 yuan", "en") == \
        "a payment of <del>800</del><ins>1000</ins> yuan"
    assert versions.diff_html("甲<乙", "甲", "zh") == "甲<del>&lt;乙</del>"


@pytest.mark.parametrize("n,expected", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一")])
def test_chinese_numbers_print_as_the_text_does(n, expected):
    assert versions.cn_number(n) == expected


# ---------------------------------------------------------------- malformed amendments
GOOD_HEAD = 'title_zh = "关于测试的决定"\nin_force = 2027-01-01\n'
REPLACE_11_1 = ('[[changes]]\nclause = "c11-1"\naction = "replace"\n'
                'zh = "1.全体工作人员要保持良好的职业道德。"\n')

# (file content, the field named, the message's code): each message is Chinese
# first and names the line (tests/test_clerk_messages.py checks the wording).
MALFORMED = {
    "unknown clause": (GOOD_HEAD + '[[changes]]\nclause = "c12-99"\naction = "replace"\n'
                       'zh = "99.不存在。"\n', "changes[1].clause", "unknown_clause"),
    "insert without after": (GOOD_HEAD + '[[changes]]\nclause = "c12-11"\naction = "insert"\n'
                             'zh = "11.新条文。"\n', "changes[1].after", "text_required"),
    "insert of an existing id": (GOOD_HEAD + '[[changes]]\nclause = "c12-10"\naction = "insert"\n'
                                 'after = "c12-9"\nzh = "10.新条文。"\n', "changes[1].clause",
                                 "insert_taken"),
    "a date that is not a date": ('title_zh = "关于测试的决定"\nin_force = "2027-13-01"\n' + REPLACE_11_1,
                                  "in_force", "date_invalid"),
    "an impossible calendar date": ('title_zh = "关于测试的决定"\nin_force = 2027-02-30\n' + REPLACE_11_1,
                                    "in_force", "date_invalid"),
    "an adopted date that is words": (GOOD_HEAD + 'adopted = "last week"\n' + REPLACE_11_1,
                                      "adopted", "date_format"),
    "a [parameters] block": (GOOD_HEAD + REPLACE_11_1 + '[parameters."condolence.hospitalization"]\n'
                             'amount = 1000\n', "parameters", "parameters_gone"),
    "a text with another number": (GOOD_HEAD + '[[changes]]\nclause = "c11-1"\naction = "replace"\n'
                                   'zh = "2.全体工作人员要保持良好的职业道德。"\n', "changes[1].zh",
                                   "number"),
    "an English text with another number": (
        GOOD_HEAD + REPLACE_11_1.replace('zh = ', 'en = "2. All staff shall be good."\nzh = '),
        "changes[1].en", "number"),
    "an insert numbered unlike its id": (GOOD_HEAD + '[[changes]]\nclause = "c18-7"\naction = "insert"\n'
                                         'after = "c18-6"\nzh = "8、新条文。"\n', "changes[1].zh",
                                         "number"),
    "words a calculator reads, reworded": (
        GOOD_HEAD + '[[changes]]\nclause = "c12-8"\naction = "replace"\n'
        'zh = "8.本办干部住院,机关工会给予慰问金1000元。"\n',
        "changes[1].zh", "slot_mismatch"),
    "an unknown action": (GOOD_HEAD + '[[changes]]\nclause = "c11-1"\naction = "amend"\nzh = "1.x"\n',
                          "changes[1].action", "action"),
    "a missing title": ('in_force = 2027-01-01\n' + REPLACE_11_1, "title_zh", "text_required"),
    "a misspelt field": (GOOD_HEAD + 'titel_en = "x"\n' + REPLACE_11_1, "titel_en", "unknown_field"),
}


@pytest.mark.parametrize("case", list(MALFORMED), ids=list(MALFORMED))
def test_a_malformed_amendment_is_refused_naming_file_and_field(case, tmp_path, use):
    content, field, code = MALFORMED[case]
    (tmp_path / "2027-01-01-test.toml").write_text(content, encoding="utf-8")
    with pytest.raises(versions.AmendmentError) as info:
        use(tmp_path)
    err = info.value
    assert err.file == "2027-01-01-test.toml", str(err)
    assert err.field == field, str(err)
    assert err.key == code, str(err)
    assert err.line, str(err)            # the line the clerk must look at
    assert re.search(r"[\u4e00-\u9fff]", err.zh), str(err)


def test_a_text_typed_without_its_number_gets_it(tmp_path, use):
    (tmp_path / "2027-01-01-test.toml").write_text(
        GOOD_HEAD + '[[changes]]\nclause = "c11-1"\naction = "replace"\n'
        'zh = "全体工作人员要保持良好的职业道德。"\nen = "All staff shall be good."\n', encoding="utf-8")
    h = use(tmp_path)
    assert h.versions["c11-1"][-1].zh == "1.全体工作人员要保持良好的职业道德。"
    assert h.versions["c11-1"][-1].en == "1. All staff shall be good."


def test_a_repeal_of_a_clause_a_calculator_quotes_publishes_with_a_notice(tmp_path, use):
    (tmp_path / "2027-01-01-test.toml").write_text(
        GOOD_HEAD + '[[changes]]\nclause = "c12-10"\naction = "repeal"\n', encoding="utf-8")
    h = use(tmp_path)
    assert h.versions["c12-10"][-1].repealed
    assert any("c12-10" in n and "工会慰问金" in n for n in versions.notices())
    import calculators
    before = calculators.run("condolence", {"event": "death", "person": "relative", "date": "2026-12-31"})
    after = calculators.run("condolence", {"event": "death", "person": "relative", "date": "2027-01-01"})
    assert before["ok"] and after["ok"]
    assert "废止" in after["explanation_zh"] and "repealed" in after["explanation_en"]
    assert "废止" not in before["explanation_zh"]


def test_a_well_formed_amendment_passes_the_same_checks(tmp_path, use):
    (tmp_path / "2027-01-01-test.toml").write_text(GOOD_HEAD + REPLACE_11_1, encoding="utf-8")
    h = use(tmp_path)
    assert len(h.versions["c11-1"]) == 2


def test_the_build_fails_on_a_malformed_amendment_naming_file_and_field(tmp_path):
    folder = tmp_path / "amendments"
    folder.mkdir()
    (folder / "2027-01-01-bad.toml").write_text(
        GOOD_HEAD + '[[changes]]\nclause = "c99-1"\naction = "repeal"\n', encoding="utf-8")
    result = build(tmp_path / "out", "2027-06-01", folder)
    assert result.returncode != 0
    assert "2027-01-01-bad.toml" in result.stderr and "changes[1].clause" in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_translation_turns_the_pending_warning_into_an_error(tmp_path):
    result = build(tmp_path / "out", "2027-06-01", FIXTURES, {"HANDBOOK_STRICT_TRANSLATION": "1"})
    assert result.returncode != 0
    assert "c18-2" in result.stderr and "HANDBOOK_STRICT_TRANSLATION" in result.stderr


# ---------------------------------------------------------------- the site before the first date
def test_before_the_date_the_current_page_shows_the_original_and_the_coming_change(before):
    p = page(before, "ch12")
    assert "800元" in text_of(p, "c12-8")
    text = body(p)
    assert "将于2027年1月1日起修改" in text
    assert "原则上给予慰问金1000元" in text          # the new text, one click away (folded)
    assert "c12-11" in p.ids                         # an insert to come keeps its anchor
    assert "将于2027年3月1日起施行" in text


def test_before_the_date_clauses_json_says_in_force_and_not_yet(before):
    data = clauses_json(before)
    assert data["c12-8"]["status"] == "in_force" and "800元" in data["c12-8"]["zh"]
    assert data["c12-11"]["status"] == "not_yet_in_force"
    assert data["c18-3"]["status"] == "in_force"
    assert [v["in_force"] for v in data["c12-8"]["versions"]] == [None, "2027-01-01"]


# ---------------------------------------------------------------- the site after
def test_after_the_date_the_current_page_shows_the_text_in_force(after):
    zh = page(after, "ch12")
    assert "1000元" in text_of(zh, "c12-8") and "800元" not in text_of(zh, "c12-8")
    assert "修改，自2027年1月1日起施行" in body(zh)
    assert "11.本办干部生育子女" in text_of(zh, "c12-11")
    en = page(after, "en/ch12")
    assert "1000 yuan" in text_of(en, "c12-8")


def test_a_repealed_clause_keeps_its_anchor_and_says_when_and_by_what(after):
    for path, words in (("ch18", ["已废止", "2027年3月1日", "关于修改办公室卫生制度和财务管理制度的决定"]),
                        ("en/ch18", ["Repealed", "1 March 2027"])):
        p = page(after, path)
        assert "c18-3" in p.ids, path
        assert "clause--repealed" in p.ids["c18-3"].get("class", "")
        for w in words:
            assert w in body(p), (path, w)


def test_an_untranslated_amendment_shows_the_chinese_with_a_notice_on_the_english_page(after):
    p = page(after, "en/ch18")
    assert "纸篮要每天倒干净" in text_of(p, "c18-2")
    assert p.ids["c18-2"].get("lang") == "zh-Hans"
    assert "Translation pending" in body(p) and "Chinese text, which governs" in body(p)
    summary = (after / "summary.txt").read_text(encoding="utf-8")     # the build's closing summary
    assert "译文待补：1条（“卫生管理制度”第二条）" in summary, summary
    assert "修改决定：共3项，已施行2项，尚未施行1项。" in summary, summary
    assert "“财务管理制度”第11条中有金额“500元”" in summary, summary      # the inserted sympathy payment
    assert "修改“卫生管理制度”第二条、废止“卫生管理制度”第三条、新增“财务管理制度”第11条" in summary, summary


def test_after_the_date_clauses_json_carries_each_version(after):
    data = clauses_json(after)
    c = data["c12-8"]
    assert c["status"] == "in_force" and "1000元" in c["zh"]
    first, second = c["versions"]
    assert first["in_force"] is None and first["until"] == "2027-01-01" and first["amendment"] is None
    assert "800元" in first["zh"] and "800 yuan" in first["en"]
    assert second["in_force"] == "2027-01-01" and second["until"] is None
    assert second["amendment"] == {"title_zh": "关于调整工会慰问金标准的决定",
                                   "title_en": "Decision on adjusting union sympathy payments",
                                   "number": "永编办发〔2027〕1号"}
    assert data["c18-3"]["status"] == "repealed"
    assert data["c18-3"]["versions"][-1]["zh"] is None and data["c18-3"]["zh"] is None
    assert data["c18-2"]["versions"][-1]["en"] is None
    assert data["c12-11"]["status"] == "in_force"
    assert data["c11-1"]["versions"][-1]["in_force"] == "2099-01-01"


def test_every_version_url_shows_that_version(after):
    for cid, c in clauses_json(after).items():
        for v in c["versions"]:
            path, anchor = v["url"].split("#")
            p = page(after, path)
            assert anchor in p.ids, (cid, v["url"])
            if v["zh"] is None:
                assert "已废止" in text_of(p, anchor), v["url"]
            else:
                assert text_of(p, anchor) == v["zh"], v["url"]


def test_point_in_time_pages_show_each_version_and_say_which(after):
    orig = page(after, "v/original/ch12")
    assert "800元" in text_of(orig, "c12-8") and "原始文本" in body(orig)
    assert "c12-11" not in orig.ids
    new = page(after, "v/2027-01-01/ch12")
    assert "1000元" in text_of(new, "c12-8")
    future = page(after, "v/2099-01-01/ch11")
    assert "廉洁自律" in text_of(future, "c11-1") and "尚未施行" in body(future)
    en = page(after, "en/v/original/ch18")
    assert "c18-3" in en.ids and "ashtrays" in text_of(en, "c18-2")


def test_the_history_page_lists_versions_and_marks_the_changed_words(after):
    html = (after / "history/ch12/index.html").read_text(encoding="utf-8")
    assert "<del>800</del><ins>1000</ins>" in html
    p = page(after, "history/ch12")
    assert "c12-8" in p.ids and "关于调整工会慰问金标准的决定" in text_of(p, "c12-8")
    en = (after / "en/history/ch12/index.html").read_text(encoding="utf-8")
    assert "<del>800</del><ins>1000</ins>" in en


def test_the_changes_page_lists_every_amendment_newest_first(after):
    for path, titles in (("changes", ["关于修改机关作风及礼仪制度的决定", "关于修改办公室卫生制度和财务管理制度的决定",
                                      "关于调整工会慰问金标准的决定"]),
                         ("en/changes", ["Decision amending the rules on office conduct",
                                         "关于修改办公室卫生制度和财务管理制度的决定",
                                         "Decision on adjusting union sympathy payments"])):
        text = body(page(after, path))
        positions = [text.index(t) for t in titles]
        assert positions == sorted(positions), path
    html = (after / "changes/index.html").read_text(encoding="utf-8")
    assert 'href="../ch12/#c12-8"' in html and 'href="../ch18/#c18-3"' in html


def test_a_past_version_cites_its_date_and_links_to_itself(after):
    p = page(after, "v/original/ch12")
    attrs = p.ids["c12-8"]
    assert attrs["data-version"] == "original"
    assert attrs["data-version-link"].endswith("v/original/ch12/#c12-8")
    assert attrs["data-cite-zh"].endswith("（原始文本）")
    assert attrs["data-cite-en"].endswith("(original text)")
    current = page(after, "ch12").ids["c12-8"]
    assert current["data-version"] == "2027-01-01"
    assert current["data-cite-zh"] == "《永定区编办管理制度》“财务管理制度”第8条"


def test_published_urls_still_work_with_amendments(after):
    for line in (ROOT / "tests/data/published_urls.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        path, _, anchor = line.partition("#")
        if path.startswith(("/downloads/", "/assets/pyodide/")):
            continue   # written after MkDocs: tested on the full build (test_permanence.py)
        target = after / path.strip("/")
        target = target if Path(path).suffix else target / "index.html"
        assert target.exists(), line
        if anchor:
            assert anchor in page(after, str(target.relative_to(after))).ids, line


def test_the_sites_with_amendments_are_valid_html(before, after):
    """The W3C checker (tests/test_html_valid.py checks the published build) over both
    fixture sites, in one run: changes to come, versions, histories, repeals, the
    changes page. Their point-in-time and history pages are the ones with changes."""
    pages = sorted(before.rglob("*.html")) + sorted(after.rglob("*.html"))
    assert after / "v/2027-01-01/ch12/index.html" in pages
    assert after / "history/ch18/index.html" in pages
    errors = check(pages)
    assert not errors, report(errors, before.parent)


# ---------------------------------------------------------------- with no amendment
def test_with_no_amendment_the_site_says_so(site_dir):
    data = clauses_json(site_dir)
    if any(len(c["versions"]) > 1 for c in data.values()):
        pytest.fail("this test expects the published handbook to have no amendment yet")
    assert all(c["status"] == "in_force" for c in data.values())
    assert all(c["versions"][0]["url"].endswith(f"/v/original/{c['page']}/#{c['id']}") for c in data.values())
    assert "至今没有修改决定" in body(page(site_dir, "changes"))
    assert "no amending decision" in body(page(site_dir, "en/changes"))
    assert "未经修订" in body(page(site_dir, "."))
    p = page(site_dir, "v/original/ch12")
    assert "也是现行文本" in body(p) and "c12-8" in p.ids


def test_a_past_version_says_what_followed_and_links_to_the_text_in_force(after):
    p = page(after, "v/original/ch12")
    assert "此后本条已自2027年1月1日起修改" in body(p)
    html = (after / "v/original/ch12/index.html").read_text(encoding="utf-8")
    assert 'href="../../../ch12/#c12-8"' in html
    en = body(page(after, "en/v/original/ch11"))
    assert "This clause is to be amended from 1 January 2099" in en
    assert "此后本条" not in body(page(after, "v/2027-01-01/ch12"))   # c12-8 unchanged since


def test_a_mistyped_as_of_date_stops_the_build_with_a_plain_message(tmp_path):
    result = build(tmp_path / "out", "2027-13-01", None)
    assert result.returncode != 0
    assert "HANDBOOK_AS_OF='2027-13-01' 不是日期" in result.stderr and "is not a date" in result.stderr
    assert "Traceback" not in result.stderr
