"""Every class of bad input gives exactly its located errors: one mistake, one error, every mistake at once.

The corpus lives in ``tests/bad_input/`` (see ``tests/bad_input_corpus.py``
for its layout). Each case is run through ``atlas validate`` and must give
exactly the lines in its ``expected.txt``, and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.bad_input_corpus import BadCase, bad_cases, lay_out, shown
from tests.conftest import CliResult

CASES = bad_cases()


def test_the_corpus_covers_every_class() -> None:
    classes = {case.klass for case in CASES}
    assert len(CASES) >= 140
    assert len(classes) == 13, classes


def test_readme_names_the_corpus_figures() -> None:
    classes = {case.klass for case in CASES}
    readme = re.sub(r"\s+", " ", (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8"))
    assert f"{len(CASES)} gevallen van slechte invoer in {len(classes)} klassen" in readme


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_gives_exactly_its_located_errors(
    case: BadCase, tmp_path: Path, atlas_cli: Callable[..., CliResult]
) -> None:
    content = lay_out(case, tmp_path)
    result = atlas_cli("validate", "--content", str(content))
    assert result.code == 1, result.out
    lines = shown(result.err, content)
    assert lines == case.expected
    files = len({line.split(":", 1)[0] for line in lines})
    noun = "fout" if len(lines) == 1 else "fouten"
    assert result.err.splitlines()[-1] == f"{len(lines)} {noun} in {files} {'bestand' if files == 1 else 'bestanden'}"
