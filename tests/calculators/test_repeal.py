"""A repealed clause grants and requires nothing from the day of its repeal, in
every calculator: the answer says so first (which clause, since when, by which
decision), and no figure that rested on the clause survives it."""

from datetime import date

import pytest

import calculators
from calcpaths import CLAUSES  # noqa: F401  (puts the repository on sys.path)

IN_FORCE = date(2027, 5, 1)
NUMBER = "永编办发〔2027〕9号"

# One typical input per calculator, and what its figures become once the clauses
# it rests on are repealed.
CASES = {
    "quorum": ({"members": 5, "present": 5, "votes_for": 3},
               {"quorum_met": None, "required_present": None, "passed": None}),
    "condolence": ({"event": "death", "person": "spouse"},
                   {"covered": False, "amount_min": None, "amount_max": None,
                    "refer_to_meeting": False}),
    "rewards": ({"articles": [{"outlets": ["国家级刊物"], "month": "2027-05"}],
                 "young_cadre": True},
                {"total": 0, "shortfall_months": None}),
    "leave_approval": ({"days": 2}, {"approver": None, "written_report": None}),
    "annual_leave": ({"years_worked": 12}, {"days": None, "entitlement_days": None}),
    "expenditure": ({"amount": 6000, "spent_on": "2027-05-06"},
                    {"needs_office_meeting": False, "approve_before_spending": False,
                     "reimburse_by": None}),
    "duty_compensation": ({"duty_days": 2, "holiday": "national_day"},
                          {"compensation_days": 0, "compensatory_rest_days": 0,
                           "leave_offset_days": 0, "leaders_per_shift": None,
                           "fixed_roster": False, "report_to": []}),
    # (a year wholly after the repeal: each meeting follows the rules of its own day)
    "meeting_calendar": ({"year": 2028}, {"meetings": [], "counts": {
        "office_meeting": 0, "central_group_study": 0, "party_member_meeting": 0,
        "democratic_life_meeting": 0, "collective_study": 0}}),
}


@pytest.fixture
def everything_repealed(tmp_path, use_amendments):
    every = sorted({c for name in calculators.CALCULATORS
                    for c in calculators.schema(name)["clauses"]})
    changes = "".join(f'\n[[changes]]\nclause = "{c}"\naction = "repeal"\n' for c in every)
    (tmp_path / "2027-05-01-repeal.toml").write_text(
        f'title_zh = "关于废止若干条款的决定"\ntitle_en = "Decision repealing clauses"\n'
        f'number = "{NUMBER}"\nin_force = {IN_FORCE.isoformat()}\n{changes}', encoding="utf-8")
    use_amendments(tmp_path)
    return every


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_repealed_clause_grants_nothing_and_the_answer_says_so_first(name, everything_repealed):
    inputs, figures = CASES[name]
    # (The date of spending chooses the rules: the day before, it is before too.)
    earlier = {k: "2027-04-20" if k == "spent_on" else v for k, v in inputs.items()}
    before = calculators.run(name, {**earlier, "date": "2027-04-30"})
    assert before["ok"] and before["repealed_clauses"] == []
    after = calculators.run(name, {**inputs, "date": IN_FORCE.isoformat()})
    assert after["ok"], after
    assert after["repealed_clauses"], after
    assert set(after["repealed_clauses"]) <= set(after["clauses"])
    for clause in after["repealed_clauses"]:
        assert after["clause_versions"][clause] == IN_FORCE.isoformat()
    for key, value in figures.items():
        assert after[key] == value, (key, after[key])
    # First the repeal: which clause, since when, by which decision.
    for lang, since in (("zh", "2027年5月1日"), ("en", "1 May 2027")):
        for text in (after[f"answer_{lang}"], after[f"explanation_{lang}"]):
            first = text[:160]
            assert after["repealed_clauses"][0] in first and NUMBER in first, text
            assert since in text[:200], text
    assert "废止" in after["answer_zh"][:80] and "repealed" in after["answer_en"][:80]
