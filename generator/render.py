"""Stage 4, render: the atlas → Markdown pages for mkdocs, all in memory.

Templates never emit raw text: every ``{{ … }}`` goes through ``finalize``,
which escapes HTML and Markdown punctuation, unless the value is ``Markup``
made here (links, sanitized prose). Free prose from content is converted to
HTML and sanitized with nh3, because Python-Markdown passes ``<script>``,
``onerror=`` and ``javascript:`` links through untouched.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import threading
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown as markdown_lib
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import clock, derive, pagelists, vocab
from .atlas import Atlas
from .broker import askform
from .broker.match.data import match_data
from .broker.match.matcher import Matcher
from .broker.match.questions import QuestionHelp, QuestionHelper, help_all
from .broker.overview.page import overview_page
from .config import AtlasConfig
from .contribute.formnames import CORRECTION_FORM
from .contribute.routes import Contributing, correction_url, edit_url, kind_routes
from .exchange.federation.origin import page_sources
from .kinds import KIND_BY_KEY, KINDS, Kind
from .progress import QUIET, Progress

if TYPE_CHECKING:
    from .broker.signals.kinds import SignalKind
    from .broker.signals.signal import Signal

TEMPLATES = Path(__file__).parent / "templates"
SIGNALS_SHOWN = 100
"""Signals of one kind listed on /signalen/; a national atlas has thousands, all in signalen.json."""
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
PROSE_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "h3",
    "h4",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def md_escape(text: str) -> str:
    """Text that Markdown and HTML both show literally."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def finalize(value: Any) -> Markup:
    """Applied to every ``{{ … }}``: Markup passes, anything else is escaped."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(md_escape(str(value)))


def html_text(value: Any) -> Markup:
    """For values inside raw HTML blocks, where Markdown escapes would show."""
    return Markup(html.escape(str(value), quote=True))


def join_text(values: Any, separator: str = ", ") -> Markup:
    """Join plain values, each escaped for Markdown and HTML."""
    return Markup(separator.join(md_escape(str(value)) for value in values))


_PROSE_MARKDOWN = threading.local()


def _prose_markdown() -> markdown_lib.Markdown:
    """One converter per thread, reset before each text: making one costs more than converting a short text
    (about a third of the Markdown time at 20,000 entries)."""
    converter: markdown_lib.Markdown | None = getattr(_PROSE_MARKDOWN, "converter", None)
    if converter is None:
        converter = _PROSE_MARKDOWN.converter = markdown_lib.Markdown(extensions=["sane_lists"])
    return converter


_PLAIN_LINE = re.compile(r"[^\W\d_](?:[^\W_]|[ .,;:!?'\"()/%+=@€–—-])*(?<! )")
"""A line of prose without any Markdown in it: it starts with a letter and ends without a space, and is made of
letters, digits, spaces and punctuation that means nothing to Markdown or HTML."""


def plain_prose(text: str) -> str | None:
    """What Python-Markdown and nh3 make of prose without Markdown (paragraphs of ``_PLAIN_LINE`` lines between
    blank lines): a paragraph per block of lines, unchanged; None for any other text. Most prose is such text,
    and converting it cost as much as the rest of an entry page (``tests/test_prose.py`` compares the two)."""
    paragraphs = re.split(r"\n{2,}", text.strip("\n"))
    for paragraph in paragraphs:
        if not all(_PLAIN_LINE.fullmatch(line) for line in paragraph.split("\n")):
            return None
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def prose(text: str | None) -> Markup:
    """Contributor Markdown → sanitized HTML block, safe to embed in a page."""
    if not text:
        return Markup("")
    plain = plain_prose(text)
    if plain is not None:
        return Markup(f'<div class="atlas-prose">\n{plain}\n</div>\n')
    return markdown_prose(text)


def markdown_prose(text: str) -> Markup:
    """``prose`` by Python-Markdown and nh3, for any text."""
    converted = _prose_markdown().reset().convert(text)
    cleaned = nh3.clean(
        converted,
        tags=PROSE_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
    )
    compact = "\n".join(line for line in cleaned.splitlines() if line.strip())
    return Markup(f'<div class="atlas-prose">\n{compact}\n</div>\n')


def external(url: str, text: str) -> Markup:
    """A Markdown link to a validated https URL (parentheses encoded)."""
    target = url.replace("(", "%28").replace(")", "%29")
    return Markup(f"[{md_escape(text)}]({target})")


def mailto(address: str) -> Markup:
    return Markup(f"[{md_escape(address)}](mailto:{address})")


def external_html(url: str, text: str) -> Markup:
    """``external`` as the HTML Python-Markdown makes of it, for raw HTML blocks (same href, same text)."""
    target = url.replace("(", "%28").replace(")", "%29")
    return Markup(f'<a href="{html.escape(target)}">{html.escape(text, quote=False)}</a>')


def mailto_html(address: str) -> Markup:
    """``mailto`` as HTML, for raw HTML blocks."""
    return Markup(f'<a href="mailto:{html.escape(address)}">{html.escape(address, quote=False)}</a>')


def join_html(values: Any, separator: str = ", ") -> Markup:
    """Join plain values for a raw HTML block, each escaped for HTML only (Markdown escapes would show there)."""
    return Markup(separator.join(html.escape(str(value), quote=False) for value in values))


def date_nl(value: date | datetime | None) -> str:
    """``2020-06-01`` → ``1 juni 2020``; with a time: ``1 juni 2020, 14:00``."""
    if value is None:
        return ""
    text = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if isinstance(value, datetime):
        text += f", {value:%H:%M}"
    return text


def kind_of(entity: Any) -> Kind:
    return KIND_BY_KEY[type(entity).KIND]


def page_path(entity: Any) -> str:
    """Where an entry's page lives in the docs folder."""
    return f"{kind_of(entity).section}/{entity.id}.md"


