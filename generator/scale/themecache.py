"""The theme's navigation, tabs, footer, small partials and blocks rendered once per folder in a shard worker.

material renders ``partials/nav.html`` and ``partials/tabs.html`` into every page: about 40 % of the theme's
time per atlas page. For the entry pages, which are not in the navigation (mkdocs.yml ``not_in_nav``), nothing
in them is active, and their links differ only in how the ``url`` filter makes them relative to the page: the
same HTML for every page of one folder. A worker (``shard.py``) installs this cache on its Jinja environment;
mkdocs' own build, ``mkdocs build`` and Zensical never see it, and the theme is unchanged.

How it stays the HTML mkdocs renders, byte for byte:

- Only a page whose fragments cannot depend on the page itself is served from the cache (``fragment_key``): a
  page not in the navigation, not the homepage, no ``hide`` in its front matter, no navigation item active.
  Every other page (and 404.html, which has no page) renders them as always.
- The first render of a fragment for a key is recorded (``themereads.py``): every name it looked up in the
  template context, and every call of a filter that reads the context (mkdocs' ``url``), with its result. A
  later page of the same key gets that HTML only if every name still has the same value and every filter call
  gives the same result for this page; otherwise the fragment is rendered and recorded again. A fragment that
  read an attribute of the page itself (``page.title``, ``page.toc``) or an active navigation item is never
  stored. The links (``url``, ``script_tag``) need no call when ``themelinks.py`` shows from the recorded ones
  alone that they are the same on this page (the usual case: another item page of the folder).

Besides included templates (``FRAGMENTS``) the cache serves blocks of ``base.html``/``main.html`` that read
nothing of the page (``BLOCKS``: the stylesheets, the tabs, the footer, the script settings, the scripts), and the
modules a template imports with context that are the same on every page (``PER_BUILD_MODULES``: material's
``lang``), under the same rule: a module only while the names it read hold, and its macros' results remembered.

The hooks are the functions Jinja calls to render: the fragment template's ``root_render_func`` (also for an
``{% include %}``), the block's function in the template's ``blocks`` (what ``{% block %}`` and ``super()`` call),
and the module template's ``make_module`` (``{% import … with context %}``), replaced when the environment loads
the template.
"""

from __future__ import annotations

import itertools
import posixpath
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, Template
from jinja2.environment import TemplateModule
from jinja2.runtime import Context
from jinja2.utils import LRUCache, missing
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .themelinks import Parts, links_of, page_parts
from .themereads import PER_BUILD_MODULES, FilterCall, Reading, Reads, Recording, module_of, same

FRAGMENTS = (
    "partials/nav.html",
    "partials/tabs.html",
    "partials/footer.html",
    "partials/logo.html",
    "partials/top.html",
    "partials/icons.html",
    "partials/integrations/analytics.html",
    "partials/javascripts/base.html",
)
"""The templates served from the cache: material's navigation and tabs (most of the time), the footer with the
copyright links, and the small partials of every page that read only the config and the links."""

BLOCKS = (
    ("base.html", "styles"),
    ("base.html", "analytics"),
    ("base.html", "tabs"),
    ("base.html", "footer"),
    ("base.html", "scripts"),
    ("main.html", "config"),
)
"""The blocks served from the cache, by the template that defines them: those that read only the config, the
features and links. ``scripts`` is base.html's, which main.html's own ``scripts`` (it reads ``page.meta``) calls with
``super()``; a block that calls ``super()`` itself cannot be wrapped (``super()`` finds the block by its function)."""

ENTRIES_PER_KEY = 8
"""Recordings kept per fragment and key; more would mean the key does not fit the fragment, so render as usual."""

RenderFunction = Callable[[Context], Iterator[str]]
KeyFunction = Callable[[object, object], str | None]
Produce = Callable[[Context], Any]


