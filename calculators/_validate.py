"""Field specifications, input checking and the error raised on bad input.

Each calculator declares its inputs as a tuple of `Field`s. `check_fields`
turns a JSON-like dict into clean Python values or raises `InputError`, which
names the offending field (e.g. "articles[2].outlets[0]") and one of the
error codes in `ERROR_CODES`. The same specs produce the machine-readable
schema (`describe_field`) that the web form uses.
"""

import copy
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from ._limits import MAX_YEAR, MIN_YEAR

# The fixed set of error codes (documented in docs/*/developers/calculators.md).
ERROR_CODES = (
    "name",           # unknown calculator
    "unknown_field",  # an input the calculator does not take
    "missing",        # a required input is absent or null
    "type",           # wrong JSON type, a float or bool for a whole number, NaN/inf
    "range",          # number (or list length, or year) outside its bounds
    "step",           # not a multiple of the allowed step (half days, cents)
    "option",         # a string that is not one of the allowed options
    "format",         # malformed text: a date not YYYY-MM-DD, a month not YYYY-MM, bad JSON,
                      # a malformed amendment (field "amendments")
    "date",           # well-formed but impossible date or month (2027-02-30, 2027-13)
    "consistency",    # inputs that contradict each other (present > members)
    "internal",       # a bug in the calculator; never expected
)


class InputError(Exception):
    """Bad input: which field, which code, and facts for the message."""

    def __init__(self, field: str, code: str, detail: str | None = None, **params):
        super().__init__(field, code, detail)
        self.field = field
        self.code = code
        self.detail = detail
        self.params = params


@dataclass(frozen=True)
class Field:
    name: str
    # integer | number | boolean | option | date | month | list | object
    kind: str
    required: bool = False
    default: object = None
    minimum: int | float | None = None
    maximum: int | float | None = None
    exclusive_min: bool = False
    step: str | None = None          # decimal text, e.g. "0.5" or "0.01"
    options: tuple = ()
    item: "Field | None" = None      # the spec of each element of a list
    fields: tuple = ()               # the specs of an object's members
    # How the form shows it, when not by its type alone (schema "display"; the
    # words for it are in the messages file): {"kind": "fixed", "value": True}
    # (the page sends the value and asks nothing), {"kind": "page_language"} (an
    # option defaulting to the page's language), {"kind": "today"} (a date the form
    # starts at the reader's local date: the dated rules' `date`), {"groups": [...]}
    # (a list of options shown as checkboxes in groups). A function giving that dict
    # when it quotes the rules: called when the schema is described, under the rules
    # in force then.
    display: "dict | Callable[[], dict] | None" = None


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


def _is_int(value) -> bool:
    # bool is a subclass of int; True is not a whole number of members.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_range(spec: Field, value, path: str) -> None:
    low, high = spec.minimum, spec.maximum
    too_low = low is not None and (value <= low if spec.exclusive_min else value < low)
    too_high = high is not None and value > high
    if too_low or too_high:
        raise InputError(path, "range", None, minimum=low, maximum=high,
                         exclusive_min=spec.exclusive_min)


def _check_step(spec: Field, value, path: str) -> None:
    if spec.step is None or _is_int(value):
        return
    try:
        ok = Decimal(repr(value)) % Decimal(spec.step) == 0
    except InvalidOperation:  # only for values far outside any range
        ok = False
    if not ok:
        raise InputError(path, "step", None, step=spec.step)


