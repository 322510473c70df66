"""The text in force on the reader's day, without a rebuild.

A site built on day B shows the text in force on B. For each in-force date D after
B (an amendment in the folder in use), this pass builds the MkDocs site again as of
D (HANDBOOK_EDITION_DAY=D) into a scratch folder, and gives the main build what that
build shows:

- every page whose content differs on D carries D's content, as the D build wrote
  it (a JSON string in `<script type="application/json" data-edition-content>`),
  with a line saying which date's text it shows (LABELS) and its download links
  pointing at D's documents;
- every other file that differs on D (clauses.json, the search indexes, the print
  header's stylesheet) is copied to `editions/<D>/<same path>`; the documents its
  pages link are built as of D into `editions/<D>/downloads/`;
- every page gets, at the end of <head>, its edition data
  (`<script type="application/json" id="handbook-editions">`) and
  handbook/data/edition-head.js, and after Material's config
  handbook/data/edition-page.js: in the browser they pick the latest D on or
  before the reader's local date and put that content in before it is shown.
  Without JavaScript, or before the first D, the page is the build's.

The pass knows nothing of what changes on D: it compares what the two builds
wrote. A page must differ only inside its content region (Material's <article>,
handbook/material.py); a difference anywhere else stops the build, naming the page,
rather than leave part of a page as of the wrong day. With no in-force date after
the build date the pass changes nothing.

Plain functions over the built site; scripts/build_editions.py runs them after
`mkdocs build` (the Makefile's build rule), and the Content-Security-Policy is
written again last (handbook/csp.py), with the two scripts' hashes.
"""
from __future__ import annotations

import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path
from urllib.parse import urlsplit

from . import csp, edition, material
from .markup import StartTags, splice

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
FOLDER = "editions"                     # site/editions/<D>/…
# Files of a date's build that are not given to the pages: the server's
# configuration and the sitemaps (the build's own stay in force).
NOT_SERVED = {"csp.txt", "nginx-csp.conf", "sitemap.xml", "sitemap.xml.gz"}
DOWNLOADS = "downloads/"

# The line a page shows with a later date's text: which date, and (on screen only:
# a printout has its date in its running header) why. Worded for every page that
# changes (a chapter, the changes page, a past version whose banner changes).
LABELS = {
    "zh": ("本页已按{date}起施行的文本更新", "（按本机日期）", "。"),
    "en": ("This page is updated to the text in force from {date}", " (by this computer's date)", "."),
}


class EditionError(RuntimeError):
    """A date's build that the pass cannot give to the pages."""


# ---------------------------------------------------------------- which dates
def coming_dates(today: date | None = None) -> list[date]:
    """The in-force dates after the build date, of the amendments in use."""
    from . import versions
    today = today or edition.as_of()
    return [d for d in versions.history().dates if d > today]


# ---------------------------------------------------------------- the builds of each date
def _env(day: date) -> dict:
    """The main build's settings, as of `day`: every date the build writes (the
    documents' metadata too) is that day's, so a daily rebuild gives the same files."""
    epoch = int(datetime.combine(day, time(), timezone.utc).timestamp())
    env = dict(os.environ, HANDBOOK_EDITION_DAY=day.isoformat(), SOURCE_DATE_EPOCH=str(epoch),
               NO_MKDOCS_2_WARNING="1")
    # Not HANDBOOK_AS_OF: that is a preview, whose calculators start at its date; a
    # page of a later date starts them at the reader's today, as a build made that day.
    env.pop("HANDBOOK_AS_OF", None)
    return env


def build_site(day: date, out: Path) -> Path:
    """The MkDocs site as a build made on `day` writes it (the other settings, the
    amendments folder and the site address included, are the main build's)."""
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                          cwd=ROOT, env=_env(day), capture_output=True, text=True)
    if done.returncode != 0:
        raise EditionError(f"the build as of {day.isoformat()} failed:\n{done.stderr[-3000:]}")
    return out


def build_documents(day: date, out: Path, stems: dict[str, set[str]]) -> Path:
    """The PDF and Word documents of `stems` ({lang: {"ch12", "yongding-rules"}}) as
    of `day`, in out/downloads/<lang>/."""
    for lang, names in sorted(stems.items()):
        if not names:
            continue
        args = [sys.executable, str(ROOT / "scripts" / "build_documents.py"), str(out), "--lang", lang]
        for name in sorted(names):
            args += ["--only", name]
        done = subprocess.run(args, cwd=ROOT, env=_env(day), capture_output=True, text=True)
        if done.returncode != 0:
            raise EditionError(f"the documents as of {day.isoformat()} failed:\n{done.stderr[-3000:]}")
    return out / "downloads"


# ---------------------------------------------------------------- comparing pages
def _first_difference(a: str, b: str) -> str:
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"…{a[max(0, i - 60):i + 60]!r} / …{b[max(0, i - 60):i + 60]!r}"


