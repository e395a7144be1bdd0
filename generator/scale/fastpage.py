"""Atlas pages converted without Python-Markdown, for the pages where the result is certainly the same.

mkdocs' ``Page.render`` makes a new ``markdown.Markdown`` per page and runs Python-Markdown's raw-HTML
preprocessor, the block parser, the inline patterns, toc and mkdocs' own anchor, link and title processors,
and parses the raw HTML a second time for its anchors: most of mkdocs' cost on an atlas page, while most of
the page is raw HTML that comes out verbatim.

A page is converted here when it is, after the front matter, nothing but ATX headings of plain text (with
backslash escapes and character references, as ``render.md_escape`` writes them) and raw HTML blocks
(``rawhtml.scan_block``), each followed by a blank line. The result is built the way Python-Markdown builds
it: the heading as ``toc`` gives it its id (the configured slugify, ``unique``), the raw block verbatim. Every
other page goes through mkdocs' ``Page.render``. The serial build (``--workers 1``) stays plain mkdocs, the
reference that tests/scale/test_fastpage.py and test_parallel.py compare with.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .rawhtml import scan_block

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_HEADING = re.compile(r"(#{1,6}) (.*)")
_HEADING_PIECE = re.compile(r"(?P<plain>[^\\`*_{}\[\]<>&!#|\x00-\x1f\x7f]+)|\\(?P<escaped>.)|(?P<reference>&[^;&]*;)")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")  # Python-Markdown's ENTITY_RE
_FENCE = re.compile(r"^(?:~{3,}|`{3,})", re.MULTILINE)  # fenced_code runs before the raw-HTML preprocessor
_TRAILING_BLANKS = re.compile(r"(?<=\n) +\n")
_UNSAFE_IN_ID = re.compile(r'[&<>"]')

KNOWN_EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "admonition", "sane_lists")
"""The extensions whose processors may be configured: on a page of headings and raw blocks they change nothing
but the heading ids (toc)."""


@dataclass(frozen=True)
class Heading:
    level: int
    inner_html: str


@dataclass
class Conversion:
    """What ``Page.render`` would set, for one page."""

    content: str
    toc_tokens: list[Any] = field(default_factory=list)
    """Python-Markdown's toc tokens (dicts), flat; ``render`` nests them."""
    title: str | None = None
    anchors: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class FastConverter:
    """Python-Markdown's handling of headings and raw blocks, as configured for one mkdocs build."""

    block_level: Collection[str]
    escaped: Collection[str]
    tab_length: int
    slugify: Callable[[str, str], str]
    separator: str
    toc_levels: range

    @classmethod
    def for_config(cls, config: MkDocsConfig) -> FastConverter | None:
        """The converter for this configuration, or None when an extension or option is not one it knows."""
        import markdown

        md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        known = _processors(markdown.Markdown()) | _processors(markdown.Markdown(extensions=list(KNOWN_EXTENSIONS)))
        if not _processors(md) <= known:
            return None
        if "toc" not in md.treeprocessors:
            return None
        toc = md.treeprocessors["toc"]
        options = (toc.base_level, toc.use_anchors, toc.use_permalinks)  # type: ignore[attr-defined]
        if options != (0, False, False):  # shifted levels, links in or next to the headings
            return None
        return cls(
            block_level=frozenset(md.block_level_elements),
            escaped=frozenset(md.ESCAPED_CHARS) - {"<", ">", "&"},
            tab_length=md.tab_length,
            slugify=toc.slugify,  # type: ignore[attr-defined]
            separator=toc.sep,  # type: ignore[attr-defined]
            toc_levels=range(toc.toc_top, toc.toc_bottom + 1),  # type: ignore[attr-defined]
        )

    def convert(self, markdown_text: str) -> Conversion | None:
        """The page as ``Page.render`` converts it, or None when the page is not only headings and raw blocks."""
        if not markdown_text.strip():
            return Conversion(content="")
        text = self._normalized(markdown_text)
        if _FENCE.search(text):
            return None
        parts: list[str] = []
        conversion = Conversion(content="")
        used_ids: set[str] = set()
        counters: dict[str, int] = {}
        position = 0
        while position < len(text):
            if text[position] == "\n":
                position += 1
                continue
            if text[position] == "#":
                end = text.index("\n", position)
                heading = self.heading(text[position:end])
                if heading is None:
                    return None
                if not parts and heading.level == 1:
                    conversion.title = _plain(heading.inner_html)
                if (element := self._heading_element(heading, conversion, used_ids, counters)) is None:
                    return None
                parts.append(element + "\n")
            elif (block := scan_block(text, position, self.block_level)) is not None:
                end = block.end
                conversion.anchors |= block.anchors
                parts.append(text[position:end] + "\n\n")
            else:
                return None
            if not text.startswith("\n\n", end):  # a blank line after every heading and block
                return None
            position = end
        conversion.content = "".join(parts).strip()
        return conversion

    def heading(self, line: str) -> Heading | None:
        """An ATX heading of plain text, escapes and character references; None for anything else."""
        match = _HEADING.fullmatch(line)
        if match is None:
            return None
        source = match.group(2).strip()
        inner: list[str] = []
        position = 0
        while position < len(source):
            piece = _HEADING_PIECE.match(source, position)
            if piece is None:
                return None
            if (escaped := piece.group("escaped")) is not None and escaped not in self.escaped:
                return None
            if (reference := piece.group("reference")) is not None and not _REFERENCE.fullmatch(reference):
                return None
            inner.append(escaped or reference or piece.group("plain"))
            position = piece.end()
        inner_html = "".join(inner).strip()
        return Heading(len(match.group(1)), inner_html) if inner_html else None

    def _heading_element(
        self, heading: Heading, conversion: Conversion, used_ids: set[str], counters: dict[str, int]
    ) -> str | None:
        from markdown.extensions.toc import unique

        name = _plain(heading.inner_html)
        anchor = unique(self.slugify(html.unescape(name), self.separator), used_ids, counters)
        if _UNSAFE_IN_ID.search(anchor):
            return None
        conversion.anchors.add(anchor)
        if heading.level in self.toc_levels:
            token = {"level": heading.level, "id": anchor, "name": name, "html": heading.inner_html}
            conversion.toc_tokens.append(token | {"data-toc-label": ""})  # nested in ``render``
        return f'<h{heading.level} id="{anchor}">{heading.inner_html}</h{heading.level}>'

    def _normalized(self, source: str) -> str:
        """Python-Markdown's ``NormalizeWhitespace``: the text its raw blocks are cut from."""
        source = source.replace("\x02", "").replace("\x03", "")
        source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
        return _TRAILING_BLANKS.sub("\n", source.expandtabs(self.tab_length))


