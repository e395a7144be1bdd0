"""`atlas from-issue`: real form bodies become files that validate; bad answers a located comment and no file."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.contribute.formnames import ISSUE_FORMS
from generator.contribute.fromissue import IssueProblem, IssueProblems
from generator.contribute.issueforms import NEW_ENTRY_KINDS, TEMPLATE_DIR
from generator.kinds import KIND_BY_KEY
from generator.scaffold import template_text
from tests.conftest import REAL_CONTENT, CliResult
from tests.contribute.conftest import TODAY

BODIES = Path(__file__).parent / "bodies"
EXPECTED_FILES = {
    "kennispartner.yml": "partners/kennisplatform-leefbare-wijken.md",
    "praktijk.yml": "practices/hittekaart-met-bewoners-in-twente.md",
    "onderzoek.yml": "research/droogte-en-landbouw-op-de-zandgronden.md",
    "bijeenkomst.yml": "events/kenniscafe-koele-wijken.md",
    "netwerk.yml": "networks/lerend-netwerk-mantelzorg-fryslan.md",
}
FORM_OF_KIND = {key: ISSUE_FORMS[key] for key in NEW_ENTRY_KINDS}


def body(form: str) -> str:
    return (BODIES / form.replace(".yml", ".md")).read_text(encoding="utf-8")


def with_answer(text: str, label: str, answer: str) -> str:
    """The body with one field's answer replaced, as if the contributor had typed it."""
    pattern = re.compile(rf"(### {re.escape(label)}\n\n)(.*?)(?=\n\n### |\Z)", re.DOTALL)
    replaced, count = pattern.subn(lambda found: found[1] + answer, text, count=1)
    assert count == 1, label
    return replaced


def written(tmp_path: Path) -> list[Path]:
    return sorted(path for path in (tmp_path / "out").rglob("*") if path.is_file())


@pytest.mark.parametrize("form", sorted(EXPECTED_FILES))
def test_a_real_body_becomes_a_file_that_validates(
    form: str, tmp_path: Path, run_issue: Callable[[str, str], CliResult], atlas_cli: Callable[..., CliResult]
) -> None:
    result = run_issue(form, body(form))
    assert result.code == 0, result.err
    assert written(tmp_path) == [tmp_path / "out" / EXPECTED_FILES[form]]
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    assert f"`content/{EXPECTED_FILES[form]}` is gemaakt uit dit issue" in comment
    # Checked again on its own: the file, placed in a copy of the atlas, passes `atlas validate PATH`.
    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, content)
    placed = content / EXPECTED_FILES[form]
    shutil.copy(tmp_path / "out" / EXPECTED_FILES[form], placed)
    check = atlas_cli("validate", "--content", str(content), "--format", "text", str(placed))
    assert check.code == 0, check.err


@pytest.mark.parametrize("kind_key", NEW_ENTRY_KINDS)
def test_the_file_has_the_layout_of_atlas_new(
    kind_key: str, tmp_path: Path, run_issue: Callable[[str, str], CliResult]
) -> None:
    form = FORM_OF_KIND[kind_key]
    assert run_issue(form, body(form)).code == 0
    text = (tmp_path / "out" / EXPECTED_FILES[form]).read_text(encoding="utf-8")
    entry_id = Path(EXPECTED_FILES[form]).stem
    template = template_text(KIND_BY_KEY[kind_key], entry_id, REAL_CONTENT)
    comments = [line for line in template.splitlines() if line.startswith("# ") and ":" not in line[:30]]
    assert [line for line in text.splitlines() if line in comments] == comments
    front = yaml.safe_load(text.split("\n---\n")[0].removeprefix("---\n"))
    assert front["id"] == entry_id
    if "last_reviewed" in KIND_BY_KEY[kind_key].model.model_fields:
        assert str(front["last_reviewed"]) == TODAY


def test_answers_become_ids_and_values(tmp_path: Path, run_issue: Callable[[str, str], CliResult]) -> None:
    assert run_issue("onderzoek.yml", body("onderzoek.yml")).code == 0
    text = (tmp_path / "out" / EXPECTED_FILES["onderzoek.yml"]).read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("\n---\n")[0].removeprefix("---\n"))
    assert front["status"] == "lopend"
    # 'Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur' holds commas, and is still one choice.
    assert front["commissioned_by"] == ["ministerie-van-lvvn", "provincie-noord-brabant"]
    assert front["target_groups"] == ["Agrarische ondernemers", "Waterschappen", "Provincies"]
    assert "links" not in front
    assert text.rstrip().endswith("meet wat ze opleveren.")


