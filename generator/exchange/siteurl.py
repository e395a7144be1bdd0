"""Where the site is published and which commit it was built from: read in one place each.

The address is mkdocs' own ``site_url`` in ``mkdocs.yml``, so canonical links, the sitemap,
``atlas.json``, the feeds and the JSON-LD all name the same place.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..config import PROJECT_ROOT
from ..errors import BuildError
from ..settings import read_settings

MKDOCS_FILE = PROJECT_ROOT / "mkdocs.yml"
COMMIT_VARIABLE = "GITHUB_SHA"
"""Set by GitHub Actions; wins over ``git rev-parse HEAD``, as a checkout there may be detached or shallow."""


@dataclass(frozen=True)
class Site:
    """The site as ``mkdocs.yml`` names it."""

    name: str
    """``site_name``: the atlas' name in ``atlas.json`` and the feeds."""
    url: str
    """``site_url``, ending in a slash."""


def read_site(mkdocs_file: Path = MKDOCS_FILE) -> Site:
    """``site_name`` and ``site_url`` from ``mkdocs.yml``; raises ``BuildError`` when the address is missing."""
    try:
        settings = read_settings(mkdocs_file)
    except (OSError, yaml.YAMLError) as error:
        raise BuildError(f"{mkdocs_file.name} is niet te lezen: {error}") from error
    url = settings.get("site_url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise BuildError(f"{mkdocs_file.name}: site_url ontbreekt of is geen http(s)-adres")
    return Site(name=str(settings.get("site_name") or "Kennisatlas"), url=url if url.endswith("/") else url + "/")


def base_path(url: str) -> str:
    """The path the site lives under on its host: ``/kennisatlas/`` for ``https://x.github.io/kennisatlas/``."""
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path + "/"


def commit_of(folder: Path) -> str | None:
    """The commit the content in ``folder`` comes from: ``GITHUB_SHA``, else ``git rev-parse HEAD``;
    None outside a git repository (or without git), so a build from a plain folder still works."""
    if sha := os.environ.get(COMMIT_VARIABLE, "").strip():
        return sha
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607  # git from PATH, as a contributor runs it
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    sha = done.stdout.strip()
    return sha if done.returncode == 0 and len(sha) == 40 else None
