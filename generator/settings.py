"""``mkdocs.yml`` read as data, for the settings the generator takes from it (``site_url``, ``extra.atlas``).

mkdocs reads the file itself for the build; here it is only data. It may hold mkdocs' own tags
(``!ENV``, ``!relative``, ``!!python/name:``): they are read as nothing, as they are not ours.
Each caller words its own error, since a missing site address and a bad repository differ.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _Lenient(yaml.SafeLoader):
    """Safe YAML that reads every tag it does not know as empty."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(mkdocs_file: Path) -> dict[str, Any]:
    """The top-level mapping of ``mkdocs_file`` ({} if it holds none); raises ``OSError`` or ``yaml.YAMLError``."""
    settings = yaml.load(mkdocs_file.read_text(encoding="utf-8"), Loader=_Lenient)  # noqa: S506 (a SafeLoader)
    return settings if isinstance(settings, dict) else {}


def atlas_settings(settings: dict[str, Any]) -> Any:
    """``extra.atlas`` of the settings, or None when it is absent."""
    extra = settings.get("extra")
    return extra.get("atlas") if isinstance(extra, dict) else None