def fragment_key(page: object, nav: object) -> str | None:
    """The folder of the page's URL when the theme's fragments cannot depend on the page beyond its links (which
    the cache checks); ``None`` when they may: no page, a page in the navigation, the homepage, a page with
    ``hide`` in its front matter, or any navigation item active."""
    if not isinstance(page, Page) or not isinstance(nav, Navigation):
        return None
    if page.is_homepage or "hide" in page.meta or not page.active:  # active: the page mkdocs is building
        return None
    if any(item == page or item.active for item in _walk(nav.items)):
        return None
    return posixpath.dirname(page.url.rstrip("/"))


def _walk(items: Sequence[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(item.children or ())


@dataclass
class CacheStats:
    hits: int = 0
    recorded: int = 0
    rendered: int = 0
    """Renders the normal way: a page without a key, or a fragment that read the page."""


class FragmentCache:
    """Installed on a worker's Jinja environment by ``install``; ``stats`` counts what it did."""

    def __init__(
        self,
        env: Environment,
        names: Sequence[str] = FRAGMENTS,
        key: KeyFunction = fragment_key,
        blocks: Sequence[tuple[str, str]] = BLOCKS,
        modules: Sequence[str] = tuple(PER_BUILD_MODULES),
    ) -> None:
        self.env = env
        self.names = frozenset(names)
        self.key = key
        self.blocks: dict[str, list[str]] = {}
        for template, block in blocks:
            self.blocks.setdefault(template, []).append(block)
        self.modules = frozenset(modules)
        self._watched = self.names | self.blocks.keys() | self.modules
        self._loaded: dict[tuple[str, str | None], Template] = {}
        self._loader = env.loader
        self.stats = CacheStats()
        self._entries: dict[tuple[str, str], list[Recording]] = {}
        self._wrapped: weakref.WeakSet[Template] = weakref.WeakSet()
        self._serial = itertools.count()
        self._uncacheable: set[tuple[str, str]] = set()
        self._recording = False
        self._page: object = None
        self._page_key: str | None = None
        self._page_parts: Parts | None = None
        self._page_results: dict[tuple[str, tuple[Any, ...], tuple[tuple[str, Any], ...]], Any] = {}

    def install(self) -> None:
        """Wrap the fragment templates whenever the environment loads one (again). A template asked for again is
        the one loaded before, without Jinja's cache lookup (its LRU order costs more than a small template's
        render), while that is what Jinja would return: templates not reloaded when changed (mkdocs' environment,
        ``auto_reload=False``), and none ever dropped from Jinja's cache (it drops one only to make room)."""
        load, loaded = self.env.get_template, self._loaded

        def get_template(name: Any, parent: str | None = None, globals: Any = None) -> Template:
            known = loaded.get((name, parent)) if globals is None and type(name) is str else None
            if known is not None and self._as_loaded():
                return known
            template = load(name, parent, globals)
            if template.name in self._watched and template not in self._wrapped:
                self._wrap(template)
            if globals is None and type(name) is str:
                loaded[name, parent] = template
            return template

        self.env.get_template = get_template  # type: ignore[method-assign]

    def _as_loaded(self) -> bool:
        """Jinja's ``get_template`` returns the template it loaded first for a name: no reloading, a cache that
        never dropped one (not full), the same loader."""
        env, cache = self.env, self.env.cache
        full = not isinstance(cache, LRUCache) or len(cache) >= cache.capacity
        return not env.auto_reload and not full and env.loader is self._loader

    def _wrap(self, template: Template) -> None:
        # A template loaded again (changed on disk) gets recordings of its own: the name with a serial number.
        serial = next(self._serial)
        if template.name in self.names:
            template.root_render_func = self._rendering(f"{template.name} #{serial}", template.root_render_func)
        for block in self.blocks.get(template.name or "", ()):
            original = template.blocks[block]
            if _calls_super(original):
                raise ValueError(f"{template.name}: block {block} calls super(), it cannot be served from a cache")
            template.blocks[block] = self._rendering(f"{template.name} {{% block {block} %}} #{serial}", original)
        if template.name in self.modules:
            template.make_module = self._importing(f"{template.name} #{serial}", template)  # type: ignore[method-assign]
        self._wrapped.add(template)

    def _rendering(self, name: str, original: RenderFunction) -> RenderFunction:
        def render(context: Context) -> Iterator[str]:
            yield self.render(name, original, context)

        return render

    def _importing(self, name: str, template: Template) -> Callable[..., TemplateModule]:
        def make_module(
            vars: dict[str, Any] | None = None, shared: bool = False, locals: dict[str, Any] | None = None
        ) -> TemplateModule:
            context = template.new_context(vars, shared, locals)
            module: TemplateModule = self.serve(name, module_of(template), context)
            return module

        return make_module

    def render(self, name: str, original: RenderFunction, context: Context) -> str:
        """The fragment's HTML for this context: recorded, or rendered (and recorded when its key allows)."""
        html: str = self.serve(name, lambda context: "".join(original(context)), context)
        return html

    def serve(self, name: str, produce: Produce, context: Context) -> Any:
        """What ``produce`` makes of this context (a fragment's HTML, a module): recorded, or made again (and
        recorded when the page's key allows and it read nothing of the page)."""
        page = context.resolve_or_missing("page")
        key = None if self._recording else self._key(page, context.resolve_or_missing("nav"))
        if key is None or (name, key) in self._uncacheable:
            self.stats.rendered += 1
            return produce(context)
        entries = self._entries.setdefault((name, key), [])
        for entry in entries:
            if self._still_holds(entry, context):
                self.stats.hits += 1
                return entry.output
        reads = Reads(page)
        self._recording = True
        try:
            with Reading(self.env, reads, context):
                output = produce(context)
        finally:
            self._recording = False
        if reads.depends_on_page or len(entries) >= ENTRIES_PER_KEY:
            self._uncacheable.add((name, key))  # rendering it again and again would cost more than it saves
            self.stats.rendered += 1
        else:
            links = links_of(reads.calls, self.env.filters, page)
            entries.append(Recording(output, tuple(reads.names.items()), tuple(reads.calls), links))
            self.stats.recorded += 1
        return output

    def _key(self, page: object, nav: object) -> str | None:
        """``fragment_key``, once per page: its fragments render one after the other, and a worker builds each
        page once. The filter results checked for the page are kept with it, as the fragments share links."""
        if self._page is not page:
            self._page, self._page_key, self._page_results = page, self.key(page, nav), {}
            self._page_parts = page_parts(page) if self._page_key is not None else None
        return self._page_key

    def _still_holds(self, entry: Recording, context: Context) -> bool:
        if not all(same(value, context.resolve_or_missing(name)) for name, value in entry.names):
            return False
        calls = entry.calls
        if entry.links is not None and entry.links.same_for(self._page_parts):
            calls = entry.links.others  # the links are the same on this page (themelinks.py)
        return all(self._call(call, context) == call.result for call in calls)

    def _call(self, call: FilterCall, context: Context) -> Any:
        """The filter's result for this page, remembered while the page is being built."""
        try:
            known = self._page_results.get(call.inputs, missing)
        except TypeError:  # an argument that cannot be a key: call the filter every time
            return self.env.filters[call.name](context, *call.args, **dict(call.kwargs))
        if known is missing:
            known = self._page_results[call.inputs] = self.env.filters[call.name](
                context, *call.args, **dict(call.kwargs)
            )
        return known


def _calls_super(block: Callable[..., Any]) -> bool:
    code = getattr(block, "__code__", None)
    return code is not None and "super" in code.co_names


def install(
    env: Environment,
    names: Sequence[str] = FRAGMENTS,
    key: KeyFunction = fragment_key,
    blocks: Sequence[tuple[str, str]] = BLOCKS,
    modules: Sequence[str] = tuple(PER_BUILD_MODULES),
) -> FragmentCache:
    """The cache on ``env`` (a worker's, after the plugins' ``on_env``): see the module's docstring."""
    cache = FragmentCache(env, names, key, blocks, modules)
    cache.install()
    return cache
