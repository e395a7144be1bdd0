"""Write one field as YAML in the house style, for ``atlas from-issue``'s new entries and corrections.

The file a field goes into is written by ``scaffold.entry_file_text`` (a new entry) or
``correction.replace_field`` (an existing one), and checked by ``trial`` before it is written.
"""

from __future__ import annotations

from typing import Any

import yaml


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
