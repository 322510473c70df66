"""Glue to Material for MkDocs and mkdocs-static-i18n: every place where the build
relies on how these two packages work inside, rather than on their documented
options. Nothing else in handbook/ knows MkDocs, Material or static-i18n.

Both are pinned in requirements.txt. tests/test_dependencies.py checks each
internal named here against the installed packages, and fails with the name of the
internal when an upgrade moves it. What is relied on:

static-i18n 1.3.1
- `plugin.current_language`, `plugin.default_language` and `plugin.building` (true
  during the nested builds of the other languages, which static-i18n starts from
  its own on_post_build);
- it leaves `config.extra.alternate` (Material's language selector) as the last
  page built set it (language_homes);
- the attributes it gives each documentation file (`locale`, `localization`,
  `locale_alternate_of`, `norm_src_uri`, `alternates`), which its language
  switch reads: generated pages need them too (mark_generated);
- it merges the languages' search entries into one index at the site root
  (split_search_index undoes that, one index per language).

Material 9.8
- the search plugin's `search_index.entries` (a list of dicts: location, title,
  text, tags) and its `_segment_chinese` (jieba, with the user dictionary);
- the search index file, `{"config": {..., "pipeline": [...]}, "docs": [...]}`;
- the `<script id="__config">` JSON in every page (`base`, `search`: the worker's
  URL), written with Jinja's tojson;
- the search worker's messages (type 0: the index, type 2: a query) and its answers
  (type 3: `{items: [[doc, …], …]}`, sent with the global postMessage), which
  docs/assets/javascripts/workers/handbook-search.js intercepts; type 0's data is
  `{config, docs, options}`, of which it replaces `docs` with a later date's;
- that the search worker keeps fields of an index entry it does not know (a
  chapter's `chapter`: handbook/search.py);
- the markup of the search dialog, of `<link rel="alternate" hreflang>` and of the
  language selector's links (`a.md-select__link` with `hreflang`).
- the toggles at the top of `<body>` (`<input class="md-toggle" data-md-toggle=...
  autocomplete="off">`) and the table of contents' `<label class="md-nav__title"
  for="__toc">`, whose `__toc` checkbox Material writes only for a page in the nav;
- for handbook/editions.py (the text in force on the reader's day): a page's own
  content is its one `<article class="md-content__inner">` (content_region), and
  Material's bundle script, right after `<script id="__config">`, reads that config
  once as it loads, so a script placed between them (after_config_script) runs
  before Material and may rewrite the config's `search` address.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from jinja2.utils import htmlsafe_json_dumps

from handbook.markup import StartTags, splice

SEARCH_WORKER = re.compile(r"search\.[0-9a-f]+\.min\.js")
SEARCH_WRAPPER = "handbook-search.js"          # docs/assets/javascripts/workers/
DIALOG_NAMES = {"zh": "搜索本手册", "en": "Search the handbook"}
# The language tag of text in a language (handbook/typography.py marks Chinese the same way).
LANG_TAGS = {"zh": "zh-Hans", "en": "en"}
# Per-language lunr pipeline. No index is stemmed: Material adds a trailing wildcard
# to every query term and lunr does not stem those, so a stemmed index word (hospit)
# would never match the word typed (hospital*). The Chinese index holds English
# words too (each clause's translation, searched but not shown).
PIPELINES = {"en": ["stopWordFilter"], "zh": ["stopWordFilter"]}
# The form that holds Material's toggles' "do not restore" (see fix_page).
TOGGLES_FORM = "__toggles"


class MaterialChanged(RuntimeError):
    """Material's or static-i18n's output no longer looks as this module expects."""


# ---------------------------------------------------------------- static-i18n
def i18n(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise MaterialChanged("mkdocs-static-i18n (plugin `i18n`) is not enabled")
    return plugin


def language(config) -> str:
    """The language being built: "zh" (at the site root) or "en" (under /en/)."""
    return i18n(config).current_language


def default_language(config) -> str:
    return i18n(config).default_language


def languages(config) -> list[str]:
    """The languages built, the default first."""
    plugin = i18n(config)
    built = [lang.locale for lang in plugin.config.languages if lang.build]
    return sorted(built, key=lambda loc: loc != plugin.default_language)


def prefix(config, lang: str) -> str:
    """The language's folder under the site root: "" or "en/"."""
    return "" if lang == default_language(config) else f"{lang}/"


def language_homes(config) -> list[dict]:
    """Material's language selector (config.extra.alternate) linking each language's
    home page. static-i18n sets it for each page to the same page in the other
    languages and leaves the last page's there; the 404 page, a template rendered
    without a page, needs the homes instead."""
    plugin = i18n(config)
    return [{"name": lang.name, "link": site_path(config) + prefix(config, lang.locale),
             "lang": lang.locale}
            for lang in plugin.config.languages if lang.build]


def set_language_selector(config, alternates: list[dict]) -> None:
    """As static-i18n sets it for a page: as an attribute of config.extra, which the
    template's `config.extra.alternate` finds before the dict item of that name."""
    config.extra.alternate = alternates


