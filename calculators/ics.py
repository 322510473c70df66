"""iCalendar (RFC 5545) text for a meeting_calendar answer.

All-day events (DTSTART;VALUE=DATE, DTEND exclusive), CRLF line ends, lines
folded at 75 octets without splitting a UTF-8 character, TEXT values escaped.
Output is deterministic: UIDs come from the kind and date, and DTSTAMP is the
revision date of the rules data (what RFC 5545 asks for when the calendar
carries no METHOD: when the information was last revised).
"""

from datetime import date, timedelta

from ._data import RULES, rule, rules_in_force
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


def _event(meeting: dict, lang: str, stamp: str) -> list:
    first = meeting.get("date") or meeting["start"]
    last = meeting.get("date") or meeting["end"]
    end_exclusive = date.fromisoformat(last) + timedelta(days=1)
    table = rule(f"meeting_calendar.{meeting['kind']}")
    return [
        "BEGIN:VEVENT",
        f"UID:{_day(first)}-{meeting['kind']}@{_UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(first)}",
        f"DTEND;VALUE=DATE:{end_exclusive.strftime('%Y%m%d')}",
        "SUMMARY:" + escape_text(meeting[f"title_{lang}"]),
        "DESCRIPTION:" + escape_text(ics_description(meeting, lang, table)),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def to_ics(result: dict, lang: str = "zh", dtstamp: str | None = None) -> str:
    """The .ics text for a meeting_calendar answer (needs its `meetings`); the
    clauses are quoted as in force on the answer's `as_of`, when it has one."""
    if lang not in ("zh", "en"):
        raise ValueError("lang must be 'zh' or 'en'")
    if isinstance(result.get("as_of"), str):
        with rules_in_force(date.fromisoformat(result["as_of"])):
            return _calendar(result, lang, dtstamp)
    return _calendar(result, lang, dtstamp)


def _calendar(result: dict, lang: str, dtstamp: str | None) -> str:
    stamp = dtstamp or RULES["meta"]["revised"].strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Yongding handbook//calculators meeting_calendar//ZH",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:" + escape_text(calendar_name(result.get("year"), lang)),
    ]
    for meeting in result["meetings"]:
        lines.extend(_event(meeting, lang, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
