"""rules.toml: every table sits beside a real clause and the words the calculator
relies on, every figure a clause states is read from the clause's text (never
written twice), and the code holds none of the rules' numbers."""

import ast
import re
import tomllib
from datetime import date

import pytest

from calcpaths import CLAUSES, ROOT

from calculators import _data, _slots

PACKAGE = ROOT / "calculators"
RAW = tomllib.loads((PACKAGE / "rules.toml").read_text(encoding="utf-8"))


def _tables(node, path=()):
    """Every table (dict) in the data, with its dotted path."""
    if isinstance(node, dict):
        yield ".".join(path), node
        for key, value in node.items():
            if key != "bounds":
                yield from _tables(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _tables(value, path + (str(index),))


def _leaf_tables(data=RAW):
    return [(path, table) for path, table in _tables(data)
            if path and not path.startswith("meta")
            and not any(isinstance(value, dict) for key, value in table.items() if key != "bounds")
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
def test_each_rule_table_cites_a_real_clause_and_its_words(path, table):
    assert table.get("clause") in CLAUSES, path
    assert table.get("text"), path
    if "source" in table:
        # Quotes a national regulation the clause points to, not the clause.
        assert table["source"].startswith("《")
    else:
        assert _slots.read(table["text"], CLAUSES[table["clause"]]) is not None, path


@pytest.mark.parametrize("path,table", _leaf_tables(), ids=[p for p, _ in _leaf_tables()])
def test_no_figure_a_clause_states_is_written_in_the_rules_data(path, table):
    """A table quoting a clause of the handbook keeps no number of its own: its
    figures are slots, read from the clause. A number may stay only as a stated
    reading (`reading`), and the words keep no Arabic figure outside a slot."""
    if "source" in table:
        return
    literal = _slots._SLOT.sub("", table["text"])
    assert not re.search(r"\d", literal), (path, "a figure outside a slot", literal)
    numbers = [k for k, v in table.items() if k != "bounds"
               and isinstance(v, (int, float)) and not isinstance(v, bool)]
    assert not numbers or "reading" in table, (path, numbers)
    for name, _ in _slots.slots(table["text"]):
        assert name not in table, (path, name, "written twice: in the data and in the clause")


def test_the_figures_are_read_from_the_clauses():
    # The figures of the rules as issued, read from the text: spot checks of each kind.
    rules = _data.RULES
    assert rules["condolence"]["hospitalization"]["amount"] == 800
    assert rules["condolence"]["disaster"]["amount_min"] == 500
    assert rules["condolence"]["disaster"]["amount_max"] == 1000
    assert rules["quorum"]["ordinary"]["ratio"] == "3/4"          # 四分之三
    assert rules["meeting_calendar"]["office_meeting"]["weeks"] == [2, 4]   # 第二周、第四周
    assert rules["meeting_calendar"]["democratic_life_meeting"]["per_year"] == 1   # 一次
    assert rules["duty"]["rotation"]["leaders_per_shift"] == 1    # 一名
    assert rules["leave_approval"]["principal"]["from_days"] == 1
    assert rules["rewards"]["levels"]["national"]["reward"] == 2000
    # `text` is the words as they stand in the clause, as the explanations quote them.
    assert rules["rewards"]["levels"]["national"]["text"] == "国家级刊物每篇奖励2000元"


def _code_numbers(source: str) -> set:
    return {node.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, (int, float))
            and not isinstance(node.value, bool)}


def test_the_code_contains_no_rule_numbers():
    # Every amount, threshold and count of 15 or more lives only in rules.toml
    # (small numbers such as 1, 2, 3 also mean months, weekdays or indexes).
    rule_numbers = {n for n in _numbers(_data.RULES) if n >= 15}
    assert {50, 100, 300, 500, 800, 1000, 2000, 5000, 15, 20} <= rule_numbers
    for module in sorted(PACKAGE.glob("*.py")):
        # _limits: input sanity bounds, documented as not rules; _statutory: the
        # national holidays law's calendar (lunar days, years of the orders), not the
        # handbook's rules.
        if module.name in ("_limits.py", "_statutory.py"):
            continue
        if module.name == "_slots.py":   # reads Chinese numerals: 十 is 10 and 百 100 by the number system
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
# An amendment changes the clause text only; the figures follow. On the text as
# issued and on every in-force date, the words of every table stand in the clause
# in force, and each figure is within what its calculator handles.

def _check(folder, use_amendments):
    use_amendments(folder)
    return _data.check(_data.history())


@pytest.mark.parametrize("folder", [ROOT / "source" / "amendments",
                                    ROOT / "tests" / "data" / "amendments"],
                         ids=["the office's amendments", "the test fixtures"])
def test_each_table_reads_its_clause_in_every_version(folder, use_amendments):
    assert _check(folder, use_amendments) == []


def test_a_text_only_amendment_changes_the_figures(use_amendments):
    use_amendments(ROOT / "tests" / "data" / "amendments")
    before, after = _data.rules_on(date(2027, 6, 30)), _data.rules_on(date(2027, 7, 1))
    assert before["expenditure"]["office_meeting"]["from_amount"] == 5000
    assert after["expenditure"]["office_meeting"]["from_amount"] == 10000
    assert after["quorum"]["major_expenditure"]["from_amount"] == 10000
    assert after["meeting_calendar"]["central_group_study"]["min_days"] == 5
    assert after["expenditure"]["office_meeting"]["text"] == "实行民主理财,10000元以上重大开支报请主任办公会议定"


def _amend(folder, name, body):
    (folder / name).write_text(body, encoding="utf-8")


def test_words_a_calculator_relies_on_changed_stop_the_build(tmp_path, use_amendments):
    from calculators._amendments import AmendmentError
    # c12-2 reworded: the calculators can no longer find 元以上重大开支报请主任办公会议定.
    _amend(tmp_path, "2028-01-01-threshold.toml",
           'title_zh = "关于调整重大开支标准的决定"\nin_force = 2028-01-01\n'
           '[[changes]]\nclause = "c12-2"\naction = "replace"\n'
           'zh = "2.实行民主理财,8000元以上的开支须经主任办公会研究。"\n')
    with pytest.raises(AmendmentError) as caught:
        _check(tmp_path, use_amendments)
    error = caught.value
    assert error.file == "2028-01-01-threshold.toml" and error.field == "changes[1].zh"
    assert error.line == 6
    assert "“财务管理制度”第2条" in error.zh and "……元以上重大开支报请主任办公会议定" in error.zh
    assert "{" not in error.zh                 # no slot names, no code names
    assert "请将本决定交技术人员处理" in error.zh


def test_a_changed_figure_in_the_same_words_is_read(tmp_path, use_amendments):
    _amend(tmp_path, "2028-01-01-threshold.toml",
           'title_zh = "关于调整重大开支标准的决定"\nin_force = 2028-01-01\n'
           '[[changes]]\nclause = "c12-2"\naction = "replace"\n'
           'zh = "2.实行民主理财，8000元以上重大开支报请主任办公会议定。"\n')   # a full-width comma
    assert _check(tmp_path, use_amendments) == []
    assert _data.rules_on(date(2028, 1, 1))["expenditure"]["office_meeting"]["from_amount"] == 8000
    assert _data.rules_on(date(2027, 12, 31))["expenditure"]["office_meeting"]["from_amount"] == 5000


def test_a_figure_the_code_cannot_handle_stops_the_build(tmp_path, use_amendments):
    from calculators._amendments import AmendmentError
    _amend(tmp_path, "2028-01-01-meetings.toml",
           'title_zh = "关于修改党员组织生活会制度的决定"\nin_force = 2028-01-01\n'
           '[[changes]]\nclause = "c6-1"\naction = "replace"\n'
           f'zh = "{CLAUSES["c6-1"].replace("每年召开4次", "每年召开24次")}"\n')
    with pytest.raises(AmendmentError) as caught:
        _check(tmp_path, use_amendments)
    assert caught.value.key == "slot_value" and "24" in caught.value.zh


def test_a_repealed_clause_a_calculator_reads_is_a_notice(tmp_path, use_amendments):
    _amend(tmp_path, "2028-06-01-duty.toml",
           'title_zh = "关于废止平常节假日值班规定的决定"\nin_force = 2028-06-01\n'
           '[[changes]]\nclause = "c15-3"\naction = "repeal"\n')
    notices = _check(tmp_path, use_amendments)
    assert [n.key for n in notices] == ["slot_repealed"]
    assert _data.rules_on(date(2028, 6, 1))["duty"]["ordinary_holiday"]["repealed"] == "2028-06-01"
