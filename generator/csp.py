"""Build step after mkdocs: a Content-Security-Policy ``<meta>`` as the first element of every page.

Scripts run only from the site's own files, plus the theme's few inline scripts, each allowed by
its sha256 hash. Only scripts that the theme's templates write are hashed: an inline script that
matches none of them can only have come from content, and fails the build instead of being allowed.
So the policy is a second line of defence behind nh3 and the validator: an ``onerror=``, a
``javascript:`` link or a script that slips through is blocked by the browser, and so is markup
that a script of the site would insert by mistake.

``atlas serve`` does not run this step: mkdocs' live reload injects an inline script that changes
with every request and cannot be hashed, so the development server serves pages without a policy.

The same pass squeezes the page's whitespace (``squeeze``): some 4 kB of every page is indentation from
the theme's templates, which the browser collapses anyway.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from html import unescape
from importlib.util import find_spec
from itertools import chain
from pathlib import Path

from .errors import BuildError

THEME = Path(__file__).parent / "theme"

# The whole policy but the script hashes. style-src 'self': the theme sets styles from scripts
# (CSSOM, which a policy does not limit) and the atlas' pictures use SVG presentation attributes,
# so no page needs a style attribute or <style> element. img-src data:: material's stylesheet
# draws its icons as data: SVG. form-action 'self': the header search goes to /zoeken/, the
# question form (action="#") stays on its page. frame-ancestors cannot be set in a <meta>.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# Types that make a <script> a data block (JSON, JSON-LD): never run, so outside the policy.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_JINJA = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.DOTALL)
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
# What a Jinja expression in a theme script may become: a URL or path inside a JavaScript string.
_EXPRESSION = r"[\w./:#-]*"
_HEAD = "<head>"


# One scan over the page finds its inline scripts the way html.parser (and a browser) sees them: a
# `<script` inside a comment, an attribute value or a <style> element is not a script. Every
# alternative starts with "<", and a match consumes the whole construct, so the scan never looks
# inside one. Start tags follow html.parser's own tag and attribute syntax (locatestarttagend_tolerant);
# a script's text runs to the first `</script>`, as in html.parser's CDATA mode. Seven times as fast
# as html.parser on a page of the atlas: it hands over nothing but the scripts.
_NAME_END = r"(?=[\t\n\r\f />])"
_ATTRIBUTES = r"""
  (?:[\s/]*
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*
      (?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?
      (?:\s|/(?!>))*
    )*
  )?\s*"""


def _script_token(named: bool) -> str:
    """A <script> element (or a self-closing one): its attributes, "/>" and body as named groups if ``named``."""
    attributes, empty, body = ("?P<attributes>", "?P<empty>", "?P<body>") if named else ("?:", "?:", "?:")
    return rf"""<(?i:script){_NAME_END}({attributes}{_ATTRIBUTES})
      (?:({empty}/>)|>({body}.*?)</\s*(?i:script)\s*>)"""


_STYLE_TOKEN = rf"<(?i:style){_NAME_END}{_ATTRIBUTES}>.*?</\s*(?i:style)\s*>"
_START_TAG = rf"<[a-zA-Z][^\t\n\r\f />\x00]*{_ATTRIBUTES}/?>"
_OTHER_TAG = r"<[/!?][^>]*>"
_HTML_COMMENT = r"<!--.*?--\s*>"


def _plain_tag(unless: str) -> str:
    """A start tag with only double-quoted or bare attributes, one space apart, or an end tag, of an element not
    named in ``unless``. The full tag syntax above reads such a tag to the same ">", so a scan may try this first:
    it is a few times faster, and nearly every tag of a page is one."""
    attribute = r'\ +[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?'
    return rf"<(?:/[a-zA-Z][a-zA-Z0-9-]*|(?!(?i:{unless})[ />])[a-zA-Z][a-zA-Z0-9-]*(?:{attribute})*\ */?)>"


# The scan for scripts as one match per script: what comes before a script (text and every other construct, in
# the order of the alternatives of a token scan: a comment, then a script, then a <style> element or a tag) is
# consumed inside the match, atomically, so the regex engine walks the page without a Python step per tag. The
# last match ends at the end of the page (``\Z``), so a page's tail is read once.
_SCRIPTS = re.compile(
    rf"""
  (?:
    [^<]++
  | {_plain_tag("script|style")}
  | {_HTML_COMMENT}
  | (?!{_script_token(named=False)})
    (?:{_STYLE_TOKEN} | {_START_TAG} | {_OTHER_TAG} | <)
  )*+
  (?:{_script_token(named=True)}|\Z)
    """,
    re.DOTALL | re.VERBOSE,
)
_ATTRIBUTE = re.compile(r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*""")


# Elements whose whitespace shows: <pre> and <textarea> by HTML's rules, <code> and <kbd> because material
# styles them `white-space: pre-wrap`; scripts and styles are text that a squeeze would change (and a script's
# hash with it). Comments, start tags and end tags are kept whole, so no attribute value changes. What is left
# is text between elements, where a browser renders a run of whitespace as one space whatever it holds.
_KEPT_ELEMENTS = ("script", "style", "pre", "textarea", "code", "kbd")
_KEPT = "|".join(
    rf"<(?i:{name}){_NAME_END}{_ATTRIBUTES}/?>.*?</(?i:{name}){_NAME_END}[^>]*>" for name in _KEPT_ELEMENTS
)
# One match per run of whitespace that holds a line break: group 1 is everything before it (text, and whole
# comments, kept elements and tags, tried in that order), group 2 the one "\n" the run becomes. The part before
# is consumed atomically, in the regex engine; the last match ends at the end of the page, with no group 2.
# So ``findall`` hands over the squeezed page in pieces, without a Python call per tag.
_SQUEEZE = re.compile(
    rf"""
  ((?:
    [^<\n \t\r\f]++
  | {_plain_tag("|".join(_KEPT_ELEMENTS))}
  | [ \t\r\f]++(?!\n)
  | {_HTML_COMMENT}
  | {_KEPT}
  | {_START_TAG}
  | {_OTHER_TAG}
  | <
  )*+)
  (?:[ \t\r\f]*(\n)[ \t\n\r\f]*|\Z)
    """,
    re.DOTALL | re.VERBOSE,
)


