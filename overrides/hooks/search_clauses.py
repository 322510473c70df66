"""MkDocs adapter: one search entry per clause (handbook/search.py), put into
Material's index (handbook/material.py).

- on_config: jieba and the user dictionary must be active (the build fails rather
  than ship an unsegmented index);
- on_page_context: after Material's search plugin indexed the page, its entries
  are replaced by what handbook/search.py says the page should have.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import material, pages, search  # noqa: E402

_keywords: dict[str, dict[str, str]] = {}


@event_priority(-110)  # after Material's search (0) loaded jieba's user dictionary
def on_config(config):
    try:
        import jieba  # noqa: F401  (Material segments Chinese only if jieba imports)
    except ImportError as exc:
        raise PluginError("Chinese search needs jieba: pip install -r requirements.txt") from exc
    userdict = material.search_plugin(config).config.get("jieba_dict_user")
    if not userdict or not Path(userdict).is_file():
        raise PluginError("search.jieba_dict_user must point to handbook/data/jieba_userdict.txt")
    try:
        search.check_segmenting(material.segmenter(config))
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    _keywords.clear()
    _keywords.update(search.keywords())
    return config


@event_priority(-100)  # after Material's search plugin (0) indexed the page
def on_page_context(context, page, config, nav):
    norm = material.norm_src(page)
    chapter = pages.chapter_of(norm)
    what = search.policy(norm, chapter)
    if what == "as-is" or (page.meta.get("search") or {}).get("exclude"):
        return context
    entries = material.search_entries(config)
    entries[:] = [e for e in entries if e["location"].split("#")[0] != page.url]
    segment = material.segmenter(config)
    if what == "title":
        entries.append(search.title_entry(page.url, page.title, segment))
    elif what == "clauses":
        entries += search.clause_entries(page.url, page.title, chapter, material.language(config),
                                         segment, material.search_separator(config), _keywords)
    return context
