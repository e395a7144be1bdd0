"""Any input ends in success or in located errors, never in another exception.

Hypothesis feeds random bytes, random YAML and random mutations of the real
content files to the loader and the validator. Runs are deterministic
(``derandomize``) and bounded, so CI sees the same examples every time.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ContentError, ContentErrors
from generator.load import load
from generator.validate import validate

ROOT = Path(__file__).parent.parent
FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
REAL_FILES = sorted(path.relative_to(ROOT / "content").as_posix() for path in (ROOT / "content").rglob("*.*"))
PLACES = ["partners/kapot.yml", "themes/kapot.md", "pages/kapot.md", "events/kapot.yaml", "onbekend/kapot.yml"]

bounded = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def assert_harmless(content: Path) -> None:
    """Load and validate: success, or ContentErrors whose every item is located."""
    loaded = load(content, content.parent)
    errors: list[ContentError] = []
    try:
        validate(loaded, "content")
    except ContentErrors as failure:
        errors = failure.errors
        assert errors
    for error in errors:
        assert isinstance(error, ContentError)
        assert error.line >= 1
        assert error.column >= 1
        assert error.message
        assert error.path.startswith("content")


@pytest.fixture(scope="module")
def fixture_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("harmless") / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    return content


@pytest.fixture(scope="module")
def real_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("harmless-real") / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def written(content: Path, relative: str, data: bytes) -> Iterator[None]:
    """``data`` at ``relative`` for one example; the tree is as before afterwards."""
    path = content / relative
    before = path.read_bytes() if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        yield
    finally:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)


def check_with(content: Path, relative: str, data: bytes) -> None:
    for _ in written(content, relative, data):
        assert_harmless(content)


@bounded
@given(place=st.sampled_from(PLACES), data=st.binary(max_size=2000))
def test_random_bytes(fixture_tree: Path, place: str, data: bytes) -> None:
    check_with(fixture_tree, place, data)


YAML_CHARACTERS = st.sampled_from([*":-[]{}#&*!|>'\"%@`?,.~ \n\t\r\\", "---", "...", "<<", "id", "\ufeff", "é"])
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40), st.dates().map(str)
)


def containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4))


values = st.recursive(scalars, containers, max_leaves=20)
field_names = st.sampled_from(["id", "name", "title", "kind", "themes", "description", "website", "contact", "links"])


@bounded
@given(
    place=st.sampled_from(PLACES[:2]),
    document=st.dictionaries(field_names | st.text(max_size=10), values, max_size=8),
    style=st.sampled_from([None, False, True]),
)
def test_random_yaml_documents(fixture_tree: Path, place: str, document: dict[str, Any], style: bool | None) -> None:
    text = yaml.safe_dump(document, default_flow_style=style, allow_unicode=True)
    if place.endswith(".md"):
        text = f"---\n{text}---\nTekst.\n"
    check_with(fixture_tree, place, text.encode("utf-8"))


@bounded
@given(place=st.sampled_from(PLACES[:3]), pieces=st.lists(YAML_CHARACTERS | st.text(max_size=5), max_size=80))
def test_random_yaml_text(fixture_tree: Path, place: str, pieces: list[str]) -> None:
    check_with(fixture_tree, place, "".join(pieces).encode("utf-8", "surrogatepass"))


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real content file with a few random edits: cut, insert, duplicate or swap lines, flip bytes."""
    relative = draw(st.sampled_from(REAL_FILES))
    data = bytearray((ROOT / "content" / relative).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["cut", "insert", "duplicate", "swap", "flip"]))
        if edit == "cut":
            del data[at : at + draw(st.integers(1, 40))]
        elif edit == "insert":
            data[at:at] = draw(YAML_CHARACTERS | st.text(max_size=10)).encode("utf-8", "surrogatepass")
        elif edit == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            other = draw(st.integers(0, len(lines) - 1))
            if edit == "duplicate":
                lines.insert(index, lines[other])
            else:
                lines[index], lines[other] = lines[other], lines[index]
            data = bytearray(b"\n".join(lines))
    return relative, bytes(data)


@bounded
@given(mutation=mutations())
def test_random_mutations_of_real_content(real_tree: Path, mutation: tuple[str, bytes]) -> None:
    check_with(real_tree, *mutation)
