"""The repo root on sys.path and the clause texts of docs/zh (imported by the tests by name:
several conftest.py files exist, so `from conftest import` is ambiguous)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from handbook import clauses as clause_table  # noqa: E402  (the one clause extractor)

# Clause id -> its Chinese text, from the clause table the site is built from.
CLAUSES = {r.id: r.zh for r in clause_table.table()[0]}
