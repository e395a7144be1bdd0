"""Fetching one source's ``atlas.json``: a local file, or http(s) with a cache, a timeout and a size limit.

The cache (``FederationConfig.cache_dir``) keeps per URL the body and a small ``.meta.json`` with
its ETag, Last-Modified and the time it was fetched. Within ``cache_ttl`` seconds the body is used
without a request; after that the server is asked conditionally (If-None-Match, If-Modified-Since)
and a 304 answer reuses the body. A failed request never falls back to an old copy: a source that
cannot be read is reported, so that a national view never shows stale data unnoticed.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.error import HTTPError, URLError
from urllib.parse import unquote, urlsplit
from urllib.request import Request, urlopen

from ...config import FederationConfig, SourceSpec
from ...errors import AtlasError

CHUNK = 64 * 1024
USER_AGENT = "kennisatlas-federation"


class SourceError(AtlasError):
    """One source could not be read or is not a valid atlas: which source, where, and what went wrong."""

    def __init__(self, source: SourceSpec, what: str) -> None:
        self.source = source
        self.what = what
        super().__init__(f"bron '{source.name}' ({source.location}): {what}")


@dataclass(frozen=True)
class Fetched:
    body: bytes
    requested: bool
    """False when the cache answered without asking the server (within the TTL)."""


def megabytes(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB"


def too_large(source: SourceSpec, limit: int) -> SourceError:
    return SourceError(source, f"te groot: meer dan {megabytes(limit)}; er is niet verder gelezen")


def read_limited(stream: BinaryIO, source: SourceSpec, limit: int, deadline: float, timeout: float) -> bytes:
    """Read until the end, but stop as soon as the body passes ``limit`` bytes or the time is up."""
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_large(source, limit)
        if time.monotonic() > deadline:
            raise SourceError(source, f"te traag: niet binnen {timeout:g} seconden gelezen")
        parts.append(chunk)
    return b"".join(parts)


def fetch_file(source: SourceSpec, settings: FederationConfig) -> Fetched:
    location = source.location
    path = Path(unquote(urlsplit(location).path)) if location.startswith("file://") else Path(location)
    if not path.is_file():
        raise SourceError(source, "het bestand bestaat niet")
    if path.stat().st_size > settings.max_bytes:
        raise too_large(source, settings.max_bytes)
    with path.open("rb") as stream:
        return Fetched(read_limited(stream, source, settings.max_bytes, float("inf"), settings.timeout), True)


@dataclass(frozen=True)
class CacheEntry:
    body_path: Path
    meta_path: Path

    @classmethod
    def of(cls, cache_dir: Path, url: str) -> CacheEntry:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return cls(cache_dir / f"{key}.json", cache_dir / f"{key}.meta.json")

    def meta(self) -> dict[str, str | float] | None:
        """What is known about the cached copy; None when there is no complete copy."""
        if not (self.body_path.is_file() and self.meta_path.is_file()):
            return None
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            return None
        usable = isinstance(meta, dict) and isinstance(meta.get("fetched"), int | float)
        return meta if usable else None

    def store(self, url: str, body: bytes, etag: str | None, modified: str | None) -> None:
        self.body_path.parent.mkdir(parents=True, exist_ok=True)
        self.body_path.write_bytes(body)
        self.touch({"url": url, "etag": etag or "", "last_modified": modified or ""})

    def touch(self, meta: dict[str, str | float]) -> None:
        self.meta_path.write_text(json.dumps({**meta, "fetched": time.time()}), encoding="utf-8")


def conditional_headers(meta: dict[str, str | float] | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    if meta and meta.get("etag"):
        headers["If-None-Match"] = str(meta["etag"])
    if meta and meta.get("last_modified"):
        headers["If-Modified-Since"] = str(meta["last_modified"])
    return headers


def fetch_http(source: SourceSpec, settings: FederationConfig) -> Fetched:
    cache = CacheEntry.of(settings.cache_dir, source.location)
    meta = cache.meta()
    if meta is not None and time.time() - float(meta.get("fetched", 0)) < settings.cache_ttl:
        return Fetched(cache.body_path.read_bytes(), False)
    # Only http(s) gets here (``fetch``), so urllib's file: and custom schemes are never opened.
    request = Request(source.location, headers=conditional_headers(meta))  # noqa: S310
    deadline = time.monotonic() + settings.timeout
    try:
        with urlopen(request, timeout=settings.timeout) as response:  # noqa: S310
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > settings.max_bytes:
                raise too_large(source, settings.max_bytes)
            body = read_limited(response, source, settings.max_bytes, deadline, settings.timeout)
            validators = (response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except HTTPError as error:
        if error.code == 304 and meta is not None:
            cache.touch(meta)
            return Fetched(cache.body_path.read_bytes(), True)
        raise SourceError(source, f"de server antwoordt {error.code} {error.reason}") from error
    except TimeoutError as error:
        raise SourceError(source, f"te traag: geen antwoord binnen {settings.timeout:g} seconden") from error
    except URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise SourceError(source, f"te traag: geen antwoord binnen {settings.timeout:g} seconden") from error
        raise SourceError(source, f"niet bereikbaar: {error.reason}") from error
    except (OSError, http.client.HTTPException) as error:
        raise SourceError(source, f"niet bereikbaar: {error}") from error
    # Outside the try: a cache that cannot be written is no network error.
    cache.store(source.location, body, *validators)
    return Fetched(body, True)


def fetch(source: SourceSpec, settings: FederationConfig) -> Fetched:
    """The raw ``atlas.json`` of one source; raises ``SourceError``."""
    if source.location.startswith(("http://", "https://")):
        return fetch_http(source, settings)
    return fetch_file(source, settings)
