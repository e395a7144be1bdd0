"""The whole build, step by step, at one size; and the floors it is compared with. Prints JSON, asserts nothing.

Each measurement runs in a child process of its own, so that its peak memory is its own (``os.wait4``):

- ``steps``: the stages of ``generator.build.build_site``, called one by one in the same order (validate,
  generate, search index, write docs, mkdocs with the Content-Security-Policy, check), each timed, each followed by the
  peak RSS so far of the process itself and of its largest child (mkdocs' workers, the search
  index's and the matcher's workers);
- ``atlas build``: the real command, end to end (``python -m generator build``), with its default worker count;
- ``plain``: a bare ``mkdocs build`` (one process, material, default extensions, a nav of one page)
  of as many plain pages of the same mean length as the atlas' Markdown: the floor of one mkdocs process;
- ``yaml``: a bare ``yaml.CSafeLoader`` parse of every YAML file of the content: the floor of validate;
- ``match``: the matcher's answers for every question (``help_all``), as the question pages need them.

    python -m bench.pipeline steps CONTENT WORK     (and: build, plain N BYTES WORK, yaml CONTENT, match CONTENT)
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from generator.config import PROJECT_ROOT
from generator.kinds import KINDS

T = TypeVar("T")
PLAIN_WORDS = [
    "kennis",
    "regio",
    "praktijk",
    "onderzoek",
    "gemeente",
    "netwerk",
    "vraag",
    "thema",
    "partner",
    "samenwerking",
]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


# ---------------------------------------------------------------- in the child


def steps(content: Path, work: Path) -> dict[str, Any]:
    """``build_site``'s stages one by one; per stage seconds and the peak RSS so far (self, largest child)."""
    from generator.build import build_atlas, docs_files, write_tree
    from generator.config import AtlasConfig
    from generator.contribute.routes import Contributing
    from generator.exchange.siteurl import base_path, read_site
    from generator.render import render_site
    from generator.scale.parallel import build_pages, worker_count
    from generator.search.searchindex import render_search_index
    from generator.sitecheck import check_site

    config = AtlasConfig(content_dir=content, docs_dir=work / "docs", site_dir=work / "site").resolve()
    figures: dict[str, Any] = {}

    def step(name: str, work: Callable[[], T]) -> T:
        start = time.perf_counter()
        result = work()
        figures[name] = {
            "s": time.perf_counter() - start,
            "peak_rss_mb": peak_rss_mb(),
            "child_peak_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
        }
        return result

    def write_docs() -> None:
        pages.update(index)
        index.clear()
        write_tree(config.docs_dir, docs_files(config, atlas, pages))  # empties pages, as in generate_docs

    def mkdocs() -> int:
        shutil.rmtree(config.site_dir, ignore_errors=True)
        return build_pages(config)

    def check() -> None:
        check_site(atlas, config.content_dir, config.site_dir, base_path(read_site(config.mkdocs_file).url))

    atlas = step("validate", lambda: build_atlas(config))
    pages = step("generate", lambda: render_site(atlas, config.today, Contributing.from_config(config)))
    index = step("search index", lambda: render_search_index(atlas))
    step("write docs", write_docs)
    workers = worker_count(config)
    step("mkdocs + CSP", mkdocs)
    step("check", check)
    return {"steps": figures, "workers": workers, "docs_pages": sum(1 for _ in config.docs_dir.rglob("*.md"))}


