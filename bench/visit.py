"""First visits with no DevTools client attached: what a visitor's browser does, without the harness.

Playwright attaches to every page it opens (network events, bindings, scripts of its own), and its
driver shares the machine's cores with the page: on a 2-core machine that cost a search page load
120–150 ms, which no visitor pays. So the benchmark's first-visit figures come from a Chromium of
their own, whose tabs are opened through the DevTools HTTP endpoint (``/json/new`` attaches no
session), and from the page itself: the benchmark's web server adds ``REPORTER`` to every HTML page,
and the search page sends its ``atlasSearch.timings`` and the files it fetched to that server once
its first result is on screen. The server prints each report as a line of JSON.

    python -m bench.visit FOLDER    serve FOLDER so; prints the port, then one line per report
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlsplit

from generator.csp import script_hash
from tests.browser import CHROMIUM, CHROMIUM_ARGS, QuietHandler, server_process, static_server

REPORT_PATH = "/__bench-report"
NEXT_PARAMETER = "bench-next"
VISIT_TIMEOUT_S = 120

# Waits by a timer rather than an observer so that it costs the page nothing while it loads.
REPORTER = """<script>(function () {
  var next = new URLSearchParams(location.search).get("NEXT_PARAMETER");
  if (next) {  // the home page: on to the search page once it is loaded, as with the header's search box
    addEventListener("load", function () { setTimeout(function () { location.assign(next); }, 500); });
    return;
  }
  if (!document.getElementById("atlas-search")) {
    return;
  }
  (function report() {
    var search = window.atlasSearch;
    var painted = search && search.timings.firstResultPainted;
    if (!painted) {
      setTimeout(report, 50);
      return;
    }
    var fetched = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
      .filter(function (entry) { return entry.responseEnd <= painted; })
      .map(function (entry) { return new URL(entry.name).pathname; });
    navigator.sendBeacon("REPORT_PATH", JSON.stringify({
      timings: search.timings, fetched: fetched, visibility: document.visibilityState, referrer: document.referrer
    }));
  })();
})();</script>""".replace("NEXT_PARAMETER", NEXT_PARAMETER).replace("REPORT_PATH", REPORT_PATH)
# The site's Content-Security-Policy (generator/csp.py) runs only the inline scripts it has hashed: the
# server adds the reporter's hash to it, as the build would for a script of the theme.
REPORTER_POLICY = f"script-src 'self' {script_hash(REPORTER.removeprefix('<script>').removesuffix('</script>'))}"


class ReportingHandler(QuietHandler):
    """Serves the site with ``REPORTER`` in its HTML pages, and prints the reports it receives."""

    def do_GET(self) -> None:
        page = self.html_file()
        if page is None:
            super().do_GET()
            return
        body = page.read_bytes().replace(b"</body>", REPORTER.encode("utf-8") + b"</body>", 1)
        body = body.replace(b"script-src 'self'", REPORTER_POLICY.encode("utf-8"), 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def html_file(self) -> Path | None:
        path = Path(self.translate_path(self.path))
        if self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        return path if path.suffix == ".html" and path.is_file() else None

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == REPORT_PATH:
            print(body.decode("utf-8"), flush=True)
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()


@contextmanager
def reporting_server(folder: Path) -> Iterator[tuple[str, queue.Queue[str]]]:
    """``folder`` served by ``ReportingHandler`` from a process of its own, on a new port: to the
    browser a site it has never seen. Yields the base URL and a queue of the reports."""
    with server_process("bench.visit", folder) as (base, output):
        reports: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_forward_lines, args=(output, reports), daemon=True).start()
        yield base, reports


def _forward_lines(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


@contextmanager
def chromium_without_client() -> Iterator[str]:
    """Headless Chromium with a DevTools endpoint that nothing is attached to; yields its base URL."""
    # Errors while removing the profile are ignored: a helper process of Chromium's may still be
    # writing its last file as it goes, and the profile is a throwaway.
    with tempfile.TemporaryDirectory(prefix="atlas-bench-chromium-", ignore_cleanup_errors=True) as profile:
        command = [str(CHROMIUM), "--headless", *CHROMIUM_ARGS, "--lang=nl-NL", "--remote-debugging-port=0"]
        browser = subprocess.Popen(
            [*command, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its helper processes share its process group, so they stop with it
        )
        try:
            yield f"http://127.0.0.1:{devtools_port(Path(profile), browser)}"
        finally:
            stop_process_group(browser)


def stop_process_group(leader: subprocess.Popen[bytes]) -> None:
    """Stop a process and the processes in its group, and wait until they are gone (10 s at most)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(leader.pid, signal.SIGTERM)
    leader.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(leader.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def devtools_port(profile: Path, browser: subprocess.Popen[bytes]) -> int:
    """The port Chromium writes to ``DevToolsActivePort`` in its profile once it listens."""
    written = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and browser.poll() is None:
        lines = written.read_text(encoding="ascii").split("\n") if written.exists() else []
        if lines and lines[0].isdigit():
            return int(lines[0])
        time.sleep(0.05)
    raise RuntimeError(f"{CHROMIUM} did not open its DevTools endpoint")


def visit(devtools: str, folder: Path, path: str, via_home: bool = False) -> dict[str, Any]:
    """Open ``path`` of ``folder`` in a new tab (first from the home page when ``via_home``) and
    return the search page's report: ``timings``, the paths ``fetched`` before the first result, the
    tab's ``visibility`` and the page's ``referrer``."""
    with reporting_server(folder) as (base, reports):
        url = f"{base}/?{NEXT_PARAMETER}={quote(path, safe='')}" if via_home else base + path
        tab = json.load(urllib.request.urlopen(urllib.request.Request(f"{devtools}/json/new?{url}", method="PUT")))
        try:
            report: dict[str, Any] = json.loads(reports.get(timeout=VISIT_TIMEOUT_S))
        except queue.Empty:
            raise RuntimeError(f"no first result reported for {url} within {VISIT_TIMEOUT_S} s") from None
        finally:
            urllib.request.urlopen(f"{devtools}/json/close/{tab['id']}").read()
    # A hidden tab paints nothing, and a visit meant to come from the home page must have.
    if report["visibility"] != "visible":
        raise RuntimeError(f"{url} was measured in a tab that was {report['visibility']}, not visible")
    if via_home and urlsplit(report["referrer"]).path != "/":
        raise RuntimeError(f"{url} reached the search page from {report['referrer']!r}, not from the home page")
    return report


def site_file(folder: Path, url_path: str) -> Path:
    """The file of ``folder`` a path of the site was served from."""
    path = folder / urlsplit(url_path).path.lstrip("/")
    return path / "index.html" if path.is_dir() else path


if __name__ == "__main__":  # reporting_server: serve the folder given, after printing the port
    process_server = static_server(Path(sys.argv[1]), ReportingHandler)
    print(process_server.server_address[1], flush=True)
    process_server.serve_forever()