def compare(rel: str, main: str, other: str, day: str) -> str | None:
    """The date's content region when it differs from the build's, else None. A page
    whose text differs outside that region stops the build."""
    mine, theirs = material.content_region(main), material.content_region(other)
    if mine is None or theirs is None:
        if main != other:
            raise EditionError(f"{rel}: differs as of {day}, and has no content region to "
                               f"replace: {_first_difference(main, other)}")
        return None
    outside = main[:mine[0]] + main[mine[1]:], other[:theirs[0]] + other[theirs[1]:]
    if outside[0] != outside[1]:
        raise EditionError(f"{rel}: as of {day} the page differs outside its content (Material's "
                           f"<article>), which the pass cannot change in the browser: "
                           f"{_first_difference(*outside)}")
    region = other[theirs[0]:theirs[1]]
    if region == main[mine[0]:mine[1]]:
        return None
    tags = StartTags(region)
    executed = [t for t in tags.find("script") if "src" in t.attrs
                or (t.attrs.get("type") or "").strip().lower() in csp.SCRIPT_TYPES]
    if executed:
        raise EditionError(f"{rel}: its content as of {day} holds a script, which would not "
                           "run when the content is put in; move it out of the page's content")
    return region


# ---------------------------------------------------------------- one date's content
def _resolve(page_dir: str, href: str) -> str | None:
    """A relative link's path under the site root, or None (absolute, outside, anchor)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("/", "#")) or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(page_dir, parts.path))
    return None if path.startswith("..") else path


def dated_content(region: str, rel: str, day: str, lang: str) -> tuple[str, set[str]]:
    """A date's content as the page shows it: the line saying which date's text it
    is, after the title; links to the documents pointing at that date's documents.
    Returns it and the documents it links (paths under the site root)."""
    tags = StartTags(region)
    page_dir = posixpath.dirname(rel)
    edits = []
    linked: set[str] = set()
    for a in tags.find("a"):
        href = a.attrs.get("href")
        path = _resolve(page_dir, href) if href else None
        if not path or not path.startswith(DOWNLOADS):
            continue
        linked.add(path)
        target = posixpath.relpath(f"{FOLDER}/{day}/{path}", page_dir or ".")
        suffix = href[len(urlsplit(href).path):]
        new_tag = region[a.start:a.end].replace(f'href="{href}"', f'href="{target}{suffix}"', 1)
        if new_tag == region[a.start:a.end]:
            raise EditionError(f"{rel}: cannot rewrite the link {href!r}")
        edits.append((a.start, a.end, new_tag))
    d = date.fromisoformat(day)
    what, why, stop = (html.escape(part, quote=False) for part in LABELS[lang])
    what = what.format(date=edition.date_zh(d) if lang == "zh" else edition.date_en(d))
    line = (f'<p class="edition-today" data-edition-today="{day}">{what}'
            f'<span class="edition-today__why">{why}</span>{stop}</p>')
    h1_ends = tags.end_tags.get("h1", [])
    at = h1_ends[0] + len("</h1>") if h1_ends else next(t.end for t in tags.tags if t.name == "article")
    edits.append((at, at, line))
    return splice(region, edits), linked


def page_lang(text: str) -> str:
    m = re.search(r'<html[^>]*\slang="([^"]*)"', text)
    return "en" if m and m.group(1).startswith("en") else "zh"


# ---------------------------------------------------------------- writing the pages
def _script(name: str) -> str:
    """A script of handbook/data/, inlined without its leading comment."""
    text = (DATA / name).read_text(encoding="utf-8")
    return re.sub(r"\A/\*.*?\*/\s*", "", text, flags=re.S).strip()


def _json_block(value) -> str:
    """JSON as the text of a <script> data block: nothing in it can end the block
    ("</" is written "<\\/") or open an HTML comment ("<!--")."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<!--", "\\u003c!--").replace("</", "<\\/")


def write_page(text: str, rel: str, site: Path, site_path: str, dates: list[str],
               files: dict[str, list[str]], contents: dict[str, str]) -> str:
    """The build's page with its edition data, the two scripts and the dated contents."""
    region = material.content_region(text)
    keys: dict[str, str] = {}           # content → the first date that has it
    page: dict[str, str] = {}
    for day in dates:
        if day in contents:
            page[day] = keys.setdefault(contents[day], day)
    cfg = {"root": material.page_root(rel, site_path), "dates": dates, "files": files,
           "index": material.search_index_path(rel, site), "page": page}
    head = (f'<script type="application/json" id="handbook-editions">{_json_block(cfg)}</script>'
            f"<script>{_script('edition-head.js')}</script>")
    blocks = "".join(f'<script type="application/json" data-edition-content="{day}">'
                     f"{_json_block(content)}</script>" for content, day in keys.items())
    after = blocks + f"<script>{_script('edition-page.js')}</script>"
    edits = [(text.index("</head>"), text.index("</head>"), head),
             (material.after_config_script(text),) * 2 + (after,)]
    if region is not None and page:
        start = region[0]
        opening = text[start:text.index(">", start)]
        edits.append((start + len(opening), start + len(opening), " data-edition-region"))
    return splice(text, edits)


