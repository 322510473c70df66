"""Holiday-aware answers, scanned class by class over every year the data cover.

* the law's holidays (_statutory, from the lunar calendar and the solar terms)
  against chinese_calendar's yearly notices, for every year both cover;
* expenditure: every spending day of every covered year: the last working day
  is a working day (make-up days included), the latest one, and the day-off flag
  agrees with the notice; past the notices, no law-fixed holiday is taken for a
  working day;
* meeting_calendar: every year, both week readings: no day of any meeting (a
  multi-day session's every day) is a day off unless the entry is flagged.
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
READINGS = ("calendar_row", "nth_monday")


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


def test_expenditure_past_the_notices_never_takes_a_law_holiday_for_a_working_day():
    for year in (2027, 2028, 2031, 2050, 2099):
        day = date(year, 1, 1)
        while day.year == year:
            result = calculators.run("expenditure", {"amount": 100, "spent_on": day.isoformat()})
            deadline = date.fromisoformat(result["reimburse_by"])
            assert result["adjustments_known"] is (deadline.year <= _holidays.LAST_YEAR
                                                    and day.year <= _holidays.LAST_YEAR)
            off = deadline.weekday() >= 5 or _statutory.holiday(deadline) is not None
            if deadline.year <= _statutory.LAST_YEAR:
                assert result["deadline_day_off"] is off, day
                working = date.fromisoformat(result["last_working_day"])
                assert working.weekday() < 5 and _statutory.holiday(working) is None, day
                assert working <= deadline
                assert all(d.weekday() >= 5 or _statutory.holiday(d)
                           for d in (working + timedelta(days=i)
                                     for i in range(1, (deadline - working).days + 1)))
            day += timedelta(days=7 if year not in (2027, 2028) else 1)


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
                assert day.weekday() < 5 and _statutory.holiday(day) is None, (day, meeting)
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
    days = 0
    for year in LAW_YEARS:
        result = calculators.run("meeting_calendar", {"year": year, "week_reading": reading})
        assert result["holidays_checked"] is False
        assert result["statutory_holidays_checked"] is True
        days += _check_calendar(result, by_notice=False)
    assert days > 73 * 50


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
