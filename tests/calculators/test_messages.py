"""The wording as data (calculators/messages/*.toml): one file per calculator, every
input, option and output worded, every note key the code uses present, nothing stale,
and each output's display kind declared."""

import ast
import re
from importlib.resources import files

import pytest

from calcpaths import ROOT

import calculators
from calculators import _display, _messages

PACKAGE = ROOT / "calculators"


def _fields(fields):
    for field in fields:
        yield field
        target = field.get("items", field)
        yield from _fields(target.get("fields", ()))


def test_one_messages_file_per_calculator():
    names = {path.stem for path in (PACKAGE / "messages").glob("*.toml")}
    assert names == {*calculators.CALCULATORS, "common"}


def test_the_files_are_read_through_importlib_resources():
    # The same lookup finds them in the source tree, a wheel and Pyodide.
    folder = files("calculators").joinpath("messages")
    assert folder.joinpath("common.toml").is_file()


@pytest.mark.parametrize("name", calculators.CALCULATORS)
def test_every_input_option_and_output_is_worded(name):
    spec = calculators.schema(name)
    assert spec["title_zh"] and spec["title_en"]
    for field in _fields(spec["fields"]):
        if field["name"] in ("article", "outlet"):   # the items of a list: worded by the list
            continue
        assert field.get("label_zh") and field.get("label_en"), field["name"]
        target = field.get("items", field)
        for option in target.get("options", ()):
            assert option in target.get("option_labels", {}), (field["name"], option)
    for output in spec["outputs"]:
        assert output["label_zh"] and output["label_en"], output["name"]


@pytest.mark.parametrize("name", calculators.CALCULATORS)
def test_no_wording_for_an_input_or_output_that_does_not_exist(name):
    spec = calculators.schema(name)
    fields = {field["name"] for field in _fields(spec["fields"])}
    outputs = {output["name"] for output in spec["outputs"]}
    data = _messages.FILES[name]
    assert set(data.get("fields", {})) <= fields
    assert set(data.get("outputs", {})) == outputs


@pytest.mark.parametrize("name", calculators.CALCULATORS)
def test_every_output_declares_a_known_display_kind(name):
    for output in calculators.schema(name)["outputs"]:
        display = output["display"]
        assert display["kind"] in _display.KINDS, output["name"]
        for part in display.get("parts", []) + display.get("columns", []):
            assert part["kind"] in _display.KINDS or part["kind"] in _display.PART_KINDS
        if display["kind"] in ("code", "codes", "counts"):
            assert display["labels"], output["name"]
        if display["kind"] == "records":
            line = display["line"]
            for part in display["parts"]:
                assert "{" + part["name"] + "}" in line["zh"] and "{" + part["name"] + "}" in line["en"]
        if display["kind"] == "table":
            assert all(column["label"]["zh"] and column["label"]["en"] for column in display["columns"])
        if display["kind"] == "file":
            assert display["file_name"] and display["media_type"] and display["link"]


def test_an_unknown_display_kind_is_refused():
    with pytest.raises(ValueError, match="unknown display kind"):
        _display.Output("total", "currency")


def test_a_coded_value_that_names_a_rule_number_gets_it_from_rules_toml():
    reasons = {o["name"]: o for o in calculators.schema("annual_leave")["outputs"]}["reasons"]
    days = calculators._data.rule("annual_leave.personal_leave")["days"]
    assert str(days) in reasons["display"]["labels"]["personal_leave"]["zh"]
    assert "{" not in reasons["display"]["labels"]["personal_leave"]["en"]


def _note_keys_in_code():
    """The note keys the code passes to Answer.note(): literal keys, and the fixed
    start of the keys built with an f-string."""
    literal, prefixes = set(), set()
    for module in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "note" and node.args):
                key = node.args[0]
                if isinstance(key, ast.Constant):
                    literal.add(key.value)
                elif isinstance(key, ast.JoinedStr) and isinstance(key.values[0], ast.Constant):
                    prefixes.add(key.values[0].value)
                elif isinstance(key, ast.IfExp):
                    literal.update(v.value for v in (key.body, key.orelse)
                                   if isinstance(v, ast.Constant))
            # A note on versions made as (key, facts) for Answer.versions (the versions
            # an answer's items applied: rewards, meeting_calendar).
            if (isinstance(node, ast.Tuple) and len(node.elts) == 2
                    and isinstance(node.elts[1], ast.Dict)):
                key = node.elts[0]
                if isinstance(key, ast.JoinedStr) and isinstance(key.values[0], ast.Constant):
                    key = key.values[0]
                    found = prefixes
                else:
                    found = literal
                if (isinstance(key, ast.Constant) and isinstance(key.value, str)
                        and (".dated." in key.value or ".versions." in key.value)):
                    found.add(key.value)
    # The dated rules' notes, which _dated.py adds around every answer: one per kind
    # of change to a cited clause, and the event-date note of a calculator that has
    # an event date ("expenditure.dated.event").
    from calculators import _dated
    literal.update(_dated._NOTE_OF_ACTION.values())
    literal.update(f"{calc.name}.dated.event" for calc in calculators._REGISTRY.values()
                   if calc.event_date)
    return literal, prefixes


def test_every_note_the_code_adds_is_worded_and_every_note_is_used():
    literal, prefixes = _note_keys_in_code()
    assert literal and prefixes
    assert literal <= set(_messages.NOTES), literal - set(_messages.NOTES)
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in _messages.NOTES), prefix
    unused = {key for key in _messages.NOTES
              if key not in literal and not any(key.startswith(p) for p in prefixes)}
    assert not unused


def test_every_message_has_both_languages_and_the_same_facts():
    for key, (zh, en) in {**_messages.NOTES, **_messages.HEADLINES}.items():
        assert zh.strip() and en.strip(), key
        facts_zh = set(re.findall(r"\{(\w+)\}", zh))
        facts_en = set(re.findall(r"\{(\w+)\}", en))
        # English may leave out a quoted {text}: it paraphrases the Chinese clause,
        # itself or with {rule}, the rule's English (meeting_calendar [meetings]).
        assert facts_en - {"text", "rule"} <= facts_zh | {"clause"}, key


def test_a_malformed_message_names_the_file_and_the_key():
    with pytest.raises(_messages.MessagesError, match=r"x\.toml: notes\.a"):
        _messages._check({"zh": "只有中文"}, "messages/x.toml: notes.a")
    with pytest.raises(_messages.MessagesError):
        _messages._check({"zh": "中文", "en": "English", "note": "x"}, "messages/x.toml: t")
    _messages._check({"zh": {"zh": "中文", "en": "Chinese"}, "en": {"zh": "英文", "en": "English"}},
                     "an option may be called zh or en")
