"""The Content-Security-Policy (``generator.csp.with_policy``) on each HTML file a shard worker writes, given
in memory as mkdocs renders the file, so that mkdocs writes it once, with its policy, and nobody reads it back.

A ``PolicyStep`` is the last ``post_page`` handler of the worker's mkdocs (and ``post_template``, for the theme's
404.html). The file on disk is byte for byte the file the read-back step wrote (``csp.as_read_back``); the worker
also reads each page's links there (``unresolved_links``), for the parent's site check. A page with a script not
of the theme is written without a policy and named in ``errors``; the build then fails on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..csp import as_read_back, has_surrogates, with_policy
from ..errors import BuildError
from ..sitecheck import Links, text_links

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


@dataclass
class PolicyStep:
    """Gives the policy to what mkdocs renders and keeps what the worker hands back about it."""

    link_base: str
    """The path the site is published under, for the links of its pages (``generator.sitecheck``)."""
    in_site: set[str]
    """Every file the shares together write (site paths): links to these need no look-up on disk."""
    templates: set[str]
    """The theme's templates that are HTML files, such as 404.html: they get the policy here too."""
    given: list[str] = field(default_factory=list)
    """The HTML files (site paths) that got their policy, in the order mkdocs wrote them."""
    unresolved: dict[str, Links] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def register(self, config: MkDocsConfig) -> None:
        """Run after every other handler of mkdocs' events, on the page as mkdocs will write it."""
        config.plugins.events["post_page"].append(self.post_page)
        config.plugins.events["post_template"].append(self.post_template)

    def post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self.give(output, page.file.dest_uri)

    def post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        # mkdocs writes a theme template as strict UTF-8: one it cannot encode fails there, as without this step.
        if template_name not in self.templates or has_surrogates(output):
            return output
        return self.give(output, template_name)

    def give(self, output: str, relative: str) -> str:
        """The page with its policy, as mkdocs is to write it to ``relative``; mkdocs writes no empty page."""
        if not output.strip():
            return output
        html = self.take(as_read_back(output), relative)
        return output if html is None else html

    def take(self, text: str, relative: str) -> str | None:
        """The policy on the text of the HTML file ``relative``, its links noted; None (and the error noted) for a
        page with a script not of the theme."""
        try:
            html = with_policy(text, relative)
        except BuildError as error:
            self.errors[relative] = str(error)
            return None
        self.given.append(relative)
        self.unresolved[relative] = unresolved_links(relative, html, self.link_base, self.in_site)
        return html


def unresolved_links(relative: str, html: str, base: str, in_site: set[str]) -> Links:
    """The page's links (``sitecheck.page_links``, read from its text) except those to a file every share together
    writes (pages, theme files, assets): the site check reads the pages here, as they are written, and leaves the
    parent only the rest to look up on disk."""

    def written(path: str) -> bool:
        file = path.lstrip("/") + ("index.html" if path.endswith("/") else "")
        return file in in_site

    return [(shown, path) for shown, path in text_links(relative, html, base) if not written(path)]
