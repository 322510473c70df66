"""Property tests (hypothesis) where a rule is monotonic: more of the input never
gives less of the answer."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import calculators

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def run(name, inputs):
    result = calculators.run(name, inputs)
    assert result["ok"], result
    return result


@SETTINGS
@given(st.integers(0, 8000), st.integers(0, 8000))
def test_more_years_never_give_fewer_days(a, b):
    low, high = sorted((a / 100, b / 100))
    assert (run("annual_leave", {"years_worked": low})["days"]
            <= run("annual_leave", {"years_worked": high})["days"])


@SETTINGS
@given(st.dates(date(1960, 1, 1), date(2026, 12, 31)), st.integers(0, 3000))
def test_a_later_counting_date_never_gives_fewer_days(start, later):
    as_of = start + timedelta(days=later)
    nxt = as_of + timedelta(days=1)
    first = run("annual_leave", {"work_start": start.isoformat(), "as_of": as_of.isoformat()})
    second = run("annual_leave", {"work_start": start.isoformat(), "as_of": nxt.isoformat()})
    assert first["days"] <= second["days"]
    assert first["years_worked"] <= second["years_worked"]


@SETTINGS
@given(st.integers(0, 80), st.integers(0, 120), st.integers(0, 120))
def test_more_sick_leave_never_gives_more_days(years, a, b):
    low, high = sorted((a / 10, b / 10))
    assert (run("annual_leave", {"years_worked": years, "sick_leave_months": high})["days"]
            <= run("annual_leave", {"years_worked": years, "sick_leave_months": low})["days"])


@SETTINGS
@given(st.dates(date(1900, 1, 1), date(2200, 12, 17)), st.integers(1, 400))
def test_a_later_spending_date_never_gives_an_earlier_deadline(day, later):
    other = min(day + timedelta(days=later), date(2200, 12, 17))
    first = run("expenditure", {"amount": 1, "spent_on": day.isoformat()})
    second = run("expenditure", {"amount": 1, "spent_on": other.isoformat()})
    assert first["reimburse_by"] <= second["reimburse_by"]
    if first["last_working_day"] and second["last_working_day"]:
        assert first["last_working_day"] <= second["last_working_day"]


@SETTINGS
@given(st.integers(1, 10**9 * 100), st.integers(1, 10**9 * 100))
def test_a_larger_amount_never_needs_less_approval(a, b):
    low, high = sorted((a / 100, b / 100))
    assert (run("expenditure", {"amount": low})["needs_office_meeting"]
            <= run("expenditure", {"amount": high})["needs_office_meeting"])


@SETTINGS
@given(st.integers(1, 300), st.data())
def test_more_present_or_more_votes_never_undo_a_quorum_or_a_pass(members, data):
    present = data.draw(st.integers(0, members - 1))
    votes = data.draw(st.integers(0, present))
    for topic in ("ordinary", "major"):
        fewer = run("quorum", {"members": members, "present": present, "topic": topic,
                               "votes_for": votes})
        more = run("quorum", {"members": members, "present": present + 1, "topic": topic,
                              "votes_for": votes + 1})
        assert fewer["quorum_met"] <= more["quorum_met"]
        assert fewer["passed"] <= more["passed"]


@SETTINGS
@given(st.integers(1, 732), st.integers(1, 732))
def test_a_longer_leave_never_goes_to_a_lower_approver(a, b):
    rank = {"deputy": 0, "principal": 1}
    low, high = sorted((a / 2, b / 2))
    assert (rank[run("leave_approval", {"days": low})["approver"]]
            <= rank[run("leave_approval", {"days": high})["approver"]])


OUTLETS = ["永定新闻网", "红网手机报", "区委办", "省级刊物", "国家级刊物"]


@SETTINGS
@given(st.lists(st.lists(st.sampled_from(OUTLETS), max_size=3), max_size=8),
       st.integers(0, 7), st.sampled_from(OUTLETS))
def test_another_outlet_or_article_never_lowers_the_total(articles, index, outlet):
    before = run("rewards", {"articles": [{"outlets": o} for o in articles]})["total"]
    more = [list(o) for o in articles] or [[]]
    more[index % len(more)].append(outlet)
    after = run("rewards", {"articles": [{"outlets": o} for o in more]})["total"]
    assert before <= after
    added = run("rewards", {"articles": [{"outlets": o} for o in articles + [[outlet]]]})
    assert before <= added["total"]


@SETTINGS
@given(st.integers(0, 732), st.integers(0, 732))
def test_more_duty_never_earns_less(a, b):
    low, high = sorted((a / 2, b / 2))
    assert (run("duty_compensation", {"duty_days": low})["compensation_days"]
            <= run("duty_compensation", {"duty_days": high})["compensation_days"])
