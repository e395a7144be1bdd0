"""schemas/ is generated from the models and must be current; every field is described in Dutch."""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.kinds import KINDS
from generator.schemas import SCHEMA_DIR, rendered_schemas, stale_schemas


def test_committed_schemas_are_current() -> None:
    assert stale_schemas(SCHEMA_DIR) == [], "run `atlas schemas` (or `make schemas`) and commit schemas/"


def _objects(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [schema, *schema.get("$defs", {}).values()]


@pytest.mark.parametrize("kind", KINDS, ids=[kind.key for kind in KINDS])
def test_every_property_has_a_description(kind: Any) -> None:
    schema = json.loads(rendered_schemas()[f"{kind.folder}.schema.json"])
    assert schema["additionalProperties"] is False
    for obj in _objects(schema):
        for name, prop in obj.get("properties", {}).items():
            assert prop.get("description"), f"{kind.key}.{name} has no description"


def test_schema_rejects_what_the_model_rejects() -> None:
    schema = json.loads(rendered_schemas()["partners.schema.json"])
    assert schema["properties"]["website"]["pattern"] == "^https://"
    assert schema["properties"]["id"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