def is_nested_build(config) -> bool:
    """True while static-i18n builds the other languages from inside its
    on_post_build: site-wide work waits for the outer build to end."""
    return bool(getattr(i18n(config), "building", False))


def site_path(config) -> str:
    """The site's path under its host, from site_url: "/" or "/handbook/"."""
    path = urlsplit(config.site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def norm_src(page) -> str:
    """The page's source path under its language folder: "ch12.md", not "zh/ch12.md"."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def generated_file(config, lang: str, norm: str, content: str):
    """A generated page for the language being built, with what static-i18n gives its
    own files, so its language switch links the same page in the other language."""
    from mkdocs.structure.files import File

    file = File.generated(config, prefix(config, lang) + norm, content=content)
    file.locale = lang
    file.localization = lang
    file.locale_alternate_of = lang
    file.norm_src_uri = norm
    file.alternates = {loc: File.generated(config, prefix(config, loc) + norm, content="")
                       for loc in languages(config)}
    return file


# ---------------------------------------------------------------- Material's search
def search_plugin(config):
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not hasattr(plugin, "search_index"):
        raise MaterialChanged("Material's search plugin is not enabled")
    return plugin


def search_entries(config) -> list[dict]:
    """The entries Material's search plugin collected so far in this build."""
    return search_plugin(config).search_index.entries


def segmenter(config):
    """The plugin's Chinese segmentation: jieba, with the user dictionary, words
    joined by U+200B."""
    return search_plugin(config).search_index._segment_chinese


def search_separator(config) -> str:
    return search_plugin(config).config.get("separator") or ""


def split_search_index(site: Path, default: str, others: list[str]) -> None:
    """static-i18n leaves one index of both languages at the site root, and Material's
    English pages would search it: write one index per language, each with its
    language's lunr pipeline, and a copy of the sitemap in each language root."""
    index_path = site / "search" / "search_index.json"
    merged = json.loads(index_path.read_text(encoding="utf-8"))
    prefixes = tuple(f"{loc}/" for loc in others)
    _write_index(index_path, dict(merged["config"], pipeline=PIPELINES.get(default, merged["config"]["pipeline"])),
                 [d for d in merged["docs"] if not d["location"].startswith(prefixes)])
    for loc in others:
        docs = [{**d, "location": d["location"][len(loc) + 1:]}
                for d in merged["docs"] if d["location"].startswith(f"{loc}/")]
        cfg = dict(merged["config"], pipeline=PIPELINES.get(loc, merged["config"]["pipeline"]))
        _write_index(site / loc / "search" / "search_index.json", cfg, docs)
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (site / name).exists():
                shutil.copyfile(site / name, site / loc / name)


def _write_index(path: Path, cfg: dict, docs: list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": cfg, "docs": docs}, ensure_ascii=False,
                               separators=(",", ":")), encoding="utf-8")


# ---------------------------------------------------------------- Material's page markup
def fix_page(text: str, lang: str, default: str) -> str:
    """Every page and 404 page as Material wrote it, with its fixes:

    - the search dialog gets a name (axe: aria-dialog-name; a screen reader would
      announce an unnamed dialog);
    - `<link rel="alternate" hreflang>` goes: static-i18n points them at the same
      page in the other language, and Material's language selector takes them for
      language roots and fetches `<page>/sitemap.xml`, a 404 on every page (the
      visible language links remain);
    - `__config`: search runs through our worker wrapper (whole-word Chinese
      queries), and a page of another language than the default finds its own
      search index and sitemap (`base` at its language root);
    - the language selector's links carry the language of their text (`lang`).
    - valid HTML (the W3C checker, tests/test_html_valid.py): see valid_toggles
      and toc_title_label.
    """
    tags = StartTags(text)
    edits = []

    dialogs = tags.find("div", **{"class": "md-search", "data-md-component": "search", "role": "dialog"})
    if len(dialogs) != 1:
        raise MaterialChanged(f"expected Material's one search dialog, found {len(dialogs)}")
    dialog = dialogs[0]
    name = html.escape(DIALOG_NAMES[lang], quote=True)
    edits.append((dialog.end - 1, dialog.end, f' aria-label="{name}">'))

    # The language selector's links ("中文", "English") are in the language they
    # name: a screen reader reads "中文" on an English page with a Chinese voice.
    for link in tags.find("a", **{"class": "md-select__link"}):
        hreflang = link.attrs.get("hreflang")
        if hreflang and "lang" not in link.attrs:
            edits.append((link.end - 1, link.end, f' lang="{html.escape(LANG_TAGS.get(hreflang, hreflang), quote=True)}">'))

    for link in tags.find("link", rel="alternate"):
        if "hreflang" in link.attrs:
            start = link.start
            while start and text[start - 1].isspace():   # with the line it stood on
                start -= 1
            edits.append((start, link.end, ""))

    config = tags.find("script", id="__config")
    if len(config) != 1 or config[0].body_end < 0:
        raise MaterialChanged("expected Material's one <script id=\"__config\">")
    script = config[0]
    data = json.loads(text[script.end:script.body_end])
    folder, _, worker = data["search"].rpartition("/")
    if not SEARCH_WORKER.fullmatch(worker):
        raise MaterialChanged(f"unexpected search worker in __config: {data['search']!r}")
    data["search"] = f"{folder}/{SEARCH_WRAPPER}?material={worker}"
    if lang != default:
        data["base"] = posixpath.join(data["base"], lang) + "/"
    # As Material writes it: Jinja's tojson (sorted keys, <>&' escaped).
    edits.append((script.end, script.body_end, str(htmlsafe_json_dumps(data, sort_keys=True))))
    edits += valid_toggles(text, tags) + toc_title_label(text, tags)
    return splice(text, edits)


