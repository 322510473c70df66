"""Chinese inside English pages: every run of Han characters gets lang="zh-Hans",
so browsers pick Simplified Chinese glyphs (not Japanese forms from a shared CJK
font) and screen readers switch to a Chinese voice.

A Python-Markdown treeprocessor: it works on the parsed tree before the HTML is
written, so no HTML is re-parsed or edited with regular expressions. Registered
for the English build by overrides/hooks/pages.py.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# Han characters with the punctuation that belongs to them (《》“”、，。：；（）).
HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff《》「」『』〈〉【】、，。：；！？“”‘’（）·…—]*"
                     r"[\u3400-\u9fff\uf900-\ufaff]"
                     r"(?:[\u3400-\u9fff\uf900-\ufaff《》「」『』〈〉【】、，。：；！？“”‘’（）·…—]*"
                     r"[\u3400-\u9fff\uf900-\ufaff》」』〉】”’）])?")
SKIP = {"code", "pre", "script", "style", "kbd"}
LANG = "zh-Hans"


def _spans(text: str) -> list[str | etree.Element]:
    """Plain text cut into strings and <span lang> elements."""
    out: list[str | etree.Element] = []
    pos = 0
    for m in HAN_RUN.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
        span = etree.Element("span", {"lang": LANG})
        span.text = m.group(0)
        out.append(span)
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def _mark(parent: etree.Element) -> None:
    if parent.tag in SKIP or (parent.get("lang") or "").startswith("zh"):
        return
    children = list(parent)
    for child in children:
        _mark(child)
    # parent.text: the pieces before the first child
    if parent.text and HAN_RUN.search(parent.text):
        pieces = _spans(parent.text)
        parent.text = pieces[0] if isinstance(pieces[0], str) else ""
        _insert(parent, 0, pieces if not isinstance(pieces[0], str) else pieces[1:])
    # each child's tail: the pieces after that child
    for child in children:
        if child.tail and HAN_RUN.search(child.tail):
            pieces = _spans(child.tail)
            child.tail = pieces[0] if isinstance(pieces[0], str) else ""
            index = list(parent).index(child) + 1
            _insert(parent, index, pieces if not isinstance(pieces[0], str) else pieces[1:])


def _insert(parent: etree.Element, index: int, pieces) -> None:
    last = None
    for piece in pieces:
        if isinstance(piece, str):
            last.tail = (last.tail or "") + piece
        else:
            parent.insert(index, piece)
            index += 1
            last = piece


class MarkChinese(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        _mark(root)


class ChineseInEnglish(Extension):
    def extendMarkdown(self, md):
        # After attr_list and the other tree work (priority 8 runs late), before serializing.
        md.treeprocessors.register(MarkChinese(md), "mark_chinese", 3)


def mark_chinese_html_text(text: str) -> list[str | etree.Element]:
    """For tests: how a plain text is cut."""
    return _spans(text)


def mark_chinese(element: etree.Element) -> etree.Element:
    """An element built for an English page (handbook/markup.py's el()), its Chinese
    marked as in the pages' Markdown: for HTML the treeprocessor never sees (the
    chapter tools line, the side-by-side pages)."""
    _mark(element)
    return element


def marked_html(text: str) -> str:
    """A plain text as escaped HTML, its Chinese runs in <span lang="zh-Hans">."""
    out = []
    for piece in _spans(text):
        if isinstance(piece, str):
            out.append(html.escape(piece, quote=False))
        else:
            out.append(f'<span lang="{LANG}">{html.escape(piece.text, quote=False)}</span>')
    return "".join(out)
