"""The case tables inside real Pyodide (Node.js, the built site's own files) give
exactly the CPython answers, in both engines the page may use.

tests/pyodide/run_cases.mjs loads Pyodide from site/assets/pyodide/ and the
calculators wheel with loadPackage (sha256-checked against the site's
pyodide-lock.json), runs every case of tests/calculators/cases.json and prints
the answers as JSON. Here each answer must be the same JSON, key for key and
type for type (1 is not 1.0), as `calculators.run` under CPython. With
--snapshot it restores the site's memory snapshot instead, as the page does, with
the page's code and the empty standard library the page mounts (every module the
calculators use must already be in the snapshot's memory).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess

import pytest
from pyodidekit import differing_from_cpython



def _run(root, *args):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (Node.js 20 runs the Pyodide case tables)")
    proc = subprocess.run([node, str(root / "tests/pyodide/run_cases.mjs"), *map(str, args)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def pyodide_run(root, site_dir):
    return _run(root, site_dir)


@pytest.fixture(scope="module")
def snapshot_run(root, site_dir):
    return _run(root, "--snapshot", site_dir)


def test_the_engine_is_the_self_hosted_pyodide_with_the_wheel(pyodide_run, site_dir, root):
    pinned = json.loads((root / "package-lock.json").read_text())["packages"]["node_modules/pyodide"]
    assert pyodide_run["pyodide"] == pinned["version"]
    assert pyodide_run["python"].startswith("3.14")
    assert "/site-packages/calculators/" in pyodide_run["module"]
    lock = json.loads((site_dir / "assets/pyodide/pyodide-lock.json").read_text())
    entry = lock["packages"]["yongding-calculators"]
    wheel = site_dir / "assets/pyodide" / entry["file_name"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]
    # Its dependencies, the holiday notices and the lunar calendar (the law-fixed
    # holidays of later years), are registered beside it and load with it.
    assert sorted(entry["depends"]) == ["borax", "chinese-calendar"]
    for name in entry["depends"]:
        found = lock["packages"][name]
        dep = site_dir / "assets/pyodide" / found["file_name"]
        assert hashlib.sha256(dep.read_bytes()).hexdigest() == found["sha256"]
    from importlib.metadata import version
    assert pyodide_run["holidays_version"] == version("chinese-calendar") == "1.11.0"


def test_every_case_ran(pyodide_run, root):
    cases = json.loads((root / "tests/calculators/cases.json").read_text(encoding="utf-8"))["cases"]
    assert [r["name"] for r in pyodide_run["results"]] == [c["name"] for c in cases]
    assert len(cases) > 50


def test_pyodide_answers_equal_cpython_answers(pyodide_run):
    """(So they meet the case table too: CPython's do, tests/calculators/test_cases.py.)"""
    assert pyodide_run["via"] == "boot" and pyodide_run["stdlib_files"] > 500
    different = differing_from_cpython(pyodide_run["results"])
    assert not different, f"{len(different)} case(s) differ, first: {different[0]}"


def test_the_restored_snapshot_fetches_the_standard_library_for_a_module_it_lacks(snapshot_run):
    """importlib.metadata's version() imports a module no computation needs: the restored
    engine then fetches Pyodide's whole standard library, once, and the import works
    (the other fields above came through it)."""
    assert snapshot_run["stdlib_requests"] == ["python_stdlib.zip"]
    assert snapshot_run["package_version"] and snapshot_run["holidays_version"] == "1.11.0"


def test_the_restored_snapshot_answers_equal_cpython_answers(snapshot_run, pyodide_run, root):
    """The page's engine: every case, from the snapshot, with no standard library files
    at all, exactly as CPython."""
    assert snapshot_run["via"] == "snapshot" and snapshot_run["stdlib_files"] == 0
    assert snapshot_run["stdlib_requests_for_cases"] == 0
    cases = json.loads((root / "tests/calculators/cases.json").read_text(encoding="utf-8"))["cases"]
    assert [r["name"] for r in snapshot_run["results"]] == [c["name"] for c in cases]
    for key in ("pyodide", "python", "module", "package_version", "holidays_version", "amendments"):
        assert snapshot_run[key] == pyodide_run[key], key
    different = differing_from_cpython(snapshot_run["results"])
    assert not different, f"{len(different)} case(s) differ, first: {different[0]}"
