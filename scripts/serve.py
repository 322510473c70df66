"""Serve the built site on 127.0.0.1: the MIME types Pyodide needs (.wasm, .mjs),
the handbook's own 404 page (/en/404.html under /en/) for unknown paths, and the
pre-compressed copies the build wrote (file.br, file.gz: scripts/precompress.py)
to a browser that accepts them, as deploy/nginx.conf does (brotli_static,
gzip_static).

    python scripts/serve.py --port 8000 site
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
from pathlib import Path

# The encodings of the pre-compressed copies, in the order they are preferred.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".ics": "text/calendar",
        ".svg": "image/svg+xml",
    }
    extra_headers: dict[str, str] = {}
    quiet = False

    def end_headers(self):
        for key, value in self.extra_headers.items():
            self.send_header(key, value)
        super().end_headers()

    def send_head(self):
        """A file with a pre-compressed copy the browser accepts: that copy, as it is."""
        path = self.translate_path(self.path)
        if os.path.isfile(path):
            accepted = {part.split(";")[0].strip().lower()
                        for part in self.headers.get("Accept-Encoding", "").split(",")}
            for encoding, suffix in ENCODINGS:
                if encoding in accepted and os.path.isfile(path + suffix):
                    return self._send_copy(path, path + suffix, encoding)
        return super().send_head()

    def _send_copy(self, path: str, copy: str, encoding: str):
        handle = open(copy, "rb")
        stat = os.fstat(handle.fileno())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return handle

    def send_error(self, code, message=None, explain=None):
        page = self._not_found_page() if code == 404 else None
        if page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser gave up on the request (navigated away)

    def _not_found_page(self) -> Path | None:
        root = Path(self.directory)
        lang = self.path.lstrip("/").split("/", 1)[0]
        candidates = ([root / lang / "404.html"] if lang else []) + [root / "404.html"]
        return next((c for c in candidates if c.is_file()), None)

    def log_message(self, *args):
        if not self.quiet:
            super().log_message(*args)


def make_handler(directory: str | Path, headers: dict[str, str] | None = None, quiet=False):
    cls = type("SiteHandler", (Handler,), {"extra_headers": dict(headers or {}), "quiet": quiet})
    return functools.partial(cls, directory=str(directory))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default="site")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args()
    with http.server.ThreadingHTTPServer((args.bind, args.port), make_handler(args.directory)) as httpd:
        print(f"http://{args.bind}:{args.port}/")
        httpd.serve_forever()


if __name__ == "__main__":
    main()
