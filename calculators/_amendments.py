"""Amendments: the office's decisions, one TOML file each, read as data.

An amendment is `source/amendments/<in-force date>-<slug>.toml` (the contract is
in docs/zh/developers/amendments.md). This module reads and checks the files'
shape, and gives the rules-data values in force on a date. It is the one reader:
the site build (handbook/versions.py) and the calculators use it alike, and it is
stdlib only because it runs in Pyodide too.

What it does not check needs the clause table (unknown clause, an insert's id
taken, the printed number, quotes in the text in force): handbook/versions.py
does that, with the same AmendmentError.

Where the files are: $HANDBOOK_AMENDMENTS (the tests point it at their fixtures; the build reads the
same variable); else `amendments/` inside the installed package (the wheel
carries a copy, made by scripts/build_pyodide.py; Pyodide has no environment);
else the source tree's `source/amendments/`.
"""

from __future__ import annotations

import copy
import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

ENV = "HANDBOOK_AMENDMENTS"
ACTIONS = ("replace", "insert", "repeal")
TOP_KEYS = {"title_zh", "title_en", "number", "adopted", "in_force", "changes", "parameters"}
CHANGE_KEYS = {"clause", "action", "zh", "en", "after"}


class AmendmentError(ValueError):
    """A malformed amendment: names the file and the field, for the clerk."""

    def __init__(self, file: str, field: str, message: str):
        self.file, self.field, self.message = file, field, message
        super().__init__(f"{file}: {field}: {message}")


@dataclass(frozen=True)
class Change:
    clause: str
    action: str                 # replace | insert | repeal
    zh: str | None = None
    en: str | None = None
    after: str | None = None    # insert only


@dataclass(frozen=True)
class Amendment:
    file: str                   # the file name, e.g. "2027-01-01-condolence.toml"
    title_zh: str
    in_force: date
    title_en: str | None = None
    number: str | None = None
    adopted: date | None = None
    changes: tuple[Change, ...] = ()
    parameters: dict = field(default_factory=dict)   # "table.path" -> {key: value}

    @property
    def slug(self) -> str:
        return self.file.removesuffix(".toml")

    def summary(self) -> dict:
        """The amendment as clauses.json and the calculators cite it."""
        return {"title_zh": self.title_zh, "title_en": self.title_en, "number": self.number}


def directory() -> Path | None:
    """The folder the amendments are read from (None: there is none)."""
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    packaged = files(__package__).joinpath("amendments")
    if packaged.is_dir():
        return Path(str(packaged))
    source = Path(__file__).resolve().parents[1] / "source" / "amendments"
    return source if source.is_dir() else None


def _date(value, file: str, name: str, required: bool) -> date | None:
    if value is None:
        if required:
            raise AmendmentError(file, name, "is required: a date such as 2027-01-01")
        return None
    if isinstance(value, datetime):
        raise AmendmentError(file, name, f"{value!r} is a date and time; write the date only, "
                                         "such as 2027-01-01")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise AmendmentError(file, name, f"{value!r} is not a date; write it as YYYY-MM-DD, "
                                     "such as 2027-01-01")


