"""The table shape per kind: derived from the model, cells written and read back the same."""

from __future__ import annotations

import pytest

from generator.exchange.tables import READ_ONLY, columns, header, neutralised, restored, row, row_data
from generator.kinds import KIND_BY_KEY, KINDS, Kind


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.key)
def test_every_field_has_a_column_in_model_order_id_first(kind: Kind) -> None:
    fields = list(dict.fromkeys(column.field for column in columns(kind)))
    assert fields == list(kind.model.model_fields)
    assert header(kind)[0] == "id"
    assert header(kind)[-len(READ_ONLY) :] == list(READ_ONLY)


def test_nested_object_becomes_dotted_columns() -> None:
    names = header(KIND_BY_KEY["partner"])
    assert names[names.index("contact.email") : names.index("contact.email") + 3] == [
        "contact.email",
        "contact.phone",
        "contact.url",
    ]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("https://x.nl")', '\'=HYPERLINK("https://x.nl")'),
        ("+31 30 123 4567", "'+31 30 123 4567"),
        ("- eerste punt", "'- eerste punt"),
        ("@iemand", "'@iemand"),
        ("'al een apostrof", "''al een apostrof"),
        ("gewone tekst", "gewone tekst"),
        ("", ""),
    ],
)
def test_neutralised_for_excel_and_restored_on_import(text: str, written: str) -> None:
    assert neutralised(text) == written
    assert restored(written) == text


def test_row_writes_lists_objects_and_flags_in_one_cell_each() -> None:
    data = {
        "id": "x",
        "title": "Titel",
        "themes": ["droogte", "hitte"],
        "links": [{"title": "Rapport | deel 1", "url": "https://a.nl"}, {"title": "B", "url": "https://b.nl"}],
        "online": True,
    }
    cells = dict(zip(header(KIND_BY_KEY["event"]), row(KIND_BY_KEY["event"], data, "agenda/x/"), strict=True))
    assert cells["themes"] == "droogte, hitte"
    assert cells["online"] == "true"
    assert cells["page_url"] == "agenda/x/"
    practice_cells = row(KIND_BY_KEY["practice"], data, "")
    assert "Rapport | deel 1 | https://a.nl\nB | https://b.nl" in practice_cells


@pytest.mark.parametrize(
    ("column", "cell", "expected"),
    [
        ("themes", "droogte, hitte", {"themes": ["droogte", "hitte"]}),
        ("themes", "droogte;hitte\nzon,", {"themes": ["droogte", "hitte", "zon"]}),
        ("online", "ja", {"online": True}),
        ("online", "FALSE", {"online": False}),
        ("start", "2026-06-10", {"start": "2026-06-10"}),
        ("description", "'- punt\r\n- punt", {"description": "- punt\n- punt"}),
        ("title", "  ", {}),
    ],
)
def test_row_data_reads_a_cell(column: str, cell: str, expected: dict[str, object]) -> None:
    data, problems = row_data(KIND_BY_KEY["event"], {column: cell})
    assert (data, problems) == (expected, [])


def test_row_data_reads_objects_one_per_line_with_separator_in_the_first_field() -> None:
    data, problems = row_data(
        KIND_BY_KEY["partner"],
        {"contact_persons": "An | rol | | 2026-01-02\n\nBo | b | bo@x.nl | 2026-01-03", "contact.url": "https://x.nl"},
    )
    assert problems == []
    assert data == {
        "contact": {"url": "https://x.nl"},
        "contact_persons": [
            {"name": "An", "role": "rol", "consent_date": "2026-01-02"},
            {"name": "Bo", "role": "b", "email": "bo@x.nl", "consent_date": "2026-01-03"},
        ],
    }


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        ("title", '=HYPERLINK("https://kwaad.example","klik")', "is een formule"),
        ("online", "misschien", "geen ja of nee"),
        ("links", "alleen een titel", "regel 1: verwacht 2 delen"),
    ],
)
def test_row_data_refuses_a_bad_cell(column: str, cell: str, message: str) -> None:
    _, problems = row_data(KIND_BY_KEY["event" if column != "links" else "practice"], {column: cell})
    assert len(problems) == 1
    assert problems[0][0] == column
    assert message in problems[0][1]
