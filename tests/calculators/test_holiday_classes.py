"""Holiday-aware answers, scanned class by class over every year the data cover.

* the law's holidays (_statutory, from the lunar calendar and the solar terms)
  against chinese_calendar's yearly notices, for every year both cover;
* expenditure: every spending day of every covered year: the last working day
  is a working day (make-up days included), the latest one, and the day-off flag
  agrees with the notice; past the notices, no law-fixed holiday is taken for a
  working day;
* meeting_calendar: every year, both week readings: no day of any meeting (a
  multi-day session's every day) is a day off unless the entry is flagged.
* the compensatory days off the law owes (国务院令 art. 6: a holiday on a Saturday
  or Sunday is given back on a working day): in every year the law part covers
  (2000-2003, 2027-2099), both calculators take them as days off and say so.
"""

from datetime import date, timedelta

import chinese_calendar
import pytest

import calculators
from calculators import _holidays, _statutory

DATA_YEARS = range(_holidays.FIRST_YEAR, _holidays.LAST_YEAR + 1)
BOTH = [y for y in DATA_YEARS if _statutory.known(y)]
# Years past the notices whose law-fixed holidays are known (2027-2099).
LAW_YEARS = range(_holidays.LAST_YEAR + 1, _statutory.LAST_YEAR + 1)
# Years before the notices whose law-fixed holidays are known (2000-2003).
PAST_LAW_YEARS = range(_statutory.FIRST_YEAR, _holidays.FIRST_YEAR)
ALL_LAW_YEARS = [*PAST_LAW_YEARS, *LAW_YEARS]
READINGS = ("calendar_row", "nth_monday")


def _owed(year):
    """{day: holiday} of the working days off the law owes for the year's holidays
    on a Saturday or Sunday (art. 6 of each order), where the notices put them:
    the first weekdays after the holiday that are not holidays themselves. Worked
    out here from the law-fixed days alone, as an oracle for the calculators."""
    law = _statutory.holidays(year)
    runs = []
    for day in sorted(law):
        if runs and day == runs[-1][-1] + timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    owed = {}
    for run in runs:
        count, day = sum(d.weekday() >= 5 for d in run), run[-1]
        while count:
            day += timedelta(days=1)
            if day.weekday() < 5 and day not in law and day not in owed:
                owed[day], count = law[run[0]], count - 1
    return owed


# The two days of 2004-2026 on which the notices did not give back a weekend
# holiday: 2012's Dragon Boat Festival (Sat 23 June) was given back on Friday 22
# June, before it; 2015's Mid-Autumn Festival (Sun 27 September) within the
# National Day week.
NOTICES_ELSEWHERE = {date(2012, 6, 25), date(2015, 9, 28)}


def test_the_years_covered():
    assert (DATA_YEARS.start, DATA_YEARS.stop - 1) == (2004, 2026)
    assert BOTH == list(DATA_YEARS)
    assert (LAW_YEARS.start, LAW_YEARS.stop - 1) == (2027, 2099)


def test_every_day_the_law_fixes_is_a_holiday_in_every_yearly_notice():
    """For each year both cover: each law-fixed day is a day off in the notice,
    under that holiday's name (or another holiday's, where two fall on one day:
    2009's Mid-Autumn on 3 October), and each holiday the law names for the year
    is in the notice."""
    checked = 0
    for year in BOTH:
        law = _statutory.holidays(year)
        names = {}
        for day, key in law.items():
            off, name = chinese_calendar.get_holiday_detail(day)
            assert off, (day, key)
            names.setdefault(key, set()).add(name)
            checked += 1
        for key, found in names.items():
            assert key in found or None in found or len(found & set(law.values())) > 0, (year, key)
        # Every holiday of the notice's names that the order of the year fixes.
        notice = {Holiday for Holiday in
                  (chinese_calendar.get_holiday_detail(d)[1] for d in
                   (date(year, 1, 1) + timedelta(days=i) for i in range(366))
                   if d.year == year)} - {None}
        assert set(law.values()) <= notice | {None}, year
    assert checked >= 250


def test_the_owed_days_off_are_where_the_notices_put_them():
    """Worked out as if no notice were known, the owed days are days off in the
    notice of every year 2004-2026 but two; and the calculators' days are the
    oracle's in every year the law part covers."""
    elsewhere, owed_days = set(), 0
    for year in BOTH:
        owed = _owed(year)
        assert _statutory.compensatory_days(year) == owed, year
        for day in owed:
            owed_days += 1
            if _working(day):
                elsewhere.add(day)
    assert elsewhere == NOTICES_ELSEWHERE
    assert owed_days > 60
    for year in ALL_LAW_YEARS:
        assert _statutory.compensatory_days(year) == _owed(year), year
    assert _owed(2027) == {date(2027, 2, 9): _statutory.SPRING, date(2027, 2, 10): _statutory.SPRING,
                           date(2027, 5, 3): _statutory.LABOUR, date(2027, 5, 4): _statutory.LABOUR,
                           date(2027, 10, 4): _statutory.NATIONAL,
                           date(2027, 10, 5): _statutory.NATIONAL}


