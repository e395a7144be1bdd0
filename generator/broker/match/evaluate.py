"""How well the matcher puts the right organisation first: top-1 and top-5 over an evaluation set.

An evaluation set is a YAML list of questions, each with the organisations (partner ids) that
the concept design itself connects to it. A question counts for top-N when any of its named
organisations is among the first N partners the matcher returns for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ...errors import AtlasError
from .matcher import Ask, Matcher

TOP = 5


class Case(BaseModel):
    """One question of an evaluation set."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str = Field(description="De vraag zoals een vrager hem stelt.")
    expect: list[str] = Field(min_length=1, description="Partners (id's) die het ontwerp bij deze vraag noemt.")
    source: str = Field(description="Waar in het concept-ontwerp de vraag en de partners vandaan komen.")
    region: str | None = Field(None, description="Regio (id), als de vrager die opgeeft.")
    themes: list[str] = Field(default_factory=list, description="Thema's (id's), als de vrager die opgeeft.")
    needs: list[str] = Field(default_factory=list, description="Wat de vrager nodig heeft (Offer-waarden).")

    def ask(self) -> Ask:
        return Ask(text=self.question, region=self.region, themes=tuple(self.themes), needs=tuple(self.needs))


@dataclass(frozen=True)
class Outcome:
    case: Case
    ranked: tuple[str, ...]
    """The partner ids the matcher returned, best first (the first ``TOP``)."""
    rank: int | None
    """1-based place of the first named organisation, if it is in the first ``TOP``."""


@dataclass(frozen=True)
class Evaluation:
    outcomes: tuple[Outcome, ...]

    def share(self, top: int) -> float:
        hits = sum(1 for outcome in self.outcomes if outcome.rank is not None and outcome.rank <= top)
        return hits / len(self.outcomes) if self.outcomes else 0.0

    def count(self, top: int) -> int:
        return sum(1 for outcome in self.outcomes if outcome.rank is not None and outcome.rank <= top)


def read_cases(path: Path) -> list[Case]:
    """The cases of an evaluation file; raises ``AtlasError`` naming the item that is wrong."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise AtlasError(f"{path}: evaluatieset kan niet gelezen worden: {error}") from error
    if not isinstance(raw, list) or not raw:
        raise AtlasError(f"{path}: verwacht een lijst van vragen")
    cases = []
    for number, item in enumerate(raw, start=1):
        try:
            cases.append(Case.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise AtlasError(f"{path}: vraag {number}: {where}: {first['msg']}") from error
    return cases


def evaluate(matcher: Matcher, cases: list[Case]) -> Evaluation:
    outcomes = []
    for case in cases:
        ranked = tuple(match.id for match in matcher.match(case.ask(), limit=TOP, kinds=("partner",)))
        places = [place for place, partner in enumerate(ranked, start=1) if partner in case.expect]
        outcomes.append(Outcome(case=case, ranked=ranked, rank=places[0] if places else None))
    return Evaluation(tuple(outcomes))
