"""Dated rules (issue 9, point 6): every calculator takes `date`, applies the
rules in force on it, and says which (`as_of`, `clause_versions`).

The amendments are the fixtures of tests/data/amendments (use_amendments sets
$HANDBOOK_AMENDMENTS and forgets every cached reading before and after).
"""

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import calculators
from calcpaths import ROOT
from calculators import _dated, _messages
from conftest import FIXTURE_AMENDMENTS
from matching import matches
from test_language import en_leaks, zh_leaks

# Valid inputs for each calculator, without a date.
VALID = {"quorum": {"members": 5, "present": 4},
         "condolence": {"event": "hospitalization", "person": "self"},
         "rewards": {"articles": []}, "leave_approval": {"days": 1},
         "annual_leave": {"years_worked": 3}, "expenditure": {"amount": 6000},
         "duty_compensation": {"duty_days": 1}, "meeting_calendar": {"year": 2027}}

DATED = json.loads(Path(__file__).with_name("dated_cases.json").read_text(encoding="utf-8"))
CASES = DATED["cases"]


def test_the_dated_cases_use_the_fixture_amendments():
    assert ROOT / DATED["amendments"] == FIXTURE_AMENDMENTS
    assert sorted(p.name for p in FIXTURE_AMENDMENTS.glob("*.toml")) == [
        "2027-01-01-condolence.toml", "2027-01-01-meetings-and-rewards.toml",
        "2027-03-01-leave-report.toml", "2027-04-01-democratic-life.toml",
        "2027-07-01-finance-and-study.toml"]


def applied_versions(result) -> list:
    """The versions an answer applied: its date's (clause_versions), or, where its
    items follow the rules of their own days, theirs (a meeting's; an article's and a
    young cadre's month's)."""
    if "meetings" in result:
        return [m["clause_version"] for m in result["meetings"]]
    if result.get("reward"):
        from calculators import _amendments, rewards
        versions = [item["clause_version"] for item in result["reward"]]
        for month in (result.get("shortfall_months") or []) + (result.get("pending_months") or []):
            day = rewards.month_day(tuple(int(p) for p in month.split("-")))
            version = _amendments.clause_version("c13-1", day)
            versions.append(version.isoformat() if version else None)
        return versions
    return list(result["clause_versions"].values())


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_dated_case(case, use_amendments):
    use_amendments()
    result = calculators.run(case["calculator"], case["inputs"])
    assert matches(case["expect"], result), json.dumps(result, ensure_ascii=False, indent=1)
    if result["ok"]:
        # clause_versions holds exactly the cited clauses, each a date or null.
        assert list(result["clause_versions"]) == result["clauses"]
        for version in result["clause_versions"].values():
            assert version is None or date.fromisoformat(version) <= date.fromisoformat(
                result["as_of"])
        # Only an answer under an amended clause says it is amended.
        amended = any(applied_versions(result))
        assert ("修改后的" in result["explanation_zh"]) == amended
        assert ("as amended by" in result["explanation_en"]) == amended
    # Every word in the reader's language (the same check as for cases.json).
    echoes = [value for value in case["inputs"].values() if isinstance(value, str)]
    texts = ([result["explanation_zh"], result["explanation_en"]] if result["ok"]
             else [result["error"]["message_zh"], result["error"]["message_en"]])
    assert not zh_leaks(texts[0], echoes) and not en_leaks(texts[1], echoes), texts


def test_the_calendar_names_the_versions_its_meetings_follow(use_amendments):
    """Each meeting follows the rules of its own day, whatever the answer's date:
    the explanation says first which text governs which days of the year."""
    use_amendments()
    within = calculators.run("meeting_calendar", {"year": 2027, "date": "2027-07-01"})
    early = calculators.run("meeting_calendar", {"year": 2027, "date": "2026-06-01"})
    after = calculators.run("meeting_calendar", {"year": 2028, "date": "2027-07-01"})
    before = calculators.run("meeting_calendar", {"year": 2026, "date": "2026-06-01"})
    asked_later = calculators.run("meeting_calendar", {"year": 2026, "date": "2027-07-01"})
    assert within["meetings"] == early["meetings"]
    for result in (within, early):
        assert "c9-1-2：2027年1月1日至2027年6月30日的会议按原条文安排。" in result["explanation_zh"]
        assert ("c9-1-2：2027年7月1日至2027年12月31日的会议按2027年7月1日起施行的"
                in result["explanation_zh"])
    assert "c9-1-2: the meetings from 1 July 2027 to 31 December 2027 follow the text as " \
           "amended by" in within["explanation_en"]
    # 2028 lies wholly under the amended texts; 2026 wholly under the original, said
    # when the answer's date has other versions.
    assert "2028年1月1日至2028年12月31日的会议按2027年7月1日起施行的" in after["explanation_zh"]
    assert "的会议按" not in before["explanation_zh"]
    assert "c1-3、c9-1-2、c6-1、c5-1：2026年1月1日至2026年12月31日的会议按原条文安排" in \
        asked_later["explanation_zh"]
    assert asked_later["clause_versions"]["c9-1-2"] == "2027-07-01"
    assert all(m["clause_version"] is None for m in asked_later["meetings"])


