"""HTML in and out without regular expressions.

Writing: el() builds an ElementTree element, the tree Python-Markdown itself builds
for a page, and render() writes it with Python-Markdown's own serializer: every text
and attribute value escaped, attributes in alphabetical order, an attribute whose
value is None written bare (`download`). No clause text or title becomes markup.

Reading and editing built HTML: StartTags parses a page with html.parser (the
standard library's HTML parser, as Material's search plugin and csp.py do) and
records where each start tag and each <script> body sits in the text, so a caller
can change one tag or one script body and leave every other byte as it was.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser

from markdown.serializers import to_html_string


# ---------------------------------------------------------------- writing
def el(tag: str, attrs: dict[str, str | None] | None = None, *children: etree.Element | str) -> etree.Element:
    """An element with its children: elements, or texts between them."""
    element = etree.Element(tag, dict(attrs or {}))
    last = None
    for child in children:
        if isinstance(child, str):
            if last is None:
                element.text = (element.text or "") + child
            else:
                last.tail = (last.tail or "") + child
        else:
            element.append(child)
            last = child
    return element


def render(element: etree.Element) -> str:
    return to_html_string(element)


def join(items: list[etree.Element | str], separator: str) -> list[etree.Element | str]:
    """items with separator (a text) between them."""
    out: list[etree.Element | str] = []
    for i, item in enumerate(items):
        if i:
            out.append(separator)
        out.append(item)
    return out


# ---------------------------------------------------------------- reading built HTML
@dataclass
class Tag:
    name: str
    attrs: dict[str, str | None]
    start: int            # offset of "<" in the text
    end: int              # offset just after ">"
    body_end: int = -1    # for <script>: offset of its "</script>"


@dataclass
class Comment:
    data: str             # the text between "<!--" and "-->"
    start: int
    end: int


class StartTags(HTMLParser):
    """Every start tag of `text`, with its place in the text; also its comments
    and where each end tag starts (end_tags: name → offsets)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.tags: list[Tag] = []
        self.comments: list[Comment] = []
        self.end_tags: dict[str, list[int]] = {}
        self._lines = [0]
        for line in text.split("\n")[:-1]:
            self._lines.append(self._lines[-1] + len(line) + 1)
        self._script: Tag | None = None
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        found = Tag(tag, dict(attrs), start, start + len(self.get_starttag_text()))
        self.tags.append(found)
        if tag == "script":
            self._script = found

    def handle_startendtag(self, tag, attrs):
        start = self._offset()
        self.tags.append(Tag(tag, dict(attrs), start, start + len(self.get_starttag_text())))

    def handle_comment(self, data):
        start = self._offset()
        self.comments.append(Comment(data, start, start + len(data) + len("<!---->")))

    def handle_endtag(self, tag):
        self.end_tags.setdefault(tag, []).append(self._offset())
        if tag == "script" and self._script is not None:
            self._script.body_end = self._offset()
            self._script = None

    def find(self, name: str, **attrs: str) -> list[Tag]:
        """The start tags named `name` whose attributes include `attrs`, each with
        exactly that value (pass `**{"class": "x"}` for class)."""
        return [t for t in self.tags
                if t.name == name and all(t.attrs.get(k) == v for k, v in attrs.items())]


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """text with each (start, end) range replaced; the ranges must not overlap."""
    out, pos = [], 0
    for start, end, new in sorted(edits):
        if start < pos:
            raise ValueError("overlapping HTML edits")
        out += [text[pos:start], new]
        pos = end
    out.append(text[pos:])
    return "".join(out)

