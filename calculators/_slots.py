"""The figures a clause states, read from the clause's own words.

rules.toml quotes, for each value the calculators apply, the words of its clause
with a slot where the figure stands:

    [rewards.levels.rednet_mobile]
    clause = "c13-2"
    text = "红网手机报采用的奖励{reward}元/篇"

`resolve(table, clause_text)` finds those words in the clause version in force
and returns the table with `reward` read from them and `text` the words as they
stand (what the explanations quote). A figure is therefore written once, in the
clause: an amendment changes only the text, and the calculators follow.

Slot kinds, `{name}` or `{name:kind}`:
    int       digits: 5000
    num       digits with an optional decimal part: 1, 0.5
    cn        a Chinese numeral or digits: 一, 两, 十二, 4
    fraction  X分之Y in Chinese numerals, read as the text "Y/X": 四分之三 -> "3/4"
A name written twice collects a list: 第{weeks:cn}周、第{weeks:cn}周 -> [2, 4].
`bounds = { name = [low, high] }` in the table says what the calculator can handle;
a figure outside them is refused (the build stops, naming calculator and clause).

Half- and full-width forms of the same punctuation match each other (, ，; ; ；),
so a clerk who types the decision with a Chinese keyboard still matches.
"""
from __future__ import annotations

import re
from fractions import Fraction

_CN = "零一二两三四五六七八九十百"
_KINDS = {
    "int": r"\d+",
    "num": r"\d+(?:\.\d+)?",
    "cn": rf"[{_CN}]+|\d+",
    "fraction": rf"[{_CN}]+分之[{_CN}]+",
}
_SLOT = re.compile(r"\{(?P<name>[a-z_]+)(?::(?P<kind>[a-z]+))?\}")
_SAME = ["，,", "；;", "：:", "（(", "）)", "！!", "？?", "“\"”", "—－-"]
_CLASS = {ch: "[" + re.escape(group) + "]" for group in _SAME for ch in group}


class SlotError(ValueError):
    """The words a calculator reads are not in the clause, or a figure is out of bounds."""

    def __init__(self, kind: str, **facts):
        self.kind, self.facts = kind, facts
        super().__init__(f"{kind}: {facts}")


def slots(template: str) -> list[tuple[str, str]]:
    """[(name, kind)] in order of appearance."""
    return [(m["name"], m["kind"] or "int") for m in _SLOT.finditer(template)]


def has_slots(template: str) -> bool:
    return bool(_SLOT.search(template))


def _literal(text: str) -> str:
    return "".join(_CLASS.get(ch, re.escape(ch)) for ch in text)


def pattern(template: str) -> re.Pattern:
    """The template as a regular expression with one group per slot."""
    out, pos, n = [], 0, 0
    for m in _SLOT.finditer(template):
        out.append(_literal(template[pos:m.start()]))
        kind = m["kind"] or "int"
        if kind not in _KINDS:
            raise ValueError(f"unknown slot kind {kind!r} in {template!r}")
        # Never half a number: 1000 is not read out of 11000.
        out.append(f"(?<![0-9.{_CN}])(?P<s{n}>{_KINDS[kind]})(?![0-9])")
        n += 1
        pos = m.end()
    out.append(_literal(template[pos:]))
    return re.compile("".join(out))


def cn_int(text: str) -> int:
    """Chinese numerals (or digits) up to 999: 一 1, 两 2, 十二 12, 二十 20, 一百 100."""
    if text.isdigit():
        return int(text)
    digits = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(text)
    return total + current


def _value(kind: str, text: str):
    if kind == "int":
        return int(text)
    if kind == "num":
        value = Fraction(text)
        return int(value) if value.denominator == 1 else float(value)
    if kind == "cn":
        return cn_int(text)
    if kind == "fraction":
        below, above = text.split("分之")
        return f"{cn_int(above)}/{cn_int(below)}"
    raise ValueError(kind)


def read(template: str, clause_text: str) -> tuple[dict, str] | None:
    """({slot name: value}, the words as they stand) or None when the clause lacks them."""
    m = pattern(template).search(clause_text or "")
    if not m:
        return None
    values: dict = {}
    for n, (name, kind) in enumerate(slots(template)):
        value = _value(kind, m[f"s{n}"])
        if name in values:
            if not isinstance(values[name], list):
                values[name] = [values[name]]
            values[name].append(value)
        else:
            values[name] = value
    return values, m.group(0)


def spans(template: str, clause_text: str) -> list[tuple[int, int]]:
    """Where in the clause the template's slots read a figure."""
    m = pattern(template).search(clause_text or "")
    return [m.span(f"s{n}") for n in range(len(slots(template)))] if m else []


def out_of_bounds(table: dict, values: dict) -> tuple[str, object, list] | None:
    for name, (low, high) in (table.get("bounds") or {}).items():
        for value in values.get(name) if isinstance(values.get(name), list) else [values.get(name)]:
            if value is None:
                continue
            number = Fraction(value) if isinstance(value, str) else value
            if not low <= number <= high:
                return name, value, [low, high]
    return None


def resolve(table: dict, clause_text: str | None) -> dict:
    """The table with its figures read from `clause_text` and `text` the words as
    they stand. Raises SlotError when the words are not there or a figure is out of
    bounds. A table without a slot only checks that its words are there."""
    template = table["text"]
    found = read(template, clause_text or "")
    if found is None:
        raise SlotError("mismatch")
    values, words = found
    bad = out_of_bounds(table, values)
    if bad:
        raise SlotError("bounds", name=bad[0], value=bad[1], low=bad[2][0], high=bad[2][1])
    out = {k: v for k, v in table.items() if k != "bounds"}
    out.update(values)
    out["text"] = words
    out["words"] = template
    return out
