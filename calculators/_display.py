"""How a reader sees each figure of an answer: its display kind.

A calculator declares its outputs as `Output`s, in display order, each with a
kind from KINDS. The kind says what the JSON value is and how it is shown; the
words (the label, labels of coded values, a records line, table headings, a link
text) are in the calculator's messages file under [outputs.NAME]. schema()
describes each output as

    {"name": "amount_min", "label_zh": ..., "label_en": ..., "display": {"kind": "money"}}

with the display's extra keys below, every text as {"zh": ..., "en": ...}. The web
form renders an answer from these alone (calculators.js has no code for any one
calculator); the developer page documents the kinds (docs/*/developers/calculators.md).
"""

from collections.abc import Callable
from dataclasses import dataclass

from ._messages import OPTION_LABELS, output_words, pair
from ._wording import filled

# kind -> what the value is; the words below are documented for developers.
KINDS = {
    "boolean": "true or false; null when not known",
    "number": "a count (members, leaders)",
    "money": "an amount in yuan (the label names the unit)",
    "days": "a number of days",
    "years": "a number of years",
    "year": "a calendar year, written without digit grouping",
    "date": "a date, YYYY-MM-DD",
    "months": "a list of months, YYYY-MM",
    "code": "one coded value, shown by its `labels`",
    "codes": "a list of coded values, shown by their `labels`",
    "records": "a list of objects, one `line` each, its `parts` filled in",
    "table": "a list of objects, one row each, in `columns`",
    "counts": "an object of code -> number, one line each, the code by its `labels`",
    "file": "text offered as a file to download (`file_name`, `media_type`, `link`), "
            "not shown among the figures",
}
# Kinds only a part of a records item or a table column has.
PART_KINDS = {
    "ordinal": "an index counted from 0, shown counted from 1",
    "when": "the item's `date`, or its `start` – `end`",
    "text": "the item's NAME_zh or NAME_en (else NAME), in the reader's language",
    "clause": "a clause id, shown as a link to the clause",
}


@dataclass(frozen=True)
class Output:
    name: str
    kind: str                            # one of KINDS (PART_KINDS for a part)
    parts: tuple = ()                    # records, table: an `Output` per part of an item
    # code(s), counts: value -> (zh, en), from the module (a function giving them, when
    # they quote the rules: called when the schema is described, under the rules in
    # force then)
    labels: dict | Callable[[], dict] | None = None
    labels_from: str | None = None       # ... or the option labels of this input
    # facts for {name} in the [outputs.NAME.values] words (a function giving them when
    # they come from the rules, called likewise)
    facts: dict | Callable[[], dict] | None = None
    file_name: str | None = None         # file: its name; {key} is filled from the answer
    media_type: str | None = None        # file: its media type

    def __post_init__(self):
        if self.kind not in KINDS and self.kind not in PART_KINDS:
            raise ValueError(f"output {self.name!r}: unknown display kind {self.kind!r}")


def _text(message) -> dict:
    zh, en = pair(message) if isinstance(message, dict) else message
    return {"zh": zh, "en": en}


def _now(value):
    """A value, or what the function standing for it gives now (rules in force)."""
    return value() if callable(value) else value


def _labels(calc: str, out: Output, words: dict):
    if out.labels is not None:
        return _now(out.labels)
    if out.labels_from is not None:
        return OPTION_LABELS[(calc, out.labels_from)]
    if "values" in words:
        facts = _now(out.facts) or {}
        return {value: filled(pair(node), facts) for value, node in words["values"].items()}
    return None


def display(calc: str, out: Output, words: dict) -> dict:
    """The `display` object of one output (or part), its texts in both languages."""
    shown = {"kind": out.kind}
    labels = _labels(calc, out, words)
    if labels:
        shown["labels"] = {value: _text(text) for value, text in labels.items()}
    for key in ("none", "line", "link"):
        if key in words:
            shown[key] = _text(words[key])
    if out.parts:
        part_words = words.get("parts", {})
        parts = []
        for part in out.parts:
            these = part_words.get(part.name, {})
            entry = {"name": part.name, **display(calc, part, these)}
            if "label" in these:
                entry["label"] = _text(these["label"])
            parts.append(entry)
        shown["columns" if out.kind == "table" else "parts"] = parts
    if out.kind == "file":
        shown["file_name"], shown["media_type"] = out.file_name, out.media_type
    return shown


def describe_output(calc: str, out: Output) -> dict:
    """One output of schema(): name, labels and display."""
    words = output_words(calc, out.name)
    label_zh, label_en = pair(words["label"])
    return {"name": out.name, "label_zh": label_zh, "label_en": label_en,
            "display": display(calc, out, words)}
