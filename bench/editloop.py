"""Edit-to-reload of ``atlas serve`` on a synthetic atlas: a real file change, seen in a real browser.

Starts ``atlas serve`` on a copy of ``python -m bench.synthetic`` content, waits until it serves,
opens an entry page in headless Chromium, changes a content file and measures the time from the
write until the page, reloaded by mkdocs' live reload, shows the new text. Edits of several kinds
(a practice's text, a theme's name shown on the practice page), each kind several times; prints
every figure, the median and the worst per kind, the load average around the edits and where the
server spent each edit (its log). No assertion on time: a benchmark, not a test. ``make bench``
(``bench/run.py``) runs it at the pipeline's sizes (``editloop_figures``, ``editloop_table``).

    python -m bench.editloop [--entries 20000] [--seed 7] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from playwright.sync_api import Page, sync_playwright

from tests.browser import CHROMIUM, CHROMIUM_ARGS

from .synthetic import write_synthetic_atlas

START_TIMEOUT = 1800.0
"""Seconds for the first full build of a national atlas (minutes on two cores)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_served(url: str, process: subprocess.Popen[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"atlas serve stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"atlas serve did not answer on {url} within {timeout:.0f} s")


@contextmanager
def atlas_serve(content: Path, docs_dir: Path, log: IO[str], timeout: float = START_TIMEOUT) -> Iterator[str]:
    """``atlas serve`` on ``content`` in its own process; yields its address once it answers."""
    address = f"127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "generator", "serve", "--content", str(content), "--dev-addr", address]
    command += ["--docs-dir", str(docs_dir)]
    with subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, text=True) as process:
        try:
            wait_until_served(f"http://{address}/", process, timeout)
            yield f"http://{address}/"
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:  # stopped during its first build, its workers may finish first
                process.kill()
                process.wait()


def edit_to_reload(page: Page, file: Path, old: str, new: str, shown: str, timeout_ms: float = 120_000) -> float:
    """Seconds from writing ``file`` (``old`` → ``new``) until the open page shows ``shown``."""
    text = file.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{old!r} not in {file}")
    start = time.perf_counter()
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    page.get_by_text(shown).first.wait_for(timeout=timeout_ms)
    return time.perf_counter() - start


def first_line_value(file: Path, field: str) -> str:
    found = re.search(rf"^{field}: (.+)$", file.read_text(encoding="utf-8"), re.MULTILINE)
    if found is None:
        raise ValueError(f"no {field} in {file}")
    return found.group(1).strip()


def _one_line_summary(file: Path) -> bool:
    found = re.search(r"^summary: (.+)$", file.read_text(encoding="utf-8"), re.MULTILINE)
    return found is not None and not found.group(1).startswith((">", "|"))


def measure(content: Path, docs_dir: Path, repeat: int, log: IO[str]) -> dict[str, list[float]]:
    """Edit-to-reload in seconds, by kind of edit."""
    practice = next(file for file in sorted((content / "practices").iterdir()) if _one_line_summary(file))
    theme_id = re.search(r"^themes:\s*(?:\[|-)\s*([\w-]+)", practice.read_text(encoding="utf-8"), re.MULTILINE)
    if theme_id is None:
        raise ValueError(f"no theme in {practice}")
    theme = next((content / "themes").glob(f"{theme_id.group(1)}.*"))
    summary = first_line_value(practice, "summary")
    figures: dict[str, list[float]] = {"text": [], "theme rename": []}
    with atlas_serve(content, docs_dir, log) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(f"{url}praktijken/{practice.stem}/")
        for round_ in range(repeat):
            current = first_line_value(practice, "summary")
            edited = f"Bewerking {round_} {summary}"
            figures["text"].append(edit_to_reload(page, practice, current, edited, edited))
            name, renamed = first_line_value(theme, "name"), f"Hernoemd thema {round_}"
            figures["theme rename"].append(edit_to_reload(page, theme, f"name: {name}", f"name: {renamed}", renamed))
            time.sleep(1)
        browser.close()
    return figures


def server_steps(log: IO[str]) -> list[str]:
    """Where ``atlas serve`` spent each edit, as it logged it (``Bijgewerkt: … (0.42 s, lezen 0.05, …)``)."""
    log.seek(0)
    return [found.group(1) for found in re.finditer(r"Bijgewerkt: (.+)$", log.read(), re.MULTILINE)]


def editloop_figures(content: Path, work: Path, repeat: int) -> dict[str, Any]:
    """Edit-to-reload on ``content`` (which it edits): per kind each run, the median and the worst, with the
    load average before and after and the server's own account of each edit."""
    work.mkdir(parents=True, exist_ok=True)
    with (work / "serve.log").open("w+", encoding="utf-8") as log:
        load_before = os.getloadavg()[0]
        runs = measure(content, work / "docs", repeat, log)
        load_after = os.getloadavg()[0]
        steps = server_steps(log)
    kinds = {
        kind: {"runs": seconds, "median": statistics.median(seconds), "worst": max(seconds)}
        for kind, seconds in runs.items()
    }
    return {"kinds": kinds, "load": [load_before, load_after], "server": steps}


def editloop_table(results: dict[str, dict[str, Any]]) -> str:
    """One column per size: per kind of edit the median and the worst, then every run."""
    names = list(results)
    kinds = list(results[names[0]]["kinds"])
    rows: list[list[str]] = []
    for kind in kinds:
        rows.append([f"{kind}: median / worst", *(_median_worst(results[name]["kinds"][kind]) for name in names)])
        rows.append(
            ["  runs", *(", ".join(f"{run:.2f}" for run in results[name]["kinds"][kind]["runs"]) for name in names)]
        )
    rows.append(
        ["load average before / after", *(" / ".join(f"{v:.1f}" for v in results[name]["load"]) for name in names)]
    )
    headers = ["edit to reload (atlas serve), s", *(f"{int(name):,} entries" for name in names)]
    width = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(len(headers))]

    def line(values: list[str]) -> str:
        return "  ".join([f"{values[0]:<{width[0]}}", *(f"{v:>{width[i + 1]}}" for i, v in enumerate(values[1:]))])

    return "\n".join([line(headers), "-" * (sum(width) + 2 * (len(width) - 1)), *(line(row) for row in rows)])


def _median_worst(figures: dict[str, Any]) -> str:
    return f"{figures['median']:.2f} / {figures['worst']:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.editloop", description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="editloop-") as folder:
        base = Path(folder)
        write_synthetic_atlas(base / "content", args.entries, args.seed)
        figures = editloop_figures(base / "content", base / "work", args.repeat)
    print(editloop_table({str(args.entries): figures}))
    print("server, per edit:")
    for steps in figures["server"]:
        print(f"  {steps}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
