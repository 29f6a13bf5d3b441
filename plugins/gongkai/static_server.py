"""Serve a built site as it is, for a public inspection terminal (查阅点): the standard library only.

Search needs a server: browsers load neither modules nor the Pagefind index from
a file opened from disk. `python3 -m http.server` does the same job where gongkai
is not installed; this adds the checks and messages an operator needs.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import io
import sys
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

# Types sent gzip-compressed when the browser accepts it, as a web server would: scripts, styles, pages,
# the search word list. Pagefind's index files are compressed already.
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves a built site's files, quietly, compressed where that pays; tests and benchmarks serve with it too."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".mjs": "text/javascript"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # a terminal serves one reader; no access log

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and content_type.startswith(_COMPRESSIBLE)):
            return super().send_head()  # directories, redirects, errors, binary files: as the standard library does
        stat = path.stat()
        body = _gzipped(str(path), stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own 404 page, as a web server set up for it would send."""
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@functools.lru_cache(maxsize=256)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    """The file compressed; the key holds its time and size, so a rebuilt file is compressed anew."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


def site_problem(site_dir: Path) -> str | None:
    """Why `site_dir` is not a built site, or None."""
    if not site_dir.is_dir():
        return f"{site_dir}: 目录不存在；应为：gongkai build 生成的站点目录（如 site/）"
    if not (site_dir / "index.html").is_file():
        return f"{site_dir}: 没有 index.html；应为：gongkai build 生成的站点目录（如 site/）"
    if not (site_dir / "pagefind" / "pagefind.js").is_file():
        return f"{site_dir}: 没有一网通查索引 pagefind/；应为：开启 search_index 构建的站点"
    return None


def serve_site(site_dir: Path, host: str, port: int) -> int:
    problem = site_problem(site_dir)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    handler = functools.partial(SiteRequestHandler, directory=str(site_dir))
    with ThreadingHTTPServer((host, port), handler) as server:
        print(f"正在提供 {site_dir}：http://{host}:{server.server_address[1]}/（一网通查：/search/），按 Ctrl+C 停止")
        server.serve_forever()
    return 0
