"""The bad-input corpus in ``tests/bad_input/<class>/<case>/``, and how to lay out one case.

A case folder holds ``case.txt`` (a one-line description, then set-up
instructions, one a line), ``content/`` (files written over a copy of the
fixture content tree, or of the real content with ``base real``) and
``expected.txt``: the exact located error lines of ``atlas validate``, with
the content folder shown as ``content``.

Instructions: ``base real``; ``symlink PATH TARGET``; ``big PATH BYTES`` (a
file of that size); ``fifo PATH``; ``remove PATH``; ``replace PATH OLD|NEW`` (one line).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).parent / "bad_input"
FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
REAL_CONTENT = Path(__file__).parent.parent / "content"


@dataclass(frozen=True)
class BadCase:
    folder: Path

    @property
    def name(self) -> str:
        return self.folder.relative_to(CORPUS).as_posix()

    @property
    def klass(self) -> str:
        return self.folder.parent.name

    @property
    def instructions(self) -> list[str]:
        return (self.folder / "case.txt").read_text(encoding="utf-8").splitlines()[1:]

    @property
    def expected(self) -> list[str]:
        return (self.folder / "expected.txt").read_text(encoding="utf-8").splitlines()


def bad_cases() -> list[BadCase]:
    return [BadCase(case.parent) for case in sorted(CORPUS.glob("*/*/case.txt"))]


def _apply(instruction: str, content: Path) -> None:
    verb, _, rest = instruction.partition(" ")
    if verb == "base":
        return
    if verb == "replace":
        relative, _, change = rest.partition(" ")
        old, new = change.split("|")
        path = content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, instruction
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return
    relative, _, argument = rest.partition(" ")
    path = content / relative
    if verb == "symlink":
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(argument, path)
    elif verb == "big":
        head = b"id: groot\n# "
        path.write_bytes(head + b"x" * (int(argument) - len(head)))
    elif verb == "fifo":
        os.mkfifo(path)
    elif verb == "remove":
        path.unlink()
    else:
        raise ValueError(f"unknown instruction {instruction!r}")


def lay_out(case: BadCase, target: Path) -> Path:
    """The case's content tree under ``target``; returns the content folder."""
    content = target / "content"
    base = REAL_CONTENT if "base real" in case.instructions else FIXTURE_CONTENT
    shutil.copytree(base, content)
    if (case.folder / "content").is_dir():
        shutil.copytree(case.folder / "content", content, dirs_exist_ok=True)
    for instruction in case.instructions:
        _apply(instruction, content)
    return content


def shown(lines: str, content: Path) -> list[str]:
    """Error lines with the content folder written as ``content``, summary line left out."""
    prefix = f"{content.as_posix()}/"
    return [line.replace(prefix, "content/") for line in lines.splitlines() if line.startswith(prefix)]
