"""The glossary as data, read from docs/<lang>/glossary.md with markdown-it-py:
term → (English, explanation). The calculators' forms take their short hints for
the terms a newcomer meets (直系亲属: 本制度未作界定，有两种理解……) from here, so a
hint never says something the glossary does not: the hint is the first sentence of
the explanation, which must therefore stand alone (no ；/; or ". " inside it)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=None)
def entries(lang: str) -> dict[str, tuple[str, str]]:
    """Chinese term (each form of "A / B") → (English, explanation) for the terms table."""
    tokens = MarkdownIt("commonmark").enable("table").parse(
        (ROOT / "docs" / lang / "glossary.md").read_text(encoding="utf-8"))
    rows, row, in_body = [], None, False
    for tok in tokens:
        if tok.type == "tbody_open":
            in_body = True
        elif tok.type == "tbody_close":
            in_body = False
        elif in_body and tok.type == "tr_open":
            row = []
        elif in_body and tok.type == "inline" and row is not None:
            row.append(tok.content.strip())
        elif in_body and tok.type == "tr_close" and row is not None:
            rows.append(row)
            row = None
    out = {}
    for cells in rows:
        if len(cells) < 4:        # the conventions table has three columns
            continue
        for term in cells[0].split(" / "):
            out[term.strip()] = (cells[1], cells[2])
    return out


def first_sentence(text: str) -> str:
    head = re.split(r"(?<=[。；;])|(?<=\.)\s", text, maxsplit=1)[0]
    return head.rstrip("。；;").strip()


def hints(lang: str, text: str) -> list[tuple[str, str]]:
    """(term, short explanation) for each glossary term (zh) that `text` contains."""
    found = []
    for term, (english, explanation) in entries("zh").items():
        if term and term in text:
            hint = first_sentence(entries(lang).get(term, (english, explanation))[1])
            found.append((term if lang == "zh" else english, hint))
    return found
