"""``prose`` writes text without Markdown as paragraphs directly: the same HTML Python-Markdown and nh3 make of it."""

from __future__ import annotations

import random

import pytest

from generator.render import markdown_prose, plain_prose, prose

PLAIN = [
    "Hallo wereld.",
    "Een regel\nen nog een.\n\nEen tweede alinea.",
    "Tekst met  twee spaties, en 'aanhalingstekens' \"dubbel\" (haakjes) 50% a/b a+b=c @x € – —.",
    "\n\nWitregels eromheen\n\n\n\nen ertussen\n",
    "Café Ωmega ß ñ 2024 wordt 2025.",
    "Een 1. in de zin - met streepje: en dubbele punt; klaar!",
]
NOT_PLAIN = [
    "1. een lijst",
    "- een lijst",
    "Een *nadruk* woord",
    "Een _nadruk_ woord",
    "Een [link](https://example.org)",
    "<script>alert(1)</script>",
    "R&D",
    "Tekst met {{ x }} erin",
    "]]> einde",
    "Regel met twee spaties  \nerna",
    "    ingesprongen code",
    "# kop",
    "Kop\n===",
    "> citaat",
    "tab\there",
    "harde\u00a0spatie",
    "regel\u2028scheiding",
    "e\u0301 los accent",
    "\\ backslash",
    "`code`",
    "\n\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_prose_is_written_directly_as_markdown_would(text: str) -> None:
    assert plain_prose(text) is not None
    assert prose(text) == markdown_prose(text)


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_other_prose_goes_through_markdown(text: str) -> None:
    assert plain_prose(text) is None
    assert prose(text) == markdown_prose(text)


def test_random_text_is_the_same_both_ways() -> None:
    """Random texts of plain characters, Markdown marks and HTML: either path writes what Markdown writes."""
    rng = random.Random(13)  # noqa: S311  # test data, reproducible
    pieces = [*"abXYé1 .,;:!?'\"()/%+=@€–—-", "\n", "\n\n", "  ", "1. ", "- ", "== ", "*", "_", "<b>", "&", "["]
    plain = 0
    for _ in range(3000):
        text = rng.choice("AbÉz") + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        plain += plain_prose(text) is not None
        assert prose(text) == markdown_prose(text), text
    assert plain > 300  # the direct path was taken often enough to mean something
