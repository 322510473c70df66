"""Command line: python -m calculators NAME --json '{...}' [--ics] [--lang zh|en]

Prints the answer of calculators.run as UTF-8 JSON; exit 0 when ok, 2 on an
input error (bad JSON, unknown name, refused input, text that is not valid
Unicode in a key or an argument, an option given twice, --schema with --json or
--ics, --lang and the input "lang" disagreeing, a malformed amendment or a
HANDBOOK_AMENDMENTS folder that does not exist), 1 only on an internal bug.
Never prints a traceback. Works from any directory once the package is installed (make venv
installs it into .venv). Every calculator takes "date": "YYYY-MM-DD", the day
whose rules apply (default: today, the machine's local date). Also:
    python -m calculators --list           every calculator's schema (JSON)
    python -m calculators NAME --schema    one calculator's schema (JSON)
    python -m calculators meeting_calendar --json '{"year": 2027}' --ics
                                           the year's meetings as iCalendar text
"""

import json
import sys

from . import CALCULATORS, describe, run, schema, to_ics
from ._amendments import AmendmentError
from ._wording import echo, error_messages

USAGE = __doc__.strip() + "\n"


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _refuse(field: str, code: str, detail=None, calc=None, **params) -> int:
    # Every piece of user text is echoed through echo(): a lone surrogate (from a
    # JSON "\\ud800" escape or a non-UTF-8 byte in argv) must not reach stdout raw.
    if isinstance(params.get("argument"), str):
        params["argument"] = echo(params["argument"])
    message_zh, message_en = error_messages(code, detail, field, params, calc)
    _print_json({"ok": False, "error": {"field": echo(field, 80), "code": code,
                                        "message_zh": message_zh, "message_en": message_en}})
    return 1 if code == "internal" else 2


def _no_duplicates(pairs: list) -> dict:
    """A JSON object whose keys repeat is refused (json.loads would keep the last)."""
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


class _DuplicateKey(ValueError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def _parse(argv: list):
    """(name, options) or an exit code after printing a refusal. Every option may
    be given once; the value of --json or --lang is a value, never an option (so
    `--json -h` is bad JSON, not a request for help)."""
    name, options = None, {"json": None, "ics": False, "lang": None, "schema": False}
    args = iter(argv)
    for arg in args:
        key, value = None, None
        if arg in ("--json", "--lang"):
            key, value = arg[2:], next(args, None)
            if value is None:
                return _refuse("argv", "format", "arguments", argument=arg)
        elif arg.startswith(("--json=", "--lang=")):
            key, value = arg[2:6], arg[7:]
        elif arg in ("--ics", "--schema"):
            if options[arg[2:]]:
                return _refuse("argv", "format", "repeated", argument=arg)
            options[arg[2:]] = True
        elif name is None and not arg.startswith("-"):
            name = arg
        else:
            return _refuse("argv", "format", "arguments", argument=arg)
        if key is not None:
            if options[key] is not None:  # a second one would silently win
                return _refuse("argv", "format", "repeated", argument=f"--{key}")
            options[key] = value
    if name is None:
        return _refuse("name", "missing")
    return name, options


def _is_help(argv: list) -> bool:
    """-h or --help as an argument of its own, not as the value of an option."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--json", "--lang"):
            skip = True
        elif arg in ("-h", "--help"):
            return True
    return False


def _inputs(text, name):
    """The --json text as a dict-like value, or an exit code after a refusal."""
    try:
        return {} if text is None else json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as duplicate:
        return _refuse(duplicate.key if isinstance(duplicate.key, str) else "json",
                       "format", "duplicate_key", name)
    except RecursionError:
        return _refuse("json", "format", "json_depth")
    except ValueError as error:  # includes JSONDecodeError
        # Python refuses integers of more than 4300 digits (a ValueError).
        detail = "json_number" if "digits" in str(error) else "json"
        return _refuse("json", "format", detail)


def _write(text: str) -> None:
    """Text whose line ends are already final (.ics: CRLF) as bytes, so that no
    platform's text mode doubles them (\r\r\n on Windows)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _ics_lang(options: dict, inputs):
    """The .ics language: --lang or the input `lang`; refused when they differ."""
    given = inputs.get("lang") if isinstance(inputs, dict) else None
    if options["lang"] is not None and isinstance(given, str) and given != options["lang"]:
        return _refuse("lang", "consistency", "lang")
    return options["lang"] or (given if given in ("zh", "en") else "zh")


def main(argv: list | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if _is_help(argv):
        sys.stdout.write(USAGE)
        return 0
    try:
        return _main(argv)
    except AmendmentError as error:  # the clerk's mistake, named: not a bug
        return _refuse("amendments", "format", "amendments", message=str(error))


def _main(argv: list) -> int:
    if argv == ["--list"]:
        _print_json(describe())
        return 0
    parsed = _parse(argv)
    if isinstance(parsed, int):
        return parsed
    name, options = parsed
    if options["lang"] is not None and options["lang"] not in ("zh", "en"):
        return _refuse("lang", "option", value=options["lang"], options=("zh", "en"))
    if options["schema"]:
        if options["json"] is not None or options["ics"]:
            return _refuse("argv", "format", "schema_inputs")
        found = schema(name)
        if found is None:
            return _refuse("name", "name", value=echo(name), known=CALCULATORS)
        _print_json(found)
        return 0
    inputs = _inputs(options["json"], name)
    if isinstance(inputs, int):
        return inputs
    if options["ics"]:
        if name != "meeting_calendar" and name in CALCULATORS:
            return _refuse("ics", "option", "ics")
        lang = _ics_lang(options, inputs)
        if isinstance(lang, int):
            return lang

    result = run(name, inputs)
    if options["ics"] and result["ok"]:
        _write(to_ics(result, lang=lang))
        return 0
    _print_json(result)
    if result["ok"]:
        return 0
    return 1 if result["error"]["code"] == "internal" else 2


def _entry() -> int:
    if hasattr(sys.stdout, "reconfigure"):
        # The JSON holds Chinese text: print UTF-8 whatever the locale says.
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        return main()
    except Exception:  # a bug: never a traceback, exit 1 as documented
        try:
            return _refuse("", "internal")
        except Exception:
            return 1


if __name__ == "__main__":
    sys.exit(_entry())
