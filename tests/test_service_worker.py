"""The service worker's precache list (site/sw.js, scripts/build_service_worker.py)."""
from __future__ import annotations

import re

from build_service_worker import TEMPLATE, render, version


def _precache(site_dir) -> list[str]:
    sw = (site_dir / "sw.js").read_text(encoding="utf-8")
    listing = re.search(r"const PRECACHE = \[(.*?)\];", sw, re.S).group(1)
    return re.findall(r'^\s*"(.*)",$', listing, re.M)


def test_sw_is_the_template_with_the_version_of_what_it_lists(site_dir):
    """sw.js at the root is the current template, and its VERSION is the hash of the files
    it lists as they are now: a file changed after it was written (a build step out of
    order) would reach no returning reader, whose cache only renews when VERSION changes."""
    sw = (site_dir / "sw.js").read_text(encoding="utf-8")
    assert sw.endswith(TEMPLATE.read_text(encoding="utf-8")), "sw.js is not built from scripts/sw-template.js"
    entries = [(url, site_dir / (url + "index.html" if url.endswith("/") else url)) for url in _precache(site_dir)]
    assert re.search(r'^const VERSION = "([0-9a-f]{16})";$', sw, re.M).group(1) == version(entries)


def test_every_page_and_the_engine_are_precached(site_dir):
    urls = set(_precache(site_dir))
    pages = {p.relative_to(site_dir).parent.as_posix() + "/" for p in site_dir.rglob("index.html")}
    pages = {"./" if p == "./" else p for p in pages}
    # Past and future versions and clause histories are read online only.
    online = {p for p in pages if p.startswith(("v/", "en/v/", "history/", "en/history/"))}
    assert online and "v/original/ch12/" in online
    assert pages - online <= urls, sorted(pages - online - urls)[:10]
    assert not online & urls, sorted(online & urls)[:10]
    for must in ("en/", "c/12-8/", "en/ch03/", "calculators/quorum/", "clauses.json",
                 "search/search_index.json", "en/search/search_index.json",
                 "assets/pyodide/pyodide.asm.wasm", "assets/pyodide/pyodide-lock.json",
                 "assets/javascripts/calculators/worker.js"):
        assert must in urls, must
    assert any(u.startswith("assets/pyodide/yongding_calculators-") for u in urls)
    # Every listed file exists; no source maps, sitemaps or server configuration.
    for url in urls:
        path = site_dir / (url + "index.html" if url.endswith("/") else url)
        assert path.is_file(), url
        assert not url.endswith((".map", "sitemap.xml", "csp.txt", "nginx-csp.conf", "sw.js")), url


def test_pages_register_it_from_an_external_script(site_dir):
    for page in ("index.html", "en/ch03/index.html", "calculators/quorum/index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        assert re.search(r'<script src="[./]*assets/javascripts/sw-register\.js"', html), page


def test_the_version_follows_the_content(tmp_path, site_dir):
    site = tmp_path / "site"
    for rel in ("index.html", "en/index.html", "404.html", "en/404.html", "clauses.json",
                "search/search_index.json", "en/search/search_index.json",
                "assets/javascripts/sw-register.js"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes((site_dir / rel).read_bytes())
    engine = site / "assets" / "pyodide"
    engine.mkdir(parents=True)
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json", "yongding_calculators-1.0.0-py3-none-any.whl"):
        (engine / name).write_bytes(b"x")
    first, _ = render(site)
    assert render(site)[0] == first  # reproducible
    (site / "clauses.json").write_text("[]", encoding="utf-8")
    second, _ = render(site)
    version = re.compile(r'const VERSION = "(\w+)"')
    assert version.search(first).group(1) != version.search(second).group(1)


def test_the_snapshot_is_precached_and_the_size_is_offered(site_dir):
    urls = set(_precache(site_dir))
    assert "assets/pyodide/snapshot.json" in urls
    assert any(re.fullmatch(r"assets/pyodide/calculators-[0-9a-f]{16}\.snapshot", u) for u in urls)
    # sw-register.js shows "save for offline use (about N MB)": the build fills in N.
    register = (site_dir / "assets/javascripts/sw-register.js").read_text(encoding="utf-8")
    size = int(re.search(r"var PRECACHE_BYTES = (\d+);", register).group(1))
    total = sum((site_dir / (u + "index.html" if u.endswith("/") else u)).stat().st_size for u in urls)
    assert 0.95 * total < size <= total


def test_registration_waits_for_the_readers_choice(root):
    """No silent precache: sw-register.js registers on the reader's click, or when
    already registered; never because a calculator answered (the browser test checks it)."""
    js = (root / "docs/assets/javascripts/sw-register.js").read_text(encoding="utf-8")
    assert "calculators:used" not in js and "getRegistration" in js
    assert "离线保存（约 {size} MB）" in js and "Save for offline use (about {size} MB)" in js
