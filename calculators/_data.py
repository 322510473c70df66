"""The rules data: rules.toml, with every figure a clause states read from that
clause's text in force on the day (`_slots.py`), loaded with the standard library.

importlib.resources finds the files inside an installed wheel, a source tree or
Pyodide's virtual file system alike.

rules.toml holds, for each value, the clause and its words with a slot where the
figure stands; the figure itself is read from the clause version in force
(`_history.py`: the text as issued, docs/zh/chNN.md, and the amendments). Only
values no clause states (a reading, or a figure from a national regulation, with
its `source`) are written in rules.toml itself. A calculator runs inside
`rules_in_force(day)`, and `rule()` then reads the values in force on that day.
"""

import copy
import tomllib
from contextlib import contextmanager
from contextvars import ContextVar
from fractions import Fraction
from importlib.resources import files

from . import _amendments, _clausetext, _history, _slots

# The calculator that owns a rules.toml section (the names of calculators.CALCULATORS).
OWNER = {"quorum": "quorum", "condolence": "condolence", "rewards": "rewards",
         "leave_approval": "leave_approval", "annual_leave": "annual_leave",
         "expenditure": "expenditure", "duty": "duty_compensation",
         "meeting_calendar": "meeting_calendar"}


def _load() -> dict:
    with files(__package__).joinpath("rules.toml").open("rb") as fh:
        return tomllib.load(fh)


# rules.toml as written: the words with their slots.
RAW: dict = _load()


def bound_tables(data: dict, path: str = ""):
    """(dotted path, table) of every table that quotes a clause of the handbook
    (a `source` table quotes a national regulation instead)."""
    for key, value in data.items():
        if isinstance(value, dict):
            here = f"{path}.{key}" if path else key
            if "clause" in value and "text" in value and "source" not in value:
                yield here, value
            yield from bound_tables(value, here)


def _node(data: dict, path: str) -> dict:
    for key in path.split("."):
        data = data[key]
    return data


def _set(data: dict, path: str, value: dict) -> None:
    *parents, last = path.split(".")
    for key in parents:
        data = data[key]
    data[last] = value


# ---------------------------------------------------------------- the clause model
_HISTORY: dict = {}


def history() -> "_history.History":
    """The clauses' versions, from the text as issued and the amendments in use."""
    every = _amendments.amendments()
    hit = _HISTORY.get("key")
    if hit is None or hit[0] is not every:
        _HISTORY["key"] = (every, _history.build(list(_clausetext.original()), every))
    return _HISTORY["key"][1]


def calculator_title(path: str) -> str:
    from ._messages import TITLES
    name = OWNER.get(path.split(".")[0], path.split(".")[0])
    return TITLES[name][0] if name in TITLES else name


def citation(h, cid: str, day) -> str:
    """“财务管理制度”第2条 / “编办主任办公会议制度”第5条第④项: a clause as a clerk names
    it, by the number it prints on `day` (None: as issued)."""
    import re
    row = h.row(cid)
    name = re.sub(r"^[一二三四五六七八九十]+、\s*", "", getattr(row, "chapter_title_zh", "") or "")
    number = h.number_on(cid, day) or (h.versions[cid][-1].former or row.number)
    if row.sub:
        parent = h.number_on(row.parent, day)
        return f"“{name}”第{_history.number_value(parent) or row.item}条第{number}项"
    if number.startswith("第"):
        return f"“{name}”{number}"                     # 第一条
    if number.endswith("、"):
        return f"“{name}”第{number[:-1]}条"            # 一、 → 第一条
    value = _history.number_value(number)
    return f"“{name}”第{value if value is not None else row.item}条"


def template_words(template: str) -> str:
    """The words a calculator reads, its slots shown as ……: 每篇奖励……元."""
    return _slots._SLOT.sub("……", template)


def culprit(h, cid: str, day):
    """(amendment, index of its change) that last changed `cid` by `day`."""
    for a in reversed(h.amendments):
        if day is not None and a.in_force <= day:
            for i, c in enumerate(a.changes):
                if c.clause == cid:
                    return a, i
    return None, None


