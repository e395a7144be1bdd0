"""Reusable field types with strict, Dutch-worded checks.

The YAML loader hands every date and number-like text over as a string, so
these types decide what is valid, not YAML's implicit typing.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")
_URL_UNSAFE = re.compile(r"[\s<>\"'`\\]")
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


def _check_https(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https":
        raise ValueError(f"{value!r} moet een https-adres zijn (https://…)")
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
    return value


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
    str, Field(pattern=r"^https://", json_schema_extra={"format": "uri"}), AfterValidator(_check_https)
]
Email = Annotated[str, AfterValidator(_check_email), Field(json_schema_extra={"format": "email"})]
Phone = Annotated[str, AfterValidator(_check_phone)]
Text = Annotated[str, AfterValidator(_check_plain_text), Field(min_length=1)]
EntityId = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]