def test_the_spring_festival_is_new_year_of_the_lunar_calendar_every_year():
    """正月初一 from borax is in the notice's Spring Festival block every year."""
    for year in BOTH:
        first = next(d for d, k in _statutory.holidays(year).items()
                     if k == _statutory.SPRING and (d - timedelta(days=1)) not in
                     {x for x, y in _statutory.holidays(year).items() if y == k and x < d})
        assert chinese_calendar.get_holiday_detail(first)[1] == "Spring Festival", year


def _working(day):
    return chinese_calendar.is_workday(day)


def test_expenditure_every_spending_day_of_every_covered_year():
    """2004-01-01 .. the last spending day whose deadline the notices cover."""
    day, last = date(DATA_YEARS.start, 1, 1), date(DATA_YEARS.stop - 1, 12, 31)
    days = rule_days = 0
    while True:
        result = calculators.run("expenditure", {"amount": 100, "spent_on": day.isoformat(),
                                                 "date": day.isoformat()})
        deadline = date.fromisoformat(result["reimburse_by"])
        if deadline > last:
            break
        assert result["deadline_day_off"] is (not _working(deadline)), day
        assert result["adjustments_known"] is True
        working = date.fromisoformat(result["last_working_day"])
        assert day <= working <= deadline and _working(working), (day, working)
        # ... and the latest working day up to the deadline.
        assert not any(_working(working + timedelta(days=i))
                       for i in range(1, (deadline - working).days + 1)), (day, working)
        if not _working(deadline) and deadline.weekday() < 5 or working.weekday() >= 5:
            rule_days += 1
        days += 1
        day += timedelta(days=1)
    assert days > 8000
    assert rule_days > 100   # holidays and make-up days were met, not only weekends


def _law_day_off(day):
    return day.weekday() >= 5 or _statutory.holiday(day) is not None or day in _owed(day.year)


def test_expenditure_past_the_notices_never_takes_a_law_holiday_for_a_working_day():
    for year in (2000, 2003, 2027, 2028, 2031, 2050, 2099):
        day = date(year, 1, 1)
        while day.year == year:
            result = calculators.run("expenditure", {"amount": 100, "spent_on": day.isoformat()})
            deadline = date.fromisoformat(result["reimburse_by"])
            if deadline.year <= _statutory.LAST_YEAR:
                assert result["deadline_day_off"] is _law_day_off(deadline), day
                working = date.fromisoformat(result["last_working_day"])
                assert result["adjustments_known"] is (_holidays.known(deadline.year)
                                                        and _holidays.known(working.year)), day
                assert not _law_day_off(working), day
                assert working <= deadline
                assert all(_law_day_off(d) for d in (working + timedelta(days=i)
                                                     for i in range(1, (deadline - working).days + 1)))
            day += timedelta(days=7 if year not in (2003, 2027, 2028) else 1)


def test_expenditure_takes_every_owed_day_off_as_a_day_off_and_says_so():
    """Every year the law part covers: every deadline within three days of an owed
    day off. On it, the deadline is a day off; the last working day is never one;
    and an owed day at or before the deadline that the answer passes over is named."""
    checked = named = 0
    for year in ALL_LAW_YEARS:
        for owed in _owed(year):
            for shift in range(-3, 4):
                spent_on = owed + timedelta(days=shift) - timedelta(days=14)
                result = calculators.run("expenditure", {"amount": 100,
                                                         "spent_on": spent_on.isoformat()})
                deadline = date.fromisoformat(result["reimburse_by"])
                if result["last_working_day"] is None:     # it would lie before 2000
                    assert not _statutory.known(spent_on.year), spent_on
                    continue
                working = date.fromisoformat(result["last_working_day"])
                assert result["deadline_day_off"] is _law_day_off(deadline), spent_on
                assert not _law_day_off(working), spent_on
                assert all(_law_day_off(working + timedelta(days=i))
                           for i in range(1, (deadline - working).days + 1)), spent_on
                checked += 1
                if working < owed <= deadline:
                    for lang, word in (("zh", "补假"), ("en", "compensatory day")):
                        assert word in result[f"explanation_{lang}"], (spent_on, lang)
                    if owed == deadline:
                        assert "补假" in result["answer_zh"], result["answer_zh"]
                        assert "compensatory day off" in result["answer_en"]
                    named += 1
    assert checked > 1800 and named > 300, (checked, named)


def _check_calendar(result, by_notice):
    checked = 0
    for meeting in result["meetings"]:
        days = [date.fromisoformat(d) for d in meeting["days"]]
        first = date.fromisoformat(meeting.get("date") or meeting["start"])
        last = date.fromisoformat(meeting.get("date") or meeting["end"])
        assert (days[0], days[-1]) == (first, last)
        if meeting["holiday_check"] == "split":
            continue        # flagged: never marked as checked
        # A session's days are consecutive: no day off lies inside it.
        assert days == [first + timedelta(days=i) for i in range(len(days))], meeting
        for day in days:
            if by_notice:
                assert _working(day), (day, meeting["kind"])
            else:
                assert not _law_day_off(day), (day, meeting)
            checked += 1
        if by_notice:
            assert meeting["holiday_check"] in ("clear", "moved")
            assert meeting["checked_against"] == "notice"
        else:
            assert meeting["holiday_check"] == "unknown"
            assert meeting["checked_against"] == "law"
    return checked


