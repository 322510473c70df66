"""MkDocs adapter for the in-page calculators (handbook/calculator_forms.py) and
the developer page's reference tables (handbook/calculator_docs.py):

- on_page_markdown: every `<!-- calculator: NAME -->` names a calculator (an
  unknown NAME fails the build); `<!-- calculator-inputs|outputs|rules: NAME -->`
  become the developer page's tables;
- on_post_page: after Material's search read the page (so a form's words are not
  search text), each calculator comment becomes its form, in the page's language.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import calculator_docs, calculator_forms  # noqa: E402



def _lang(config) -> str:
    """The language being built (static-i18n sets the theme's for each)."""
    return "en" if str(config.theme.get("language") or "zh").startswith("en") else "zh"


def on_page_markdown(markdown, page, config, files):
    try:
        for match in calculator_forms.SHORTCODE.finditer(markdown):
            calculator_forms.check(match.group(1))
        return calculator_docs.expand(markdown, _lang(config))
    except (calculator_forms.FormError, calculator_docs.ShortcodeError) as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def on_post_page(output, page, config):
    try:
        return calculator_forms.embed(output, page.url, _lang(config))
    except calculator_forms.FormError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
