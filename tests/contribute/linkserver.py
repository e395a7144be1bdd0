"""A local web server on 127.0.0.1 with one path per kind of answer a link check meets.

Every request is logged with its arrival time, method, path, User-Agent and how many requests
were being answered at that moment, so tests can prove the per-host limits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Seen:
    at: float
    method: str
    path: str
    user_agent: str
    in_flight: int
    """Requests under the same folder (``/hold/2/…``) being answered when this one arrived, itself included."""


@dataclass
class LinkServer:
    base: str
    log: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    counts: dict[str, int] = field(default_factory=dict)
    in_flight: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def requests_for(self, path: str) -> list[Seen]:
        with self.lock:
            return [seen for seen in self.log if seen.path == path]


SLOW_SECONDS = 2.0
HOLD_SECONDS = 0.3


def handler_for(server: LinkServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test log holds what matters."""

        def answer(self, status: int, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            body = b"" if self.command == "HEAD" else b"<p>antwoord</p>"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def route(self) -> None:
            path = self.path
            folder = path.rsplit("/", 1)[0]
            self.counted_out = False  # one handler can answer several requests of a kept-alive connection
            with server.lock:
                server.in_flight[folder] = server.in_flight.get(folder, 0) + 1
                server.counts[path] = server.counts.get(path, 0) + 1
                count = server.counts[path]
                agent = self.headers.get("User-Agent", "")
                server.log.append(Seen(time.monotonic(), self.command, path, agent, server.in_flight[folder]))
            try:
                self.respond(path, count)
            finally:
                self.done(folder)

        def done(self, folder: str) -> None:
            """This request no longer counts as in flight: called before its answer is written (the client may send
            its next request the moment it has the answer), and once more after it, which then does nothing."""
            if self.counted_out:
                return
            self.counted_out = True
            with server.lock:
                server.in_flight[folder] -= 1

        def respond(self, path: str, count: int) -> None:
            if path.startswith("/ok") or path.startswith("/rate/"):
                self.answer(200)
            elif path.startswith("/hold/"):
                time.sleep(HOLD_SECONDS)
                self.done(path.rsplit("/", 1)[0])
                self.answer(200)
            elif path == "/moved":
                self.answer(301, {"Location": "/ok/new-home"})
            elif path == "/temporary":
                self.answer(302, {"Location": f"{server.base}/ok/for-now"})
            elif path == "/moved-to-missing":
                self.answer(308, {"Location": "/missing"})
            elif path == "/loop":
                self.answer(302, {"Location": "/loop"})
            elif path == "/missing":
                self.answer(404)
            elif path == "/error":
                self.answer(500)
            elif path == "/no-head":
                self.answer(405 if self.command == "HEAD" else 200)
            elif path == "/busy-once":
                self.answer(429, {"Retry-After": "1"}) if count == 1 else self.answer(200)
            elif path == "/busy-for-an-hour":
                self.answer(429, {"Retry-After": "3600"})
            elif path == "/unavailable":
                self.answer(503)
            elif path == "/slow":
                time.sleep(SLOW_SECONDS)
                self.answer(200)
            else:
                self.answer(404)

        def do_HEAD(self) -> None:
            self.route()

        def do_GET(self) -> None:
            self.route()

    return Handler


@contextmanager
def link_server() -> Iterator[LinkServer]:
    """The server on a free loopback port, for the length of the ``with``."""
    state = LinkServer("")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
