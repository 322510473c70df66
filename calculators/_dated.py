"""Dated rules (issue 9): the day a calculator applies the rules of, and what
its answer says about the versions it applied.

Every calculator takes an optional `date` input (YYYY-MM-DD), the day whose
rules apply; it defaults to today, the machine's local date (in the page, the
form sends the browser's local date). A calculator whose inputs hold the date
of the event the answer is about (`Calculator.event_date`: the date of
spending, the date an annual leave entitlement is counted for) applies the
rules in force on that day when it is given, and says so when the rules changed
between it and `date`.

The answer adds `as_of` (the day whose rules were applied) and
`clause_versions` (each cited clause -> the in-force date of its version on
that day, None for the original text). Facts only here: the wording is in
calculators/messages/ (common.toml [fields.date] and [notes.dated]; a
calculator's own [notes.dated.event], e.g. expenditure.toml).
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from . import _amendments
from ._validate import Field

# Appended to every calculator's own inputs. The form starts it at the browser's
# local date (display kind "today"); the URL holds it only when it is another day.
DATE_FIELD = Field("date", "date", display={"kind": "today"})


# The day whose rules the computation under way applies (set by calculators.run).
_DAY: ContextVar = ContextVar("calculators_rules_day", default=None)


@contextmanager
def answering(day: date):
    """Within it, repeal() looks at the rules of `day`."""
    token = _DAY.set(day)
    try:
        yield
    finally:
        _DAY.reset(token)


def today() -> date:
    """The machine's local date (date.today() is local time, in Pyodide too)."""
    return date.today()


def rules_day(event_date: str | None, values: dict) -> tuple[date, date]:
    """(the day whose rules apply, the day the `date` input asks for)."""
    requested = values.get("date") or today()
    event = values.get(event_date) if event_date else None
    return (event or requested), requested


def touched(amendment, clauses) -> list:
    """Those of `clauses` an amendment changes (a calculator's figures are read from
    its clauses' text, so a change of figure is a change of clause)."""
    hit = {change.clause for change in amendment.changes}
    hit.update(_renumbered(amendment, clauses))
    return [clause for clause in clauses if clause in hit]


def _renumbered(amendment, clauses) -> set:
    """The clauses whose printed number this amendment moves."""
    from ._data import history
    h = history()
    return {c for c in clauses if c in h.versions and any(
        v.amendment is amendment and v.action == "renumber" for v in h.versions[c])}


def changed_between(first: date, second: date, clauses) -> list:
    """The amendments touching `clauses` that come into force after the earlier
    of two days and by the later one: those that make their rules differ."""
    low, high = min(first, second), max(first, second)
    return [a for a in _amendments.amendments()
            if low < a.in_force <= high and touched(a, clauses)]


def clause_versions(clauses, day: date) -> dict:
    """Each clause -> the in-force date of its version on `day` ("YYYY-MM-DD"),
    or None for the original text."""
    out = {}
    for clause in clauses:
        version = _amendments.clause_version(clause, day)
        out[clause] = None if version is None else version.isoformat()
    return out


_NOTE_OF_ACTION = {"replace": "dated.amended", "insert": "dated.inserted",
                   "repeal": "dated.repealed"}


def version_notes(clauses, day: date) -> list:
    """Notes (key, params) naming the amendment behind each cited clause whose
    version on `day` is not the original, one per amendment and kind of change,
    in force order."""
    latest = {}
    for amendment in _amendments.amendments():
        if amendment.in_force > day:
            break
        for change in amendment.changes:
            if change.clause in clauses:
                latest[change.clause] = (amendment, change.action)
    groups: dict = {}
    for clause in clauses:
        if clause in latest:
            amendment, action = latest[clause]
            groups.setdefault((amendment.in_force, amendment.file, action),
                              (amendment, action, []))[2].append(clause)
    # A repeal first: what the reader must know before anything else.
    ordered = sorted(groups.items(), key=lambda g: (g[1][1] != "repeal", g[0]))
    return [(_NOTE_OF_ACTION[action],
             {"clauses": cited, "amendment": amendment.summary(),
              "in_force": amendment.in_force.isoformat()})
            for _, (amendment, action, cited) in ordered]


def event_note(name: str, day: date, requested: date, clauses) -> list:
    """A note when the event's date, not `date`, chose rules that differ."""
    changed = [] if day == requested else changed_between(day, requested, clauses)
    if not changed:
        return []
    return [(f"{name}.dated.event", {"rules_day": day.isoformat(),
                                     "requested": requested.isoformat(),
                                     "amendments": [a.summary() for a in changed]})]


def _latest_changes(day: date) -> dict:
    """Each clause changed by `day` -> (the amendment, its action) of its last change."""
    latest = {}
    for amendment in _amendments.amendments():
        if amendment.in_force > day:
            break
        for change in amendment.changes:
            latest[change.clause] = (amendment, change.action)
    return latest


def last_change(clause: str, day: date):
    """(the amendment, its action) of the last change to `clause` in force on `day`,
    or None (the text as issued)."""
    return _latest_changes(day).get(clause)


def repeal(clause: str):
    """The amendment that repealed `clause`, when it stands repealed on the day of
    the computation under way; else None. A repealed clause grants and requires
    nothing from that day: each calculator gives no figure that rests on it."""
    day = _DAY.get()
    if day is None:
        return None
    found = _latest_changes(day).get(clause)
    return found[0] if found and found[1] == "repeal" else None


def repealed(clauses, day: date) -> list:
    """Those of `clauses` that stand repealed on `day`."""
    latest = _latest_changes(day)
    return [c for c in clauses if c in latest and latest[c][1] == "repeal"]


def repeal_headline(clauses, day: date):
    """The headline's first sentence when a cited clause stands repealed: which,
    since when, by which decision (one part per amendment); None otherwise."""
    latest = _latest_changes(day)
    groups: dict = {}
    for clause in repealed(clauses, day):
        amendment = latest[clause][0]
        groups.setdefault((amendment.in_force, amendment.file), (amendment, []))[1].append(clause)
    return [("dated.repealed", {"clauses": cited, "amendment": amendment.summary(),
                                "in_force": amendment.in_force.isoformat()})
            for _, (amendment, cited) in sorted(groups.items(), key=lambda g: g[0])] or None
