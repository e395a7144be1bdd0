"""Escaping and sanitizing: content text can never inject Markdown, HTML or script."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from generator.render import date_nl, external, md_escape, prose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gemeente *Utrecht*", r"Gemeente \*Utrecht\*"),
        ("a | b", r"a \| b"),
        ("[link](javascript:x)", r"\[link\]\(javascript:x\)"),
        ("<b>vet</b>", "&lt;b&gt;vet&lt;/b&gt;"),
        ("R&D", "R&amp;D"),
        ("# kop", r"\# kop"),
        ("gewoon", "gewoon"),
    ],
)
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


@pytest.mark.parametrize(
    ("markdown", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ("[klik](javascript:alert(1))", "javascript:"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ("<iframe src='https://example.org'></iframe>", "<iframe"),
        ('<p style="color:red">x</p>', "style="),
        ("<!-- verborgen -->", "verborgen"),
    ],
)
def test_prose_is_sanitized(markdown: str, forbidden: str) -> None:
    assert forbidden not in str(prose(markdown))


def test_prose_keeps_ordinary_markdown() -> None:
    html = str(prose("Dit is *nadruk* en een [link](https://www.example.org).\n\n- een\n- twee"))
    assert "<em>nadruk</em>" in html
    assert 'href="https://www.example.org"' in html
    assert 'rel="noopener noreferrer"' in html
    assert "<li>twee</li>" in html
    assert "\n\n" not in html  # a raw HTML block must not contain blank lines


def test_prose_of_nothing_is_empty() -> None:
    assert str(prose(None)) == ""


def test_external_encodes_parentheses() -> None:
    assert str(external("https://example.org/a_(b)", "A (b)")) == r"[A \(b\)](https://example.org/a_%28b%29)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2020, 6, 1), "1 juni 2020"),
        (date(2026, 12, 31), "31 december 2026"),
        (datetime(2026, 3, 5, 14, 0), "5 maart 2026, 14:00"),
        (None, ""),
    ],
)
def test_date_nl(value: date | None, expected: str) -> None:
    assert date_nl(value) == expected
