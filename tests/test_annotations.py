"""`atlas validate --format github`: one well-formed GitHub annotation per error, escaped by the runner's rules."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest

from generator.annotations import annotation, default_format, escape_data, escape_property
from generator.errors import ContentError
from tests.conftest import CliResult
from tests.test_validate import partner

# ::error file=…[,line=…[,col=…]][,title=…]::message — nothing unescaped may end a part early.
ANNOTATION = re.compile(
    r"::error file=(?P<file>[^,:\r\n]+)(?:,line=(?P<line>\d+))?(?:,col=(?P<col>\d+))?"
    r"(?:,title=(?P<title>[^,:\r\n]+))?::(?P<message>[^\r\n]*)"
)


def parse(line: str) -> dict[str, str]:
    """The annotation's parts, unescaped the way the runner does (every escape is a %XX)."""
    found = ANNOTATION.fullmatch(line)
    assert found, line
    return {key: unquote(value) for key, value in found.groupdict().items() if value is not None}


TRICKY = [
    ("plain", "verplicht veld ontbreekt"),
    ("newline", "eerste regel\ntweede regel"),
    ("carriage return", "regel\r\nnog een"),
    ("percent", "100% zeker, of %0A letterlijk"),
    ("colons in message", "'a::b' is geen waarde: kies er één"),
    ("workflow command inside", "::error::nep\n::add-mask::geheim"),
]


@pytest.mark.parametrize(("message"), [case[1] for case in TRICKY], ids=[case[0] for case in TRICKY])
def test_message_survives_escaping(message: str) -> None:
    error = ContentError("content/partners/a,b:c.yml", 3, 7, "contact.url", message)
    line = annotation(error)
    assert "\n" not in line
    assert "\r" not in line
    parts = parse(line)
    assert parts == {
        "file": "content/partners/a,b:c.yml",
        "line": "3",
        "col": "7",
        "title": "contact.url",
        "message": message,
    }


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("a%b", "a%25b", "a%25b"),
        ("a\nb\rc", "a%0Ab%0Dc", "a%0Ab%0Dc"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),
    ],
)
def test_escape_rules(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_unknown_place_and_field_are_left_out() -> None:
    assert annotation(ContentError("content/x.yml", 0, 0, "", "leeg")) == "::error file=content/x.yml::leeg"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({}, "text"), ({"GITHUB_ACTIONS": "true"}, "github"), ({"GITHUB_ACTIONS": "false"}, "text")],
)
def test_default_format(environ: dict[str, str], expected: str) -> None:
    assert default_format(environ) == expected


def bad_tree(write: Callable[[str, str], Path]) -> list[Path]:
    return [
        write("partners/een.yml", partner(id="een", kind="kind: bureau", level="level: nationaal")),
        write("partners/twee.yml", partner(id="twee", themes="themes: [klimaat]")),
    ]


def check_github_output(result: CliResult, paths: list[Path]) -> None:
    assert result.code == 1
    lines = result.out.splitlines()
    assert len(lines) == 3
    parsed = [parse(line) for line in lines]
    assert {part["file"] for part in parsed} == {path.as_posix() for path in paths}
    assert {(part["line"], part["col"], part["title"]) for part in parsed} == {
        ("3", "7", "kind"),
        ("4", "8", "level"),
        ("6", "10", "themes[0]"),
    }
    assert result.err.strip().splitlines() == ["3 fouten in 2 bestanden"]


def test_cli_github_format(
    content: Path, write: Callable[[str, str], Path], atlas_cli: Callable[..., CliResult]
) -> None:
    paths = bad_tree(write)
    check_github_output(atlas_cli("validate", "--format", "github", "--content", str(content)), paths)


def test_cli_github_is_default_in_actions(
    content: Path,
    write: Callable[[str, str], Path],
    atlas_cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = bad_tree(write)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    check_github_output(atlas_cli("validate", "--content", str(content)), paths)


def test_cli_text_format_wins_over_environment(
    content: Path,
    write: Callable[[str, str], Path],
    atlas_cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad_tree(write)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = atlas_cli("validate", "--format", "text", "--content", str(content))
    assert result.code == 1
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 4