def plain_site(pages: int, page_bytes: int, work: Path) -> Path:
    """A docs folder of ``pages`` plain pages of ``page_bytes`` bytes each, and its mkdocs.yml."""
    docs = work / "docs"
    (docs / "p").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Home\n\nEen gewone pagina.\n", encoding="utf-8")
    for number in range(pages - 1):
        words = [PLAIN_WORDS[(number + offset) % len(PLAIN_WORDS)] for offset in range(page_bytes // 9)]
        paragraphs = "\n\n".join(" ".join(words[start : start + 60]) for start in range(0, len(words), 60))
        (docs / "p" / f"pagina-{number}.md").write_text(f"# Pagina {number}\n\n{paragraphs}\n", encoding="utf-8")
    config = work / "mkdocs.yml"
    config.write_text(
        "site_name: Plain\nsite_dir: site\ntheme:\n  name: material\n  font: false\nplugins: []\n"
        "nav:\n  - Home: index.md\nnot_in_nav: |\n  /p/*.md\n",
        encoding="utf-8",
    )
    return config


def yaml_parse(content: Path) -> dict[str, Any]:
    """Every YAML file, and the front matter of every Markdown entry, read and parsed by the C loader, nothing else."""
    import yaml

    start = time.perf_counter()
    texts = []
    for path in sorted(content.rglob("*")):
        if path.suffix in {".yml", ".yaml"}:
            texts.append(path.read_bytes())
        elif path.suffix == ".md" and path.read_bytes().startswith(b"---\n"):
            texts.append(path.read_bytes().split(b"\n---\n", 1)[0][4:])
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)  # the C safe loader: no objects built from tags
    return {"s": time.perf_counter() - start, "files": len(texts)}


def match_all(content: Path) -> dict[str, Any]:
    from generator.broker.match.data import match_data
    from generator.broker.match.matcher import Matcher
    from generator.broker.match.questions import QuestionHelper, help_all
    from generator.build import gather
    from generator.config import AtlasConfig

    atlas = gather(AtlasConfig(content_dir=content).resolve())
    questions = atlas.of("question")
    start = time.perf_counter()
    help_all(QuestionHelper(Matcher(match_data(atlas))), questions)
    return {"s": time.perf_counter() - start, "questions": len(questions)}


# ---------------------------------------------------------------- in the parent


def run_child(argv: list[str], log: Path) -> dict[str, Any]:
    """Run a command; its wall time, peak RSS (itself, or its largest descendant) and the load around it."""
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    with log.open("wb") as output:
        process = subprocess.Popen(argv, stdout=output, stderr=subprocess.STDOUT, cwd=PROJECT_ROOT)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(argv)} failed ({process.returncode}):\n{log.read_text(errors='replace')[-3000:]}"
        )
    return {
        "s": seconds,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "load": [load_before, os.getloadavg()[0]],
    }


def child_json(command: list[str], work: Path) -> dict[str, Any]:
    """Run ``python -m bench.pipeline COMMAND …`` and read the JSON it prints last."""
    log = work / f"{command[0]}.log"
    figures = run_child([sys.executable, "-m", "bench.pipeline", *command], log)
    printed = json.loads(log.read_text(encoding="utf-8").strip().splitlines()[-1])
    return {**printed, "process": figures}


def html_sizes(site: Path) -> dict[str, Any]:
    """Pages of the site, and the HTML bytes of its entry pages (median, max and which)."""
    entry_pages = [page for kind in KINDS for page in (site / kind.section).glob("*/index.html")]
    sizes = sorted((page.stat().st_size, page.relative_to(site).as_posix()) for page in entry_pages)
    return {
        "html_pages": sum(1 for _ in site.rglob("*.html")),
        "entry_pages": len(sizes),
        "entry_html_median": statistics.median(size for size, _ in sizes) if sizes else 0,
        "entry_html_max": sizes[-1][0] if sizes else 0,
        "entry_html_largest": sizes[-1][1] if sizes else "",
    }


def markdown_mean_bytes(docs: Path) -> int:
    sizes = [path.stat().st_size for path in docs.rglob("*.md")]
    return round(statistics.mean(sizes)) if sizes else 0


def pipeline_figures(content: Path, work: Path) -> dict[str, Any]:
    """Every figure of the pipeline at one size; ``work`` is an empty folder that keeps the sites."""
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {"steps": child_json(["steps", str(content), str(work / "steps")], work)}
    docs_pages = figures["steps"]["docs_pages"]
    figures.update(html_sizes(work / "steps" / "site"))
    page_bytes = markdown_mean_bytes(work / "steps" / "docs")
    figures["markdown_mean_bytes"] = page_bytes
    cli = [sys.executable, "-m", "generator", "build", "--content", str(content)]
    cli += ["--docs-dir", str(work / "build" / "docs"), "--site-dir", str(work / "build" / "site")]
    figures["atlas_build"] = run_child(cli, work / "build.log")
    plain = plain_site(docs_pages, page_bytes, work / "plain")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(plain)]
    figures["plain_mkdocs"] = {**run_child(mkdocs, work / "plain.log"), "pages": docs_pages}
    figures["yaml"] = child_json(["yaml", str(content)], work)
    figures["match"] = child_json(["match", str(content)], work)
    figures["ratio"] = figures["atlas_build"]["s"] / figures["plain_mkdocs"]["s"]
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command, rest = args[0], args[1:]
    if command == "steps":
        result = steps(Path(rest[0]), Path(rest[1]))
    elif command == "yaml":
        result = yaml_parse(Path(rest[0]))
    elif command == "match":
        result = match_all(Path(rest[0]))
    else:
        raise SystemExit(f"unknown command {command!r}: steps, yaml or match")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
