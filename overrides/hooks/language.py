"""English pages mark their Chinese (handbook/typography.py): a thin adapter that
adds the treeprocessor to the English build only."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook.typography import ChineseInEnglish  # noqa: E402


@event_priority(-110)  # after static-i18n set this build's language
def on_config(config):
    extensions = [e for e in config.markdown_extensions if not isinstance(e, ChineseInEnglish)]
    if (config.theme.get("language") or "zh") == "en":
        extensions.append(ChineseInEnglish())
    config.markdown_extensions = extensions
    return config
