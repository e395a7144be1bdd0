"""Signals of upkeep: questions that wait, entries not reviewed in time, partners nobody refers to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...atlas import Atlas
from ...derive import label
from ...kinds import KIND_BY_KEY
from ...render import date_nl
from ...vocab import QuestionStatus
from .signal import Context, Signal, age_nl, months_before, months_between, quoted, ref

WAIT_MONTHS = 6
"""A question not answered this many months after it was submitted waits too long."""
REVIEW_MONTHS = 12
"""Partners and practices are to be checked at least this often."""
REVIEWED_KINDS = ("partner", "practice")
REVIEWED_FIELD = "last_reviewed"
ORPHAN_LINK_KINDS = ("theme", "question", "practice", "research", "network")
"""A partner linked to none of these (either way) is invisible where visitors look for help."""


@dataclass(frozen=True)
class Unreviewed:
    """An entry last reviewed longer ago than the threshold."""

    kind: str
    entry: Any
    last_reviewed: date
    months: int
    """Whole months from ``last_reviewed`` to today."""


def unreviewed(atlas: Atlas, today: date, kinds: Iterable[str], months: int = REVIEW_MONTHS) -> Iterator[Unreviewed]:
    """The entries of ``kinds`` last reviewed before ``months`` months ago, kind by kind, each kind by id.

    One selection for the signal below (partners and practices) and ``atlas check-links`` (every kind with
    the field), so that both call the same entries late."""
    limit = months_before(today, months)
    for kind in kinds:
        for entry in atlas.of(kind):
            reviewed: date = getattr(entry, REVIEWED_FIELD)
            if reviewed < limit:
                yield Unreviewed(kind, entry, reviewed, months_between(reviewed, today))


def waiting(ctx: Context) -> Iterator[Signal]:
    """Open questions submitted more than ``WAIT_MONTHS`` ago, or linked to no partner; oldest first."""
    limit = months_before(ctx.today, WAIT_MONTHS)
    questions = [q for q in ctx.atlas.of("question") if q.status != QuestionStatus.BEANTWOORD]
    for question in sorted(questions, key=lambda q: (q.submitted, q.id)):
        facts = []
        if question.submitted < limit:
            age = months_between(question.submitted, ctx.today)
            facts.append(
                f"Ingediend op {date_nl(question.submitted)}, {age_nl(age)} geleden, en nog niet beantwoord "
                f"(stand: {question.status.label.lower()})."
            )
        if not question.partners:
            facts.append("Nog aan geen kennispartner gekoppeld.")
        if facts:
            yield Signal(
                kind="wacht",
                title=f"Vraag wacht: {question.title}",
                reason=" ".join(facts),
                entries=(ref(question),),
                region=question.region,
            )


def stale(ctx: Context) -> Iterator[Signal]:
    """Partners and practices last reviewed more than ``REVIEW_MONTHS`` ago; regions past their evaluation."""
    for late in unreviewed(ctx.atlas, ctx.today, REVIEWED_KINDS):
        yield Signal(
            kind="verouderd",
            title=f"{KIND_BY_KEY[late.kind].singular} niet gecontroleerd: {label(late.entry)}",
            reason=(
                f"Laatst gecontroleerd op {date_nl(late.last_reviewed)}, {age_nl(late.months)} geleden; "
                f"dat moet minstens eens per {REVIEW_MONTHS} maanden."
            ),
            entries=(ref(late.entry),),
        )
    for region in ctx.atlas.of("region"):
        if region.next_evaluation is not None and region.next_evaluation < ctx.today:
            days = (ctx.today - region.next_evaluation).days
            yield Signal(
                kind="verouderd",
                title=f"Evaluatie verlopen: {region.name}",
                reason=(
                    f"De volgende evaluatie van de schakelfunctie stond op {date_nl(region.next_evaluation)}, "
                    f"{days} {'dag' if days == 1 else 'dagen'} geleden; zet de nieuwe datum in het regiobestand "
                    "na de evaluatie."
                ),
                entries=(ref(region),),
                region=region.id,
            )


def orphans(ctx: Context) -> Iterator[Signal]:
    """Partners that no theme, question, practice, research entry or network refers to, nor they to it."""
    for partner in ctx.atlas.of("partner"):
        if any(ctx.links.linked_ids("partner", partner.id, kind) for kind in ORPHAN_LINK_KINDS):
            continue
        elsewhere = ctx.links.linked("partner", partner.id, "region") + ctx.links.linked("partner", partner.id, "event")
        where = f" Alleen genoemd bij {quoted(label(item) for item in elsewhere)}." if elsewhere else ""
        yield Signal(
            kind="wees",
            title=f"Partner zonder verwijzing: {partner.name}",
            reason=(
                "Geen thema, vraag, goede praktijk, onderzoek of netwerk verwijst naar deze partner, en de partner "
                f"noemt zelf geen thema; wie zoekt via een thema of vraag, vindt hem niet.{where}"
            ),
            entries=(ref(partner), *(ref(item) for item in elsewhere)),
        )
