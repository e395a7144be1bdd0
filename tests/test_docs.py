"""Every CLI command and option is documented in the README (Datasette's habit)."""

from __future__ import annotations

import argparse

import pytest

from generator.cli import parser
from generator.config import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    for action in parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise LookupError("atlas has no subcommands")


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_command_is_documented(name: str) -> None:
    assert f"`atlas {name}" in README


@pytest.mark.parametrize(
    ("name", "option"),
    [
        (name, option)
        for name, sub in sorted(_subcommands().items())
        for action in sub._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    ],
)
def test_option_is_documented(name: str, option: str) -> None:
    assert f"`{option}" in README, f"atlas {name} {option}"


def test_readme_names_the_two_setup_commands() -> None:
    assert "make serve" in README
    assert "make test" in README
