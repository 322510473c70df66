"""meeting_calendar across amendments, as classes (the clerk review's S4).

Each meeting is planned under the rules in force on its own day, whatever the
answer's `date`; it falls inside its year, its month (an office meeting: the days
of its week inside the month) and the window of the version that requires it;
the explanation's counts, weeks and months, and the .ics, describe the dates
actually proposed. Scanned over every pair of weeks c1-3 may name (1..4), every
count c6-1 and c5-1 may state (rules.toml bounds: 1..12, each count to each
other count within a year), both week readings, years with and without the
holiday notice, leap years, and amendments taking effect in the middle of a
year, a month and a week. The amendments are written into scratch folders
(HANDBOOK_AMENDMENTS, never source/amendments).
"""

import re
from datetime import date, timedelta
from itertools import product

import pytest

import calculators
from calculators import _amendments, _data, _holidays
from calculators.meetings import nth_week_monday
from conftest import FIXTURE_AMENDMENTS

READINGS = ("calendar_row", "nth_monday")
CN = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九",
      10: "十", 11: "十一", 12: "十二"}
WEEK_CN = {1: "一", 2: "二", 3: "三", 4: "四"}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
YEARLY = {"party_member_meeting": "c6-1", "democratic_life_meeting": "c5-1"}


# ------------------------------------------------------------------ the fixtures

def decision(folder, in_force: date, slug: str, weeks=None, party=None, life=None, study=None,
             repeal=()):
    """One amendment file: c1-3's weeks, c6-1's and c5-1's counts, c9-1-2's days."""
    changes = []
    if weeks:
        changes.append(("c1-3", f"3.主任办公会一般在每月的第{WEEK_CN[weeks[0]]}周、"
                                f"第{WEEK_CN[weeks[1]]}周召开两次,特殊情况可另行安排。"))
    if party:   # digits, as the original writes 4次
        changes.append(("c6-1", f"1.党员组织生活会一般每年召开{party}次。"))
    if life:    # Chinese numerals, as the original writes 一次
        changes.append(("c5-1", f"1.办领导班子民主生活会每年召开{CN[life]}次,根据需要,也可增加次数。"
                                "班子成员要积极参加机关党支部民主生活会,坚持过“双重”组织生活,自觉接受党内监督。"))
    if study:
        changes.append(("c9-1-2", f"②中心组每季度开展一次学习研讨活动,每次时间不少于{study}天,"
                                  "学习内容和议题由综合股作出计划、安排。"))
    body = "".join(f'\n[[changes]]\nclause = "{c}"\naction = "replace"\nzh = "{zh}"\n'
                   for c, zh in changes)
    body += "".join(f'\n[[changes]]\nclause = "{c}"\naction = "repeal"\n' for c in repeal)
    (folder / f"{in_force.isoformat()}-{slug}.toml").write_text(
        f'title_zh = "关于调整会议制度的决定（{slug}）"\nnumber = "永编办发〔{in_force.year}〕{slug}号"\n'
        f"in_force = {in_force.isoformat()}\n{body}", encoding="utf-8")


def calendar(year, reading, day="2026-12-07"):
    result = calculators.run("meeting_calendar", {"year": year, "week_reading": reading,
                                                  "ics": True, "date": day})
    assert result["ok"], result
    return result


# ------------------------------------------------------------------ the checks

def _first(m):
    return date.fromisoformat(m["days"][0])


def _suggested(m):
    """The day the rules (or the handbook's suggestion) put it on, before any move."""
    return date.fromisoformat(m.get("moved_from") or m["days"][0])


def _named_month(m):
    """The month a suggestion names: that of its week's Monday (By Mondays, February's
    4th week may end in March; the meeting is then kept in February)."""
    day = _suggested(m)
    return (day - timedelta(days=day.weekday())).month


def _table(m):
    """The kind's rules in force on the meeting's first day."""
    return _data.rules_on(_first(m))["meeting_calendar"][m["kind"]]


def _week_of(day: date, reading: str) -> int:
    for n in range(1, 6):
        monday = nth_week_monday(day.year, day.month, n, reading)
        if monday <= day < monday + timedelta(days=7):
            return n
    raise AssertionError(day)


