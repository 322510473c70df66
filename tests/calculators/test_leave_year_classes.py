"""annual_leave: losing a year's leave is a whole-year outcome (条例 art. 4:
不享受当年的年休假), scanned class by class.

* By dates: for every band, anniversaries spread over a whole year (a common and
  a leap one, 29 February included), sick leave on each side of the limit before
  and after the anniversary, and the dates the answer can be asked for in that
  year (the 1st of every month, around the anniversary, around the month the new
  band starts, 31 December): whether the sick leave cancels the year's leave, and
  the limit applied, never change within the year. Where the limit of the band
  reached within the year would give the other outcome, the headline and the
  explanation say so.
* By years worked alone: in a year a band may have been reached, sick leave
  between the two limits is flagged in the headline and the explanation.

The bands and limits are read from the rules as the calculators read them
(rules_on), never from the TOML text.
"""

from datetime import date, timedelta

import pytest

import calculators
from calculators._data import rules_on
from calculators._wording import _date

RULES_DAY = date(2026, 12, 1)
TIERS = rules_on(RULES_DAY)["annual_leave"]["tiers"]


def _run(inputs):
    result = calculators.run("annual_leave", {**inputs, "date": RULES_DAY.isoformat()})
    assert result["ok"], result
    return result


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:       # 29 February in a common year: 28 February (民法典 art. 202)
        return date(start.year + years, 2, 28)


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _anniversaries(year: int):
    """Every 7th day of the year, and the days where the reckoning is most delicate."""
    days = {date(year, 1, 1) + timedelta(days=i) for i in range(0, 366, 7)}
    days |= {date(year, 1, 1), date(year, 1, 2), date(year, 2, 28), date(year, 3, 1),
             date(year, 12, 1), date(year, 12, 31)}
    if year % 4 == 0:
        days.add(date(year, 2, 29))
    return sorted(d for d in days if d.year == year)


def _as_of_days(year: int, anniversary: date, start: date):
    days = {date(year, month, 1) for month in range(1, 13)}
    band_start = _month_after(anniversary)
    days |= {anniversary - timedelta(days=1), anniversary, anniversary + timedelta(days=1),
             band_start - timedelta(days=1), band_start, date(year, 12, 31)}
    return sorted(d for d in days if d.year == year and d >= start)


def _sick_values(lower, higher):
    values = {lower - 0.5, lower, higher}
    if higher > lower:
        values.add((lower + higher) / 2)
    return sorted(v for v in values if v >= 0)


@pytest.mark.parametrize("year", (2026, 2028))
@pytest.mark.parametrize("band", range(len(TIERS)), ids=[f"from {t['from_years']}" for t in TIERS])
def test_the_sick_leave_outcome_holds_for_the_whole_year(band, year):
    tier = TIERS[band]
    lower = TIERS[band - 1]["sick_leave_months"] if band else tier["sick_leave_months"]
    higher = tier["sick_leave_months"]
    runs = flagged = 0
    for anniversary in _anniversaries(year):
        start_year = year - tier["from_years"]
        try:
            start = anniversary.replace(year=start_year)
        except ValueError:                      # 29 February of a leap year
            continue
        starts = [start]
        if anniversary.month == 2 and anniversary.day == 28 and start_year % 4 == 0:
            starts.append(date(start_year, 2, 29))   # its anniversary is 28 February too
        for start in starts:
            reached = _anniversary(start, tier["from_years"])
            for sick in _sick_values(lower, higher):
                outcomes, limits = set(), set()
                for as_of in _as_of_days(year, reached, start):
                    result = _run({"work_start": start.isoformat(), "as_of": as_of.isoformat(),
                                   "sick_leave_months": sick})
                    runs += 1
                    if not result["entitlement_days"]:
                        continue           # no leave yet that year: nothing to lose
                    outcomes.add("sick_leave" in result["reasons"])
                    limits.add(result["sick_leave_limit_months"])
                    # Where the band reached within the year has a higher limit
                    # that would keep the leave, the answer says so, first.
                    if band and reached > date(year, 1, 1) and lower <= sick < higher:
                        assert result["days"] == 0, (start, as_of, sick)
                        for lang in ("zh", "en"):
                            when = _date(reached.isoformat(), lang)
                            assert when in result[f"answer_{lang}"], (start, as_of, result)
                            assert when in result[f"explanation_{lang}"], (start, as_of)
                        flagged += 1
                assert len(outcomes) <= 1, (start, sick, outcomes)
                assert len(limits) <= 1, (start, sick, limits)
    assert runs > 1500
    assert flagged > (100 if band else -1)


@pytest.mark.parametrize("band", range(1, len(TIERS)), ids=[f"from {t['from_years']}"
                                                            for t in TIERS[1:]])
def test_years_worked_alone_flag_a_band_that_may_have_been_reached_this_year(band):
    """Years given without dates cannot tell whether the band was reached this year:
    when the sick leave lies between the two limits, the answer says both outcomes."""
    tier = TIERS[band]
    lower, higher = TIERS[band - 1]["sick_leave_months"], tier["sick_leave_months"]
    flagged = 0
    for tenths in range(0, 10 * (tier["from_years"] + 3)):
        years = tenths / 10
        for sick in _sick_values(lower, higher):
            result = _run({"years_worked": years, "sick_leave_months": sick})
            crossing = tier["from_years"] <= years < tier["from_years"] + 1
            warn = crossing and lower <= sick < higher
            for lang, unit in (("zh", "个月"), ("en", " month")):
                said = f"{lower:g}{unit}" in result[f"answer_{lang}"]
                assert said is warn, (years, sick, lang, result[f"answer_{lang}"])
            if warn:
                assert result["days"] == tier["days"]       # the band of the years given
                flagged += 1
    assert flagged >= 20