def resolve_on(h, day, raw: dict = RAW) -> tuple[dict, list]:
    """(the rules data in force on `day` (None: as issued), notices). Raises
    AmendmentError, naming the amendment and the field, when a clause in force no
    longer holds the words a calculator reads, or a figure is out of bounds."""
    data = copy.deepcopy(raw)
    notices = []
    for path, table in list(bound_tables(raw)):
        cid = table["clause"]
        if cid not in h.versions:
            raise ValueError(f"rules.toml {path}: unknown clause {cid}")
        v = h.version_on(cid, day)
        text = v.zh if v is not None else None
        repealed = v is not None and v.repealed
        if repealed:   # the figures of the last text, and the date it ended
            last = next(x for x in reversed(h.versions[cid]) if not x.repealed)
            text = last.zh
        amendment, index = culprit(h, cid, day)
        try:
            resolved = _slots.resolve(table, text)
        except _slots.SlotError as exc:
            file = amendment.file if amendment else "calculators/rules.toml"
            field = f"changes[{index + 1}].zh" if amendment else f"{path}.text"
            line = amendment.line_of(field) if amendment else None
            facts = {"calculator": calculator_title(path), "clause": cid,
                     "citation": citation(h, cid, day),
                     "date": "原始文本" if day is None else day.isoformat(),
                     "words": template_words(table["text"]),
                     "slots": "、".join(f"{{{n}}}" for n, _ in _slots.slots(table["text"])) or "（无）"}
            if exc.kind == "bounds":
                raise _amendments.AmendmentError(file, field, "slot_value", line, **facts,
                                                 value=exc.facts["value"], low=exc.facts["low"],
                                                 high=exc.facts["high"]) from None
            raise _amendments.AmendmentError(file, field, "slot_mismatch", line, **facts) from None
        if repealed:
            resolved["repealed"] = v.in_force.isoformat()
            notices.append(_amendments.AmendmentError(
                v.amendment.file, f"changes[{index + 1}]", "slot_repealed",
                v.amendment.line_of(f"changes[{index + 1}]"), clause=cid,
                citation=citation(h, cid, None), date=v.in_force.isoformat(),
                calculator=calculator_title(path), words=template_words(table["text"])))
        _set(data, path, resolved)
    return data, notices


def check(h) -> list:
    """Resolve the rules on the text as issued and on every amendment's date: raises
    the first AmendmentError; returns the notices (a quoted clause repealed)."""
    notices, seen = [], set()
    for day in [None, *h.dates]:
        for notice in resolve_on(h, day)[1]:
            if str(notice) not in seen:
                seen.add(str(notice))
                notices.append(notice)
    return notices


# ---------------------------------------------------------------- the rules on a day
# The rules data of the computation under way (None: the rules as issued).
_IN_FORCE: ContextVar = ContextVar("calculators_rules_in_force", default=None)
# (the amendments tuple, how many are in force) -> the rules data. The tuple is kept
# in the key's value, so its id cannot be reused by another while cached.
_VERSIONS: dict = {}


def rules_on(day) -> dict:
    """The rules data in force on `day` (None: as issued); one copy per version,
    shared: never change it."""
    every = _amendments.amendments()
    count = 0 if day is None else sum(1 for a in every if a.in_force <= day)
    if count == 0:
        return RULES
    key = (id(every), count)
    hit = _VERSIONS.get(key)
    if hit is None or hit[0] is not every:
        h = history()
        on = None if count == 0 else max(a.in_force for a in every[:count])
        hit = _VERSIONS[key] = (every, resolve_on(h, on)[0])
    return hit[1]


def _as_issued() -> dict:
    h = _history.build(list(_clausetext.original()), ())
    return resolve_on(h, None)[0]


# The rules as issued (no amendment applied).
RULES: dict = _as_issued()


@contextmanager
def rules_in_force(day):
    """Within it, rule() gives the values in force on `day`."""
    token = _IN_FORCE.set(rules_on(day))
    try:
        yield
    finally:
        _IN_FORCE.reset(token)


def rule(path: str):
    """The table at a dotted path, e.g. rule("quorum.ordinary"), as in force for
    the computation under way (the rules as issued outside one)."""
    node = _IN_FORCE.get()
    if node is None:
        node = RULES
    return _node(node, path)


def ratio(table: dict, key: str = "ratio") -> Fraction:
    """A ratio written as "3/4" in the data, as an exact fraction."""
    return Fraction(table[key])


_AMOUNT = __import__("re").compile(r"(\d+(?:\.\d+)?)\s*(?:—\s*\d+(?:\.\d+)?\s*)?元")


def unread_amounts(h) -> list:
    """Warnings (AmendmentError, not raised) for an amount (…元) that an amended or
    inserted clause states and no calculator of its chapter reads, while that
    chapter has calculators: an inserted 生育慰问金500元 next to the condolence
    calculator's clauses, which the calculator will not pay."""
    by_chapter: dict = {}
    for path, table in bound_tables(RAW):
        chapter = h.row(table["clause"]).chapter
        by_chapter.setdefault(chapter, []).append((path, table))
    out = []
    for a in h.amendments:
        for i, change in enumerate(a.changes):
            if change.action == "repeal" or not change.zh:
                continue
            chapter = h.row(change.clause).chapter
            tables = by_chapter.get(chapter)
            if not tables:
                continue
            v = h.version_on(change.clause, a.in_force)
            text = v.zh if v is not None and v.zh else change.zh
            read = [span for path, table in tables if table["clause"] == change.clause
                    for span in _slots.spans(table["text"], text)]
            for m in _AMOUNT.finditer(text):
                if any(lo <= m.start(1) < hi for lo, hi in read):
                    continue
                names = []
                for path, _ in tables:
                    title = calculator_title(path)
                    if title not in names:
                        names.append(title)
                out.append(_amendments.AmendmentError(
                    a.file, f"changes[{i + 1}].zh", "amount_unread",
                    a.line_of(f"changes[{i + 1}].zh"), clause=change.clause,
                    citation=citation(h, change.clause, a.in_force),
                    amount=m.group(0), calculators="、".join(names)))
    return out
