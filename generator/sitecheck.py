"""After the build: nothing lost. Every content file is an entry with its page, every page has its
entry, and every link inside the site leads to a file of the site.

mkdocs' strict mode checks only the links written in Markdown; the templates also write links in raw
HTML (the search page, the overview's tables, the theme), so the built HTML itself is read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .atlas import Atlas
from .errors import BuildError
from .kinds import KINDS, Kind
from .load import YAML_SUFFIXES

ENTRY_SUFFIXES = (*YAML_SUFFIXES, ".md")
LINK_ATTRIBUTES = ("href", "src")
# Not files of the site: other sites, e-mail and phone links, inline data, links within the page.
OUTSIDE = ("#", "mailto:", "tel:", "data:", "javascript:")


class SiteCheckError(BuildError):
    """The built site lost something: carries every problem found, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        noun = "probleem" if len(problems) == 1 else "problemen"
        super().__init__(f"de gebouwde site klopt niet ({len(problems)} {noun}):\n" + "\n".join(problems))


@dataclass(frozen=True)
class KindCount:
    """One kind's ids three ways: its content files, its validated entries, its built pages."""

    kind: Kind
    files: frozenset[str]
    entries: frozenset[str]
    pages: frozenset[str]

    def problems(self) -> list[str]:
        found = []
        label = f"{self.kind.plural} ({self.kind.folder}/ → {self.kind.section}/)"
        for missing in sorted(self.files - self.entries):
            found.append(f"{label}: bestand '{missing}' is geen item geworden")
        for missing in sorted(self.entries - self.pages):
            found.append(f"{label}: item '{missing}' heeft geen pagina")
        for stray in sorted(self.pages - self.entries):
            found.append(f"{label}: pagina '{stray}' hoort bij geen item")
        return found


def content_ids(content_dir: Path, kind: Kind) -> frozenset[str]:
    """The ids of the entry files of one kind (the loader's rule: visible files in the kind's folder)."""
    folder = content_dir / kind.folder
    if not folder.is_dir():
        return frozenset()
    return frozenset(
        file.stem
        for file in folder.iterdir()
        if file.is_file() and not file.name.startswith(".") and file.suffix in ENTRY_SUFFIXES
    )


def page_ids(site_dir: Path, kind: Kind) -> frozenset[str]:
    """The entry pages mkdocs wrote for one kind: ``section/<id>/index.html``."""
    return frozenset(page.parent.name for page in (site_dir / kind.section).glob("*/index.html"))


def kind_counts(atlas: Atlas, content_dir: Path, site_dir: Path) -> list[KindCount]:
    return [
        KindCount(
            kind,
            content_ids(content_dir, kind),
            frozenset(entity.id for entity in atlas.of(kind.key)),
            page_ids(site_dir, kind),
        )
        for kind in KINDS
    ]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value is not None:
                self.links.append((tag, value.strip()))


def links_of(page: Path) -> list[tuple[str, str]]:
    """(tag, address) of every href and src in an HTML page."""
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser.links


def target_of(site_dir: Path, page: Path, address: str) -> Path | None:
    """The file an internal address leads to, or None for an address outside the site."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not address or address.lower().startswith(OUTSIDE):
        return None
    base = site_dir if parts.path.startswith("/") else page.parent
    target = base / unquote(parts.path).lstrip("/")
    return target / "index.html" if parts.path.endswith("/") or target.is_dir() else target


def broken_links(site_dir: Path) -> list[str]:
    """Every internal link of the built site that leads to no file, as 'page: <tag> address'."""
    site = site_dir.resolve()
    broken = []
    for page in sorted(site.rglob("*.html")):
        for tag, address in links_of(page):
            target = target_of(site, page, address)
            if target is None:
                continue
            resolved = target.resolve()
            if not resolved.is_file() or not resolved.is_relative_to(site):
                broken.append(f"{page.relative_to(site).as_posix()}: <{tag}> {address} leidt nergens heen")
    return broken


def check_site(atlas: Atlas, content_dir: Path, site_dir: Path) -> None:
    """Raise ``SiteCheckError`` with every problem: per kind files = entries = pages, and no broken link."""
    problems = [problem for count in kind_counts(atlas, content_dir, site_dir) for problem in count.problems()]
    problems.extend(broken_links(site_dir))
    if problems:
        raise SiteCheckError(problems)
