"""MkDocs adapter: the pages' Markdown, before and while it is parsed.

- on_config: the Markdown extensions of this language's build: clause paragraphs
  checked and given their link data (handbook/clause_markup.py); on English pages,
  Chinese marked lang="zh-Hans" (handbook/typography.py);
- on_files: the generated pages (handbook/pages.py: side by side, print) and two
  site-wide assets (the print header's stylesheet, the QR library);
- on_page_markdown: shortcodes expanded (handbook/shortcodes.py), and the line of
  links under a chapter's title (handbook/pages.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import edition, material, pages, shortcodes  # noqa: E402
from handbook.clause_markup import ClauseMarkup  # noqa: E402
from handbook.typography import ChineseInEnglish  # noqa: E402

QR_LIBRARY = ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.mjs"


@event_priority(-110)  # after static-i18n (-100) set this build's language
def on_config(config):
    lang = material.language(config)
    base = material.site_path(config) + material.prefix(config, lang)
    extensions = [e for e in config.markdown_extensions
                  if not isinstance(e, (ClauseMarkup, ChineseInEnglish))]
    extensions.append(ClauseMarkup(base, error=PluginError))
    if lang == "en":
        extensions.append(ChineseInEnglish())
    config.markdown_extensions = extensions
    return config


@event_priority(-110)  # after static-i18n (-100) chose this language's files
def on_files(files, config):
    lang = material.language(config)
    base = material.site_path(config) + material.prefix(config, lang)
    for norm, content in pages.generated_pages(lang, Path(config.docs_dir), base).items():
        files.append(material.generated_file(config, lang, norm, content))
    if lang == material.default_language(config):   # site-wide, once; every language links to it
        files.append(File.generated(config, "assets/stylesheets/edition.css",
                                    content=edition.edition_css()))
        files.append(File.generated(config, "assets/javascripts/vendor/qrcode.mjs",
                                    abs_src_path=str(QR_LIBRARY)))
    return files


def on_page_markdown(markdown, page, config, files):
    lang = material.language(config)
    try:
        markdown = shortcodes.expand(markdown, lang)
    except shortcodes.ShortcodeError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
    chapter = pages.chapter_of(material.norm_src(page))
    if chapter is not None:
        markdown = pages.with_chapter_tools(markdown, lang, chapter)
    return markdown
