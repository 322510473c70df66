"""Shared fixtures: the repository paths and the built site."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "scripts"))  # the build scripts, imported by name in their tests


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site_dir() -> Path:
    site = Path(os.environ.get("HANDBOOK_SITE", ROOT / "site"))
    if not (site / "index.html").exists():
        pytest.fail(f"{site} is not built: run `make build` first (make test does it)")
    return site


# ---------------------------------------------------------------- a site built before an in-force date
@pytest.fixture(scope="session")
def clock_site(tmp_path_factory, request) -> Path:
    """The site built the day before an in-force date (tests/clocksite.py), once per
    test run and shared by the xdist workers (a file lock), so the pages of
    tests/test_editions.py and tests/browser/test_reader_day.py are the same build.
    HANDBOOK_CLOCK_SITE names one built already with build_clock_site (while
    working on these tests)."""
    from filelock import FileLock

    from clocksite import build_clock_site
    given = os.environ.get("HANDBOOK_CLOCK_SITE")
    if given:
        return Path(given)
    worker = getattr(request.config, "workerinput", None)
    shared = tmp_path_factory.getbasetemp()
    if worker is not None:                 # xdist: every worker's basetemp is under the run's
        shared = shared.parent
    site = shared / "clock-site"
    with FileLock(str(shared / "clock-site.lock")):
        if not (site / "sw.js").is_file():
            build_clock_site(site)
    return site
