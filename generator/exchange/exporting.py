"""``atlas export``: the open-data files of the atlas, written to a local folder."""

from __future__ import annotations

from pathlib import Path

from ..build import gather
from ..config import AtlasConfig
from .opendata import FOLDER, json_files, open_data, spreadsheet_files
from .sheets import WORKBOOK_NAME
from .siteurl import commit_of, read_site

FORMATS = ("json", "csv", "xlsx")


def export_files(config: AtlasConfig, output_format: str) -> dict[str, bytes]:
    """The files of one format by name, byte for byte as the site's ``open-data/`` has them: ``atlas.json``,
    the CSV files of every kind, or the workbook. (Only this atlas' own content: sources are merged by a build.)"""
    site = read_site(config.mkdocs_file)
    data = open_data(gather(config), name=site.name, site_url=site.url, commit=commit_of(config.content_dir))
    produced = json_files(data) if output_format == "json" else spreadsheet_files(data)
    files = {path.removeprefix(f"{FOLDER}/"): content for path, content in produced.items()}
    if output_format == "json":
        return files
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
