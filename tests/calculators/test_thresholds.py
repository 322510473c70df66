"""Every threshold, on each side, GENERATED from the rules as the calculators read
them (calculators._data.rules_on(day), rule()), never from the TOML text: a
threshold an amendment changes is covered on each side of its in-force day.

The days: today's rules, and the day before and the in-force day of every
amendment of the fixtures (tests/data/amendments), which change c12-2's 5000 to
10000 and c9-1-2's 3 days to 5.
"""

import math
from datetime import date, timedelta
from fractions import Fraction

import pytest

import calculators
from calculators import _amendments
from calculators._data import rules_on
from conftest import FIXTURE_AMENDMENTS


def _days():
    _amendments._cached.cache_clear()
    found = {date(2026, 12, 1)}
    for amendment in _amendments.load(FIXTURE_AMENDMENTS):
        found |= {amendment.in_force - timedelta(days=1), amendment.in_force}
    return sorted(found)


DAYS = _days()


@pytest.fixture
def rules(use_amendments):
    use_amendments()
    return lambda day: rules_on(day)


def run(name, inputs, day):
    result = calculators.run(name, {**inputs, "date": day.isoformat()})
    assert result["ok"], result
    return result


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_quorum_each_side_of_three_quarters_everyone_and_the_majority(rules, day):
    data = rules(day)["quorum"]
    ordinary, major = Fraction(data["ordinary"]["ratio"]), Fraction(data["major"]["ratio"])
    majority = Fraction(data["vote"]["majority"])
    for members in range(1, 41):
        for topic, share in (("ordinary", ordinary), ("personnel", major)):
            need = math.ceil(share * members)
            assert run("quorum", {"members": members, "present": need, "topic": topic},
                       day)["quorum_met"] is True
            if need:
                assert run("quorum", {"members": members, "present": need - 1, "topic": topic},
                           day)["quorum_met"] is False
        # 超过应到会成员半数: more than half of all the members, however many are present.
        votes = math.floor(majority * members) + 1
        assert run("quorum", {"members": members, "present": members, "votes_for": votes},
                   day)["passed"] is True
        assert run("quorum", {"members": members, "present": members,
                              "votes_for": votes - 1}, day)["passed"] is False


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_expenditure_each_side_of_the_meeting_amount_and_the_deadline(rules, day):
    data = rules(day)["expenditure"]
    amount = data["office_meeting"]["from_amount"]
    on = {"spent_on": day.isoformat()}
    assert run("expenditure", {"amount": amount, **on}, day)["needs_office_meeting"] is True
    assert run("expenditure", {"amount": round(amount - 0.01, 2), **on},
               day)["needs_office_meeting"] is False
    deadline = run("expenditure", {"amount": 1, **on}, day)["reimburse_by"]
    assert date.fromisoformat(deadline) == day + timedelta(days=data["reimbursement"]["days"])


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_leave_approval_each_side_of_the_day_threshold(rules, day):
    data = rules(day)["leave_approval"]
    threshold = data["principal"]["from_days"]
    assert run("leave_approval", {"days": threshold}, day)["approver"] == "principal"
    assert run("leave_approval", {"days": threshold - 0.5}, day)["approver"] == "deputy"


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_annual_leave_each_side_of_every_band_and_every_cancelling_limit(rules, day):
    data = rules(day)["annual_leave"]
    tiers = data["tiers"]
    previous = 0
    for tier in tiers:
        years = tier["from_years"]
        assert run("annual_leave", {"years_worked": years}, day)["days"] == tier["days"]
        assert run("annual_leave", {"years_worked": years - 0.01}, day)["days"] == previous
        limit = tier["sick_leave_months"]
        assert run("annual_leave", {"years_worked": years, "sick_leave_months": limit},
                   day)["reasons"] == ["sick_leave"]
        assert run("annual_leave", {"years_worked": years, "sick_leave_months": limit - 0.1},
                   day)["reasons"] == []
        # 多于 excludes the number: a vacation equal to the days does not cancel.
        equal = run("annual_leave", {"years_worked": years, "vacation_days": tier["days"]}, day)
        assert equal["reasons"] == [] and equal["days"] == 0
        longer = run("annual_leave", {"years_worked": years,
                                      "vacation_days": tier["days"] + 0.5}, day)
        assert longer["reasons"] == ["vacation_longer"]
        # By dates: the band's days from the 1st of the month after the anniversary.
        start = date(2000, 3, 15)
        anniversary = date(start.year + years, 3, 15)
        assert run("annual_leave", {"work_start": start.isoformat(),
                                    "as_of": anniversary.isoformat()}, day)["days"] == previous
        assert run("annual_leave", {"work_start": start.isoformat(),
                                    "as_of": date(anniversary.year, 4, 1).isoformat()},
                   day)["days"] == tier["days"]
        previous = tier["days"]
    personal = data["personal_leave"]["days"]
    years = tiers[0]["from_years"]
    assert run("annual_leave", {"years_worked": years, "personal_leave_days": personal},
               day)["reasons"] == ["personal_leave"]
    assert run("annual_leave", {"years_worked": years, "personal_leave_days": personal - 0.5},
               day)["reasons"] == []


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_condolence_rewards_and_duty_figures_follow_the_rules_of_the_day(rules, day):
    data = rules(day)
    death, hospital = data["condolence"]["death"], data["condolence"]["hospitalization"]
    assert run("condolence", {"event": "death", "person": "spouse"},
               day)["amount_min"] == death["amount"]
    assert run("condolence", {"event": "hospitalization", "person": "self"},
               day)["amount_min"] == hospital["amount"]
    disaster = run("condolence", {"event": "disaster", "person": "self"}, day)
    assert (disaster["amount_min"], disaster["amount_max"]) == (
        data["condolence"]["disaster"]["amount_min"], data["condolence"]["disaster"]["amount_max"])
    for code, level in data["rewards"]["levels"].items():
        assert run("rewards", {"articles": [{"outlets": [code]}]}, day)["total"] == level["reward"]
    least = data["rewards"]["young_cadre"]["min_articles_per_month"]
    month = f"{day.year - 1}-06"
    enough = run("rewards", {"articles": [{"outlets": [], "month": month}] * least,
                             "young_cadre": True}, day)
    assert enough["shortfall_months"] == []
    ratio = Fraction(data["duty"]["compensation"]["ratio"])
    assert run("duty_compensation", {"duty_days": 3}, day)["compensation_days"] == ratio * 3


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_meeting_calendar_counts_and_session_length_follow_the_rules_of_each_meetings_day(
        rules, day):
    """The calendar of the day's year: each meeting follows the rules of its own day
    (the counts per year, where one text governs the whole year)."""
    from calculators import _amendments
    result = run("meeting_calendar", {"year": day.year}, day)
    counts = result["counts"]
    first, last = date(day.year, 1, 1), date(day.year, 12, 31)
    data = rules(first)["meeting_calendar"]
    assert counts["office_meeting"] == 12 * len(data["office_meeting"]["weeks"])
    for kind in ("party_member_meeting", "democratic_life_meeting"):
        clause = data[kind]["clause"]
        if _amendments.clause_version(clause, first) == _amendments.clause_version(clause, last):
            assert counts[kind] == data[kind]["per_year"], kind
    assert counts["central_group_study"] == 4 and counts["collective_study"] == 12
    for meeting in result["meetings"]:
        own = rules(date.fromisoformat(meeting["days"][0]))["meeting_calendar"]
        if meeting["kind"] == "central_group_study":
            # 不少于 includes the number: exactly min_days consecutive working days.
            assert len(meeting["days"]) == own["central_group_study"]["min_days"]


def test_the_days_cover_thresholds_that_an_amendment_changes(rules):
    """The fixtures change a threshold and a session length: both versions are
    among the days above, so each side of each version is tested."""
    amounts = {rules(day)["expenditure"]["office_meeting"]["from_amount"] for day in DAYS}
    lengths = {rules(day)["meeting_calendar"]["central_group_study"]["min_days"] for day in DAYS}
    assert len(amounts) >= 2 and len(lengths) >= 2
