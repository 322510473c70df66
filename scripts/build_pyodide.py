"""Self-host Pyodide and the calculators wheel in the built site.

Run after `mkdocs build` (make build does):

1. build the pure-Python wheel `yongding_calculators-<version>-py3-none-any.whl`
   from pyproject.toml (setuptools, no build isolation, so nothing is downloaded),
   with the amendments in force for the build (the folder
   `calculators._amendments.directory()` names: $HANDBOOK_AMENDMENTS, else
   source/amendments/) copied in as `calculators/amendments/*.toml`, so that the
   page's Pyodide applies the same dated rules as CPython, and the Chinese chapter
   pages (docs/zh/chNN.md) as `calculators/text/`, the text the calculators read
   their figures from; and check that it holds rules.toml, every messages/*.toml,
   the clerk's messages, those amendments and the chapter pages;
2. copy Pyodide's core files from node_modules/pyodide (pinned in
   package-lock.json) into site/assets/pyodide/: one copy for both languages;
3. fetch the wheels of its dependencies, chinese-calendar and borax (pure Python, the
   version pinned in requirements.txt), with `pip download` from the package
   index (pip's cache serves it again offline);
4. register both wheels in that folder's pyodide-lock.json with one call of
   pyodide-build's `pyodide lockfile add-wheels`, so
   `pyodide.loadPackage("yongding-calculators")` fetches the calculators AND,
   through the lockfile's `depends`, chinese-calendar from the same folder,
   each checked against its sha256.

Fails loudly (exit 1) when node_modules is missing or anything does not add up.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This repository's calculators (not whatever an editable install points at).
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
              "pyodide-lock.json")
PACKAGE = "yongding-calculators"
# The calculators' declared dependencies (pyproject.toml), by their lockfile names.
DEPENDENCIES = ("chinese-calendar", "borax")
BIN = Path(sys.executable).parent


def fail(message: str) -> None:
    print(f"build_pyodide: ERROR: {message}", file=sys.stderr)
    sys.exit(1)


def amendment_files() -> list:
    """The amendment files of the build, each checked (a malformed one fails the build)."""
    from calculators import _amendments
    folder = _amendments.directory()
    if folder is None or not folder.is_dir():
        return []
    try:
        _amendments.load(folder)
    except _amendments.AmendmentError as error:
        fail(f"amendment {error}")
    return sorted(folder.glob("*.toml"))


def build_wheel(out: Path) -> Path:
    """Build from a clean copy of the sources, so no build/ or *.egg-info lands in the tree."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        shutil.copy2(ROOT / "pyproject.toml", src)
        shutil.copytree(ROOT / "calculators", src / "calculators",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "amendments"))
        amendments = amendment_files()
        if amendments:
            (src / "calculators" / "amendments").mkdir()
        for path in amendments:
            # Bytes only: the zip's timestamps come from SOURCE_DATE_EPOCH below.
            (src / "calculators" / "amendments" / path.name).write_bytes(path.read_bytes())
        # The Chinese chapter pages: the calculators read the figures from the clause
        # text (calculators/_clausetext.py looks for text/ inside the package first).
        (src / "calculators" / "text").mkdir()
        for path in text_files():
            (src / "calculators" / "text" / path.name).write_bytes(path.read_bytes())
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
             "--no-index", "--quiet", "--wheel-dir", str(out), str(src)],
            capture_output=True, text=True,
            # Same sources, same bytes, same sha256 in the lockfile (zip timestamps).
            env={**os.environ, "SOURCE_DATE_EPOCH": "315532800"})
        if result.returncode:
            fail("building the calculators wheel failed (is setuptools installed in the venv?)\n"
                 + result.stdout + result.stderr)
    wheels = sorted(out.glob("yongding_calculators-*-py3-none-any.whl"))
    if len(wheels) != 1:
        fail(f"expected one pure-Python calculators wheel, found {[w.name for w in wheels]}")
    check_data_files(wheels[0], amendments)
    return wheels[0]


def text_files() -> list:
    """The Chinese chapter pages, docs/zh/chNN.md: the official text, clause by clause."""
    return sorted((ROOT / "docs" / "zh").glob("ch[0-9][0-9].md"))


