"""Permanence: every published URL keeps working after every rebuild.

tests/data/published_urls.txt holds every URL the handbook has published:
chapter pages, clause anchors (`/ch12/#c12-8`), short links (`/c/12-8/`,
`/c/12/`), the side-by-side and printable pages, clauses.json and the QR codes,
in both languages. The test fails if the built site lost any of them: the file
must exist and, for an anchor, the element with that id must be in the page.
Short links must still lead to their clause.

The list only grows. To add the URLs of new clauses or pages:

    .venv/bin/python tests/test_permanence.py --add
"""
from __future__ import annotations

import functools
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:     # also run as a script (--add)
    sys.path.insert(0, str(ROOT))

from handbook import clauses as clause_table  # noqa: E402

LIST = Path(__file__).parent / "data" / "published_urls.txt"
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def file_for(site: Path, url: str) -> Path:
    path = url.split("#")[0].lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return site / path


class Ids(HTMLParser):
    """Every id of a page, with the classes of its element, in document order."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, list[str]] = {}
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.setdefault(a["id"], (a.get("class") or "").split())


@functools.lru_cache(maxsize=None)
def ids_of(path: Path) -> dict[str, list[str]]:
    return Ids(path.read_text(encoding="utf-8")).ids


def ids_with_class(html: str, cls: str) -> list[str]:
    return [i for i, classes in Ids(html).ids.items() if cls in classes]


def urls_in_site(site: Path) -> list[str]:
    """Every published URL, read from the built site."""
    urls = []
    for prefix in ("", "en/"):
        root = site / prefix
        for page in sorted(root.glob("ch[0-9][0-9]/index.html")):
            url = f"/{prefix}{page.parent.name}/"
            urls.append(url)
            html = page.read_text(encoding="utf-8")
            urls += [f"{url}#{i}" for i in ids_with_class(html, "clause")]
        for page in sorted(root.glob("bilingual/ch[0-9][0-9]/index.html")):
            url = f"/{prefix}bilingual/{page.parent.name}/"
            urls.append(url)
            html = page.read_text(encoding="utf-8")
            urls += [f"{url}#{i}" for i in ids_with_class(html, "bilingual-row")]
        for short in sorted((root / "c").glob("*/index.html"), key=lambda p: [int(x) for x in p.parent.name.split("-")]):
            urls.append(f"/{prefix}c/{short.parent.name}/")
        for name in ("print/", "cite/", "data/", "bilingual/", "404.html"):
            if (file_for(site, f"/{prefix}{name}")).exists():
                urls.append(f"/{prefix}{name}")
    urls += [f"/qr/{p.name}" for p in sorted((site / "qr").glob("*.svg"))]
    urls += [f"/qr/en/{p.name}" for p in sorted((site / "qr" / "en").glob("*.svg"))]
    urls.append("/clauses.json")
    return urls


def published() -> list[str]:
    return [line.strip() for line in LIST.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_list_is_complete_for_the_clauses():
    """Every clause and chapter of the clause table has its addresses on the list, in
    both languages, and the list has no clause or chapter the table lacks."""
    urls = set(published())
    rows, _ = clause_table.table()
    chapters = clause_table.chapters(rows)
    for prefix in ("", "/en"):
        expected = {
            "anchor": {f"{prefix}/{r.page}/#{r.id}" for r in rows},
            "short": {f"{prefix}/c/{r.id[1:]}/" for r in rows},
            "chapter short": {f"{prefix}/c/{n}/" for n in chapters},
        }
        listed = {
            "anchor": {u for u in urls if re.fullmatch(rf"{prefix}/ch\d\d/#c[\d-]+", u)},
            "short": {u for u in urls if re.fullmatch(rf"{prefix}/c/\d+-[\d-]+/", u)},
            "chapter short": {u for u in urls if re.fullmatch(rf"{prefix}/c/\d+/", u)},
        }
        assert listed == expected, prefix or "/"
    assert "/ch12/#c12-8" in urls and "/en/c/12-8/" in urls and "/c/12/" in urls


def test_no_published_url_is_missing(site_dir):
    missing = []
    for url in published():
        path = file_for(site_dir, url)
        if not path.is_file():
            missing.append(url)
            continue
        if "#" in url and url.split("#", 1)[1] not in ids_of(path):
            missing.append(url)
    assert not missing, f"{len(missing)} published URLs are gone: {missing[:20]}"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_short_links_lead_to_their_clause(site_dir, prefix):
    for url in published():
        m = re.fullmatch(rf"/{prefix}c/(\d+)(?:-(\d+(?:-\d+)?))?/", url)
        if not m:
            continue
        html = file_for(site_dir, url).read_text(encoding="utf-8")
        target = REFRESH.search(html).group(1)
        chapter = int(m.group(1))
        expected = f"../../ch{chapter:02d}/" + (f"#c{chapter}-{m.group(2)}" if m.group(2) else "")
        assert target == expected, url
        assert f'<link rel="canonical" href="{expected}">' in html
        assert f'<a href="{expected}">' in html     # works without JS and without refresh
        landing = file_for(site_dir, f"/{prefix}ch{chapter:02d}/")
        if m.group(2):
            assert f"c{chapter}-{m.group(2)}" in ids_of(landing), url


if __name__ == "__main__":
    site = Path(os.environ.get("HANDBOOK_SITE", ROOT / "site"))
    if "--add" not in sys.argv:
        sys.exit(__doc__)
    old = published() if LIST.exists() else []
    new = [u for u in urls_in_site(site) if u not in set(old)]
    header = [] if old else [
        "# Every URL the handbook has published. Never remove a line: see tests/test_permanence.py."]
    LIST.write_text("\n".join(header + old + new) + "\n", encoding="utf-8")
    print(f"{len(new)} URLs added, {len(old) + len(new)} in all")
