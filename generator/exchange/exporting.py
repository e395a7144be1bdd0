"""``atlas export``: the open-data files of the atlas, written to a local folder."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from ..build import gather
from ..config import AtlasConfig
from .document import atlas_document
from .sheets import WORKBOOK_NAME, sheet_files

FORMATS = ("json", "csv", "xlsx")
DOCUMENT_NAME = "atlas.json"
ATLAS_NAME = "Kennisatlas"


def current_commit(root: Path) -> str | None:
    """The commit the content comes from, or None outside a git checkout."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 - git from PATH, as a contributor runs it
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def export_files(config: AtlasConfig, output_format: str) -> dict[str, bytes]:
    """The files of one format by name: ``atlas.json``, the CSV files of every kind, or the workbook."""
    document = atlas_document(gather(config), name=ATLAS_NAME, site_url="", commit=current_commit(config.root))
    if output_format == "json":
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        return {DOCUMENT_NAME: text.encode("utf-8")}
    files = sheet_files(document)
    if output_format == "xlsx":
        return {WORKBOOK_NAME: files[WORKBOOK_NAME]}
    return {name: content for name, content in files.items() if name.endswith(".csv")}


def write_export(config: AtlasConfig, output_format: str, out: Path) -> list[Path]:
    """Write the files of ``output_format`` into the folder ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in export_files(config, output_format).items():
        (out / name).write_bytes(content)
        written.append(out / name)
    return written
