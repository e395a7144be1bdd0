"""A strict YAML reader that remembers where every value stands.

PyYAML silently keeps the last of duplicate keys, turns ``no`` into False and
``012345`` into 5349, and accepts anchors, aliases and tags that have no place
in hand-written content. This module composes the node tree itself and builds
plain Python values from it, collecting a located problem for each of those
surprises instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from .yamllayout import before_parsing, layout_problem

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


MAX_DEPTH = 20
"""Content nests three levels at most; far deeper is a mistake, and would exhaust Python's stack."""


class _TooDeepError(Exception):
    def __init__(self, place: tuple[int, int]) -> None:
        super().__init__(place)
        self.place = place


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
    source: str = ""
    """The YAML text as read, to find a problem inside a long text value."""
    line_offset: int = 0
    spans: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    """Where each text value stands in ``source``: (start, end) character index."""

    def position(self, path: FieldPath) -> tuple[int, int]:
        """The position of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found:
                return found
        return (1, 1)

    def source_lines(self, path: FieldPath) -> tuple[int, str] | None:
        """(line number, text) of the whole lines a text value is written on, or None."""
        span = self.spans.get(path)
        if span is None:
            return None
        start = self.source.rfind("\n", 0, span[0]) + 1
        return self.source.count("\n", 0, start) + 1 + self.line_offset, self.source[start : span[1]]


def field_name(path: FieldPath) -> str:
    """``('themes', 1)`` → ``themes[1]``; ``('contact', 'email')`` → ``contact.email``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _EventReader:
    """Builds plain values from the parser's events in one pass.

    Working on events (not composed nodes) sees anchors, aliases and tags
    where they are written, and skips PyYAML's tag resolution, whose YAML 1.1
    guesses are exactly what this module refuses.
    """

    def __init__(self, events: Iterator[Any], line_offset: int, text: str = "") -> None:
        self.events = self._tracked(events)
        self.last_end: Any = None
        self.line_offset = line_offset
        self.text = text
        self.problems: list[Problem] = []
        self.positions: dict[FieldPath, tuple[int, int]] = {}
        self.spans: dict[FieldPath, tuple[int, int]] = {}
        self.block_columns: list[int] = []
        """Columns of the open block collections: flow text must stay indented past the innermost one."""
        self.flow_depth = 0

    def place(self, event: Any) -> tuple[int, int]:
        mark = event.start_mark
        return (mark.line + 1 + self.line_offset, mark.column + 1) if mark else (1 + self.line_offset, 1)

    def problem(self, event: Any, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(*self.place(event), field_name(path), message))

    def check_node(self, event: Any, path: FieldPath) -> None:
        if event.anchor:
            self.problem(event, path, f"ankers (&{event.anchor}) zijn niet toegestaan")
        if event.tag not in (None, "!"):
            self.problem(event, path, f"tags ({event.tag}) zijn niet toegestaan")

    def value(self, path: FieldPath, event: Any = None) -> Any:
        event = event or next(self.events)
        self.positions[path] = self.place(event)
        if isinstance(event, yaml.AliasEvent):
            self.problem(event, path, f"aliassen (*{event.anchor}) zijn niet toegestaan; schrijf de waarde uit")
            return None
        self.check_node(event, path)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            return self.collection(event, path)
        self.check_layout(event, event.end_mark, path)
        if event.start_mark is not None and event.end_mark is not None:
            self.spans[path] = (event.start_mark.index, event.end_mark.index)
        return self.scalar(event, path)

    def collection(self, event: Any, path: FieldPath) -> Any:
        if len(path) >= MAX_DEPTH:
            raise _TooDeepError(self.place(event))
        flow = bool(event.flow_style)
        self.flow_depth += flow
        if not flow:
            self.block_columns.append(event.start_mark.column if event.start_mark else 0)
        if isinstance(event, yaml.MappingStartEvent):
            result: Any = self.mapping(path)
        else:
            result = []
            while not isinstance(following := next(self.events), yaml.SequenceEndEvent):
                result.append(self.value((*path, len(result)), following))
        self.flow_depth -= flow
        if flow:
            self.check_layout(event, self.last_end, path)
        else:
            self.block_columns.pop()
        return result

    def _tracked(self, events: Iterator[Any]) -> Iterator[Any]:
        for event in events:
            self.last_end = event.end_mark
            yield event

    def check_layout(self, event: Any, end: Any, path: FieldPath) -> None:
        """Reject what libyaml reads although YAML forbids it (see ``yamllayout``)."""
        if not self.text or event.start_mark is None or end is None:
            return
        parent_column = None if self.flow_depth else (self.block_columns[-1] if self.block_columns else -1)
        style = event.style if isinstance(event, yaml.ScalarEvent) else "["
        message = layout_problem(self.text, event.start_mark.index, end.index, style, parent_column)
        if message:
            self.problem(event, path, message)

    def mapping(self, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        while not isinstance(key_event := next(self.events), yaml.MappingEndEvent):
            if not isinstance(key_event, yaml.ScalarEvent):
                self.problem(key_event, path, "een sleutel moet gewone tekst zijn")
                self.value((*path, "?"), key_event)
                self.value((*path, "?"))
                continue
            key = str(key_event.value)
            if not key_event.style and _NULL.match(key):
                self.problem(key_event, path, "een sleutel moet gewone tekst zijn")
                self.value((*path, "?"))
                continue
            if key == "<<" and key_event.implicit[0]:
                self.problem(key_event, path, "samenvoegsleutels (<<) zijn niet toegestaan")
                self.value((*path, key))
                continue
            if key in first_seen:
                self.problem(
                    key_event,
                    (*path, key),
                    f"dubbele sleutel '{key}' (eerder op regel {first_seen[key]}); YAML zou de eerste stil negeren",
                )
                self.value((*path, f"{key} (dubbel)"))
                continue
            self.check_node(key_event, (*path, key))
            self.check_layout(key_event, key_event.end_mark, (*path, key))
            first_seen[key] = self.place(key_event)[0]
            result[key] = self.value((*path, key))
        return result

    def scalar(self, event: Any, path: FieldPath) -> Any:
        text = str(event.value)
        if event.style:  # quoted or block scalar: always text (plain is None, or "" from libyaml)
            return text
        if _NULL.match(text):
            return None
        if _BOOL.match(text):
            return text.lower() == "true"
        if _YAML11_BOOL.match(text):
            self.problem(
                event,
                path,
                f"'{text}' is dubbelzinnig (YAML 1.1 leest het als ja/nee); "
                "zet tekst tussen aanhalingstekens of schrijf true/false",
            )
            return text
        if _LEADING_ZERO.match(text) or _OTHER_BASE.match(text):
            self.problem(
                event,
                path,
                f"'{text}' zou als getal worden gelezen (voorloopnul of grondtal); zet het tussen aanhalingstekens",
            )
            return text
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        return text

    def document(self) -> tuple[Any, Any]:
        """(root value, the event that started it); (None, None) for an empty stream."""
        next(self.events)  # StreamStart
        start = next(self.events)
        if isinstance(start, yaml.StreamEndEvent):
            return None, None
        first = next(self.events)
        root = self.value((), first)
        next(self.events)  # DocumentEnd
        extra = next(self.events)
        if isinstance(extra, yaml.DocumentStartEvent):
            self.problem(extra, (), "een bestand bevat één YAML-document; haal de tweede '---' weg")
        return root, first


def read_yaml(text: str, *, line_offset: int = 0) -> tuple[Document | None, list[Problem]]:
    """Read one YAML mapping strictly; returns the document (if readable) and every problem."""
    # YAML reads every line break as "\n"; with only "\n" left, positions and layout checks agree with the parser.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = [Problem(line + line_offset, column, "", message) for line, column, message in before_parsing(text)]
    if problems:
        return None, problems
    if text and not text.endswith("\n") and not text.rsplit("\n", 1)[-1].strip():
        text += "\n"  # libyaml drops a last line of only spaces from a block scalar; with its line break it does not
    reader = _EventReader(yaml.parse(text, Loader=_LOADER), line_offset, text)
    try:
        root, first = reader.document()
    except _TooDeepError as error:
        return None, [Problem(*error.place, "", f"de waarden zijn te diep genest (hoogstens {MAX_DEPTH} niveaus)")]
    except yaml.reader.ReaderError as error:
        # A character YAML does not allow (a control character): located by its position in the text.
        before = text[: error.position]
        line, column = before.count("\n") + 1 + line_offset, error.position - (before.rfind("\n") + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
        return None, [Problem(line, column, "", f"het teken U+{code:04X} is niet toegestaan in YAML; haal het weg")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        return None, [Problem(line, column, "", f"YAML kan niet gelezen worden: {error.problem or error.context}")]
    if first is None or root is None:
        return None, [Problem(1 + line_offset, 1, "", "het bestand bevat geen gegevens")]
    if not isinstance(root, dict):
        return None, [Problem(1 + line_offset, 1, "", "verwacht velden (sleutel: waarde) op het hoogste niveau")]
    return Document(root, reader.positions, text, line_offset, reader.spans), reader.problems
