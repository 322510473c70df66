"""Write the service worker (site/sw.js) that keeps the handbook usable offline.

Run last, after `mkdocs build` and scripts/build_pyodide.py (make build does),
because the precache list must hold the calculators engine too:

    python scripts/build_service_worker.py [--site site/]

site/sw.js is the VERSION (a hash of every precached file's path and bytes)
and the PRECACHE list, followed by scripts/sw-template.js. It sits at the site
root, so its scope covers both languages (/ and /en/).
docs/assets/javascripts/sw-register.js registers it.

Precached: every file of the site, except source maps, sitemaps, pre-compressed
copies and the server configuration the build writes (csp.txt, nginx-csp.conf).
A page `x/index.html` is listed as `x/`, the address it is opened at.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "scripts" / "sw-template.js"
SW_NAME = "sw.js"
SKIP_SUFFIXES = (".map", ".gz", ".br")
SKIP_NAMES = {SW_NAME, "csp.txt", "nginx-csp.conf", "sitemap.xml"}
# Past and future versions (/v/<date>/) and clause histories are read online:
# offline use needs the text in force, not every edition of it.
SKIP_DIRS = ("v/", "en/v/", "history/", "en/history/")
# The documents (PDF, Word) are not precached, those of a later date's text
# (scripts/build_editions.py: editions/<date>/downloads/) included; that date's
# clause table, search indexes and pages are, so the offline copy follows the
# reader's date like the online one.
SKIP_PATTERN = re.compile(r"^(?:editions/[^/]+/)?downloads/")
# Files the offline handbook cannot do without: the build fails if one is missing.
REQUIRED = ("./", "en/", "404.html", "en/404.html", "search/search_index.json",
            "en/search/search_index.json", "clauses.json",
            "assets/javascripts/sw-register.js",
            "assets/pyodide/pyodide.mjs", "assets/pyodide/pyodide.asm.mjs",
            "assets/pyodide/pyodide.asm.wasm", "assets/pyodide/python_stdlib.zip",
            "assets/pyodide/pyodide-lock.json")


def fail(message: str) -> None:
    print(f"build_service_worker: ERROR: {message}", file=sys.stderr)
    sys.exit(1)


def precache_files(site: Path) -> list[tuple[str, Path]]:
    """(URL relative to the site root, file), sorted by URL."""
    entries = []
    for path in site.rglob("*"):
        if not path.is_file() or path.name in SKIP_NAMES or path.name.endswith(SKIP_SUFFIXES):
            continue
        rel = path.relative_to(site).as_posix()
        if rel.startswith(".") or "/." in rel or rel.startswith(SKIP_DIRS) or SKIP_PATTERN.match(rel):
            continue
        if rel == "index.html":
            url = "./"
        elif rel.endswith("/index.html"):
            url = rel[: -len("index.html")]
        else:
            url = rel
        entries.append((url, path))
    return sorted(entries)


def version(entries: list[tuple[str, Path]]) -> str:
    digest = hashlib.sha256()
    digest.update(TEMPLATE.read_bytes())
    for url, path in entries:
        digest.update(url.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


REGISTER = "assets/javascripts/sw-register.js"
PLACEHOLDER = re.compile(r"var PRECACHE_BYTES = \d+;")


def transfer_size(path: Path) -> int:
    """The bytes a browser downloads for the file: its .gz copy when the build wrote one
    (scripts/precompress.py; every browser accepts gzip), else the file itself."""
    copy = path.with_name(path.name + ".gz")
    return copy.stat().st_size if copy.is_file() else path.stat().st_size


def write_size(site: Path, entries: list[tuple[str, Path]]) -> int:
    """Put the precache's size into sw-register.js, for its "save for offline use
    (about N MB)" button: what the browser downloads. Done before the VERSION hash,
    which covers that file too."""
    register = site / REGISTER
    # (without this 4 kB file itself, so that writing the figure does not change it)
    size = sum(transfer_size(path) for _, path in entries if path != register)
    if register.is_file():
        text = register.read_text(encoding="utf-8")
        if not PLACEHOLDER.search(text):
            fail(f"{REGISTER} has no `var PRECACHE_BYTES = 0;` to fill in")
        register.write_text(PLACEHOLDER.sub(f"var PRECACHE_BYTES = {size};", text, count=1),
                            encoding="utf-8")
    return size


def render(site: Path) -> tuple[str, list[tuple[str, Path]]]:
    entries = precache_files(site)
    write_size(site, entries)
    urls = {url for url, _ in entries}
    missing = [u for u in REQUIRED if u not in urls]
    if missing:
        fail(f"{site} lacks {missing}: run `mkdocs build` and scripts/build_pyodide.py first")
    if not any(u.startswith("assets/pyodide/") and u.endswith(".whl") for u in urls):
        fail("no calculators wheel in assets/pyodide/: run scripts/build_pyodide.py first")
    head = (
        "/* Generated by scripts/build_service_worker.py: do not edit. */\n"
        f"const VERSION = {json.dumps(version(entries))};\n"
        "const PRECACHE = [\n"
        + "".join(f"  {json.dumps(url, ensure_ascii=False)},\n" for url, _ in entries)
        + "];\n\n")
    return head + TEMPLATE.read_text(encoding="utf-8"), entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="the built site (default: site/)")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").exists():
        fail(f"{site} holds no built site: run `mkdocs build` first")
    text, entries = render(site)
    (site / SW_NAME).write_text(text, encoding="utf-8")
    size = sum(path.stat().st_size for _, path in entries)
    print(f"build_service_worker: {site / SW_NAME}: {len(entries)} files, "
          f"{size / 1e6:.1f} MB precached")


if __name__ == "__main__":
    main()
