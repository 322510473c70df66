"""Building the pages of a day with an amendments folder, for tests (imported by
name: several conftest.py files exist, so `from conftest import` is ambiguous)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def build_pages(out: Path, as_of: str, amendments: Path | None) -> Path:
    """The MkDocs pages only (no engine, no documents) built as of a day with an
    amendments folder: enough for what the pages and their scripts show."""
    env = {**os.environ, "HANDBOOK_AS_OF": as_of, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HANDBOOK_AMENDMENTS", None)
    if amendments is not None:
        env["HANDBOOK_AMENDMENTS"] = str(amendments)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        pytest.fail(f"building the pages as of {as_of} failed:\n{result.stderr[-3000:]}")
    return out