INJECTION = "!!python/object/apply:os.system ['touch /tmp/pwned']"
BAD_ANSWERS = [
    # (form, field label, answer, label in the comment, what the comment says)
    ("kennispartner.yml", "Website", "http://www.leefbarewijken.nl", "Website", "https-adres"),
    ("kennispartner.yml", "Website", "www.leefbarewijken.nl", "Website", "https-adres"),
    (
        "kennispartner.yml",
        "Thema's",
        "Klimaatadaptatie, Hittestress",
        "Thema's",
        "'Hittestress' staat niet in de lijst",
    ),
    ("kennispartner.yml", "Soort", "_No response_", "Soort", "verplicht veld ontbreekt"),
    ("kennispartner.yml", "Naam", "_No response_", "Naam", "verplicht veld ontbreekt"),
    ("kennispartner.yml", "Naam", "Vul dit in", "Naam", "vervang de voorbeeldwaarde"),
    ("kennispartner.yml", "Website", "https://www.voorbeeld.nl", "Website", "vervang de voorbeeldwaarde"),
    ("kennispartner.yml", "Naam", "Centraal Bureau voor de Statistiek", "Naam", "er is al een kennispartner"),
    ("kennispartner.yml", "Naam", "CBS", "Naam", "bestaat al"),
    ("kennispartner.yml", "Naam", "!!!", "Naam", "letters of cijfers"),
    ("kennispartner.yml", "Afkorting", "${{ github.token }}", "Afkorting", "sjabloon- of invoegcode"),
    ("kennispartner.yml", "Expertise", "Zie <script>alert(1)</script>", "Expertise", "HTML en javascript"),
    ("kennispartner.yml", "Expertise", "```\n### Website\n\nhttps://kwaad.example\n```", "Website", "twee keer"),
    ("kennispartner.yml", "Website", INJECTION, "Website", "https-adres"),
    ("kennispartner.yml", "Soort", INJECTION, "Soort", "staat niet in de lijst"),
    ("kennispartner.yml", "Contactpunt", "a@leefbarewijken.nl\nb@leefbarewijken.nl", "Contactpunt", "één e-mailadres"),
    ("kennispartner.yml", "Contactpunt", "info-at-leefbarewijken", "Contactpunt", "telefoonnummer"),
    ("praktijk.yml", "Links", "Projectpagina https://www.enschede.nl", "Links", "titel | https://"),
    ("praktijk.yml", "Links", "Projectpagina | javascript:alert(1)", "Links", "regel 1, url: 'javascript:alert(1)'"),
    ("praktijk.yml", "Links", "Eén | https://www.a.nl\nTwee | http://www.b.nl", "Links", "regel 2, url: "),
    ("kennispartner.yml", "Contactpunt", "info@x", "Contactpunt", "email: 'info@x' is geen geldig e-mailadres"),
    ("praktijk.yml", "Samenvatting", "x" * 501, "Samenvatting", "te lang"),
    ("onderzoek.yml", "Begin", "31-01-2027", "Begin", "JJJJ-MM-DD"),
    ("onderzoek.yml", "Einde", "2025-01-01", "Algemeen", "end ligt vóór start"),
    ("onderzoek.yml", "Regio", "Twente, Fryslân", "Regio", "kies er één"),
    ("bijeenkomst.yml", "Begin", "morgen", "Begin", "JJJJ-MM-DDTUU:MM"),
    ("bijeenkomst.yml", "Webpagina", "https://localhost/aanmelden", "Webpagina", "lokaal of intern adres"),
    ("netwerk.yml", "Coördinator", "Gemeente Zwolle", "Coördinator", "staat niet in de lijst"),
]


@pytest.mark.parametrize(
    ("form", "label", "answer", "where", "says"),
    BAD_ANSWERS,
    ids=[f"{form}-{label}-{answer[:20]}" for form, label, answer, _, _ in BAD_ANSWERS],
)
def test_a_bad_answer_gets_a_located_comment_and_no_file(
    form: str,
    label: str,
    answer: str,
    where: str,
    says: str,
    tmp_path: Path,
    run_issue: Callable[[str, str], CliResult],
) -> None:
    result = run_issue(form, with_answer(body(form), label, answer))
    assert result.code == 1
    assert written(tmp_path) == []
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    assert comment == result.err.rstrip("\n") + "\n"
    problems = [line for line in comment.splitlines() if line.startswith("- **")]
    assert len(problems) == 1, comment
    unescaped = re.sub(r"\\(.)", r"\1", problems[0]).replace("&lt;", "<").replace("&gt;", ">").replace("`@`", "@")
    assert unescaped.startswith(f"- **{where}**: ")
    assert says in unescaped


