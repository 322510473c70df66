"""China's statutory holidays, from the maintained `chinese_calendar` package.

No hand-typed holiday table: `chinese_calendar` (PyPI `chinese-calendar`, MIT,
pure Python) carries the State Council General Office's yearly holiday notices
(国务院办公厅关于部分节假日安排的通知), including the swapped working days
(调休). Its data reach from its first to its last year (2004-2026 in 1.11.0);
for any other year a weekday cannot be known to be a working day, and the
calculators say so instead of guessing.

The same wheel is registered in the site's pyodide-lock.json, so this module
runs unchanged in the browser.
"""

from datetime import date

import chinese_calendar
from chinese_calendar.constants import Holiday
from chinese_calendar.constants import holidays as _HOLIDAYS

FIRST_YEAR = min(_HOLIDAYS).year
LAST_YEAR = max(_HOLIDAYS).year
VERSION = chinese_calendar.__version__


def known(year: int) -> bool:
    """Whether the library has the holiday notice of `year`."""
    return FIRST_YEAR <= year <= LAST_YEAR


def holiday_key(day: date) -> str | None:
    """The library's key (its English name, e.g. "Spring Festival") of the
    statutory holiday `day` belongs to; None for a working day, a plain weekend
    day and a day of an unknown year. common.toml [holidays] words it."""
    if not known(day.year):
        return None
    off, name = chinese_calendar.get_holiday_detail(day)
    if not off or name is None:
        return None
    return Holiday(name).value


def is_day_off(day: date):
    """True on a weekend or statutory holiday, False on a working day (a swapped
    working Saturday counts as a working day), None when the year is unknown and
    `day` is a weekday."""
    if known(day.year):
        return not chinese_calendar.is_workday(day)
    return True if day.weekday() >= 5 else None


def is_meeting_day(day: date):
    """A Monday-to-Friday working day. None when the year is unknown (then any
    weekday is taken as a working day, and the answer says holidays were not
    checked)."""
    if day.weekday() >= 5:
        return False
    off = is_day_off(day)
    return None if off is None else not off
