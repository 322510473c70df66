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
        # _limits: input sanity bounds, documented as not rules; _statutory: the
        # national holidays law's calendar (lunar days, years of the orders), not the
        # handbook's rules.
        if module.name in ("_limits.py", "_statutory.py"):
            continue
        found = _code_numbers(module.read_text(encoding="utf-8")) & rule_numbers
        assert not found, (module.name, found)


def test_no_amount_is_written_into_the_wording():
    wording = sorted((PACKAGE / "messages").glob("*.toml")) + [PACKAGE / "_wording.py"]
    assert len(wording) > 2
    for path in wording:
        text = path.read_text(encoding="utf-8")
        for amount in ("800", "500", "1000", "2000", "5000", "300", "50", "100"):
            for written in (f"{amount} 元", f"{amount}元", f"{amount} yuan"):
                assert written not in text, (path.name, written)


# ------------------------------------------------------------ dated versions
# rules.toml keeps the original values; an amendment's [parameters] add dated
# ones. The checks above hold for each version: on each in-force date, every
# value's quoted words are part of the text of its clause in force that day.

def version_problems(folder, use_amendments) -> list:
    """(day, table, problem) for every quote or number that does not hold in the
    version of the rules in force on some day: the original, then each in-force date."""
    from datetime import timedelta

    from calculators import _amendments
    from handbook import versions
    from handbook.clauses import original_table

    use_amendments(folder)
    amendments = _amendments.amendments()
    rows, original = original_table()
    # The clause versions as the build has them (unchecked: the quotes are checked here).
    history = versions.build(rows, amendments)
    days = sorted({a.in_force for a in amendments})
    days = ([days[0] - timedelta(days=1)] if days else []) + days
    problems = []
    for day in days or [None]:
        data = RULES if day is None else _amendments.rules_on(day)
        for path, node in _tables(data):
            if (not path or path.startswith("meta") or "text" not in node
                    or any(isinstance(v, dict) for v in node.values())):
                continue
            if "source" not in node:
                version = history.version_on(node["clause"], day) if day else None
                text = version.zh if version else (None if day else original[node["clause"]].zh)
                if text is None:
                    problems.append((day, path, f"{node['clause']} has no text"))
                elif node["text"] not in text:
                    problems.append((day, path, f"{node['text']!r} is not in {text!r}"))
            if "reading" not in node:
                for key, value in node.items():
                    if isinstance(value, int) and not isinstance(value, bool):
                        spelt = (str(value), _CHINESE_NUMERALS.get(value, str(value)))
                        if not any(word in node["text"] for word in spelt):
                            problems.append((day, path, f"{key} = {value} is not in its text"))
    return problems


@pytest.mark.parametrize("folder", [ROOT / "source" / "amendments",
                                    ROOT / "tests" / "data" / "amendments"],
                         ids=["the office's amendments", "the test fixtures"])
def test_each_value_quotes_its_clause_in_every_version(folder, use_amendments):
    assert version_problems(folder, use_amendments) == []


def test_the_version_check_catches_a_value_an_amendment_left_behind(tmp_path, use_amendments):
    # c12-2 now says 8000, but the two tables quoting it still quote 5000.
    (tmp_path / "2028-01-01-threshold.toml").write_text(
        'title_zh = "关于调整重大开支标准的决定"\nin_force = 2028-01-01\n'
        '[[changes]]\nclause = "c12-2"\naction = "replace"\n'
        'zh = "2.实行民主理财,8000元以上重大开支报请主任办公会议定。"\n', encoding="utf-8")
    (tmp_path / "2028-06-01-duty.toml").write_text(
        'title_zh = "关于废止平常节假日值班规定的决定"\nin_force = 2028-06-01\n'
        '[[changes]]\nclause = "c15-3"\naction = "repeal"\n', encoding="utf-8")
    problems = version_problems(tmp_path, use_amendments)
    from datetime import date
    assert {(day, path) for day, path, _ in problems} == {
        (date(2028, 1, 1), "expenditure.office_meeting"),
        (date(2028, 1, 1), "quorum.major_expenditure"),
        (date(2028, 6, 1), "expenditure.office_meeting"),
        (date(2028, 6, 1), "quorum.major_expenditure"),
        (date(2028, 6, 1), "duty.ordinary_holiday")}   # a repealed clause has no text
