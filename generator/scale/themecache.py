"""The theme's navigation, tabs and footer rendered once per folder in a shard worker, not once per page.

material renders ``partials/nav.html`` and ``partials/tabs.html`` into every page: about 40 % of the theme's
time per atlas page. For the entry pages, which are not in the navigation (mkdocs.yml ``not_in_nav``), nothing
in them is active, and their links differ only in how the ``url`` filter makes them relative to the page: the
same HTML for every page of one folder. A worker (``shard.py``) installs this cache on its Jinja environment;
mkdocs' own build, ``mkdocs build`` and Zensical never see it, and the theme is unchanged.

How it stays the HTML mkdocs renders, byte for byte:

- Only a page whose fragments cannot depend on the page itself is served from the cache (``fragment_key``): a
  page not in the navigation, not the homepage, no ``hide`` in its front matter, no navigation item active.
  Every other page (and 404.html, which has no page) renders them as always.
- The first render of a fragment for a key is recorded: every name it looked up in the template context, and
  every call of a filter that reads the context (mkdocs' ``url``), with its result. A later page of the same key
  gets that HTML only if every name still has the same value and every filter call still gives the same result
  for this page; otherwise the fragment is rendered and recorded again. A fragment that read anything of the
  page itself (``page.title``, ``page.toc``) is never stored.

The hook is the one function Jinja calls to render a template, also for an ``{% include %}``: the fragment
template's ``root_render_func``, wrapped when the environment loads the template.
"""

from __future__ import annotations

import posixpath
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, Template
from jinja2.environment import TemplateModule
from jinja2.runtime import Context
from jinja2.utils import missing
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

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

ENTRIES_PER_KEY = 8
"""Recordings kept per fragment and key; more would mean the key does not fit the fragment, so render as usual."""

ACCESSORS = ("getattr", "getitem")
"""The environment's methods the templates read attributes and items through (``page.title``, ``page["x"]``)."""

RenderFunction = Callable[[Context], Iterator[str]]
KeyFunction = Callable[[object, object], str | None]


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


@dataclass(frozen=True)
class FilterCall:
    """One call of a filter that reads the context, as the fragment made it, and what it returned."""

    name: str
    args: tuple[Any, ...]
    kwargs: tuple[tuple[str, Any], ...]
    result: Any

    @property
    def inputs(self) -> tuple[str, tuple[Any, ...], tuple[tuple[str, Any], ...]]:
        return self.name, self.args, self.kwargs


@dataclass(frozen=True)
class Recording:
    """A fragment's HTML and everything it read that could differ from page to page."""

    html: str
    names: tuple[tuple[str, Any], ...]
    calls: tuple[FilterCall, ...]


@dataclass
class CacheStats:
    hits: int = 0
    recorded: int = 0
    rendered: int = 0
    """Renders the normal way: a page without a key, or a fragment that read the page."""


@dataclass
class _Reads:
    """What one render of a fragment read (see ``_recording``)."""

    page: object
    names: dict[str, Any] = field(default_factory=dict)
    calls: list[FilterCall] = field(default_factory=list)
    page_read: bool = False

    def saw(self, name: str, value: Any) -> None:
        if name == "page":
            self.page_read |= value is not self.page
        elif name in self.names and not _same(self.names[name], value):
            self.page_read = True  # one name, two values in one render: not a value of the page's context
        else:
            self.names.setdefault(name, value)


def _same(recorded: Any, current: Any) -> bool:
    """The same value for the fragment: the same object, an equal string or number, or a Jinja module of the same
    template (base.html imports material's ``lang`` anew for every page; its words come from the config)."""
    if recorded is current:
        return True
    if type(recorded) is not type(current):
        return False
    if isinstance(recorded, TemplateModule):
        return bool(recorded.__name__ == current.__name__)
    return isinstance(recorded, str | int | float | bool | tuple) and bool(recorded == current)


