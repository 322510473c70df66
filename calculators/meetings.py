"""meeting_calendar: the meetings the rules require in a year.

Each meeting is planned under the rules in force on its own day
-----------------------------------------------------------------
An amendment to a calendar clause that comes into force inside the year cuts
the year into windows, one per version of the clause (`windows`). A meeting is
planned under the version in force on its own day and lies wholly inside that
version's window: never before the text that requires it, never after the text
that required it ended. The `date` input chooses nothing here: the same year
gives the same meetings whatever day it is asked on (the answer's `as_of` and
`clause_versions` still name the day asked on and its versions; each meeting
carries its own `clause_version`).

* A requirement per period (c1-3: two a month, in the weeks it names; c9-1-2:
  one a quarter; c9-2-4: one a month) is a slot of the period (`_choose`): the
  first version whose own suggested day falls inside its own window plans it;
  when none does (the suggestion of the new text lies before its in-force day,
  that of the old text after it), the first version in force later in the
  period plans it from its in-force day (`moved_because: "not_in_force"`).
* A count per year (c6-1, c5-1: N a year) is spread evenly: share k of N ends
  in month 12k//N (4: March, June, September, December; 6: every other month).
  Each version keeps those of its dates that fall in its window. The version in
  force at the year's end is met in full, the stricter reading: when the dates
  kept fall short of its count, the rest are spread evenly over the months of
  its window (at most one a month; the answer says when even that falls short).

"The n-th week of a month" has two readings, chosen with `week_reading`:

* "calendar_row" (the default, how most staff read a wall calendar): week 1 is
  the Monday-to-Sunday row that holds the 1st of the month, week 2 the next
  row, and so on.
* "nth_monday": the week that begins on the month's n-th Monday.

Only the days of the week inside the month count (`_week`): a meeting of a
month falls in that month. The office meeting goes on the first working day of
its week; the other clauses fix only how often, and this module suggests a day
(`SUGGESTED`) and gives the period the clause requires it in.

No proposed day silently falls on a day off: every day of every meeting is
checked (_holidays: the year's holiday notice, with its make-up working days,
from `chinese_calendar`). A meeting of several days (the central group study,
不少于N天) takes that many CONSECUTIVE working days, so no day off ever lies
inside it; its entry lists its `days`. A meeting whose proposed days hold a day
off or another meeting is MOVED (`place`): to the next day inside its period
where it fits, else the latest earlier one inside it, else (flagged
`outside_period`) the nearest inside its month (an office meeting) or the
version's part of the year; the entry says so (`moved_from`, `holiday`). Should
no run of working days be found, the session is split over the next working
days and flagged (`holiday_check: "split"`), never marked as checked.

For a year whose notice is not in the data, the holidays the law itself fixes
(_statutory.py), the working days off it owes for a holiday on a weekend (补假,
taken as days off: the stricter reading) and weekends are avoided all the same;
the other 调休 cannot be known, and every entry says so (`holiday_check:
"unknown"`, `checked_against: "law"`). A moved entry says what stopped it
(`moved_because`, `blocked_day`: a later day of a session too) and which working
days on the way another meeting held (`skipped_for_meetings`).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from . import _amendments, _dated, _holidays, _statutory
from ._answer import Answer, Calculator
from ._data import RAW, rule, rules_on
from ._display import Output
from ._limits import MAX_YEAR, MIN_YEAR
from ._validate import Field
from ._wording import meeting_note, meeting_rule, meeting_title
from .ics import to_ics

KINDS = ("office_meeting", "central_group_study", "party_member_meeting",
         "democratic_life_meeting", "collective_study")

# Each kind's clause (ids never change, whatever an amendment does to the text).
CLAUSE = {kind: RAW["meeting_calendar"][kind]["clause"] for kind in KINDS}
CLAUSES = tuple(CLAUSE[kind] for kind in KINDS)

WEEK_READINGS = ("calendar_row", "nth_monday")

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
DAY = timedelta(days=1)

# Suggested (week of the month, weekday) where the clause fixes no day. The
# quarterly study goes in a quarter's last month, a yearly meeting in the last
# month of its share of the year.
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


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - DAY


def _month(year: int, month: int) -> tuple:
    return date(year, month, 1), _month_end(year, month)


def _week(year: int, month: int, n: int, reading: str) -> tuple:
    """(first, last) day of the month's n-th week that lie inside the month."""
    monday = nth_week_monday(year, month, n, reading)
    first, last = _month(year, month)
    return max(monday, first), min(monday + WEEK - DAY, last)


