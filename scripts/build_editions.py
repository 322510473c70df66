"""The text in force on the reader's day: run after `mkdocs build` (make build does).

    python scripts/build_editions.py site [--jobs 2] [--no-documents]

For each in-force date after the build date, the site is built again as of that
date, and the pages, files and documents that differ are given to site/ (see
handbook/editions.py). With no such date it changes nothing. The
Content-Security-Policy (site/csp.txt, site/nginx-csp.conf) is written again.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import edition, editions, versions  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--no-documents", action="store_true",
                    help="leave out the dated PDF and Word documents (tests of the pages only)")
    args = ap.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"build_editions: ERROR: {args.site} holds no built site: run `mkdocs build` first",
              file=sys.stderr)
        return 1
    t0 = time.monotonic()
    try:
        report = editions.run(args.site, args.jobs, documents=not args.no_documents)
    except (editions.EditionError, edition.EditionError, versions.AmendmentError) as exc:
        print(f"build_editions: ERROR: {exc}", file=sys.stderr)
        return 1
    if not report.dates:
        print(f"build_editions: no amendment comes into force after {edition.as_of().isoformat()}: "
              "nothing to add")
        return 0
    for note in report.only_later:
        print(f"build_editions: NOTE: a page only the later build has is left out: {note}",
              file=sys.stderr)
    for day in report.dates:
        print(f"build_editions: {day}: {len(report.pages.get(day, []))} pages, "
              f"{len(report.files.get(day, []))} files, {len(report.documents.get(day, []))} documents")
    print(f"build_editions: done in {time.monotonic() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