def test_without_amendments_every_version_is_the_original(use_amendments, tmp_path):
    use_amendments(tmp_path)  # an empty folder
    assert set(VALID) == set(calculators.CALCULATORS)
    for name, inputs in VALID.items():
        result = calculators.run(name, {**inputs, "date": "2030-01-01"})
        assert result["ok"] and result["as_of"] == "2030-01-01"
        assert result["clause_versions"] == {clause: None for clause in result["clauses"]}


def test_no_cached_amendments_leak_from_one_folder_to_the_next(use_amendments, tmp_path):
    inputs = {"event": "hospitalization", "person": "self", "date": "2027-06-01"}
    use_amendments()
    assert calculators.run("condolence", inputs)["amount_min"] == 1000
    use_amendments(tmp_path)
    assert calculators.run("condolence", inputs)["amount_min"] == 800
    use_amendments()
    assert calculators.run("condolence", inputs)["amount_min"] == 1000


def test_the_date_defaults_to_today(use_amendments, monkeypatch):
    use_amendments()
    inputs = {"event": "hospitalization", "person": "self"}
    monkeypatch.setattr(_dated, "today", lambda: date(2026, 12, 31))
    before = calculators.run("condolence", inputs)
    monkeypatch.setattr(_dated, "today", lambda: date(2027, 1, 1))
    after = calculators.run("condolence", inputs)
    assert (before["as_of"], before["amount_min"]) == ("2026-12-31", 800)
    assert (after["as_of"], after["amount_min"]) == ("2027-01-01", 1000)
    assert calculators.run("condolence", {**inputs, "date": None})["as_of"] == "2027-01-01"


def test_today_is_the_machines_local_date():
    assert _dated.today() == date.today()


def test_every_calculator_describes_the_date_input():
    hints = {"expenditure": "填写了开支日期时，按开支日期施行的规定计算；否则按这一天，默认为今天。",
             "annual_leave": "填写了计算日期时，按计算日期施行的规定计算；否则按这一天，默认为今天。"}
    for name in calculators.CALCULATORS:
        fields = calculators.schema(name)["fields"]
        date_field = dict(fields[-1])
        display = date_field.pop("display")
        assert date_field == {"name": "date", "type": "string", "required": False,
                              "format": "YYYY-MM-DD", "label_zh": "适用日期",
                              "label_en": "Rules as of"}
        # The form starts it at the browser's local date, with a line under it.
        assert display["kind"] == "today"
        assert display["hint"]["zh"] == hints.get(
            name, "按这一天施行的规定计算，默认为今天；问的是已经发生的事（住院、值班、请假、会议、发表）时，"
                  "请填写事情发生的那一天。")
        assert display["hint"]["en"].startswith(
            "When the date" if name in hints else "The rules in force on this day apply")


# ------------------------------------------- the schema quotes the rules in force
# The words of the form that quote a rule (the rewards' rates, the personal leave
# that cancels annual leave, the meetings' titles) follow the rules in force on the
# schema's day (the build passes its date), as the answers do.

def _amend_rates_and_leave(folder):
    # The rate is read from c13-2's words: the amendment changes only the text.
    from calculators._clausetext import by_id
    text = by_id()["c13-2"].zh.replace("国家级刊物每篇奖励2000元", "国家级刊物每篇奖励3000元")
    (folder / "2028-01-01-rates.toml").write_text(
        'title_zh = "关于调整奖励标准的决定"\nin_force = 2028-01-01\n'
        f'[[changes]]\nclause = "c13-2"\naction = "replace"\nzh = "{text}"\n', encoding="utf-8")
    return folder


