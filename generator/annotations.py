"""Validation errors as GitHub workflow commands, so a pull request shows each error on its line.

Only data here: the CLI decides what to print. The escaping follows GitHub's workflow-command rules
(the ``escapeData``/``escapeProperty`` functions of ``@actions/core``): a message may not break the
command line, and a property value may not end the property list early.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .errors import ContentError

TEXT = "text"
GITHUB = "github"
FORMATS = (TEXT, GITHUB)


def default_format(environ: Mapping[str, str]) -> str:
    """'github' inside a GitHub Actions run (which sets GITHUB_ACTIONS=true), else 'text'."""
    return GITHUB if environ.get("GITHUB_ACTIONS") == "true" else TEXT


def escape_data(text: str) -> str:
    """Escape a command's message: a raw newline would end the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: ':' ends the property list and ',' separates properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(error: ContentError) -> str:
    """One ``::error file=…,line=…,col=…,title=…::…`` command; line and col only when known."""
    properties = [f"file={escape_property(error.path)}"]
    if error.line > 0:
        properties.append(f"line={error.line}")
        if error.column > 0:
            properties.append(f"col={error.column}")
    if error.field:
        properties.append(f"title={escape_property(error.field)}")
    return f"::error {','.join(properties)}::{escape_data(error.message)}"


def github_annotations(errors: Iterable[ContentError]) -> list[str]:
    """One annotation per error, in the given order."""
    return [annotation(error) for error in errors]
