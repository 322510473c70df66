"""The handbook in time (handbook/versions.py, handbook/version_pages.py), placed
in the MkDocs build:

- on_config: every amendment is checked before anything is built; a malformed
  one fails the build naming its file and field. Pending English translations
  are listed (HANDBOOK_STRICT_TRANSLATION=1 makes them an error);
- on_files: the point-in-time pages /v/<key>/ and /v/<key>/chNN/ and the history
  pages /history/chNN/, per language, kept out of the search index;
- on_page_markdown (first of all hooks, while the Markdown is still the source):
  a chapter page shows the text in force on the edition date; the changes page's
  `<!-- amendment-list -->` shortcode lists the amendments.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import version_pages as pages  # noqa: E402
from handbook import versions  # noqa: E402

CHAPTER = re.compile(r"ch(\d\d)\.md")
SHORTCODE = re.compile(r"<!--\s*amendment-[^>]*-->")


def _i18n(config):
    return config.plugins.get("i18n")


def _lang(config) -> str:
    plugin = _i18n(config)
    return plugin.current_language if plugin else (config.theme.get("language") or "zh")


def _prefix(config, lang: str) -> str:
    plugin = _i18n(config)
    return "" if not plugin or lang == plugin.default_language else f"{lang}/"


def _link_base(config, lang: str) -> str:
    path = urlsplit(config.site_url or "/").path or "/"
    path = path if path.endswith("/") else path + "/"
    return path + _prefix(config, lang)


def _history():
    try:
        return versions.history()
    except versions.AmendmentError as exc:
        raise PluginError(f"amendment {exc.file}: {exc.field}: {exc.message}") from None


_warned: set = set()


def on_config(config):
    _history()
    pending = versions.validate()
    if pending and tuple(pending) not in _warned:   # once, not once per language
        _warned.add(tuple(pending))
        head = (f"{'ERROR' if versions.strict_translation() else 'WARNING'}: "
                f"{len(pending)} amended clause(s) have no English translation yet; the English "
                "pages show the Chinese text with a notice:")
        message = "\n  ".join([head, *pending])
        if versions.strict_translation():
            raise PluginError(message + "\n(HANDBOOK_STRICT_TRANSLATION is set)")
        # Not a MkDocs warning: --strict would fail the build, and an untranslated
        # amendment must publish at once.
        print(message, file=sys.stderr)
    return config


def _mark(file: File, lang: str, norm: str, config) -> File:
    """What static-i18n's language switch reads on a generated file."""
    plugin = _i18n(config)
    file.locale = file.localization = file.locale_alternate_of = lang
    file.norm_src_uri = norm
    if plugin:
        file.alternates = {
            loc: File.generated(config, _prefix(config, loc) + norm, content="")
            for loc in [lg.locale for lg in plugin.config.languages if lg.build]}
    return file


@event_priority(-110)  # after static-i18n chose this language's files
def on_files(files, config):
    h = _history()
    lang = _lang(config)
    prefix = _prefix(config, lang)
    base = _link_base(config, lang)
    rows, _ = versions.table()
    chapters = sorted({r.chapter for r in rows})
    generated = {"v/index.md": pages.versions_index(h, lang)}
    for key in pages.snapshot_keys(h):
        folder = f"v/{key.isoformat() if key else versions.ORIGINAL}"
        generated[f"{folder}/index.md"] = pages.snapshot_index(h, key, lang, rows)
        for n in chapters:
            generated[f"{folder}/ch{n:02d}.md"] = pages.snapshot_chapter(h, key, lang, n, base)
    for n in chapters:
        generated[f"history/ch{n:02d}.md"] = pages.history_page(h, lang, n)
    for norm, content in generated.items():
        files.append(_mark(File.generated(config, prefix + norm, content=content), lang, norm, config))
    return files


def is_generated(norm: str) -> bool:
    return norm.startswith(("v/", "history/"))


@event_priority(100)  # before any other hook: the line numbers are the source's
def on_page_markdown(markdown, page, config, files):
    lang = _lang(config)
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    m = CHAPTER.fullmatch(norm)
    if m:
        return versions.chapter_markdown(lang, int(m.group(1)),
                                         link_base=_link_base(config, lang))
    if "<!-- amendment-list -->" in markdown:
        markdown = markdown.replace("<!-- amendment-list -->",
                                    pages.changes_list(_history(), lang))
    unknown = SHORTCODE.search(markdown)
    if unknown:   # a typo must fail the build, not vanish from the page
        raise PluginError(f"{page.file.src_uri}: unknown shortcode {unknown.group(0)}")
    return markdown
