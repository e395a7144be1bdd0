"""``atlas match``: plain and JSON output, flags checked against the atlas, and the evaluation."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.broker.match.evaluate import evaluate, read_cases
from generator.broker.match.matcher import Matcher
from generator.build import gather
from generator.config import AtlasConfig
from generator.errors import AtlasError
from tests.conftest import CliResult

EVALUATION = Path(__file__).parent / "evaluation.yml"
Cli = Callable[..., CliResult]


def test_plain_output_is_a_numbered_list_with_reasons(atlas_cli: Cli, content: Path) -> None:
    result = atlas_cli("match", "hittestress in de Voorbeeldregio", "--content", str(content), "--limit", "2")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("1. [Kennispartner] ")
    assert " — /partners/" in lines[0]
    assert "   - zelfde thema: Klimaatadaptatie" in lines
    assert any(line.startswith("2. ") for line in lines)
    assert not any(line.startswith("3. ") for line in lines)


def test_json_output_has_every_field(atlas_cli: Cli, content: Path) -> None:
    result = atlas_cli(
        "match",
        "droogte",
        "--content",
        str(content),
        "--json",
        "--needs",
        "data",
        "--theme",
        "droogte",
        "--region",
        "voorbeeldregio",
        "--domain",
        "fysiek",
    )
    assert result.code == 0
    found = json.loads(result.out)
    assert found
    assert set(found[0]) == {"type", "id", "name", "url", "score", "parts", "reasons"}
    assert set(found[0]["parts"]) == {"text", "themes", "region", "offers", "links", "domain"}
    assert found[0]["score"] == pytest.approx(sum(found[0]["parts"].values()), abs=1e-5)
    assert "biedt data" in found[0]["reasons"]


def test_no_match_is_said_plainly(atlas_cli: Cli, content: Path) -> None:
    result = atlas_cli("match", "Wat kost een brood in Parijs?", "--content", str(content))
    assert result.code == 0
    assert result.out.startswith("Geen passende")
    assert json.loads(atlas_cli("match", "brood", "--content", str(content), "--json").out) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--region", "voorbeeldregi"], "onbekende regio 'voorbeeldregi' (bedoelde je 'voorbeeldregio'?)"),
        (["x", "--theme", "drogte"], "onbekende thema 'drogte' (bedoelde je 'droogte'?)"),
        ([], "geef een vraag"),
    ],
)
def test_unknown_ids_are_clear_errors(atlas_cli: Cli, content: Path, args: list[str], message: str) -> None:
    result = atlas_cli("match", *args, "--content", str(content))
    assert result.code == 1
    assert message in result.err


def test_unknown_need_is_refused(atlas_cli: Cli, content: Path) -> None:
    with pytest.raises(SystemExit):
        atlas_cli("match", "x", "--needs", "geld", "--content", str(content))


def test_evaluate_prints_the_figures(atlas_cli: Cli) -> None:
    result = atlas_cli("match", "--evaluate", str(EVALUATION))
    assert result.code == 0
    assert "top-1: " in result.out
    assert "top-5: " in result.out


def test_evaluation_set_meets_the_targets() -> None:
    """At least 90 % with a named organisation in the top 5, and 70 % first."""
    matcher = Matcher.for_atlas(gather(AtlasConfig().resolve()))
    evaluation = evaluate(matcher, read_cases(EVALUATION))
    assert len(evaluation.outcomes) >= 20
    assert evaluation.share(5) >= 0.90
    assert evaluation.share(1) >= 0.70


@pytest.mark.parametrize(
    ("text", "message"),
    [("- question: x\n", "vraag 1: expect"), ("{}\n", "verwacht een lijst"), ("- [\n", "kan niet gelezen")],
)
def test_bad_evaluation_file_names_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "eval.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AtlasError, match=message):
        read_cases(path)
