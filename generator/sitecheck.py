"""After the build: nothing lost, nothing broken.

mkdocs checks the links written in Markdown; this checks the finished site as a visitor meets
it, raw HTML and theme included. Per kind, every content file became an entry and every entry a
page (and no page is left without its entry); every internal link and source of every page
leads to a file of the site.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .atlas import Atlas
from .errors import BuildError
from .kinds import KINDS
from .load import YAML_SUFFIXES

# Bytes, and the attributes as mkdocs and nh3 write them: at 20,000 pages a looser pattern over
# decoded text took most of a minute. What ``(?:href|src)=(?:"…"|'…')`` finds, but found from its "=": a
# pattern that starts with one fixed character is searched for three times as fast.
_REFERENCE = re.compile(rb"""=(?:(?<=href=)|(?<=src=))(?:"([^"]*)"|'([^']*)')""")
_TEXT_REFERENCE = re.compile(_REFERENCE.pattern.decode("ascii"))
_EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "//")
SHOWN_PROBLEMS = 50
_OUTSIDE = "/buiten-de-site"
"""Where an absolute link outside the site's base path leads: a path no site has."""


@dataclass(frozen=True)
class Census:
    """One kind of entry, counted three times."""

    kind: str
    files: int
    entries: int
    pages: int

    @property
    def complete(self) -> bool:
        return self.files == self.entries == self.pages


class SiteCheckError(BuildError):
    """The built site lost something or links to nothing; carries every problem, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(problems[:SHOWN_PROBLEMS])
        more = f"\n… en nog {len(problems) - SHOWN_PROBLEMS}" if len(problems) > SHOWN_PROBLEMS else ""
        super().__init__(f"de gebouwde site is niet compleet ({len(problems)} problemen):\n{shown}{more}")


def content_ids(folder: Path) -> set[str]:
    """Ids of the entry files in a kind's folder (the loader's rule: visible .yml, .yaml and .md files)."""
    if not folder.is_dir():
        return set()
    suffixes = (*YAML_SUFFIXES, ".md")
    return {
        file.stem
        for file in folder.iterdir()
        if file.is_file() and not file.name.startswith(".") and file.suffix in suffixes
    }


def entry_pages(section: Path) -> set[str]:
    """Ids of the entry pages in a section of the site (its own index is the overview)."""
    if not section.is_dir():
        return set()
    return {page.parent.name for page in section.glob("*/index.html")}


def census(atlas: Atlas, content_dir: Path, site_dir: Path) -> list[Census]:
    return [
        Census(
            kind=kind.key,
            files=len(content_ids(content_dir / kind.folder)),
            entries=len(atlas.entries[kind.key]),
            pages=len(entry_pages(site_dir / kind.section)),
        )
        for kind in KINDS
    ]


def lost_entries(atlas: Atlas, content_dir: Path, site_dir: Path) -> Iterator[str]:
    for kind in KINDS:
        files, entries = content_ids(content_dir / kind.folder), set(atlas.entries[kind.key])
        pages = entry_pages(site_dir / kind.section)
        for key in sorted(files - entries):
            yield f"content/{kind.folder}/{key}: bestand zonder item"
        for key in sorted(entries - pages):
            yield f"{kind.section}/{key}/: geen pagina voor {kind.singular.lower()} '{key}'"
        for key in sorted(pages - entries):
            yield f"{kind.section}/{key}/: pagina zonder item in content/{kind.folder}/"


def _target(page_dir: str, reference: str, base: str = "/") -> str | None:
    """The site path a reference on a page in ``page_dir`` leads to; None for links elsewhere and
    in-page anchors. (urllib's urljoin took most of a minute over 20,000 pages.) An absolute path
    counts from ``base``, the path the site is published under (mkdocs writes the 404 page's
    links so, as that page is served at any address); one outside ``base`` leads nowhere."""
    if not reference or reference.startswith("#") or reference.lower().startswith(_EXTERNAL):
        return None
    path = unquote(reference.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    if path.startswith("/") and base != "/":
        path = "/" + path[len(base) :] if path.startswith(base) else _OUTSIDE + path
    joined = posixpath.normpath(path if path.startswith("/") else page_dir + path)
    return joined + "/" if path.endswith("/") and joined != "/" else joined


def _exists(site_dir: Path, path: str) -> bool:
    target = site_dir / path.lstrip("/")
    return (target / "index.html").is_file() if path.endswith("/") or target.is_dir() else target.is_file()


Links = list[tuple[str, str]]
"""(a reference as a page writes it, the site path it leads to), in the order of the references."""


def page_links(relative: str, html: bytes, base: str = "/") -> Links:
    """Every internal href or src of one page (its site path ``relative``), with where it leads."""
    references = sorted({double or single for double, single in _REFERENCE.findall(html)})
    return _internal(relative, [reference.decode("utf-8", "replace") for reference in references], base)


def text_links(relative: str, html: str, base: str = "/") -> Links:
    """``page_links`` of the page whose text is ``html`` (with no lone surrogate), without encoding it: UTF-8
    keeps the order of the characters, and none of its multi-byte characters holds an ASCII byte."""
    return _internal(relative, sorted({double or single for double, single in _TEXT_REFERENCE.findall(html)}), base)


def _internal(relative: str, references: list[str], base: str) -> Links:
    page_dir = "/" + relative.rsplit("/", 1)[0] + "/" if "/" in relative else "/"
    links = []
    for shown in references:
        path = _target(page_dir, shown, base)
        if path is not None:
            links.append((shown, path))
    return links


def broken_links(site_dir: Path, base: str = "/", checked: Mapping[str, Links] | None = None) -> Iterator[str]:
    """Every internal href or src, on every page, that leads to nothing. ``checked``: pages read already (by
    the parallel build's workers, as they wrote them), each with those of its links not known to exist; such a
    page is not read again."""
    known: dict[str, bool] = {}
    checked = checked or {}
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir).as_posix()
        links = checked.get(relative)
        for shown, path in page_links(relative, page.read_bytes(), base) if links is None else links:
            if path not in known:
                known[path] = _exists(site_dir, path)
            if not known[path]:
                yield f"{relative}: de link '{shown}' wijst naar {path}, en dat bestaat niet"


def check_site(
    atlas: Atlas, content_dir: Path, site_dir: Path, base: str = "/", checked: Mapping[str, Links] | None = None
) -> None:
    """Raises ``SiteCheckError`` naming everything that was lost and every broken link, all at once;
    ``base`` is the path the site is published under; ``checked`` as for ``broken_links``."""
    problems = [*lost_entries(atlas, content_dir, site_dir), *broken_links(site_dir, base, checked)]
    if problems:
        raise SiteCheckError(problems)
