"""Amendments: the office's decisions, one TOML file each, read as data.

An amendment is `source/amendments/<in-force date>-<slug>.toml` (the contract is
in docs/zh/developers/amendments.md; the clerk's guide is docs/zh/maintaining.md).
This module reads the files and checks their shape. It is the one reader: the
site build and the calculators use it alike, and it is stdlib only because it
runs in Pyodide too. The clause model (what the text is on a day, printed
numbers) is `_history.py`; the figures the calculators read from the text,
`_slots.py`.

Every message is for the clerk: Chinese first, naming the file, the line and the
field, and saying what to type (the wording is calculators/clerk_messages.toml).
The slips a clerk makes with a Chinese keyboard (full-width ＝, Chinese quotes, a
date written 2027年4月1日 without quotes) are found before the TOML parser, whose
own words would not help; a UTF-8 byte-order mark (older Notepad) is accepted.

Where the files are: $HANDBOOK_AMENDMENTS (the tests point it at their fixtures; the build reads the
same variable; a folder that does not exist is an error, not "no amendments"); else `amendments/`
inside the installed package (the wheel carries a copy, made by scripts/build_pyodide.py; Pyodide
has no environment); else the source tree's `source/amendments/`.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

ENV = "HANDBOOK_AMENDMENTS"
ACTIONS = ("replace", "insert", "repeal")
TOP_KEYS = ("title_zh", "title_en", "number", "adopted", "in_force", "renumber", "changes")
CHANGE_KEYS = ("clause", "action", "zh", "en", "after")
README = "README.md"


def _load_messages() -> dict:
    with files(__package__).joinpath("clerk_messages.toml").open("rb") as fh:
        return tomllib.load(fh)


MESSAGES = _load_messages()


def message(key: str, lang: str, **params) -> str:
    return _format(key, lang, params)


class _Missing(dict):
    def __missing__(self, key):        # a fact not given shows as {name}
        return "{" + key + "}"


class AmendmentError(ValueError):
    """A malformed amendment. `zh` and `en` say what is wrong and what to type;
    `file`, `line` (1-based, when known) and `field` say where."""

    def __init__(self, file: str, field: str, code: str, line: int | None = None, **params):
        self.file, self.field, self.key, self.line, self.params = file, field, code, line, params
        super().__init__("")
        self._word()

    def _word(self) -> None:
        params = self.params | {"line": self.line or "?"}
        self.zh = _format(self.key, "zh", params)
        self.en = _format(self.key, "en", params)
        self.message = self.en
        self.args = (self._text(),)

    def _text(self) -> str:
        where = f"第{self.line}行 " if self.line else ""
        return f"{self.file}: {where}{self.field}: {self.zh} ({self.en})"

    def at(self, line: int | None) -> "AmendmentError":
        if line and not self.line:
            self.line = line
            self._word()
        return self

    def short_zh(self) -> str:
        """One line for the build's summary: the file, the line, what to do."""
        where = f" 第{self.line}行" if self.line else ""
        return f"{self.file}{where}：{self.zh}"

    def for_clerk(self, folder: str = "source/amendments") -> str:
        """The message as the build prints it: Chinese first, then English."""
        where = f"第{self.line}行，" if self.line else ""
        return "\n".join([
            "修改决定文件有误，手册没有生成。",
            f"  文件：{folder.rstrip('/')}/{self.file}",
            f"  位置：{where}字段 {self.field}" if not self.field.startswith("(") else
            f"  位置：{where.rstrip('，') or '整个文件'}",
            f"  问题：{self.zh}",
            f"  (English: {self.file}: {'line ' + str(self.line) + ', ' if self.line else ''}"
            f"{self.field}: {self.en})",
        ])


