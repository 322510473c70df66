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

from handbook import clerk_report, edition, material, pages, versions  # noqa: E402

def on_startup(command, dirty):
    clerk_report.quiet_logs()


def on_config(config):
    clerk_report.quiet_logs()
    try:
        edition.as_of()   # a mistyped HANDBOOK_AS_OF stops the build here, said plainly
        edition.site_url()
    except edition.EditionError as exc:
        raise PluginError(str(exc)) from None
    try:
        pending = versions.validate()
    except versions.AmendmentError as exc:
        # The clerk's message alone (no "ERROR -", no "Aborted with a BuildError!").
        print(clerk_report.error_text(exc), file=sys.stderr)
        raise SystemExit(1) from None
    # Warnings and notices are in the summary the build ends with (make build);
    # only HANDBOOK_STRICT_TRANSLATION turns pending translations into an error.
    if pending and versions.strict_translation():
        raise PluginError("\n".join([
            f"译文待补的条文有{len(pending)}条，而 HANDBOOK_STRICT_TRANSLATION 要求译文齐全："
            f"{len(pending)} amended clause(s) have no English translation "
            "(HANDBOOK_STRICT_TRANSLATION is set):", *pending]))
    return config


@event_priority(100)  # before any other hook: the clause table's line numbers are the source's
def on_page_markdown(markdown, page, config, files):
    chapter = pages.chapter_of(material.norm_src(page))
    if chapter is None:
        return markdown
    lang = material.language(config)
    return versions.chapter_markdown(lang, chapter, link_base=material.site_path(config)
                                     + material.prefix(config, lang))
