"""Run nginx on 127.0.0.1 with deploy/nginx.conf itself, serving a built site: for
`make bench` (scripts/bench_calculators.py) and the deployment tests.

    with local_nginx.run(site, ["", extra_block], http="log_format …;") as (url, url2):
        ...

Each server is deploy/nginx.conf's server block with its root set to `site` and
`listen` set to a free port, plus the given directives (e.g. a location). Debian's
modules (/etc/nginx/modules-enabled: brotli_static) are loaded as Debian's own
nginx.conf does. nginx runs in the foreground and stops with the block.
"""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "deploy" / "nginx.conf"
# Debian's nginx.conf includes these, whose paths are relative to its prefix.
MODULES = Path("/etc/nginx/modules-enabled")
MODULE_DIR = Path("/usr/lib/nginx/modules")


class NginxError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_block(site: Path, port: int, extra: str = "") -> str:
    """deploy/nginx.conf's server, on 127.0.0.1:port, serving `site`, plus `extra`."""
    conf = CONF.read_text(encoding="utf-8")
    conf = conf.replace("/srv/handbook/site", str(site.resolve()))
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
    body = conf[conf.index("server {"):]
    last = body.rindex("}")
    return body[:last] + extra + "\n}\n"


def write_conf(folder: Path, servers: list[str], http: str = "") -> Path:
    """A main nginx.conf in `folder` with these server blocks (and `http`, directives
    of the http block); returns its path."""
    if MODULE_DIR.is_dir() and not (folder / "modules").exists():
        (folder / "modules").symlink_to(MODULE_DIR)
    modules = f"include {MODULES}/*.conf;\n" if MODULES.is_dir() else ""
    temp = "".join(f" {name}_temp_path {folder}/{name};\n"
                   for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    path = folder / "nginx.conf"
    path.write_text(
        f"{modules}user root;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        "events {}\n"
        f"http {{\n access_log off;\n{temp}{http}\n" + "".join(servers) + "}\n", encoding="utf-8")
    return path


@contextlib.contextmanager
def run(site: Path, extras: list[str] = ("",), http: str = ""):
    """nginx serving `site` once per entry of `extras`: yields their base URLs."""
    if not shutil.which("nginx"):
        raise NginxError("nginx is missing: `make system-deps` installs nginx-light and its Brotli module")
    folder = Path(tempfile.mkdtemp(prefix="handbook-nginx-"))
    ports = [free_port() for _ in extras]
    conf = write_conf(folder, [server_block(site, port, extra) for port, extra in zip(ports, extras)], http)
    proc = subprocess.Popen(["nginx", "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
                            stderr=subprocess.PIPE, text=True)
    try:
        end = time.monotonic() + 20
        for port in ports:
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if proc.poll() is not None:
                        raise NginxError(f"nginx did not start: {proc.stderr.read()}")
                    if time.monotonic() > end:
                        raise NginxError("nginx did not start within 20 s")
                    time.sleep(0.05)
        yield tuple(f"http://127.0.0.1:{port}" for port in ports)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(folder, ignore_errors=True)
