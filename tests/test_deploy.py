"""deploy/nginx.conf and the Content-Security-Policy the build generates."""
from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from handbook import csp

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import local_nginx  # noqa: E402  (scripts/local_nginx.py)


def test_nginx_conf_serves_wasm_and_includes_generated_csp(root):
    conf = (root / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert re.search(r"application/wasm\s+wasm;", conf)
    assert re.search(r"text/javascript\s+[^;]*\bmjs\b", conf)
    assert "include /srv/handbook/site/nginx-csp.conf;" in conf
    assert "gzip_static on;" in conf
    assert "error_page 404 /en/404.html;" in conf
    assert "immutable" in conf


def _directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.strip().split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def test_generated_policy_is_strict(site_dir):
    policy = (site_dir / "csp.txt").read_text(encoding="utf-8").strip()
    assert "\n" not in policy
    assert "'unsafe-eval'" not in policy
    d = _directives(policy)
    script = d["script-src"]
    assert "'unsafe-inline'" not in script
    assert script[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", s) for s in script[2:])
    assert len(script) > 2  # Material's inline scripts are hashed
    assert d["object-src"] == ["'none'"]
    assert d["frame-ancestors"] == ["'none'"]
    assert d["default-src"] == ["'self'"]
    nginx = (site_dir / "nginx-csp.conf").read_text(encoding="utf-8")
    header = re.search(r'add_header Content-Security-Policy "([^"]*)" always;', nginx).group(1)
    parts = dict(re.findall(r'set \$(\w+) "([^"]*)";', nginx))
    assert all(len(v) < 4096 for v in parts.values())  # nginx's limit for one parameter
    assert re.sub(r"\$(\w+)", lambda m: parts[m.group(1)], header) == policy


def test_inline_event_handlers_fail_the_build(tmp_path):
    (tmp_path / "index.html").write_text(
        '<script>var a=1</script><script type="application/json">{}</script>'
        '<p style="color:red">x</p>', encoding="utf-8")
    hashes, handlers, styles = csp.scan(tmp_path)
    assert len(hashes) == 1 and not handlers and styles == 1
    csp.write(tmp_path)
    assert (tmp_path / "csp.txt").exists()
    (tmp_path / "bad.html").write_text('<button onclick="go()">x</button>', encoding="utf-8")
    with pytest.raises(csp.CSPError, match="onclick"):
        csp.write(tmp_path)


def test_nginx_accepts_the_config(root, site_dir, tmp_path):
    # `make test` installs Debian's nginx-light and its Brotli module (system-deps).
    assert shutil.which("nginx"), "nginx is missing: run `make system-deps`"
    conf = local_nginx.write_conf(tmp_path, [local_nginx.server_block(site_dir, 8089)])
    proc = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(conf)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def _get(url: str, encoding: str):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_nginx_sends_the_precompressed_copies(site_dir):
    """The engine goes out as the .br copy to a browser that accepts Brotli, the .gz
    copy to one that accepts gzip, and as it is otherwise; each decodes to the file."""
    import brotli
    manifest = json.loads((site_dir / "assets/pyodide/snapshot.json").read_text(encoding="utf-8"))
    with local_nginx.run(site_dir) as (url,):
        for name in ("pyodide.asm.wasm", manifest["file"], "pyodide.asm.mjs"):
            path = site_dir / "assets/pyodide" / name
            data = path.read_bytes()
            headers, body = _get(f"{url}/assets/pyodide/{name}", "gzip, deflate, br, zstd")
            assert headers["Content-Encoding"] == "br", name
            assert body == path.with_name(name + ".br").read_bytes()
            assert brotli.decompress(body) == data
            assert "Accept-Encoding" in headers.get("Vary", "")
            headers, body = _get(f"{url}/assets/pyodide/{name}", "gzip, deflate")
            assert headers["Content-Encoding"] == "gzip", name
            assert gzip.decompress(body) == data
            headers, body = _get(f"{url}/assets/pyodide/{name}", "")
            assert "Content-Encoding" not in headers and body == data
        # the snapshot's name holds its hash: cached for good, whichever copy is sent
        headers, _ = _get(f"{url}/assets/pyodide/{manifest['file']}", "br")
        assert "immutable" in ", ".join(headers.get_all("Cache-Control"))
        assert headers["Content-Type"] == "application/octet-stream"
        headers, _ = _get(f"{url}/assets/pyodide/pyodide.asm.wasm", "br")
        assert headers["Content-Type"] == "application/wasm"
        assert headers.get_all("Cache-Control") == ["no-cache"]


def test_every_engine_file_has_its_copies(site_dir):
    """What the page fetches for its first answer is pre-compressed, and the copies
    are of the current bytes."""
    import brotli
    folder = site_dir / "assets/pyodide"
    manifest = json.loads((folder / "snapshot.json").read_text(encoding="utf-8"))
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs", "pyodide-lock.json",
                 "snapshot.json", manifest["file"]):
        data = (folder / name).read_bytes()
        assert brotli.decompress((folder / (name + ".br")).read_bytes()) == data, name
        assert gzip.decompress((folder / (name + ".gz")).read_bytes()) == data, name


def test_every_precompressed_copy_is_of_the_files_last_bytes(site_dir):
    """A step that changes a file after its .br/.gz copies were written (the service
    worker's size filled into sw-register.js did) makes nginx send the old bytes: every
    copy in the site must decode to its file as the build left it."""
    import brotli
    copies = sorted(site_dir.rglob("*.gz")) + sorted(site_dir.rglob("*.br"))
    assert len(copies) > 20
    stale = []
    for copy in copies:
        original = copy.with_suffix("")
        decode = gzip.decompress if copy.suffix == ".gz" else brotli.decompress
        if not original.is_file() or decode(copy.read_bytes()) != original.read_bytes():
            stale.append(str(copy.relative_to(site_dir)))
    assert stale == []


def test_engine_cache_headers(root):
    """The hash-named snapshot is immutable; Pyodide's unversioned files revalidate, so
    that an upgrade never mixes an old cached .wasm with a new pyodide.mjs."""
    conf = (root / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    block = conf[conf.index("location ^~ /assets/pyodide/"):]
    block = block[:block.index("\n    }\n")]
    snapshot = re.search(r'location ~ "/calculators-[^"]*snapshot\$" \{(.*?)\}', block, re.S)
    assert snapshot and "immutable" in snapshot.group(1)
    rest = block.replace(snapshot.group(0), "")
    assert 'Cache-Control "no-cache"' in rest and "immutable" not in rest


# ---------------------------------------------------------------- the daily rebuild (deploy/)
FAKE_BUILD = """set -e
if [ -f fail ]; then echo "build failed" >&2; exit 2; fi
rm -rf site && mkdir -p site/en
for f in index.html en/index.html sw.js csp.txt nginx-csp.conf clauses.json; do
  echo "$HANDBOOK_EDITION_DAY $SOURCE_DATE_EPOCH $(cat version)" > "site/$f"
done
if [ -f incomplete ]; then rm site/sw.js; fi
"""


def _rebuild(root, tmp_path, zone="Asia/Shanghai"):
    import os
    env = {**os.environ, "HANDBOOK_SRC": str(tmp_path / "src"), "HANDBOOK_ROOT": str(tmp_path / "srv"),
           "HANDBOOK_KEEP": "2", "HANDBOOK_TZ": zone,
           "HANDBOOK_BUILD": f"sh {tmp_path / 'build.sh'}"}
    return subprocess.run([str(root / "deploy" / "rebuild.sh")], env=env, capture_output=True, text=True,
                          timeout=60)


def test_the_daily_rebuild_switches_to_a_good_build_and_keeps_the_last_one_otherwise(root, tmp_path):
    import datetime as dt
    from zoneinfo import ZoneInfo
    (tmp_path / "src").mkdir()
    (tmp_path / "build.sh").write_text(FAKE_BUILD, encoding="utf-8")
    (tmp_path / "src" / "version").write_text("one", encoding="utf-8")
    srv = tmp_path / "srv"
    # A site copied there by hand before the timer was set up.
    (srv / "site").mkdir(parents=True)
    (srv / "site" / "index.html").write_text("by hand", encoding="utf-8")

    done = _rebuild(root, tmp_path)
    assert done.returncode == 0, done.stderr
    served = srv / "site"
    assert served.is_symlink()
    day = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()
    epoch = int(dt.datetime.combine(day, dt.time(), dt.timezone.utc).timestamp())
    assert (served / "index.html").read_text().split() == [day.isoformat(), str(epoch), "one"]
    first = served.resolve()

    # A failed build, and a build that leaves no complete site: nothing served changes.
    for marker in ("fail", "incomplete"):
        (tmp_path / "src" / "version").write_text("two", encoding="utf-8")
        (tmp_path / "src" / marker).write_text("", encoding="utf-8")
        done = _rebuild(root, tmp_path)
        assert done.returncode != 0 and "unchanged" in done.stderr, marker
        assert served.resolve() == first and (served / "index.html").read_text().endswith("one\n")
        (tmp_path / "src" / marker).unlink()

    # Good builds switch, and only the newest releases stay (the one served among them).
    import time
    for version in ("three", "four", "five"):
        (tmp_path / "src" / "version").write_text(version, encoding="utf-8")
        time.sleep(1.1)    # one release folder per second
        assert _rebuild(root, tmp_path).returncode == 0
        assert (served / "index.html").read_text().endswith(f"{version}\n")
    releases = sorted(p.name for p in (srv / "releases").iterdir())
    assert len(releases) == 2 and served.resolve().name == releases[-1], releases
    assert not (srv / ".site.new").exists()


def test_the_timer_runs_the_rebuild_daily_after_midnight_office_time(root, tmp_path):
    timer = (root / "deploy" / "handbook-rebuild.timer").read_text(encoding="utf-8")
    service = (root / "deploy" / "handbook-rebuild.service").read_text(encoding="utf-8")
    assert "OnCalendar=*-*-* 00:10:00 Asia/Shanghai" in timer and "Persistent=true" in timer
    assert "ExecStart=/srv/handbook/src/deploy/rebuild.sh" in service
    assert "ExecStartPost=+/usr/bin/systemctl reload nginx" in service
    tool = shutil.which("systemd-analyze")
    assert tool, "systemd-analyze is missing (Debian's systemd package)"
    # The units as systemd reads them (the script at this checkout's path).
    (tmp_path / "handbook-rebuild.timer").write_text(timer, encoding="utf-8")
    (tmp_path / "handbook-rebuild.service").write_text(
        service.replace("/srv/handbook/src/deploy/rebuild.sh", str(root / "deploy" / "rebuild.sh")),
        encoding="utf-8")
    done = subprocess.run([tool, "verify", str(tmp_path / "handbook-rebuild.timer"),
                           str(tmp_path / "handbook-rebuild.service")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    when = subprocess.run([tool, "calendar", "*-*-* 00:10:00 Asia/Shanghai"], capture_output=True, text=True)
    assert when.returncode == 0 and "Next elapse" in when.stdout
