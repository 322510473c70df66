"""The developer page's reference tables, made from the calculators themselves.

Shortcodes in docs/{zh,en}/developers/calculators.md, expanded at build time by the
calculators_embed hook (on_page_markdown):

    <!-- calculator-inputs: NAME -->     the inputs of calculators.schema(NAME): label,
                                         type and options, default, bounds
    <!-- calculator-outputs: NAME -->    its outputs: label and display kind
    <!-- calculator-rules: SECTION -->   the values of rules.toml [SECTION.*] beside
                                         the clause each comes from

So an amount, a bound or an outlet name is written once (rules.toml, or the field
specs in the calculator's module) and the page can never disagree with it. An
unknown calculator, section or shortcode raises ShortcodeError (the build fails).

The values are those in force on the build's date (handbook.edition.as_of()):
rules.toml with the [parameters] of the amendments in force by then
(calculators/_amendments.py), so an amendment that changes an amount changes the
table from the day it comes into force.
"""
from __future__ import annotations

import re

import calculators
from calculators import _data

from . import edition

SHORTCODE = re.compile(r"<!--\s*calculator-(inputs|outputs|rules):\s*([\w.]+)\s*-->")
ANY = re.compile(r"<!--\s*calculator-[^>]*-->")
# A type's options are listed with their labels up to this many; beyond, counted.
MAX_LISTED = 8
# Keys of a rules.toml table that say where a value comes from, not a value.
PROVENANCE = ("clause", "text", "words", "source", "reading", "repealed")

WORDS = {
    "zh": {
        "inputs": ("输入项", "标签", "类型", "默认", "范围"),
        "outputs": ("输出项", "标签", "显示方式"),
        "rules": ("rules.toml 表", "数值", "条款"),
        "required": "必填", "none": "—", "sep": "；", "list_sep": "、",
        "integer": "整数", "number": "数值", "boolean": "布尔值", "string": "文字",
        "date": "日期 `YYYY-MM-DD`", "month": "月份 `YYYY-MM`", "object": "对象",
        "one_of": "{options} 之一", "one_of_many": "{n} 个可选值之一（见 schema 的 `option_labels`）",
        "list_of": "列表，每项为：{item}", "objects": "对象列表：{members}", "label": "{value}（{label}）",
        "between": "{low}–{high}", "above": "大于 {low}", "at_most": "不超过 {high}",
        "at_least": "不小于 {low}", "step": "{step} 的整数倍", "items": "{range} 项",
        "fixed": "由页面设为 `{value}`，不显示", "page_language": "表单中默认为页面语言",
        "today": "表单中默认为浏览器的当天日期",
        "source": "依据 {source}",
    },
    "en": {
        "inputs": ("Input", "Label", "Type", "Default", "Bounds"),
        "outputs": ("Output", "Label", "Shown as"),
        "rules": ("rules.toml table", "Values", "Clause"),
        "required": "req.", "none": "—", "sep": "; ", "list_sep": ", ",
        "integer": "whole", "number": "number", "boolean": "bool", "string": "text",
        "date": "date `YYYY-MM-DD`", "month": "month `YYYY-MM`", "object": "object",
        "one_of": "{options}", "one_of_many": "one of {n} values (the schema's `option_labels`)",
        "list_of": "list, each {item}", "objects": "list of objects: {members}", "label": "{value} ({label})",
        "between": "{low}–{high}", "above": "> {low}", "at_most": "≤ {high}",
        "at_least": "≥ {low}", "step": "a multiple of {step}", "items": "{range} items",
        "fixed": "set to `{value}` by the page, not shown", "page_language": "the form defaults to the page's language",
        "today": "the form starts at the browser's local date",
        "source": "from {source}",
    },
}


