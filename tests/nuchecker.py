"""The W3C Nu HTML checker (vnu.jar, pinned in package-lock.json; Java from Debian's
default-jre-headless) over built pages: one JVM for all of them, errors only.
`check(files)` returns the errors, `report(errors, root)` says them page by page."""
from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check(files: list[Path]) -> list[dict]:
    """Every error the checker finds in `files` (and any file it could not read)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("no `java`: `make setup` installs Debian's default-jre-headless")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: `make setup` runs npm ci (vnu-jar)")
    # --no-langdetect: the language guess only ever warns, and costs time.
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--no-langdetect",
                          "--exit-zero-always", "--stdout", "--format", "json",
                          *map(str, files)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"vnu.jar failed:\n{run.stderr[-3000:]}"
    messages = json.loads(run.stdout)["messages"]
    return [m for m in messages if m.get("type") in ("error", "non-document-error")
            or m.get("subType") == "fatal"]


def report(errors: list[dict], root: Path, limit: int = 40) -> str:
    """'N errors on M pages', each kind of error with its count and first page, then
    each page and its errors (line: message, the markup), up to `limit` lines."""
    by_page: dict[str, list[dict]] = defaultdict(list)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for m in errors:
        path = Path(unquote(urlsplit(m.get("url", "")).path))
        try:
            path = path.relative_to(root)
        except ValueError:
            pass
        by_page[str(path)].append(m)
        by_kind[m.get("message", "")].append(f"{path} line {m.get('lastLine', '?')}")
    lines = [f"{len(errors)} HTML errors on {len(by_page)} pages (W3C Nu checker), by kind:"]
    for message, where in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"  {len(where)} × {message} (first: {where[0]})")
    lines.append("By page:")
    for page in sorted(by_page):
        lines.append(f"{page}:")
        for m in by_page[page]:
            extract = " ".join(m.get("extract", "").split())[:160]
            lines.append(f"  line {m.get('lastLine', '?')}: {m.get('message', '')}"
                         + (f"\n      {extract}" if extract else ""))
    if len(lines) > limit + len(by_kind):
        lines = lines[:limit + len(by_kind)] + ["  ..."]
    return "\n".join(lines)
