"""All wording, in Chinese and English, read from calculators/messages/*.toml.

Rule functions return facts (a message key and its parameters); the sentences are
data, kept with the calculator they belong to. This module loads them with tomllib
through importlib.resources, so the same code reads them from the source tree, an
installed wheel and Pyodide's file system. _wording.py turns them into sentences.

The files
---------
    calculators/messages/<calculator>.toml   one calculator's wording, named as in
                                             calculators.CALCULATORS
    calculators/messages/common.toml         wording every calculator shares: the
                                             refusals, bounds, field paths, small
                                             words, holiday names; the input every
                                             calculator takes ([fields.date]) and the
                                             notes on dated rules ([notes.dated])

A message is a TOML table holding exactly two strings, `zh` and `en`, written inline
or as a section (both are the same to TOML):

    [fields.event]
    label = { zh = "事由", en = "Event" }

    [notes.hospitalization]
    zh = "c12-8：“{text}”。住院慰问金原则上为 {amount} 元。"
    en = "c12-8: ... a sympathy payment of {amount} yuan."

A long string may be wrapped: in a \"\"\"...\"\"\" string a backslash at the end of a
line drops the line break and the next line's indent (leave a space before the
backslash where English needs one). {name} is a fact the code passes in, filled
with str.format_map (a missing one shows as {name}); amounts, days and dates from
rules.toml arrive that way and are never written in a message
(tests/calculators/test_rules_data.py). Loading fails, naming the file and the
key, when a table mixes `zh`/`en` with anything else or a section is unknown.

The sections of <calculator>.toml, and who reads them:

    title                     the calculator's title (schema title_zh/title_en)
    [fields.NAME]             one input, also one nested in a list (rewards: outlets)
      label                   its label in the form and in refusals
      hint                    a line under the input in the form (optional)
      options.VALUE           the label of each allowed value
      item, nth, add, remove  a list of objects: one item in the form ("稿件{n}"), in a
                              refusal ("第{n}篇稿件"), the add and remove buttons
    [outputs.NAME]            one figure of the answer; its display kind is declared in
                              the calculator's module (_display.Output)
      label                   its label
      values.VALUE            the words for a coded value (display kinds code, codes)
      none                    the words for null (optional)
      line                    display kind records: one line per item, {part} filled
      parts.PART.label/.none  display kinds records and table: one part of an item
      link                    display kind file: the download link ({file}: its name)
    [headlines.KEY]           the one-sentence answer: _headline.py returns "CALC.KEY"
    [notes.KEY]               an explanation: Answer.note("CALC.KEY", ...) in the module
                              (KEY may be dotted: [notes.reading.spouse])
    [errors.CODE.DETAIL]      a refusal only this calculator gives (else common.toml)
    any other section         wording the module asks for by path, words(CALC, PATH)
                              (rewards [levels], meeting_calendar [meetings], [ics])

common.toml's [fields.NAME] word an input every calculator takes (the `date` of
dated rules); a calculator's own [fields.NAME] of the same name adds to it or
overrides it key by key (expenditure and annual_leave give `date` a hint of their
own, and no label). common.toml's [notes.KEY] are notes any calculator may give,
keyed "KEY" without a calculator's name (the dated rules' "dated.amended"...).

Moving an entry in from Python: NOTES["calc.some_key"] = ("中文……", "English …")
becomes, in calc.toml,

    [notes.some_key]
    zh = "中文……"
    en = "English …"

and HEADLINES["calc.x"] becomes [headlines.x] the same way; a rule number in the
text becomes a {fact} passed by the code. Nothing else changes: the key the code
uses stays "calc.some_key".
"""

import tomllib
from importlib.resources import files

PAIR = frozenset(("zh", "en"))
_FIELD_KEYS = {"label", "hint", "options", "item", "nth", "add", "remove"}
_OUTPUT_KEYS = {"label", "values", "none", "line", "parts", "link"}


class MessagesError(ValueError):
    """A malformed messages file, named with the key at fault."""


def _is_pair(node) -> bool:
    return isinstance(node, dict) and set(node) == PAIR and all(
        isinstance(node[k], str) for k in PAIR)


def _check(node, where: str) -> None:
    """Every leaf is a {zh, en} pair of strings; nothing else is allowed."""
    if _is_pair(node):
        return
    # (An option may be called zh or en, as meeting_calendar's lang: then its
    # value is a table, not a string.)
    if not isinstance(node, dict) or not node or any(
            isinstance(node.get(key), str) for key in PAIR):
        raise MessagesError(f"{where}: expected a table with a `zh` and an `en` string "
                            "(or a table of such tables)")
    for key, child in node.items():
        _check(child, f"{where}.{key}")


