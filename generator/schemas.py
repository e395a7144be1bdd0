"""JSON Schemas for editors, generated from the pydantic models.

``schemas/<folder>.schema.json`` per kind; editors (VS Code with the YAML
extension, for instance) show the Dutch field descriptions while typing.
``schemas/<folder>.frontmatter.schema.json`` is for the fields of a Markdown
entry: there the body field stands under the front matter, so it is optional.
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


def front_matter_schema_for(kind: Kind) -> dict[str, object]:
    """The kind's schema for the front matter of a ``.md`` file: the body field may be left out."""
    schema = schema_for(kind)
    required = schema.get("required")
    body_field = kind.model.BODY_FIELD
    if isinstance(required, list):
        schema["required"] = [name for name in required if name != body_field]
    schema["$id"] = f"urn:kennisatlas:schema:{kind.folder}:frontmatter"
    schema["title"] = f"Kennisatlas: {kind.singular.lower()} (velden boven de tekst)"
    return schema


def schema_file(kind: Kind, markdown: bool) -> str:
    """The schema file an editor applies to a ``.yml`` (markdown False) or ``.md`` file of a kind."""
    return f"{kind.folder}.frontmatter.schema.json" if markdown else f"{kind.folder}.schema.json"


def _json(schema: dict[str, object]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def rendered_schemas() -> dict[str, str]:
    """{file name: JSON text} for every kind, whole and for front matter."""
    whole = {schema_file(kind, markdown=False): _json(schema_for(kind)) for kind in KINDS}
    front = {schema_file(kind, markdown=True): _json(front_matter_schema_for(kind)) for kind in KINDS}
    return whole | front


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
