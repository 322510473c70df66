"""Command line: python -m calculators NAME --json '{...}' [--ics] [--lang zh|en]

Prints the answer of calculators.run as UTF-8 JSON; exit 0 when ok, 2 on an
input error (bad JSON, unknown name, refused input, text that is not valid
Unicode in a key or an argument), 1 only on an internal bug. Never prints a
traceback. Works from any directory once the package is installed (make venv
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
    """(name, options) or an exit code after printing a refusal."""
    name, options = None, {"json": None, "ics": False, "lang": "zh", "schema": False}
    args = iter(argv)
    for arg in args:
        if arg in ("--json", "--lang"):
            value = next(args, None)
            if value is None or (arg == "--json" and options["json"] is not None):
                return _refuse("argv", "format", "arguments", argument=arg)
            options[arg[2:]] = value
        elif arg.startswith("--json="):
            if options["json"] is not None:  # a second --json would silently win
                return _refuse("argv", "format", "arguments", argument="--json")
            options["json"] = arg[len("--json="):]
        elif arg.startswith("--lang="):
            options["lang"] = arg[len("--lang="):]
        elif arg in ("--ics", "--schema"):
            options[arg[2:]] = True
        elif name is None and not arg.startswith("-"):
            name = arg
        else:
            return _refuse("argv", "format", "arguments", argument=arg)
    if name is None:
        return _refuse("name", "missing")
    return name, options


def main(argv: list | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if any(arg in ("-h", "--help") for arg in argv):
        sys.stdout.write(USAGE)
        return 0
    if argv == ["--list"]:
        _print_json(describe())
        return 0
    parsed = _parse(argv)
    if isinstance(parsed, int):
        return parsed
    name, options = parsed
    if options["schema"]:
        found = schema(name)
        if found is None:
            return _refuse("name", "name", value=echo(name), known=CALCULATORS)
        _print_json(found)
        return 0
    if options["lang"] not in ("zh", "en"):
        return _refuse("lang", "option", value=options["lang"], options=("zh", "en"))
    try:
        inputs = ({} if options["json"] is None
                  else json.loads(options["json"], object_pairs_hook=_no_duplicates))
    except _DuplicateKey as duplicate:
        return _refuse(duplicate.key if isinstance(duplicate.key, str) else "json",
                       "format", "duplicate_key", name)
    except (ValueError, RecursionError):  # includes JSONDecodeError and too-long ints
        return _refuse("json", "format", "json")

    result = run(name, inputs)
    if options["ics"] and result["ok"]:
        if name != "meeting_calendar":
            return _refuse("ics", "option", "ics")

        sys.stdout.write(to_ics(result, lang=options["lang"]))
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
