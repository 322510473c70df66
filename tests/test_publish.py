"""Publishing in one step: the site's address is written once in source/site.toml,
`make publish` refuses without it (in Chinese first) and ends by saying what to copy
where (scripts/publish.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook import edition

ROOT = Path(__file__).resolve().parents[1]


def run(step: str, site_toml: str | None, tmp_path, env_url: str | None = None):
    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_SITE_URL"}
    if env_url:
        env["HANDBOOK_SITE_URL"] = env_url
    code = ("import sys; sys.path.insert(0, 'scripts'); import publish; from handbook import edition; "
            f"from pathlib import Path; edition.SITE_FILE = Path({str(tmp_path / 'site.toml')!r}); "
            f"sys.exit(publish.{step}())")
    if site_toml is not None:
        (tmp_path / "site.toml").write_text(site_toml, encoding="utf-8")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)


def test_publish_refuses_without_the_address_and_says_where_to_write_it(tmp_path):
    result = run("check", 'address = ""\n', tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("无法发布") and "source/site.toml" in result.stderr
    assert 'address = "http://' in result.stderr


def test_a_malformed_address_is_named(tmp_path):
    result = run("check", 'address = "intranet handbook"\n', tmp_path)
    assert result.returncode == 2 and "不是网址" in result.stderr


def test_the_address_written_once_is_the_sites(tmp_path, monkeypatch):
    (tmp_path / "site.toml").write_text('address = "http://10.20.30.40/handbook"\n', encoding="utf-8")
    monkeypatch.setattr(edition, "SITE_FILE", tmp_path / "site.toml")
    monkeypatch.delenv("HANDBOOK_SITE_URL", raising=False)
    assert edition.site_url() == "http://10.20.30.40/handbook/"
    assert not edition.site_url_is_default()
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://other.example/")
    assert edition.site_url() == "https://other.example/"
    assert run("check", 'address = "http://10.20.30.40/handbook/"\n', tmp_path).returncode == 0


def test_the_repository_keeps_the_address_file():
    assert (ROOT / "source" / "site.toml").exists()
    edition.configured_site_url()          # it reads


def test_finish_says_what_to_copy_where(tmp_path):
    if not (ROOT / "site" / "index.html").exists():
        pytest.fail("site/ is not built")
    result = run("finish", 'address = "http://10.20.30.40/handbook/"\n', tmp_path)
    assert result.returncode == 0, result.stderr
    assert "把 site/ 文件夹里的全部内容复制到内网服务器的网站目录" in result.stdout
    archive = next((ROOT / "dist").glob("yongding-handbook-*.zip"))
    assert archive.stat().st_size > 1_000_000
