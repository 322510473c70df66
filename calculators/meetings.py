"""meeting_calendar: the meetings the rules require in a year.

"The n-th week of a month" (c1-3 第二周、第四周) is defined here as the
Monday-to-Sunday week that begins on the month's n-th Monday. Why: every month
has at least four Mondays, so the 2nd and 4th weeks always exist, always begin
inside the month and are always exactly 14 days apart. The days before a
month's first Monday finish the previous month's last week. (Counting the week
that contains day 1 as week 1 would make a month that starts on a Sunday have a
one-day first week, and put its "2nd week" meeting on day 2.)

The office meeting is put on the Monday of its week, the first working day. The
other clauses fix only how often a meeting happens (each quarter, each month,
N times a year); for those this module suggests a day, chosen so that no two
meetings share a day, and gives the period the clause requires it in.
"""

from datetime import date, timedelta

from ._answer import Answer, Calculator
from ._data import rule
from ._limits import MAX_YEAR, MIN_YEAR
from ._messages import meeting_title
from ._validate import Field
from .ics import to_ics

KINDS = ("office_meeting", "central_group_study", "party_member_meeting",
         "democratic_life_meeting", "collective_study")
TABLES = {kind: rule(f"meeting_calendar.{kind}") for kind in KINDS}

FIELDS = (
    Field("year", "integer", required=True, minimum=MIN_YEAR, maximum=MAX_YEAR),
    Field("ics", "boolean", default=False),
    Field("lang", "option", default="zh", options=("zh", "en")),
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


def nth_week_monday(year: int, month: int, n: int) -> date:
    """The Monday that begins the month's n-th week (see the module docstring)."""
    first = date(year, month, 1)
    first_monday = first + timedelta(days=(MONDAY - first.weekday()) % 7)
    return first_monday + (n - 1) * WEEK


def _suggested_day(kind: str, year: int, month: int) -> date:
    week, weekday = SUGGESTED[kind]
    return nth_week_monday(year, month, week) + timedelta(days=weekday)


def _after_working_days(start: date, count: int) -> date:
    """The last of `count` consecutive working days (Mon-Fri) from start."""
    day, left = start, count - 1
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _entry(kind: str, first: date, last: date, period: tuple) -> dict:
    table = TABLES[kind]
    entry = {"kind": kind, "clause": table["clause"]}
    if first == last:
        entry["date"] = first.isoformat()
    else:
        entry["start"], entry["end"] = first.isoformat(), last.isoformat()
    entry["period_start"], entry["period_end"] = (d.isoformat() for d in period)
    entry["title_zh"] = meeting_title(kind, "zh", **table)
    entry["title_en"] = meeting_title(kind, "en", **table)
    return entry


# c1-3 主任办公会一般在每月的第二周、第四周召开两次,特殊情况可另行安排。
def office_meetings(year: int) -> list:
    out = []
    for month in range(1, 13):
        for week in TABLES["office_meeting"]["weeks"]:
            monday = nth_week_monday(year, month, week)
            out.append(_entry("office_meeting", monday, monday,
                              (monday, monday + WEEK - timedelta(days=1))))
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
def periodic_meetings(kind: str, year: int) -> list:
    table = TABLES[kind]
    out = []
    for period in _periods(year, table["every"]):
        start = _suggested_day(kind, year, period[1].month)
        end = _after_working_days(start, table.get("min_days", 1))
        out.append(_entry(kind, start, end, period))
    return out


# c6-1 党员组织生活会一般每年召开4次。
# c5-1 办领导班子民主生活会每年召开一次。
# N a year, spread evenly: month 12/N, 2*12/N, ... (4 -> Mar, Jun, Sep, Dec).
def yearly_meetings(kind: str, year: int) -> list:
    count = TABLES[kind]["per_year"]
    out = []
    for k in range(1, count + 1):
        day = _suggested_day(kind, year, 12 // count * k)
        out.append(_entry(kind, day, day, (date(year, 1, 1), date(year, 12, 31))))
    return out


def meetings_for(year: int) -> list:
    meetings = (office_meetings(year)
                + periodic_meetings("central_group_study", year)
                + yearly_meetings("party_member_meeting", year)
                + yearly_meetings("democratic_life_meeting", year)
                + periodic_meetings("collective_study", year))
    return sorted(meetings, key=lambda m: (m.get("date") or m["start"], KINDS.index(m["kind"])))


def compute(v: dict) -> Answer:
    year = v["year"]
    meetings = meetings_for(year)
    answer = Answer()
    answer.set(year=year, meetings=meetings,
               counts={kind: sum(m["kind"] == kind for m in meetings) for kind in KINDS})
    answer.note("calendar.week_definition")
    for kind in KINDS:
        answer.note(f"calendar.{kind}", TABLES[kind]["clause"], **TABLES[kind])
    answer.note("calendar.suggested")
    if v["ics"]:
        answer.set(ics=to_ics({"meetings": meetings, "year": year}, lang=v["lang"]))
    return answer


CALCULATOR = Calculator(
    name="meeting_calendar",
    fields=FIELDS,
    compute=compute,
    clauses=("c1-3", "c9-1-2", "c6-1", "c5-1", "c9-2-4"),
    outputs=("year", "meetings", "counts", "ics"),
)