def valid_toggles(text: str, tags: StartTags) -> list[tuple[int, int, str]]:
    """Material's drawer and search toggles are checkboxes with autocomplete="off",
    which HTML allows only on text-like inputs. It is there so that a browser going
    back to the page does not restore an open drawer or search (Chromium and Firefox
    do, for a plain checkbox). An empty form with autocomplete="off" that owns the
    toggles (their `form` attribute) says the same validly, and leaves them where
    Material's CSS (`.md-toggle:checked ~ ...`) needs them."""
    toggles = [t for t in tags.find("input", type="checkbox", autocomplete="off")
               if "data-md-toggle" in t.attrs]
    if not toggles:
        return []
    edits = [(toggles[0].start, toggles[0].start,
              f'<form id="{TOGGLES_FORM}" autocomplete="off" hidden></form>\n    ')]
    for toggle in toggles:
        tag = text[toggle.start:toggle.end]
        if tag.count(' autocomplete="off"') != 1 or "form" in toggle.attrs:
            raise MaterialChanged(f"unexpected markup of Material's toggle: {tag}")
        edits.append((toggle.start, toggle.end,
                      tag.replace(' autocomplete="off"', f' form="{TOGGLES_FORM}"')))
    return edits


def toc_title_label(text: str, tags: StartTags) -> list[tuple[int, int, str]]:
    """The table of contents' title is `<label for="__toc">`, the label of the
    checkbox that folds it in the mobile nav; on a page outside the nav (the
    developer pages, /data/, /print/...) Material writes no such checkbox, and a
    label must not name a control that is not there. It stays a label, without `for`
    (clicking it did nothing there)."""
    if any(t.attrs.get("id") == "__toc" for t in tags.tags):
        return []
    labels = tags.find("label", **{"class": "md-nav__title", "for": "__toc"})
    return [(label.start, label.end, text[label.start:label.end].replace(' for="__toc"', ""))
            for label in labels]


# ---------------------------------------------------------------- the regions of a page
# (handbook/editions.py: the text in force on the reader's day)
def content_region(text: str) -> tuple[int, int] | None:
    """Where a page's own content is: Material's `<article class="md-content__inner">`
    element, from its "<" to just after its "</article>"; None on a page that is
    not Material's (the short links' redirect stubs)."""
    tags = StartTags(text)
    found = [t for t in tags.find("article") if "md-content__inner" in (t.attrs.get("class") or "").split()]
    if not found:
        return None
    if len(found) > 1:
        raise MaterialChanged(f"expected one <article class=\"md-content__inner\">, found {len(found)}")
    start = found[0].start
    ends = [e for e in tags.end_tags.get("article", []) if e > start]
    if not ends:
        raise MaterialChanged("Material's <article> is not closed")
    return start, ends[0] + len("</article>")


def after_config_script(text: str) -> int:
    """The offset just after Material's `<script id="__config">…</script>`, which is
    read by Material's bundle script right after it: a script placed here runs once
    the page's content is parsed and before Material (or any module script) starts.
    (The page script of handbook/editions.py also rewrites `search` in it.)"""
    config = StartTags(text).find("script", id="__config")
    if len(config) != 1 or config[0].body_end < 0:
        raise MaterialChanged("expected Material's one <script id=\"__config\">")
    return config[0].body_end + len("</script>")


def page_root(rel: str, site_path: str) -> str:
    """The site root as the page at `rel` (a path under site/) links it: relative
    ("../" per folder), except on the 404 pages, which are served at any address
    and so link everything from the site's path ("/" or "/handbook/")."""
    if rel.rsplit("/", 1)[-1] == "404.html":
        return site_path
    return "../" * rel.count("/") or "./"


def search_index_path(rel: str, site: Path) -> str | None:
    """The search index the page at `rel` searches, from the site root: the nearest
    `search/search_index.json` above it (split_search_index writes one at each
    language's root); None when there is none."""
    folder = posixpath.dirname(rel)
    while True:
        candidate = posixpath.join(folder, "search/search_index.json")
        if (site / candidate).is_file():
            return candidate
        if not folder:
            return None
        folder = posixpath.dirname(folder)
