"""The repeated HTML pieces of entry and overview pages, built in Python instead of Jinja macros.

Every entry page called a dozen macros of ``templates/_macros.md.j2`` and imported them "with context", which runs
the whole macro file again for each page: together most of the time it took to render an entry page. These helpers
write the very same text (``tests/test_pagehtml.py`` checks them against the macros they replace). Each returns
``Markup``; every value from content in it is escaped here, as the macros' ``| html`` filter and ``finalize`` did.
Helpers that link entries take the page's ``html_link`` (which knows the folder the page is served at) from the
template's context.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import derive
from .kinds import KIND_BY_KEY
from .render import date_nl, external_html, finalize, html_text, mailto_html

HtmlLink = Callable[..., Markup]


def _linked(context: Context, items: Iterable[Any]) -> list[str]:
    html_link: HtmlLink = context["html_link"]
    return [html_link(item, block=True) for item in items]


def note(text: Any) -> Markup:
    """A note in italics as a raw HTML block."""
    return Markup(f"<p><em>{html_text(text)}</em></p>\n")


@pass_context
def list_links(context: Context, items: Sequence[Any], empty: str = "") -> Markup:
    """Links to entries as a list in a raw HTML block (Python-Markdown passes it through; sitecheck checks the
    links); without entries the note ``empty``, if any."""
    if items:
        rows = "".join(f"<li>{link}</li>\n" for link in _linked(context, items))
        return Markup(f"<ul>\n{rows}</ul>\n")
    if empty:
        return Markup(f"{note(empty)}\n")
    return Markup("")


@pass_context
def section(context: Context, title: str, items: Sequence[Any], empty: str = "") -> Markup:
    """A heading with its list of links; nothing without entries (unless there is a note for that)."""
    if not (items or empty):
        return Markup("")
    return Markup(f"## {finalize(title)}\n\n{list_links(context, items, empty)}\n\n")


@pass_context
def html_inline_links(context: Context, items: Iterable[Any]) -> Markup:
    """Links to entries separated by commas, inside a raw HTML block."""
    return Markup(", ".join(_linked(context, items)))


def html_labels(values: Iterable[Any]) -> Markup:
    """The labels of vocabulary values separated by commas, inside a raw HTML block."""
    return Markup(", ".join(html_text(value.label) for value in values))


@pass_context
def matches(context: Context, found: Sequence[Any]) -> Markup:
    """Proposals with their reasons, as the list Python-Markdown made of "- <a …>…</a> (kind): reasons"."""
    if not found:
        return Markup("")
    atlas = context["atlas"]
    html_link: HtmlLink = context["html_link"]
    rows = []
    for match in found:
        link = html_link(atlas.get(match.type, match.id), block=True)
        kind = html_text(KIND_BY_KEY[match.type].singular.lower())
        reasons = "; ".join(html.escape(str(reason), quote=False) for reason in match.reasons)
        rows.append(f"<li>{link} ({kind}): {reasons}</li>\n")
    return Markup(f"<ul>\n{''.join(rows)}</ul>\n")


def contact_items(contact: Any) -> Markup:
    """A contact's phone, e-mail and website as list items of a raw HTML block."""
    items = []
    if contact.phone:
        items.append(f"<li><strong>Telefoon:</strong> {html_text(contact.phone)}</li>\n")
    if contact.email:
        items.append(f"<li><strong>E-mail:</strong> {mailto_html(contact.email)}</li>\n")
    if contact.url:
        items.append(f"<li><strong>Web:</strong> {external_html(contact.url, contact.url)}</li>\n")
    return Markup("".join(items))


def contact_list(contact: Any) -> Markup:
    """``contact_items`` as a list; nothing for a contact without any."""
    items = contact_items(contact)
    return Markup(f"<ul>\n{items}</ul>\n") if items.strip() else Markup("")


def link_list(links: Sequence[Any]) -> Markup:
    """The section "Meer informatie": an entry's links to elsewhere."""
    if not links:
        return Markup("")
    rows = "".join(f"<li>{external_html(item.url, item.title)}</li>\n" for item in links)
    return Markup(f"## Meer informatie\n\n<ul>\n{rows}</ul>\n\n")


def reviewed(entity: Any) -> Markup:
    """When the entry was last checked, for the kinds that record it."""
    when = derive.field_value(entity, "last_reviewed")
    if not when:
        return Markup("")
    return Markup(f'<p class="atlas-reviewed">Laatst gecontroleerd: {html_text(date_nl(when))}</p>\n')


@pass_context
def scoped_search(context: Context, facet: str, entity: Any) -> Markup:
    """A search form limited to this entry (a region or a theme)."""
    action = f"{finalize(context['base'])}../zoeken/"
    return Markup(
        f'<form class="atlas-scoped-search" role="search" action="{action}" method="get">\n'
        f'<input type="hidden" name="{finalize(facet)}" value="{html_text(entity.id)}">\n'
        f'<label for="atlas-scoped-q">Zoek binnen {html_text(derive.label(entity))}</label>\n'
        '<input id="atlas-scoped-q" name="q" type="search" autocomplete="off">\n'
        '<button type="submit" class="md-button">Zoeken</button>\n'
        "</form>\n"
    )


@pass_context
def sources(context: Context, entity: Any) -> Markup:
    """The other atlases an entry was taken from (or is also described in); nothing for an entry of this one only."""
    found = context["page_sources"](entity)
    if not found:
        return Markup("")
    said = "Ook beschreven in" if found.local else "Overgenomen uit"
    origins = ", ".join(
        external_html(origin.page_url, origin.title) if origin.page_url else html_text(origin.title)
        for origin in found.origins
    )
    return Markup(f"<p><strong>{finalize(said)}:</strong> {origins}</p>\n\n")


@pass_context
def edit(context: Context, entity: Any) -> Markup:
    """The links to change the entry on GitHub or report a correction; nothing for an entry of another atlas."""
    url = context["edit_url"](entity)
    if not url:
        return Markup("")
    change = external_html(url, "Wijzig deze gegevens")
    correct = external_html(context["correction_url"](entity), "meld een correctie")
    return Markup(f'<p class="atlas-edit">Klopt er iets niet, of mist er iets? {change} op GitHub, of {correct}.</p>\n')


HELPERS: dict[str, Callable[..., Markup]] = {
    "list_links": list_links,
    "section": section,
    "html_inline_links": html_inline_links,
    "html_labels": html_labels,
    "matches": matches,
    "contact_items": contact_items,
    "contact_list": contact_list,
    "link_list": link_list,
    "reviewed": reviewed,
    "scoped_search": scoped_search,
    "sources": sources,
    "edit": edit,
}


def register(env: Environment) -> None:
    """Make the helpers globals of the templates: ``{{ section("Thema's", items) }}``."""
    env.globals.update(HELPERS)