def _format(key: str, lang: str, params: dict) -> str:
    return MESSAGES[key][lang].format_map(_Missing(params))


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
    # 条文顺序作相应调整: True (the chapters this decision changes), or chapter numbers.
    renumber: bool | tuple[int, ...] = False
    source: str = ""            # the file's text, to find a field's line in a message

    @property
    def slug(self) -> str:
        return self.file.removesuffix(".toml")

    def summary(self) -> dict:
        """The amendment as clauses.json and the calculators cite it."""
        return {"title_zh": self.title_zh, "title_en": self.title_en, "number": self.number}

    def line_of(self, field: str) -> int | None:
        return line_of(self.source, field)


def in_title_marks(title: str) -> str:
    """A title as it stands inside 《》: a 《》 of its own becomes 〈〉
    (《关于修改〈永定区编办管理制度〉的决定》), as Chinese typesetting nests them."""
    return title.replace("《", "〈").replace("》", "〉")


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


# ---------------------------------------------------------------- where a field is
_HEADER = re.compile(r"^\s*\[")
_CHANGES = re.compile(r"^\s*\[\[\s*changes\s*\]\]")


def line_of(source: str, field: str) -> int | None:
    """The 1-based line of `field` ("in_force", "changes[2].zh", "changes[2]") in a
    file's text; for a field not written, the line of its [[changes]] header."""
    if not source:
        return None
    lines = source.splitlines()
    m = re.match(r"^changes\[(\d+)\](?:\.(\w+))?$", field)
    if m:
        wanted, key = int(m.group(1)), m.group(2)
        seen = 0
        for i, line in enumerate(lines):
            if _CHANGES.match(line):
                seen += 1
                if seen == wanted:
                    if key:
                        for j in range(i + 1, len(lines)):
                            if _HEADER.match(lines[j]):
                                break
                            if re.match(rf"^\s*{key}\s*[=＝:：]", lines[j]):
                                return j + 1
                    return i + 1
        return None
    key = field.split(".")[0]
    for i, line in enumerate(lines):
        if _HEADER.match(line) and key != "parameters":
            break
        if re.match(rf"^\s*\[?\s*{re.escape(key)}\b", line):
            return i + 1
    return 1 if key in TOP_KEYS else None     # not written: it goes at the top


# ---------------------------------------------------------------- slips before TOML
_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_CN_DATE = re.compile(r"^(\d{4})\s*[年\-/.．]\s*(\d{1,2})\s*[月\-/.．]\s*(\d{1,2})\s*日?$")


def _fix_date(given: str) -> str:
    m = _CN_DATE.match(given.strip().strip("\"'“”"))
    if not m:
        return "2027-01-01"
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _slip(file: str, text: str) -> AmendmentError | None:
    """The first keyboard slip the TOML parser would report in its own terms."""
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if re.match(r"^[［【]", stripped):
            return AmendmentError(file, f"(line {n})", "fullwidth_brackets", n)
        key = re.match(rf"^({_KEY})\s*(.)", stripped)
        if not key:
            continue
        name, sep = key.group(1), key.group(2)
        rest = stripped[key.end(2):].strip()
        example = f'{name} = "…"' if name not in ("adopted", "in_force", "renumber") else \
            f"{name} = 2027-01-01"
        if sep == "＝":
            return AmendmentError(file, name, "fullwidth_equals", n,
                                  example=stripped.replace("＝", "=", 1))
        if sep in ":：":
            return AmendmentError(file, name, "colon_not_equals", n, example=example)
        if sep != "=":
            continue
        if rest[:1] in "“”‘’「」『』":
            inner = rest.strip("“”‘’「」『』")
            return AmendmentError(file, name, "chinese_quotes", n,
                                  example=f'{name} = "{inner[:24]}{"…" if len(inner) > 24 else ""}"')
        if name in ("adopted", "in_force") and not re.match(r"^\d{4}-\d{2}-\d{2}\s*(#.*)?$", rest) \
                and not rest.startswith('"') and not rest.startswith("'"):
            given = rest.split("#")[0].strip()
            return AmendmentError(file, name, "date_format", n, given=given, key=name,
                                  fixed=_fix_date(given))
    return None


def _toml_line(detail: str) -> int | None:
    m = re.search(r"at line (\d+)", detail)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- fields
