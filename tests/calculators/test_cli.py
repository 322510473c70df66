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


def cli_bytes(*args: bytes, cwd=ROOT):
    """The CLI with raw argv bytes (a GBK or Latin-1 terminal sends such bytes)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONIOENCODING", None)
    done = subprocess.run([sys.executable.encode(), b"-m", b"calculators", *args], cwd=cwd,
                          env=env, capture_output=True, timeout=60)
    assert b"Traceback" not in done.stderr and done.stderr == b""
    return done.returncode, json.loads(done.stdout.decode("utf-8"))


@pytest.mark.parametrize("args,field,code", [
    ([b"quorum", b"--json", b'{"members": 5, "present": 4, "\\ud800": 1}'], "?", "unknown_field"),
    ([b"rewards", b"--json", b'{"articles": [{"outlets": ["\xe6\xb0\xb8\xe5\xae\x9a\xe6\x96\xb0\xe9\x97\xbb\xe7\xbd\x91"], "\\ud800": 1}]}'],
     "articles[0].?", "unknown_field"),
    ([b"quorum", b"--json", b'{"members": 5, "present": 4, "\xff": 1}'], "?", "unknown_field"),
    ([b"quorum", b"--x\xff"], "argv", "format"),
    ([b"quorum", b"\xff", b"--json", b"{}"], "argv", "format"),
    ([b"q\xff", b"--json", b"{}"], "name", "name"),
    ([b"meeting_calendar", b"--json", b'{"year": 2027}', b"--ics", b"--lang", b"\xff"], "lang", "option"),
    ([b"quorum", b"--json", b'{"members": 5, "members": 4, "present": 3}'], "members", "format"),
    ([b"quorum", b"--json", b'{"members": 5, "present": 4}', b"--json", b'{"members": 4, "present": 1}'],
     "argv", "format"),
], ids=[
    "a lone surrogate in a JSON key", "a lone surrogate in a nested JSON key",
    "a raw non-UTF-8 byte in a JSON key", "a raw byte in an option", "a raw byte in a second name",
    "a raw byte in the calculator name", "a raw byte in --lang", "a duplicate JSON key",
    "a second --json",
])
def test_text_that_cannot_be_encoded_is_the_users_error(args, field, code):
    exit_code, answer = cli_bytes(*args)
    assert exit_code == 2
    assert answer["ok"] is False and answer["error"]["code"] == code
    assert answer["error"]["field"] == field
    assert answer["error"]["message_zh"] and answer["error"]["message_en"]


def test_the_api_names_a_surrogate_key_safely():
    result = calculators.run("quorum", {"members": 5, "present": 4, "\ud800": 1})
    assert result["error"]["code"] == "unknown_field" and result["error"]["field"] == "?"
    json.dumps(result, ensure_ascii=False).encode("utf-8")


def test_an_internal_bug_exits_1_as_documented(monkeypatch, capsys):
    from calculators import __main__ as entry

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")
    monkeypatch.setattr(entry, "run", broken)
    monkeypatch.setattr(sys, "argv", ["calculators", "quorum", "--json", "{}"])
    assert entry._entry() == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["error"]["code"] == "internal"


def test_the_cli_runs_from_any_directory(tmp_path):
    # The venv holds the package (make venv installs it), so no PYTHONPATH is needed.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONIOENCODING")}
    venv_python = ROOT / ".venv" / "bin" / "python"
    python = str(venv_python) if venv_python.exists() else sys.executable
    done = subprocess.run([python, "-m", "calculators", "quorum", "--json",
                           '{"members": 5, "present": 4}'], cwd=tmp_path, env=env,
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["quorum_met"] is True
