"""rules.toml: every value sits beside a real clause and its verbatim words,
and the code holds none of the rules' numbers."""

import ast
import tomllib

import pytest

from calcpaths import CLAUSES, ROOT

PACKAGE = ROOT / "calculators"
RULES = tomllib.loads((PACKAGE / "rules.toml").read_text(encoding="utf-8"))


def _tables(node, path=()):
    """Every table (dict) in the data, with its dotted path."""
    if isinstance(node, dict):
        yield ".".join(path), node
        for key, value in node.items():
            yield from _tables(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _tables(value, path + (str(index),))


def _leaf_tables():
    return [(path, table) for path, table in _tables(RULES)
            if path and not path.startswith("meta")
            and not any(isinstance(value, dict) for value in table.values())
            and not any(isinstance(value, list) and value and isinstance(value[0], dict)
                        for value in table.values())]


def _numbers(node):
    if isinstance(node, bool):
        return
    if isinstance(node, (int, float)):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _numbers(value)
    elif isinstance(node, list):
        for value in node:
            yield from _numbers(value)


@pytest.mark.parametrize("path,table", _leaf_tables(), ids=[p for p, _ in _leaf_tables()])
def test_each_rule_table_cites_a_real_clause_and_quotes_it(path, table):
    assert table.get("clause") in CLAUSES, path
    assert table.get("text"), path
    if "source" in table:
        # Quotes a national regulation the clause points to, not the clause.
        assert table["source"].startswith("《")
    else:
        assert table["text"] in CLAUSES[table["clause"]], path


_CHINESE_NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 10: "十"}


def test_rule_numbers_appear_in_their_quoted_text():
    # e.g. amount = 800 must sit beside words that say 800.
    for path, table in _leaf_tables():
        if "reading" in table:  # an interpretation, explained in `reading`
            continue
        for key, value in table.items():
            if isinstance(value, int) and not isinstance(value, bool):
                spelt = (str(value), _CHINESE_NUMERALS.get(value, str(value)))
                assert any(word in table["text"] for word in spelt), (path, key, value)


def _code_numbers(source: str) -> set:
    return {node.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, (int, float))
            and not isinstance(node.value, bool)}


def test_the_code_contains_no_rule_numbers():
    # Every amount, threshold and count of 15 or more lives only in rules.toml
    # (small numbers such as 1, 2, 3 also mean months, weekdays or indexes).
    rule_numbers = {n for n in _numbers(RULES) if n >= 15}
    assert {50, 100, 300, 500, 800, 1000, 2000, 5000, 15, 20} <= rule_numbers
    for module in sorted(PACKAGE.glob("*.py")):
        if module.name == "_limits.py":  # input sanity bounds, documented as not rules
            continue
        found = _code_numbers(module.read_text(encoding="utf-8")) & rule_numbers
        assert not found, (module.name, found)


def test_no_amount_is_written_into_the_wording():
    text = (PACKAGE / "_messages.py").read_text(encoding="utf-8")
    for amount in ("800", "500", "1000", "2000", "5000", "300"):
        assert f"{amount} 元" not in text and f"{amount}元" not in text
