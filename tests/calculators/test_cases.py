"""The case tables in cases.json, run through calculators.run."""

import json
from pathlib import Path

import pytest

import calculators
from matching import matches

CASES = json.loads((Path(__file__).with_name("cases.json")).read_text(encoding="utf-8"))["cases"]


def original_rules(inputs):
    """The cases describe the rules as issued. Once the office's amendments
    (source/amendments/) are in force, an undated case runs on the day before the
    first of them, so recording an amendment needs no edit here; the amended rules
    have their own cases (dated_cases.json, with the fixture amendments)."""
    from datetime import timedelta

    from calculators import _amendments
    every = _amendments.amendments()
    if not isinstance(inputs, dict) or "date" in inputs or not every:
        return inputs
    return {**inputs, "date": (every[0].in_force - timedelta(days=1)).isoformat()}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case):
    result = calculators.run(case["calculator"], original_rules(case["inputs"]))
    assert matches(case["expect"], result), json.dumps(result, ensure_ascii=False, indent=1)
    # Every message parameter was filled in (case inputs hold no braces).
    texts = (result.get("explanation_zh", ""), result.get("explanation_en", ""),
             *result.get("error", {}).values())
    assert not any("{" in text for text in texts)


def test_case_names_are_unique_sentences():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))
    assert all(" " in name and name == name.strip() for name in names)


def test_every_calculator_has_cases_of_both_outcomes():
    for name in calculators.CALCULATORS:
        outcomes = {case["expect"]["ok"] for case in CASES if case["calculator"] == name}
        assert outcomes == {True, False}, name


def test_matching_rule_itself():
    assert matches({"a": 1}, {"a": 1.0, "b": 2})
    assert not matches({"a": True}, {"a": 1})
    assert not matches({"a": [1]}, {"a": [1, 2]})
    assert matches({"x__contains": ["ab"]}, {"x": "cabd"})
    assert matches({"x__contains": [{"k": 1}]}, {"x": [{"k": 2}, {"k": 1, "j": 0}]})
    assert not matches({"x__contains": [{"k": 3}]}, {"x": [{"k": 2}]})
