"""A static server that behaves like GitHub Pages for a project site served under /REPO/.

It serves the built site only below the sub-path, adds the trailing-slash redirect for directories,
answers missing paths with the site's 404.html and status 404, and gzips like GitHub Pages does.
"""
from __future__ import annotations

import gzip
import mimetypes
import socket
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SUBPATH = "/REPO/"  # where GitHub Pages serves a project site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PagesHandler(BaseHTTPRequestHandler):
    def __init__(self, *args, root: Path, prefix: str, **kwargs) -> None:
        self.root = root
        self.prefix = prefix  # like "/REPO/"
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return self.send_not_found()
        target = (self.root / path[len(self.prefix):]).resolve()
        if self.root not in target.parents and target != self.root:
            return self.send_not_found()
        if target.is_dir():
            if not path.endswith("/"):
                return self.redirect(path + "/")
            target = target / "index.html"
        if not target.is_file():
            return self.send_not_found()
        self.send_file(target, 200)

    def redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send_not_found(self) -> None:
        page = self.root / "404.html"
        if page.is_file():
            return self.send_file(page, 404)
        self.send_error(404)

    def send_file(self, file: Path, status: int) -> None:
        body = file.read_bytes()
        ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and is_compressible(ctype)
        if gzipped:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)


def is_compressible(ctype: str) -> bool:
    return ctype.startswith(("text/", "application/javascript", "application/json", "application/xml",
                             "image/svg"))


class PagesServer(ThreadingHTTPServer):
    # socketserver's listen backlog is 5; a page opens about a dozen connections at once, and on a
    # loaded CI machine the ones past the backlog waited or failed (a script missing from the page).
    request_queue_size = 128


def serve(root: Path, prefix: str, port: int) -> ThreadingHTTPServer:
    """Start serving `root` at http://127.0.0.1:port{prefix} in a daemon thread."""
    handler = partial(PagesHandler, root=root.resolve(), prefix=prefix)
    server = PagesServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
