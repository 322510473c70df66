"""The drafting step: a decision as the office writes it → the amendment file
(calculators/draft.py, the drafting page and `make draft`). One decision per
formula and per combination, in the office's style, and the mistakes a drafter
makes; each file drafted is checked by the build's own code."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from calculators import _amendments, _clausetext, _data, _history, draft

ROOT = Path(__file__).resolve().parents[1]
DECISIONS = ROOT / "tests" / "data" / "decisions"


def decision(*items: str, in_force="2027年4月1日", head=True) -> str:
    lines = []
    if head:
        lines += ["永定区编办关于修改《永定区编办管理制度》的决定", "永编办发〔2027〕5号", "",
                  "（2027年3月1日主任办公会议通过）", "",
                  "经研究，决定对《永定区编办管理制度》作如下修改：", ""]
    numerals = "一二三四五六七八九十"
    lines += [f"{numerals[i]}、{item}" for i, item in enumerate(items)]
    if in_force:
        lines += ["", f"本决定自{in_force}起施行。"]
    return "\n".join(lines) + "\n"


@pytest.fixture
def none_recorded(monkeypatch, tmp_path):
    """The drafts are read against the text as issued (no amendment recorded)."""
    folder = tmp_path / "none"
    folder.mkdir()
    monkeypatch.setenv(_amendments.ENV, str(folder))
    _amendments._cached.cache_clear()
    yield folder
    _amendments._cached.cache_clear()


def changes(result) -> list[tuple]:
    return [(c["clause"], c["action"]) for c in result["clauses"]]


def after(result, cid) -> str:
    return next(c["after"] for c in result["clauses"] if c["clause"] == cid)


# ---------------------------------------------------------------- one formula each
def test_a_whole_clause_replaced(none_recorded):
    r = draft.draft(decision("将“财务管理制度”第2条修改为：“实行民主理财，10000元以上重大开支报请主任办公会议定。”"))
    assert r["ok"], r
    assert changes(r) == [("c12-2", "replace")]
    # The number it prints is added, and the handbook's half-width comma kept.
    assert after(r, "c12-2") == "2.实行民主理财,10000元以上重大开支报请主任办公会议定。"
    assert r["in_force"] == "2027-04-01" and r["adopted"] == "2027-03-01"
    assert r["title_zh"] == "关于修改《永定区编办管理制度》的决定" and r["number"] == "永编办发〔2027〕5号"
    assert r["file_name"] == "2027-04-01-decision-2027-5.toml"
    values = {(v["calculator"], v["before"], v["after"]) for v in r["values"]}
    assert ("经费开支审批与报帐", 5000, 10000) in values


def test_words_replaced_several_in_one_sentence(none_recorded):
    r = draft.draft(decision("将“宣传奖励制度”第2条中的“红网手机报采用的奖励100元/篇”修改为“红网手机报采用的奖励150元/篇”，"
                             "“省级刊物每篇奖励1000元”修改为“省级刊物每篇奖励1200元”"))
    assert r["ok"], r
    text = after(r, "c13-2")
    assert "奖励150元/篇" in text and "每篇奖励1200元" in text and "国家级刊物每篇奖励2000元" in text
    marks = [(op, t) for op, t in r["clauses"][0]["redline"] if op != "="]
    assert marks == [("-", "100"), ("+", "150"), ("-", "1000"), ("+", "1200")]
    assert {(v["name"], v["before"], v["after"]) for v in r["values"]} == {("reward", 100, 150), ("reward", 1000, 1200)}


def test_a_clause_deleted(none_recorded):
    r = draft.draft(decision("删去“文明办公制度”第6条"))
    assert r["ok"] and changes(r) == [("c11-6", "repeal")]
    assert r["renumbered"] == []          # no renumbering was ordered


def test_a_clause_inserted_at_the_end(none_recorded):
    r = draft.draft(decision("在“财务管理制度”第10条后增加一条，作为第11条：“本办干部生育子女，由机关工会组织慰问，慰问金500元。”"))
    assert r["ok"] and changes(r) == [("c12-11", "insert")]
    assert after(r, "c12-11") == "11.本办干部生育子女,由机关工会组织慰问,慰问金500元。"
    assert any("500元" in w["zh"] for w in r["warnings"]), "an amount no calculator applies"
    assert 'after = "c12-10"' in r["toml"]


def test_renumbering_after_a_deletion(none_recorded):
    r = draft.draft(decision("删去“文明办公制度”第6条", "条文顺序作相应调整"))
    assert r["ok"] and r["renumber"] is True
    assert [(x["clause"], x["from"], x["to"]) for x in r["renumbered"]] == [("c11-7", "7.", "6.")]


def test_an_insert_in_the_middle_numbers_the_chapter_afresh(none_recorded):
    r = draft.draft(decision("在“文明办公制度”第3条后增加一条，作为第4条：“会议期间手机应调至静音。”"))
    assert r["ok"], r
    assert r["renumber"] == [11]
    moved = {x["clause"]: (x["from"], x["to"]) for x in r["renumbered"]}
    assert moved["c11-4"] == ("4.", "5.") and moved["c11-7"] == ("7.", "8.")
    new = [c for c in r["clauses"] if c["action"] == "insert"][0]
    assert new["after"].startswith("4.会议期间")


def test_rules_named_by_chapter_or_title_marks_and_a_sub_item(none_recorded):
    r = draft.draft(decision("删去第一章第5条第⑧项",
                             "将《财务管理制度》第八条中的“800元”修改为“1000元”"))
    assert r["ok"], r
    assert changes(r) == [("c1-5-8", "repeal"), ("c12-8", "replace")]


def test_numbers_are_read_as_they_stood_the_day_before(tmp_path, monkeypatch):
    # A first decision renumbers 文明办公制度 (7 → 6); a later one cites the new 第6条.
    folder = tmp_path / "recorded"
    folder.mkdir()
    first = draft.draft(decision("删去“文明办公制度”第6条", "条文顺序作相应调整"))
    (folder / first["file_name"]).write_text(first["toml"], encoding="utf-8")
    monkeypatch.setenv(_amendments.ENV, str(folder))
    _amendments._cached.cache_clear()
    try:
        later = draft.draft(decision("将“文明办公制度”第6条修改为：“及时整理归档文件资料。”",
                                     in_force="2027年7月1日"))
        assert later["ok"], later
        assert changes(later) == [("c11-7", "replace")]
        assert after(later, "c11-7") == "6.及时整理归档文件资料。"
    finally:
        _amendments._cached.cache_clear()


def test_the_clerks_decision_in_full(none_recorded):
    text = (DECISIONS / "clerk-2027-3.txt").read_text(encoding="utf-8")
    r = draft.draft(text)
    assert r["ok"], r
    assert changes(r) == [("c13-2", "replace"), ("c12-2", "replace"), ("c11-6", "repeal"),
                          ("c12-11", "insert")]
    assert r["renumber"] is True
    assert [(x["clause"], x["from_n"], x["to_n"]) for x in r["renumbered"]] == [("c11-7", 7, 6)]
    assert all(s["status"] in ("read", "frame") for s in r["sentences"])
    # The file parses and builds with the build's own checks.
    amendment = _amendments.parse_text(r["file_name"], r["toml"])
    h = _history.build(list(_clausetext.original()), (amendment,))
    assert _data.resolve_on(h, date(2027, 4, 1))[0]["rewards"]["levels"]["provincial"]["reward"] == 1200


# ---------------------------------------------------------------- mistakes
@pytest.mark.parametrize("item,words", [
    ("删去“文明办公制度”第99条", "没有第99条"),
    ("将“财务管理制度”第2条中的“3000元”修改为“4000元”", "找不到“3000元”"),
    ("将“财务管理制度”第1条中的“财务”修改为“财会”", "出现了2次"),
    ("删去“考勤管理制度”第2条", "找不到“考勤管理制度”"),
], ids=["no such clause", "words not in the clause", "words found twice", "no such rules"])
def test_a_mistake_is_named_and_no_file_is_ok(none_recorded, item, words):
    r = draft.draft(decision(item))
    assert not r["ok"]
    assert any(words in p["zh"] for p in r["problems"]), r["problems"]


def test_a_sentence_it_cannot_read_is_listed_never_dropped(none_recorded):
    odd = "将“财务管理制度”第2条与第3条合并为一条"
    r = draft.draft(decision(odd, "删去“文明办公制度”第6条"))
    assert not r["ok"] and r["unread"] == [f"一、{odd}"]
    assert changes(r) == [("c11-6", "repeal")]       # the rest is still read


def test_no_date_in_force_is_a_problem(none_recorded):
    r = draft.draft(decision("删去“文明办公制度”第6条", in_force=None))
    assert not r["ok"] and any("施行日期" in p["zh"] for p in r["problems"])


def test_words_a_calculator_reads_reworded_are_an_error_before_the_build(none_recorded):
    r = draft.draft(decision("将“财务管理制度”第8条中的“原则上给予慰问金800元”修改为“原则上给予800元慰问”"))
    assert not r["ok"]
    assert r["errors"] and "请将本决定交技术人员处理" in r["errors"][0]["zh"]


# ---------------------------------------------------------------- make draft
def test_make_draft_writes_the_file_and_prints_its_name(tmp_path):
    folder = tmp_path / "amendments"
    env_folder = tmp_path / "empty"
    env_folder.mkdir()
    run = subprocess.run([sys.executable, "-m", "calculators.draft", str(DECISIONS / "clerk-2027-3.txt"),
                          "--write", str(folder)], cwd=ROOT, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "HANDBOOK_AMENDMENTS": str(env_folder)})
    assert run.returncode == 0, run.stderr
    written = folder / "2027-04-01-decision-2027-3.toml"
    assert written.exists() and str(written) in run.stdout
    assert _amendments.parse(written).renumber is True


def test_make_draft_exits_2_listing_the_unread_sentences(tmp_path):
    path = tmp_path / "decision.txt"
    path.write_text(decision("将“财务管理制度”第2条与第3条合并为一条"), encoding="gbk")   # Notepad's ANSI
    env_folder = tmp_path / "empty"
    env_folder.mkdir()
    run = subprocess.run([sys.executable, "-m", "calculators.draft", str(path), "--write", str(tmp_path / "out")],
                         cwd=ROOT, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "HANDBOOK_AMENDMENTS": str(env_folder)})
    assert run.returncode == 2
    assert "？ 一、将“财务管理制度”第2条与第3条合并为一条" in run.stdout
    assert "未生成文件" in run.stderr and not (tmp_path / "out").exists()


def test_an_error_of_the_build_is_marked_on_its_sentence(none_recorded):
    item = "将“财务管理制度”第8条中的“原则上给予慰问金800元”修改为“原则上给予800元慰问”"
    r = draft.draft(decision(item))
    marked = [s for s in r["sentences"] if s["status"] == "problem"]
    assert [s["text"] for s in marked] == [f"一、{item}"]
    assert "“财务管理制度”第8条" in marked[0]["problem_zh"] and "{" not in marked[0]["problem_zh"]
