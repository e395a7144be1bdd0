"""The strict YAML reader: every surprise PyYAML would hide becomes a located problem."""

from __future__ import annotations

import pytest
import yaml

from generator import yamlstrict
from generator.yamlstrict import field_name, read_yaml


@pytest.fixture(autouse=True, params=["CSafeLoader", "SafeLoader"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with libyaml's parser and with the pure-Python one: they must agree."""
    monkeypatch.setattr(yamlstrict, "_LOADER", getattr(yaml, request.param))
    return str(request.param)


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        ("name: a\nname: b\n", 2, 1, "dubbele sleutel 'name' (eerder op regel 1)"),
        ("a: &x 1\nb: 2\n", 1, 4, "ankers (&x)"),
        ("a: &x 1\nb: *x\n", 2, 4, "aliassen (*x)"),
        ("a: !!str 5\n", 1, 4, "tags (tag:yaml.org,2002:str)"),
        ("a: !eigen waarde\n", 1, 4, "tags (!eigen)"),
        ("a:\n\t- b\n", 2, 1, "tab gebruikt om in te springen"),
        ("postcode: no\n", 1, 11, "'no' is dubbelzinnig"),
        ("actief: Yes\n", 1, 9, "'Yes' is dubbelzinnig"),
        ("licht: off\n", 1, 8, "'off' is dubbelzinnig"),
        ("kvk: 012345\n", 1, 6, "'012345' zou als getal worden gelezen"),
        ("kleur: 0x1F\n", 1, 8, "'0x1F' zou als getal worden gelezen"),
        ("a: 1\n<<: {b: 2}\n", 2, 1, "samenvoegsleutels"),
        ("a: [1, 2\n", 2, 1, "YAML kan niet gelezen worden"),
        ("", 1, 1, "geen gegevens"),
        ("- a\n- b\n", 1, 1, "verwacht velden"),
        ("a: 1\n---\nb: 2\n", 2, 1, "een bestand bevat één YAML-document"),
        ("{[a]: 1}\n", 1, 2, "een sleutel moet gewone tekst zijn"),
        ("~: 1\n", 1, 1, "een sleutel moet gewone tekst zijn"),
        ("a: b\x01\n", 1, 5, "het teken U+0001 is niet toegestaan in YAML"),
        ("a: b\nc: d\x85e\n", 2, 5, "U+0085 is een ongewoon regeleinde"),
        ("a:" + "".join(f"\n{'  ' * level}b:" for level in range(1, 26)) + " 1\n", 21, 41, "te diep genest"),
    ],
)
def test_problems_are_located(text: str, line: int, column: int, fragment: str) -> None:
    _, problems = read_yaml(text)
    matching = [p for p in problems if fragment in p.message]
    assert matching, f"no problem with {fragment!r} for {text!r}: {problems}"
    assert (matching[0].line, matching[0].column) == (line, column)


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        ("flow: [a,\nb]\n", 1, 7, "moet verder inspringen"),
        ('quoted: "a\nb"\n', 1, 9, "moet verder inspringen"),
        ("a: >\n \n  \n   \n # c\n", 1, 4, "een lege regel aan het begin van een tekstblok"),
        ('key: "value"# x\n', 1, 6, "een opmerking (#) moet na een spatie komen"),
        ("block: ># x\n  tekst\n", 1, 8, "een opmerking (#) moet na een spatie komen"),
        ("{ ?foo: bar }\n", 1, 4, "een '?' direct voor tekst"),
    ],
)
def test_what_libyaml_gets_wrong_is_rejected(loader: str, text: str, line: int, column: int, fragment: str) -> None:
    """yaml-test-suite 9C9N, QB6E, S98Z, SU5Z, X4QW, 652Z: libyaml accepts or misreads these; PyYAML may refuse."""
    _, problems = read_yaml(text)
    assert problems
    if loader == "CSafeLoader":
        assert [(p.line, p.column) for p in problems if fragment in p.message] == [(line, column)], problems


def test_line_offset_shifts_positions() -> None:
    _, problems = read_yaml("a: 1\na: 2\n", line_offset=1)
    assert (problems[0].line, problems[0].column) == (3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 'no'\n", "no"),
        ('a: "012345"\n', "012345"),
        ("a: true\n", True),
        ("a: False\n", False),
        ("a: 12\n", 12),
        ("a: -3\n", -3),
        ("a: 1.5\n", 1.5),
        ("a: 2020-06-01\n", "2020-06-01"),
        ("a: 14:30\n", "14:30"),
        ("a: ~\n", None),
        ("a:\n", None),
        ("a: |\n  regel een\n  regel twee\n", "regel een\nregel twee\n"),
        ("a: gewone tekst\n", "gewone tekst"),
        ("a: [b,\n  c]\n", ["b", "c"]),
        ('a: "lange\n  regel"\n', "lange regel"),
        ("a: |\n  x\n   ", "x\n \n"),
        ("a: |\r\n  x\r\n  y\r\n", "x\ny\n"),
    ],
)
def test_values_follow_yaml_1_2_and_keep_text(text: str, expected: object) -> None:
    document, problems = read_yaml(text)
    assert problems == []
    assert document is not None
    assert document.data["a"] == expected


def test_positions_of_nested_values() -> None:
    document, _ = read_yaml("a: 1\nthemes:\n  - x1\n  - x2\ncontact:\n  email: z\n")
    assert document is not None
    assert document.position(("themes", 1)) == (4, 5)
    assert document.position(("contact", "email")) == (6, 10)
    assert document.position(("contact", "missing")) == (6, 3)


@pytest.mark.parametrize(
    ("path", "name"),
    [(("themes", 1), "themes[1]"), (("contact", "email"), "contact.email"), (("links", 0, "url"), "links[0].url")],
)
def test_field_names(path: tuple[str | int, ...], name: str) -> None:
    assert field_name(path) == name


def test_all_problems_are_collected() -> None:
    _, problems = read_yaml("a: no\nb: 0123\nc: off\n")
    assert [p.line for p in problems] == [1, 2, 3]
