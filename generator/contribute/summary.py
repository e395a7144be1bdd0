"""What a pull request changes in the atlas, as Markdown for the job summary.

Per kind: the entries added, changed (with the fields that changed) and removed, by id and
name; then the signals that the head has and the base had not. Names come from contributors,
so every one is escaped before it goes into the Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..atlas import Atlas
from ..broker.signals.kinds import SIGNAL_KIND_BY_KEY, signals
from ..broker.signals.signal import Signal
from ..derive import label
from ..kinds import KINDS, Kind
from ..render import md_escape


@dataclass(frozen=True)
class Changed:
    """One entry in the head whose fields differ from the base."""

    id: str
    name: str
    fields: tuple[str, ...]


@dataclass
class KindChanges:
    """What changed in the entries of one kind."""

    kind: Kind
    added: list[tuple[str, str]] = field(default_factory=list)
    """(id, name) of entries only in the head."""
    changed: list[Changed] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    """(id, name) of entries only in the base."""

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def changed_fields(before: Any, after: Any) -> tuple[str, ...]:
    """The top-level fields whose values differ, in the model's field order."""
    old, new = before.model_dump(mode="json"), after.model_dump(mode="json")
    return tuple(name for name in new if old.get(name) != new.get(name))


def compare(base: Atlas, head: Atlas) -> list[KindChanges]:
    """Per kind (in ``KINDS`` order), the entries added, changed and removed from base to head, by id."""
    result = []
    for kind in KINDS:
        old, new = base.entries[kind.key], head.entries[kind.key]
        changes = KindChanges(kind)
        for key in sorted(new.keys() - old.keys()):
            changes.added.append((key, label(new[key])))
        for key in sorted(new.keys() & old.keys()):
            if fields := changed_fields(old[key], new[key]):
                changes.changed.append(Changed(key, label(new[key]), fields))
        for key in sorted(old.keys() - new.keys()):
            changes.removed.append((key, label(old[key])))
        result.append(changes)
    return result


def _identities(signal: Signal) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Two ways a signal can be the same as one before: the same title, or the same entries."""
    return (signal.kind, signal.title), (signal.kind, signal.region, signal.theme, signal.entries)


def new_signals(base: Atlas, head: Atlas, today: date) -> list[Signal]:
    """Signals of the head on ``today`` that the base did not give on the same day.

    A signal counts as known when a base signal of its kind has the same title or the same entries,
    so a gap that gains one more question is not reported as new.
    """
    known = {identity for signal in signals(base, today) for identity in _identities(signal)}
    return [signal for signal in signals(head, today) if not known.intersection(_identities(signal))]


def _entry_lines(verb: str, entries: Iterable[tuple[str, str]]) -> list[str]:
    return [f"- {verb}: `{key}` — {md_escape(name)}" for key, name in entries]


def kind_section(changes: KindChanges) -> list[str]:
    """The lines for one kind: a heading and one line per entry."""
    lines = [f"### {changes.kind.plural}", ""]
    lines += _entry_lines("Toegevoegd", changes.added)
    for entry in changes.changed:
        fields = ", ".join(f"`{name}`" for name in entry.fields)
        lines.append(f"- Gewijzigd: `{entry.id}` — {md_escape(entry.name)} (velden: {fields})")
    lines += _entry_lines("Verwijderd", changes.removed)
    return [*lines, ""]


def signal_lines(found: list[Signal]) -> list[str]:
    """The new signals, each with its kind's heading, title and reason."""
    lines = [f"### Nieuwe signalen ({len(found)})", ""]
    if not found:
        return [*lines, "Deze wijziging geeft geen nieuwe signalen.", ""]
    for signal in found:
        heading = SIGNAL_KIND_BY_KEY[signal.kind].heading
        lines.append(f"- **{heading}**: {md_escape(signal.title)} — {md_escape(signal.reason)}")
    return [*lines, ""]


def summary_markdown(base: Atlas, head: Atlas, today: date, base_name: str) -> str:
    """The whole summary: a table of counts per kind, the entries per kind, and the new signals."""
    changes = compare(base, head)
    lines = ["## Wijzigingen in de atlas", "", f"Vergeleken met {base_name}.", ""]
    if any(changes):
        lines += ["| Soort | Toegevoegd | Gewijzigd | Verwijderd |", "| --- | ---: | ---: | ---: |"]
        for kind_changes in changes:
            if kind_changes:
                counts = (len(kind_changes.added), len(kind_changes.changed), len(kind_changes.removed))
                lines.append(f"| {kind_changes.kind.plural} | {counts[0]} | {counts[1]} | {counts[2]} |")
        lines.append("")
        for kind_changes in changes:
            if kind_changes:
                lines += kind_section(kind_changes)
    else:
        lines += ["Geen items toegevoegd, gewijzigd of verwijderd.", ""]
    lines += signal_lines(new_signals(base, head, today))
    return "\n".join(lines)
