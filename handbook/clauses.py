"""The clause table, read from the Markdown sources with markdown-it-py.

Each chapter page (docs/<lang>/chNN.md) holds its clauses as paragraphs that end
with an attr_list line, `{: #c12-8 .clause }`. This module pairs the Chinese and
English pages clause by clause and returns one row per clause: id, chapter,
number as printed, zh text, en text (plus titles, notes and page). Tests use it
to prove the text is complete and aligned; the build uses it for clauses.json.

    python -m handbook.clauses            # prints the table as JSON
    python -m handbook.clauses -o out.json
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LANGS = ("zh", "en")
ATTR_LINE = re.compile(r"^\{:\s*(?P<attrs>[^}]*)\}\s*$")
# The clause id, c{chapter}-{item} or c{chapter}-{item}-{sub} (c12-8, c1-5-4): the one
# spelling of the pattern. Build others from it: CLAUSE_ID (a whole string), ID_IN_TEXT
# (ids inside a text), or ID_PATTERN inside a larger pattern.
ID_PATTERN = r"c(?P<chapter>\d+)-(?P<item>\d+)(?:-(?P<sub>\d+))?"
CLAUSE_ID = re.compile(rf"^{ID_PATTERN}$")
ID_IN_TEXT = re.compile(rf"\b{ID_PATTERN}\b")
NUMBER = re.compile(r"^(\d+\.|第[一二三四五六七八九十]+条|[一二三四五六七八九十]+、|[①-⑳])")
NOTE_START = re.compile(r'^!!!\s+editor-note\b(?:\s+"(?P<title>[^"]*)")?')

_md = MarkdownIt("commonmark")


@dataclass
class PageClause:
    id: str
    classes: list[str]
    text: str          # plain text as rendered (escapes resolved)
    source: str        # the Markdown source line(s) of the paragraph
    notes: list[str] = field(default_factory=list)
    start: int = 0     # the paragraph's first line (0-based) in the page source
    end: int = 0       # the line after its attr line
    block_end: int = 0  # the line after its last editor's note (an insert goes there)


@dataclass
class Page:
    path: Path
    title: str
    clauses: list[PageClause]


@dataclass
class Clause:
    id: str
    chapter: int
    item: int
    sub: int | None
    page: str                  # "ch12"
    number: str                # as printed in the official text: "8.", "第一条", "一、", "①"
    chapter_title_zh: str
    chapter_title_en: str
    zh: str
    en: str
    notes_zh: list[str]
    notes_en: list[str]
    # The version shown (handbook/versions.py): in force, repealed or not yet in
    # force on the edition date; the in-force date of its text (None: the
    # original); an English translation still to come (en holds "" then).
    status: str = "in_force"
    since: str | None = None
    translation_pending: bool = False

    @property
    def parent(self) -> str | None:
        return f"c{self.chapter}-{self.item}" if self.sub else None

    def title(self, lang: str) -> str:
        """The chapter's title in `lang` ("zh" or "en")."""
        return self.chapter_title_zh if lang == "zh" else self.chapter_title_en

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def _plain(inline) -> str:
    out = []
    for tok in inline.children or []:
        if tok.type in ("text", "code_inline", "html_inline"):
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def _attrs(line: str) -> tuple[str | None, list[str]]:
    m = ATTR_LINE.match(line.strip())
    if not m:
        return None, []
    ident, classes = None, []
    for part in m["attrs"].split():
        if part.startswith("#"):
            ident = part[1:]
        elif part.startswith("."):
            classes.append(part[1:])
    return ident, classes


