"""Which other atlases to merge: ``extra.atlas.sources`` in ``mkdocs.yml`` and ``--source`` on the command line.

```yaml
extra:
  atlas:
    sources:
      - name: utrecht                # prefix of the source's ids: utrecht-<id>
        url: https://kennisatlas-utrecht.nl/open-data/atlas.json
        title: Kennisatlas Utrecht   # optional; else the name in its atlas.json
```

A ``url`` may also be a ``file://`` URL or a path, relative to the folder of ``mkdocs.yml``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...config import SourceSpec
from ...errors import AtlasError
from ...settings import atlas_settings, read_settings

NAME_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NAME_MAX = 30
"""Short, so that ``name-id`` stays within an id's 80 characters for almost every id."""
REMOTE = ("http://", "https://", "file://")


class SourceConfigError(AtlasError):
    """The list of sources itself is wrong: a bad name, a missing location, a name used twice."""


def located(location: str, base: Path) -> str:
    """A URL as it is; a path made absolute against ``base``."""
    if location.startswith(REMOTE):
        return location
    return str((base / location).resolve())


def checked_name(name: Any, where: str) -> str:
    if not isinstance(name, str) or not NAME_PATTERN.match(name) or len(name) > NAME_MAX:
        raise SourceConfigError(
            f"{where}: naam {name!r} is geen korte id (kleine letters, cijfers en koppeltekens, "
            f"hoogstens {NAME_MAX} tekens)"
        )
    return name


def sources_in(mkdocs_file: Path) -> list[SourceSpec]:
    """The sources configured in ``mkdocs.yml`` (``extra.atlas.sources``); none when the key is absent."""
    if not mkdocs_file.is_file():
        return []
    listed = (atlas_settings(read_settings(mkdocs_file)) or {}).get("sources") or []
    where = f"{mkdocs_file.name}: extra.atlas.sources"
    if not isinstance(listed, list):
        raise SourceConfigError(f"{where}: verwacht een lijst van bronnen (name, url)")
    specs = []
    for number, item in enumerate(listed, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("url"), str) or not item["url"].strip():
            raise SourceConfigError(f"{where}, bron {number}: geef 'name' en 'url'")
        title = item.get("title")
        specs.append(
            SourceSpec(
                name=checked_name(item.get("name"), f"{where}, bron {number}"),
                location=located(item["url"].strip(), mkdocs_file.parent),
                title=str(title) if title else None,
            )
        )
    return specs


def source_argument(value: str) -> SourceSpec:
    """``--source NAAM=URL-OF-PAD``; a path is relative to the current folder."""
    name, separator, location = value.partition("=")
    if not separator or not location.strip():
        raise SourceConfigError(f"--source {value!r}: schrijf NAAM=URL-OF-PAD")
    return SourceSpec(checked_name(name, "--source"), located(location.strip(), Path.cwd()))


def unique(specs: list[SourceSpec]) -> tuple[SourceSpec, ...]:
    """The sources in order; a name used twice is an error (ids would collide)."""
    seen: set[str] = set()
    for spec in specs:
        if spec.name in seen:
            raise SourceConfigError(f"de bron '{spec.name}' staat twee keer in de lijst van bronnen")
        seen.add(spec.name)
    return tuple(specs)