def squeeze(html: str) -> str:
    """The page with every run of HTML whitespace that holds a line break made one line break, except inside
    comments, tags and the elements whose whitespace shows (``_KEPT_ELEMENTS``): the same page on screen."""
    return "".join(chain.from_iterable(_SQUEEZE.findall(html)))


def _attributes(text: str) -> dict[str, str]:
    """A start tag's attributes as html.parser reads them: names in lower case, values unquoted
    and with their character references resolved, the last of two with one name."""
    found: dict[str, str] = {}
    for name, assignment, value in _ATTRIBUTE.findall(text):
        if assignment and value[:1] in ("'", '"') and value[:1] == value[-1:]:
            value = value[1:-1]
        found[name.lower()] = unescape(value) if assignment else ""
    return found


def inline_scripts(html: str) -> list[str]:
    """The bodies of a page's executable inline scripts, exactly as the browser hashes them."""
    scripts = []
    for token in _SCRIPTS.finditer(html):
        if token.group("attributes") is None:
            continue
        attributes = _attributes(" " + token.group("attributes"))
        if "src" in attributes or attributes.get("type", "").strip().lower() not in SCRIPT_TYPES:
            continue
        scripts.append("" if token.group("empty") else token.group("body"))
    return scripts


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _template_pattern(template: str) -> str:
    """A theme script's template as a regex: its text literally, each Jinja expression as a path."""
    parts = _JINJA.split(template)
    return "".join(
        _EXPRESSION if part.startswith("{{") else re.escape(part) for part in parts if part[:2] not in ("{%", "{#")
    )


def material_templates() -> Path:
    """The installed mkdocs-material's templates folder."""
    spec = find_spec("material")
    if spec is None or spec.origin is None:
        raise BuildError("mkdocs-material is niet geïnstalleerd")
    return Path(spec.origin).parent / "templates"


@cache
def theme_scripts() -> re.Pattern[str]:
    """Every inline script the theme can write: material's (partials/javascripts/), the atlas' own
    (``<script>`` in generator/theme/) and the search page's start script, which theme/main.html
    includes inline."""
    templates = [
        *sorted((material_templates() / "partials" / "javascripts").glob("*.html")),
        *sorted(THEME.rglob("*.html")),
    ]
    patterns = [
        _template_pattern(body.strip())
        for template in templates
        for body in _SCRIPT.findall(_COMMENT.sub("", template.read_text(encoding="utf-8")))
    ]
    search_start = (THEME / "partials" / "atlas-search-start.js").read_text(encoding="utf-8")
    patterns.append(re.escape(search_start.strip()))
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


def policy(scripts: list[str]) -> str:
    """The policy for a page with these inline scripts (hashes in order, each once)."""
    hashes = dict.fromkeys(script_hash(body) for body in scripts)
    script_src = " ".join(["'self'", *hashes])
    directives = [DIRECTIVES[0], ("script-src", script_src), *DIRECTIVES[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def with_policy(html: str, where: str) -> str:
    """The page, squeezed (``squeeze``), with its policy as the first element of <head>; ``where`` names it in
    errors. The one step after mkdocs for the serial and the parallel build, so both write the same bytes."""
    html = squeeze(html)
    scripts = inline_scripts(html)
    allowed = theme_scripts()
    for body in scripts:
        if not allowed.fullmatch(body.strip()):
            raise BuildError(f"{where}: een inline script dat niet van het thema komt: {body.strip()[:80]!r}")
    # The first <head> is the theme's: it comes before anything else the page holds.
    if _HEAD not in html:
        raise BuildError(f"{where}: geen {_HEAD}; de beveiligingsregels kunnen er niet in")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(scripts)}">'
    return html.replace(_HEAD, _HEAD + "\n" + meta, 1)


def has_surrogates(text: str) -> bool:
    """Whether the text holds a lone surrogate, which UTF-8 cannot encode (trying is five times as fast as a
    search for one)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def as_read_back(output: str) -> str:
    """A page mkdocs rendered as ``output``, as its text reads back from the file mkdocs writes: mkdocs writes
    what UTF-8 cannot encode (lone surrogates) as character references, and a file read as text has every
    ``\\r\\n`` and ``\\r`` as ``\\n``. The policy given to this in memory is the policy given to the file."""
    if has_surrogates(output):
        output = output.encode("utf-8", errors="xmlcharrefreplace").decode("utf-8")
    if "\r" in output:
        output = output.replace("\r\n", "\n").replace("\r", "\n")
    return output


def apply_policy(site_dir: Path) -> int:
    """Add the policy to every HTML page of the built site; returns how many pages."""
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        page.write_text(with_policy(html, page.relative_to(site_dir).as_posix()), encoding="utf-8")
    return len(pages)
