"""Search that lands on the clause.

Material's search plugin makes one entry per heading; a chapter has a single
heading, so every hit would open the top of the chapter. After the plugin has
indexed a chapter page, this hook replaces the page's body entry by one entry
per clause, located at the clause anchor, segmented by the same jieba call the
plugin uses (with our user dictionary). The entry's `text` is the clause
alone, so a result always shows the rule (with the query highlighted); the
everyday words staff type for it (handbook/data/search_keywords.toml) and the
clause in the other language go into the entry's `tags`, which are searched
but not shown (handbook.css hides them in results): so 收礼 finds and shows
c7-3, and "annual leave" on the Chinese site finds c8-3.

Staff results hold rules, not the machinery: developer pages leave the index,
and the glossary keeps only its title (its table is one long text).

Each clause entry is its own search "article", located at
`ch12/?clause=c12-8`: Material keys articles by the part before `#` and
groups every `#section` hit under its page, with the page itself listed
first, which would push the clause down the list. handbook.js rewrites these
result links to the clause anchor (`ch12/#c12-8`) as they are rendered, and
turns the parameter into the anchor if such a URL is ever opened.
"""
from __future__ import annotations

import html
import re
import sys
import tomllib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import clauses as extractor  # noqa: E402
from handbook.citations import item_en, item_zh  # noqa: E402

KEYWORDS_FILE = ROOT / "handbook" / "data" / "search_keywords.toml"
NOT_FOR_STAFF = ("developers/", "data.md")   # these pages leave the search index
# These keep their title entry only: the glossary's table is one long text, and the
# home and citing pages' help text ("type 收礼…") would only echo the query back.
TITLE_ONLY = ("glossary.md", "index.md", "cite.md")
CLAUSE_P = re.compile(
    r'<p(?=[^>]*\bclass="clause\b)(?=[^>]*\bid="(?P<id>c\d+-\d+(?:-\d+)?)")[^>]*>(?P<body>.*?)</p>',
    re.S,
)
TAG = re.compile(r"<[^>]+>")
_keywords: dict[str, dict[str, str]] = {}


def _search_plugin(config):
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not hasattr(plugin, "search_index"):
        raise PluginError("search_clauses: Material's search plugin is not enabled")
    return plugin


def _language(config) -> str:
    return config.theme.get("language") or "zh"


@event_priority(-110)  # after static-i18n has set this build's language
def on_config(config):
    global _keywords
    try:
        import jieba  # noqa: F401  (Material segments Chinese only if jieba imports)
    except ImportError as exc:
        raise PluginError("Chinese search needs jieba: pip install -r requirements.txt") from exc
    plugin = _search_plugin(config)
    userdict = plugin.config.get("jieba_dict_user")
    if not userdict or not Path(userdict).is_file():
        raise PluginError("search.jieba_dict_user must point to handbook/data/jieba_userdict.txt")
    with KEYWORDS_FILE.open("rb") as fh:
        _keywords = tomllib.load(fh)
    return config


def _by_id() -> dict:
    return extractor.table()[1]


def _label(cid: str, lang: str) -> str:
    """第3条 / Clause 3, as a reader counts, not the id."""
    by_id = _by_id()
    c = by_id[cid]
    if lang == "zh":
        return item_zh(c, by_id)
    unit, number = item_en(c).split(" ", 1)
    return ("Article " if unit == "art." else "Clause ") + number


def _assert_segmenting(plugin) -> None:
    # The build must fail, not silently ship an unsegmented index.
    probe = plugin.search_index._segment_chinese("慰问金800元")
    if "\u200b" not in probe or "慰问金" not in probe.split("\u200b"):
        raise PluginError(
            "Chinese segmentation is not active (jieba with the user dictionary): "
            f"got {probe!r}"
        )


def _norm(page) -> str:
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


@event_priority(-100)  # after material/search indexed the page (priority 0)
def on_page_context(context, page, config, nav):
    plugin = _search_plugin(config)
    index = plugin.search_index
    entries = index.entries
    own = [e for e in entries if e["location"].split("#")[0] == page.url]
    if _norm(page).startswith(NOT_FOR_STAFF):
        for entry in own:
            entries.remove(entry)
        return context
    if _norm(page) in TITLE_ONLY:
        for entry in own:
            entries.remove(entry)
        entries.append({"location": page.url, "title": index._segment_chinese(page.title), "text": ""})
        return context
    clauses = [(m["id"], m["body"]) for m in CLAUSE_P.finditer(page.content or "")]
    if not clauses:
        return context
    _assert_segmenting(plugin)
    lang = _language(config)
    chapter_title = page.title
    seg = index._segment_chinese
    separator = re.compile(plugin.config.get("separator") or r"[\s\-]+")

    def tokens(text: str) -> list[str]:
        return [t for t in separator.split(seg(text)) if t]

    for entry in own:
        entries.remove(entry)
    # Keep one page entry (title only) so a chapter's name still finds the chapter.
    entries.append({"location": page.url, "title": seg(chapter_title), "text": ""})

    by_id = _by_id()
    for cid, body in clauses:
        text = html.unescape(TAG.sub("", body)).strip()
        other = by_id[cid].en if lang == "zh" else by_id[cid].zh
        extra = _keywords.get(cid, {}).get(lang, "")
        entries.append({
            "location": f"{page.url}?clause={cid}",
            "title": seg(f"{chapter_title} · {_label(cid, lang)}"),
            # quote=False: an apostrophe stays ', not &#x27; (the highlighter split the entity)
            "text": seg(f"<p>{html.escape(text, quote=False)}</p>"),
            "tags": tokens(f"{extra} {other}"),
        })
    return context


CONFIG_SEARCH = re.compile(r'("search": ")([^"]*/)(search\.[0-9a-f]+\.min\.js)(")')


def on_post_page(output, page, config):
    # Route Material's search through our worker wrapper (whole-word Chinese
    # queries); it loads Material's own worker, named in the query string.
    return CONFIG_SEARCH.sub(r"\1\2handbook-search.js?material=\3\4", output, count=1)
