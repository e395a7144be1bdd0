"""The atlas as it was at a git commit: the content folder read from git, not from the network.

A pull request's summary compares its head with its base. ``atlas_at`` copies the content
folder of a commit into a temporary folder with ``git archive`` and loads and validates it
there, so the working tree is never touched.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..atlas import Atlas
from ..errors import AtlasError, ContentErrors
from ..load import load
from ..validate import validate


def _git(repository: Path, *arguments: str) -> bytes:
    """Run git in ``repository``; its error message becomes an ``AtlasError``."""
    # git from PATH, as a developer's shell finds it; the ref is passed after --end-of-options, never as an option.
    command = ["git", "-C", str(repository), *arguments]
    try:
        done = subprocess.run(command, capture_output=True, check=False)  # noqa: S603
    except FileNotFoundError as error:
        raise AtlasError("git is niet gevonden; installeer git om met een eerdere versie te vergelijken") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise AtlasError(f"git {arguments[0]} mislukte: {message}")
    return done.stdout


def repository_of(folder: Path) -> Path:
    """The top folder of the git repository that holds ``folder``."""
    return Path(_git(folder, "rev-parse", "--show-toplevel").decode("utf-8").strip()).resolve()


def commit_of(repository: Path, ref: str) -> str:
    """The full commit id ``ref`` names; an unknown ref is an ``AtlasError`` that names it."""
    try:
        return _git(repository, "rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}").decode().strip()
    except AtlasError as error:
        raise AtlasError(f"'{ref}' is geen bekende commit in {repository}") from error


def extract_folder(repository: Path, commit: str, folder: str, target: Path) -> bool:
    """Write ``folder`` (relative to the repository) as it was at ``commit`` under ``target``.

    Returns False when the commit has no such folder.
    """
    if not _git(repository, "ls-tree", "-d", commit, "--", folder).strip():
        return False
    archive = _git(repository, "archive", "--format=tar", commit, "--", folder)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # The data filter refuses absolute paths, '..' and links that leave ``target``.
        tar.extractall(target, filter="data")
    return True


def atlas_at(content_dir: Path, ref: str) -> tuple[Atlas, str]:
    """The validated atlas in ``content_dir`` as it was at ``ref``, and the commit id.

    A commit without the content folder gives an empty atlas (everything in the head is new).
    """
    repository = repository_of(content_dir)
    commit = commit_of(repository, ref)
    relative = content_dir.resolve().relative_to(repository).as_posix()
    with tempfile.TemporaryDirectory(prefix="atlas-base-") as folder:
        base = Path(folder)
        if not extract_folder(repository, commit, relative, base):
            return Atlas(), commit
        try:
            return validate(load(base / relative, base), relative), commit
        except ContentErrors as failure:
            raise AtlasError(
                f"de content op '{ref}' ({commit[:10]}) is niet geldig ({failure.summary()}); vergelijken kan niet"
            ) from failure