def test_every_problem_at_once_in_the_order_of_the_form(
    tmp_path: Path, run_issue: Callable[[str, str], CliResult]
) -> None:
    text = body("kennispartner.yml")
    for label, answer in [("Website", "http://x.nl"), ("Schaal", "_No response_"), ("Thema's", "Hitte")]:
        text = with_answer(text, label, answer)
    assert run_issue("kennispartner.yml", text).code == 1
    comment = (tmp_path / "comment.md").read_text(encoding="utf-8")
    labels = re.findall(r"^- \*\*(.+?)\*\*", comment, re.MULTILINE)
    assert labels == ["Schaal", "Thema's", "Website"]


def test_a_yaml_tag_in_a_text_stays_text(tmp_path: Path, run_issue: Callable[[str, str], CliResult]) -> None:
    assert run_issue("kennispartner.yml", with_answer(body("kennispartner.yml"), "Afkorting", INJECTION)).code == 0
    text = (tmp_path / "out" / EXPECTED_FILES["kennispartner.yml"]).read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("\n---\n")[0].removeprefix("---\n"))
    assert front["abbreviation"] == INJECTION
    assert not Path("/tmp/pwned").exists()  # noqa: S108 - the file the injection would make


def test_the_comment_escapes_what_the_contributor_wrote() -> None:
    comment = IssueProblems([IssueProblem("Naam", "'@iedereen [klik](https://kwaad.example)' <b>")]).comment()
    assert "@iedereen" not in comment
    assert "[klik](" not in comment
    assert "<b>" not in comment


def test_an_existing_file_is_never_overwritten(tmp_path: Path, run_issue: Callable[[str, str], CliResult]) -> None:
    target = tmp_path / "out" / EXPECTED_FILES["netwerk.yml"]
    target.parent.mkdir(parents=True)
    target.write_text("van iemand anders", encoding="utf-8")
    result = run_issue("netwerk.yml", body("netwerk.yml"))
    assert result.code == 1
    assert "bestaat al" in result.err
    assert target.read_text(encoding="utf-8") == "van iemand anders"


@pytest.mark.parametrize("form", ["kennisvraag.yml", "onbekend.yml", "../../etc/passwd"])
def test_only_the_contribution_forms_are_known(form: str, run_issue: Callable[[str, str], CliResult]) -> None:
    result = run_issue(form, body("netwerk.yml"))
    assert result.code == 1
    assert "kennispartner.yml" in result.err


def test_an_unreadable_body_file_is_an_error(tmp_path: Path, atlas_cli: Callable[..., CliResult]) -> None:
    result = atlas_cli("from-issue", str(tmp_path / "bestaat-niet.md"), "--form", "netwerk.yml")
    assert result.code == 1
    assert "kan niet worden gelezen" in result.err


def placeholder_answers() -> list[tuple[str, str, str]]:
    """(form, label, placeholder) for every field whose example would be a valid-looking answer."""
    found = []
    for form in sorted(EXPECTED_FILES):
        committed = yaml.safe_load((TEMPLATE_DIR / form).read_text(encoding="utf-8"))
        for element in committed["body"]:
            example = element["attributes"].get("placeholder")
            if example and element["id"] not in ("start", "end"):
                found.append((form, element["attributes"]["label"], example))
    return found


@pytest.mark.parametrize(("form", "label", "example"), placeholder_answers())
def test_an_example_copied_from_the_form_does_not_pass(
    form: str, label: str, example: str, tmp_path: Path, run_issue: Callable[[str, str], CliResult]
) -> None:
    """Dates excepted: any real date looks like the example."""
    result = run_issue(form, with_answer(body(form), label, example))
    assert result.code == 1
    assert written(tmp_path) == []
    assert f"**{label}**: " in result.err
    assert "vervang de voorbeeldwaarde" in result.err


def test_every_form_has_examples_to_check() -> None:
    assert {form for form, _, _ in placeholder_answers()} == set(EXPECTED_FILES)
