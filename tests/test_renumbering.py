"""条文顺序作相应调整: a decision that renumbers (the clerk's decision, recorded in
tests/fixtures/amendments/clerk/), as the built pages show it on its in-force date.
Clause ids, anchors and short links never change; every place that shows or makes
a citation uses the number the clause prints on the day."""
from __future__ import annotations

import json
import re

import pytest
from sitehtml import page as parsed_page

ZH_6 = "《永定区编办管理制度》“文明办公制度”第6条"


def para(site, path, cid) -> tuple[dict, str]:
    el = parsed_page(site, path + "/").one(id=cid)
    return el.attrs, re.sub(r"\s+", " ", el.text).strip()


def test_the_renumbered_clause_prints_its_new_number_and_keeps_its_id(clerk_site):
    attrs, text = para(clerk_site, "ch11", "c11-7")
    assert text.startswith("6.及时整理归档文件资料")
    assert attrs["data-cite-zh"] == ZH_6 and attrs["data-cite-en"].endswith("cl. 6")
    assert attrs["data-shortlink"] == "/c/11-7/"
    page = (clerk_site / "ch11" / "index.html").read_text(encoding="utf-8")
    assert "（原第7条）条文顺序根据《关于修改〈永定区编办管理制度〉的决定》（永编办发〔2027〕3号）调整" in \
        re.sub(r"<[^>]+>", "", page)
    _, repealed = para(clerk_site, "ch11", "c11-6")
    assert repealed == "〔原第6条，已废止〕"
    _, en = para(clerk_site, "en/ch11", "c11-7")
    assert en.startswith("6. Documents")
    assert "(Formerly clause 7.) Renumbered by" in re.sub(r"<[^>]+>", "", (clerk_site / "en/ch11/index.html")
                                                          .read_text(encoding="utf-8"))


def test_clauses_json_gives_each_version_its_number_and_citation(clerk_site):
    rows = {c["id"]: c for c in json.loads((clerk_site / "clauses.json").read_text(encoding="utf-8"))}
    c = rows["c11-7"]
    assert c["number"] == "6." and c["citation"]["zh"] == ZH_6
    assert [(v["number"], v["action"], v["former_number"]) for v in c["versions"]] == [
        ("7.", None, None), ("6.", "renumber", "7.")]
    assert c["versions"][0]["citation"]["zh"].endswith("第7条")
    assert c["versions"][1]["citation"]["zh"] == ZH_6
    assert rows["c11-6"]["status"] == "repealed"
    assert rows["c12-11"]["number"] == "11." and rows["c12-11"]["zh"].startswith("11.本办干部生育子女")


def test_the_side_by_side_print_and_short_link_pages_follow(clerk_site):
    bilingual = (clerk_site / "bilingual/ch11/index.html").read_text(encoding="utf-8")
    assert "原第6条" in bilingual and "6.及时整理" in bilingual
    printed = re.sub(r"<[^>]+>", "", (clerk_site / "print/index.html").read_text(encoding="utf-8"))
    assert "6.及时整理归档文件资料" in printed and "7.及时整理" not in printed
    short = re.sub(r"<[^>]+>", "", (clerk_site / "c/11-7/index.html").read_text(encoding="utf-8"))
    assert ZH_6 in short


def test_the_history_shows_the_renumbering_as_a_change(clerk_site):
    whole = re.sub(r"<[^>]+>", "", (clerk_site / "history/ch11/index.html").read_text(encoding="utf-8"))
    assert "<del>7</del><ins>6</ins>" in (clerk_site / "history/ch11/index.html").read_text(encoding="utf-8")
    assert "2027年4月1日起施行" in whole


def test_the_amounts_follow_the_text_on_the_calculator_pages(clerk_site):
    # The build's date is the decision's: the forms quote the new rates.
    page = (clerk_site / "calculators/rewards/index.html").read_text(encoding="utf-8")
    assert "每篇150元" in page and "每篇1200元" in page


@pytest.fixture(scope="module")
def before(tmp_path_factory):
    """The same decision, built the day before it takes effect (a renumbering to come)."""
    from sitebuild import ROOT, build_pages
    return build_pages(tmp_path_factory.mktemp("clerk-before"), "2027-03-31",
                       ROOT / "tests" / "fixtures" / "amendments" / "clerk")


def test_before_the_date_the_renumbering_to_come_is_announced(before):
    _, text = para(before, "ch11", "c11-7")
    assert text.startswith("7.及时整理")
    page = re.sub(r"<[^>]+>", "", (before / "ch11" / "index.html").read_text(encoding="utf-8"))
    assert "序号将于2027年4月1日起改为第6条" in page
    en = re.sub(r"<[^>]+>", "", (before / "en/ch11" / "index.html").read_text(encoding="utf-8"))
    assert "To be renumbered clause 6 from 1 April 2027" in en
    pinned = re.sub(r"<[^>]+>", "", (before / "v/original/ch11" / "index.html").read_text(encoding="utf-8"))
    assert "本条序号将于2027年4月1日起改为第6条" in pinned
