"""Where the atlas lives on GitHub: one setting, read in one place.

``extra.atlas.repo_url`` and ``extra.atlas.branch`` in ``mkdocs.yml`` name the repository and the
branch that contributions go to. A region that forks the atlas changes these lines, and every link
into GitHub follows: the editor links of ``/bijdragen/``, the "Wijzig deze gegevens" link of every
entry page and the issue-form links (the question form reads ``repo_url`` in the theme).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import yaml

from ..errors import AtlasError
from ..settings import atlas_settings, read_settings

DEFAULT_BRANCH = "main"
CONTENT_FOLDER = "content"
"""The content tree's folder in the repository: the editor links point into it."""
_REPO_URL = re.compile(r"https://github\.com/[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+")
# A git branch name, kept to characters that need no escaping in a URL path.
_BRANCH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


@dataclass(frozen=True)
class Repository:
    """A GitHub repository and the branch that contributions go to."""

    url: str
    """``https://github.com/<owner>/<name>``, without a trailing slash."""
    branch: str = DEFAULT_BRANCH

    def new_file(self, folder: str, filename: str, text: str) -> str:
        """GitHub's "new file" editor in ``folder``, with the file name and its text filled in.

        ``filename`` and ``value`` are the query parameters GitHub's editor reads (the same that
        Gitea and GitLab copied from it); the folder goes in the path, because a folder in
        ``filename`` is not reliably honoured.
        """
        query = urlencode({"filename": filename, "value": text}, quote_via=quote)
        return f"{self.url}/new/{self.branch}/{quote(folder)}?{query}"

    def edit(self, path: str) -> str:
        """GitHub's editor on the file at ``path`` (relative to the repository root)."""
        return f"{self.url}/edit/{self.branch}/{quote(path)}"

    def blob(self, path: str) -> str:
        """A file of the repository, as GitHub shows it."""
        return f"{self.url}/blob/{self.branch}/{quote(path)}"

    def issue_form(self, form: str, title: str = "") -> str:
        """A new issue with the form ``.github/ISSUE_TEMPLATE/<form>``, its title filled in if given."""
        fields = {"template": form, **({"title": title} if title else {})}
        return f"{self.url}/issues/new?{urlencode(fields, quote_via=quote)}"


def _atlas_settings(mkdocs_file: Path) -> dict[str, Any]:
    try:
        settings = read_settings(mkdocs_file)
    except (OSError, yaml.YAMLError) as error:
        raise AtlasError(f"{mkdocs_file}: kan de instellingen niet lezen: {error}") from error
    atlas = atlas_settings(settings)
    if not isinstance(atlas, dict):
        raise AtlasError(f"{mkdocs_file}: extra.atlas ontbreekt")
    return atlas


def read_repository(mkdocs_file: Path) -> Repository:
    """``extra.atlas.repo_url`` and ``extra.atlas.branch`` (default ``main``) from ``mkdocs.yml``."""
    settings = _atlas_settings(mkdocs_file)
    url = str(settings.get("repo_url") or "").rstrip("/")
    branch = str(settings.get("branch") or DEFAULT_BRANCH)
    if not _REPO_URL.fullmatch(url):
        raise AtlasError(
            f"{mkdocs_file}: extra.atlas.repo_url '{url}' is geen GitHub-repository (https://github.com/eigenaar/naam)"
        )
    if not _BRANCH.fullmatch(branch) or ".." in branch:
        raise AtlasError(f"{mkdocs_file}: extra.atlas.branch '{branch}' is geen geldige branchnaam")
    return Repository(url, branch)