def _zh_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _en_date(day: date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def _unfold(ics: str) -> str:
    return ics.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")


def check(result, reading, tally):
    """Every class the review names, on one answer."""
    year = result["year"]
    zh, en = result["explanation_zh"], result["explanation_en"]
    by_kind = {}
    for m in result["meetings"]:
        by_kind.setdefault(m["kind"], []).append(m)
        days = [date.fromisoformat(d) for d in m["days"]]
        clause = m["clause"]
        # Inside its year, and planned under the version in force on its own day.
        assert all(d.year == year for d in days), m
        version = _amendments.clause_version(clause, days[0])
        assert m["clause_version"] == (version.isoformat() if version else None), m
        assert not _dated_repealed(clause, days[0]), m
        # Never before the version that requires it; all its days under that version.
        assert {_amendments.clause_version(clause, d) for d in days} == {version}, m
        table = _table(m)
        assert m["title_zh"] == calculators._wording.meeting_title(m["kind"], "zh", **table)
        if m["kind"] == "central_group_study":
            assert len(days) == table["min_days"], m
        start, end = (date.fromisoformat(m[k]) for k in ("period_start", "period_end"))
        if m.get("outside_period"):
            # Only when no free working day was left in its period (for its version),
            # and said so.
            assert "期间内没有可用的工作日" in m["note_zh"], m
            day = max(start, date.fromisoformat(m["clause_version"] or "1900-01-01"))
            while day <= end:
                assert not _holidays.is_working_day(day) or any(
                    day.isoformat() in other["days"] for other in result["meetings"]
                    if other is not m), (day, m)
                day += timedelta(days=1)
            tally["outside_period"] += 1
        else:
            assert start <= days[0] and days[-1] <= end, m
        if m["kind"] == "office_meeting":
            # One month: its week's days inside the month, the meeting too.
            assert start.month == end.month == days[0].month == days[-1].month, m
            if m.get("moved_because") != "not_in_force":
                assert _week_of(_suggested(m), reading) in table["weeks"], m
                assert _suggested(m).month == start.month, m
        tally["meetings"] += 1
        if m.get("moved_because") in ("not_in_force", "superseded"):
            tally[m["moved_because"]] = tally.get(m["moved_because"], 0) + 1
        if m["clause_version"]:
            tally["amended"] = tally.get("amended", 0) + 1
    # Counts: two office meetings a month, one study a quarter, one session a month.
    months = {}
    for m in by_kind.get("office_meeting", []):
        months[date.fromisoformat(m["period_start"]).month] = months.get(
            date.fromisoformat(m["period_start"]).month, 0) + 1
    assert months == {month: 2 for month in range(1, 13)}, months
    assert len(by_kind.get("collective_study", [])) == 12
    assert len(by_kind.get("central_group_study", [])) == 4
    assert result["counts"] == {k: len(v) for k, v in by_kind.items()} | {
        k: 0 for k in result["counts"] if k not in by_kind}
    for kind, clause in YEARLY.items():
        check_yearly(result, kind, clause, by_kind.get(kind, []), tally)
    check_office_wording(result, by_kind.get("office_meeting", []))
    check_ics(result)
    # The version note: every version the meetings were planned under is named.
    for m in result["meetings"]:
        if m["clause_version"]:
            assert "修改后的" in zh and "as amended by" in en
    tally["calendars"] += 1


def _dated_repealed(clause, day):
    from calculators import _dated
    return clause in _dated.repealed([clause], day)


def _windows(clause, year):
    """The days of `year` on which each version of `clause` is in force, in order."""
    day, out = date(year, 1, 1), []
    while day.year == year:
        version = _amendments.clause_version(clause, day)
        if not out or out[-1][0] != version:
            out.append((version, day, day))
        else:
            out[-1] = (version, out[-1][1], day)
        day += timedelta(days=1)
    return out


def check_yearly(result, kind, clause, meetings, tally):
    """N a year: evenly spread (share k of N ends in month 12k//N) under one version;
    across versions, none before its version, at least the count of the version in
    force at the year's end; the explanation lists the months actually proposed."""
    year = result["year"]
    windows = _windows(clause, year)
    for version, first, last in windows:
        inside = [m for m in meetings if first <= _first(m) <= last]
        table = _data.rules_on(first)["meeting_calendar"][kind]
        months = sorted(_named_month(m) for m in inside)
        assert all(_suggested(m).year == year for m in inside)
        if len(windows) == 1:
            n = table["per_year"]
            assert months == [12 * k // n for k in range(1, n + 1)], (kind, months)
        # Each meeting in the month its suggestion names.
        for m in inside:
            assert _first(m).month == _named_month(m), m
            if _suggested(m).month != _named_month(m):
                assert m["moved_because"] == "next_month" and "下个月" in m["note_zh"], m
                tally["next_month"] = tally.get("next_month", 0) + 1
        if not inside:
            continue
        # The sentence for this window names exactly these months, and the count.
        zh_span = en_span = ""
        if len(windows) > 1:
            zh_span = f"（{_zh_date(first)}至{_zh_date(last)}）"
            en_span = f" ({_en_date(first)} to {_en_date(last)})"
        zh_sentence = re.search(rf"{clause}{re.escape(zh_span)}：“[^”]*”。([^。]*)。",
                                result["explanation_zh"])
        assert zh_sentence, (kind, zh_span, result["explanation_zh"])
        detail = zh_sentence.group(1)
        assert f"每年 {table['per_year']} 次" in detail, detail
        assert re.search(r"安排在((?:\d+月、)*\d+月)第", detail).group(1) == "、".join(
            f"{m}月" for m in months), (detail, months)
        en_sentence = next((found for found in re.finditer(
            rf"{clause}{re.escape(en_span)}: ([^.]*)\.", result["explanation_en"])
            if "suggested" in found.group(1)), None)
        assert en_sentence, (kind, en_span, result["explanation_en"])
        named = [name for name in MONTHS_EN
                 if name in en_sentence.group(1).split("suggested", 1)[1]]
        assert named == [MONTHS_EN[m - 1] for m in months], (en_sentence.group(0), months)
        tally["yearly_windows"] += 1
    # The count of the version in force at the year's end is met, or every month
    # left after its day holds one (a count larger than the months left).
    last_version, first, _ = windows[-1]
    table = _data.rules_on(first)["meeting_calendar"][kind]
    if not _dated_repealed(clause, first) and len(meetings) < table["per_year"]:
        held = {_first(m).month for m in meetings if _first(m) >= first}
        assert held >= set(range(first.month + 1, 13)), (kind, len(meetings), table)
        span = f"（{_zh_date(first)}至{_zh_date(windows[-1][2])}）" if len(windows) > 1 else ""
        said = re.search(rf"{clause}{re.escape(span)}：“[^”]*”。([^。]*)。", result["explanation_zh"])
        assert said and "请另行安排" in said.group(1), (span, result["explanation_zh"])
        tally["short_years"] = tally.get("short_years", 0) + 1


def check_office_wording(result, meetings):
    """The weeks named in each sentence are the weeks of the meetings it covers, and no
    sentence names weeks that no version in force that year names."""
    year = result["year"]
    weeks_in_force = set()
    for version, first, last in _windows("c1-3", year):
        weeks = _data.rules_on(first)["meeting_calendar"]["office_meeting"]["weeks"]
        weeks_in_force.add(tuple(weeks))
        zh_weeks = "、".join(str(w) for w in weeks)
        assert f"每月第 {zh_weeks} 周" in result["explanation_zh"], (weeks, result["explanation_zh"])
    if (2, 4) not in weeks_in_force:
        for text in (result["explanation_zh"], _unfold(result["ics"]),
                     *(m["note_zh"] for m in meetings)):
            assert "第二周、第四周" not in text and "2、4 周" not in text, text
        assert "2nd and 4th" not in result["explanation_en"]


def check_ics(result):
    """One event per run of days, titled and described by the meeting's own version."""
    text = _unfold(result["ics"])
    events = text.split("BEGIN:VEVENT")[1:]
    runs = 0
    for m in result["meetings"]:
        table = _table(m)
        first = m["days"][0].replace("-", "")
        event = next(e for e in events if f"DTSTART;VALUE=DATE:{first}" in e
                     and f"-{m['kind']}@" in e)
        assert f"SUMMARY:{m['title_zh']}" in event
        assert table["text"] in event, (table["text"], event)
        runs += 1
    assert len(events) >= runs


# ------------------------------------------------------------------ the scans

def test_the_reviewed_decisions_plan_each_meeting_under_its_own_day(use_amendments):
    """tests/data/amendments: c1-3 weeks 1 and 3 and c6-1 6 times from 2027-01-01, c5-1
    twice from 2027-04-01, c9-1-2 5 days from 2027-07-01; asked on 2026-12-07."""
    use_amendments(FIXTURE_AMENDMENTS)
    tally = {"meetings": 0, "calendars": 0, "outside_period": 0, "yearly_windows": 0}
    for year, reading in product((2026, 2027, 2028), READINGS):
        result = calendar(year, reading)
        check(result, reading, tally)
    row = calendar(2027, "calendar_row")
    office = [m for m in row["meetings"] if m["kind"] == "office_meeting"]
    assert all(m["days"][0] >= "2027-01-01" for m in office)
    assert "2026-12-28" not in {d for m in office for d in m["days"]}
    party = [m for m in row["meetings"] if m["kind"] == "party_member_meeting"]
    assert [_suggested(m).month for m in party] == [2, 4, 6, 8, 10, 12]
    life = [_suggested(m).isoformat() for m in row["meetings"]
            if m["kind"] == "democratic_life_meeting"]
    assert life == ["2027-06-16", "2027-12-15"]
    study = [m for m in row["meetings"] if m["kind"] == "central_group_study"]
    assert [len(m["days"]) for m in study] == [3, 3, 5, 5]
    assert "全年6次，建议安排在每季度最后一个月第四周" not in row["explanation_zh"]
    assert "12 月第三周" not in row["explanation_zh"]
    # The rules of the answer's date no longer decide the year: the same meetings
    # whatever day it is asked on.
    later = calendar(2027, "calendar_row", day="2027-12-31")
    assert later["meetings"] == row["meetings"] and later["ics"] == row["ics"]
    assert tally["calendars"] == 6
    print("fixture", tally)


def _pairs():
    return [(a, b) for a in range(1, 5) for b in range(1, 5)]


# In-force dates inside a year, a month and a week, in years with the holiday notice
# (2020, 2024 leap), the last year it covers (2026), law-only years (2027, 2029,
# 2031) and law-only leap years (2028, 2032).
IN_FORCE = [date(2020, 5, 13), date(2024, 2, 29), date(2026, 9, 16), date(2027, 5, 15),
            date(2028, 3, 22), date(2029, 7, 18), date(2031, 10, 9), date(2032, 1, 20)]


@pytest.mark.parametrize("index", range(16))
def test_every_pair_of_weeks_and_every_count_across_an_amendment(index, tmp_path, use_amendments):
    """Weeks (a, b) for every a, b in 1..4; c6-1 and c5-1 through every count 1..12;
    a second amendment later in the same year changes the counts again."""
    a, b = _pairs()[index]
    day = IN_FORCE[index % len(IN_FORCE)]
    party, life = index % 12 + 1, (index * 5 + 3) % 12 + 1
    decision(tmp_path, day, f"w{index}", weeks=(a, b), party=party, life=life,
             study=(index % 4) + 2)
    later = date(day.year, 11, 1 + index % 10)
    decision(tmp_path, later, f"n{index}", party=13 - party, life=13 - life)
    use_amendments(tmp_path)
    tally = {"meetings": 0, "calendars": 0, "outside_period": 0, "yearly_windows": 0}
    for year, reading in product((day.year, day.year + 1), READINGS):
        check(calendar(year, reading), reading, tally)
    assert tally["calendars"] == 4 and tally["meetings"] > 4 * 40
    print(index, tally)


@pytest.mark.parametrize("reading", READINGS)
def test_every_count_to_every_count_within_a_year(reading, tmp_path, use_amendments):
    """c6-1 from p to q and c5-1 from q to p, for every p, q in 1..12, on a day inside
    the year (the earlier count set by an amendment before the year)."""
    tally = {"meetings": 0, "calendars": 0, "outside_period": 0, "yearly_windows": 0}
    for p, q in product(range(1, 13), range(1, 13)):
        folder = tmp_path / f"{p}-{q}"
        folder.mkdir()
        year = 2027 + (p + q) % 6
        decision(folder, date(year - 1, 6, 1), "before", party=p, life=q)
        decision(folder, date(year, 1 + (p * q) % 12, 1 + (p + 2 * q) % 27), "inside",
                 party=q, life=p)
        use_amendments(folder)
        check(calendar(year, reading), reading, tally)
    assert tally["calendars"] == 144
    print("counts", reading, tally)
    assert tally["yearly_windows"] > 144 * 2


def test_a_meeting_is_never_planned_after_its_clause_is_repealed(tmp_path, use_amendments):
    decision(tmp_path, date(2027, 7, 14), "repeal", repeal=("c5-1", "c6-1", "c9-1-2"))
    use_amendments(tmp_path)
    for reading in READINGS:
        result = calendar(2027, reading)
        for m in result["meetings"]:
            if m["clause"] in ("c5-1", "c6-1", "c9-1-2"):
                assert m["days"][-1] < "2027-07-14", m
        kinds = {m["kind"] for m in result["meetings"]}
        assert "party_member_meeting" in kinds and "democratic_life_meeting" not in kinds
        assert "2027年7月14日" in result["explanation_zh"] and "废止" in result["explanation_zh"]
        later = calendar(2028, reading)
        assert {m["clause"] for m in later["meetings"]} == {"c1-3", "c9-2-4"}


def test_the_form_names_no_weeks_of_its_own(tmp_path, use_amendments):
    """The form's words on the week reading hold no weeks: the weeks are the rules'."""
    decision(tmp_path, date(2027, 1, 1), "weeks", weeks=(1, 3))
    use_amendments(tmp_path)
    for day in (date(2026, 12, 31), date(2027, 1, 1)):
        spec = calculators.schema("meeting_calendar", day)
        field = next(f for f in spec["fields"] if f["name"] == "week_reading")
        words = [field["label_zh"], field["label_en"]] + [
            text for labels in field["option_labels"].values() for text in labels.values()]
        for text in words:
            assert not re.search(r"第[二四]|[24](nd|th)|second|fourth", text), text


def test_a_transition_week_that_has_passed_is_said(tmp_path, use_amendments):
    """Weeks 2, 4 -> 1, 3 from Saturday 15 May 2027 (calendar rows): May's second
    meeting falls under the new text, whose 3rd week (10-16 May) has no working day
    left from the 15th: it goes to the first working day after, inside May, flagged."""
    decision(tmp_path, date(2027, 5, 15), "mid", weeks=(1, 3))
    use_amendments(tmp_path)
    result = calendar(2027, "calendar_row")
    may = [m for m in result["meetings"]
           if m["kind"] == "office_meeting" and m["period_start"][:7] == "2027-05"]
    # (3 May 2027 is a working day off owed for Labour Day on a Saturday.)
    assert [m["days"][0] for m in may] == ["2027-05-05", "2027-05-17"]
    assert may[0]["clause_version"] is None and may[1]["clause_version"] == "2027-05-15"
    assert may[1]["outside_period"] is True
    assert "2027-05-15" in may[1]["note_zh"] or "2027年5月15日" in may[1]["note_zh"]


def test_a_study_the_new_text_cannot_hold_in_its_quarter_is_held_earlier_under_the_old(
        tmp_path, use_amendments):
    """c9-1-2 from 3 to 4 days (and c1-3 to weeks 1 and 3) on Wednesday 16 September
    2026 (By Mondays): the old text's suggestion (16 September) falls under the new
    text, the new text's (Tuesday 15th) before it, and from the 16th no four free
    working days in a row are left in the quarter (the office meeting on the 21st,
    the Mid-Autumn Festival on the 25th): the Q3 study is held earlier, under the
    old text, inside Q3."""
    decision(tmp_path, date(2026, 9, 16), "study", weeks=(1, 3), study=4)
    use_amendments(tmp_path)
    result = calendar(2026, "nth_monday")
    q3 = next(m for m in result["meetings"] if m["kind"] == "central_group_study"
              and m["period_start"] == "2026-07-01")
    assert q3["moved_because"] == "superseded" and q3["clause_version"] is None
    assert len(q3["days"]) == 3 and q3["days"][-1] < "2026-09-16"
    assert q3["period_end"] == "2026-09-15" and "outside_period" not in q3
    assert "2026年9月16日" in q3["note_zh"] and "16 September 2026" in q3["note_en"]
    q4 = next(m for m in result["meetings"] if m["kind"] == "central_group_study"
              and m["period_start"] == "2026-10-01")
    assert len(q4["days"]) == 4 and q4["clause_version"] == "2026-09-16"
