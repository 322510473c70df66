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


from sitebuild import build_pages  # noqa: E402  (the pages of a day, with amendments)


@pytest.fixture(scope="session")
def clerk_site(tmp_path_factory, request) -> Path:
    """The pages as of 2027-04-01 (a preview build) with the clerk's decision
    (tests/fixtures/amendments/clerk/): c13-2's two rates and c12-2's threshold
    amended, c11-6 repealed and 文明办公制度 renumbered (c11-7 prints 6.), c12-11
    inserted. Built once per test run, shared by the xdist workers (a file lock)."""
    from filelock import FileLock
    shared = tmp_path_factory.getbasetemp()
    if getattr(request.config, "workerinput", None) is not None:
        shared = shared.parent
    site = shared / "clerk-site"
    with FileLock(str(shared / "clerk-site.lock")):
        if not (site / "index.html").is_file():
            build_pages(site, "2027-04-01", ROOT / "tests" / "fixtures" / "amendments" / "clerk")
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
