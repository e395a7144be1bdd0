"""The report of a link check: what needs attention, grouped by file, each at its path:line.

Findings are links that do not work (no answer, an error status, too many requests), links
that moved for good (301/308: the link should name the new address) and entries past their
review date. Temporary redirects work and are only counted. Addresses are shown as code, so
neither the contributor's address nor a server's redirect target becomes a live link or markup.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from ...render import date_nl
from .fetch import LinkResult
from .review import Overdue
from .urls import Occurrence

_UNSAFE = re.compile(r"[`\x00-\x1f\x7f]")
SHOWN_CHARACTERS = 300


@dataclass(frozen=True, order=True)
class Finding:
    """One thing to look at, at one place."""

    path: str
    line: int
    subject: str
    """The address, or ``last_reviewed: JJJJ-MM-DD``."""
    problem: str
    field: str = ""


@dataclass
class LinkReport:
    """Everything one run found."""

    today: date
    occurrences: list[Occurrence]
    results: dict[str, LinkResult]
    overdue: list[Overdue]
    review_months: int
    reviewed: int
    """How many entries have a ``last_reviewed`` date."""

    def findings(self) -> list[Finding]:
        found = [
            Finding(place.path, place.line, place.url, problem, place.field)
            for place in self.occurrences
            if (problem := describe(self.results[place.url])) is not None
        ]
        found += [
            Finding(item.path, item.line, f"last_reviewed: {item.last_reviewed.isoformat()}", review_problem(item))
            for item in self.overdue
        ]
        return sorted(found)

    def count(self, wanted: str) -> int:
        """Distinct addresses that are ``broken``, ``moved`` or ``redirected`` (temporarily, and working)."""
        results = self.results.values()
        if wanted == "broken":
            return sum(result.broken for result in results)
        if wanted == "moved":
            return sum(result.moved for result in results)
        return sum(bool(result.redirects) and not result.broken and not result.moved for result in results)


def code(text: str) -> str:
    """Text as inline code; backticks and control characters cannot break out of it."""
    shown = _UNSAFE.sub("?", text)
    if len(shown) > SHOWN_CHARACTERS:
        shown = shown[:SHOWN_CHARACTERS] + "…"
    return f"`{shown}`"


def status_words(status: int) -> str:
    if status in (404, 410):
        return f"niet gevonden ({status})"
    if status == 429:
        return "te veel verzoeken (429)"
    if status >= 500:
        return f"fout bij de server ({status})"
    if 400 <= status < 500:
        return f"geweigerd ({status})"
    return f"onverwacht antwoord ({status})"


def describe(result: LinkResult) -> str | None:
    """Dutch: what is wrong with a link, or None when it works (also after a temporary redirect)."""
    if result.moved:
        status = next(status for status, _ in result.redirects if status in (301, 308))
        return f"verhuisd ({status}) naar {code(result.final_url)}; zet dat adres in de link"
    if not result.broken:
        return None
    problem = result.error or status_words(result.status or 0)
    if result.retry_after is not None:
        problem += f"; de server vraagt {result.retry_after:.0f} seconden te wachten, probeer het later opnieuw"
    elif result.attempts > 1:
        problem += f" (na {result.attempts} pogingen)"
    if result.redirects:
        problem += f", na doorverwijzing naar {code(result.final_url)}"
    return problem


def review_problem(item: Overdue) -> str:
    return (
        f"{item.name}: laatst gecontroleerd op {date_nl(item.last_reviewed)}, {item.months} maanden geleden; "
        "controleer de gegevens en zet de datum van vandaag bij last_reviewed"
    )


def has_findings(report: LinkReport) -> bool:
    return bool(report.findings())


def _counts_line(report: LinkReport) -> str:
    places = len(report.occurrences)
    return (
        f"Gecontroleerd op {date_nl(report.today)}: {len(report.results)} webadressen op {places} plaatsen, en de "
        f"controledatum van {report.reviewed} items (drempel: {report.review_months} maanden)."
    )


def markdown(report: LinkReport) -> str:
    """The report as Markdown, for a GitHub issue or the job summary."""
    findings = report.findings()
    overdue = len(report.overdue)
    lines = ["## Controle van links en gegevens", "", _counts_line(report), ""]
    lines += [
        f"- Links die niet werken: {report.count('broken')}",
        f"- Links die permanent zijn verhuisd: {report.count('moved')}",
        f"- Items die langer dan {report.review_months} maanden niet zijn gecontroleerd: {overdue}",
        f"- Links met een tijdelijke doorverwijzing (die werken, niets te doen): {report.count('redirected')}",
        "",
    ]
    if not findings:
        return "\n".join([*lines, "Alles in orde: er is niets te doen."]) + "\n"
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_file[finding.path].append(finding)
    for path, items in by_file.items():
        lines += [f"### {code(path)}", ""]
        for item in items:
            field = f" ({item.field})" if item.field else ""
            lines.append(f"- {code(f'{path}:{item.line}')}{field} {code(item.subject)}: {item.problem}")
        lines.append("")
    return "\n".join(lines)


def text(report: LinkReport) -> str:
    """The report as lines ``path:line: field: subject: problem``, then the counts."""
    lines = []
    for item in report.findings():
        field = f"{item.field}: " if item.field else ""
        lines.append(f"{item.path}:{item.line}: {field}{item.subject}: {item.problem}")
    lines.append(_counts_line(report))
    lines.append(
        f"{report.count('broken')} links werken niet, {report.count('moved')} zijn verhuisd, "
        f"{len(report.overdue)} items zijn niet op tijd gecontroleerd."
    )
    return "\n".join(lines) + "\n"
