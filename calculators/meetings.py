"""meeting_calendar: the meetings the rules require in a year.

"The n-th week of a month" (c1-3 第二周、第四周) has two readings, chosen with
the `week_reading` input:

* "calendar_row" (the default, how most staff read a wall calendar): week 1 is
  the Monday-to-Sunday row that holds the 1st of the month, week 2 the next
  row, and so on. Weeks 2 to 4 always lie wholly inside the month.
* "nth_monday": the week that begins on the month's n-th Monday. Every month
  has at least four Mondays, so these weeks always begin inside the month.

The office meeting is put on the first working day of its week. The other
clauses fix only how often a meeting happens (each quarter, each month, N times
a year); for those this module suggests a day and gives the period the clause
requires it in.

No proposed date silently falls on a day off: each date is checked against
China's statutory holidays (_holidays, from the `chinese_calendar` package). A
date that falls on a holiday is MOVED to the next free working day inside its
required period (else the next free working day after it), and the entry says
so (`moved_from`, `holiday`); the .ics says so too. For a year the holiday data
do not cover, nothing can be checked and every entry says so
(`holiday_check: "unknown"`).
"""

from datetime import date, timedelta

from . import _dated, _holidays
from ._answer import Answer, Calculator
from ._data import rule
from ._limits import MAX_YEAR, MIN_YEAR
from ._display import Output
from ._validate import Field
from ._wording import meeting_note, meeting_title
from .ics import to_ics

KINDS = ("office_meeting", "central_group_study", "party_member_meeting",
         "democratic_life_meeting", "collective_study")


def _table(kind: str) -> dict:
    """The kind's rules, as in force on the answer's date (read when it runs)."""
    return rule(f"meeting_calendar.{kind}")


WEEK_READINGS = ("calendar_row", "nth_monday")
CLAUSES = ("c1-3", "c9-1-2", "c6-1", "c5-1", "c9-2-4")

FIELDS = (
    Field("year", "integer", required=True, minimum=MIN_YEAR, maximum=MAX_YEAR),
    # The page always asks for the .ics, to offer it as a download, in the page's
    # language unless the reader picks the other.
    Field("ics", "boolean", default=False, display={"kind": "fixed", "value": True}),
    Field("lang", "option", default="zh", options=("zh", "en"), display={"kind": "page_language"}),
    Field("week_reading", "option", default="calendar_row", options=WEEK_READINGS),
)

MONDAY, WEDNESDAY, FRIDAY = 0, 2, 4
WEEK = timedelta(days=7)

# Suggested (week of the month, weekday) where the clause fixes no day. The
# quarterly study and the party-member meetings go in a quarter's last month.
SUGGESTED = {
    "central_group_study": (2, WEDNESDAY),      # Wed-Fri, the Monday holds the office meeting
    "collective_study": (3, FRIDAY),
    "democratic_life_meeting": (3, WEDNESDAY),
    "party_member_meeting": (4, WEDNESDAY),
}


def nth_week_monday(year: int, month: int, n: int, reading: str = "nth_monday") -> date:
    """The Monday that begins the month's n-th week (see the module docstring)."""
    first = date(year, month, 1)
    if reading == "calendar_row":
        row_monday = first - timedelta(days=first.weekday() - MONDAY)
        return row_monday + (n - 1) * WEEK
    first_monday = first + timedelta(days=(MONDAY - first.weekday()) % 7)
    return first_monday + (n - 1) * WEEK


def _suggested_day(kind: str, year: int, month: int, reading: str) -> date:
    week, weekday = SUGGESTED[kind]
    return nth_week_monday(year, month, week, reading) + timedelta(days=weekday)


def _working(day: date) -> bool:
    """A Monday-to-Friday working day; a weekday of a year without holiday data
    counts as one (the answer then says holidays were not checked)."""
    return _holidays.is_meeting_day(day) is not False


