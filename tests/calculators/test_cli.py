"""python -m calculators: JSON out, exit 0 / 2, never a traceback."""

import json
import os
import subprocess
import sys

import pytest

import calculators
from calcpaths import ROOT


def cli(*args, env_extra=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT), **(env_extra or {}))
    env.pop("PYTHONIOENCODING", None)
    done = subprocess.run([sys.executable, "-m", "calculators", *args], cwd=ROOT, env=env,
                          capture_output=True, timeout=60)
    assert b"Traceback" not in done.stderr and b"Traceback" not in done.stdout
    assert done.stderr == b""
    return done.returncode, done.stdout.decode("utf-8")


def test_an_ok_answer_prints_the_same_dict_as_run_and_exits_0():
    code, out = cli("quorum", "--json", '{"members": 5, "present": 4}')
    assert code == 0
    assert json.loads(out) == calculators.run("quorum", {"members": 5, "present": 4})


def test_chinese_is_printed_as_utf8_even_under_the_c_locale():
    code, out = cli("condolence", "--json", '{"event": "death", "person": "spouse"}',
                    env_extra={"LC_ALL": "C", "LANG": "C"})
    assert code == 0
    assert "慰问金" in out and "\\u" not in out


@pytest.mark.parametrize("args,field,code", [
    (["quorum", "--json", '{"members": 0, "present": 0}'], "members", "range"),
    (["quorum", "--json", '{"members": 5, "present": 4'], "json", "format"),
    (["quorum", "--json", "[1, 2]"], "inputs", "type"),
    (["quorum", "--json", '{"members": ' + "9" * 5000 + ', "present": 1}'], "json", "format"),
    (["quorum", "--json", "[" * 50000 + "]" * 50000], "json", "format"),
    (["quorum", "--json", '{"members": NaN, "present": 1}'], "members", "type"),
    (["tax", "--json", "{}"], "name", "name"),
    ([], "name", "missing"),
    (["quorum", "--json"], "argv", "format"),
    (["quorum", "--bogus"], "argv", "format"),
    (["quorum", "extra", "--json", "{}"], "argv", "format"),
    (["quorum", "--json", '{"members": 5, "present": 4}', "--ics"], "ics", "option"),
    (["meeting_calendar", "--json", '{"year": 2027}', "--lang", "fr"], "lang", "option"),
], ids=[
    "a refused input exits 2", "bad JSON exits 2", "JSON that is not an object exits 2",
    "an integer too long to parse exits 2", "JSON nested too deep exits 2",
    "NaN in the JSON is refused", "an unknown calculator exits 2", "no calculator name exits 2",
    "--json without its text exits 2", "an unknown option exits 2",
    "a second name exits 2", "--ics on another calculator exits 2",
    "an unknown language exits 2",
])
def test_input_errors_exit_2_with_a_json_refusal(args, field, code):
    exit_code, out = cli(*args)
    assert exit_code == 2
    answer = json.loads(out)
    assert answer["ok"] is False
    assert answer["error"]["field"] == field and answer["error"]["code"] == code


def test_ics_prints_calendar_text():
    code, out = cli("meeting_calendar", "--json", '{"year": 2027}', "--ics")
    assert code == 0
    assert out.startswith("BEGIN:VCALENDAR\r\n") and out.endswith("END:VCALENDAR\r\n")
    assert out.count("BEGIN:VEVENT") == 45


def test_ics_refused_input_still_prints_json_and_exits_2():
    code, out = cli("meeting_calendar", "--json", '{"year": 1800}', "--ics")
    assert code == 2 and json.loads(out)["error"]["field"] == "year"


def test_list_and_schema_print_json():
    code, out = cli("--list")
    assert code == 0
    assert [c["name"] for c in json.loads(out)["calculators"]] == list(calculators.CALCULATORS)
    code, out = cli("rewards", "--schema")
    assert code == 0 and json.loads(out)["name"] == "rewards"
    code, out = cli("tax", "--schema")
    assert code == 2


def test_help_exits_0():
    code, out = cli("--help")
    assert code == 0 and "python -m calculators" in out


def test_json_given_with_equals_sign():
    code, out = cli("leave_approval", '--json={"days": 0.5}')
    assert code == 0 and json.loads(out)["approver"] == "deputy"
