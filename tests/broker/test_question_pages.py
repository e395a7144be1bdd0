"""Question pages: who can help, what is already known, the same question elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.build import gather
from generator.config import AtlasConfig
from generator.render import render_site


def question_page(content: Path, question_id: str) -> str:
    pages = render_site(gather(AtlasConfig(content_dir=content).resolve()))
    return pages[f"vragen/{question_id}.md"]


def section(page: str, title: str) -> str:
    return page.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_who_can_help_lists_partners_not_yet_linked_with_reasons(content: Path) -> None:
    page = question_page(content, "hoe-houden-we-wijken-koel")
    helpers = section(page, "Wie kan helpen")
    # The planbureau is linked already; the gemeente is not, and works on the theme in the region.
    assert ">Voorbeeld Planbureau</a>" not in helpers
    assert "(kennispartner): zelfde thema: Klimaatadaptatie; schakelfunctie van Voorbeeldregio" in helpers
    assert '<a href="../../partners/voorbeeld-planbureau/">Voorbeeld Planbureau</a>' in section(
        page, "Gekoppelde kennispartners"
    )


def test_what_is_known_lists_practices_and_research_on_the_themes(content: Path) -> None:
    page = question_page(content, "is-er-genoeg-water")
    known = section(page, "Wat is er al bekend")
    assert (
        '<a href="../../praktijken/koele-wijken/">Koele wijken</a> (goede praktijk): verwant thema: Klimaatadaptatie'
        in known
    )
    assert "droogte-verkenning" not in known  # linked to the question already


def test_the_same_question_elsewhere(content: Path, write: Callable[[str, str], Path]) -> None:
    write(
        "regions/andere-regio.md",
        "---\nid: andere-regio\nname: Andere regio\nscale: regio\nlast_reviewed: 2026-11-01\n---\nTekst.\n",
    )
    write(
        "questions/koele-wijken-elders.yml",
        """
        id: koele-wijken-elders
        title: Hoe houden we oude wijken koel?
        question: Welke maatregelen werken tegen hittestress in oude wijken met veel steen?
        region: andere-regio
        themes: [klimaatadaptatie]
        domains: [fysiek]
        status: ingediend
        submitted: 2026-03-01
        """,
    )
    page = question_page(content, "hoe-houden-we-wijken-koel")
    elsewhere = section(page, "Dezelfde vraag elders")
    assert '<a href="../koele-wijken-elders/">Hoe houden we oude wijken koel?</a> (kennisvraag)' in elsewhere
    assert "is-er-genoeg-water" not in elsewhere  # another theme, and no words in common
    assert "Geen vergelijkbare vraag" in section(question_page(content, "is-er-genoeg-water"), "Dezelfde vraag elders")


def test_the_site_carries_the_match_data(content: Path) -> None:
    pages = render_site(gather(AtlasConfig(content_dir=content).resolve()))
    assert '"docs":[' in pages["broker/match.json"]
