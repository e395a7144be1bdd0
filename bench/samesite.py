"""Are two built sites the same? Every HTML page compared as elements, attributes and text.

    python -m bench.samesite OLD_SITE NEW_SITE

For a change that should not change the site, only the Markdown mkdocs reads (for example Markdown written
as the raw HTML Python-Markdown made of it): the HTML may differ in whitespace between tags, in how a
character is written (``&amp;`` or ``&#38;``, ``'`` or ``&#x27;``), in the order of attributes and in
``<br>`` against ``<br />``, and nowhere else. Text is compared with each run of whitespace collapsed to one
space; whitespace-only text between tags is left out. Other files are compared byte for byte. Prints each
differing file with its first difference and exits 1 if any differs.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

Token = tuple[str, ...]
WHITESPACE = re.compile(r"\s+")


class _Tokens(HTMLParser):
    """The page as a flat list of start tags (with sorted attributes), end tags, text, comments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self._text: list[str] = []

    def _flush(self) -> None:
        text = WHITESPACE.sub(" ", "".join(self._text))
        self._text = []
        if text.strip():
            self.tokens.append(("text", text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        self.tokens.append(("start", tag, *(f"{name}={value!r}" for name, value in sorted(attrs))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        self.tokens.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_comment(self, data: str) -> None:
        self._flush()
        self.tokens.append(("comment", WHITESPACE.sub(" ", data)))

    def handle_decl(self, decl: str) -> None:
        self._flush()
        self.tokens.append(("decl", decl.lower()))


def page_tokens(text: str) -> list[Token]:
    parser = _Tokens()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.tokens


def first_difference(old: list[Token], new: list[Token]) -> str:
    """How many stretches of two token lists differ, and the first with a few tokens before it."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    stretches = [opcode for opcode in matcher.get_opcodes() if opcode[0] != "equal"]
    if not stretches:
        return "  (no difference)"
    _, old_start, old_end, new_start, new_end = stretches[0]
    return (
        f"  {len(stretches)} differing stretch(es); the first after {old[max(0, old_start - 3) : old_start]}\n"
        f"  old: {old[old_start : min(old_end, old_start + 6)]}\n  new: {new[new_start : min(new_end, new_start + 6)]}"
    )


def compare_sites(old: Path, new: Path) -> dict[str, str]:
    """{relative path: what differs} over the files of both sites; empty when they are the same."""
    old_files = {path.relative_to(old).as_posix() for path in old.rglob("*") if path.is_file()}
    new_files = {path.relative_to(new).as_posix() for path in new.rglob("*") if path.is_file()}
    differences = {path: "  only in the old site" for path in old_files - new_files}
    differences.update({path: "  only in the new site" for path in new_files - old_files})
    for path in sorted(old_files & new_files):
        old_bytes, new_bytes = (old / path).read_bytes(), (new / path).read_bytes()
        if old_bytes == new_bytes:
            continue
        if not path.endswith(".html"):
            differences[path] = "  bytes differ"
            continue
        old_tokens = page_tokens(old_bytes.decode("utf-8"))
        new_tokens = page_tokens(new_bytes.decode("utf-8"))
        if old_tokens != new_tokens:
            differences[path] = first_difference(old_tokens, new_tokens)
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path, help="the site built before the change")
    parser.add_argument("new", type=Path, help="the site built after the change")
    args = parser.parse_args(argv)
    differences = compare_sites(args.old, args.new)
    files = [path for path in args.new.rglob("*") if path.is_file()]
    pages = sum(1 for path in files if path.suffix == ".html")
    for path, difference in sorted(differences.items()):
        print(f"{path}\n{difference}")
    print(f"{len(differences)} files differ; the new site has {pages} HTML pages, {len(files)} files")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