def _date(value, file: str, name: str, required: bool, source: str) -> date | None:
    line = line_of(source, name)
    if value is None:
        if required:
            raise AmendmentError(file, name, "date_required", line, key=name)
        return None
    if isinstance(value, datetime):
        raise AmendmentError(file, name, "date_time", line, given=str(value), key=name)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
        m = _CN_DATE.match(value.strip())
        if m:
            try:
                date(*(int(x) for x in m.groups()))
            except ValueError:
                raise AmendmentError(file, name, "date_invalid", line, given=value, key=name) from None
    raise AmendmentError(file, name, "date_format", line, given=str(value), key=name,
                         fixed=_fix_date(str(value)))


def _text(value, file: str, name: str, source: str, required: bool = False) -> str | None:
    key = name.rsplit(".", 1)[-1]
    example = {"title_zh": "关于修改《永定区编办管理制度》的决定", "number": "永编办发〔2027〕1号",
               "clause": "c12-8", "after": "c12-10"}.get(key, "……")
    if value is None:
        if required:
            raise AmendmentError(file, name, "text_required", line_of(source, name), key=key,
                                 example=example)
        return None
    if not isinstance(value, str) or not value.strip():
        raise AmendmentError(file, name, "text_empty", line_of(source, name), key=key,
                             example=example)
    return value.strip()


def _change(raw, file: str, i: int, source: str) -> Change:
    where = f"changes[{i + 1}]"
    if not isinstance(raw, dict):
        raise AmendmentError(file, where, "changes_table", line_of(source, where))
    unknown = sorted(set(raw) - set(CHANGE_KEYS))
    if unknown:
        raise AmendmentError(file, f"{where}.{unknown[0]}", "unknown_change_field",
                             line_of(source, f"{where}.{unknown[0]}"), name=unknown[0],
                             fields="、".join(CHANGE_KEYS))
    clause = _text(raw.get("clause"), file, f"{where}.clause", source, required=True)
    action = raw.get("action")
    if action not in ACTIONS:
        raise AmendmentError(file, f"{where}.action", "action",
                             line_of(source, f"{where}.action"), given=action)
    zh = _text(raw.get("zh"), file, f"{where}.zh", source, required=action != "repeal")
    en = _text(raw.get("en"), file, f"{where}.en", source)
    after = _text(raw.get("after"), file, f"{where}.after", source, required=action == "insert")
    if action == "repeal" and (zh or en):
        raise AmendmentError(file, f"{where}.zh", "repeal_text", line_of(source, f"{where}.zh"))
    if action != "insert" and after:
        raise AmendmentError(file, f"{where}.after", "after_only_insert",
                             line_of(source, f"{where}.after"))
    return Change(clause=clause, action=action, zh=zh, en=en, after=after)


def _renumber(value, file: str, source: str) -> bool | tuple[int, ...]:
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if isinstance(value, list) and value and all(
            isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value):
        return tuple(sorted(set(value)))
    raise AmendmentError(file, "renumber", "renumber", line_of(source, "renumber"))


