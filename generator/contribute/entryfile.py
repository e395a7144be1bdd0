"""Write one field as YAML in the house style, and check a content file before it is written.

``atlas from-issue`` writes nothing that does not validate, so the file's text is first checked against
the whole atlas as if it stood at its place in the content folder (the same check as
``atlas validate PATH``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..config import AtlasConfig
from ..errors import ContentError, ContentErrors, display_path
from ..kinds import Kind
from ..load import load, read_record
from ..validate import validate


class _HouseDumper(yaml.SafeDumper):
    """Lists indented under their key, texts of several lines as a block: as the files in content/ are."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_HouseDumper.add_representer(str, _text)


def field_yaml(name: str, value: Any) -> str:
    """``name: value`` as YAML lines; every text is a plain string, whatever it looks like."""
    return yaml.dump(
        {name: value}, Dumper=_HouseDumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100
    ).rstrip("\n")


def errors_of_text(config: AtlasConfig, kind: Kind, target: Path, text: str) -> list[ContentError]:
    """The errors ``text`` would have as the file ``target`` in the content folder (replacing it if it exists)."""
    shown = display_path(target, config.root)
    loaded = load(config.content_dir, config.root)
    loaded.records = [record for record in loaded.records if record.path != shown]
    loaded.errors = [error for error in loaded.errors if error.path != shown]
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / target.name
        trial.write_text(text, encoding="utf-8")
        record, errors = read_record(kind, trial, shown)
    if record is not None:
        loaded.records.append(record)
    try:
        validate(loaded, display_path(config.content_dir, config.root))
    except ContentErrors as failure:
        errors += failure.errors
    return sorted({error for error in errors if error.path == shown})