def _rates(day):
    outlets = calculators.schema("rewards", day)["fields"][0]["items"]["fields"][0]
    return [group["lead"]["zh"] for group in outlets["display"]["groups"]]


def _personal_leave(day):
    reasons = {o["name"]: o for o in calculators.schema("annual_leave", day)["outputs"]}["reasons"]
    return reasons["display"]["labels"]["personal_leave"]


def test_the_form_shows_the_rates_and_days_in_force_on_the_schemas_day(use_amendments, tmp_path):
    use_amendments(_amend_rates_and_leave(tmp_path))
    assert _rates(date(2027, 12, 31))[-1] == "每篇2000元"
    assert _rates(date(2028, 1, 1))[-1] == "每篇3000元"
    # The personal leave that cancels annual leave is the national regulation's
    # figure (rules.toml `source`): no decision of the Office changes it.
    assert _personal_leave(date(2027, 12, 31)) == _personal_leave(date(2028, 1, 1))
    assert _personal_leave(date(2028, 1, 1))["zh"].startswith("事假累计20天")
    # The answers agree with the form of their day.
    article = {"articles": [{"outlets": ["国家级刊物"]}]}
    assert calculators.run("rewards", {**article, "date": "2028-01-01"})["total"] == 3000
    assert calculators.run("rewards", {**article, "date": "2027-12-31"})["total"] == 2000


def test_the_schema_defaults_to_the_rules_of_today(use_amendments, tmp_path, monkeypatch):
    use_amendments(_amend_rates_and_leave(tmp_path))
    monkeypatch.setattr(_dated, "today", lambda: date(2028, 1, 1))
    assert _rates(None)[-1] == "每篇3000元"
    described = {spec["name"]: spec for spec in calculators.describe()["calculators"]}
    outlets = described["rewards"]["fields"][0]["items"]["fields"][0]
    assert outlets["display"]["groups"][-1]["lead"]["zh"] == "每篇3000元"


def test_the_calendar_titles_and_ics_quote_the_rules_in_force(use_amendments):
    use_amendments()
    def titles(day):
        counts = {o["name"]: o for o in calculators.schema("meeting_calendar", day)["outputs"]}
        return counts["counts"]["display"]["labels"]["central_group_study"]
    assert "3" in titles(date(2027, 6, 30))["zh"] and "5" not in titles(date(2027, 6, 30))["zh"]
    assert "5" in titles(date(2027, 7, 1))["zh"] and "5 days" in titles(date(2027, 7, 1))["en"]
    # Each event quotes the text of its own day: 3 days to June, 5 from July.
    answer = calculators.run("meeting_calendar", {"year": 2027, "date": "2026-12-07", "ics": True})
    for lang, old, new in (("zh", "不少于3天", "不少于5天"), ("en", "at least 3 days", "at least 5 days")):
        events = calculators.to_ics(answer, lang).replace("\r\n ", "").split("BEGIN:VEVENT")
        study = [e for e in events if "central_group_study@" in e]
        assert [old in e for e in study] == [True, True, False, False], lang
        assert [new in e for e in study] == [False, False, True, True], lang


@pytest.mark.parametrize("value,code", [
    ("2027-02-30", "date"), ("2027/01/01", "format"), ("2027-1-1", "format"),
    ("1899-12-31", "range"), (20270101, "type"), ("", "format"), (True, "type"),
])
def test_a_bad_date_is_a_field_error_in_both_languages(value, code):
    for name, inputs in VALID.items():
        result = calculators.run(name, {**inputs, "date": value})
        assert result["ok"] is False, name
        assert result["error"]["field"] == "date" and result["error"]["code"] == code
        assert "适用日期" in result["error"]["message_zh"]
        assert "Rules as of" in result["error"]["message_en"]