@pytest.mark.parametrize("reading", READINGS)
def test_meeting_calendar_every_covered_year_no_day_off_in_any_meeting(reading):
    days = 0
    for year in DATA_YEARS:
        result = calculators.run("meeting_calendar", {"year": year, "week_reading": reading,
                                                      "ics": True})
        assert result["holidays_checked"] is True
        days += _check_calendar(result, by_notice=True)
        _check_ics(result)
    assert days > 23 * 50


@pytest.mark.parametrize("reading", READINGS)
def test_meeting_calendar_past_the_notices_avoids_the_law_fixed_holidays(reading):
    """2000-2003 and 2027-2099: no meeting on a law-fixed holiday, a weekend or an
    owed day off; a meeting moved off an owed day says so, in the answer and the .ics."""
    days = flagged = 0
    for year in ALL_LAW_YEARS:
        result = calculators.run("meeting_calendar", {"year": year, "week_reading": reading,
                                                      "ics": True})
        assert result["holidays_checked"] is False
        assert result["statutory_holidays_checked"] is True
        days += _check_calendar(result, by_notice=False)
        owed = _owed(year)
        # The answer names the year's owed days.
        for day in owed:
            assert day.isoformat() in result["explanation_zh"], (year, day)
        for meeting in result["meetings"]:
            proposed = meeting.get("moved_from")
            if proposed and date.fromisoformat(proposed) in owed:
                assert "补假" in meeting["note_zh"], meeting
                assert "compensatory day off" in meeting["note_en"], meeting
                assert "补假" in _unfolded(result["ics"]), year
                flagged += 1
    assert days > 77 * 50
    assert flagged > 25, flagged


def _unfolded(ics: str) -> str:
    return ics.replace("\r\n ", "").replace("\\;", ";").replace("\\,", ",")


def _check_ics(result):
    """No all-day event of the .ics covers a day off."""
    events = [line for line in result["ics"].split("\r\n")
              if line.startswith(("DTSTART;", "DTEND;"))]
    starts = [date.fromisoformat(f"{v[-8:-4]}-{v[-4:-2]}-{v[-2:]}") for v in events[::2]]
    ends = [date.fromisoformat(f"{v[-8:-4]}-{v[-4:-2]}-{v[-2:]}") for v in events[1::2]]
    for start, end in zip(starts, ends):
        day = start
        while day < end:
            assert _working(day), day
            day += timedelta(days=1)


@pytest.mark.parametrize("reading", READINGS)
def test_meeting_calendar_says_which_day_moved_a_meeting(reading):
    """Every year the holidays are known, both readings: a moved meeting names the
    day that stopped it, that day is what the note calls it (a holiday is a day
    off; a later day of a session is not passed off as the first), and every
    working day on the way that another meeting holds is named too."""
    from calculators import _wording
    moved = inside = skipped = 0
    for year in [*DATA_YEARS, *ALL_LAW_YEARS]:
        result = calculators.run("meeting_calendar", {"year": year, "week_reading": reading})
        held = {}
        for meeting in result["meetings"]:
            for day in meeting["days"]:
                held[day] = meeting
        for meeting in result["meetings"]:
            if "moved_from" not in meeting:
                continue
            moved += 1
            proposed = date.fromisoformat(meeting["moved_from"])
            blocked = date.fromisoformat(meeting["blocked_day"])
            count = len(meeting["days"])
            assert proposed <= blocked < proposed + timedelta(days=count), meeting
            zh, en = meeting["note_zh"], meeting["note_en"]
            if meeting["moved_because"] in ("holiday", "compensatory"):
                assert _holidays.is_working_day(blocked) is False, meeting
                name = _wording._holiday(meeting["holiday"], "zh")
                assert name in zh, meeting
                found = (_holidays.holiday_key(blocked) or _holidays.compensatory(blocked))
                assert found == meeting["holiday"], meeting
            elif meeting["moved_because"] == "meeting":
                assert held.get(blocked.isoformat()) not in (None, meeting), meeting
            if blocked == proposed:
                assert zh.startswith(f"原建议日期 {proposed.isoformat()} "), zh
            else:
                assert f"会包含 {blocked.isoformat()}" in zh and "would have included" in en
                assert f"原建议日期 {proposed.isoformat()} 是" not in zh, zh
                inside += 1
            first = date.fromisoformat(meeting["days"][0])
            for i in range((first - proposed).days):
                day = proposed + timedelta(days=i)
                other = held.get(day.isoformat())
                if day != blocked and other not in (None, meeting) and _holidays.is_working_day(day):
                    assert day.isoformat() in zh and day.isoformat() in en, (day, meeting)
                    skipped += 1
    assert moved > 100 and inside >= 5 and skipped >= 10, (moved, inside, skipped)
