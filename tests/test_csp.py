"""The Content-Security-Policy of every page (generator/csp.py): built in, and enforced by Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config import AtlasConfig
from generator.csp import inline_scripts, policy, script_hash, theme_scripts, with_policy
from generator.errors import BuildError

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
PAGE = (
    '<!doctype html>\n<html lang="nl">\n  <head>\n    <meta charset="utf-8">\n{head}</head>\n<body>{body}</body></html>'
)
THEME_SCRIPT = (
    (Path(__file__).parent.parent / "generator/theme/partials/atlas-search-start.js").read_text("utf-8").strip()
)
MATERIAL_SCRIPT = (
    '__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
)


def directives(meta_content: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in meta_content.split(";"):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


def test_policy_allows_own_files_and_hashed_theme_scripts_only() -> None:
    parsed = directives(policy([MATERIAL_SCRIPT, MATERIAL_SCRIPT]))
    assert parsed["default-src"] == ["'self'"]
    assert parsed["script-src"] == ["'self'", script_hash(MATERIAL_SCRIPT)], "each hash once"
    assert parsed["object-src"] == ["'none'"]
    assert parsed["base-uri"] == ["'self'"]
    assert parsed["form-action"] == ["'self'"]
    assert parsed["style-src"] == ["'self'"]
    assert parsed["img-src"] == ["'self'", "data:"]
    assert not any("unsafe" in value for values in parsed.values() for value in values)


def test_hash_is_the_browsers_sha256_of_the_utf8_text() -> None:
    # echo -n 'alert(1)' | openssl sha256 -binary | base64
    assert script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


@pytest.mark.parametrize(
    ("scripts", "expected"),
    [
        ("<script>a()</script>", ["a()"]),
        ('<script type="text/javascript">b()</script><script type="module">c()</script>', ["b()", "c()"]),
        ('<script src="x.js"></script><script type="application/json">{"a": 1}</script>', []),
        ('<script type="application/ld+json">{"@type": "Thing"}</script>', []),
        ("<script>if (a < b && c > d) { e('&amp;') }</script>", ["if (a < b && c > d) { e('&amp;') }"]),
        ("<template><script>inert()</script></template>", ["inert()"]),
    ],
)
def test_inline_scripts_are_the_executable_ones_as_written(scripts: str, expected: list[str]) -> None:
    assert inline_scripts(PAGE.format(head="", body=scripts)) == expected


@pytest.mark.parametrize(
    "script",
    [
        MATERIAL_SCRIPT,
        MATERIAL_SCRIPT.replace('"../.."', '"/"'),
        "var target=document.getElementById(location.hash.slice(1));"
        'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))',
        THEME_SCRIPT,
        'document.documentElement.classList.add("atlas-ask-js");',
    ],
    ids=["material-scope", "material-scope-root", "material-content", "search-start", "atlas-theme"],
)
def test_the_theme_scripts_are_hashed_and_the_meta_comes_first(script: str) -> None:
    html = with_policy(PAGE.format(head=f"<script>{script}</script>\n", body="x"), "p.html")
    head = html.split("<head>", 1)[1].lstrip()
    found = META.match(head)
    assert found, "the policy is the first element of <head>"
    assert directives(found.group(1))["script-src"] == ["'self'", script_hash(script)]


@pytest.mark.parametrize(
    "script",
    [
        "alert(1)",
        MATERIAL_SCRIPT + ";alert(1)",
        MATERIAL_SCRIPT.replace('"../.."', '"+alert(1)+"'),
        THEME_SCRIPT.replace('"use strict";', '"use strict"; alert(1);'),
    ],
    ids=["plain", "appended", "in-the-url", "in-the-search-script"],
)
def test_a_script_the_theme_did_not_write_fails_the_build(script: str) -> None:
    html = PAGE.format(head="", body=f"<p>tekst</p><script>{script}</script>")
    with pytest.raises(BuildError, match=r"^themas/x/index\.html: een inline script dat niet van het thema komt"):
        with_policy(html, "themas/x/index.html")


def test_theme_scripts_come_from_materials_partials() -> None:
    assert theme_scripts().pattern.count("(?:") >= 4


def test_every_page_of_the_real_site_carries_the_policy(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1].lstrip()
        found = META.match(head)
        assert found, f"{page}: no policy as the first element of <head>"
        assert html.count('http-equiv="Content-Security-Policy"') == 1
        parsed = directives(found.group(1))
        assert parsed["default-src"] == ["'self'"]
        assert parsed["script-src"][0] == "'self'"
        assert len(parsed["script-src"]) == 1 + len(set(inline_scripts(html))), f"{page}: one hash per script"
        assert html.find('<meta charset="utf-8">') < 1024, f"{page}: the charset must stay in the first 1024 bytes"


def test_two_builds_are_byte_identical(tmp_path: Path, content: Path) -> None:
    from generator.build import build_site

    sites = []
    for name in ("a", "b"):
        config = AtlasConfig(content_dir=content, docs_dir=tmp_path / name / "docs", site_dir=tmp_path / name / "site")
        build_site(config.resolve())
        sites.append({p.relative_to(config.site_dir): p.read_bytes() for p in sorted(config.site_dir.rglob("*.html"))})
    assert sites[0] == sites[1]
    assert all(META.search(html.decode()) for html in sites[0].values())
