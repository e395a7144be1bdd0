"""themelinks: when it says a recording's links hold on another page, mkdocs' own filters give the same links there."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.utils.templates import script_tag_filter, url_filter

from generator.scale.themelinks import links_of, page_parts
from generator.scale.themereads import FilterCall

FILTERS: dict[str, Any] = {"url": url_filter, "script_tag": script_tag_filter, "other": lambda context, value: value}
PART = st.sampled_from(["a", "b", "c", "partners", "themas", "x.html", "..", "."])


def context(url: str) -> Any:
    return {"page": SimpleNamespace(url=url), "base_url": "."}


def recorded(name: str, value: Any, url: str) -> FilterCall:
    return FilterCall(name, (value,), (), FILTERS[name](context(url), value))


@st.composite
def links(draw: st.DrawFn) -> str:
    parts = draw(st.lists(PART, max_size=4))
    text = "/".join(parts) + draw(st.sampled_from(["", "/", "#kop"]))
    return draw(st.sampled_from(["", "", "/", "https://example.org/", "#"])) + text


@st.composite
def page_urls(draw: st.DrawFn) -> tuple[str, str]:
    """Two pages; mostly of one folder, with directory URLs or file names."""
    folder = "/".join(draw(st.lists(st.sampled_from(["a", "partners", "themas"]), max_size=2)))
    prefix = folder + "/" if folder else ""
    names = st.sampled_from(["a", "b", "c", "partners"])
    style = draw(st.sampled_from(["{}/", "{}.html", "{}/index.html"]))
    first, second = (prefix + style.format(draw(names)) for _ in range(2))
    if draw(st.booleans()):
        second = "/".join(draw(st.lists(st.sampled_from(["a", "b", "themas"]), max_size=3))) + "/"
    return first, second


@settings(max_examples=400, deadline=None)
@given(urls=page_urls(), values=st.lists(links(), min_size=1, max_size=6))
def test_links_said_to_hold_are_the_filters_own_on_the_other_page(urls: tuple[str, str], values: list[str]) -> None:
    first, second = urls
    calls = [recorded("url", value, first) for value in values]
    found = links_of(calls, FILTERS, SimpleNamespace(url=first))
    assert found is not None
    if found.same_for(page_parts(SimpleNamespace(url=second))):
        assert [url_filter(context(second), value) for value in values] == [call.result for call in calls]


@pytest.mark.parametrize(
    ("first", "second", "value", "same"),
    [
        ("partners/b/", "partners/c/", "themas/x/", True),
        ("partners/b/", "partners/c/", "partners/d/", True),
        ("partners/b/", "partners/c/", "partners/b/", False),  # the first page's own folder: ./ there
        ("partners/b/", "partners/c/", "partners/c/sub/", False),  # into the second page: sub/ there
        ("partners/b/", "themas/c/", "themas/x/", False),  # another folder
        ("partners/b/", "partners/b/", "partners/b/", True),  # the same parts
        ("b/", "c/", "https://example.org/", True),
    ],
)
def test_same_for(first: str, second: str, value: str, same: bool) -> None:
    calls = [recorded("url", value, first)]
    found = links_of(calls, FILTERS, SimpleNamespace(url=first))
    assert found is not None
    assert found.same_for(page_parts(SimpleNamespace(url=second))) is same
    assert (url_filter(context(second), value) == calls[0].result) is same  # here the links do differ


def test_script_tags_count_as_links_and_other_calls_stay_to_be_checked() -> None:
    script = ExtraScriptValue("assets/atlas.js")
    calls = [recorded("script_tag", script, "partners/b/"), recorded("other", "x", "partners/b/")]
    found = links_of(calls, FILTERS, SimpleNamespace(url="partners/b/"))
    assert found is not None
    assert found.others == (calls[1],)
    assert script_tag_filter(context("partners/c/"), script) == calls[0].result


def test_a_recording_without_a_page_url_has_no_links() -> None:
    assert links_of([], FILTERS, None) is None
    assert page_parts(None) is None
