"""The rules data (rules.toml), loaded once with the standard library.

importlib.resources finds the file inside an installed wheel, a source tree or
Pyodide's virtual file system alike.

rules.toml holds the original values; an amendment's [parameters] add dated
values (_amendments.py). A calculator runs inside `rules_in_force(day)`, and
`rule()` then reads the values in force on that day.
"""

import tomllib
from contextlib import contextmanager
from contextvars import ContextVar
from fractions import Fraction
from importlib.resources import files


def _load() -> dict:
    with files(__package__).joinpath("rules.toml").open("rb") as fh:
        return tomllib.load(fh)


RULES: dict = _load()

# The rules data of the computation under way (None: the original rules.toml).
_IN_FORCE: ContextVar = ContextVar("calculators_rules_in_force", default=None)
# (id of the amendments tuple, how many are in force) -> (that tuple, the rules data).
# The tuple is kept in the value, so its id cannot be reused by another while cached.
_VERSIONS: dict = {}


def rules_on(day) -> dict:
    """The rules data in force on `day` (rules.toml itself when no amendment is in
    force yet); one copy per version, shared: never change it."""
    from . import _amendments
    every = _amendments.amendments()
    count = sum(1 for amendment in every if amendment.in_force <= day)
    if not count:
        return RULES
    key = (id(every), count)
    hit = _VERSIONS.get(key)
    if hit is None or hit[0] is not every:
        hit = _VERSIONS[key] = (every, _amendments.rules_on(day))
    return hit[1]


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
    the computation under way (the original values outside one)."""
    node = _IN_FORCE.get()
    if node is None:
        node = RULES
    for key in path.split("."):
        node = node[key]
    return node


def ratio(table: dict, key: str = "ratio") -> Fraction:
    """A ratio written as "3/4" in the data, as an exact fraction."""
    return Fraction(table[key])
