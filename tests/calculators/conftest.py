"""Shared fixtures for the calculator tests."""

import pytest

from calcpaths import CLAUSES, ROOT  # noqa: F401  (ROOT also puts the repo on sys.path)


@pytest.fixture(scope="session")
def clauses() -> dict:
    return CLAUSES