def _start_weekday(kind: str, table: dict) -> int:
    """The weekday a suggested meeting starts on: a session of several days ends by
    Friday when it can (Wed-Fri for 3)."""
    weekday = SUGGESTED[kind][1]
    count = table.get("min_days", 1)
    return max(MONDAY, FRIDAY - (count - 1)) if count > 1 else weekday


def _suggested_day(kind: str, table: dict, year: int, month: int, reading: str) -> date:
    """The suggested weekday of the suggested week. (By Mondays, February's 4th
    week may end in March: the meeting is then kept in February, and says so.)"""
    return (nth_week_monday(year, month, SUGGESTED[kind][0], reading)
            + timedelta(days=_start_weekday(kind, table)))


# ---------------------------------------------------------------- versions

@dataclass(frozen=True, eq=False)
class Window:
    """The days of the year (first..last) on which one version of a kind's clause
    is in force: its rules table then (None: the clause stands repealed)."""
    first: date
    last: date
    table: dict | None
    version: date | None        # the version's in-force date (None: the text as issued)
    change: tuple | None        # (amendment, action) that made it (None: as issued)


def windows(kind: str, year: int) -> list:
    """The year cut at the in-force days of the amendments to the kind's clause."""
    clause = CLAUSE[kind]
    first, last = date(year, 1, 1), date(year, 12, 31)
    cuts = sorted({a.in_force for a in _amendments.amendments()
                   if first < a.in_force <= last and _dated.touched(a, [clause])})
    starts = [first, *cuts]
    out: list = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - DAY if i + 1 < len(starts) else last
        table = rules_on(start)["meeting_calendar"][kind]
        change = _dated.last_change(clause, start)
        if change and change[1] == "repeal":
            table = None
        if out and out[-1].table == table and out[-1].change == change:
            # (only its printed number moved: the same text)
            out[-1] = Window(out[-1].first, end, table, out[-1].version, change)
            continue
        out.append(Window(start, end, table, _amendments.clause_version(clause, start), change))
    return out


def _overlap(a: tuple, b: tuple):
    """The days two (first, last) spans share, or None."""
    first, last = max(a[0], b[0]), min(a[1], b[1])
    return (first, last) if first <= last else None


def _span(window: Window) -> tuple:
    return window.first, window.last


def _choose(options: list, taken: set):
    """The version that plans one required meeting of a period, and how: options
    are (window, suggested day, the period's days under that version or None), in
    window order. Ranked: a version whose suggestion falls inside its own window
    (the text in force on that day); then one in force later in the period, from
    its first day ("not_in_force": its suggestion came before it); then one whose
    window ends before its suggestion while a newer text still requires the
    meeting in the period, earlier in its window ("superseded"). The first of
    these that holds the meeting inside its period wins; if none does, the first
    of them, outside its period (flagged). None: no version requires it."""
    ranked = [(w, d, p, None) for w, d, p in options if w.first <= d <= w.last]
    ranked += [(w, d, p, "not_in_force") for w, d, p in options if d < w.first]
    ranked += [(w, d, p, "superseded") for i, (w, d, p) in enumerate(options)
               if d > w.last and any(later[0].table for later in options[i + 1:])]
    for w, d, p, how in ranked:
        start = max(d, w.first) if how != "superseded" else w.last
        if p is not None and _inside(start, w.table.get("min_days", 1), p, taken):
            return w, d, p, how
    return ranked[0] if ranked else None


# ---------------------------------------------------------------- placing a meeting

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
        day += DAY
    return days


def _inside(start: date, count: int, span, taken: set):
    """The first `count` consecutive free working days lying inside `span`, from
    `start` on, else the latest earlier ones; None when there are none."""
    if span is None:
        return None
    first, last = span
    every = _block(first, (last - first).days + 1)
    for day in [d for d in every if d >= start] + [d for d in reversed(every) if d < start]:
        days = _block(day, count)
        if days[-1] <= last and _fits(days, taken):
            return days
    return None