def _whole_if_integral(value):
    """2.0 -> 2, so that figures print the same in CPython and Pyodide."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _check_year(year: int, path: str, detail: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InputError(path, "range", detail, minimum=MIN_YEAR, maximum=MAX_YEAR)


def _integer(spec: Field, value, path: str):
    if not _is_int(value):
        raise InputError(path, "type", "integer")
    _check_range(spec, value, path)
    return value


def _number(spec: Field, value, path: str):
    if not (_is_int(value) or isinstance(value, float)):
        raise InputError(path, "type", "number")
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(path, "type", "finite")
    _check_range(spec, value, path)
    _check_step(spec, value, path)
    return _whole_if_integral(value)


def _boolean(spec: Field, value, path: str):
    if not isinstance(value, bool):
        raise InputError(path, "type", "boolean")
    return value


def _text(value, path: str) -> str:
    if not isinstance(value, str):
        raise InputError(path, "type", "string")
    return value


def _option(spec: Field, value, path: str):
    if _text(value, path) not in spec.options:
        raise InputError(path, "option", None, value=value, options=spec.options)
    return value


def _date(spec: Field, value, path: str) -> date:
    if not _DATE.fullmatch(_text(value, path)):
        raise InputError(path, "format", "date")
    year, month, day = (int(part) for part in value.split("-"))
    _check_year(year, path, "year")
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(path, "date", "date") from None


def _month(spec: Field, value, path: str) -> tuple:
    """A month as (year, month), which sorts and compares in calendar order."""
    if not _MONTH.fullmatch(_text(value, path)):
        raise InputError(path, "format", "month")
    year, month = (int(part) for part in value.split("-"))
    _check_year(year, path, "year")
    if not 1 <= month <= 12:
        raise InputError(path, "date", "month")
    return (year, month)


def _list(spec: Field, value, path: str) -> list:
    if not isinstance(value, list):
        raise InputError(path, "type", "list")
    if (spec.minimum is not None and len(value) < spec.minimum) or (
            spec.maximum is not None and len(value) > spec.maximum):
        raise InputError(path, "range", "items", minimum=spec.minimum, maximum=spec.maximum)
    return [check_value(spec.item, element, f"{path}[{index}]")
            for index, element in enumerate(value)]


def _object(spec: Field, value, path: str) -> dict:
    if not isinstance(value, dict):
        raise InputError(path, "type", "object")
    return check_fields(spec.fields, value, path + ".")


_CHECKS = {"integer": _integer, "number": _number, "boolean": _boolean, "option": _option,
           "date": _date, "month": _month, "list": _list, "object": _object}


def check_value(spec: Field, value, path: str):
    """One value against its spec; returns the clean value or raises InputError."""
    return _CHECKS[spec.kind](spec, value, path)


def _shown_key(key) -> str:
    """An unknown key as a field name: never empty, never huge."""
    text = key if isinstance(key, str) else repr(type(key).__name__)
    if not text:
        return '""'
    return text if len(text) <= 64 else text[:63] + "…"


def check_fields(specs: tuple, inputs: dict, prefix: str = "") -> dict:
    """All fields of one object. Unknown keys are refused (a typo such as
    "member" would otherwise be silently ignored); null counts as absent."""
    known = {spec.name for spec in specs}
    for key in inputs:
        if not isinstance(key, str):  # only from Python: JSON keys are always text
            raise InputError(prefix.rstrip(".") or "inputs", "type", "keys")
        if key not in known:
            raise InputError(prefix + _shown_key(key), "unknown_field", None,
                             known=tuple(spec.name for spec in specs))
    clean = {}
    for spec in specs:
        value = inputs.get(spec.name)
        path = prefix + spec.name
        if value is None:
            if spec.required:
                raise InputError(path, "missing")
            clean[spec.name] = spec.default
        else:
            clean[spec.name] = check_value(spec, value, path)
    return clean


_SCHEMA_TYPES = {"option": "string", "date": "string", "month": "string"}
_FORMATS = {"date": "YYYY-MM-DD", "month": "YYYY-MM"}


def describe_field(spec: Field, labels: dict) -> dict:
    """The JSON description of one field, for forms and documentation."""
    out = {"name": spec.name, "type": _SCHEMA_TYPES.get(spec.kind, spec.kind),
           "required": spec.required}
    if spec.kind in _FORMATS:
        out["format"] = _FORMATS[spec.kind]
    if spec.default is not None:
        out["default"] = spec.default
    if spec.kind == "list":
        if spec.minimum is not None:
            out["min_items"] = spec.minimum
        if spec.maximum is not None:
            out["max_items"] = spec.maximum
        out["items"] = describe_field(spec.item, labels)
    else:
        if spec.minimum is not None:
            out["min"] = spec.minimum
            if spec.exclusive_min:
                out["exclusive_min"] = True
        if spec.maximum is not None:
            out["max"] = spec.maximum
    if spec.step is not None:
        out["step"] = float(spec.step)
    if spec.options:
        out["options"] = list(spec.options)
    if spec.fields:
        out["fields"] = [describe_field(member, labels) for member in spec.fields]
    label = labels.get(spec.name)
    if label:
        out["label_zh"], out["label_en"] = label
    if spec.display:
        shown = spec.display() if callable(spec.display) else spec.display
        out["display"] = copy.deepcopy(shown)
    return out
