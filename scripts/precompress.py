"""Write pre-compressed copies of the site's scripts, styles, data and calculators
engine: `file.br` (Brotli) and `file.gz` (gzip) beside `file`.

Run after scripts/build_snapshot.mjs and before scripts/build_service_worker.py
(make build does):

    python scripts/precompress.py [--site site/]

deploy/nginx.conf sends them as they are (`brotli_static`, `gzip_static`) to a
browser that accepts that encoding, and scripts/serve.py does the same; the browser
decodes them, so the page always reads the file itself. Brotli is what Chromium,
Firefox and Safari accept over HTTPS (and on localhost); gzip is what every browser
accepts. The pages themselves (HTML) are left to the server's on-the-fly gzip: they
are small and many.

The largest files are the calculators engine (pyodide.asm.wasm, the memory
snapshot): compressing them at Brotli's best quality takes a while, so the results
are kept in .cache/precompress/ under the sha256 of the input (Pyodide's files are
the same bytes on every build; the entries this build did not use are deleted). A copy is written only when it is at least 5 %
smaller than the file.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import sys
import time
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "precompress"
# What the server would otherwise compress on the fly, or not at all (the engine).
SUFFIXES = {".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".ics", ".wasm", ".snapshot"}
MIN_BYTES = 1024
# Brotli's best quality (11) costs about 2.5 s of CPU per MB. The memory snapshot is
# new bytes on every build (10 MB): quality 10 takes 60 % of that time for 3 % more
# bytes (9: an eighth of the time, 12 % more bytes).
FORMAT_VERSION = "2"  # part of the cache key: bump when the settings below change


def fail(message: str) -> None:
    print(f"precompress: ERROR: {message}", file=sys.stderr)
    sys.exit(1)


def brotli_quality(path: Path) -> int:
    return 10 if path.suffix == ".snapshot" else 11


def encode(data: bytes, kind: str, quality: int) -> bytes:
    if kind == "br":
        return brotli.compress(data, quality=quality, lgwin=24)
    # mtime 0 and no file name: the same bytes for the same input
    return gzip.compress(data, compresslevel=9, mtime=0)


def cached_encode(data: bytes, kind: str, quality: int, cache: Path | None, used: set[Path]) -> bytes:
    """encode(), through the cache for files large enough to be worth it."""
    if cache is None or len(data) < 1_000_000:
        return encode(data, kind, quality)
    key = hashlib.sha256(data).hexdigest()
    path = cache / f"{key}.{FORMAT_VERSION}.{kind}{quality if kind == 'br' else ''}"
    used.add(path)
    if path.is_file():
        return path.read_bytes()
    out = encode(data, kind, quality)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + f".{os.getpid()}.tmp")
    tmp.write_bytes(out)
    tmp.replace(path)
    return out


def candidates(site: Path) -> list[Path]:
    """The files worth a compressed copy: by type and size, not HTML, not a copy."""
    out = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in SUFFIXES and path.stat().st_size >= MIN_BYTES:
            out.append(path)
    return sorted(out, key=lambda p: -p.stat().st_size)  # the slow ones first


def precompress(site: Path, cache: Path | None = CACHE) -> dict[str, int]:
    totals = {"files": 0, "bytes": 0, "br": 0, "gz": 0}
    used: set[Path] = set()
    for path in candidates(site):
        data = path.read_bytes()
        stat = path.stat()
        wrote = False
        for kind in ("br", "gz"):
            target = path.with_name(path.name + "." + kind)
            out = cached_encode(data, kind, brotli_quality(path), cache, used)
            if len(out) > 0.95 * len(data):
                target.unlink(missing_ok=True)
                continue
            target.write_bytes(out)
            # the same modification time as the file: one Last-Modified whichever is sent
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            totals[kind] += len(out)
            wrote = True
        if wrote:
            totals["files"] += 1
            totals["bytes"] += len(data)
    if cache is not None and cache.is_dir():  # keep only this build's: the cache stays small
        for old in cache.iterdir():
            if old not in used:
                old.unlink()
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="the built site (default: site/)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write .cache/precompress/")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").exists():
        fail(f"{site} holds no built site: run `mkdocs build` first")
    started = time.monotonic()
    totals = precompress(site, None if args.no_cache else CACHE)
    print(f"precompress: {totals['files']} files ({totals['bytes'] / 1e6:.1f} MB): "
          f".br {totals['br'] / 1e6:.1f} MB, .gz {totals['gz'] / 1e6:.1f} MB, "
          f"in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
