"""Property tests: run() never raises, answers keep the contract's shape, and
the figures follow the rules for any valid input."""

import json
import math
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators
from calculators import _holidays
from calculators._validate import ERROR_CODES
from calcpaths import CLAUSES

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Anything JSON can carry (and a bit more: NaN, infinity, huge integers).
scalars = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-10**40, max_value=10**40)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20)
           | st.sampled_from(["2027-02-30", "2027-13", "2027-01", "2027-01-31", "永定新闻网",
                              "major", "death", "spouse", "spring_festival", "0.5"]))
json_like = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=4),
    max_leaves=20)

FIELD_NAMES = {name: [f["name"] for f in calculators.schema(name)["fields"]]
               for name in calculators.CALCULATORS}


def check_shape(result) -> None:
    """The contract's shape, for any answer."""
    assert isinstance(result, dict)
    json.dumps(result, allow_nan=False, ensure_ascii=False)  # strictly JSON
    if result["ok"] is True:
        assert result["clauses"], "an ok answer cites at least one clause"
        assert set(result["clauses"]) <= set(CLAUSES)
        for key in ("explanation_zh", "explanation_en"):
            assert isinstance(result[key], str) and result[key]
            assert "{" not in result[key], "an unfilled message parameter"
    else:
        assert result["ok"] is False
        error = result["error"]
        assert set(error) == {"field", "code", "message_zh", "message_en"}
        assert error["code"] in ERROR_CODES and error["code"] != "internal"
        assert isinstance(error["field"], str) and error["field"]
        assert error["message_zh"] and error["message_en"]


@SETTINGS
@given(name=st.sampled_from(calculators.CALCULATORS) | st.text(max_size=10) | scalars,
       inputs=json_like)
def test_run_never_raises_on_anything(name, inputs):
    check_shape(calculators.run(name, inputs))


@st.composite
def known_keys(draw):
    """Dicts using the calculator's own field names, with arbitrary values."""
    name = draw(st.sampled_from(calculators.CALCULATORS))
    keys = draw(st.lists(st.sampled_from(FIELD_NAMES[name]), unique=True))
    return name, {key: draw(json_like) for key in keys}


@SETTINGS
@given(known_keys())
def test_run_never_raises_on_the_right_keys_with_any_values(case):
    check_shape(calculators.run(*case))


half_days = st.integers(min_value=1, max_value=732).map(lambda n: n / 2)


@st.composite
def quorum_inputs(draw):
    members = draw(st.integers(1, 1000))
    present = draw(st.integers(0, members))
    inputs = {"members": members, "present": present,
              "topic": draw(st.sampled_from(["ordinary", "major"]))}
    if draw(st.booleans()):
        inputs["votes_for"] = draw(st.integers(0, present))
        inputs["votes_against"] = draw(st.integers(0, present - inputs["votes_for"]))
    return inputs


@SETTINGS
@given(quorum_inputs())
def test_quorum_follows_three_quarters_and_majority(inputs):
    result = calculators.run("quorum", inputs)
    check_shape(result)
    members, present = inputs["members"], inputs["present"]
    required = members if inputs["topic"] == "major" else math.ceil(3 * members / 4)
    assert result["required_present"] == required
    assert result["quorum_met"] == (present >= required)
    if "votes_for" in inputs:
        # 少数服从多数: more than half of ALL the members entitled to attend (the stricter reading).
        assert result["passed"] == (result["quorum_met"] and inputs["votes_for"] * 2 > members)


@SETTINGS
@given(half_days)
def test_leave_of_one_day_or_more_goes_to_the_principal(days):
    result = calculators.run("leave_approval", {"days": days})
    check_shape(result)
    assert result["approver"] == ("principal" if days >= 1 else "deputy")
    assert result["written_report"] == (days >= 1)