def read_text(path: Path) -> str:
    """A file's text: UTF-8, with or without a byte-order mark."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AmendmentError(path.name, "(file)", "not_utf8") from None


def parse_text(file: str, source: str) -> Amendment:
    """One amendment from its text (the drafting page checks a draft this way)."""
    slip = _slip(file, source)
    if slip:
        raise slip
    try:
        raw = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_line(str(exc))
        field = "(file)"
        if line:
            m = re.match(rf"^\s*({_KEY})\s*=", (source.splitlines() + [""])[line - 1])
            field = m.group(1) if m else f"(line {line})"
        # A date such as 2027-02-30 fails here: TOML rejects it as a value.
        if field in ("adopted", "in_force"):
            given = source.splitlines()[line - 1].split("=", 1)[1].split("#")[0].strip()
            raise AmendmentError(file, field, "date_invalid", line, given=given, key=field) from None
        raise AmendmentError(file, field, "toml", line, detail=str(exc)) from None
    if "parameters" in raw:
        raise AmendmentError(file, "parameters", "parameters_gone", line_of(source, "parameters"))
    unknown = sorted(set(raw) - set(TOP_KEYS))
    if unknown:
        raise AmendmentError(file, unknown[0], "unknown_field", line_of(source, unknown[0]),
                             name=unknown[0], fields="、".join(TOP_KEYS))
    changes = raw.get("changes", [])
    if not isinstance(changes, list):
        raise AmendmentError(file, "changes", "changes_table", line_of(source, "changes"))
    if not changes:
        raise AmendmentError(file, "changes", "no_changes")
    amendment = Amendment(
        file=file,
        title_zh=_text(raw.get("title_zh"), file, "title_zh", source, required=True),
        title_en=_text(raw.get("title_en"), file, "title_en", source),
        number=_text(raw.get("number"), file, "number", source),
        adopted=_date(raw.get("adopted"), file, "adopted", False, source),
        in_force=_date(raw.get("in_force"), file, "in_force", True, source),
        changes=tuple(_change(c, file, i, source) for i, c in enumerate(changes)),
        renumber=_renumber(raw.get("renumber"), file, source),
        source=source,
    )
    seen = set()
    for i, c in enumerate(amendment.changes):
        if c.clause in seen:
            raise AmendmentError(file, f"changes[{i + 1}].clause", "twice",
                                 line_of(source, f"changes[{i + 1}].clause"), clause=c.clause)
        seen.add(c.clause)
    if amendment.adopted and amendment.adopted > amendment.in_force:
        raise AmendmentError(file, "adopted", "adopted_late", line_of(source, "adopted"))
    return amendment


def parse(path: Path) -> Amendment:
    """One amendment file, its shape checked."""
    return parse_text(path.name, read_text(path))


def folder_warnings(folder: Path | None = None) -> list[AmendmentError]:
    """What a clerk should hear about the folder without the build stopping: a file
    that is not *.toml (Notepad's .toml.txt), a name whose date is not in_force."""
    folder = directory() if folder is None else folder
    out: list[AmendmentError] = []
    if folder is None or not Path(folder).is_dir():
        return out
    for path in sorted(Path(folder).iterdir()):
        if path.name == README or path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix != ".toml":
            out.append(AmendmentError(path.name, "(file)", "not_toml", name=path.name))
            continue
        m = re.match(r"^(\d{4}-\d{2}-\d{2})", path.name)
        try:
            amendment = parse(path)
        except AmendmentError:
            continue          # the build reports it as an error
        if not m or m.group(1) != amendment.in_force.isoformat():
            prefix = m.group(1) if m else path.name.split("-")[0]
            out.append(AmendmentError(path.name, "in_force", "name_date",
                                      amendment.line_of("in_force"), prefix=prefix,
                                      in_force=amendment.in_force.isoformat()))
    return out


def load(folder: Path | None = None) -> tuple[Amendment, ...]:
    """Every amendment, in force order (then file name). Raises AmendmentError."""
    if folder is None:
        folder = directory()
        env = os.environ.get(ENV)
        if env and not Path(env).is_dir():
            raise AmendmentError(env, "(folder)", "folder_missing", folder=env)
    if folder is None or not Path(folder).is_dir():
        return ()
    return tuple(sorted((parse(p) for p in Path(folder).glob("*.toml")),
                        key=lambda a: (a.in_force, a.file)))


@lru_cache(maxsize=None)
def _cached(folder: str | None) -> tuple[Amendment, ...]:
    return load(None) if folder is None or folder == _env_folder() else load(Path(folder))


def _env_folder() -> str | None:
    return os.environ.get(ENV) or None


def amendments() -> tuple[Amendment, ...]:
    """The amendments of the folder in use, read once per folder."""
    folder = directory()
    return _cached(str(folder) if folder else None)


def clause_version(clause: str, day: date) -> date | None:
    """The in-force date of the version of `clause` in force on `day` (None: the
    original text). A renumbering counts: it gives the clause a new version."""
    from . import _data
    v = _data.history().version_on(clause, day)
    return v.in_force if v is not None else None