def served_folder(template: str, context: dict[str, Any]) -> str:
    """The folder mkdocs serves the page at (``use_directory_urls``), relative to the site root."""
    if template.startswith("entry/"):
        return f"{context['kind'].section}/{context['e'].id}/"
    if template.startswith("overview/"):
        return f"{context['kind'].section}/"
    if template == "home.md.j2":
        return ""
    # A page of its own (vraag-stellen.md, zoeken.md, …): one folder deep, outside every section.
    return f"{template.removesuffix('.md.j2')}/"


def relative_folder(folder: str, target: str) -> str:
    """``posixpath.relpath(target, folder or ".")`` for the site's own folders (relative, without ``..`` in them),
    without the two ``abspath`` calls of ``relpath``: it ran for every link of every page."""
    start = [part for part in folder.split("/") if part and part != "."]
    goal = [part for part in target.split("/") if part and part != "."]
    common = 0
    while common < len(start) and common < len(goal) and start[common] == goal[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + goal[common:]) or "."


@cache
def section_url(folder: str, section: str) -> str:
    """A section's folder relative to a page's folder, as mkdocs writes it: ``../../partners/``, or
    nothing from the section's own overview."""
    relative = relative_folder(folder, section)
    return "" if relative == "." else relative + "/"


def page_url(folder: str, page: str) -> str:
    """The URL mkdocs writes for a Markdown link from a page served at ``folder`` to the docs page ``page``
    (``vraag-stellen.md``, ``vragen/index.md``), given relative to the docs root."""
    served = posixpath.dirname(page) if posixpath.basename(page) == "index.md" else page.removesuffix(".md")
    return section_url(folder, served or ".") or "./"


def html_page_link_from(folder: str) -> Any:
    def html_page_link(page: str, text: str) -> Markup:
        """A link to one of the site's own pages as mkdocs would write it, for raw HTML blocks."""
        return Markup(f'<a href="{html.escape(page_url(folder, page))}">{html.escape(text, quote=False)}</a>')

    return html_page_link


