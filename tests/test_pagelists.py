"""Long lists on entry pages: the first LIST_LIMIT, then how many more and a link to them in Zoeken."""

from __future__ import annotations

import html
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser

from bench.synthetic import write_synthetic_atlas
from generator import derive, pagelists
from generator.atlas import Atlas
from generator.build import build_site
from generator.config import AtlasConfig
from generator.derive import Links, split_open
from generator.kinds import KIND_BY_KEY, KINDS, Kind
from generator.render import Renderer
from tests.browser import serve_folder
from tests.pagetypes import AXE_SCRIPT
from tests.test_accessibility import axe, report

PAGE_BYTES = 20_000
"""Issue 13: an entry page is at most 20 kB of HTML, whatever the size of the atlas. Its lists are cut
(``pagelists``), so a page where every cut applies is as large as a page gets: the synthetic atlas below."""
MORE = re.compile(r'<a href="\.\./\.\./zoeken/\?([^"]*)">En nog (\d+) ([^<:]+): bekijk ze allemaal in Zoeken</a>')
LISTED = re.compile(r"^<li><a ", re.MULTILINE)


@pytest.mark.parametrize(
    ("facets", "expected"),
    [
        ({"region": "utrecht", "type": "practice"}, "region=utrecht&type=practice"),
        (
            {"theme": "hitte", "type": "question", "status": ("ingediend", "verhelderd")},
            "theme=hitte&type=question&status=ingediend&status=verhelderd",
        ),
        ({"type": "partner", "level": "landelijk", "theme": []}, "type=partner&level=landelijk"),
        ({"region": "a&b c"}, "region=a%26b+c"),
    ],
)
def test_search_query_names_each_value(facets: dict[str, str | tuple[str, ...]], expected: str) -> None:
    assert pagelists.search_query(**facets) == expected


LIMIT = pagelists.LIST_LIMIT


@pytest.mark.parametrize(
    ("length", "shown", "hidden"),
    [(0, 0, 0), (3, 3, 0), (LIMIT, LIMIT, 0), (LIMIT + 1, LIMIT, 1), (312, LIMIT, 312 - LIMIT)],
)
def test_a_list_shows_the_limit_and_counts_the_rest(length: int, shown: int, hidden: int) -> None:
    items = list(range(length))
    assert list(pagelists.shown(items)) == items[:shown]
    assert pagelists.hidden_count(items) == hidden
    assert len(pagelists.shown(items)) + pagelists.hidden_count(items) == length


@pytest.mark.parametrize(
    ("sizes", "kept"),
    [
        ([1, 2], [1, 2]),
        ([LIMIT - 1, LIMIT - 1, 3], [LIMIT - 1, 1]),
        ([LIMIT, 5], [LIMIT]),
        ([0, LIMIT + 2], [0, LIMIT]),
        ([], []),
    ],
)
def test_grouped_lists_keep_their_order_up_to_the_limit(sizes: list[int], kept: list[int]) -> None:
    groups = [(f"group {n}", list(range(size))) for n, size in enumerate(sizes)]
    shown = pagelists.shown_groups(groups)
    assert [len(members) for _, members in shown] == kept
    assert [group for group, _ in shown] == [f"group {n}" for n in range(len(kept))]


@pytest.mark.parametrize(
    ("kind", "count", "adjective", "expected"),
    [
        ("partner", 1, "", "kennispartner"),
        ("partner", 20, "landelijke", "landelijke kennispartners"),
        ("question", 1, "open", "open kennisvraag"),
        ("question", 3, "beantwoorde", "beantwoorde kennisvragen"),
        ("research", 2, "", "onderzoeken"),
        ("event", 8, "", "bijeenkomsten"),
    ],
)
def test_the_line_names_what_it_leaves_out(kind: str, count: int, adjective: str, expected: str) -> None:
    assert pagelists.noun(kind, count, adjective) == expected


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Atlas, Path]:
    """A synthetic atlas of 1,500 entries built into a site: its 25 regions and 40 themes have
    more of nearly every kind than an entry page shows."""
    base = tmp_path_factory.mktemp("pagelists")
    content = base / "content"
    write_synthetic_atlas(content, 1500, seed=7)
    config = AtlasConfig(content_dir=content, docs_dir=base / "docs", site_dir=base / "site").resolve()
    atlas = build_site(config)
    return atlas, config.site_dir


