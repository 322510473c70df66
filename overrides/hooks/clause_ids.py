"""Clause markup: every clause paragraph must carry a well-formed id."""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

CLAUSE_ID = re.compile(r"^c\d+-\d+(?:-\d+)?$")
CLAUSE_OPEN = re.compile(r'<p(?=[^>]*\bclass="clause\b)[^>]*>')
ID_ATTR = re.compile(r'\bid="([^"]*)"')


def on_page_content(html, page, config, files):
    seen = set()
    for tag in CLAUSE_OPEN.findall(html):
        m = ID_ATTR.search(tag)
        if not m or not CLAUSE_ID.match(m.group(1)):
            raise PluginError(f"{page.file.src_uri}: clause without a valid id: {tag}")
        if m.group(1) in seen:
            raise PluginError(f"{page.file.src_uri}: duplicate clause id {m.group(1)}")
        seen.add(m.group(1))
    return html
