"""The site built before an in-force date, for the tests of the text in force on the
reader's day (tests/test_editions.py, tests/browser/test_reader_day.py; the
clock_site fixture of tests/conftest.py). Imported by name, like browserkit.

tests/fixtures/amendments/clock/: one decision in force from 2027-04-01 (a replace
with English and a calculator value, a replace without English whose values a
calculator form quotes, a repeal, an insert) and one from 2099-01-01. The site is
built the day before the first, as `make build` does (MkDocs, then the dated
editions, the calculators engine without its memory snapshot, the service worker;
not the build's own documents).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLOCK_AMENDMENTS = ROOT / "tests" / "fixtures" / "amendments" / "clock"
CLOCK_BUILT = "2027-03-31"
CLOCK_DATES = ("2027-04-01", "2099-01-01")


def clock_env(as_of: str) -> dict:
    """The environment of a build on `as_of`: every date in the files is that day's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDBOOK_")}
    epoch = int(datetime.combine(date.fromisoformat(as_of), datetime.min.time(), timezone.utc).timestamp())
    # A build made that day (as the daily rebuild makes it), not a preview.
    env.update(HANDBOOK_EDITION_DAY=as_of, HANDBOOK_AMENDMENTS=str(CLOCK_AMENDMENTS),
               SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1")
    return env


def build_clock_site(out: Path, as_of: str = CLOCK_BUILT, engine: bool = True,
                     documents: bool = True) -> str:
    """The site as `make build` makes it on `as_of` with the clock fixtures; returns
    what the steps printed, also written next to it (<out>.log)."""
    if out.exists():
        shutil.rmtree(out)
    py = sys.executable
    steps = [[py, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
             [py, "scripts/build_editions.py", str(out)] + ([] if documents else ["--no-documents"])]
    if engine:
        steps += [[py, "scripts/build_pyodide.py", "--site", str(out)],
                  [py, "scripts/build_service_worker.py", "--site", str(out)]]
    log = []
    for step in steps:
        done = subprocess.run(step, cwd=ROOT, env=clock_env(as_of), capture_output=True, text=True,
                              timeout=900)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(step[1:3])} failed:\n{done.stderr[-3000:]}")
        log.append(done.stdout + done.stderr)
    out.with_name(out.name + ".log").write_text("\n".join(log), encoding="utf-8")
    return "\n".join(log)