def sections(markdown: str) -> dict[str, str]:
    """{heading: text up to the next heading of level 2}."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    return {parts[n]: parts[n + 1] for n in range(1, len(parts), 2)}


REGION_LISTS = {
    "Netwerken": "network",
    "Goede praktijken": "practice",
    "Onderzoek": "research",
    "Agenda": "event",
}


@pytest.mark.parametrize("scope", ["region", "theme"])
def test_every_list_shows_the_limit_the_count_and_a_link(synthetic: tuple[Atlas, Path], scope: str) -> None:
    atlas, _ = synthetic
    links = Links(atlas)
    renderer = Renderer(atlas, links=links)
    capped = 0
    for entity in atlas.of(scope):
        page = sections(renderer.render_entry(KIND_BY_KEY[scope], entity))
        for title, kind in REGION_LISTS.items():
            linked = links.linked(scope, entity.id, kind)
            text = page.get(title, "")
            assert len(LISTED.findall(text)) == min(len(linked), pagelists.LIST_LIMIT), (entity.id, title)
            more = [(html.unescape(query), count, noun) for query, count, noun in MORE.findall(text)]
            if len(linked) > pagelists.LIST_LIMIT:
                capped += 1
                assert more == [
                    (
                        f"{scope}={entity.id}&type={kind}",
                        str(len(linked) - LIMIT),
                        pagelists.noun(kind, len(linked) - LIMIT),
                    )
                ]
            else:
                assert more == []
    assert capped > len(atlas.of(scope))  # the atlas is large enough to cut lists on every page, on average


@pytest.mark.parametrize(
    ("title", "statuses"),
    [("Open kennisvragen", pagelists.OPEN_STATUSES), ("Beantwoorde kennisvragen", pagelists.ANSWERED_STATUSES)],
)
def test_questions_link_to_their_statuses(synthetic: tuple[Atlas, Path], title: str, statuses: tuple[str, ...]) -> None:
    atlas, _ = synthetic
    links = Links(atlas)
    part = 0 if title.startswith("Open") else 1
    region = max(atlas.of("region"), key=lambda r: len(split_open(links.linked("region", r.id, "question"))[part]))
    listed = split_open(links.linked("region", region.id, "question"))[part]
    page = sections(Renderer(atlas, links=links).render_entry(KIND_BY_KEY["region"], region))

    assert len(listed) > pagelists.LIST_LIMIT
    assert len(LISTED.findall(page[title])) == pagelists.LIST_LIMIT
    ((query, count, noun),) = MORE.findall(page[title])
    assert noun == pagelists.noun("question", int(count), "open" if part == 0 else "beantwoorde")
    assert int(count) == len(listed) - pagelists.LIST_LIMIT
    assert parse_qs(html.unescape(query)) == {"region": [region.id], "type": ["question"], "status": list(statuses)}


@pytest.mark.parametrize("kind", KINDS, ids=[kind.key for kind in KINDS])
def test_every_entry_page_stays_under_20_kb(synthetic: tuple[Atlas, Path], kind: Kind) -> None:
    """Every list is cut here (1,500 entries) as it is at 20,000 (``test_every_cut_applies``): the size no
    longer grows with the atlas."""
    atlas, site = synthetic
    sizes = {page.parent.name: page.stat().st_size for page in site.glob(f"{kind.section}/*/index.html")}
    assert len(sizes) == len(atlas.of(kind.key))
    assert max(sizes.values()) <= PAGE_BYTES, max(sizes.items(), key=lambda item: item[1])


CUT_LISTS = {
    "region": ("partner", "network", "practice", "question", "research", "event"),
    "theme": ("partner", "practice", "question", "research", "network", "event"),
}


@pytest.mark.parametrize("scope", sorted(CUT_LISTS))
def test_every_cut_applies(synthetic: tuple[Atlas, Path], scope: str) -> None:
    """The atlas of the size test is large enough that each cut has something to cut, on some page."""
    atlas, _ = synthetic
    links = Links(atlas)
    for kind in CUT_LISTS[scope]:
        longest = max(len(links.linked(scope, entity.id, kind)) for entity in atlas.of(scope))
        assert longest > pagelists.LIST_LIMIT, (scope, kind)
    for part in (0, 1):  # open and answered questions
        longest = max(len(split_open(links.linked(scope, e.id, "question"))[part]) for e in atlas.of(scope))
        assert longest > pagelists.LIST_LIMIT, (scope, part)
    assert len(atlas.of("region")) - 1 > pagelists.LIST_LIMIT  # "Andere regio's"
    assert max(len(derive.whom_to_ask(links, theme.id)) for theme in atlas.of("theme")) > pagelists.REGION_ROWS
    helper = Renderer(atlas, links=links).question_helper  # a page gets PROPOSALS matches per part: ask for one more
    fullest = max(
        atlas.of("question"),
        key=lambda question: min(
            len(part) for part in vars(helper.help(question, shown=pagelists.PROPOSALS + 1)).values()
        ),
    )
    assert all(
        len(part) > pagelists.PROPOSALS for part in vars(helper.help(fullest, shown=pagelists.PROPOSALS + 1)).values()
    )


def test_the_more_link_leads_to_the_search_page(synthetic: tuple[Atlas, Path]) -> None:
    _, site = synthetic
    page = next(iter(sorted(site.glob("regios/*/index.html"))))
    html = page.read_text(encoding="utf-8")
    assert '<p class="atlas-more"><a href="../../zoeken/?region=' in html
    assert (page.parent / "../../zoeken/index.html").resolve().is_file()


def test_partner_lists_show_the_limit_across_their_groups(synthetic: tuple[Atlas, Path]) -> None:
    atlas, _ = synthetic
    links = Links(atlas)
    renderer = Renderer(atlas, links=links)
    for region in atlas.of("region"):
        page = sections(renderer.render_entry(KIND_BY_KEY["region"], region))
        partners = links.linked("region", region.id, "partner")
        assert len(partners) > LIMIT
        assert len(LISTED.findall(page["Kennispartners in de regio"])) == LIMIT
        ((query, count, noun),) = MORE.findall(page["Kennispartners in de regio"])
        assert (html.unescape(query), int(count), noun) == (
            f"region={region.id}&type=partner",
            len(partners) - LIMIT,
            pagelists.noun("partner", len(partners) - LIMIT),
        )
        national = derive.national_partners(links, region.agenda_themes)
        assert len(LISTED.findall(page["Landelijke kennispartners"])) == min(len(national), LIMIT)
        if len(national) > LIMIT:
            ((query, count, _),) = MORE.findall(page["Landelijke kennispartners"])
            assert int(count) == len(national) - LIMIT
            assert parse_qs(html.unescape(query)) == {
                "type": ["partner"],
                "level": ["landelijk"],
                **({"theme": list(region.agenda_themes)} if region.agenda_themes else {}),
            }


def test_a_theme_counts_the_partners_of_a_crowded_region(
    synthetic: tuple[Atlas, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    atlas, _ = synthetic
    monkeypatch.setattr(pagelists, "REGION_ROWS", len(atlas.of("region")))  # the table, as for a smaller atlas
    links = Links(atlas)
    renderer = Renderer(atlas, links=links)
    counted = 0
    for theme in atlas.of("theme"):
        table = sections(renderer.render_entry(KIND_BY_KEY["theme"], theme)).get("Per regio: wie kun je vragen?", "")
        for region, local in derive.whom_to_ask(links, theme.id):
            (row,) = [row for row in table.split("<tr>") if f'<td><a href="../../regios/{region.id}/">' in row]
            if len(local) > pagelists.ROW_LIMIT:
                counted += 1
                query = pagelists.search_query(theme=theme.id, region=region.id, type="partner")
                assert f'<a href="../../zoeken/?{html.escape(query)}">{len(local)} kennispartners<span' in row
                assert '<a href="../../partners/' not in row
            else:
                assert row.count('<a href="../../partners/') == len(local)
    assert counted


OPTION = re.compile(r'<option value="([^"]*)">([^<]*): (\d+) (kennispartners?)</option>')


def test_a_theme_of_many_regions_offers_a_choice_of_region(synthetic: tuple[Atlas, Path]) -> None:
    """With more regions than REGION_ROWS, one line per region: its name and count, and the search it opens."""
    atlas, site = synthetic
    links = Links(atlas)
    for theme in atlas.of("theme"):
        per_region = derive.whom_to_ask(links, theme.id)
        if len(per_region) <= pagelists.REGION_ROWS:
            continue
        page = (site / "themas" / theme.id / "index.html").read_text(encoding="utf-8")
        form = page.split('<h2 id="per-regio-wie-kun-je-vragen">', 1)[1].split("</form>", 1)[0]
        assert '<form class="atlas-scoped-search" action="../../zoeken/" method="get">' in form
        assert f'<input type="hidden" name="theme" value="{theme.id}">' in form
        assert '<input type="hidden" name="type" value="partner">' in form
        assert '<label for="atlas-region-choice">Kies een regio</label>' in form
        options = [(html.unescape(name), value, int(count), noun) for value, name, count, noun in OPTION.findall(form)]
        assert options == [
            (region.name, region.id, len(local), pagelists.noun("partner", len(local))) for region, local in per_region
        ]
        assert "<table>" not in form


@pytest.mark.parametrize(
    ("provinces", "others", "expected"),
    [
        ({"a": ["Utrecht"], "b": ["Gelderland"], "c": ["Utrecht"]}, "a", ["c", "b"]),
        ({"a": [], "b": ["Gelderland"], "c": ["Utrecht"]}, "a", ["b", "c"]),
        ({"a": ["Utrecht", "Gelderland"], "b": ["Zeeland"], "c": ["Gelderland"], "d": ["Utrecht"]}, "a", list("cdb")),
        ({"a": ["Utrecht"]}, "a", []),
    ],
)
def test_other_regions_nearby_first(provinces: dict[str, list[str]], others: str, expected: list[str]) -> None:
    regions = [SimpleNamespace(id=key, provinces=value) for key, value in provinces.items()]
    region = next(region for region in regions if region.id == others)
    assert [other.id for other in pagelists.nearby_first(regions, region)] == expected


def test_a_region_page_names_a_few_other_regions_and_links_to_all(synthetic: tuple[Atlas, Path]) -> None:
    atlas, _ = synthetic
    renderer = Renderer(atlas, links=Links(atlas))
    regions = atlas.of("region")
    for region in regions:
        text = sections(renderer.render_entry(KIND_BY_KEY["region"], region))["Andere regio's"]
        listed = re.findall(r'<li><a href="\.\./([^/]+)/">', text)
        assert listed == [other.id for other in pagelists.nearby_first(regions, region)][: pagelists.LIST_LIMIT]
        more = len(regions) - 1 - pagelists.LIST_LIMIT
        assert f'<a href="../../regios/">En nog {more} regio&#x27;s: bekijk ze allemaal in het overzicht</a>' in text


@pytest.mark.browser
def test_the_pages_of_a_national_atlas_pass_axe_and_the_region_choice_opens_the_search(
    synthetic: tuple[Atlas, Path], browser: Browser
) -> None:
    """The parts only a large atlas has (the choice of region, the other regions, a full question page), in
    Chromium: no WCAG violation, and choosing a region opens Zoeken on the theme's partners there."""
    atlas, site = synthetic
    links = Links(atlas)
    theme = max(atlas.of("theme"), key=lambda theme: len(derive.whom_to_ask(links, theme.id)))
    region, _ = derive.whom_to_ask(links, theme.id)[-1]
    question = atlas.of("question")[0]
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(path=AXE_SCRIPT)
    page = context.new_page()
    try:
        with serve_folder(site) as url:
            for path in (f"themas/{theme.id}/", f"regios/{region.id}/", f"vragen/{question.id}/"):
                page.goto(f"{url}/{path}")
                violations = axe(page)
                assert violations == [], f"{path}:\n{report(violations)}"
            page.goto(f"{url}/themas/{theme.id}/")
            page.get_by_label("Kies een regio").select_option(region.id)
            page.get_by_role("button", name="Toon kennispartners").click()
            page.wait_for_url("**/zoeken/**")
            query = parse_qs(urlsplit(page.url).query)
            assert query == {"theme": [theme.id], "type": ["partner"], "region": [region.id]}
    finally:
        context.close()
