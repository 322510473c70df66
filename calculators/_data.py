"""The rules data (rules.toml), loaded once with the standard library.

importlib.resources finds the file inside an installed wheel, a source tree or
Pyodide's virtual file system alike.
"""

import tomllib
from fractions import Fraction
from importlib.resources import files


def _load() -> dict:
    with files(__package__).joinpath("rules.toml").open("rb") as fh:
        return tomllib.load(fh)


RULES: dict = _load()


def rule(path: str):
    """The table at a dotted path, e.g. rule("quorum.ordinary")."""
    node = RULES
    for key in path.split("."):
        node = node[key]
    return node


def ratio(table: dict, key: str = "ratio") -> Fraction:
    """A ratio written as "3/4" in the data, as an exact fraction."""
    return Fraction(table[key])