class FragmentCache:
    """Installed on a worker's Jinja environment by ``install``; ``stats`` counts what it did."""

    def __init__(self, env: Environment, names: Sequence[str] = FRAGMENTS, key: KeyFunction = fragment_key) -> None:
        self.env = env
        self.names = frozenset(names)
        self.key = key
        self.stats = CacheStats()
        self._entries: dict[tuple[str, str], list[Recording]] = {}
        self._wrapped: weakref.WeakSet[Template] = weakref.WeakSet()
        self._uncacheable: set[tuple[str, str]] = set()
        self._recording = False
        self._page: object = None
        self._page_key: str | None = None
        self._page_results: dict[tuple[str, tuple[Any, ...], tuple[tuple[str, Any], ...]], Any] = {}

    def install(self) -> None:
        """Wrap the fragment templates whenever the environment loads one (again)."""
        load = self.env.get_template

        def get_template(name: Any, parent: str | None = None, globals: Any = None) -> Template:
            template = load(name, parent, globals)
            if template.name in self.names and template not in self._wrapped:
                self._wrap(template)
            return template

        self.env.get_template = get_template  # type: ignore[method-assign]

    def _wrap(self, template: Template) -> None:
        name, original = template.name or "", template.root_render_func

        def render(context: Context) -> Iterator[str]:
            yield self.render(name, original, context)

        template.root_render_func = render
        self._wrapped.add(template)

    def render(self, name: str, original: RenderFunction, context: Context) -> str:
        """The fragment's HTML for this context: recorded, or rendered (and recorded when its key allows)."""
        page = context.resolve_or_missing("page")
        key = None if self._recording else self._key(page, context.resolve_or_missing("nav"))
        if key is None or (name, key) in self._uncacheable:
            self.stats.rendered += 1
            return "".join(original(context))
        entries = self._entries.setdefault((name, key), [])
        for entry in entries:
            if self._still_holds(entry, context):
                self.stats.hits += 1
                return entry.html
        reads = _Reads(page)
        with _Reading(self, reads, context):
            html = "".join(original(context))
        if reads.page_read or len(entries) >= ENTRIES_PER_KEY:
            self._uncacheable.add((name, key))  # rendering it again and again would cost more than it saves
            self.stats.rendered += 1
        else:
            entries.append(Recording(html, tuple(reads.names.items()), tuple(reads.calls)))
            self.stats.recorded += 1
        return html

    def _key(self, page: object, nav: object) -> str | None:
        """``fragment_key``, once per page: its fragments render one after the other, and a worker builds each
        page once. The filter results checked for the page are kept with it, as the fragments share links."""
        if self._page is not page:
            self._page, self._page_key, self._page_results = page, self.key(page, nav), {}
        return self._page_key

    def _still_holds(self, entry: Recording, context: Context) -> bool:
        if not all(_same(value, context.resolve_or_missing(name)) for name, value in entry.names):
            return False
        return all(self._call(call, context) == call.result for call in entry.calls)

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


class _Reading:
    """While a fragment renders: the environment records what it reads (names, context filters, the page's
    attributes) into ``reads``; afterwards everything is as before."""

    def __init__(self, cache: FragmentCache, reads: _Reads, context: Context) -> None:
        self.cache, self.reads, self.context = cache, reads, context
        self.env = cache.env
        self.filters = {name: f for name, f in self.env.filters.items() if _reads_context(f)}
        self.context_class = self.env.context_class
        own: dict[str, Any] = vars(self.env)
        self.shadowed = {name: own[name] for name in ACCESSORS if name in own}

    def __enter__(self) -> None:
        reads, env = self.reads, self.env
        self.cache._recording = True
        env.filters.update({name: _recording_filter(name, f, reads) for name, f in self.filters.items()})
        env.context_class = _recording_context(self.context_class, reads)
        for name in ACCESSORS:  # instance attributes: the templates call environment.getattr(obj, name)
            vars(env)[name] = _guarding(getattr(env, name), reads)
        resolve = self.context.resolve_or_missing

        def resolve_or_missing(key: str) -> Any:
            value = resolve(key)
            reads.saw(key, value)
            return value

        self.context.resolve_or_missing = resolve_or_missing  # type: ignore[method-assign]

    def __exit__(self, *exception: object) -> None:
        env = self.env
        env.filters.update(self.filters)
        env.context_class = self.context_class
        for name in ACCESSORS:
            del vars(env)[name]  # set above: the class' methods again, or what was there before
        vars(env).update(self.shadowed)
        del self.context.resolve_or_missing  # the context was made for this render only
        self.cache._recording = False


def _reads_context(function: Any) -> bool:
    passed = getattr(function, "jinja_pass_arg", None)
    return getattr(passed, "name", None) == "context"


def _recording_filter(name: str, function: Callable[..., Any], reads: _Reads) -> Callable[..., Any]:
    from jinja2 import pass_context

    @pass_context
    def recording(context: Context, *args: Any, **kwargs: Any) -> Any:
        result = function(context, *args, **kwargs)
        if any(argument is reads.page for argument in (*args, *kwargs.values())):
            reads.page_read = True
        reads.calls.append(FilterCall(name, args, tuple(sorted(kwargs.items())), result))
        return result

    return recording


def _recording_context(base: type[Context], reads: _Reads) -> type[Context]:
    class RecordingContext(base):  # type: ignore[valid-type,misc]
        """The contexts of the templates the fragment imports or includes."""

        def resolve_or_missing(self, key: str) -> Any:
            value = super().resolve_or_missing(key)
            reads.saw(key, value)
            return value

    return RecordingContext


def _guarding(access: Callable[[Any, Any], Any], reads: _Reads) -> Callable[[Any, Any], Any]:
    """An attribute of the page, or an active navigation item (``item.active``, true for the page being built and
    its sections): the fragment depends on the page. ``fragment_key`` rules both out already."""

    def guarded(obj: Any, attribute: Any) -> Any:
        value = access(obj, attribute)
        if obj is reads.page or (attribute == "active" and value is True):
            reads.page_read = True
        return value

    return guarded


def install(env: Environment, names: Sequence[str] = FRAGMENTS, key: KeyFunction = fragment_key) -> FragmentCache:
    """The cache on ``env`` (a worker's, after the plugins' ``on_env``): see the module's docstring."""
    cache = FragmentCache(env, names, key)
    cache.install()
    return cache
