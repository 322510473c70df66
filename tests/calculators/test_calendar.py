"""The week definition and the iCalendar text, checked with a real parser."""

from datetime import date

import icalendar
import pytest

import calculators
from calculators.ics import escape_text, fold
from calculators.meetings import nth_week_monday


@pytest.mark.parametrize("year,month,week,monday", [
    (2027, 2, 1, date(2027, 2, 1)),    # the month starts on a Monday
    (2027, 2, 2, date(2027, 2, 8)),
    (2027, 6, 2, date(2027, 6, 14)),   # starts on a Tuesday: the 1st-6th end May's last week
    (2027, 6, 4, date(2027, 6, 28)),
    (2027, 8, 2, date(2027, 8, 9)),    # starts on a Sunday: the 1st is not a week of its own
    (2027, 8, 4, date(2027, 8, 23)),
    (2026, 2, 4, date(2026, 2, 23)),   # a February of exactly four Mondays
    (2028, 2, 4, date(2028, 2, 28)),   # leap February
], ids=[
    "a month starting on Monday begins its first week on the 1st",
    "a month starting on Monday begins its second week on the 8th",
    "a month starting on Tuesday begins its second week on the 14th",
    "a month starting on Tuesday begins its fourth week on the 28th",
    "a month starting on Sunday begins its second week on the 9th",
    "a month starting on Sunday begins its fourth week on the 23rd",
    "February 2026 begins its fourth week on the 23rd",
    "leap February 2028 begins its fourth week on the 28th",
])
def test_the_nth_week_begins_on_the_nth_monday(year, month, week, monday):
    assert nth_week_monday(year, month, week) == monday


def test_second_and_fourth_weeks_always_begin_inside_the_month_two_weeks_apart():
    for year in range(2000, 2040):
        for month in range(1, 13):
            second, fourth = nth_week_monday(year, month, 2), nth_week_monday(year, month, 4)
            assert second.month == fourth.month == month
            assert (fourth - second).days == 14


@pytest.fixture(scope="module")
def ics_2027():
    result = calculators.run("meeting_calendar", {"year": 2027, "ics": True})
    assert result["ok"]
    return result


def test_the_ics_parses_with_icalendar(ics_2027):
    calendar = icalendar.Calendar.from_ical(ics_2027["ics"])
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 45
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == 45
    by_start = {event.decoded("DTSTART"): event for event in events}
    # 8 Feb 2027 is 正月初三, a holiday by law (国务院令第795号), and 9-10 Feb the
    # working days off owed for 6-7 Feb, a Saturday and a Sunday (art. 6): moved to the 11th.
    assert not {date(2027, 2, 8), date(2027, 2, 9), date(2027, 2, 10)} & set(by_start)
    office = by_start[date(2027, 2, 11)]
    assert str(office["SUMMARY"]) == "主任办公会"
    assert office.decoded("DTEND") == date(2027, 2, 12)
    study = by_start[date(2027, 3, 10)]
    assert study.decoded("DTEND") == date(2027, 3, 13)       # exclusive end: 3 days
    assert "不少于3天" in str(study["SUMMARY"])
    assert "c9-1-2" in str(study["DESCRIPTION"])
    assert "中心组每季度开展一次学习研讨活动,每次时间不少于3天" in str(study["DESCRIPTION"])
    for event in events:
        assert isinstance(event.decoded("DTSTART"), date)
        assert "DTSTAMP" in event


def test_the_ics_keeps_rfc5545_line_rules(ics_2027):
    text = ics_2027["ics"]
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert "DTSTART;VALUE=DATE:20270211\r\n" in text


def test_the_english_ics_uses_english_titles():
    result = calculators.run("meeting_calendar", {"year": 2027})
    text = calculators.to_ics(result, lang="en")
    calendar = icalendar.Calendar.from_ical(text)
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert "Director's Office Meeting" in summaries


def test_the_ics_is_the_same_on_every_run():
    first = calculators.run("meeting_calendar", {"year": 2030, "ics": True})["ics"]
    assert first == calculators.run("meeting_calendar", {"year": 2030, "ics": True})["ics"]


def test_folding_never_splits_a_chinese_character():
    line = "DESCRIPTION:" + "会议应有四分之三以上的成员到会方能举行" * 10
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join([parts[0]] + [part[1:] for part in parts[1:]]) == line


def test_text_values_are_escaped():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def _events(year, lang, reading="calendar_row"):
    result = calculators.run("meeting_calendar", {"year": year, "week_reading": reading})
    calendar = icalendar.Calendar.from_ical(calculators.to_ics(result, lang=lang))
    return {str(e["DTSTART"].to_ical().decode()): str(e["DESCRIPTION"])
            for e in calendar.walk("VEVENT")}


def test_the_ics_says_when_a_date_was_moved_off_a_holiday():
    zh, en = _events(2026, "zh"), _events(2026, "en")
    # The week-4 office meeting of February 2026 fell in the Spring Festival.
    assert "2026-02-16" in zh["20260224"] and "春节" in zh["20260224"]
    assert "Spring Festival" in en["20260224"] and "moved" in en["20260224"]
    assert "已核对法定节假日" in zh["20260302"]


def test_the_ics_says_when_holidays_are_not_known():
    zh, en = _events(2027, "zh"), _events(2027, "en")
    assert all("国务院办公厅" in text for text in zh.values())
    assert all("not in this tool's data" in text for text in en.values())
    assert all("调休不在本工具的数据中" in text for text in zh.values())
    assert all("补假" in text for text in zh.values())
