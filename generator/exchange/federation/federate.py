"""Federation as one step of the pipeline: after the local content is validated, before anything is rendered.

Each configured source is fetched, parsed, validated with the models (``read_document``) and
placed (``merge.plan_source``) before it changes the atlas. A broken source fails the build with
every broken source named (``BrokenSources``), or, with ``skip_broken_sources``, is left out and
listed in ``atlas.federation.skipped`` for the CLI's warning and the home page's notice.
"""

from __future__ import annotations

import json
from typing import Any

from ...atlas import Atlas
from ...config import FederationConfig, SourceSpec
from ...errors import AtlasError
from ...fieldtypes import NAME_MAX
from ..document import DocumentEntry, DocumentError, read_document
from .fetch import SourceError, fetch
from .merge import apply_plan, plan_source
from .origin import Federation, SkippedSource


class BrokenSources(AtlasError):
    """One or more sources could not be merged; the build stops before anything is written."""

    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = errors
        listed = "\n".join(str(error) for error in errors)
        super().__init__(f"{listed}\n(laat kapotte bronnen weg met --skip-broken-sources)")


def parsed(source: SourceSpec, body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise SourceError(source, f"geen UTF-8 (byte {error.start})") from error
    except ValueError as error:
        raise SourceError(source, f"geen geldige JSON: {error}") from error


def read_source(source: SourceSpec, settings: FederationConfig) -> tuple[str, list[DocumentEntry]]:
    """The name to show for a source, and its entries validated by the models; raises ``SourceError``."""
    document = parsed(source, fetch(source, settings).body)
    try:
        entries = read_document(document)
    except DocumentError as error:
        raise SourceError(source, f"geen geldige atlas.json:\n{error}") from error
    own_name = document.get("name")
    title = source.title or (own_name.strip() if isinstance(own_name, str) and own_name.strip() else source.name)
    return title[:NAME_MAX], entries


def first_line(text: str) -> str:
    """A problem in one line, for a warning and a list item on the home page."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    more = len(lines) - 2
    if len(lines) > 1 and lines[0].endswith(":"):
        return f"{lines[0]} {lines[1]}" + (f" (en nog {more} problemen)" if more > 0 else "")
    return lines[0] if lines else text


def federate(atlas: Atlas, settings: FederationConfig) -> Atlas:
    """Merge every configured source into ``atlas`` (in place) and return it; raises ``BrokenSources``."""
    if not settings.sources:
        return atlas
    federation = Federation()
    broken: list[SourceError] = []
    for source in settings.sources:
        try:
            title, entries = read_source(source, settings)
            plan = plan_source(atlas, source, title, entries)
        except SourceError as error:
            broken.append(error)
            federation.skipped.append(SkippedSource(source.name, source.location, first_line(error.what)))
            continue
        if settings.skip_broken_sources or not broken:  # else the build fails below anyway
            federation.merged.append(apply_plan(atlas, plan, federation))
    if broken and not settings.skip_broken_sources:
        raise BrokenSources(broken)
    atlas.federation = federation
    return atlas
