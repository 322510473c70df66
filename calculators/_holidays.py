"""Working days and days off in China: the yearly notices, and the law for other years.

No hand-typed holiday table. Two maintained, pure-Python packages:

* `chinese_calendar` (PyPI `chinese-calendar`, MIT) carries the State Council
  General Office's yearly holiday notices (国务院办公厅关于部分节假日安排的通知):
  the holidays and the 调休, i.e. the bridging days off and the weekend days
  worked to make up for them (调休上班). Its data reach from its first to its last
  year (2004-2026 in 1.11.0). In those years a make-up weekend day is a working
  day, everywhere.
* For another year, the holidays the law itself fixes (_statutory.py, from the
  lunar calendar of `borax` and the solar terms) are days off, as are weekends
  and, the stricter reading, the working days off the law owes for a holiday on
  a weekend (补假, art. 6 of each order), on the days the notices have put them;
  the rest of the notice's 调休 is not in the data: a weekday may still become a
  bridging day off, a weekend day a make-up working day. The calculators say so
  ("provisional"), and no more.

The same wheels are registered in the site's pyodide-lock.json, so this module
runs unchanged in the browser.
"""

from datetime import date

import chinese_calendar
from chinese_calendar.constants import Holiday
from chinese_calendar.constants import holidays as _HOLIDAYS

from . import _statutory

FIRST_YEAR = min(_HOLIDAYS).year
LAST_YEAR = max(_HOLIDAYS).year
VERSION = chinese_calendar.__version__


def known(year: int) -> bool:
    """Whether the library has the holiday notice of `year` (its 调休 included)."""
    return FIRST_YEAR <= year <= LAST_YEAR


def law_known(year: int) -> bool:
    """Whether at least the holidays the law fixes are known for `year`."""
    return known(year) or _statutory.known(year)


def compensatory(day: date) -> str | None:
    """In a year without the notice: the holiday whose owed working day off (补假)
    `day` probably is (_statutory.compensatory), or None. In a year with the
    notice, the notice says it, and holiday_key() names it."""
    if known(day.year):
        return None
    return _statutory.compensatory(day)


def holiday_key(day: date) -> str | None:
    """The key (chinese_calendar's English name, e.g. "Spring Festival") of the
    public holiday `day` belongs to; None for a working day, a plain weekend day
    and a day whose holidays are not known. common.toml [holidays] words it."""
    if not known(day.year):
        return _statutory.holiday(day)
    off, name = chinese_calendar.get_holiday_detail(day)
    if not off or name is None:
        return None
    return Holiday(name).value


def is_working_day(day: date):
    """True on a working day (a make-up weekend day of the notice included),
    False on a day off. In a year without the notice: a holiday the law fixes, the
    working day off it owes for a holiday on a weekend (compensatory()) and a
    weekend day are days off, any other day a working day, provisionally (see
    known()); None for a weekday when not even the law's holidays are known."""
    if known(day.year):
        return chinese_calendar.is_workday(day)
    if day.weekday() >= 5 or _statutory.holiday(day) or _statutory.compensatory(day):
        return False
    return True if _statutory.known(day.year) else None


def is_day_off(day: date):
    """The opposite of is_working_day (None stays None)."""
    working = is_working_day(day)
    return None if working is None else not working
