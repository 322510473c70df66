"""The repo root on sys.path and the clause ids of docs/zh (imported by the tests by name:
several conftest.py files exist, so `from conftest import` is ambiguous)."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_ID_LINE = re.compile(r"^\{: #(c[0-9]+(?:-[0-9]+)+) ")


def load_clauses() -> dict:
    """Clause id -> its text (the paragraph just above its `{: #id` line)."""
    clauses = {}
    for path in sorted((ROOT / "docs" / "zh").glob("ch*.md")):
        previous = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            found = _ID_LINE.match(line)
            if found:
                clauses[found.group(1)] = previous
            elif line.strip():
                previous = line.strip()
    return clauses


CLAUSES = load_clauses()

