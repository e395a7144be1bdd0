"""Read the body GitHub writes for an issue made with a form.

GitHub writes every field of the form, in order, as ``### Label``, a blank line and the answer;
``_No response_`` for an empty field, ``a, b`` for several choices of a dropdown and ``- [X] option``
for a ticked checkbox. Only the form's own labels start a field, and each one once: a contributor who
writes ``### Website`` inside a text would otherwise slip in a second answer, so that is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^### (?P<label>.+?)\s*$")
_CHECKBOX = re.compile(r"^\s*[-*] \[(?P<mark>[ xX])\] (?P<option>.*)$")


@dataclass
class IssueBody:
    """The answers by form label; None for a field left empty. ``problems`` are (label, message)."""

    answers: dict[str, str | None] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)


def read_body(text: str, labels: Iterable[str]) -> IssueBody:
    """Split ``text`` into the answers of the fields named by ``labels``."""
    known = set(labels)
    body = IssueBody()
    current: str | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            value = "\n".join(lines).strip()
            body.answers[current] = None if value in ("", NO_RESPONSE) else value

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading and heading["label"] in known:
            close()
            current, lines = heading["label"], []
            if current in body.answers:
                body.problems.append(
                    (current, "dit veld staat twee keer in het issue; gebruik geen kopjes '### ' in je tekst")
                )
            continue
        lines.append(line)
    close()
    return body


def ticked(answer: str | None) -> list[str]:
    """The options ticked in a checkboxes answer."""
    if answer is None:
        return []
    found = (_CHECKBOX.match(line) for line in answer.split("\n"))
    return [match["option"].strip() for match in found if match and match["mark"] in "xX"]


def split_choices(answer: str, options: Iterable[str]) -> tuple[list[str], list[str]]:
    """The options in a dropdown answer of several choices (``a, b``), and the parts that are no option.

    Names may hold ', ' themselves, so the longest option that the answer starts with is taken first.
    """
    by_length = sorted(options, key=len, reverse=True)
    chosen: list[str] = []
    unknown: list[str] = []
    rest = answer.strip()
    while rest:
        match = next((option for option in by_length if rest == option or rest.startswith(option + ", ")), None)
        if match is None:
            part, _, rest = rest.partition(", ")
            unknown.append(part.strip())
        else:
            chosen.append(match)
            rest = rest[len(match) + 2 :]
        rest = rest.strip()
    return chosen, unknown