def _after_working_days(start: date, count: int) -> date:
    """The last of `count` working days (Mon-Fri, not a holiday) from start."""
    day, left = start, count - 1
    while left:
        day += timedelta(days=1)
        if _working(day):
            left -= 1
    return day


# The furthest a date is moved to get past a holiday (the longest holiday,
# Spring Festival or National Day with its weekends, is well inside it).
SEARCH_DAYS = 31


def _span(start: date, count: int) -> list:
    end = _after_working_days(start, count)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def place(start: date, count: int, period: tuple, taken: set):
    """(first day, last day, moved) for a meeting proposed on `start` taking
    `count` working days: the proposed day when it is a free working day, else
    the next free working day inside the period, else the next one after it."""
    candidates = [start + timedelta(days=i) for i in range(SEARCH_DAYS)]
    inside = [d for d in candidates if d <= period[1]]
    for day in inside + [d for d in candidates if d > period[1]]:
        if _working(day) and not taken.intersection(_span(day, count)):
            return day, _after_working_days(day, count), day != start
    return start, _after_working_days(start, count), False


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _entry(kind: str, proposed: date, period: tuple, taken: set) -> dict:
    """One meeting, placed clear of holidays and of the meetings already placed."""
    table = _table(kind)
    count = table.get("min_days", 1)
    first, last, moved = place(proposed, count, period, taken)
    taken.update(_span(first, count))
    entry = {"kind": kind, "clause": table["clause"]}
    if first == last:
        entry["date"] = first.isoformat()
    else:
        entry["start"], entry["end"] = first.isoformat(), last.isoformat()
    entry["period_start"], entry["period_end"] = (d.isoformat() for d in period)
    entry["title_zh"] = meeting_title(kind, "zh", **table)
    entry["title_en"] = meeting_title(kind, "en", **table)
    if not _holidays.known(first.year) or not _holidays.known(last.year):
        entry["holiday_check"] = "unknown"
    elif moved:
        holiday = _holidays.holiday_key(proposed)
        entry.update(holiday_check="moved", moved_from=proposed.isoformat(), holiday=holiday)
        if first > period[1]:
            entry["outside_period"] = True
    else:
        entry["holiday_check"] = "clear"
    entry["note_zh"] = meeting_note(entry, "zh")
    entry["note_en"] = meeting_note(entry, "en")
    return entry


# c1-3 主任办公会一般在每月的第二周、第四周召开两次,特殊情况可另行安排。
# On the first working day of the week; if the whole week is off (Spring
# Festival), on the first working day after it (特殊情况可另行安排).
def office_meetings(year: int, reading: str, taken: set) -> list:
    out = []
    for month in range(1, 13):
        for week in _table("office_meeting")["weeks"]:
            monday = nth_week_monday(year, month, week, reading)
            out.append(_entry("office_meeting", monday,
                              (monday, monday + WEEK - timedelta(days=1)), taken))
    return out


def _periods(year: int, every: str) -> list:
    """(first day, last day) of each month or quarter of the year."""
    span = {"month": 1, "quarter": 3}[every]
    return [(date(year, last - span + 1, 1), _month_end(year, last))
            for last in range(span, 13, span)]


# c9-1-2 中心组每季度开展一次学习研讨活动,每次时间不少于3天。
# c9-2-4 一般每个月组织一次集中学习。
# One per period, on the suggested day of the period's last month.
# 不少于3天 includes 3: the study takes min_days consecutive working days.
def periodic_meetings(kind: str, year: int, reading: str, taken: set) -> list:
    table = _table(kind)
    return [_entry(kind, _suggested_day(kind, year, period[1].month, reading), period, taken)
            for period in _periods(year, table["every"])]