def place(start: date, count: int, spans: list, taken: set):
    """(the meeting's days, split) for a meeting proposed on `start` taking `count`
    days: `count` consecutive working days, none taken by another meeting, lying
    inside one of `spans` (tried in order, each from `start` on, then from the
    latest earlier day): the period first, then wider ones. A multi-day session
    never holds a day off: only when no such run is found is it split over the
    next free working days, and then flagged (`split`)."""
    for span in spans:
        days = _inside(start, count, span, taken)
        if days:
            return days, False
    for day in _block(start, SEARCH_DAYS):
        days = _block(day, count)
        if _fits(days, taken):
            return days, False
    return _working_days_from(start, count, taken), True


def _blocker(proposed: date, count: int, taken: set, first_span) -> tuple:
    """Why a meeting left its proposed days: (reason, the first day that stopped
    it, the holiday): the proposed day is in the next month ("next_month": By
    Mondays, February's 4th week may end in March), or the first of its days that
    is a holiday ("holiday"), an owed day off ("compensatory", 补假 past the
    notices), a rest day ("weekend") or another meeting's ("meeting")."""
    if first_span and proposed > first_span[1] and proposed.month != first_span[1].month:
        return "next_month", proposed, None
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


def _entry(kind: str, window: Window, proposed: date, period: tuple, spans: list,
           taken: set, how: str | None = None) -> dict:
    """One meeting under the version of `window`, placed clear of holidays and of
    the meetings already placed, inside the window. `proposed` is the day its rules
    (or the suggestion) give; `how` (_choose): "not_in_force", that day lies before
    the window, whose text requires the meeting from its first day; "superseded",
    it lies after the window, and the meeting is held earlier, under its text."""
    table = window.table
    count = table.get("min_days", 1)
    start = window.last if how == "superseded" else max(proposed, window.first)
    days, split = place(start, count, spans, taken)
    first, last = days[0], days[-1]
    moved = first != proposed
    if moved:
        if how:
            reason, blocked, holiday = how, proposed, None
        else:
            reason, blocked, holiday = _blocker(proposed, count, taken, spans[0])
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
    version = _amendments.clause_version(table["clause"], first)
    entry["clause_version"] = version.isoformat() if version else None
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
        if reason == "superseded":   # the day the text it follows gave way to another
            entry["superseded_on"] = (window.last + DAY).isoformat()
    if first < period[0] or last > period[1]:
        entry["outside_period"] = True
    entry["note_zh"] = meeting_note(entry, "zh")
    entry["note_en"] = meeting_note(entry, "en")
    return entry


# ---------------------------------------------------------------- the kinds

@dataclass
class Plan:
    """One kind's meetings in one window, and what the explanation says of them."""
    kind: str
    window: Window
    meetings: list
    facts: dict


# c1-3 主任办公会一般在每月的第二周、第四周召开两次,特殊情况可另行安排。
# On the first working day of the week inside the month; if none is left in the
# week (Spring Festival), on the nearest working day of the month after it
# (特殊情况可另行安排). Meeting i of a month is in the i-th week the version names.
def office_meetings(year: int, reading: str, taken: set, wins: list) -> list:
    kind = "office_meeting"
    out = []
    for month in range(1, 13):
        span = _month(year, month)
        live = [w for w in wins if w.table and _overlap(_span(w), span)]
        for i in range(max((len(w.table["weeks"]) for w in live), default=0)):
            options = []
            for w in live:
                if i < len(w.table["weeks"]):
                    week = _week(year, month, w.table["weeks"][i], reading)
                    options.append((w, week[0], _overlap(week, _span(w))))
            chosen = _choose(options, taken)
            if chosen is None:
                continue
            w, day, inside, how = chosen
            week = _week(year, month, w.table["weeks"][i], reading)
            out.append((w, _entry(kind, w, day, inside or week,
                                  [inside, _overlap(span, _span(w)), _span(w)], taken, how)))
    return out


