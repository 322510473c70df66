"""Shared fixtures for the calculator tests."""

import pytest

from calcpaths import CLAUSES, ROOT  # noqa: F401  (ROOT also puts the repo on sys.path)

# The amendments the dated tests use (fixtures, not decisions of the Office).
FIXTURE_AMENDMENTS = ROOT / "tests" / "data" / "amendments"


@pytest.fixture(scope="session")
def clauses() -> dict:
    return CLAUSES


def _forget_amendments() -> None:
    from calculators import _amendments, _data
    _amendments._cached.cache_clear()
    _data._VERSIONS.clear()


@pytest.fixture
def use_amendments(monkeypatch):
    """use_amendments(folder=FIXTURE_AMENDMENTS): the calculators read their
    amendments from `folder` ($HANDBOOK_AMENDMENTS) for this test only. What the
    package cached of any folder is forgotten before and after, so nothing read
    here reaches another test, nor anything read before reaches this one."""
    def use(folder=FIXTURE_AMENDMENTS):
        monkeypatch.setenv("HANDBOOK_AMENDMENTS", str(folder))
        _forget_amendments()
        return folder
    yield use
    monkeypatch.delenv("HANDBOOK_AMENDMENTS", raising=False)
    _forget_amendments()
