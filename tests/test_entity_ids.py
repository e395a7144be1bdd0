"""The id a contributor would choose from a name (``fieldtypes.id_from_name``): for ``atlas import`` and an entry
from an issue alike."""

from __future__ import annotations

import re

import pytest

from generator.fieldtypes import ID_MAX, ID_PATTERN, id_from_name


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("Gemeente 's-Hertogenbosch", "gemeente-s-hertogenbosch"),
        ("Kenniscafé: koele wijken", "kenniscafe-koele-wijken"),
        ("Fryslân  —  mantelzorg", "fryslan-mantelzorg"),
        ("Wageningen University & Research", "wageningen-university-research"),
        ("Provincie Fryslân", "provincie-fryslan"),
        ("RIVM", "rivm"),
        ("!!!", ""),
        ("woord " * 30, ("woord-" * 13).rstrip("-")),
    ],
)
def test_id_from_name(name: str, entry_id: str) -> None:
    assert id_from_name(name) == entry_id
    assert len(id_from_name(name)) <= ID_MAX


@pytest.mark.parametrize("name", ["Gemeente Súdwest-Fryslân", "a" * 200, "x " * 100, "Ministerie van BZK / DGBRW"])
def test_an_id_from_a_name_is_a_valid_id(name: str) -> None:
    assert re.fullmatch(ID_PATTERN.strip("^$"), id_from_name(name))
