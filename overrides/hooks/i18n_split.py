"""One search index and one sitemap per language.

mkdocs-static-i18n writes a single search index holding both languages, and a
single sitemap, at the site root; Material's English pages look for both
through `__config.base`, which points at the root. A Chinese query typed on an
English page then lists Chinese clauses, and `/en/sitemap.xml` answered 404.
After all languages are built, this hook splits the index per language
(`search/search_index.json`, `en/search/search_index.json`), copies the sitemap
into each language root, and points `__config.base` of every non-default page
at its language root.
"""
from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
# Per-language lunr pipeline: the English index is not stemmed, because Material
# adds a trailing wildcard to every query term and lunr does not stem those.
PIPELINES = {"en": ["stopWordFilter"]}


def _i18n(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("i18n_split: mkdocs-static-i18n is not enabled")
    return plugin


def _other_locales(plugin):
    return [lang.locale for lang in plugin.config.languages if lang.build and not lang.default]


def on_post_page(output, page, config):
    # static-i18n points `<link rel="alternate" hreflang>` at the same page in the
    # other language; Material's language selector takes those links for language
    # roots and fetches `<page>/sitemap.xml` from them: a 404 on every page. The
    # visible language links (with the reader's clause, see handbook.js) remain.
    output = ALTERNATE_LINK.sub("", output)
    plugin = _i18n(config)
    locale = plugin.current_language
    if locale == plugin.default_language:
        return output

    def rebase(m):
        data = json.loads(m.group(2))
        data["base"] = posixpath.join(data["base"], locale) + "/"
        return m.group(1) + json.dumps(data, ensure_ascii=False) + m.group(3)

    return CONFIG_SCRIPT.sub(rebase, output, count=1)


def on_post_template(output, template_name, config):
    # The 404 page is a template, not a page: it needs the same removal.
    if template_name == "404.html":
        return ALTERNATE_LINK.sub("", output)
    return output


@event_priority(-120)  # after static-i18n built every language and merged the index
def on_post_build(config):
    plugin = _i18n(config)
    if getattr(plugin, "building", False):
        return
    root = Path(config.site_dir)
    while not (root / "search" / "search_index.json").exists() and root.parent != root:
        root = root.parent
    index_path = root / "search" / "search_index.json"
    if not index_path.exists():
        return
    merged = json.loads(index_path.read_text(encoding="utf-8"))
    if not any("\u200b" in doc["text"] for doc in merged["docs"]):
        raise PluginError("search index is not segmented: is jieba installed?")
    others = _other_locales(plugin)
    prefixes = tuple(f"{loc}/" for loc in others)

    default_docs = [d for d in merged["docs"] if not d["location"].startswith(prefixes)]
    _write(index_path, merged["config"], default_docs)
    for loc in others:
        docs = [
            {**d, "location": d["location"][len(loc) + 1:]}
            for d in merged["docs"] if d["location"].startswith(f"{loc}/")
        ]
        cfg = dict(merged["config"], pipeline=PIPELINES.get(loc, merged["config"]["pipeline"]))
        _write(root / loc / "search" / "search_index.json", cfg, docs)
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            if (root / name).exists():
                shutil.copyfile(root / name, root / loc / name)


def _write(path: Path, cfg: dict, docs: list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"config": cfg, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
