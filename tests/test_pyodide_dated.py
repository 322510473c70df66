"""Dated rules in real Pyodide (Node.js): the same date gives the same answer as
CPython, with the amendments the wheel carries.

A wheel is built by scripts/build_pyodide.py with $HANDBOOK_AMENDMENTS pointing
at the fixture amendments (tests/data/amendments), into a scratch site; then
tests/pyodide/run_cases.mjs runs tests/calculators/dated_cases.json in Pyodide
(where no environment variable is set: the amendments can only come from the
wheel) and each answer must be CPython's, key for key and type for type.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pyodidekit import differing_from_cpython

from calculators import _amendments, _data

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "amendments"
DATED_CASES = ROOT / "tests" / "calculators" / "dated_cases.json"


def _forget() -> None:
    _amendments._cached.cache_clear()
    _data._VERSIONS.clear()


def build_site(site: Path, amendments: Path | None) -> Path:
    """A scratch site holding only assets/pyodide/, built as `make build` does."""
    site.mkdir(parents=True, exist_ok=True)
    (site / "index.html").write_text("<!doctype html>\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != _amendments.ENV}
    if amendments is not None:
        env[_amendments.ENV] = str(amendments)
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pyodide.py"),
                           "--site", str(site)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return site


def wheel_of(site: Path) -> Path:
    lock = json.loads((site / "assets/pyodide/pyodide-lock.json").read_text(encoding="utf-8"))
    return site / "assets/pyodide" / lock["packages"]["yongding-calculators"]["file_name"]


def packaged_amendments(wheel: Path) -> dict:
    with zipfile.ZipFile(wheel) as zf:
        return {Path(n).name: zf.read(n) for n in zf.namelist()
                if n.startswith("calculators/amendments/")}


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("dated") / "site", FIXTURES)


def _node(*args) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (Node.js 20 runs Pyodide)")
    env = {k: v for k, v in os.environ.items() if k != _amendments.ENV}
    proc = subprocess.run([node, *map(str, args)], capture_output=True, text=True, timeout=600,
                          env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def pyodide_dated(dated_site):
    return json.loads(_node(ROOT / "tests/pyodide/run_cases.mjs", dated_site, DATED_CASES).stdout)


@pytest.fixture(scope="module")
def snapshot_dated(dated_site):
    """The same cases from the engine the page restores: the memory snapshot made of
    that wheel (scripts/build_snapshot.mjs, with the page's snapshot.js)."""
    page_code = dated_site / "assets/javascripts/calculators"
    page_code.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "docs/assets/javascripts/calculators/snapshot.js", page_code)
    _node(ROOT / "scripts/build_snapshot.mjs", dated_site)
    return json.loads(_node(ROOT / "tests/pyodide/run_cases.mjs", "--snapshot", dated_site,
                            DATED_CASES).stdout)


@pytest.fixture
def cpython_with_fixtures(monkeypatch):
    monkeypatch.setenv(_amendments.ENV, str(FIXTURES))
    _forget()
    yield
    monkeypatch.delenv(_amendments.ENV)
    _forget()


def test_the_wheel_carries_the_amendments_of_the_build(dated_site):
    carried = packaged_amendments(wheel_of(dated_site))
    assert carried == {p.name: p.read_bytes() for p in FIXTURES.glob("*.toml")}
    assert len(carried) == 5


def test_pyodide_reads_the_amendments_from_the_wheel(pyodide_dated):
    assert "/site-packages/calculators/amendments" in pyodide_dated["amendments_dir"]
    assert pyodide_dated["amendments"] == sorted(p.name for p in FIXTURES.glob("*.toml"))


@pytest.mark.parametrize("engine", ["pyodide_dated", "snapshot_dated"])
def test_pyodide_dated_answers_equal_cpython_answers(engine, request, cpython_with_fixtures):
    run = request.getfixturevalue(engine)
    assert run["via"] == ("snapshot" if engine == "snapshot_dated" else "boot")
    assert run["stdlib_requests_for_cases"] == 0
    assert run["amendments"] == sorted(p.name for p in FIXTURES.glob("*.toml"))
    cases = json.loads(DATED_CASES.read_text(encoding="utf-8"))["cases"]
    assert [r["name"] for r in run["results"]] == [c["name"] for c in cases]
    different = differing_from_cpython(run["results"])
    assert not different, f"{len(different)} case(s) differ, first: {different[0]}"


def test_pyodide_dated_answers_meet_the_case_table(pyodide_dated):
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "case_matching", ROOT / "tests" / "calculators" / "matching.py")
    matching = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(matching)
    cases = json.loads(DATED_CASES.read_text(encoding="utf-8"))["cases"]
    failing = [c["name"] for c, r in zip(cases, pyodide_dated["results"])
               if not matching.matches(c["expect"], r["result"])]
    assert not failing, failing
    # Both sides of an in-force date really differ in Pyodide too.
    by_name = {r["name"]: r["result"] for r in pyodide_dated["results"]}
    assert by_name["hospitalization the day before the condolence amendment is 800 yuan by "
                   "the original c12-8"]["amount_min"] == 800
    assert by_name["hospitalization on the day the condolence amendment comes into force is "
                   "1000 yuan by the new c12-8"]["amount_min"] == 1000


def test_the_wheel_is_reproducible_with_its_amendments(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_pyodide
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    monkeypatch.setenv(_amendments.ENV, str(FIXTURES))
    first = build_pyodide.build_wheel((tmp_path / "a"))
    second = build_pyodide.build_wheel((tmp_path / "b"))
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(
        second.read_bytes()).digest()
    assert len(packaged_amendments(first)) == 5


# ------------------------------------------------------------- the built site

def test_the_sites_wheel_carries_the_offices_amendments(site_dir):
    folder = ROOT / "source" / "amendments"
    expected = {p.name: p.read_bytes() for p in folder.glob("*.toml")} if folder.is_dir() else {}
    assert packaged_amendments(wheel_of(site_dir)) == expected


def test_the_snapshot_canaries_name_their_date(site_dir):
    # An undated canary would answer with as_of = the build day, and the page,
    # checking it on a later day, would never use the snapshot.
    manifest = json.loads((site_dir / "assets/pyodide/snapshot.json").read_text(encoding="utf-8"))
    assert manifest["canaries"]
    for canary in manifest["canaries"]:
        inputs, result = json.loads(canary["inputs"]), json.loads(canary["result"])
        if result["ok"]:
            assert inputs.get("date") == result["as_of"], canary["name"]