@SETTINGS
@given(cents=st.integers(1, 100_000_000_000),
       spent_on=st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_expenditure_threshold_and_deadline(cents, spent_on):
    result = calculators.run("expenditure", {"amount": cents / 100, "spent_on": spent_on.isoformat()})
    check_shape(result)
    assert result["needs_office_meeting"] == (cents >= 500_000)
    # 半月, the stricter reading: 14 days from the day after the spending.
    deadline = date.fromisoformat(result["reimburse_by"])
    assert (deadline - spent_on).days == 14
    if result["deadline_day_off"] is False:
        assert result["last_working_day"] == result["reimburse_by"]
    elif result["deadline_day_off"] and result["last_working_day"]:
        last = date.fromisoformat(result["last_working_day"])
        assert spent_on <= last < deadline and _holidays.is_working_day(last)


OUTLET_REWARD = {"永定新闻网": 50, "county_web": 50, "红网手机报": 100, "rednet_mobile": 100,
                 "张家界日报": 300, "区委办": 300, "municipal": 300, "provincial": 1000,
                 "national": 2000}


@SETTINGS
@given(st.lists(st.lists(st.sampled_from(sorted(OUTLET_REWARD)), min_size=1, max_size=5),
                max_size=30))
def test_rewards_total_is_the_sum_of_each_articles_highest(articles):
    result = calculators.run("rewards", {"articles": [{"outlets": o} for o in articles]})
    check_shape(result)
    assert result["total"] == sum(max(OUTLET_REWARD[o] for o in outlets) for outlets in articles)


@SETTINGS
@given(years=st.floats(0, 80), sick=st.floats(0, 12), personal=half_days | st.just(0),
       deducted=st.booleans(), vacation=half_days | st.just(0))
def test_annual_leave_is_a_band_or_zero(years, sick, personal, deducted, vacation):
    if personal > 366 or vacation > 366:
        return
    result = calculators.run("annual_leave", {
        "years_worked": years, "sick_leave_months": sick, "personal_leave_days": personal,
        "personal_leave_pay_deducted": deducted, "vacation_days": vacation})
    check_shape(result)
    band = 0 if years < 1 else 5 if years < 10 else 10 if years < 20 else 15
    assert result["entitlement_days"] == band
    if band == 0 or result["reasons"]:
        assert result["days"] == 0
    else:
        # 实施办法 art. 5: a shorter vacation is topped up to the band.
        assert result["days"] == band - vacation


@settings(max_examples=60, deadline=None)
@given(st.integers(1900, 2200) | st.integers(2004, 2026),
       st.sampled_from(["calendar_row", "nth_monday"]))
def test_any_year_has_the_required_meetings_on_distinct_days(year, reading):
    from calculators import _holidays
    result = calculators.run("meeting_calendar", {"year": year, "week_reading": reading})
    check_shape(result)
    assert result["holidays_checked"] == _holidays.known(year)
    firsts = [m.get("date") or m["start"] for m in result["meetings"]]
    assert len(firsts) == 45 == len(set(firsts))
    for meeting in result["meetings"]:
        first = date.fromisoformat(meeting.get("date") or meeting["start"])
        last = date.fromisoformat(meeting.get("date") or meeting["end"])
        assert first <= last and first.year == last.year == year
        # Inside its period, or flagged (no free working day was left in it).
        assert meeting.get("outside_period") or (
            date.fromisoformat(meeting["period_start"]) <= first
            and last <= date.fromisoformat(meeting["period_end"]))
        if meeting["kind"] == "office_meeting":     # inside its month, always
            assert first.month == last.month == int(meeting["period_start"][5:7])
        # Never silently on a day off: every day of every meeting is a working day
        # (make-up days included), by the notice or, past it, by the law.
        days = [date.fromisoformat(day) for day in meeting["days"]]
        assert all(_holidays.is_working_day(day) is not False for day in days)
        if _holidays.known(year):
            assert meeting["holiday_check"] in ("clear", "moved")
        else:
            assert meeting["holiday_check"] == "unknown"
        if meeting["kind"] == "office_meeting" and "moved_from" not in meeting:
            assert first.weekday() == 0
            days = (8, 14, 22, 28) if reading == "nth_monday" else (2, 8, 16, 22)
            assert days[0] <= first.day <= days[1] or days[2] <= first.day <= days[3]
