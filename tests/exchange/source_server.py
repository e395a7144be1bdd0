"""A web server on 127.0.0.1 that plays every kind of source: good (with an ETag), slow, too large,
malformed and missing; and a port that nothing listens on."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ETAG = '"noord-1"'
SLOW_SECONDS = 3.0
LIMIT = 1024 * 1024
"""The size limit the tests set; ``/large.json`` sends more, ``/declared.json`` announces more."""


class SourceServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, body: bytes) -> None:
        super().__init__(("127.0.0.1", 0), SourceHandler)
        self.body = body
        self.hits: Counter[str] = Counter()
        self.not_modified = 0


class SourceHandler(BaseHTTPRequestHandler):
    server: SourceServer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests read the counters."""

    def send(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.hits[self.path] += 1
        with suppress(BrokenPipeError, ConnectionResetError):  # the client stops reading past the limit
            self.answer()

    def answer(self) -> None:
        if self.path == "/noord.json":
            if self.headers.get("If-None-Match") == ETAG:
                self.server.not_modified += 1
                self.send(304, b"", ETag=ETAG)
            else:
                self.send(200, self.server.body, ETag=ETAG, Content_Length=str(len(self.server.body)))
        elif self.path == "/slow.json":
            time.sleep(SLOW_SECONDS)
            self.send(200, self.server.body)
        elif self.path == "/large.json":  # no Content-Length: only reading tells the size
            self.send_response(200)
            self.end_headers()
            for _ in range(4 * LIMIT // 65536):
                self.wfile.write(b" " * 65536)
        elif self.path == "/declared.json":
            self.send(200, b"{}", Content_Length=str(10 * LIMIT))
        elif self.path == "/malformed.json":
            self.send(200, b'{"schema_version": "1.0", "entries": [{"type": ')
        else:
            self.send(404, b"niet gevonden")


@contextmanager
def source_server(body: bytes) -> Iterator[tuple[str, SourceServer]]:
    """The server in a thread; yields its base URL and the server (for its counters)."""
    server = SourceServer(body)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A loopback port that was free a moment ago and that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
