"""Long lists on entry pages: the first few, and the way to all of them.

A region or theme page lists what is linked to it. In a national atlas of
20,000 entries such a list runs into the hundreds and the page far past 20 kB of HTML. An
entry page therefore shows the first ``LIST_LIMIT`` of a list (sorted as always) and then says
how many more there are, with a link to the search page filtered on this entry and that kind.
Nothing is dropped without saying so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlencode

from .vocab import QuestionStatus

ROW_LIMIT = 2
"""A row of a theme page's table "Per regio: wie kun je vragen?" names at most this many partners;
a row with more shows how many, linking to them in Zoeken."""
LIST_LIMIT = 3
"""Entries shown per list on an entry page. Small: an entry page stays at most 20 kB of HTML
(``tests/test_pagelists.py``), the theme around the content is some 11 kB of it (header, navigation, scripts)
and a theme page has seven lists."""
REGION_ROWS = 8
"""A theme page's "Per regio: wie kun je vragen?" is a table with a row of names per region up to this many
regions; with more (a national atlas) it is a choice of region that opens Zoeken on the theme's partners
there, each region with its count: a line of some 50 bytes per region instead of a row of 250."""
PROPOSALS = 3
"""Proposals per block on a question page (who can help, what is known, the same question elsewhere), each
with its reasons: the best few, as the question form (Vraag stellen) shows them."""


def shown(items: Sequence[Any], limit: int = LIST_LIMIT) -> Sequence[Any]:
    """The part of a list an entry page shows."""
    return items[:limit]


def hidden_count(items: Sequence[Any], limit: int = LIST_LIMIT) -> int:
    """How many entries of a list an entry page leaves to the search page."""
    return max(len(items) - limit, 0)


def search_query(**facets: str | Iterable[str]) -> str:
    """The query string of the search page (assets/search.js reads its facets from the URL: values of
    one facet are alternatives, facets combine), e.g. ``search_query(region="utrecht", type="practice")``."""
    pairs: list[tuple[str, str]] = []
    for facet, values in facets.items():
        pairs.extend((facet, value) for value in ([values] if isinstance(values, str) else values))
    return urlencode(pairs)


OPEN_STATUSES = tuple(status.value for status in QuestionStatus if status != QuestionStatus.BEANTWOORD)
"""The statuses of an open question, as derive.split_open divides them."""
ANSWERED_STATUSES = (QuestionStatus.BEANTWOORD.value,)


def shown_groups(groups: Sequence[tuple[Any, Sequence[Any]]]) -> list[tuple[Any, Sequence[Any]]]:
    """The first ``LIST_LIMIT`` entries of a grouped list, in its order, still grouped."""
    left = LIST_LIMIT
    kept: list[tuple[Any, Sequence[Any]]] = []
    for group, members in groups:
        if left > 0:
            kept.append((group, members[:left]))
            left -= len(kept[-1][1])
    return kept


NOUNS = {
    "region": ("regio", "regio's"),
    "partner": ("kennispartner", "kennispartners"),
    "practice": ("goede praktijk", "goede praktijken"),
    "network": ("netwerk", "netwerken"),
    "question": ("kennisvraag", "kennisvragen"),
    "research": ("onderzoek", "onderzoeken"),
    "event": ("bijeenkomst", "bijeenkomsten"),
}
"""What the line under a cut list calls the entries it leaves out (the section titles do not all fit:
"Agenda", "Onderzoek")."""


def noun(kind: str, count: int, adjective: str = "") -> str:
    """ "open kennisvraag" for one, "open kennisvragen" for more."""
    singular, plural = NOUNS[kind]
    return " ".join(part for part in (adjective, singular if count == 1 else plural) if part)


def nearby_first(regions: Sequence[Any], region: Any) -> list[Any]:
    """The other regions, those that share a province with ``region`` first, each part in its order."""
    others = [other for other in regions if other.id != region.id]
    provinces = set(region.provinces)
    return sorted(others, key=lambda other: not provinces.intersection(other.provinces))
