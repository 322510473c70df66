"""Accessibility fixes to Material's markup that CSS cannot make.

Material's search overlay is `role="dialog"` without a name, which screen
readers announce as an unnamed dialog (axe: aria-dialog-name, serious).
"""
from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMES = {"zh": "搜索本手册", "en": "Search the handbook"}


def on_post_page(output, page, config):
    name = NAMES.get(config.theme.get("language"), NAMES["en"])
    return output.replace(
        SEARCH_DIALOG,
        f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{name}">', 1)


def on_post_template(output, template_name, config):
    # The 404 page is rendered from a template, not a page: same fix.
    if template_name == "404.html":
        return on_post_page(output, None, config)
    return output