def _read(name: str) -> dict:
    with files(__package__).joinpath("messages", f"{name}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    for key, node in data.items():
        _check(node, f"messages/{name}.toml: {key}")
    return data


def _names() -> list:
    folder = files(__package__).joinpath("messages")
    return sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".toml"))


def pair(node) -> tuple:
    """A {zh, en} table as the (zh, en) tuple the code uses."""
    return node["zh"], node["en"]


def flatten(node, prefix: str = "") -> dict:
    """Every message under a table, keyed by its dotted path: {"reading.spouse": (zh, en)}."""
    if _is_pair(node):
        return {prefix: pair(node)}
    out = {}
    for key, child in node.items():
        out.update(flatten(child, f"{prefix}.{key}" if prefix else key))
    return out


FILES: dict = {name: _read(name) for name in _names()}
COMMON: dict = FILES.pop("common")


def _shared_fields(data: dict) -> None:
    """common.toml's [fields] in a calculator's file; its own entries win key by key."""
    own = data.get("fields", {})
    shared = {key: {**spec, **own.get(key, {})} for key, spec in COMMON.get("fields", {}).items()}
    data["fields"] = {**own, **shared}


def _calculator(name: str, data: dict) -> None:
    where = f"messages/{name}.toml"
    if "title" not in data or not _is_pair(data["title"]):
        raise MessagesError(f"{where}: title = {{ zh = ..., en = ... }} is missing")
    for section, allowed in (("fields", _FIELD_KEYS), ("outputs", _OUTPUT_KEYS)):
        for key, spec in data.get(section, {}).items():
            unknown = set(spec) - allowed
            if unknown or "label" not in spec:
                raise MessagesError(f"{where}: [{section}.{key}] needs a label and takes only "
                                    f"{', '.join(sorted(allowed))}; found {', '.join(sorted(spec))}")


for _name, _data in FILES.items():
    _shared_fields(_data)
    _calculator(_name, _data)


def _errors(table: dict) -> dict:
    return {(code, None if detail == "any" else detail): pair(node)
            for code, details in table.items() for detail, node in details.items()}


TITLES: dict = {calc: pair(data["title"]) for calc, data in FILES.items()}
FIELD_LABELS: dict = {calc: {key: pair(spec["label"]) for key, spec in data.get("fields", {}).items()}
                      for calc, data in FILES.items()}
OPTION_LABELS: dict = {(calc, key): {value: pair(node) for value, node in spec["options"].items()}
                       for calc, data in FILES.items()
                       for key, spec in data.get("fields", {}).items() if "options" in spec}
OUTPUT_LABELS: dict = {calc: {key: pair(spec["label"]) for key, spec in data.get("outputs", {}).items()}
                       for calc, data in FILES.items()}
NOTES: dict = {f"{calc}.{key}": text for calc, data in FILES.items()
               for key, text in flatten(data.get("notes", {})).items()}
NOTES.update(flatten(COMMON.get("notes", {})))    # shared notes: "dated.amended"...
HEADLINES: dict = {f"{calc}.{key}": text for calc, data in FILES.items()
                   for key, text in flatten(data.get("headlines", {})).items()}
HEADLINES.update(flatten(COMMON.get("headlines", {})))    # shared: "dated.repealed"
ERRORS: dict = _errors(COMMON["errors"])
CALCULATOR_ERRORS: dict = {calc: _errors(data.get("errors", {})) for calc, data in FILES.items()}


def table(calc: str | None, path: str) -> dict:
    """The raw table at a dotted path of a calculator's file (None: common.toml)."""
    node = COMMON if calc is None else FILES[calc]
    for key in path.split("."):
        node = node[key]
    return node


def words(calc: str | None, path: str) -> tuple:
    """The (zh, en) message at a dotted path, e.g. words("rewards", "levels.rate")."""
    return pair(table(calc, path))


def field_words(calc: str, field: str) -> dict:
    """The wording of one input ({} when it has none)."""
    return FILES.get(calc, {}).get("fields", {}).get(field, {})


def output_words(calc: str, output: str) -> dict:
    """The wording of one output ({} when it has none)."""
    return FILES.get(calc, {}).get("outputs", {}).get(output, {})
