"""Reusable field types with strict, Dutch-worded checks.

The YAML loader hands every date and number-like text over as a string, so
these types decide what is valid, not YAML's implicit typing.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from .textcheck import INVISIBLE, TextProblem, invisible_message, text_problems, unsafe_link_column

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX = 80
"""The longest id: an id is a file name and part of a web address."""
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")
_URL_UNSAFE = re.compile(r"[\s<>\"'`\\]")
_LOCAL_SUFFIXES = (".local", ".internal", ".localhost", ".localdomain")
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+))*\.?$")
_PHONE = re.compile(r"^(\+31|0)[0-9 \-]{8,13}$")


def _parse_iso_date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise ValueError(f"{value!r} is geen datum in de vorm JJJJ-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is geen bestaande datum") from None


def _parse_iso_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _DATETIME.match(value):
        raise ValueError(f"{value!r} is geen tijdstip in de vorm JJJJ-MM-DDTUU:MM")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{value!r} is geen bestaand tijdstip") from None


def _parse_moment(value: Any) -> date | datetime:
    """A date or, when a time is given, a date and time."""
    if isinstance(value, str) and _DATE.match(value):
        return _parse_iso_date(value)
    return _parse_iso_datetime(value)


NAME_MAX = 200
SUMMARY_MAX = 500
TEXT_MAX = 1000
MARKDOWN_MAX = 20_000


class TextProblemError(ValueError):
    """A ValueError that knows where in the text it is: ``line`` from 0, ``column`` from 1."""

    def __init__(self, problem: TextProblem, *, markdown: bool) -> None:
        super().__init__(problem.message)
        self.line = problem.line
        self.column = problem.column
        self.markdown = markdown


def _checked(value: str, *, markdown: bool) -> str:
    problems = text_problems(value, markdown=markdown)
    if problems:
        raise TextProblemError(problems[0], markdown=markdown)
    return value


def _check_link_scheme(value: Any) -> Any:
    """Before the https pattern: name a script link or a hidden character for what it is."""
    if not isinstance(value, str):
        return value
    if unsafe_link_column(value, anywhere=True) is not None:
        raise ValueError(f"{value.strip()!r}: javascript:-, vbscript:- en data:-adressen zijn niet toegestaan")
    hidden = next((character for character in value if character in INVISIBLE), None)
    if hidden:
        raise ValueError(invisible_message(hidden))
    return value


def _is_local_host(host: str) -> bool:
    """localhost, a private, loopback or link-local address, or a name that only works inside a network."""
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        # Not a standard address, yet all digits: browsers read 127.1 or 0x7f000001 as an address too.
        return bool(_NUMERIC_HOST.match(host))


def _check_https(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https":
        raise ValueError(f"{value!r} moet een https-adres zijn (https://…)")
    host = (parts.hostname or "").rstrip(".")
    if host and _is_local_host(host):
        raise ValueError(f"{value!r} wijst naar een lokaal of intern adres; gebruik een openbaar https-adres")
    if not parts.netloc or "." not in parts.netloc or _URL_UNSAFE.search(value):
        raise ValueError(f"{value!r} is geen geldig webadres")
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"{value!r} is geen geldig e-mailadres")
    return value


def _check_phone(value: str) -> str:
    if not _PHONE.match(value):
        raise ValueError(f"{value!r} is geen Nederlands telefoonnummer (zoals 030 123 4567 of +31 30 123 4567)")
    return value


def _check_plain_text(value: str) -> str:
    if not value.strip():
        raise ValueError("mag niet leeg zijn")
    return _checked(value, markdown=False)


def _check_markdown(value: str) -> str:
    if not value.strip():
        raise ValueError("mag niet leeg zijn")
    return _checked(value, markdown=True)


IsoDate = Annotated[
    date,
    BeforeValidator(_parse_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE.pattern}),
]
IsoDateTime = Annotated[
    datetime,
    BeforeValidator(_parse_iso_datetime),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": _DATETIME.pattern}),
]
Moment = Annotated[
    datetime | date,
    BeforeValidator(_parse_moment),
    WithJsonSchema({"type": "string", "pattern": f"{_DATE.pattern}|{_DATETIME.pattern}"}),
]
HttpsUrl = Annotated[
    str,
    Field(pattern=r"^https://", max_length=TEXT_MAX, json_schema_extra={"format": "uri"}),
    BeforeValidator(_check_link_scheme),
    AfterValidator(_check_https),
]
Email = Annotated[str, AfterValidator(_check_email), Field(json_schema_extra={"format": "email"})]
Phone = Annotated[str, AfterValidator(_check_phone)]
Text = Annotated[str, AfterValidator(_check_plain_text), Field(min_length=1, max_length=TEXT_MAX)]
"""Plain text: shown as it is written, never as Markdown or HTML."""
Name = Annotated[str, AfterValidator(_check_plain_text), Field(min_length=1, max_length=NAME_MAX)]
"""A name or a title."""
Summary = Annotated[str, AfterValidator(_check_plain_text), Field(min_length=1, max_length=SUMMARY_MAX)]
Markdown = Annotated[
    str,
    AfterValidator(_check_markdown),
    Field(min_length=1, max_length=MARKDOWN_MAX, json_schema_extra={"contentMediaType": "text/markdown"}),
]
"""Markdown text: rendered to HTML, so no raw HTML, script links or template syntax."""
EntityId = Annotated[str, Field(pattern=ID_PATTERN, max_length=ID_MAX)]


def id_from_name(name: str) -> str:
    """An id as a contributor would choose it from a name (``atlas import``, an entry from an issue):
    "Gemeente 's-Hertogenbosch" → "gemeente-s-hertogenbosch"; longer than ``ID_MAX``, cut after a whole word."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    while len(words) > ID_MAX:
        words = words.rsplit("-", 1)[0] if "-" in words else words[:ID_MAX]
    return words
