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

No proposed day silently falls on a day off: every day of every meeting is
checked (_holidays: the year's holiday notice, with its make-up working days,
from `chinese_calendar`). A meeting of several days (the central group study,
不少于3天) takes that many CONSECUTIVE working days, so no day off ever lies
inside it; its entry lists its `days`. A meeting whose proposed days hold a day
off or another meeting is MOVED to the next day inside its required period where
it fits (else the next one after it), and the entry says so (`moved_from`,
`holiday`); the .ics says so too. Should no run of working days be found, the
session is split over the next working days and flagged (`holiday_check:
"split"`), never marked as checked.

For a year whose notice is not in the data, the holidays the law itself fixes
(_statutory.py), the working days off it owes for a holiday on a weekend (补假,
taken as days off: the stricter reading) and weekends are avoided all the same;
the other 调休 cannot be known, and every entry says so (`holiday_check:
"unknown"`, `checked_against: "law"`). A moved entry says what stopped it
(`moved_because`, `blocked_day`: a later day of a session too) and which working
days on the way another meeting held (`skipped_for_meetings`).
"""

from datetime import date, timedelta

from . import _dated, _holidays, _statutory
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
    count = _table(kind).get("min_days", 1)
    if count > 1:
        # A session of several days ends by Friday when it can: Wed-Fri for 3.
        weekday = max(MONDAY, FRIDAY - (count - 1))
    return nth_week_monday(year, month, week, reading) + timedelta(days=weekday)


def _working(day: date) -> bool:
    """A working day: a make-up weekend day of the year's notice (调休上班)
    counts; in a year without the notice, a weekday that is not a holiday the law
    fixes (provisionally); and any weekday when not even those are known (the
    answer then says holidays were not checked)."""
    return _holidays.is_working_day(day) is not False


# The furthest a date is moved to get past a holiday (the longest holiday,
# Spring Festival or National Day with its weekends, is well inside it).
SEARCH_DAYS = 31


def _block(start: date, count: int) -> list:
    """`count` consecutive days from start."""
    return [start + timedelta(days=i) for i in range(count)]


def _fits(days: list, taken: set) -> bool:
    return all(_working(day) for day in days) and not taken.intersection(days)


def _working_days_from(start: date, count: int, taken: set) -> list:
    """The first `count` free working days from start, not necessarily consecutive."""
    days, day = [], start
    while len(days) < count:
        if _working(day) and day not in taken:
            days.append(day)
        day += timedelta(days=1)
    return days


def place(start: date, count: int, period: tuple, taken: set):
    """(the meeting's days, moved, split) for a meeting proposed on `start` taking
    `count` days: `count` consecutive working days, none taken by another meeting,
    from the proposed day when they fit, else from the next day inside the period
    where they fit, else the next one after it. A multi-day session never holds a
    day off: only when no such run is found within SEARCH_DAYS is it split over
    the next free working days, and then flagged (`split`)."""
    candidates = [start + timedelta(days=i) for i in range(SEARCH_DAYS)]
    inside = [d for d in candidates if d <= period[1]]
    for day in inside + [d for d in candidates if d > period[1]]:
        days = _block(day, count)
        if _fits(days, taken):
            return days, day != start, False
    days = _working_days_from(start, count, taken)
    return days, days[0] != start, True


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _blocker(proposed: date, count: int, taken: set) -> tuple:
    """Why a meeting left its proposed days: (reason, the first day that stopped
    it, the holiday) for the first of those days that is a holiday ("holiday"),
    an owed day off ("compensatory", 补假 past the notices), a rest day
    ("weekend") or another meeting's ("meeting")."""
    for day in _block(proposed, count):
        key = _holidays.holiday_key(day)
        if key:
            return "holiday", day, key
        key = _holidays.compensatory(day)
        if key:
            return "compensatory", day, key
        if not _working(day):
            return "weekend", day, None
        if day in taken:
            return "meeting", day, None
    return "meeting", proposed, None


def _check(days: list) -> str:
    """How far the days could be checked: "notice" (the year's holiday notice,
    调休 included), "law" (only the holidays the law fixes: 调休 not yet known),
    "none" (nothing)."""
    years = {day.year for day in days}
    if all(_holidays.known(year) for year in years):
        return "notice"
    return "law" if all(_holidays.law_known(year) for year in years) else "none"


def _entry(kind: str, proposed: date, period: tuple, taken: set) -> dict:
    """One meeting, placed clear of holidays and of the meetings already placed."""
    table = _table(kind)
    count = table.get("min_days", 1)
    days, moved, split = place(proposed, count, period, taken)
    first, last = days[0], days[-1]
    if moved:
        reason, blocked, holiday = _blocker(proposed, count, taken)
        # The working days on the way that another meeting held (said too).
        skipped = [proposed + timedelta(days=i) for i in range((first - proposed).days)]
        skipped = [d for d in skipped if d in taken and d != blocked and _working(d)]
    taken.update(days)
    entry = {"kind": kind, "clause": table["clause"]}
    if first == last:
        entry["date"] = first.isoformat()
    else:
        entry["start"], entry["end"] = first.isoformat(), last.isoformat()
    entry["days"] = [day.isoformat() for day in days]
    entry["period_start"], entry["period_end"] = (d.isoformat() for d in period)
    entry["title_zh"] = meeting_title(kind, "zh", **table)
    entry["title_en"] = meeting_title(kind, "en", **table)
    checked = _check(days)
    entry["checked_against"] = checked
    if split:
        entry["holiday_check"] = "split"
    elif checked != "notice":
        entry["holiday_check"] = "unknown"
    elif moved:
        entry["holiday_check"] = "moved"
    else:
        entry["holiday_check"] = "clear"
    if moved:
        entry.update(moved_from=proposed.isoformat(), holiday=holiday, moved_because=reason,
                     blocked_day=blocked.isoformat(),
                     skipped_for_meetings=[d.isoformat() for d in skipped])
        if first > period[1]:
            entry["outside_period"] = True
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


def meetings_for(year: int, reading: str = "calendar_row", kinds=KINDS) -> list:
    """The year's meetings of `kinds`, placed in this order: the office meetings
    (fixed weeks) first, then the multi-day study, then the rest."""
    taken: set = set()
    meetings = []
    for kind, place_kind in (("office_meeting", lambda: office_meetings(year, reading, taken)),
                             ("central_group_study", lambda: periodic_meetings(
                                 "central_group_study", year, reading, taken)),
                             ("party_member_meeting", lambda: yearly_meetings(
                                 "party_member_meeting", year, reading, taken)),
                             ("democratic_life_meeting", lambda: yearly_meetings(
                                 "democratic_life_meeting", year, reading, taken)),
                             ("collective_study", lambda: periodic_meetings(
                                 "collective_study", year, reading, taken))):
        if kind in kinds:
            meetings += place_kind()
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
    answer = Answer()
    kinds = [kind for kind in KINDS if not _repealed(kind, answer)]
    meetings = meetings_for(year, reading, kinds)
    known = _holidays.known(year)
    law = _holidays.law_known(year)
    answer.set(year=year, meetings=meetings,
               counts={kind: sum(m["kind"] == kind for m in meetings) for kind in KINDS},
               week_reading=reading, holidays_checked=known, statutory_holidays_checked=law)
    _versions_within(year, v["date"], answer)
    answer.note(f"meeting_calendar.week_definition.{reading}")
    for kind in kinds:
        answer.note(f"meeting_calendar.{kind}", _table(kind)["clause"], **_table(kind))
    answer.note("meeting_calendar.suggested")
    moved = [m for m in meetings if "moved_from" in m]
    moves = [(m["moved_from"], m["days"][0], m["moved_because"], m["blocked_day"], m["holiday"])
             for m in moved]
    split = [m for m in meetings if m["holiday_check"] == "split"]
    if not law:
        answer.note("meeting_calendar.holidays_unknown", year=year, first=_statutory.FIRST_YEAR,
                    last=_statutory.LAST_YEAR)
    elif not known:
        answer.note("meeting_calendar.holidays_law", year=year, order=_statutory.order(year),
                    first=_holidays.FIRST_YEAR, last=_holidays.LAST_YEAR,
                    owed=[day.isoformat() for day in sorted(_statutory.compensatory_days(year))])
    if law and moved:
        answer.note("meeting_calendar.holidays_moved" if known
                    else "meeting_calendar.holidays_moved_law", year=year, count=len(moved),
                    moves=moves)
    elif known:
        answer.note("meeting_calendar.holidays_clear", year=year)
    if split:
        answer.note("meeting_calendar.split", count=len(split),
                    sessions=[m["days"] for m in split])
    if v["ics"]:
        answer.set(ics=to_ics({"meetings": meetings, "year": year,
                               "holidays_checked": known}, lang=v["lang"]))
    return answer


def _repealed(kind: str, answer: Answer) -> bool:
    """A repealed clause requires no meeting from the day of its repeal."""
    clause = _table(kind)["clause"]
    if _dated.repeal(clause):
        answer.cite(clause)
        return True
    return False


CALCULATOR = Calculator(
    name="meeting_calendar",
    fields=FIELDS,
    compute=compute,
    clauses=CLAUSES,
    outputs=(Output("year", "year"), Output("week_reading", "code", labels_from="week_reading"),
             Output("holidays_checked", "boolean"),
             Output("statutory_holidays_checked", "boolean"),
             Output("meetings", "table", parts=(Output("when", "when"), Output("title", "text"),
                                               Output("clause", "clause"))),
             # the titles quote the rules in force when the schema is described
             Output("counts", "counts", labels=_count_labels),
             # the page offers the .ics as a download (the form always asks for it)
             Output("ics", "file", file_name="meetings-{year}.ics", media_type="text/calendar")),
)