def _text(value, file: str, name: str, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise AmendmentError(file, name, "is required")
        return None
    if not isinstance(value, str) or not value.strip():
        raise AmendmentError(file, name, "must be text in quotation marks, not empty")
    return value.strip()


def _change(raw, file: str, i: int) -> Change:
    where = f"changes[{i + 1}]"
    if not isinstance(raw, dict):
        raise AmendmentError(file, where, "must be a [[changes]] table")
    unknown = sorted(set(raw) - CHANGE_KEYS)
    if unknown:
        raise AmendmentError(file, f"{where}.{unknown[0]}", "is not a field of a change "
                             f"(the fields are {', '.join(sorted(CHANGE_KEYS))})")
    clause = _text(raw.get("clause"), file, f"{where}.clause", required=True)
    action = raw.get("action")
    if action not in ACTIONS:
        raise AmendmentError(file, f"{where}.action",
                             f"{action!r} is not one of {', '.join(ACTIONS)}")
    zh = _text(raw.get("zh"), file, f"{where}.zh", required=action != "repeal")
    en = _text(raw.get("en"), file, f"{where}.en")
    after = _text(raw.get("after"), file, f"{where}.after", required=action == "insert")
    if action == "repeal" and (zh or en):
        raise AmendmentError(file, f"{where}.zh", "a repeal has no text")
    if action != "insert" and after:
        raise AmendmentError(file, f"{where}.after", "only an insert has `after`")
    return Change(clause=clause, action=action, zh=zh, en=en, after=after)


def _field_at(path: Path, message: str) -> str:
    m = re.search(r"at line (\d+)", message)
    if not m:
        return "(file)"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines[int(m.group(1)) - 1] if int(m.group(1)) <= len(lines) else ""
    key = re.match(r"\s*([A-Za-z_][\w.\"-]*)\s*=", line)
    return key.group(1) if key else f"(line {m.group(1)})"


def parse(path: Path) -> Amendment:
    """One amendment file, its shape checked."""
    file = path.name
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise AmendmentError(file, "(file)", "is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        # A date such as 2027-02-30 fails here: TOML rejects it as a value. Name
        # the field on the line the parser stopped at, for the clerk.
        raise AmendmentError(file, _field_at(path, str(exc)), f"cannot be read: {exc}") from None
    unknown = sorted(set(raw) - TOP_KEYS)
    if unknown:
        raise AmendmentError(file, unknown[0], "is not a field of an amendment "
                             f"(the fields are {', '.join(sorted(TOP_KEYS))})")
    changes = raw.get("changes", [])
    if not isinstance(changes, list):
        raise AmendmentError(file, "changes", "must be written as [[changes]] tables")
    parameters = raw.get("parameters", {})
    if not isinstance(parameters, dict) or not all(isinstance(v, dict)
                                                   for v in parameters.values()):
        raise AmendmentError(file, "parameters",
                             'must be tables such as [parameters."condolence.hospitalization"]')
    if not changes and not parameters:
        raise AmendmentError(file, "changes", "an amendment changes at least one clause")
    amendment = Amendment(
        file=file,
        title_zh=_text(raw.get("title_zh"), file, "title_zh", required=True),
        title_en=_text(raw.get("title_en"), file, "title_en"),
        number=_text(raw.get("number"), file, "number"),
        adopted=_date(raw.get("adopted"), file, "adopted", required=False),
        in_force=_date(raw.get("in_force"), file, "in_force", required=True),
        changes=tuple(_change(c, file, i) for i, c in enumerate(changes)),
        parameters={k: dict(v) for k, v in parameters.items()},
    )
    seen = set()
    for i, c in enumerate(amendment.changes):
        if c.clause in seen:
            raise AmendmentError(file, f"changes[{i + 1}].clause",
                                 f"{c.clause} is changed twice in one amendment")
        seen.add(c.clause)
    if amendment.adopted and amendment.adopted > amendment.in_force:
        raise AmendmentError(file, "adopted", "is later than in_force")
    _check_parameters(amendment)
    return amendment


def _check_parameters(amendment: Amendment) -> None:
    from ._data import RULES
    for path, values in amendment.parameters.items():
        node = RULES
        for key in path.split("."):
            node = node.get(key) if isinstance(node, dict) else None
            if node is None:
                break
        if not isinstance(node, dict) or "clause" not in node:
            raise AmendmentError(amendment.file, f"parameters.{path}",
                                 f"{path!r} is not a table of calculators/rules.toml")
        for key, value in values.items():
            if key not in node:
                raise AmendmentError(amendment.file, f"parameters.{path}.{key}",
                                     f"{path} has no key {key!r} "
                                     f"(its keys are {', '.join(sorted(node))})")
            if key == "clause" and value != node["clause"]:
                raise AmendmentError(amendment.file, f"parameters.{path}.clause",
                                     "a value's clause cannot change")
            if type(value) is not type(node[key]) and not (
                    isinstance(value, (int, float)) and isinstance(node[key], (int, float))):
                raise AmendmentError(amendment.file, f"parameters.{path}.{key}",
                                     f"must be {type(node[key]).__name__} like the original "
                                     f"({node[key]!r})")


def load(folder: Path | None = None) -> tuple[Amendment, ...]:
    """Every amendment, in force order (then file name). Raises AmendmentError."""
    folder = directory() if folder is None else folder
    if folder is None or not Path(folder).is_dir():
        return ()
    return tuple(sorted((parse(p) for p in Path(folder).glob("*.toml")),
                        key=lambda a: (a.in_force, a.file)))


@lru_cache(maxsize=None)
def _cached(folder: str | None) -> tuple[Amendment, ...]:
    return load(Path(folder) if folder else None)


def amendments() -> tuple[Amendment, ...]:
    """The amendments of the folder in use, read once per folder."""
    folder = directory()
    return _cached(str(folder) if folder else None)


def rules_on(day: date, base: dict | None = None) -> dict:
    """The rules data in force on `day`: rules.toml, then each amendment in force
    by then applies its [parameters], in force order."""
    from ._data import RULES
    data = copy.deepcopy(RULES if base is None else base)
    for amendment in amendments():
        if amendment.in_force > day:
            break
        for path, values in amendment.parameters.items():
            node = data
            for key in path.split("."):
                node = node[key]
            node.update(values)
    return data


def clause_version(clause: str, day: date) -> date | None:
    """The in-force date of the version of `clause` in force on `day` (None: the
    original text)."""
    current = None
    for amendment in amendments():
        if amendment.in_force > day:
            break
        if any(c.clause == clause for c in amendment.changes):
            current = amendment.in_force
    return current
