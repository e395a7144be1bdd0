"""schema.org JSON-LD for the entry pages of partners, practices, research, events and questions.

Each page gets one ``<script type="application/ld+json">`` at its end. A data block is never
run, so the Content-Security-Policy leaves it alone (csp.py hashes executable scripts only).
Contributor text can hold ``</script>`` or ``<!--``: every ``<``, ``>`` and ``&`` is written as
a JSON ``\\u`` escape, which leaves the data the same and the HTML unable to end the block.

Types: a partner is an ``Organization``, research a ``ResearchProject``, an event an ``Event``
and a question a ``Question`` (with its ``Answer`` once answered). A good practice is a
``CreativeWork``: it describes how a region went about something, but has no steps, which
``HowTo`` is for.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from datetime import date, datetime
from typing import Any

from ..atlas import Atlas
from ..derive import Links, label
from ..kinds import KIND_BY_KEY
from .document import entry_url

CONTEXT = "https://schema.org"
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})

Describe = Callable[[Any, "LinkedData"], dict[str, Any]]


class LinkedData:
    """Builds the JSON-LD of one atlas's entries: addresses and links in one place."""

    def __init__(self, atlas: Atlas, site_url: str, links: Links | None = None) -> None:
        self.atlas = atlas
        self.site_url = site_url
        self.links = links or Links(atlas)

    def url(self, kind: str, entry_id: str) -> str:
        return entry_url(self.site_url, kind, entry_id)

    def reference(self, kind: str, entity: Any, schema_type: str) -> dict[str, Any]:
        """Another entry, named and linked by its page (the ``@id`` of its own JSON-LD)."""
        return {"@type": schema_type, "@id": self.url(kind, entity.id), "name": label(entity)}

    def themes(self, kind: str, entity: Any) -> list[dict[str, Any]]:
        return [
            {"@type": "DefinedTerm", "@id": self.url("theme", theme.id), "name": label(theme)}
            for theme in self.links.linked(kind, entity.id, "theme")
        ]

    def partners(self, entity: Any, field: str) -> list[dict[str, Any]]:
        ids = getattr(entity, field)  # one id, a list of ids, or None (an event without an organiser)
        keys = [ids] if isinstance(ids, str) else list(ids or [])
        found = [self.atlas.get("partner", key) for key in keys]
        return [self.reference("partner", partner, "Organization") for partner in found if partner]

    def describe(self, kind: str, entity: Any) -> dict[str, Any] | None:
        """The JSON-LD object of an entry, or None for a kind without one."""
        describer = DESCRIBERS.get(kind)
        if describer is None:
            return None
        described = {"@context": CONTEXT, "@id": self.url(kind, entity.id), "url": self.url(kind, entity.id)}
        described.update(describer(entity, self))
        return {key: value for key, value in described.items() if value not in (None, [], "")}


def moment(value: date | None) -> str | None:
    """A content date or time as ISO 8601, as the content wrote it (times to the minute)."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return None if value is None else value.isoformat()


def organization(partner: Any, data: LinkedData) -> dict[str, Any]:
    return {
        "@type": "Organization",
        "name": partner.name,
        "alternateName": partner.abbreviation,
        "description": partner.expertise,
        "sameAs": partner.website,
        "email": partner.contact.email,
        "telephone": partner.contact.phone,
        "knowsAbout": data.themes("partner", partner),
        "dateModified": moment(partner.last_reviewed),
    }


def creative_work(practice: Any, data: LinkedData) -> dict[str, Any]:
    return {
        "@type": "CreativeWork",
        "name": practice.title,
        "abstract": practice.summary,
        "text": "\n\n".join(
            part for part in (practice.who, practice.what, practice.needs, practice.background) if part
        ),
        "about": data.themes("practice", practice),
        "contributor": data.partners(practice, "partners"),
        "isBasedOn": practice.source,
        "dateModified": moment(practice.last_reviewed),
        "inLanguage": "nl",
    }


def research_project(research: Any, data: LinkedData) -> dict[str, Any]:
    return {
        "@type": "ResearchProject",
        "name": research.title,
        "description": research.summary,
        "member": data.partners(research, "partners"),
        "sponsor": data.partners(research, "commissioned_by"),
        "knowsAbout": data.themes("research", research),
    }


def event(item: Any, data: LinkedData) -> dict[str, Any]:
    places: list[dict[str, Any]] = []
    if item.location:
        places.append({"@type": "Place", "name": item.location})
    if item.online:
        places.append({"@type": "VirtualLocation", "url": item.url or data.url("event", item.id)})
    modes = {(True, False): "Offline", (False, True): "Online", (True, True): "Mixed"}
    return {
        "@type": "Event",
        "name": item.title,
        "description": item.description,
        "startDate": moment(item.start),
        "endDate": moment(item.end),
        "location": places,
        "eventAttendanceMode": f"{CONTEXT}/{modes[(bool(item.location), item.online)]}EventAttendanceMode",
        "organizer": data.partners(item, "organiser"),
        "about": data.themes("event", item),
        "sameAs": item.url,
    }


def question(item: Any, data: LinkedData) -> dict[str, Any]:
    answer = {"@type": "Answer", "text": item.answer} if item.answer else None
    return {
        "@type": "Question",
        "name": item.title,
        "text": item.question,
        "dateCreated": moment(item.submitted),
        "dateModified": moment(item.updated),
        "about": data.themes("question", item),
        "answerCount": 1 if answer else 0,
        "acceptedAnswer": answer,
        "inLanguage": "nl",
    }


DESCRIBERS: dict[str, Describe] = {
    "partner": organization,
    "practice": creative_work,
    "research": research_project,
    "event": event,
    "question": question,
}


def script_block(described: dict[str, Any]) -> str:
    """The data block, safe inside HTML whatever text the entry holds."""
    text = json.dumps(described, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return f'<script type="application/ld+json">{text}</script>\n'


def json_ld_blocks(pages: Collection[str], atlas: Atlas, site_url: str, links: Links | None = None) -> dict[str, str]:
    """What goes at the end of each entry page in ``pages`` (docs paths) of the kinds in ``DESCRIBERS``: a new line
    and its JSON-LD block. Apart from the pages, so a build need not hold every page twice."""
    data = LinkedData(atlas, site_url, links)
    blocks: dict[str, str] = {}
    for kind in DESCRIBERS:
        section = KIND_BY_KEY[kind].section
        for entity in atlas.of(kind):
            path = f"{section}/{entity.id}.md"
            if path not in pages:
                continue
            described = data.describe(kind, entity)
            if described is not None:
                blocks[path] = "\n" + script_block(described)
    return blocks


def with_json_ld(pages: dict[str, str], atlas: Atlas, site_url: str, links: Links | None = None) -> dict[str, str]:
    """The rendered entry pages in ``pages`` of the kinds in ``DESCRIBERS``, each with its JSON-LD at the end
    (``atlas serve`` passes only the pages an edit changed, and its own ``links``)."""
    return {path: pages[path] + block for path, block in json_ld_blocks(pages, atlas, site_url, links).items()}