def test_the_dated_wording_is_data_in_full_width_chinese():
    # The wording is in the messages files (common.toml: the date input and the
    # shared notes; a calculator's own file: its event-date and calendar notes),
    # never in the code.
    assert "适用日期" not in (ROOT / "calculators" / "_messages.py").read_text(encoding="utf-8")
    common = (ROOT / "calculators" / "messages" / "common.toml").read_text(encoding="utf-8")
    assert "[fields.date]" in common and "[notes.dated.amended]" in common
    dated = {key: text for key, text in _messages.NOTES.items()
             if key.startswith("dated.") or ".dated." in key}
    assert set(dated) == {"dated.amended", "dated.inserted", "dated.repealed",
                          "expenditure.dated.event", "annual_leave.dated.event",
                          *(f"rewards.dated.{what}.{kind}" for what in ("articles", "months")
                            for kind in ("original", "amended", "repealed")),
                          "rewards.dated.midmonth"}
    texts = list(dated.items()) + [
        (f"{name}.date.hint", (hint["zh"], hint["en"])) for name in calculators.CALCULATORS
        for hint in [_messages.field_words(name, "date")["hint"]]] + [
        (f"amendment.{key}", _messages.words(None, f"amendment.{key}"))
        for key in _messages.table(None, "amendment")]
    for key, (zh, en) in texts:
        assert not re.search(r"[,;:()!?]", zh), (key, zh)  # full-width in Chinese
        if not key.startswith("amendment."):  # (an untitled amendment: its Chinese title)
            assert not re.search(r"[\u3400-\u9fff]", en), (key, en)


# --------------------------------------------------------------- command line

def cli(args, tz=None, amendments=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONIOENCODING", None)
    env.pop("HANDBOOK_AMENDMENTS", None)
    if tz:
        env["TZ"] = tz
    if amendments:
        env["HANDBOOK_AMENDMENTS"] = str(amendments)
    done = subprocess.run([sys.executable, "-m", "calculators", *args], cwd=ROOT, env=env,
                          capture_output=True, timeout=60)
    assert done.stderr == b"" and b"Traceback" not in done.stdout
    return done.returncode, json.loads(done.stdout.decode("utf-8"))


def test_the_cli_applies_the_date_given():
    for day, amount in (("2026-12-31", 800), ("2027-01-01", 1000)):
        code, answer = cli(["condolence", "--json", json.dumps(
            {"event": "hospitalization", "person": "self", "date": day})],
            amendments=FIXTURE_AMENDMENTS)
        assert code == 0 and answer["amount_min"] == amount and answer["as_of"] == day


def test_the_cli_defaults_to_the_machines_local_date_not_utc():
    # A time zone in which today is not the UTC date, whatever the time of day:
    # 14 hours ahead late in the UTC day, 12 hours behind early in it.
    utc = datetime.now(timezone.utc)
    hours = 14 if utc.hour >= 12 else -12
    tz = f"<{hours:+03d}>{-hours:+d}"        # POSIX: the sign is inverted
    before = (datetime.now(timezone.utc) + timedelta(hours=hours)).date()
    code, answer = cli(["quorum", "--json", '{"members": 5, "present": 4}'], tz=tz)
    after = (datetime.now(timezone.utc) + timedelta(hours=hours)).date()
    assert before != utc.date()  # the premise: the local date is not the UTC date
    assert code == 0
    assert answer["as_of"] in (before.isoformat(), after.isoformat())


def test_the_cli_refuses_a_bad_date_with_exit_2():
    code, answer = cli(["leave_approval", "--json", '{"days": 1, "date": "2027-13-01"}'])
    assert code == 2
    assert answer["error"]["field"] == "date" and answer["error"]["code"] == "date"
    assert "适用日期" in answer["error"]["message_zh"]


def test_the_cli_calendar_quotes_the_clauses_of_each_meetings_day():
    code, answer = cli(["meeting_calendar", "--json", '{"year": 2027, "date": "2027-07-01"}'],
                       amendments=FIXTURE_AMENDMENTS)
    assert code == 0
    env = dict(os.environ, PYTHONPATH=str(ROOT), HANDBOOK_AMENDMENTS=str(FIXTURE_AMENDMENTS))
    done = subprocess.run([sys.executable, "-m", "calculators", "meeting_calendar", "--json",
                           '{"year": 2027, "date": "2026-12-07"}', "--ics"], cwd=ROOT, env=env,
                          capture_output=True, timeout=60)
    ics = done.stdout.decode("utf-8").replace("\r\n ", "")
    assert ics.count("每次时间不少于5天") == 2 and ics.count("每次时间不少于3天") == 2
    assert "第一周、第三周" in ics and "第二周、第四周" not in ics
