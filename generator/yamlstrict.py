"""A strict YAML reader that remembers where every value stands.

PyYAML silently keeps the last of duplicate keys, turns ``no`` into False and
``012345`` into 5349, and accepts anchors, aliases and tags that have no place
in hand-written content. This module composes the node tree itself and builds
plain Python values from it, collecting a located problem for each of those
surprises instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

FieldPath = tuple[str | int, ...]

# libyaml's parser is ~25 times faster than the pure-Python one; both give the same events and marks.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(true|True|TRUE|false|False|FALSE)$")
_YAML11_BOOL = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_OTHER_BASE = re.compile(r"^[-+]?0[xXoObB][0-9a-fA-F_]+$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


@dataclass(frozen=True)
class Problem:
    """A located problem; line and column are 1-based."""

    line: int
    column: int
    field: str
    message: str


@dataclass
class Document:
    """Plain values plus the position of each value, keyed by field path."""

    data: dict[str, Any]
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: FieldPath) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found:
                return found
        return (1, 1)


def field_name(path: FieldPath) -> str:
    """``('themes', 1)`` → ``themes[1]``; ``('contact', 'email')`` → ``contact.email``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _Reader:
    def __init__(self, line_offset: int) -> None:
        self.line_offset = line_offset
        self.problems: list[Problem] = []
        self.positions: dict[FieldPath, tuple[int, int]] = {}

    def place(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def problem(self, node: Node, path: FieldPath, message: str) -> None:
        line, column = self.place(node)
        self.problems.append(Problem(line, column, field_name(path), message))

    def value(self, node: Node, path: FieldPath) -> Any:
        self.positions[path] = self.place(node)
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.value(item, (*path, index)) for index, item in enumerate(node.value)]
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        raise TypeError(f"unexpected YAML node {type(node).__name__}")

    def mapping(self, node: MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "samenvoegsleutels (<<) zijn niet toegestaan")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, path, "een sleutel moet gewone tekst zijn")
                continue
            key = str(key_node.value)
            if key in first_seen:
                self.problem(
                    key_node,
                    (*path, key),
                    f"dubbele sleutel '{key}' (eerder op regel {first_seen[key]}); YAML zou de eerste stil negeren",
                )
                continue
            first_seen[key] = self.place(key_node)[0]
            result[key] = self.value(value_node, (*path, key))
        return result

    def scalar(self, node: ScalarNode, path: FieldPath) -> Any:
        text = str(node.value)
        if node.style:  # quoted or block scalar: always text (plain is None, or "" from libyaml)
            return text
        if _NULL.match(text):
            return None
        if _BOOL.match(text):
            return text.lower() == "true"
        if _YAML11_BOOL.match(text):
            self.problem(
                node,
                path,
                f"'{text}' is dubbelzinnig (YAML 1.1 leest het als ja/nee); "
                "zet tekst tussen aanhalingstekens of schrijf true/false",
            )
            return text
        if _LEADING_ZERO.match(text) or _OTHER_BASE.match(text):
            self.problem(
                node,
                path,
                f"'{text}' zou als getal worden gelezen (voorloopnul of grondtal); zet het tussen aanhalingstekens",
            )
            return text
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        return text


def _event_problems(text: str, line_offset: int) -> list[Problem]:
    """Anchors, aliases and explicit tags, found in the event stream."""
    problems = []
    for event in yaml.parse(text, Loader=_LOADER):
        mark = event.start_mark
        where = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        if isinstance(event, yaml.AliasEvent):
            problems.append(
                Problem(*where, "", f"aliassen (*{event.anchor}) zijn niet toegestaan; schrijf de waarde uit")
            )
        elif isinstance(event, yaml.NodeEvent) and event.anchor:
            problems.append(Problem(*where, "", f"ankers (&{event.anchor}) zijn niet toegestaan"))
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag not in (None, "!"):
            problems.append(Problem(*where, "", f"tags ({event.tag}) zijn niet toegestaan"))
    return problems


def _tab_problems(text: str, line_offset: int) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    number + line_offset, indent.index("\t") + 1, "", "tab gebruikt om in te springen; gebruik spaties"
                )
            )
    return problems


def read_yaml(text: str, *, line_offset: int = 0) -> tuple[Document | None, list[Problem]]:
    """Read one YAML mapping strictly; returns the document (if readable) and every problem."""
    problems = _tab_problems(text, line_offset)
    if problems:
        return None, problems
    try:
        problems = _event_problems(text, line_offset)
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        return None, [Problem(line, column, "", f"YAML kan niet gelezen worden: {error.problem or error.context}")]
    if problems:
        return None, problems
    if root is None:
        return None, [Problem(1 + line_offset, 1, "", "het bestand bevat geen gegevens")]
    if not isinstance(root, MappingNode):
        return None, [Problem(1 + line_offset, 1, "", "verwacht velden (sleutel: waarde) op het hoogste niveau")]
    reader = _Reader(line_offset)
    data = reader.mapping(root, ())
    return Document(data, reader.positions), reader.problems
