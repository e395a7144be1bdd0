"""The ``atlas`` command. The only place that prints and picks exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from .annotations import FORMATS, GITHUB, default_format, github_annotations
from .config import AtlasConfig
from .errors import AtlasError, ContentErrors
from .terminal import terminal_progress

Handler = Callable[[argparse.Namespace, AtlasConfig], int]


def _config(args: argparse.Namespace) -> AtlasConfig:
    config = AtlasConfig()
    if getattr(args, "content", None):
        config = replace(config, content_dir=Path(args.content))
    if getattr(args, "site_dir", None):
        config = replace(config, site_dir=Path(args.site_dir))
    if getattr(args, "docs_dir", None):
        config = replace(config, docs_dir=Path(args.docs_dir))
    return config.resolve()


def cmd_validate(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .build import gather

    if getattr(args, "paths", None):
        return cmd_validate_files(args, config)
    with terminal_progress() as progress:
        atlas = gather(config, progress)
    total = sum(len(entries) for entries in atlas.entries.values())
    print(f"Alles in orde: {total} items en {len(atlas.pages)} pagina's gecontroleerd.")
    return 0


def cmd_validate_files(args: argparse.Namespace, config: AtlasConfig) -> int:
    """Only the errors in the given files, each checked against the whole atlas."""
    from .build import gather
    from .selected import content_files, errors_in

    files = content_files(args.paths, config.content_dir)
    try:
        gather(config)
    except ContentErrors as failure:
        if mine := errors_in(failure.errors, files, config.root):
            raise ContentErrors(mine) from failure
    print(f"Alles in orde: {len(files)} {'bestand' if len(files) == 1 else 'bestanden'} gecontroleerd.")
    return 0


def cmd_build(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .build import build_site

    with terminal_progress() as progress:
        atlas = build_site(config, progress)
    total = sum(len(entries) for entries in atlas.entries.values())
    print(f"Site gebouwd in {config.site_dir}: {total} items.")
    return 0


def cmd_serve(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .serve import serve

    serve(config, args.dev_addr)
    return 0


def cmd_new(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .scaffold import write_template

    path = write_template(config, args.type, args.id)
    print(f"Nieuw bestand: {path}")
    return 0


def cmd_schemas(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .schemas import SCHEMA_DIR, stale_schemas, write_schemas

    if args.check:
        stale = stale_schemas(SCHEMA_DIR)
        for name in stale:
            print(f"{name}: verouderd; draai 'atlas schemas'", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(SCHEMA_DIR):
        print(path)
    return 0


def cmd_issue_form(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .broker.askform import ISSUE_FORM_PATH, issue_form_is_current, write_issue_form
    from .build import gather

    atlas = gather(config)
    if args.check:
        if issue_form_is_current(atlas):
            return 0
        print(f"{ISSUE_FORM_PATH.name}: verouderd; draai 'atlas issue-form'", file=sys.stderr)
        return 1
    print(write_issue_form(atlas))
    return 0


def cmd_signals(args: argparse.Namespace, config: AtlasConfig) -> int:
    import json

    from .broker.signals.kinds import by_kind, signal_record, signals
    from .broker.signals.signal import site_url
    from .build import gather
    from .clock import today

    atlas = gather(config)
    found = signals(atlas, today(args.today))
    if args.json:
        print(json.dumps([signal_record(atlas, signal) for signal in found], ensure_ascii=False, indent=2))
        return 0
    for kind, members in by_kind(found):
        if members:
            print(f"{kind.heading} ({len(members)})")
        for signal in members:
            paths = " ".join(site_url(entry) for entry in signal.entries)
            print(f"- {signal.title} — {signal.reason} [{paths}]")
    counts = ", ".join(f"{len(members)} {kind.key}" for kind, members in by_kind(found))
    print(f"{len(found)} signalen: {counts}.")
    return 0


def iso_date(value: str) -> date:
    """An argparse type: JJJJ-MM-DD."""
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"geen datum als JJJJ-MM-DD: {value!r}") from error


def add_signals_command(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    signals = command(
        "signals",
        cmd_signals,
        "Toon de signalen: terugkerende vragen, lacunes, overlap, wachtende en verouderde items.",
    )
    signals.add_argument("--json", action="store_true", help="als JSON (een lijst van signalen)")
    signals.add_argument(
        "--today",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="rekenen vanaf deze datum (standaard: SOURCE_DATE_EPOCH of vandaag)",
    )


def cmd_match(args: argparse.Namespace, config: AtlasConfig) -> int:
    import json

    from .broker.match.ask import ask_from_arguments
    from .broker.match.evaluate import evaluate, read_cases
    from .broker.match.matcher import Matcher
    from .broker.match.report import evaluation_lines, match_lines
    from .build import gather

    matcher = Matcher.for_atlas(gather(config))
    if args.evaluate:
        print("\n".join(evaluation_lines(evaluate(matcher, read_cases(Path(args.evaluate))))))
        return 0
    if not args.question:
        raise AtlasError("geef een vraag, of --evaluate BESTAND")
    ask = ask_from_arguments(matcher.data, args.question, args.region, args.theme, args.needs, args.domain)
    matches = matcher.match(ask, limit=args.limit)
    if args.json:
        print(json.dumps([match.as_json() for match in matches], ensure_ascii=False, indent=2))
    else:
        print("\n".join(match_lines(matches)))
    return 0


def add_match_command(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    from .vocab import Domain, Offer

    match = command("match", cmd_match, "Zoek wie en wat kan helpen bij een kennisvraag, met de redenen.")
    match.add_argument("question", nargs="?", metavar="VRAAG", help="de vraag in gewone woorden")
    match.add_argument("--region", metavar="ID", help="regio van de vraag (id)")
    match.add_argument("--theme", metavar="ID", action="append", default=[], help="thema (id); mag vaker")
    match.add_argument(
        "--needs",
        metavar="AANBOD",
        action="append",
        default=[],
        choices=[o.value for o in Offer],
        help="wat nodig is: " + ", ".join(o.value for o in Offer) + "; mag vaker",
    )
    match.add_argument("--domain", choices=[d.value for d in Domain], help="domein: fysiek of sociaal")
    match.add_argument("--limit", metavar="N", type=int, default=10, help="hoeveel resultaten (standaard: 10)")
    match.add_argument("--json", action="store_true", help="als JSON: type, id, name, url, score, parts, reasons")
    match.add_argument("--evaluate", metavar="BESTAND", help="meet top-1 en top-5 over een evaluatieset (YAML)")


def parser() -> argparse.ArgumentParser:
    from .kinds import KIND_BY_KEY

    main = argparse.ArgumentParser(
        prog="atlas", description="Kennisatlas: content controleren, site bouwen en bekijken."
    )
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--content", metavar="DIR", help="contentmap (standaard: content/)")
        sub.set_defaults(handler=handler)
        return sub

    validate = command("validate", cmd_validate, "Controleer alle content; toon alle fouten met hun plaats.")
    validate.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="uitvoer: 'text' (pad:regel:kolom) of 'github' (annotaties in een pull request); "
        "standaard 'github' als GITHUB_ACTIONS=true, anders 'text'",
    )
    validate.add_argument("paths", nargs="*", metavar="PATH", help="alleen deze bestanden, tegen de hele atlas")
    build = command("build", cmd_build, "Bouw de statische site.")
    build.add_argument("--site-dir", metavar="DIR", help="map voor de gebouwde site (standaard: site/)")
    build.add_argument("--docs-dir", metavar="DIR", help="map voor de gegenereerde Markdown (standaard: build/docs/)")
    serve = command("serve", cmd_serve, "Bouw de site en bekijk hem lokaal; ververst bij elke wijziging in de content.")
    serve.add_argument(
        "--dev-addr", metavar="HOST:PORT", default="127.0.0.1:8000", help="adres (standaard: 127.0.0.1:8000)"
    )
    serve.add_argument("--docs-dir", metavar="DIR", help="map voor de gegenereerde Markdown (standaard: build/docs/)")
    new = command("new", cmd_new, "Maak een nieuw, geldig sjabloonbestand met uitleg per veld.")
    new.add_argument("type", choices=sorted(KIND_BY_KEY), help="soort item")
    new.add_argument("id", help="id in kleine letters met koppeltekens; wordt de bestandsnaam")
    schemas = command("schemas", cmd_schemas, "Schrijf de JSON Schemas in schemas/ opnieuw uit de modellen.")
    schemas.add_argument("--check", action="store_true", help="alleen controleren of schemas/ actueel is")
    issue_form = command(
        "issue-form", cmd_issue_form, "Schrijf het GitHub-formulier voor kennisvragen opnieuw uit de content."
    )
    issue_form.add_argument("--check", action="store_true", help="alleen controleren of het formulier actueel is")
    add_match_command(command)
    add_signals_command(command)
    return main


def print_content_errors(failure: ContentErrors, output_format: str) -> None:
    """Each error on its own line, then the summary; as GitHub annotations (on stdout, where the runner reads
    workflow commands) when asked."""
    if output_format == GITHUB:
        for line in github_annotations(failure.errors):
            print(line)
    else:
        for error in failure.errors:
            print(error, file=sys.stderr)
    print(failure.summary(), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.handler(args, _config(args)))
    except ContentErrors as failure:
        print_content_errors(failure, getattr(args, "format", None) or default_format(os.environ))
        return 1
    except AtlasError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
