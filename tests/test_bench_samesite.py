"""bench.samesite: two sites are the same when their pages have the same elements, attributes and text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.samesite import compare_sites, main, page_tokens

PAGE = '<ul>\n<li><a href="../x/" class="a b">X &amp; Y</a> (regio): reden</li>\n</ul>\n<p>een<br>twee</p>'


@pytest.mark.parametrize(
    "same",
    [
        PAGE,
        '<ul><li><a class="a b" href="../x/">X &#38; Y</a> (regio): reden</li></ul><p>een<br />twee</p>',
        '<ul>\n  <li><a href="../x/" class="a b">X &amp; Y</a>   (regio):\n reden</li>\n</ul>\n\n<p>een<br>twee</p>\n',
    ],
)
def test_whitespace_entities_and_attribute_order_do_not_count(same: str) -> None:
    assert page_tokens(same) == page_tokens(PAGE)


@pytest.mark.parametrize(
    "other",
    [
        PAGE.replace("reden", "andere reden"),
        PAGE.replace("../x/", "../../x/"),
        PAGE.replace('class="a b"', 'class="a"'),
        PAGE.replace("<p>een<br>twee</p>", "<p>een</p><p>twee</p>"),
        PAGE.replace("X &amp; Y</a> (", "X &amp; Y</a>("),
        PAGE.replace("<ul>", "<ol>").replace("</ul>", "</ol>"),
    ],
)
def test_text_attributes_and_elements_count(other: str) -> None:
    assert page_tokens(other) != page_tokens(PAGE)


def site(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_compare_sites_names_each_differing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = site(tmp_path / "old", {"a/index.html": PAGE, "b/index.html": PAGE, "c.json": "{}", "gone.html": PAGE})
    new = site(
        tmp_path / "new",
        {"a/index.html": PAGE.replace("\n", ""), "b/index.html": PAGE.replace("reden", "x"), "c.json": "{ }"},
    )
    assert set(compare_sites(old, new)) == {"b/index.html", "c.json", "gone.html"}
    assert main([str(old), str(new)]) == 1
    assert "3 files differ" in capsys.readouterr().out
    assert main([str(old), str(old)]) == 0
