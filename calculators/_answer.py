"""What a rule function returns: facts, not wording.

A calculator fills an `Answer` with figures (the output keys), the clauses it
applied and notes. A note is a message key plus the facts it mentions; the
zh/en sentences for each key live in messages/<calculator>.toml (_messages.py).
"""

from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Answer:
    figures: dict = field(default_factory=dict)
    clauses: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    # The notes on the versions of the rules the answer applied, when the
    # calculator says them itself (its items follow the rules of their own days:
    # a meeting's, an article's month); None: those of the answer's date.
    versions: list | None = None

    def set(self, **figures) -> None:
        self.figures.update(figures)

    def cite(self, *clauses: str) -> None:
        for clause in clauses:
            if clause not in self.clauses:
                self.clauses.append(clause)

    def note(self, key: str, *clauses: str, **params) -> None:
        """Add an explanation note; the clauses it rests on are cited too."""
        self.cite(*clauses)
        self.notes.append((key, params))


@dataclass(frozen=True)
class Calculator:
    name: str
    fields: tuple                       # the `Field` specs of its inputs
    compute: Callable[[dict], Answer]   # clean inputs -> Answer (may raise InputError)
    clauses: tuple                      # every clause it may cite
    outputs: tuple                      # its figures, as _display.Output, in display order
    # The input holding the date of the event the answer is about (a date of
    # spending), if any: when given, the rules in force on that day apply rather
    # than those of the `date` input (see _dated.py).
    event_date: str | None = None
