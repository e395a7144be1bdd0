"""When a fragment's links are the same on another page of its folder, known without calling the ``url`` filter.

``themecache`` serves a recorded fragment only when every call it made of a filter that reads the context gives
the same result for this page. For mkdocs' ``url`` filter (and ``script_tag``, which makes its ``src`` with it) that
check was most of the cost of a hit: the relative link computed again for every link of the navigation, on every
page. The result can differ between two pages only in a way this module sees from the recorded links alone.

mkdocs 1.6 (``mkdocs.utils.normalize_url``): a link that is absolute (a scheme, a host, ``/`` or ``#`` first) is the
same on every page. Any other is ``get_relative_url(path, page.url)`` (with ``../`` in front for a path that climbs
out of the site), which takes the page's folder parts (``page.url`` without a file name, normalised: ``P``) and the
link's parts (``D``), counts their common first parts ``c`` and gives ``..`` times ``len(P) - c`` followed by
``D[c:]``. Two pages whose parts differ only in the last one (``F + [a]`` and ``F + [b]``: two item pages of one
folder) have the same ``c`` for a link unless the link runs through ``F/a`` or ``F/b`` (``D`` starts with ``F`` and
its next part is ``a`` or ``b``): there the page's own name counts. So when no recorded link runs through either
page, every relative link of the recording is the same for the new page; with equal parts, trivially so.
tests/scale/test_themelinks.py checks this against the filter itself over generated pages and links.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.utils import _get_norm_url, _norm_parts
from mkdocs.utils.templates import script_tag_filter, url_filter

from .themereads import FilterCall

LINK_FILTERS: frozenset[Callable[..., Any]] = frozenset({url_filter, script_tag_filter})
"""mkdocs' filters whose result depends on the page only through ``url_filter(context, str(value))``: ``url``, and
``script_tag`` (its tag from the script's own settings and that link)."""

Parts = tuple[str, ...]


def page_parts(page: object) -> Parts | None:
    """The page's folder as ``get_relative_url`` takes it: its URL without a file name, in parts."""
    url = getattr(page, "url", None)
    if not isinstance(url, str):
        return None
    folder, _, name = url.rpartition("/")
    return tuple(_norm_parts(folder if "." in name else url))


@dataclass(frozen=True)
class Links:
    """The links of a recording's calls of ``LINK_FILTERS``, as far as they can differ between pages of a folder."""

    page: Parts
    """The parts of the page the recording was made on."""
    through: frozenset[str]
    """Of the relative links that start with that page's folder (``page[:-1]``), the part that follows it."""
    others: tuple[FilterCall, ...]
    """The recording's other calls, checked by calling the filter as before."""

    def same_for(self, parts: Parts | None) -> bool:
        """Every recorded link is the same on a page with these parts."""
        if parts is None:
            return False
        if parts == self.page:
            return True
        if not parts or len(parts) != len(self.page) or parts[:-1] != self.page[:-1]:
            return False
        return parts[-1] not in self.through and self.page[-1] not in self.through


def links_of(calls: Sequence[FilterCall], filters: Mapping[str, Any], page: object) -> Links | None:
    """The recorded calls split into links (``LINK_FILTERS`` with one value) and the rest; ``None`` when the
    recording's page has no URL."""
    parts = page_parts(page)
    if parts is None:
        return None
    folder, through, others = parts[:-1], set(), []
    for call in calls:
        if filters.get(call.name) not in LINK_FILTERS or len(call.args) != 1 or call.kwargs:
            others.append(call)
            continue
        path, level = _get_norm_url(str(call.args[0]))  # cached by mkdocs: the filter computed it already
        if level == -1:
            continue  # absolute: the same on every page
        link = _norm_parts(path)
        if len(link) > len(folder) and tuple(link[: len(folder)]) == folder:
            through.add(link[len(folder)])
    return Links(parts, frozenset(through), tuple(others))