def check_data_files(wheel: Path, amendments=()) -> None:
    """The package reads rules.toml and messages/*.toml at import, and the amendments
    copied in when it runs: the wheel must hold every one of them (pyproject.toml
    [tool.setuptools.package-data])."""
    needed = {"calculators/rules.toml"} | {
        f"calculators/messages/{path.name}" for path in (ROOT / "calculators" / "messages").glob("*.toml")
    } | {f"calculators/amendments/{path.name}" for path in amendments} | {
        f"calculators/text/{path.name}" for path in text_files()} | {"calculators/clerk_messages.toml"}
    with zipfile.ZipFile(wheel) as archive:
        missing = sorted(needed - set(archive.namelist()))
    if missing:
        fail(f"{wheel.name} lacks {missing}: add them to package-data in pyproject.toml")


def pinned(name: str) -> str:
    """`name==version` as pinned in requirements.txt."""
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.split("==")[0].strip().lower().replace("_", "-") == name:
            return line.strip()
    fail(f"{name} is not pinned in requirements.txt")


def dependency_wheels(out: Path) -> list:
    """The pure-Python wheels of the calculators' dependencies, into `out`."""
    wheels = []
    for name in DEPENDENCIES:
        with tempfile.TemporaryDirectory() as tmp:
            result = subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                 "--only-binary", ":all:", "--dest", tmp, pinned(name)],
                capture_output=True, text=True)
            found = sorted(Path(tmp).glob("*-none-any.whl"))
            if result.returncode or len(found) != 1:
                fail(f"could not fetch the pure-Python wheel of {pinned(name)} "
                     "(package index unreachable and not in pip's cache?)\n"
                     + result.stdout + result.stderr)
            target = out / found[0].name
            shutil.copy2(found[0], target)
            wheels.append(target)
    return wheels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="the built site (default: site/)")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").exists():
        fail(f"{site} holds no built site: run `mkdocs build` first")
    if not PYODIDE_NPM.is_dir():
        fail("node_modules/pyodide is missing: run `npm ci` (make node) first")
    missing = [name for name in CORE_FILES if not (PYODIDE_NPM / name).is_file()]
    if missing:
        fail(f"node_modules/pyodide lacks {missing}: reinstall with `npm ci`")

    target = site / "assets" / "pyodide"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in CORE_FILES:
        shutil.copy2(PYODIDE_NPM / name, target / name)

    wheel = build_wheel(target)
    extra = dependency_wheels(target)
    pyodide_cli = BIN / "pyodide"
    if not pyodide_cli.exists():
        fail(f"{pyodide_cli} not found: pyodide-build is not installed in the venv")
    lock = target / "pyodide-lock.json"
    result = subprocess.run(
        [str(pyodide_cli), "lockfile", "add-wheels", "--input", str(lock), "--output", str(lock),
         "--base-path", str(target), str(wheel), *map(str, extra)],
        capture_output=True, text=True)
    if result.returncode:
        fail("`pyodide lockfile add-wheels` failed (pkginfo installed?)\n"
             + result.stdout + result.stderr)

    packages = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    entry = packages.get(PACKAGE)
    if entry is None:
        fail(f"{PACKAGE} is not in {lock} after add-wheels")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if entry.get("sha256") != digest or entry.get("file_name") != wheel.name:
        fail(f"lockfile entry does not match the wheel: {entry}")
    for name, dep in zip(DEPENDENCIES, extra):
        found = packages.get(name)
        if found is None or found.get("file_name") != dep.name:
            fail(f"{name} is not registered in {lock}: {found}")
        if name not in entry.get("depends", []):
            fail(f"{PACKAGE} does not depend on {name} in the lockfile: {entry}")
    size = sum(p.stat().st_size for p in target.iterdir())
    print(f"build_pyodide: {target.relative_to(site.parent) if site.parent in target.parents else target}"
          f" ({size / 1e6:.1f} MB): Pyodide {json.loads((PYODIDE_NPM / 'package.json').read_text())['version']}"
          f" + {wheel.name} (sha256 {digest[:12]}…) + {', '.join(w.name for w in extra)}")


if __name__ == "__main__":
    main()
