"""Rules-as-code calculators for the handbook: each answer cites its clauses.

    >>> import calculators
    >>> calculators.run("quorum", {"members": 5, "present": 4})["quorum_met"]
    True

Standard library only, so the same package runs on CPython 3.12+ and in the
browser under Pyodide. `run` never raises: bad input comes back as
{"ok": false, "error": {...}} naming the field.

Every calculator also takes `date` (YYYY-MM-DD, default today): the rules in
force on that day apply, and the answer says which (`as_of`, `clause_versions`;
see _dated.py).
"""

from datetime import date

from . import _amendments, _dated, condolence, duty, expenditure, leave, meetings, quorum, rewards
from ._answer import Calculator
from ._data import rules_in_force
from ._display import describe_output
from ._headline import headline
from ._messages import FIELD_LABELS, OPTION_LABELS, TITLES, field_words
from ._validate import ERROR_CODES, InputError, check_fields, describe_field
from ._wording import echo, error_messages, explain, headline_text
from .ics import to_ics

__version__ = "1.0.0"
__all__ = ["CALCULATORS", "ERROR_CODES", "describe", "run", "schema", "to_ics"]

_REGISTRY: dict[str, Calculator] = {
    calc.name: calc for calc in (
        quorum.CALCULATOR,
        condolence.CALCULATOR,
        rewards.CALCULATOR,
        leave.LEAVE_APPROVAL,
        leave.ANNUAL_LEAVE,
        expenditure.CALCULATOR,
        duty.CALCULATOR,
        meetings.CALCULATOR,
    )
}

CALCULATORS: tuple = tuple(_REGISTRY)


def _refusal(error: InputError, calc: str | None = None) -> dict:
    message_zh, message_en = error_messages(error.code, error.detail, error.field, error.params,
                                            calc)
    # The field is echoed safely: a key holding a lone surrogate ("\ud800") names
    # the field with "?" in its place, so the answer is always valid UTF-8.
    return {"ok": False, "error": {"field": echo(error.field, 80), "code": error.code,
                                   "message_zh": message_zh, "message_en": message_en}}


def _answer(calc: Calculator, inputs) -> dict:
    if inputs is None:
        inputs = {}
    if not isinstance(inputs, dict):
        raise InputError("inputs", "type", "inputs")
    values = check_fields(calc.fields + (_dated.DATE_FIELD,), inputs)
    # The rules of one day apply throughout (see _dated.py); compute sees that
    # day as values["date"], and the day the `date` input asks for as
    # values["requested"] (the day approval is sought, for expenditure).
    day, requested = _dated.rules_day(calc.event_date, values)
    values["date"], values["requested"] = day, requested
    with rules_in_force(day), _dated.answering(day):
        answer = calc.compute(values)
        # What the reader must know first: which version of the rules applied,
        # and before anything else that a clause it rests on is repealed.
        versions = (answer.versions if answer.versions is not None
                    else _dated.version_notes(answer.clauses, day))
        notes = versions + _dated.event_note(calc.name, day, requested, calc.clauses) + answer.notes
        explanation_zh, explanation_en = explain(notes)
        parts = headline(calc.name, answer.figures, values)
        parts = (_dated.repeal_headline(answer.clauses, day) or []) + (
            parts if isinstance(parts, list) else [parts])
        answer_zh, answer_en = headline_text(parts)
    return {"ok": True, **answer.figures, "clauses": list(answer.clauses),
            "as_of": day.isoformat(),
            "clause_versions": _dated.clause_versions(answer.clauses, day),
            "repealed_clauses": _dated.repealed(answer.clauses, day),
            "answer_zh": answer_zh, "answer_en": answer_en,
            "explanation_zh": explanation_zh, "explanation_en": explanation_en}


def run(name, inputs=None) -> dict:
    """Run calculator `name` on a JSON-like dict of inputs; never raises."""
    calc = _REGISTRY.get(name) if isinstance(name, str) else None
    try:
        if calc is None:
            shown = name if isinstance(name, str) else type(name).__name__
            raise InputError("name", "name", None, value=shown, known=CALCULATORS)
        return _answer(calc, inputs)
    except InputError as error:
        return _refusal(error, calc.name if calc else None)
    except _amendments.AmendmentError as error:
        # A malformed amendment, or a HANDBOOK_AMENDMENTS folder that is not there:
        # the clerk's mistake, named (file and field), not a bug.
        return _refusal(InputError("amendments", "format", "amendments", message=str(error)),
                        calc.name if calc else None)
    except Exception:  # a bug: still answer in the contract's shape
        return _refusal(InputError("", "internal"))


def _schema_day(day):
    """`day` as a date: a datetime.date or ISO text (YYYY-MM-DD); today when None."""
    if day is None:
        return _dated.today()
    if isinstance(day, str):
        try:
            return date.fromisoformat(day) if len(day) == 10 else _bad_day(day)
        except ValueError:
            _bad_day(day)
    if isinstance(day, date):
        return day
    _bad_day(day)


def _bad_day(day):
    raise ValueError(f"day must be a datetime.date or text YYYY-MM-DD, not {day!r}")


def schema(name, day=None):
    """The machine-readable description of one calculator, or None. Words that
    quote the rules (the rewards' rates, the reasons' number of days...) quote
    those in force on `day` (a datetime.date or "YYYY-MM-DD"; default today, as
    for `run`). Raises ValueError for another `day`, and
    _amendments.AmendmentError for a malformed amendment."""
    calc = _REGISTRY.get(name) if isinstance(name, str) else None
    if calc is None:
        return None
    labels = FIELD_LABELS.get(name, {})
    with rules_in_force(_schema_day(day)):
        fields = [describe_field(spec, labels) for spec in calc.fields + (_dated.DATE_FIELD,)]
        _add_wording(name, fields)
        outputs = [describe_output(name, out) for out in calc.outputs]
    title_zh, title_en = TITLES[name]
    return {"name": name, "title_zh": title_zh, "title_en": title_en,
            "clauses": list(calc.clauses), "fields": fields, "outputs": outputs}


# A field's words for the form beside its label (messages [fields.NAME]).
_FORM_WORDS = ("hint", "item", "add", "remove")


def _add_wording(name: str, fields: list) -> None:
    """Option labels, and the form's words for a field (its `display`)."""
    for field in fields:
        target = field.get("items", field)
        labels = OPTION_LABELS.get((name, field["name"]))
        if labels and "options" in target:
            target["option_labels"] = {
                option: {"zh": labels[option][0], "en": labels[option][1]}
                for option in target["options"] if option in labels}
        words = field_words(name, field["name"])
        extra = {key: dict(words[key]) for key in _FORM_WORDS if key in words}
        if extra:
            field["display"] = {**field.get("display", {}), **extra}
        if "fields" in target:
            _add_wording(name, target["fields"])


def event_date_field(name: str) -> str | None:
    """The input whose date, when given, chooses the rules instead of `date` (the
    date of spending, the date annual leave is counted for), or None."""
    calc = _REGISTRY.get(name)
    return calc.event_date if calc else None


def describe(day=None) -> dict:
    """Every calculator's schema (with the rules in force on `day`, default today),
    plus the error codes. Raises as schema() does."""
    return {"version": __version__, "calculators": [schema(name, day) for name in CALCULATORS],
            "error_codes": list(ERROR_CODES)}