def read_page(path: Path) -> Page:
    """Parse one page: its H1 and its clause paragraphs, in order."""
    tokens = _md.parse(path.read_text(encoding="utf-8"))
    title, clauses = "", []
    pending_note = False
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h1" and not title:
            title = _plain(tokens[i + 1]).strip()
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            lines = inline.content.split("\n")
            if NOTE_START.match(lines[0]):
                # `!!! editor-note`: CommonMark reads the indented body as the
                # paragraph's continuation (or as a code block after a blank line).
                body = " ".join(line.strip() for line in lines[1:] if line.strip())
                if body and clauses:
                    clauses[-1].notes.append(body)
                    clauses[-1].block_end = tok.map[1]
                pending_note = not body
                continue
            ident, classes = _attrs(lines[-1])
            if "clause" not in classes:
                continue
            text_lines = _plain(inline).split("\n")[:-1]
            clauses.append(PageClause(
                id=ident or "", classes=classes,
                text="\n".join(text_lines).strip(),
                source="\n".join(lines[:-1]),
                start=tok.map[0], end=tok.map[1], block_end=tok.map[1],
            ))
        elif tok.type == "code_block" and pending_note:
            # The indented body of `!!! editor-note`: it belongs to the clause above.
            if clauses:
                clauses[-1].notes.append(" ".join(tok.content.split()))
                clauses[-1].block_end = tok.map[1]
            pending_note = False
    return Page(path=path, title=title, clauses=clauses)


def chapter_pages(lang: str, docs: Path = DOCS) -> list[Path]:
    return sorted((docs / lang).glob("ch[0-9][0-9].md"))


def extract(docs: Path = DOCS) -> list[Clause]:
    """All clauses in source order, with both languages side by side."""
    rows: list[Clause] = []
    for zh_path in chapter_pages("zh", docs):
        en_path = docs / "en" / zh_path.name
        zh_page = read_page(zh_path)
        en_page = read_page(en_path) if en_path.exists() else Page(en_path, "", [])
        en_by_id = {c.id: c for c in en_page.clauses}
        for c in zh_page.clauses:
            m = CLAUSE_ID.match(c.id)
            if not m:
                raise ValueError(f"{zh_path.name}: bad clause id {c.id!r}")
            en = en_by_id.get(c.id)
            num = NUMBER.match(c.text)
            rows.append(Clause(
                id=c.id,
                chapter=int(m["chapter"]),
                item=int(m["item"]),
                sub=int(m["sub"]) if m["sub"] else None,
                page=zh_path.stem,
                number=num.group(1) if num else "",
                chapter_title_zh=zh_page.title,
                chapter_title_en=en_page.title,
                zh=c.text,
                en=en.text if en else "",
                notes_zh=c.notes,
                notes_en=en.notes if en else [],
            ))
    return rows


_cache: dict = {}


def original_table(docs: Path = DOCS) -> tuple[list[Clause], dict[str, Clause]]:
    """(rows, rows by id) of the text as issued, parsed once and again only when a
    chapter page changes, so `mkdocs serve` sees an edit at once."""
    stamp = tuple((p.name, p.stat().st_mtime_ns)
                  for lang in LANGS for p in chapter_pages(lang, docs))
    if _cache.get("stamp") != (docs, stamp):
        rows = extract(docs)
        _cache.update(stamp=(docs, stamp), rows=rows, by_id={r.id: r for r in rows})
    return _cache["rows"], _cache["by_id"]


def table(day=None) -> tuple[list[Clause], dict[str, Clause]]:
    """(rows, rows by id) of the text in force on `day` (default: the edition
    date), the amendments applied (handbook/versions.py): what the build shows."""
    from . import versions
    return versions.table(day)


def chapters(rows: list[Clause]) -> dict[int, Clause]:
    """Chapter number → its first clause (which carries the chapter's titles), in order.
    The number of chapters is len(chapters(rows)): nothing else counts them."""
    out: dict[int, Clause] = {}
    for r in rows:
        out.setdefault(r.chapter, r)
    return out


def clause_counts(rows: list[Clause]) -> dict[int, int]:
    """Chapter number → its clauses as a reader counts them (sub-items ① … belong
    to their clause)."""
    counts: dict[int, int] = {}
    for r in rows:
        if r.sub is None:
            counts[r.chapter] = counts.get(r.chapter, 0) + 1
    return counts


def as_dicts(rows: list[Clause]) -> list[dict]:
    return [asdict(r) | {"parent": r.parent} for r in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", type=Path)
    args = ap.parse_args(argv)
    data = json.dumps(as_dicts(extract()), ensure_ascii=False, indent=1)
    if args.output:
        args.output.write_text(data + "\n", encoding="utf-8")
    else:
        sys.stdout.write(data + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