class Renderer:
    """Renders every page of one atlas; ``render_all`` returns {docs path: text}."""

    progress: Progress = QUIET
    """Advanced by one per entry page."""

    def __init__(
        self,
        atlas: Atlas,
        today: date | None = None,
        contributing: Contributing | None = None,
        links: derive.Links | None = None,
        matcher: Matcher | None = None,
    ) -> None:
        self.atlas = atlas
        # The repository the contribution links point to: mkdocs.yml's extra.atlas (the default: this project's).
        self.contributing = contributing or Contributing.from_config(AtlasConfig().resolve())
        self.links = links or derive.Links(atlas)  # atlas serve passes its own, kept up to date edit by edit
        self.matcher = matcher or Matcher(match_data(atlas, self.links))
        self.question_helper = QuestionHelper(self.matcher)
        self._question_helps: dict[str, QuestionHelp] | None = None
        self.today = clock.today(today)
        self._signals: list[Signal] | None = None
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,  # makes macro output Markup; finalize does the Markdown escaping
            finalize=finalize,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(prose=prose, date_nl=date_nl, label=derive.label, join=join_text, html=html_text)
        self.env.filters["join_html"] = join_html
        from .pagehtml import register  # imported here: the helpers escape with this module's functions

        register(self.env)
        self.env.globals["page_sources"] = lambda entity: page_sources(atlas, entity)
        self.env.globals["pagelists"] = pagelists  # long lists on entry pages: templates/_pagelists.md.j2
        self.env.tests["contains_value"] = lambda values, value: value in values
        self.env.globals.update(
            atlas=atlas,
            links=self.links,
            derive=derive,
            vocab=vocab,
            kinds=KINDS,
            kinds_by_key=KIND_BY_KEY,
            external=external,
            mailto=mailto,
            external_html=external_html,
            mailto_html=mailto_html,
            question_help=self.question_help,
            signals=self.signals,
            edit_url=lambda entity: edit_url(self.contributing.repository, self.atlas, entity),
            correction_url=lambda entity: correction_url(self.contributing.repository, entity),
        )

    def signals(self) -> list[Signal]:
        """The signals of this atlas on ``today``, computed once (for the home page and /signalen/)."""
        from .broker.signals.kinds import signals  # imported here: the signal rules import date_nl from this module

        if self._signals is None:
            self._signals = signals(self.atlas, self.today, self.links)
        return self._signals

    def question_help(self, question: Any) -> QuestionHelp:
        """Who can help, what is known, the same question elsewhere: for all questions at once, on first use."""
        if self._question_helps is None:
            self._question_helps = help_all(self.question_helper, self.atlas.of("question"))
        return self._question_helps[question.id]

    def signal_records(self) -> list[dict[str, Any]]:
        from .broker.signals.kinds import signal_record

        return [signal_record(self.atlas, signal) for signal in self.signals()]

    def signal_groups(self) -> list[tuple[SignalKind, list[Signal]]]:
        """(kind of signal, its signals) for every kind, in the order of the signals page."""
        from .broker.signals.kinds import by_kind

        return by_kind(self.signals())

    def contribute_context(self) -> dict[str, Any]:
        """What /bijdragen/ (templates/contribute.md.j2) needs: a route per kind, the correction form, the guide."""
        repository = self.contributing.repository
        return {
            "routes": kind_routes(self.contributing, self.today),
            "correction_form": repository.issue_form(CORRECTION_FORM),
            "guide_url": repository.blob("CONTRIBUTING.md"),
        }

    def link_from(self, base: str) -> Any:
        def link(entity: Any, text: str | None = None) -> Markup:
            shown = md_escape(text if text is not None else derive.label(entity))
            return Markup(f"[{shown}]({base}{page_path(entity)})")

        return link

    def html_link_from(self, folder: str) -> Any:
        def html_link(entity: Any, text: str | None = None, block: bool = False) -> Markup:
            """The link as mkdocs would write it: Python-Markdown passes it through without parsing it."""
            shown = text if text is not None else derive.label(entity)
            # Inside a raw HTML block Markdown escapes would show; inline, Markdown still reads the text.
            shown_html = html.escape(shown, quote=False) if block else md_escape(shown)
            href = f"{section_url(folder, kind_of(entity).section)}{entity.id}/"
            return Markup(f'<a href="{href}">{shown_html}</a>')

        return html_link

    def render(self, template: str, base: str, **context: Any) -> str:
        html_link = self.html_link_from(served_folder(template, context))
        html_page_link = html_page_link_from(served_folder(template, context))
        text = self.env.get_template(template).render(
            link=self.link_from(base), html_link=html_link, html_page_link=html_page_link, base=base, **context
        )
        return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

    def render_entry(self, kind: Kind, entity: Any) -> str:
        """One entry's page (``atlas serve`` re-renders only the entries an edit reaches)."""
        self.progress.advance()
        return self.render(f"entry/{kind.key}.md.j2", "../", kind=kind, e=entity)

    def render_all(self) -> dict[str, str]:
        pages: dict[str, str] = {"index.md": self.render("home.md.j2", "")}
        for kind in KINDS:
            entries = self.atlas.of(kind.key)
            pages[f"{kind.section}/index.md"] = self.render(
                f"overview/{kind.key}.md.j2", "../", kind=kind, entries=entries
            )
            for entity in entries:
                pages[page_path(entity)] = self.render_entry(kind, entity)
        pages["broker/match.json"] = json.dumps(self.matcher.data, ensure_ascii=False, separators=(",", ":"))
        pages["vraag-stellen.md"] = self.render("ask.md.j2", "", **askform.template_context())
        pages["zoeken.md"] = self.render("search.md.j2", "")
        pages["signalen.md"] = self.render(
            "signals.md.j2", "", today=self.today, groups=self.signal_groups(), shown=SIGNALS_SHOWN
        )
        pages["signalen.json"] = json.dumps(self.signal_records(), ensure_ascii=False, indent=1)
        pages["overzicht.md"] = self.render("overview.md.j2", "", overview=overview_page(self.links))
        pages["bijdragen.md"] = self.render("contribute.md.j2", "", **self.contribute_context())
        for page in self.atlas.pages:
            pages[f"{page.slug}.md"] = page.text.strip() + "\n"
        return pages


def render_site(
    atlas: Atlas, today: date | None = None, contributing: Contributing | None = None, progress: Progress = QUIET
) -> dict[str, str]:
    """Every generated page of the site, keyed by its path in the docs folder; signals count from ``today``."""
    renderer = Renderer(atlas, today, contributing)
    progress.stage("Pagina's maken", sum(len(entries) for entries in atlas.entries.values()))
    renderer.progress = progress
    return renderer.render_all()
