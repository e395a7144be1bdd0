"""``atlas.json``: every entry of every kind as data, with its site address and derived links.

The shape is a contract between atlases: federation reads other atlases' ``atlas.json``
with ``read_document``, so a change here raises ``SCHEMA_VERSION``.

```
{"schema_version": "1.0", "name": …, "site_url": …, "commit": … | null, "licence": "CC-BY-4.0",
 "entries": [{"type": "partner", "id": "rivm", "url": "https://…/partners/rivm/",
              "data": {…the content file's fields, as JSON…},
              "related": {"theme": ["droogte", …], …}}, …]}
```

``data`` validates with the kind's model as it is (dates as ``JJJJ-MM-DD`` strings), so an
entry read back is the entry written. ``related`` holds the links seen from both sides,
which the content only writes on one side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..atlas import Atlas
from ..derive import Links
from ..kinds import KIND_BY_KEY, KINDS
from ..models import Entity

SCHEMA_VERSION = "1.0"
LICENCE = "CC-BY-4.0"


def entry_url(site_url: str, kind_key: str, entry_id: str) -> str:
    """The page of an entry: ``site_url`` ends in a slash, or is empty for site-relative paths."""
    return f"{site_url}{KIND_BY_KEY[kind_key].section}/{entry_id}/"


def entry_data(entity: Entity) -> dict[str, Any]:
    """The fields of a content file, as JSON values; unset optional fields left out."""
    return entity.model_dump(mode="json", exclude_none=True)


def atlas_document(atlas: Atlas, *, name: str, site_url: str, commit: str | None) -> dict[str, Any]:
    """The whole atlas as one JSON-ready mapping, kinds in ``KINDS`` order, entries by id."""
    links = Links(atlas)
    entries = []
    for kind in KINDS:
        for entity in atlas.of(kind.key):
            related = {
                target.key: sorted(ids)
                for target in KINDS
                if (ids := links.linked_ids(kind.key, entity.id, target.key))
            }
            entries.append(
                {
                    "type": kind.key,
                    "id": entity.id,
                    "url": entry_url(site_url, kind.key, entity.id),
                    "data": entry_data(entity),
                    "related": related,
                }
            )
    return {
        "schema_version": SCHEMA_VERSION,
        "name": name,
        "site_url": site_url,
        "commit": commit,
        "licence": LICENCE,
        "entries": entries,
    }


@dataclass(frozen=True)
class DocumentEntry:
    """One entry read back from an ``atlas.json``."""

    kind: str
    url: str
    entity: Entity


class DocumentError(ValueError):
    """An ``atlas.json`` that is not one: the message says where (entry number, field)."""


def read_document(document: Any) -> list[DocumentEntry]:
    """The entries of a parsed ``atlas.json``, each validated by its model; raises ``DocumentError``."""
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise DocumentError("geen atlas.json: de sleutel 'entries' met een lijst ontbreekt")
    major = str(document.get("schema_version", "")).split(".")[0]
    if major != SCHEMA_VERSION.split(".")[0]:
        raise DocumentError(f"schema_version {document.get('schema_version')!r} wordt niet ondersteund")
    found: list[DocumentEntry] = []
    problems: list[str] = []
    for number, item in enumerate(document["entries"], start=1):
        kind = KIND_BY_KEY.get(item.get("type", "")) if isinstance(item, dict) else None
        if kind is None or not isinstance(item.get("data"), dict):
            problems.append(f"entry {number}: onbekend type of geen 'data'")
            continue
        try:
            entity = kind.model.model_validate(item["data"])
        except ValidationError as failure:
            for detail in failure.errors():
                where = ".".join(str(part) for part in detail["loc"])
                problems.append(f"entry {number} ({kind.key} {item['data'].get('id', '?')}): {where}: {detail['msg']}")
            continue
        found.append(DocumentEntry(kind.key, str(item.get("url", "")), entity))
    if problems:
        raise DocumentError("\n".join(problems))
    return found
