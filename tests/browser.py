"""Headless Chromium and a loopback file server, shared by the browser tests and the benchmark."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import mimetypes
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, ClassVar

from generator.exchange.siteurl import base_path, read_site

# Debian's chromium by default; ATLAS_CHROMIUM points elsewhere (GitHub's runners ship google-chrome).
CHROMIUM = Path(os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


SITE_BASE = base_path(read_site().url)
"""The path the site is published under (mkdocs.yml site_url); the 404 page links from there."""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Keeps connections open, as every real host does; HTTP/1.0 (the default) opened a new
    # connection per file, which cost the benchmark's page loads about 40 ms here.
    protocol_version = "HTTP/1.1"

    def translate_path(self, path: str) -> str:
        """The site at the root and under its published base path too, as the 404 page's links
        are absolute (mkdocs writes them so, as the host serves that page at any address)."""
        if SITE_BASE != "/" and path.startswith(SITE_BASE):
            path = "/" + path.removeprefix(SITE_BASE)
        return super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


class GzipHandler(QuietHandler):
    """Sends text files gzipped when the browser accepts it, as GitHub Pages does (Lighthouse counts it)."""

    COMPRESSED: ClassVar[set[str]] = {
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
    }

    def send_head(self) -> IO[bytes] | None:  # type: ignore[override]  # BytesIO is what the base class copies from
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the base class redirects to the folder with its slash
            path = path / "index.html"
        kind = mimetypes.guess_type(path.name)[0] or ""
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and kind in self.COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def static_server(folder: Path, handler_class: type[QuietHandler] = QuietHandler) -> http.server.ThreadingHTTPServer:
    """A quiet HTTP server for ``folder`` on a free loopback port, not yet serving."""
    # Read the system's list of file types now: the server would read it for its first file,
    # which then took 10–15 ms instead of 2–3 ms and held up the page loads the benchmark times.
    mimetypes.init()
    handler = functools.partial(handler_class, directory=str(folder))
    return http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)


@contextmanager
def serve_folder(folder: Path, handler_class: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """``folder`` over HTTP on a free loopback port; yields the base URL."""
    server = static_server(folder, handler_class)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def server_process(module: str, folder: Path) -> Iterator[tuple[str, IO[str]]]:
    """``python -m module FOLDER``: a web server in a process of its own that prints its port first.
    Yields the base URL and the rest of what the server prints."""
    server = subprocess.Popen(
        [sys.executable, "-m", module, str(folder.resolve())],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        output = server.stdout
        port = output.readline().strip() if output else ""
        if output is None or not port.isdigit():
            raise RuntimeError(f"web server {module} for {folder} did not start")
        yield f"http://127.0.0.1:{port}", output
    finally:
        server.terminate()
        server.wait()


@contextmanager
def serve_folder_in_process(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP from a process of its own; yields the base URL. For timings: a server
    thread in the process that drives Chromium waits for the interpreter lock while Playwright
    handles the page's events, and so delayed the page's files by tens of milliseconds."""
    with server_process("tests.browser", folder) as (base, _):
        yield base


if __name__ == "__main__":  # serve_folder_in_process: serve the folder given, after printing the port
    process_server = static_server(Path(sys.argv[1]))
    print(process_server.server_address[1], flush=True)
    process_server.serve_forever()
