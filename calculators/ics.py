"""iCalendar (RFC 5545) text for a meeting_calendar answer.

All-day events (DTSTART;VALUE=DATE, DTEND exclusive), CRLF line ends, lines
folded at 75 octets without splitting a UTF-8 character, TEXT values escaped.
Output is deterministic: UIDs come from the kind and date, and DTSTAMP is the
revision date of the rules data (what RFC 5545 asks for when the calendar
carries no METHOD: when the information was last revised).
"""

from datetime import date, timedelta

from ._data import RULES, rules_on
from ._wording import calendar_name, ics_description

_MAX_OCTETS = 75
_UID_DOMAIN = "yongding-calculators"


def escape_text(value: str) -> str:
    """RFC 5545 3.3.11: backslash, semicolon, comma and newline."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """RFC 5545 3.1: at most 75 octets a line; a continuation starts with a
    space, which counts toward its 75."""
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _MAX_OCTETS:
            parts.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n".join(parts)


def _day(text: str) -> str:
    return text.replace("-", "")


def _blocks(meeting: dict) -> list:
    """The meeting's days as runs of consecutive days, (first, last) each: one
    run, unless a session had to be split by days off (it is then flagged)."""
    days = [date.fromisoformat(day) for day in meeting.get("days") or ()]
    if not days:
        first = meeting.get("date") or meeting["start"]
        last = meeting.get("date") or meeting["end"]
        return [(date.fromisoformat(first), date.fromisoformat(last))]
    runs = [[days[0], days[0]]]
    for day in days[1:]:
        if day == runs[-1][1] + timedelta(days=1):
            runs[-1][1] = day
        else:
            runs.append([day, day])
    return [tuple(run) for run in runs]


def _rules_of(meeting: dict) -> dict:
    """The kind's rules as in force on the meeting's first day: the version it was
    planned under (meetings.py plans each meeting under its own day's rules)."""
    first = (meeting.get("days") or [meeting.get("date") or meeting["start"]])[0]
    return rules_on(date.fromisoformat(first))["meeting_calendar"][meeting["kind"]]


def _event(meeting: dict, lang: str, stamp: str) -> list:
    table = _rules_of(meeting)
    lines = []
    # An all-day event per run of days: no event ever covers a day off.
    for first, last in _blocks(meeting):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{first.strftime('%Y%m%d')}-{meeting['kind']}@{_UID_DOMAIN}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(last + timedelta(days=1)).strftime('%Y%m%d')}",
            "SUMMARY:" + escape_text(meeting[f"title_{lang}"]),
            "DESCRIPTION:" + escape_text(ics_description(meeting, lang, table)),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    return lines


def to_ics(result: dict, lang: str = "zh", dtstamp: str | None = None) -> str:
    """The .ics text for a meeting_calendar answer (needs its `meetings`); each
    meeting's clause is quoted as in force on the meeting's own first day."""
    if lang not in ("zh", "en"):
        raise ValueError("lang must be 'zh' or 'en'")
    _check_answer(result)
    return _calendar(result, lang, dtstamp)


def _check_answer(result) -> None:
    """A clear ValueError for anything but a meeting_calendar answer."""
    problem = None
    if not isinstance(result, dict) or not isinstance(result.get("meetings"), list):
        problem = "it has no list of meetings"
    elif result.get("ok") is False:
        problem = "it is a refusal"
    elif not all(isinstance(m, dict) and m.get("kind") in RULES["meeting_calendar"]
                 and (m.get("date") or (m.get("start") and m.get("end")) or m.get("days"))
                 for m in result["meetings"]):
        problem = "a meeting lacks its kind or its dates"
    elif "as_of" in result:
        try:
            date.fromisoformat(result["as_of"])
        except (TypeError, ValueError):
            problem = f"its as_of ({result['as_of']!r}) is not a date YYYY-MM-DD"
    if problem:
        raise ValueError(f"to_ics needs a meeting_calendar answer: {problem}")


def _calendar(result: dict, lang: str, dtstamp: str | None) -> str:
    stamp = dtstamp or RULES["meta"]["revised"].strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        # The language of the calendar's text (RFC 5545 3.7.3: -//owner//product//language).
        f"PRODID:-//Yongding handbook//calculators meeting_calendar//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:" + escape_text(calendar_name(result.get("year"), lang)),
    ]
    for meeting in result["meetings"]:
        lines.extend(_event(meeting, lang, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
