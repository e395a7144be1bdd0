"""Fixtures of the contribution tests: from-issue on a body, and a network that ends at the loopback."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REAL_CONTENT, CliResult

TODAY = "2026-11-30"


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test here reaches the internet: a lookup of any other host fails."""
    lookup = socket.getaddrinfo

    def loopback(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in ("127.0.0.1", "localhost"):
            raise socket.gaierror(f"test: no lookups outside the loopback ({host})")
        return lookup(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback)


@pytest.fixture
def run_issue(tmp_path: Path, atlas_cli: Callable[..., CliResult]) -> Callable[[str, str], CliResult]:
    """from-issue on a body against the real content; the file goes to tmp_path/out, the comment to a file."""

    def run(form: str, text: str) -> CliResult:
        (tmp_path / "issue.md").write_text(text, encoding="utf-8")
        return atlas_cli(
            "from-issue",
            str(tmp_path / "issue.md"),
            "--form",
            form,
            "--today",
            TODAY,
            "--content",
            str(REAL_CONTENT),
            "--out",
            str(tmp_path / "out"),
            "--comment",
            str(tmp_path / "comment.md"),
        )

    return run
