"""The public holidays the law itself fixes, for any year: 《全国年节及纪念日放假办法》.

The State Council's yearly notice (国务院办公厅关于部分节假日安排的通知) only adds
the 调休: bridging days off and the weekend days worked to make up for them. The
holidays themselves are fixed by the Measures, by the solar calendar (元旦, 劳动节,
国庆节), the lunar calendar (春节, 端午节, 中秋节) and a solar term (清明), so they are
known for any year, before any notice:

    国务院令第270号 (1999-09-18)  元旦; 春节 正月初一至初三; 劳动节 5月1日至3日; 国庆节 10月1日至3日
    国务院令第513号 (2008-01-01)  元旦; 春节 除夕、正月初一、初二; 清明节 清明当日; 劳动节 5月1日;
                                 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 10月1日至3日
    国务院令第644号 (2014-01-01)  as 513, 春节 正月初一至初三
    国务院令第795号 (2025-01-01)  as 644, 春节 除夕 and 正月初一至初三; 劳动节 5月1日、2日

(c8-4 and its editor's note name 513, 644 and 795.) Each order's art. 6 adds:
全体公民放假的假日，如果适逢周六、周日，应当在工作日补假. So a holiday on a
weekend owes a working day off (补假). The law does not say which day; the notices
have put it on the first working days after the holiday (72 of the 74 such days
of 2004-2026; 2012's Dragon Boat Festival was given back the Friday before it,
2015's Mid-Autumn Festival within the National Day week). compensatory_days()
gives those days: the stricter reading takes them as days off, and the answers
say they are probable. The other 调休 (bridging days off, weekend days worked in
lieu) only the notice can say.

The lunar dates come from the `borax` package (borax.calendars.lunardate: pure
Python, MIT, its own table of the lunar years 1900-2100), the solar term 清明 from `chinese_calendar`'s
solar terms (1900-2100). tests/calculators/test_holidays.py checks every date
against chinese_calendar's notices for every year both cover.
"""

from datetime import date, timedelta
from functools import lru_cache

from chinese_calendar import get_solar_terms
from borax.calendars.lunardate import LunarDate

# Holiday keys: chinese_calendar's names (calculators/messages/common.toml [holidays]).
NEW_YEAR, SPRING, TOMB, LABOUR, DRAGON, MID_AUTUMN, NATIONAL = (
    "New Year's Day", "Spring Festival", "Tomb-sweeping Day", "Labour Day",
    "Dragon Boat Festival", "Mid-autumn Festival", "National Day")

# A day of a holiday: ("solar", month, day), ("lunar", month, day) of the lunar
# year that begins in the year, ("eve",) the lunar new year's eve, ("term", name).
_ORDER_270 = {NEW_YEAR: (("solar", 1, 1),),
              SPRING: (("lunar", 1, 1), ("lunar", 1, 2), ("lunar", 1, 3)),
              LABOUR: (("solar", 5, 1), ("solar", 5, 2), ("solar", 5, 3)),
              NATIONAL: (("solar", 10, 1), ("solar", 10, 2), ("solar", 10, 3))}
_ORDER_513 = {NEW_YEAR: (("solar", 1, 1),),
              SPRING: (("eve",), ("lunar", 1, 1), ("lunar", 1, 2)),
              TOMB: (("term", "清明"),),
              LABOUR: (("solar", 5, 1),),
              DRAGON: (("lunar", 5, 5),),
              MID_AUTUMN: (("lunar", 8, 15),),
              NATIONAL: (("solar", 10, 1), ("solar", 10, 2), ("solar", 10, 3))}
_ORDER_644 = {**_ORDER_513, SPRING: (("lunar", 1, 1), ("lunar", 1, 2), ("lunar", 1, 3))}
_ORDER_795 = {**_ORDER_644,
              SPRING: (("eve",), ("lunar", 1, 1), ("lunar", 1, 2), ("lunar", 1, 3)),
              LABOUR: (("solar", 5, 1), ("solar", 5, 2))}

# (the first year it governs, the State Council order, its holidays). 270 took
# effect on 18 September 1999: 2000 is its first whole year.
ORDERS = ((2000, "270", _ORDER_270), (2008, "513", _ORDER_513),
          (2014, "644", _ORDER_644), (2025, "795", _ORDER_795))

FIRST_YEAR = ORDERS[0][0]
LAST_YEAR = 2099        # the orders' reach checked here; borax's table runs to 2100


def known(year: int) -> bool:
    """Whether the law's holidays of `year` can be worked out here."""
    return FIRST_YEAR <= year <= LAST_YEAR


def order(year: int) -> str | None:
    """The number of the State Council order whose holidays govern `year`."""
    found = None
    for first, number, _ in ORDERS:
        if year >= first:
            found = number
    return found if known(year) else None


def _day(year: int, spec: tuple) -> date:
    kind = spec[0]
    if kind == "solar":
        return date(year, spec[1], spec[2])
    if kind == "lunar":
        return LunarDate(year, spec[1], spec[2]).to_solar_date()
    if kind == "eve":
        return LunarDate(year, 1, 1).to_solar_date() - timedelta(days=1)
    terms = get_solar_terms(date(year, 1, 1), date(year, 12, 31))
    return next(day for day, name in terms if name == spec[1])


@lru_cache(maxsize=None)
def holidays(year: int) -> dict:
    """{day: holiday key} of every day the law makes a holiday in `year` ({} when
    it cannot be worked out)."""
    if not known(year):
        return {}
    table = next(days for first, _, days in reversed(ORDERS) if year >= first)
    return {_day(year, spec): key for key, specs in table.items() for spec in specs}


def holiday(day: date) -> str | None:
    """The holiday the law makes `day` part of, or None."""
    return holidays(day.year).get(day)


# 第六条 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。
# One working day off for each holiday day on a Saturday or Sunday, on the first
# weekdays after the holiday that are not holidays themselves (see above).
@lru_cache(maxsize=None)
def compensatory_days(year: int) -> dict:
    """{day: holiday key} of the working days off the law owes in `year` for its
    holidays on a weekend, where the notices put them ({} when not known)."""
    law = holidays(year)
    runs: list = []
    for day in sorted(law):
        if runs and day == runs[-1][-1] + timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    owed: dict = {}
    for run in runs:
        count, day = sum(d.weekday() >= 5 for d in run), run[-1]
        while count:
            day += timedelta(days=1)
            if day.weekday() < 5 and day not in law and day not in owed:
                owed[day] = law[run[0]]
                count -= 1
    return owed


def compensatory(day: date) -> str | None:
    """The holiday whose owed day off (补假) `day` probably is, or None."""
    return compensatory_days(day.year).get(day)
