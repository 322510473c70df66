"""Search that lands on the clause: what the search index holds for each page.

Material's search plugin makes one entry per heading; a chapter has a single
heading, so every hit would open the top of the chapter. For a chapter page the
index instead holds its title (so a chapter's name still finds the chapter) and one
entry per clause, located at the clause, its words segmented by the same jieba call
the plugin uses (with our user dictionary). The entry's `text` is the clause alone,
so a result shows the rule with the query highlighted; the everyday words staff
type for it (handbook/data/search_keywords.toml) and the clause in the other
language go into its `tags`, which are searched but not shown (handbook.css hides
them): so 收礼 finds and shows c7-3, and "annual leave" on the Chinese site finds c8-3.

Staff results hold rules, not the machinery: developer pages and the data page
leave the index; the glossary, home, citing, calculators' index and maintaining
pages keep only their title (the maintaining guide's sample decision must never
read as a rule in a result).

A chapter's title entry also carries the chapter's number and its names in both
languages (`chapter`), as its citations spell them (“财务管理制度”第8条): the search
worker (docs/assets/javascripts/workers/handbook-search.js) reads clause numbers
typed into the box with the citation builder's parser and puts the clause they
name first (docs/assets/javascripts/clause-search.js).

Each clause entry is its own search "article", located at `ch12/?clause=c12-8`:
Material keys articles by the part before `#` and groups every `#section` hit
under its page, with the page itself listed first, which would push the clause down
the list. handbook.js rewrites these result links to the clause anchor
(`ch12/#c12-8`) as they are rendered.

The clause texts come from the clause table (handbook/clauses.py), the same text
the page shows (tests/browser/test_clause_links.py compares them). Plain functions:
the hook (overrides/hooks/search_clauses.py) hands in the plugin's segmenter and
puts the entries into Material's index (handbook/material.py).
"""
from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path
from typing import Callable

from handbook import clauses as clause_table
from handbook.citations import chapter_name_en, chapter_name_zh, item_label

KEYWORDS_FILE = Path(__file__).resolve().parent / "data" / "search_keywords.toml"
NOT_FOR_STAFF = ("developers/", "data.md")   # these pages leave the search index
# These keep their title entry only: the glossary's table is one long text; the
# home, citing and calculators' index pages' help text ("type 收礼…") would only echo
# the query back (and outrank the clause); the maintaining guide's sample decision
# ("慰问金由800元调整为1000元") is not a rule.
TITLE_ONLY = ("glossary.md", "index.md", "cite.md", "calculators/index.md", "maintaining.md")


def keywords() -> dict[str, dict[str, str]]:
    """Clause id → {"zh": words, "en": words}: what staff type for the clause."""
    with KEYWORDS_FILE.open("rb") as fh:
        return tomllib.load(fh)


def policy(norm_src: str, chapter: int | None) -> str:
    """What the index holds for a page: "none", "title", "clauses" or "as-is"
    (Material's own entries)."""
    if norm_src.startswith(NOT_FOR_STAFF):
        return "none"
    if norm_src in TITLE_ONLY:
        return "title"
    return "clauses" if chapter is not None else "as-is"


def title_entry(url: str, title: str, segment: Callable[[str], str]) -> dict:
    return {"location": url, "title": segment(title), "text": ""}


def clause_entries(url: str, chapter_title: str, chapter: int, lang: str,
                   segment: Callable[[str], str], separator: str,
                   words: dict[str, dict[str, str]]) -> list[dict]:
    """The chapter page's title entry, then one entry per clause."""
    rows, by_id = clause_table.table()
    split = re.compile(separator or r"[\s\-]+")
    other = "en" if lang == "zh" else "zh"

    def tokens(text: str) -> list[str]:
        return [t for t in split.split(segment(text)) if t]

    entries = [title_entry(url, chapter_title, segment)]
    for c in rows:
        if c.chapter != chapter:
            continue
        if "chapter" not in entries[0]:
            entries[0]["chapter"] = {"n": chapter, "zh": chapter_name_zh(c.chapter_title_zh),
                                     "en": chapter_name_en(c.chapter_title_en)}
        extra = words.get(c.id, {}).get(lang, "")
        entries.append({
            "location": f"{url}?clause={c.id}",
            "title": segment(f"{chapter_title} · {item_label(c, by_id, lang)}"),
            # quote=False: an apostrophe stays ', not &#x27; (the highlighter split the entity)
            "text": segment(f"<p>{html.escape(c.text(lang), quote=False)}</p>"),
            "tags": tokens(f"{extra} {c.text(other)}"),
        })
    return entries


def check_segmenting(segment: Callable[[str], str]) -> None:
    """The build must fail, not silently ship an unsegmented index: jieba with the
    user dictionary keeps 慰问金 whole."""
    probe = segment("慰问金800元")
    if "\u200b" not in probe or "慰问金" not in probe.split("\u200b"):
        raise ValueError("Chinese segmentation is not active (jieba with the user "
                         f"dictionary): got {probe!r}")
