"""The official Chinese text as issued, clause by clause, read with the standard library.

The calculators read the figures a clause states from that clause's own words
(rules.toml holds the words with a slot for each figure, `_slots.py`), so they
need the text. Its one source is the Chinese chapter pages, docs/zh/chNN.md, where
each clause is a paragraph followed by its attribute line `{: #c12-8 .clause }`.
The site build reads the same pages with markdown-it-py (handbook/clauses.py);
tests/calculators/test_clausetext.py proves the two readers agree on every clause.

Where the pages are: `text/` inside the installed package (the wheel carries a
copy, made by scripts/build_pyodide.py: Pyodide has no source tree), else the
source tree's docs/zh/.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

ID = re.compile(r"^c(?P<chapter>\d+)-(?P<item>\d+)(?:-(?P<sub>\d+))?$")
_ATTRS = re.compile(r"^\{:\s*(?P<attrs>[^}]*)\}\s*$")
_NUMBER = re.compile(r"^(\d+\.|第[一二三四五六七八九十]+条|[一二三四五六七八九十]+、|[①-⑳])")
_PAGE = re.compile(r"^ch\d\d\.md$")


@dataclass(frozen=True)
class Row:
    """One clause as issued. The same fields as handbook.clauses.Clause uses for
    the model (`_history.py`), so either can be given to it."""
    id: str
    chapter: int
    item: int
    sub: int | None
    number: str          # as printed: "8.", "第一条", "一、", "①"
    zh: str
    en: str = ""
    chapter_title_zh: str = ""

    @property
    def parent(self) -> str | None:
        return f"c{self.chapter}-{self.item}" if self.sub else None


def folder() -> Path:
    packaged = files(__package__).joinpath("text")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[1] / "docs" / "zh"


def read_page(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(the page's H1, [(clause id, clause text)]) of one chapter page's Markdown."""
    title = ""
    out = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        lines = block.strip("\n").split("\n")
        if not title and lines[0].startswith("# "):
            title = lines[0][2:].strip()
        m = _ATTRS.match(lines[-1].strip())
        if not m or len(lines) < 2:
            continue
        parts = m["attrs"].split()
        if ".clause" not in parts:
            continue
        ident = next((p[1:] for p in parts if p.startswith("#")), "")
        # Markdown escapes (a backslash before punctuation) read as the character.
        body = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", "\n".join(lines[:-1]).strip())
        out.append((ident, body))
    return title, out


@lru_cache(maxsize=None)
def _rows(where: str) -> tuple[Row, ...]:
    rows = []
    for path in sorted(p for p in Path(where).iterdir() if _PAGE.match(p.name)):
        title, clauses = read_page(path.read_text(encoding="utf-8"))
        for ident, body in clauses:
            m = ID.match(ident)
            if not m:
                raise ValueError(f"{path.name}: bad clause id {ident!r}")
            number = _NUMBER.match(body)
            rows.append(Row(id=ident, chapter=int(m["chapter"]), item=int(m["item"]),
                            sub=int(m["sub"]) if m["sub"] else None,
                            number=number.group(1) if number else "", zh=body,
                            chapter_title_zh=title))
    return tuple(rows)


def original() -> tuple[Row, ...]:
    """Every clause as issued, in page order."""
    return _rows(str(folder()))


def by_id() -> dict[str, Row]:
    return {r.id: r for r in original()}
