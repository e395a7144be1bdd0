"""The step after mkdocs as it was before it was made cheaper (generator/csp.py ``squeeze`` and ``inline_scripts``,
``with_policy`` on the page read back from disk, generator/sitecheck.py's scan for references): the reference the
faster code must agree with, byte for byte.
Kept verbatim, apart from names; not used by the build."""

from __future__ import annotations

import re
from pathlib import Path

from generator.csp import SCRIPT_TYPES, _attributes, policy, theme_scripts
from generator.errors import BuildError

_NAME_END = r"(?=[\t\n\r\f />])"
_ATTRIBUTES = r"""
  (?:[\s/]*
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*
      (?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?
      (?:\s|/(?!>))*
    )*
  )?\s*"""
_TOKEN = re.compile(
    rf"""
    <!--.*?--\s*>
  | <(?i:script){_NAME_END}(?P<attributes>{_ATTRIBUTES})
      (?:(?P<empty>/>)|>(?P<body>.*?)</\s*(?i:script)\s*>)
  | <(?i:style){_NAME_END}{_ATTRIBUTES}>.*?</\s*(?i:style)\s*>
  | <[a-zA-Z][^\t\n\r\f />\x00]*{_ATTRIBUTES}/?>
  | <[/!?][^>]*>
    """,
    re.DOTALL | re.VERBOSE,
)
_KEPT_ELEMENTS = ("script", "style", "pre", "textarea", "code", "kbd")
_KEPT = "|".join(
    rf"<(?i:{name}){_NAME_END}{_ATTRIBUTES}/?>.*?</(?i:{name}){_NAME_END}[^>]*>" for name in _KEPT_ELEMENTS
)
_SQUEEZE = re.compile(
    rf"""
    (?P<space>[ \t\r\f]*\n[ \t\n\r\f]*)
  | <!--.*?--\s*>
  | {_KEPT}
  | <[a-zA-Z][^\t\n\r\f />\x00]*{_ATTRIBUTES}/?>
  | <[/!?][^>]*>
    """,
    re.DOTALL | re.VERBOSE,
)
_HEAD = "<head>"
REFERENCE = re.compile(rb"""(?:href|src)=(?:"([^"]*)"|'([^']*)')""")
"""generator/sitecheck.py's scan for the references of a page, as it was."""


def _squeezed(match: re.Match[str]) -> str:
    return match.group(0) if match.group("space") is None else "\n"


def squeeze(html: str) -> str:
    return _SQUEEZE.sub(_squeezed, html)


def inline_scripts(html: str) -> list[str]:
    scripts = []
    for token in _TOKEN.finditer(html):
        if token.group("attributes") is None:
            continue
        attributes = _attributes(" " + token.group("attributes"))
        if "src" in attributes or attributes.get("type", "").strip().lower() not in SCRIPT_TYPES:
            continue
        scripts.append("" if token.group("empty") else token.group("body"))
    return scripts


def with_policy(html: str, where: str) -> str:
    html = squeeze(html)
    scripts = inline_scripts(html)
    allowed = theme_scripts()
    for body in scripts:
        if not allowed.fullmatch(body.strip()):
            raise BuildError(f"{where}: een inline script dat niet van het thema komt: {body.strip()[:80]!r}")
    if _HEAD not in html:
        raise BuildError(f"{where}: geen {_HEAD}; de beveiligingsregels kunnen er niet in")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(scripts)}">'
    return html.replace(_HEAD, _HEAD + "\n" + meta, 1)


def written_with_policy(rendered: str, path: Path, where: str) -> bytes:
    """What a shard worker wrote to ``path`` (``where`` in the site) for a page mkdocs rendered as ``rendered``:
    mkdocs wrote it (UTF-8, what that cannot encode as character references), the worker read it back as text,
    gave it the policy and wrote it again."""
    path.write_bytes(rendered.encode("utf-8", errors="xmlcharrefreplace"))
    path.write_text(with_policy(path.read_text(encoding="utf-8"), where), encoding="utf-8")
    return path.read_bytes()
