"""The answer first: one sentence from the result's own figures, in both languages."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import calculators

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("name,inputs,zh,en", [
    ("condolence", {"event": "hospitalization", "person": "relative"}, "慰问金：800元（原则上）。",
     "Sympathy payment: 800 yuan (in principle)."),
    ("condolence", {"event": "disaster", "person": "self"}, "慰问金：500—1000元，视灾祸程度而定。", None),
    ("condolence", {"event": "death", "person": "spouse"}, "慰问金：1000元。", None),
    ("condolence", {"event": "hospitalization", "person": "spouse"},
     "“直系亲属”有两种读法，条文对这种情形规定不明确：请报本办研究决定。", None),
    ("condolence", {"event": "disaster", "person": "retiree"}, "条文没有规定这种情形：由机关工会研究决定。", None),
    ("quorum", {"members": 5, "present": 4}, "可以开会（至少需4名成员到会）。", None),
    ("quorum", {"members": 5, "present": 3}, "不能开会：至少需4名成员到会。", None),
    ("quorum", {"members": 5, "present": 4, "topic": "personnel"},
     "按较严格的理解，这一重大议题不宜开会议定：一般应全体5名成员到齐。",
     "On the stricter reading, this major topic should not be taken up: as a rule all 5 members must be present."),
    ("quorum", {"members": 5, "present": 3, "topic": "major"}, "不能开会：至少需5名成员到会。", None),
    ("quorum", {"members": 5, "present": 5, "votes_for": 3, "votes_against": 2}, "可以开会，动议通过。", None),
    ("quorum", {"members": 4, "present": 4, "votes_for": 2, "votes_against": 2}, "可以开会，但动议未通过。", None),
    ("leave_approval", {"days": 1}, "由单位主要负责人批准，并须书面报告。", None),
    ("leave_approval", {"days": 0.5}, "由分管领导批准。", "The leader in charge approves."),
    ("annual_leave", {"years_worked": 10, "vacation_days": 5}, "当年可休年休假：5天。", "Annual leave this year: 5 days."),
    ("annual_leave", {"years_worked": 0.5}, "累计工作未满1年，不享受年休假。",
     "Under 1 year of work: no annual leave."),
    ("annual_leave", {"years_worked": 5, "sick_leave_months": 2}, "当年不享受年休假：病假累计达到规定月数。",
     "No annual leave this year: sick leave reached the limit for the years worked."),
    ("annual_leave", {"years_worked": 5, "vacation_days": 5}, "寒暑假已抵足当年的年休假：不再另休。", None),
    ("duty_compensation", {"duty_days": 1, "use": "rest"}, "可补休1天。", "1 day of compensatory time off."),
    ("expenditure", {"amount": 100, "spent_on": "2026-09-17"}, None, None),
])
def test_headline(name, inputs, zh, en):
    r = calculators.run(name, inputs)
    assert r["ok"], r
    if zh:
        assert r["answer_zh"] == zh
    if en:
        assert r["answer_en"] == en


def test_a_deadline_on_a_day_off_says_when_to_act():
    r = calculators.run("expenditure", {"amount": 100, "spent_on": "2026-09-17"})
    assert r["reimburse_by"] == "2026-10-01" and r["deadline_day_off"] is True
    assert r["answer_zh"] == "最迟2026年10月1日签批报帐；这天是休息日，宜最迟在2026年9月30日办理。"
    assert r["answer_en"].startswith("Sign off and submit the claim for reimbursement by 1 October 2026")


@pytest.mark.parametrize("case", [c for c in CASES if c.get("expect", {}).get("ok", True)],
                         ids=lambda c: c["name"][:60])
def test_every_answer_has_a_headline_that_agrees_with_its_figures(case):
    r = calculators.run(case["calculator"], case["inputs"])
    if not r["ok"]:
        return
    for lang in ("zh", "en"):
        text = r[f"answer_{lang}"]
        assert text and "{" not in text
    if case["calculator"] == "condolence" and r.get("amount_min") is not None:
        assert str(r["amount_min"]) in r["answer_zh"]
    if case["calculator"] == "rewards":
        assert f"{r['total']}元" in r["answer_zh"]
    if case["calculator"] == "quorum" and not r["quorum_met"]:
        major = case["inputs"].get("topic", "ordinary") != "ordinary"
        assert r["answer_zh"].startswith(("不能开会", "按较严格的理解，这一重大议题") if major else "不能开会")
