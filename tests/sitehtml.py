"""Built pages as a small element tree (html.parser, stdlib), for tests that check
what the build wrote without a browser: `page(site, "ch12/")`, then `select` by tag,
class and attributes, and `text` as the DOM's textContent gives it."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)    # Elements and strings

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Element):
                yield c
                yield from c.iter()

    def select(self, tag: str | None = None, cls: str | None = None, **attrs) -> list["Element"]:
        """Descendants with this tag, class and attributes (attrs=True: present; `_` for `-`)."""
        want = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [e for e in self.iter()
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
                and all((k in e.attrs) if v is True else e.attrs.get(k) == v for k, v in want.items())]

    def one(self, *args, **kwargs) -> "Element":
        found = self.select(*args, **kwargs)
        assert len(found) == 1, f"{len(found)} elements match {args} {kwargs}"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        el = Element(tag, {k: v if v is not None else "" for k, v in attrs})
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):     # close up to the matching element
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    b = _Builder()
    b.feed(html)
    b.close()
    return b.root


def page(site: Path, rel: str) -> Element:
    """The built page at the address `rel` ("ch12/", "en/404.html", "" for the home page)."""
    path = site / rel
    if rel == "" or rel.endswith("/"):
        path = path / "index.html"
    return parse(path.read_text(encoding="utf-8"))