def _processors(md: Any) -> set[tuple[str, str, float, type]]:
    """Every processor of a Markdown instance: (registry, name, priority, class)."""
    registries = {
        "pre": md.preprocessors,
        "block": md.parser.blockprocessors,
        "inline": md.inlinePatterns,
        "tree": md.treeprocessors,
        "post": md.postprocessors,
    }
    return {
        (kind, item.name, item.priority, type(registry[item.name]))
        for kind, registry in registries.items()
        for item in registry._priority
    }


def _plain(inner_html: str) -> str:
    """The heading's text as toc names it and mkdocs titles a page: tags stripped, whitespace collapsed."""
    from markdown.extensions.toc import strip_tags

    return strip_tags(inner_html)


def render(page: Page, config: MkDocsConfig, files: Files, converter: FastConverter | None) -> bool:
    """Set what ``page.render`` sets, from the fast conversion; False (nothing set) when the page declines."""
    from markdown.extensions.toc import nest_toc_tokens
    from mkdocs.structure import pages
    from mkdocs.structure.toc import get_toc

    if converter is None or page.markdown is None:
        return False
    conversion = converter.convert(page.markdown)
    if conversion is None:
        return False
    page.content = conversion.content
    page.toc = get_toc(nest_toc_tokens(conversion.toc_tokens))
    page._title_from_render = conversion.title
    page.present_anchor_ids = conversion.anchors
    if pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}  # links in raw HTML are not the Markdown links mkdocs checks
    return True


def populate_page(page: Page, config: MkDocsConfig, files: Files, converter: FastConverter | None) -> bool:
    """mkdocs' ``_populate_page`` (mkdocs 1.6), with the fast conversion in place of ``page.render`` where it
    applies. Returns whether it did."""
    from mkdocs.commands import build
    from mkdocs.exceptions import BuildError

    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown or "", page=page, config=config, files=files)
        fast = render(page, config, files, converter)
        if not fast:
            page.render(config, files)
        page.content = config.plugins.on_page_content(page.content or "", page=page, config=config, files=files)
        return fast
    except Exception as error:
        message = f"Error reading page '{page.file.src_uri}':"
        if not isinstance(error, BuildError):
            message += f" {error}"
        build.log.error(message)
        raise
    finally:
        config._current_page = None
