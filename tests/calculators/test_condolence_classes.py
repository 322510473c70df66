"""condolence: every event × person × special × household, scanned as a class.

A case the union decides separately (refer_to_meeting) never carries a figure:
c12-8's 原则上 and c12-9's 特殊情况另行研究 leave a special case's amount open, as
does a case the clauses do not name. A figure given is the clause's own, read
from the rules in force (rules_on), and the headline states it.
"""

import itertools
import re
from datetime import date

import calculators
from calculators import condolence
from calculators._data import rules_on

DAY = date(2026, 12, 1)
RULES = rules_on(DAY)["condolence"]
DIGITS = re.compile(r"\d")


def test_a_case_the_union_decides_carries_no_figure():
    seen = set()
    for event, person, special, household in itertools.product(
            condolence.EVENTS, condolence.PERSONS, (False, True), (False, True)):
        result = calculators.run("condolence", {
            "event": event, "person": person, "special": special,
            "same_household": household, "date": DAY.isoformat()})
        assert result["ok"], result
        low, high = result["amount_min"], result["amount_max"]
        case = (event, person, special, household, result["answer_zh"])
        if result["refer_to_meeting"]:
            assert low is None and high is None, case
            # ... nor does its headline state one.
            assert not DIGITS.search(result["answer_zh"]), case
            assert not DIGITS.search(result["answer_en"]), case
        else:
            assert result["covered"] is True, case
            table = RULES[event]
            expected = ((table["amount"], table["amount"]) if "amount" in table
                        else (table["amount_min"], table["amount_max"]))
            assert (low, high) == expected, case
            assert str(low) in result["answer_zh"] and str(low) in result["answer_en"], case
        # A special case under a clause that leaves it open is the union's to decide.
        if special and result["covered"] and event in ("hospitalization", "disaster"):
            assert result["refer_to_meeting"] is True, case
        seen.add((result["covered"], result["refer_to_meeting"]))
    assert len(seen) >= 3