# c6-1 党员组织生活会一般每年召开4次。
# c5-1 办领导班子民主生活会每年召开一次。
# N a year, spread evenly: month 12/N, 2*12/N, ... (4 -> Mar, Jun, Sep, Dec).
def yearly_meetings(kind: str, year: int, reading: str, taken: set) -> list:
    count = _table(kind)["per_year"]
    return [_entry(kind, _suggested_day(kind, year, 12 // count * k, reading),
                   (date(year, 1, 1), date(year, 12, 31)), taken)
            for k in range(1, count + 1)]


def meetings_for(year: int, reading: str = "calendar_row") -> list:
    taken: set = set()
    meetings = (office_meetings(year, reading, taken)
                + periodic_meetings("central_group_study", year, reading, taken)
                + yearly_meetings("party_member_meeting", year, reading, taken)
                + yearly_meetings("democratic_life_meeting", year, reading, taken)
                + periodic_meetings("collective_study", year, reading, taken))
    return sorted(meetings, key=lambda m: (m.get("date") or m["start"], KINDS.index(m["kind"])))


# The whole calendar follows the rules in force on the answer's date (`date`,
# default today). An amendment to a calendar clause that comes into force
# between that day and a day of the year (or within the year) puts some of the
# year's meetings under another version: the answer says so, amendment by
# amendment, rather than silently planning them under the wrong text.
def _versions_within(year: int, day: date, answer: Answer) -> None:
    low, high = min(day, date(year, 1, 1)), max(day, date(year, 12, 31))
    for amendment in _dated.changed_between(low, high, CLAUSES):
        answer.note("meeting_calendar.dated.calendar_year",
                    clauses=_dated.touched(amendment, CLAUSES), amendment=amendment.summary(),
                    in_force=amendment.in_force.isoformat(), rules_day=day.isoformat(),
                    year=year)


def _count_labels() -> dict:
    """Each kind's title, as the rules in force word it (the counts' labels)."""
    return {kind: (meeting_title(kind, "zh", **_table(kind)),
                   meeting_title(kind, "en", **_table(kind))) for kind in KINDS}


def compute(v: dict) -> Answer:
    year, reading = v["year"], v["week_reading"]
    meetings = meetings_for(year, reading)
    answer = Answer()
    known = _holidays.known(year)
    answer.set(year=year, meetings=meetings,
               counts={kind: sum(m["kind"] == kind for m in meetings) for kind in KINDS},
               week_reading=reading, holidays_checked=known)
    _versions_within(year, v["date"], answer)
    answer.note(f"meeting_calendar.week_definition.{reading}")
    for kind in KINDS:
        answer.note(f"meeting_calendar.{kind}", _table(kind)["clause"], **_table(kind))
    answer.note("meeting_calendar.suggested")
    moved = [m for m in meetings if m["holiday_check"] == "moved"]
    if not known:
        answer.note("meeting_calendar.holidays_unknown", year=year, first=_holidays.FIRST_YEAR,
                    last=_holidays.LAST_YEAR)
    elif moved:
        answer.note("meeting_calendar.holidays_moved", year=year, count=len(moved),
                    moves=[(m["moved_from"], m.get("date") or m["start"], m["holiday"])
                           for m in moved])
    else:
        answer.note("meeting_calendar.holidays_clear", year=year)
    if v["ics"]:
        answer.set(ics=to_ics({"meetings": meetings, "year": year,
                               "holidays_checked": known}, lang=v["lang"]))
    return answer


CALCULATOR = Calculator(
    name="meeting_calendar",
    fields=FIELDS,
    compute=compute,
    clauses=CLAUSES,
    outputs=(Output("year", "year"), Output("week_reading", "code", labels_from="week_reading"),
             Output("holidays_checked", "boolean"),
             Output("meetings", "table", parts=(Output("when", "when"), Output("title", "text"),
                                               Output("clause", "clause"))),
             # the titles quote the rules in force when the schema is described
             Output("counts", "counts", labels=_count_labels),
             # the page offers the .ics as a download (the form always asks for it)
             Output("ics", "file", file_name="meetings-{year}.ics", media_type="text/calendar")),
)
