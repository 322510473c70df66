"""MkDocs adapter: the passes over site/ once every language is built, in order.

static-i18n builds the default language, then, from its own on_post_build
(priority -100), each other language; this hook's on_post_build runs after that
(-120), once (it does nothing inside the nested builds). A new post-build step goes
into this list, before the CSP, which must see every HTML file.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import clauses, csp, material, pages, site_outputs  # noqa: E402


@event_priority(-120)  # after static-i18n (-100) built every language
def on_post_build(config):
    if material.is_nested_build(config):
        return
    site = Path(config.site_dir)        # static-i18n never moves it: the site root
    langs = material.languages(config)
    material.split_search_index(site, langs[0], langs[1:])       # one index per language
    pages.write_short_links(site)                                # c/12-8/, en/c/12/, …
    site_outputs.write_clauses_json(site, material.site_path(config))
    site_outputs.write_qr(site, clauses.table()[0])              # qr/c12-8.svg, qr/en/…
    try:
        csp.write(site)                                          # last: hashes every page
    except csp.CSPError as exc:
        raise PluginError(str(exc)) from None