class ShortcodeError(ValueError):
    """An unknown calculator, rules section or shortcode on a page."""


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(head: tuple, rows: list) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _num(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", " ") if isinstance(value, int) and abs(value) >= 10000 else str(value)


def _json(value) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return f'`"{value}"`'
    return f"`{value}`"


def _type(field: dict, lang: str) -> str:
    w = WORDS[lang]
    kind = field["type"]
    if "options" in field:
        labels = field.get("option_labels", {})
        if len(field["options"]) > MAX_LISTED:
            return w["one_of_many"].format(n=len(field["options"]))
        shown = [w["label"].format(value=_json(o), label=labels[o][lang]) if o in labels else _json(o)
                 for o in field["options"]]
        return w["one_of"].format(options=w["list_sep"].join(shown))
    if kind == "list" and field["items"]["type"] == "object":
        return w["objects"].format(members=w["list_sep"].join(f"`{m['name']}`" for m in field["items"]["fields"]))
    if kind == "list":
        return w["list_of"].format(item=_type(field["items"], lang))
    fmt = {"YYYY-MM-DD": "date", "YYYY-MM": "month"}.get(field.get("format"))
    return w[fmt or kind]


def _bounds(field: dict, lang: str) -> str:
    w = WORDS[lang]
    parts = []
    low, high = field.get("min", field.get("min_items")), field.get("max", field.get("max_items"))
    if low is not None and high is not None and not field.get("exclusive_min"):
        span = w["between"].format(low=_num(low), high=_num(high))
    else:
        span = w["sep"].join(
            ([w["above" if field.get("exclusive_min") else "at_least"].format(low=_num(low))]
             if low is not None else [])
            + ([w["at_most"].format(high=_num(high))] if high is not None else []))
    if span:
        parts.append(w["items"].format(range=span) if field["type"] == "list" else span)
    if "step" in field:
        parts.append(w["step"].format(step=_num(field["step"])))
    display = field.get("display", {})
    if display.get("kind") == "fixed":
        parts.append(w["fixed"].format(value=str(display["value"]).lower()))
    if display.get("kind") in ("page_language", "today"):
        parts.append(w[display["kind"]])
    return w["sep"].join(parts)


def _rows(fields: list, lang: str, prefix: str = "") -> list:
    w = WORDS[lang]
    rows = []
    for field in fields:
        default = (w["required"] if field.get("required")
                   else _json(field["default"]) if "default" in field else w["none"])
        name = prefix + field["name"]
        rows.append((f"`{name}`", field.get(f"label_{lang}", ""), _type(field, lang), default,
                     _bounds(field, lang)))
        item = field.get("items", {})
        if item.get("type") == "object":
            rows += _rows(item["fields"], lang, prefix=f"{name}[].")
    return rows


def _rules() -> dict:
    """The rules data in force on the build's date."""
    return _data.rules_on(edition.as_of())


def _schema(name: str):
    """A calculator's schema, its words quoting the rules in force on the build's date."""
    return calculators.schema(name, edition.as_of())


def inputs_table(name: str, lang: str) -> str:
    """Every input of a calculator, from its schema."""
    spec = _schema(name)
    if spec is None:
        raise ShortcodeError(f"unknown calculator {name!r}; known: {', '.join(calculators.CALCULATORS)}")
    return _table(WORDS[lang]["inputs"], _rows(spec["fields"], lang))


def outputs_table(name: str, lang: str) -> str:
    """Every output of a calculator, with its display kind (see "Display kinds")."""
    spec = _schema(name)
    if spec is None:
        raise ShortcodeError(f"unknown calculator {name!r}; known: {', '.join(calculators.CALCULATORS)}")
    rows = []
    for output in spec["outputs"]:
        display = output["display"]
        kind = f"`{display['kind']}`"
        parts = display.get("parts", []) + display.get("columns", [])
        if parts:
            kind += " (" + WORDS[lang]["list_sep"].join(f"`{p['name']}`: `{p['kind']}`" for p in parts) + ")"
        rows.append((f"`{output['name']}`", output[f"label_{lang}"], kind))
    return _table(WORDS[lang]["outputs"], rows)


def _leaves(node: dict, path: str):
    """Every table of rules.toml under a path that holds values (arrays of tables too)."""
    values = {k: v for k, v in node.items() if not isinstance(v, dict)
              and not (isinstance(v, list) and v and isinstance(v[0], dict))}
    if "clause" in values:
        yield path, values
    for key, child in node.items():
        if isinstance(child, dict):
            yield from _leaves(child, f"{path}.{key}")
        elif isinstance(child, list) and child and isinstance(child[0], dict):
            for index, item in enumerate(child):
                yield from _leaves(item, f"{path}.{key}[{index}]")


def _value(value, lang: str) -> str:
    if isinstance(value, list):
        return WORDS[lang]["list_sep"].join(str(v) for v in value)
    return _num(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def rules_table(section: str, lang: str) -> str:
    """The values of rules.toml [SECTION.*] in force on the build's date, each
    beside the clause it comes from."""
    rules = _rules()
    if section not in rules or section == "meta":
        raise ShortcodeError(f"unknown rules.toml section {section!r}; known: "
                             f"{', '.join(k for k in rules if k != 'meta')}")
    w = WORDS[lang]
    rows = []
    for path, table in _leaves(rules[section], section):
        values = w["sep"].join(f"`{k}` = {_value(v, lang)}" for k, v in table.items()
                               if k not in PROVENANCE) or w["none"]
        clause = table["clause"]
        chapter = int(clause[1:].split("-")[0])
        where = f"[{clause}](../ch{chapter:02d}.md#{clause})"
        if "source" in table:
            where += " " + w["source"].format(source=table["source"])
        rows.append((f"`{path}`", values, where))
    return _table(w["rules"], rows)


_MAKERS = {"inputs": inputs_table, "outputs": outputs_table, "rules": rules_table}


def expand(markdown: str, lang: str) -> str:
    """The page with every calculator-* shortcode replaced by its table."""
    out = SHORTCODE.sub(lambda m: _MAKERS[m.group(1)](m.group(2), lang), markdown)
    unknown = ANY.search(out)
    if unknown:
        raise ShortcodeError(f"unknown shortcode {unknown.group(0)} (known: "
                             "calculator-inputs, calculator-outputs, calculator-rules)")
    return out
