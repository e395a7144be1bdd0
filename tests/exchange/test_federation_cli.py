"""``atlas build`` with two sources: one national site from three atlases, end to end (strict mkdocs)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import CliResult
from tests.exchange.federation_atlases import NOORD, ZUID, write_atlas_json


def test_build_with_two_sources_and_a_broken_one(
    content: Path, tmp_path: Path, atlas_cli: Callable[..., CliResult]
) -> None:
    noord = write_atlas_json(tmp_path, "noord", NOORD)
    zuid = write_atlas_json(tmp_path, "zuid", ZUID)
    missing = tmp_path / "weg.json"
    site = tmp_path / "site"
    common = ["--content", str(content), "--site-dir", str(site), "--docs-dir", str(tmp_path / "docs")]
    sources = ["--source", f"noord={noord}", "--source", f"zuid={zuid.as_uri()}", "--source", f"weg={missing}"]

    failed = atlas_cli("build", *common, *sources)
    assert failed.code == 1
    assert f"fout: bron 'weg' ({missing}): het bestand bestaat niet" in failed.err
    assert not site.exists()

    built = atlas_cli("build", *common, *sources, "--skip-broken-sources")
    assert built.code == 0, built.err
    assert f"waarschuwing: bron 'weg' ({missing}) weggelaten: het bestand bestaat niet" in built.err
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Niet alle bronnen zijn meegenomen" in home
    assert "Kennisatlas Noord: 5 nieuwe items" in home
    for page in ("praktijken/noord-buurtkamers", "vragen/noord-wijken-koel-noord", "partners/noord-gemeente-noord"):
        assert (site / page / "index.html").is_file()
    partner = (site / "partners/noord-gemeente-noord/index.html").read_text(encoding="utf-8")
    assert 'href="https://zuid.example.nl/partners/noordgemeente/"' in partner
    question = (site / "vragen/hoe-houden-we-wijken-koel/index.html").read_text(encoding="utf-8")
    elsewhere = question.split('id="dezelfde-vraag-elders"', 1)[1].split("<h2", 1)[0]
    assert 'href="../noord-wijken-koel-noord/"' in elsewhere
    titles = json.loads((site / "search/catalog.json").read_text(encoding="utf-8"))["title"]
    assert "Buurtkamers tegen eenzaamheid" in titles
    assert "Koele wijken" in titles
