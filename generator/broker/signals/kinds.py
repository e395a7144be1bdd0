"""Signaleren: what recurs, what is missing, what overlaps, waits or is stale.

Each kind of signal is one small rule: ``rule(Context) -> Iterator[Signal]``. ``signals``
runs every rule in ``RULES`` in that order, so the list comes out the same for the same
content and date. The page ``/signalen/`` and ``atlas signals`` both show this list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...atlas import Atlas
from ...derive import Links
from .demand import gaps, overlaps
from .recurring import recurring
from .signal import Context, Signal, name_of, site_url
from .upkeep import orphans, stale, waiting

Rule = Callable[[Context], Iterator[Signal]]


@dataclass(frozen=True)
class SignalKind:
    """One kind of signal as the site and the command explain it."""

    key: str
    heading: str
    """Dutch heading."""
    explanation: str
    """Plain Dutch: what the kind means and why it matters."""
    rule: Rule


SIGNAL_KINDS: tuple[SignalKind, ...] = (
    SignalKind(
        "herhaling",
        "Terugkerende vragen",
        "Dezelfde of een vergelijkbare vraag speelt in twee of meer regio's. Zo'n vraag kan misschien één keer "
        "landelijk worden opgepakt, zodat niet elke regio zelf het wiel uitvindt.",
        recurring,
    ),
    SignalKind(
        "lacune",
        "Vragen zonder kennisaanbod",
        "Over deze thema's zijn open vragen, of ze staan op de kennisagenda van een regio, maar er is geen "
        "kennispartner, goede praktijk of onderzoek voor gevonden: niet in de regio en niet landelijk. Hier "
        "ontbreekt kennis, of de atlas kent haar nog niet.",
        gaps,
    ),
    SignalKind(
        "overlap",
        "Mogelijk dubbel onderzoek",
        "Verschillende partners doen in dezelfde periode onderzoek naar hetzelfde thema bij dezelfde doelgroep. "
        "Dan wordt onderzoek misschien dubbel gedaan en krijgen dezelfde mensen te veel vragenlijsten. Stem af "
        "of werk samen.",
        overlaps,
    ),
    SignalKind(
        "wacht",
        "Vragen die wachten",
        "Deze vragen zijn langer dan zes maanden geleden ingediend en nog niet beantwoord, of ze zijn nog aan "
        "geen kennispartner gekoppeld. Wie een vraag stelt, verdient een antwoord of een doorverwijzing.",
        waiting,
    ),
    SignalKind(
        "verouderd",
        "Gegevens die een controle nodig hebben",
        "Kennispartners en goede praktijken die twaalf maanden niet zijn gecontroleerd, en regio's waarvan de "
        "geplande evaluatie voorbij is. Verouderde gegevens sturen mensen naar de verkeerde plek.",
        stale,
    ),
    SignalKind(
        "wees",
        "Kennispartners zonder verwijzing",
        "Naar deze partners verwijst geen thema, vraag, goede praktijk, onderzoek of netwerk. Wie via een thema "
        "of vraag zoekt, komt ze niet tegen. Koppel ze, of kijk of ze nog in de atlas horen.",
        orphans,
    ),
)
SIGNAL_KIND_BY_KEY: dict[str, SignalKind] = {kind.key: kind for kind in SIGNAL_KINDS}


def signals(atlas: Atlas, today: date, links: Links | None = None) -> list[Signal]:
    """Every signal of the atlas on ``today``, kind by kind in ``SIGNAL_KINDS`` order."""
    context = Context(atlas, links or Links(atlas), today)
    return [signal for kind in SIGNAL_KINDS for signal in kind.rule(context)]


def by_kind(found: list[Signal]) -> list[tuple[SignalKind, list[Signal]]]:
    """Every kind with its signals (empty lists included), in ``SIGNAL_KINDS`` order."""
    return [(kind, [signal for signal in found if signal.kind == kind.key]) for kind in SIGNAL_KINDS]


def signal_record(atlas: Atlas, signal: Signal) -> dict[str, Any]:
    """A signal as plain data: kind, title, reason and its entries with name and site path."""
    return {
        "kind": signal.kind,
        "title": signal.title,
        "reason": signal.reason,
        "region": signal.region,
        "theme": signal.theme,
        "entries": [
            {"type": kind, "id": key, "name": name_of(atlas, kind, key), "url": site_url((kind, key))}
            for kind, key in signal.entries
        ],
    }
