"""What one render of a theme fragment reads, recorded for ``themecache.py``: the names it looks up in the
template context, the calls of filters that read the context (mkdocs' ``url``) with their results, and whether it
read anything of the page itself. While a fragment renders (``Reading``) the Jinja environment records into a
``Reads``; afterwards the environment is as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, Template, pass_context
from jinja2.environment import TemplateModule
from jinja2.runtime import Context, Macro

if TYPE_CHECKING:
    from .themelinks import Links

ACCESSORS = ("getattr", "getitem")
"""The environment's methods the templates read attributes and items through (``page.title``, ``page["x"]``)."""

PER_BUILD_MODULES = frozenset({"partials/language.html"})
"""Jinja modules that base.html imports anew for every page but that are the same for every page: material's
``lang``, whose words come from ``config.theme.language`` only."""


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
    """A fragment's HTML (or a module) and everything it read that could differ from page to page."""

    output: Any
    names: tuple[tuple[str, Any], ...]
    calls: tuple[FilterCall, ...]
    links: Links | None = None
    """The calls that make links, when ``themelinks`` can tell from them alone that they hold on another page."""


@dataclass
class Reads:
    """What one render of a fragment read."""

    page: object
    names: dict[str, Any] = field(default_factory=dict)
    calls: list[FilterCall] = field(default_factory=list)
    depends_on_page: bool = False

    def saw(self, name: str, value: Any) -> None:
        if name == "page":
            self.depends_on_page |= value is not self.page
        elif name in self.names and not same(self.names[name], value):
            self.depends_on_page = True  # one name, two values in one render: not a value of the page's context
        else:
            self.names.setdefault(name, value)


def same(recorded: Any, current: Any) -> bool:
    """The same value for the fragment: the same object, an equal string or number, or material's ``lang``."""
    if recorded is current:
        return True
    if type(recorded) is not type(current):
        return False
    if isinstance(recorded, TemplateModule):
        return recorded.__name__ in PER_BUILD_MODULES and bool(recorded.__name__ == current.__name__)
    return isinstance(recorded, str | int | float | bool | tuple) and bool(recorded == current)


class Reading:
    """While a fragment renders: the environment records what it reads (names, context filters, the page's
    attributes) into ``reads``; afterwards everything is as before."""

    def __init__(self, env: Environment, reads: Reads, context: Context) -> None:
        self.env, self.reads, self.context = env, reads, context
        self.filters = {name: f for name, f in self.env.filters.items() if _reads_context(f)}
        self.context_class = self.env.context_class
        own: dict[str, Any] = vars(self.env)
        self.shadowed = {name: own[name] for name in ACCESSORS if name in own}

    def __enter__(self) -> None:
        reads, env = self.reads, self.env
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


def _reads_context(function: Any) -> bool:
    passed = getattr(function, "jinja_pass_arg", None)
    return getattr(passed, "name", None) == "context"


def _recording_filter(name: str, function: Callable[..., Any], reads: Reads) -> Callable[..., Any]:
    @pass_context
    def recording(context: Context, *args: Any, **kwargs: Any) -> Any:
        result = function(context, *args, **kwargs)
        if any(argument is reads.page for argument in (*args, *kwargs.values())):
            reads.depends_on_page = True
        reads.calls.append(FilterCall(name, args, tuple(sorted(kwargs.items())), result))
        return result

    return recording


def _recording_context(base: type[Context], reads: Reads) -> type[Context]:
    class RecordingContext(base):  # type: ignore[valid-type,misc]
        """The contexts of the templates the fragment imports or includes."""

        def resolve_or_missing(self, key: str) -> Any:
            value = super().resolve_or_missing(key)
            reads.saw(key, value)
            return value

    return RecordingContext


def _guarding(access: Callable[[Any, Any], Any], reads: Reads) -> Callable[[Any, Any], Any]:
    """An attribute of the page, or an active navigation item (``item.active``, true for the page being built and
    its sections): the fragment depends on the page. ``fragment_key`` rules both out already."""

    def guarded(obj: Any, attribute: Any) -> Any:
        value = access(obj, attribute)
        if obj is reads.page or (attribute == "active" and value is True):
            reads.depends_on_page = True
        return value

    return guarded


def module_of(template: Template) -> Callable[[Context], TemplateModule]:
    """How ``themecache`` makes a module of ``PER_BUILD_MODULES``: as Jinja's ``make_module``, its macros' results
    remembered."""
    return lambda context: _with_remembered_macros(TemplateModule(template, context))


def _with_remembered_macros(module: TemplateModule) -> TemplateModule:
    """The module with each macro's result remembered per argument (a module of ``PER_BUILD_MODULES``, which is
    used on many pages: material's ``lang.t(key)`` builds its dictionary of words on every call). Exact: the macros
    of such a module read nothing but their arguments and the module's own imports (tests/scale prove it for the
    pinned theme); only plain ``str`` arguments are remembered."""
    for value in vars(module).values():
        if isinstance(value, Macro):
            value._func = _remembered(value._func)
    return module


def _remembered(function: Callable[..., str]) -> Callable[..., str]:
    results: dict[tuple[str, ...], str] = {}

    def remembered(*arguments: Any) -> str:
        if not all(type(argument) is str for argument in arguments):
            return function(*arguments)
        known = results.get(arguments)
        if known is None:
            known = results[arguments] = function(*arguments)
        return known

    return remembered
