"""The developer page's reference tables are made from rules.toml and describe(),
read here at test time, never typed: change a value and the page follows."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import calculators
from calculators import _display
from handbook import calculator_docs

ROOT = Path(__file__).resolve().parents[1]
PAGES = {lang: ROOT / "docs" / lang / "developers" / "calculators.md" for lang in ("zh", "en")}


def _rules() -> dict:
    """The rules as issued, each figure read from its clause (calculators/_data.py)."""
    return calculators._data.RULES


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_rules_table_shows_the_condolence_amounts_in_force(lang):
    rules = _rules()["condolence"]
    table = calculator_docs.rules_table("condolence", lang)
    row = next(line for line in table.splitlines() if "`condolence.hospitalization`" in line)
    assert f"`amount` = {rules['hospitalization']['amount']}" in row
    assert "[c12-8](../ch12.md#c12-8)" in row
    disaster = next(line for line in table.splitlines() if "`condolence.disaster`" in line)
    assert f"`amount_min` = {rules['disaster']['amount_min']}" in disaster
    assert f"`amount_max` = {rules['disaster']['amount_max']}" in disaster


def test_the_rules_table_follows_a_changed_value(monkeypatch, tmp_path):
    changed = {**calculators._data.RULES["condolence"]["hospitalization"], "amount": 1234}
    monkeypatch.setitem(calculators._data.RULES["condolence"], "hospitalization", changed)
    monkeypatch.setenv("HANDBOOK_AMENDMENTS", str(tmp_path))          # no amendment
    _forget_amendments()
    try:
        assert "`amount` = 1234" in calculator_docs.rules_table("condolence", "en")
    finally:
        monkeypatch.undo()
        _forget_amendments()


def _forget_amendments() -> None:
    from calculators import _amendments, _data
    _amendments._cached.cache_clear()
    _data._VERSIONS.clear()


@pytest.fixture
def amended(monkeypatch):
    """The fixture amendments (tests/data/amendments): from 2027-01-01 the
    hospitalization payment is 1000 yuan (800 before), from 2027-07-01 the
    expenditure threshold 10000; the build date is set per test (HANDBOOK_AS_OF)."""
    monkeypatch.setenv("HANDBOOK_AMENDMENTS", str(ROOT / "tests" / "data" / "amendments"))
    _forget_amendments()
    yield lambda day: monkeypatch.setenv("HANDBOOK_AS_OF", day)
    monkeypatch.delenv("HANDBOOK_AMENDMENTS")
    _forget_amendments()


@pytest.mark.parametrize("day,amount", [("2026-12-31", 800), ("2027-01-01", 1000)])
def test_the_rules_table_shows_the_amounts_in_force_on_the_build_date(amended, day, amount):
    amended(day)
    row = next(line for line in calculator_docs.rules_table("condolence", "en").splitlines()
               if "`condolence.hospitalization`" in line)
    assert f"`amount` = {amount}" in row


@pytest.mark.parametrize("day,amount", [("2027-06-30", "5000"), ("2027-07-01", "10 000")])
def test_the_generated_tables_follow_an_amended_threshold(amended, day, amount):
    amended(day)
    row = next(line for line in calculator_docs.rules_table("expenditure", "zh").splitlines()
               if "`expenditure.office_meeting`" in line)
    assert f"`from_amount` = {amount}" in row


def test_every_rewards_level_and_outlet_is_in_the_rules_table():
    table = calculator_docs.rules_table("rewards", "zh")
    for code, level in _rules()["rewards"]["levels"].items():
        row = next(line for line in table.splitlines() if f"`rewards.levels.{code}`" in line)
        assert f"`reward` = {level['reward']}" in row
        assert all(outlet in row for outlet in level["outlets"])


@pytest.mark.parametrize("name", calculators.CALCULATORS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_inputs_table_is_the_schema(name, lang):
    table = calculator_docs.inputs_table(name, lang)
    for field in calculators.schema(name)["fields"]:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{field['name']}` |"))
        assert field[f"label_{lang}"] in row
        if "max" in field:
            assert calculator_docs._num(field["max"]) in row


def test_the_inputs_table_shows_a_bound_read_from_the_limits():
    from calculators._limits import MAX_MEMBERS
    row = next(line for line in calculator_docs.inputs_table("quorum", "en").splitlines()
               if line.startswith("| `members` |"))
    assert f"1–{MAX_MEMBERS}" in row and "req." in row


@pytest.mark.parametrize("name", calculators.CALCULATORS)
def test_the_outputs_table_shows_every_display_kind(name):
    table = calculator_docs.outputs_table(name, "en")
    for output in calculators.schema(name)["outputs"]:
        row = next(line for line in table.splitlines() if line.startswith(f"| `{output['name']}` |"))
        assert f"`{output['display']['kind']}`" in row and output["label_en"] in row


def test_unknown_names_and_shortcodes_fail():
    with pytest.raises(calculator_docs.ShortcodeError, match="unknown calculator 'quorom'"):
        calculator_docs.expand("<!-- calculator-inputs: quorom -->", "en")
    with pytest.raises(calculator_docs.ShortcodeError, match="unknown rules.toml section"):
        calculator_docs.expand("<!-- calculator-rules: nothing -->", "en")
    with pytest.raises(calculator_docs.ShortcodeError, match="unknown shortcode"):
        calculator_docs.expand("<!-- calculator-amounts: quorum -->", "zh")
    plain = "text\n\n<!-- calculator: quorum -->\n"   # the form's shortcode is not ours
    assert calculator_docs.expand(plain, "zh") == plain


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_developer_page_uses_the_tables_for_every_calculator(lang):
    text = PAGES[lang].read_text(encoding="utf-8")
    for name in calculators.CALCULATORS:
        assert f"<!-- calculator-inputs: {name} -->" in text
        assert f"<!-- calculator-outputs: {name} -->" in text
    sections = set(re.findall(r"<!-- calculator-rules: (\w+) -->", text))
    assert sections == {key for key in _rules() if key != "meta"}
    expanded = calculator_docs.expand(text, lang)
    assert "<!-- calculator-" not in expanded


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_developer_page_prose_writes_no_amount(lang):
    """Amounts are in the generated tables only, never typed in the prose."""
    def amounts(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("amount", "amount_min", "amount_max", "reward", "from_amount"):
                    yield value
                else:
                    yield from amounts(value)
    prose = PAGES[lang].read_text(encoding="utf-8")
    for amount in set(amounts(_rules())):
        assert not re.search(rf"(?<![\w.\\-]){amount}(?![\w.])", prose), amount


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_developer_page_documents_every_display_kind(lang):
    text = PAGES[lang].read_text(encoding="utf-8")
    for kind in [*_display.KINDS, *_display.PART_KINDS]:
        assert f"`{kind}`" in text, kind
