"""The site's pure JavaScript modules, unit-tested with Node's own runner (tests/js/).

Some of those tests read the built site (clauses.json, the QR library the build copies):
here they run against it, so none may be skipped."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_node_unit_tests_pass(site_dir):
    node = shutil.which("node")
    assert node, "Node.js 20+ is required (README)"
    files = sorted(str(p) for p in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert files, "no JavaScript unit tests found"
    run = subprocess.run([node, "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "HANDBOOK_SITE": str(site_dir)})
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout
    assert "# skipped 0" in run.stdout, "a test that reads the built site was skipped"
