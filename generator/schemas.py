"""JSON Schemas for editors, generated from the pydantic models.

``schemas/<folder>.schema.json`` per kind; editors (VS Code with the YAML
extension, for instance) show the Dutch field descriptions while typing.
"""

from __future__ import annotations

import json
from pathlib import Path

from .config import PROJECT_ROOT
from .kinds import KINDS, Kind

SCHEMA_DIR = PROJECT_ROOT / "schemas"


def schema_for(kind: Kind) -> dict[str, object]:
    schema = kind.model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:kennisatlas:schema:{kind.folder}",
        **schema,
        "title": f"Kennisatlas: {kind.singular.lower()}",
    }


def rendered_schemas() -> dict[str, str]:
    """{file name: JSON text} for every kind."""
    return {
        f"{kind.folder}.schema.json": json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for kind in KINDS
    }


def write_schemas(target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered_schemas().items():
        path = target / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(target: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    stale = []
    for name, text in rendered_schemas().items():
        path = target / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
