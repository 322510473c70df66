"""MkDocs adapter: Material's HTML as it leaves each build (handbook/material.py,
fix_page: the search dialog's name, no rel=alternate links, one __config rewrite,
valid markup for the toggles and the contents' title).

- on_post_page: every page;
- on_template_context: the 404 page's language selector links each language's
  home page (handbook/material.py, language_homes);
- on_post_template: the 404 page, which is a template, not a page. Each language's
  build renders it to site/404.html, so the default language's stays there, and
  another language's goes to site/<lang>/404.html (returning "" tells MkDocs to
  write nothing, so it does not overwrite the default one).
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import material  # noqa: E402


def _fix(output: str, config) -> str:
    try:
        return material.fix_page(output, material.language(config), material.default_language(config))
    except material.MaterialChanged as exc:
        raise PluginError(f"{exc} (see handbook/material.py)") from None


def on_post_page(output, page, config):
    return _fix(output, config)


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        material.set_language_selector(config, material.language_homes(config))
    return context


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    output = _fix(output, config)
    lang = material.language(config)
    if lang == material.default_language(config):
        return output
    target = Path(config.site_dir) / material.prefix(config, lang) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
