"""Clause paragraphs, checked and given their link data while the page is parsed.

A chapter page writes each clause as a paragraph ending in an attr_list line,
`{: #c12-8 .clause }`. This Python-Markdown treeprocessor runs after attr_list has
set the id and class, on the tree MkDocs' own Markdown parser built, so no HTML is
re-parsed or edited with regular expressions. For every `<p class="clause …">` it

- checks the id is a well-formed clause id (handbook/clauses.py, ID_PATTERN) and
  is not used twice on the page;
- adds `data-shortlink` (the short link under the site's path), `data-cite-zh`
  and `data-cite-en` (the citations of handbook/citations.py), which
  clause-links.js reads to build the link button; no text is added.

Registered per language build by overrides/hooks/pages.py; a bad id raises `error`
(the hook passes MkDocs' PluginError, so the build stops with the page named).
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from handbook import clauses as clause_table
from handbook.citations import cite_en, cite_zh, short_path


class ClauseError(ValueError):
    """A clause paragraph without a valid id, or an id used twice."""


def is_clause(element: etree.Element) -> bool:
    return element.tag == "p" and "clause" in (element.get("class") or "").split()


class ClauseAttributes(Treeprocessor):
    def __init__(self, md, base: str, error: type[Exception]):
        super().__init__(md)
        self.base = base            # the language root's path: "/" or "/en/"
        self.error = error

    def run(self, root: etree.Element) -> None:
        _, by_id = clause_table.table()
        seen: set[str] = set()
        for p in root.iter("p"):
            if not is_clause(p):
                continue
            cid = p.get("id") or ""
            if not clause_table.CLAUSE_ID.match(cid):
                raise self.error(f"clause without a valid id ({cid!r}): {''.join(p.itertext())[:40]}")
            if cid in seen:
                raise self.error(f"duplicate clause id {cid}")
            seen.add(cid)
            c = by_id.get(cid)
            if c is None:     # a page outside the clause table (none today): ids only
                continue
            p.set("data-shortlink", f"{self.base}{short_path(c)}")
            if p.get("data-cite-zh") is None:   # a past version's page names its version
                p.set("data-cite-zh", cite_zh(c, by_id))
                p.set("data-cite-en", cite_en(c, by_id))


class ClauseMarkup(Extension):
    """`base`: the path of the language root, e.g. "/" or "/handbook/en/"."""

    def __init__(self, base: str, error: type[Exception] = ClauseError):
        super().__init__()
        self.base = base
        self.error = error

    def extendMarkdown(self, md):
        # After attr_list (priority 8) has set id and class; before Chinese marking (3).
        md.treeprocessors.register(ClauseAttributes(md, self.base, self.error), "clause_markup", 7)
