"""MkDocs adapter for the handbook in time (handbook/versions.py):

- on_config: every amendment is checked before anything is built; a malformed
  one fails the build naming its file and field. Pending English translations
  are listed once (HANDBOOK_STRICT_TRANSLATION=1 makes them an error);
- on_page_markdown (first of all hooks, while the Markdown is still the source
  the clause table was read from): a chapter page shows the text in force on the
  edition date, each changed clause marked, with any change to come.

The point-in-time and history pages are generated with the others
(handbook/pages.py), the changes page's list is a shortcode (handbook/shortcodes.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import edition, material, pages, versions  # noqa: E402

_warned: set = set()


def on_config(config):
    try:
        edition.as_of()   # a mistyped HANDBOOK_AS_OF stops the build here, said plainly
    except edition.EditionError as exc:
        raise PluginError(str(exc)) from None
    try:
        pending = versions.validate()
    except versions.AmendmentError as exc:
        raise PluginError(f"amendment {exc.file}: {exc.field}: {exc.message}") from None
    for notice in versions.notices():
        if notice not in _warned:
            _warned.add(notice)
            print(f"NOTE: {notice}", file=sys.stderr)
    if pending and tuple(pending) not in _warned:   # once, not once per language
        _warned.add(tuple(pending))
        strict = versions.strict_translation()
        message = "\n  ".join([
            f"{'ERROR' if strict else 'WARNING'}: {len(pending)} amended clause(s) have no "
            "English translation yet; the English pages show the Chinese text with a notice:",
            *pending])
        if strict:
            raise PluginError(message + "\n(HANDBOOK_STRICT_TRANSLATION is set)")
        # Not a MkDocs warning: --strict would fail the build, and an untranslated
        # amendment must publish at once.
        print(message, file=sys.stderr)
    return config


@event_priority(100)  # before any other hook: the clause table's line numbers are the source's
def on_page_markdown(markdown, page, config, files):
    chapter = pages.chapter_of(material.norm_src(page))
    if chapter is None:
        return markdown
    lang = material.language(config)
    return versions.chapter_markdown(lang, chapter, link_base=material.site_path(config)
                                     + material.prefix(config, lang))