def _periods(year: int, every: str) -> list:
    """(first day, last day) of each month or quarter of the year."""
    size = {"month": 1, "quarter": 3}[every]
    return [(date(year, last - size + 1, 1), _month_end(year, last))
            for last in range(size, 13, size)]


# c9-1-2 中心组每季度开展一次学习研讨活动,每次时间不少于3天。
# c9-2-4 一般每个月组织一次集中学习。
# One per period, on the suggested day of the period's last month.
# 不少于3天 includes 3: the study takes min_days consecutive working days.
def periodic_meetings(kind: str, year: int, reading: str, taken: set, wins: list) -> list:
    out = []
    every = RAW["meeting_calendar"][kind]["every"]
    for period in _periods(year, every):
        live = [w for w in wins if w.table and _overlap(_span(w), period)]
        options = [(w, _suggested_day(kind, w.table, year, period[1].month, reading),
                    _overlap(period, _span(w))) for w in live]
        chosen = _choose(options, taken)
        if chosen is None:
            continue
        w, day, inside, how = chosen
        out.append((w, _entry(kind, w, day, inside, [inside, _span(w)], taken, how)))
    return out


def spread(candidates: list, count: int) -> list:
    """`count` of `candidates` spread evenly: the last of each of `count` near-equal
    shares (12 months, 4: the 3rd, 6th, 9th and 12th)."""
    return [candidates[len(candidates) * k // count - 1] for k in range(1, count + 1)]


# c6-1 党员组织生活会一般每年召开4次。
# c5-1 办领导班子民主生活会每年召开一次。
# N a year, spread evenly: share k of N ends in month 12k//N (4 -> Mar, Jun, Sep,
# Dec), on the suggested day of that month. See the module docstring for a year
# that two versions share.
def yearly_meetings(kind: str, year: int, reading: str, taken: set, wins: list) -> tuple:
    """(the placed meetings, each window's facts for the explanation)."""
    months = list(range(1, 13))
    whole = (date(year, 1, 1), date(year, 12, 31))
    chosen = []        # (window, months, facts)
    for w in wins:
        if w.table is None:
            chosen.append((w, [], {}))
            continue
        day = {m: _suggested_day(kind, w.table, year, m, reading) for m in months}
        kept = [m for m in spread(months, w.table["per_year"]) if w.first <= day[m] <= w.last]
        chosen.append((w, kept, {"mode": "full" if _span(w) == whole else "part"}))
    w, kept, _ = chosen[-1]
    if w.table is not None:
        before = sum(len(picked) for _, picked, _ in chosen[:-1])
        need = w.table["per_year"] - before
        if len(kept) < need:
            # The version in force at the year's end is met: the rest spread over its window.
            fit = [m for m in months
                   if w.first <= _suggested_day(kind, w.table, year, m, reading) <= w.last]
            picked = spread(fit, need) if need <= len(fit) else fit
            chosen[-1] = (w, picked, {"mode": "rest" if need <= len(fit) else "short",
                                      "before": before})
    placed, facts = [], {}
    for w, picked, said in chosen:
        for m in picked:
            day = _suggested_day(kind, w.table, year, m, reading)
            month = _overlap(_month(year, m), _span(w))
            placed.append((w, _entry(kind, w, day, _span(w), [month, _span(w)], taken)))
        facts[w] = {**said, "months": picked}
    return placed, facts


def plan_year(year: int, reading: str) -> tuple:
    """(the year's meetings in date order, each kind's Plans window by window).
    Placed in this order: the office meetings (fixed weeks) first, then the
    multi-day study, then the rest."""
    taken: set = set()
    plans: dict = {}
    for kind in ("office_meeting", "central_group_study", "party_member_meeting",
                 "democratic_life_meeting", "collective_study"):
        wins, facts = windows(kind, year), {}
        if kind == "office_meeting":
            placed = office_meetings(year, reading, taken, wins)
        elif kind in ("central_group_study", "collective_study"):
            placed = periodic_meetings(kind, year, reading, taken, wins)
        else:
            placed, facts = yearly_meetings(kind, year, reading, taken, wins)
        plans[kind] = [Plan(kind, w, [m for v, m in placed if v == w], facts.get(w, {}))
                       for w in wins]
    meetings = sorted((m for kind in KINDS for p in plans[kind] for m in p.meetings),
                      key=lambda m: (m["days"][0], KINDS.index(m["kind"])))
    return meetings, plans


# ---------------------------------------------------------------- the explanation

def _note_facts(plan: Plan, several: bool) -> tuple:
    """(message key under meeting_calendar., facts) of one kind's note for one window."""
    w, kind = plan.window, plan.kind
    table = w.table
    facts = {**table, "clause": table["clause"],
             "span": (w.first.isoformat(), w.last.isoformat()) if several else None,
             "rule": meeting_rule(kind, table)}
    if kind in SUGGESTED:
        facts.update(week=SUGGESTED[kind][0], weekday=_start_weekday(kind, table))
    if kind in ("party_member_meeting", "democratic_life_meeting"):
        months = plan.facts.get("months", [])
        facts.update(in_months=months, before=plan.facts.get("before", 0), count=len(months))
        mode = plan.facts["mode"]
        if not months:
            mode = "short_none" if mode == "short" else "none"
        return f"yearly.{mode}", facts
    if not plan.meetings:
        return "window_none", facts
    return kind, facts


def _version_notes(plans: dict, year: int, day: date) -> list:
    """The versions the year's meetings follow, first in the explanation: for each
    clause whose year is not simply under the text as issued (as on the answer's
    day), which text governs which days, grouped by amendment."""
    groups: dict = {}
    for kind in KINDS:
        clause = CLAUSE[kind]
        wins = [p.window for p in plans[kind]]
        asked = _amendments.clause_version(clause, day)
        if len(wins) == 1 and wins[0].version is None and asked is None \
                and wins[0].table is not None:
            continue
        for w in wins:
            amendment = w.change[0] if w.change else None
            key_name = ("repealed" if w.table is None
                        else "original" if amendment is None else "amended")
            key = (key_name, w.first, w.last, amendment.file if amendment else None)
            groups.setdefault(key, (w, amendment, []))[2].append(clause)
    notes = []
    for (name, first, last, _), (w, amendment, clauses) in sorted(
            groups.items(), key=lambda g: (g[0][0] != "repealed", CLAUSES.index(g[1][2][0]),
                                           g[0][1])):
        facts = {"clauses": clauses, "from_day": first.isoformat(), "to_day": last.isoformat(),
                 "year": year}
        if amendment is not None:
            facts.update(amendment=amendment.summary(), in_force=amendment.in_force.isoformat())
        notes.append((f"meeting_calendar.versions.{name}", facts))
    return notes


def _count_labels() -> dict:
    """Each kind's title, as the rules in force word it (the counts' labels)."""
    return {kind: (meeting_title(kind, "zh", **rule(f"meeting_calendar.{kind}")),
                   meeting_title(kind, "en", **rule(f"meeting_calendar.{kind}")))
            for kind in KINDS}


def compute(v: dict) -> Answer:
    year, reading = v["year"], v["week_reading"]
    answer = Answer()
    answer.cite(*CLAUSES)
    meetings, plans = plan_year(year, reading)
    known = _holidays.known(year)
    law = _holidays.law_known(year)
    answer.set(year=year, meetings=meetings,
               counts={kind: sum(m["kind"] == kind for m in meetings) for kind in KINDS},
               week_reading=reading, holidays_checked=known, statutory_holidays_checked=law)
    # The versions the meetings follow replace the note on the versions of the
    # answer's date: the meetings do not follow that day's rules.
    answer.versions = _version_notes(plans, year, v["date"])
    answer.note(f"meeting_calendar.week_definition.{reading}")
    for kind in KINDS:
        live = [p for p in plans[kind] if p.window.table is not None]
        for plan in live:
            key, facts = _note_facts(plan, len(plans[kind]) > 1)
            answer.note(f"meeting_calendar.{key}", **facts)
    answer.note("meeting_calendar.suggested")
    moved = [m for m in meetings if "moved_from" in m]
    moves = [(m["moved_from"], m["days"][0], m["moved_because"], m["blocked_day"], m["holiday"],
              m.get("superseded_on") or m["clause_version"]) for m in moved]
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
