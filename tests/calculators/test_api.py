"""The public interface: names, schemas, and run() on odd Python values."""

import json
import math
from decimal import Decimal

import pytest

import calculators

CONTRACT_NAMES = ("quorum", "condolence", "rewards", "leave_approval", "annual_leave",
                  "expenditure", "duty_compensation", "meeting_calendar")


def test_the_contract_names_are_all_there():
    assert calculators.CALCULATORS == CONTRACT_NAMES


def test_describe_is_json_and_covers_every_calculator():
    described = json.loads(json.dumps(calculators.describe(), ensure_ascii=False))
    assert [c["name"] for c in described["calculators"]] == list(CONTRACT_NAMES)
    assert "range" in described["error_codes"]
    for calc in described["calculators"]:
        assert calc["title_zh"] and calc["title_en"] and calc["clauses"]
        for field in calc["fields"]:
            assert {"name", "type", "required", "label_zh", "label_en"} <= set(field)


def test_schema_gives_bounds_options_and_defaults():
    fields = {f["name"]: f for f in calculators.schema("quorum")["fields"]}
    assert fields["members"] == {**fields["members"], "type": "integer", "required": True,
                                 "min": 1, "max": 1000}
    assert fields["topic"]["options"] == ["ordinary", "major", "personnel", "expenditure"]
    assert fields["topic"]["default"] == "ordinary"
    assert fields["topic"]["option_labels"]["major"]["zh"]
    days = calculators.schema("leave_approval")["fields"][0]
    assert days["exclusive_min"] is True and days["step"] == 0.5
    articles = calculators.schema("rewards")["fields"][0]
    outlets = articles["items"]["fields"][0]
    assert "永定新闻网" in outlets["items"]["options"]
    assert outlets["items"]["option_labels"]["national"]["en"]
    assert calculators.schema("tax") is None
    assert calculators.schema(None) is None


@pytest.mark.parametrize("name,inputs,field", [
    ("quorum", None, "members"),
    ("quorum", {"members": 10**5000, "present": 1}, "members"),
    ("quorum", {"members": Decimal(5), "present": 4}, "members"),
    ("quorum", {"members": 5, "present": 4, 3: 1}, "inputs"),
    ("quorum", {"members": 5, "present": 4, "": 1}, '""'),
    ("quorum", {"members": 5, "present": 4, "x" * 1000: 1}, "x" * 63 + "…"),
    ("expenditure", {"amount": math.inf}, "amount"),
    ("expenditure", {"amount": -math.inf}, "amount"),
    ("expenditure", {"amount": math.nan}, "amount"),
    ("expenditure", {"amount": 1e308}, "amount"),
    ("expenditure", {"amount": 5e-324}, "amount"),
    ("rewards", {"articles": [{"outlets": ["\ud800"]}]}, "articles[0].outlets[0]"),
    ("rewards", {"articles": ({"outlets": ["永定新闻网"]},)}, "articles"),
    ("rewards", {"articles": [[[[[]]]]]}, "articles[0]"),
    ("condolence", {"event": object(), "person": "self"}, "event"),
    ("meeting_calendar", {"year": {2027}}, "year"),
    (None, {}, "name"),
    (["quorum"], {}, "name"),
], ids=[
    "no inputs at all ask for the first field",
    "a huge integer is out of range",
    "a Decimal is not a JSON number",
    "a non-text key is refused: the names of the inputs must be text",
    "an empty key is an unknown field",
    "a very long key is cut short",
    "infinity is refused",
    "minus infinity is refused",
    "NaN is refused",
    "the largest float is out of range",
    "the smallest float is not a whole cent",
    "a lone surrogate is an unknown outlet",
    "a tuple is not a JSON list",
    "nested lists are not articles",
    "an arbitrary object is not an option",
    "a set is not a year",
    "a null calculator name is refused",
    "a list as calculator name is refused",
])
def test_odd_python_values_are_refused_not_raised(name, inputs, field):
    result = calculators.run(name, inputs)
    assert result["ok"] is False
    assert result["error"]["field"] == field
    json.dumps(result, ensure_ascii=False).encode("utf-8")   # printable as UTF-8


def test_a_subclass_of_int_is_still_a_whole_number():
    class Count(int):
        pass
    assert calculators.run("quorum", {"members": Count(5), "present": 4})["ok"] is True


def test_run_does_not_change_its_inputs():
    inputs = {"articles": [{"outlets": ["永定新闻网"], "month": "2027-01"}], "young_cadre": True}
    before = json.dumps(inputs, ensure_ascii=False)
    calculators.run("rewards", inputs)
    assert json.dumps(inputs, ensure_ascii=False) == before


def test_a_bug_inside_a_calculator_is_answered_not_raised(monkeypatch):
    from calculators import _REGISTRY
    calc = _REGISTRY["quorum"]
    monkeypatch.setitem(_REGISTRY, "quorum", calc.__class__(
        **{**calc.__dict__, "compute": lambda values: 1 / 0}))
    result = calculators.run("quorum", {"members": 5, "present": 4})
    assert result["ok"] is False and result["error"]["code"] == "internal"


def test_the_package_imports_only_the_standard_library_and_its_declared_dependencies():
    import ast
    import sys
    import tomllib
    from calcpaths import ROOT
    # chinese-calendar (import name chinese_calendar): pure Python, declared in
    # pyproject.toml and registered in the site's Pyodide lockfile beside the wheel.
    declared = {dep.split("==")[0].replace("-", "_") for dep in tomllib.loads(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]}
    assert declared == {"chinese_calendar", "borax"}
    banned = {"threading", "subprocess", "multiprocessing", "socket", "asyncio", "os"}
    # The one exception: the amendments reader takes its folder from
    # $HANDBOOK_AMENDMENTS (os.environ), as its contract says.
    allowed = {("_amendments.py", "os")}
    for module in (ROOT / "calculators").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top in declared, (module.name, name)
                assert top not in banned or (module.name, top) in allowed, (module.name, name)