# ---------------------------------------------------------------- the pass
@dataclass
class Report:
    dates: list[str]
    pages: dict[str, list[str]]        # date → pages whose content differs
    files: dict[str, list[str]]        # date → other files that differ
    documents: dict[str, list[str]]    # date → documents built
    only_later: list[str]              # pages only a date's build has (left out)


def _html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def differing_files(site: Path, other: Path) -> list[str]:
    """The files (not pages) of a date's build that are new or differ from the site's."""
    out = []
    for path in sorted(other.rglob("*")):
        rel = path.relative_to(other).as_posix()
        if not path.is_file() or rel.endswith(".html") or path.name in NOT_SERVED:
            continue
        mine = site / rel
        if not mine.is_file() or mine.read_bytes() != path.read_bytes():
            out.append(rel)
    return out


def apply(site: Path, builds: dict[date, Path], site_path: str = "/",
          documents: bool = True, scratch: Path | None = None) -> Report:
    """Give the built `site` what each date's build in `builds` shows (see the module)."""
    dates = [d.isoformat() for d in sorted(builds)]
    report = Report(dates, {}, {}, {}, [])
    if not dates:
        return report
    files: dict[str, list[str]] = {}
    for d in sorted(builds):
        day = d.isoformat()
        files[day] = differing_files(site, builds[d])
        for rel in files[day]:
            target = site / FOLDER / day / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(builds[d] / rel, target)
    report.files = files

    linked: dict[str, set[str]] = {day: set() for day in dates}
    pages = _html_pages(site)
    for d in sorted(builds):
        report.only_later += [f"{d.isoformat()}: {rel}" for rel in _html_pages(builds[d])
                              if not (site / rel).exists()]
    for rel in pages:
        text = (site / rel).read_text(encoding="utf-8")
        contents: dict[str, str] = {}     # date → the content shown from that date
        first: dict[str, str] = {}        # a date's build's content → the first date with it
        lang = page_lang(text)
        for d in sorted(builds):
            day = d.isoformat()
            other_path = builds[d] / rel
            if not other_path.is_file():
                continue
            region = compare(rel, text, other_path.read_text(encoding="utf-8"), day)
            if region is None:
                continue
            report.pages.setdefault(day, []).append(rel)
            if region in first:           # unchanged since an earlier date: that date's text
                contents[day] = contents[first[region]]
                continue
            first[region] = day
            contents[day], links = dated_content(region, rel, day, lang)
            linked[day] |= links
        if material.content_region(text) is None:
            continue     # not Material's page (a short link's redirect): nothing to pick
        (site / rel).write_text(write_page(text, rel, site, site_path, dates, files, contents),
                                encoding="utf-8")

    if documents:
        _documents(site, builds, linked, report, scratch)
    csp.write(site)      # last: the hashes of the scripts just added
    return report


def _documents(site: Path, builds: dict[date, Path], linked: dict[str, set[str]],
               report: Report, scratch: Path | None) -> None:
    for d in sorted(builds):
        day = d.isoformat()
        stems: dict[str, set[str]] = {}
        for path in linked[day]:       # downloads/<lang>/<stem>.<pdf|docx>
            parts = path.split("/")
            if len(parts) != 3:
                raise EditionError(f"a link to {path}: not a document of scripts/build_documents.py")
            stems.setdefault(parts[1], set()).add(parts[2].rsplit(".", 1)[0])
        if not stems:
            continue
        with tempfile.TemporaryDirectory(dir=scratch) as tmp:
            built = build_documents(d, Path(tmp), stems)
            for path in sorted(linked[day]):
                source = built / path[len(DOWNLOADS):]
                if not source.is_file():
                    raise EditionError(f"as of {day}, {path} was linked but not built")
                target = site / FOLDER / day / path
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
        report.documents[day] = sorted(linked[day])


def run(site: Path, jobs: int = 2, documents: bool = True) -> Report:
    """The whole pass for the built `site`: the coming dates' builds (in parallel,
    `jobs` at a time, in a scratch folder removed afterwards), then apply()."""
    dates = coming_dates()
    if not dates:
        return Report([], {}, {}, {}, [])
    site_path = urlsplit(edition.site_url()).path or "/"
    with tempfile.TemporaryDirectory(prefix="handbook-editions-") as tmp:
        scratch = Path(tmp)
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            builds = dict(zip(dates, pool.map(lambda d: build_site(d, scratch / d.isoformat()), dates)))
        return apply(site, builds, site_path, documents, scratch)
