"""The ``atlas`` command. The only place that prints and picks exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .annotations import FORMATS, GITHUB, default_format, github_annotations
from .config import AtlasConfig
from .errors import AtlasError, ContentErrors
from .terminal import terminal_progress

if TYPE_CHECKING:
    from .atlas import Atlas

Handler = Callable[[argparse.Namespace, AtlasConfig], int]


def _config(args: argparse.Namespace) -> AtlasConfig:
    config = AtlasConfig()
    if getattr(args, "content", None):
        config = replace(config, content_dir=Path(args.content))
    if getattr(args, "site_dir", None):
        config = replace(config, site_dir=Path(args.site_dir))
    if getattr(args, "docs_dir", None):
        config = replace(config, docs_dir=Path(args.docs_dir))
    if getattr(args, "workers", None):
        config = replace(config, workers=args.workers)
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


def with_sources(args: argparse.Namespace, config: AtlasConfig) -> AtlasConfig:
    """Federation: the sources in mkdocs.yml (extra.atlas.sources) and --source, and --skip-broken-sources."""
    from .exchange.federation.sources import source_argument, sources_in, unique

    specs = [*sources_in(config.mkdocs_file), *(source_argument(value) for value in args.source)]
    federation = replace(config.federation, sources=unique(specs), skip_broken_sources=args.skip_broken_sources)
    return replace(config, federation=federation)


def print_skipped_sources(atlas: Atlas) -> None:
    for skipped in atlas.federation.skipped if atlas.federation else []:
        print(f"waarschuwing: bron '{skipped.name}' ({skipped.location}) weggelaten: {skipped.reason}", file=sys.stderr)


def add_source_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--source",
        metavar="NAAM=URL-OF-PAD",
        action="append",
        default=[],
        help="voeg een andere atlas samen (zijn atlas.json); naast extra.atlas.sources in mkdocs.yml; mag vaker",
    )
    command.add_argument(
        "--skip-broken-sources",
        action="store_true",
        help="laat een bron die niet te lezen of niet geldig is weg, met een waarschuwing, in plaats van te stoppen",
    )


def cmd_build(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .build import build_site

    config = with_sources(args, config)
    with terminal_progress() as progress:
        atlas = build_site(config, progress)
    print_skipped_sources(atlas)
    total = sum(len(entries) for entries in atlas.entries.values())
    print(f"Site gebouwd in {config.site_dir}: {total} items.")
    return 0


def cmd_serve(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .serve import serve

    serve(with_sources(args, config), args.dev_addr)
    return 0


def cmd_new(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .scaffold import write_template

    path = write_template(config, args.type, args.id)
    print(f"Nieuw bestand: {path}")
    return 0


def regenerate(
    check: bool, stale: Callable[[], Iterable[str]], write: Callable[[], Iterable[Path]], command: str
) -> int:
    """Files generated from the models and content: with ``--check`` name each stale one (exit 1), else write them."""
    if check:
        names = list(stale())
        for name in names:
            print(f"{name}: verouderd; draai 'atlas {command}'", file=sys.stderr)
        return 1 if names else 0
    for path in write():
        print(path)
    return 0


def cmd_schemas(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .schemas import SCHEMA_DIR, stale_schemas, write_schemas

    return regenerate(args.check, lambda: stale_schemas(SCHEMA_DIR), lambda: write_schemas(SCHEMA_DIR), "schemas")


def cmd_issue_form(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .build import gather
    from .contribute.issueforms import stale_forms, write_forms

    atlas = gather(config)
    return regenerate(args.check, lambda: stale_forms(atlas), lambda: write_forms(atlas), "issue-form")


def cmd_from_issue(args: argparse.Namespace, config: AtlasConfig) -> int:
    """An issue body → one content file; else the comment for the issue, and exit code 1."""
    from .build import gather
    from .clock import today
    from .contribute.correction import apply_correction
    from .contribute.formnames import CORRECTION_FORM
    from .contribute.fromissue import IssueProblems, form_kind, new_entry, success_comment

    try:
        body = Path(args.body_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AtlasError(f"{args.body_file} kan niet worden gelezen: {error}") from error
    correction = Path(args.form).name == CORRECTION_FORM
    if not correction:
        form_kind(args.form)
    atlas = gather(config)
    out = Path(args.out).resolve() if args.out else config.content_dir
    try:
        if correction:
            path = apply_correction(config, atlas, body, out)
        else:
            path = new_entry(config, atlas, args.form, body, today(args.today), out)
    except IssueProblems as problems:
        if args.comment:
            Path(args.comment).write_text(problems.comment(), encoding="utf-8")
        print(problems.comment(), file=sys.stderr)
        return 1
    if args.comment:
        Path(args.comment).write_text(success_comment(config, path, corrected=correction), encoding="utf-8")
    print(path)
    return 0


def add_from_issue_command(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    from_issue = command(
        "from-issue",
        cmd_from_issue,
        "Maak van een issue (een ingevuld GitHub-formulier) één contentbestand, of een reactie met wat er mis is.",
    )
    from_issue.add_argument("body_file", metavar="BODY_FILE", help="bestand met de tekst van het issue")
    from_issue.add_argument("--form", required=True, metavar="FILE_NAME", help="het formulier, zoals kennispartner.yml")
    from_issue.add_argument(
        "--today", type=iso_date, metavar="JJJJ-MM-DD", help="datum voor last_reviewed (standaard: vandaag)"
    )
    from_issue.add_argument("--out", metavar="DIR", help="contentmap waarin het bestand komt (standaard: --content)")
    from_issue.add_argument("--comment", metavar="PATH", help="schrijf de reactie voor het issue (Markdown) hierheen")


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


def cmd_summary(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .build import gather
    from .clock import today
    from .contribute.gitbase import atlas_at
    from .contribute.summary import summary_markdown

    base, commit = atlas_at(config.content_dir, args.base)
    head = gather(config)
    print(summary_markdown(base, head, today(args.today), f"`{args.base}` (commit `{commit[:10]}`)"))
    return 0


def add_summary_command(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    summary = command(
        "summary",
        cmd_summary,
        "Vat in Markdown samen wat er sinds een eerdere commit is veranderd: items per soort en nieuwe signalen.",
    )
    summary.add_argument("--base", metavar="REF", required=True, help="vergelijk met deze commit of branch (git)")
    summary.add_argument(
        "--today", type=iso_date, metavar="JJJJ-MM-DD", help="signalen rekenen vanaf deze datum (standaard: vandaag)"
    )


CHECK_LINKS_FINDINGS = 3
"""Exit code of ``atlas check-links`` when the report lists something to do (1 stays: the check itself failed)."""


def cmd_check_links(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .build import gather
    from .clock import today
    from .contribute.linkcheck.check import check_links
    from .contribute.linkcheck.politeness import Politeness, user_agent
    from .contribute.linkcheck.report import has_findings, markdown, text

    # In a workflow run the User-Agent names the repository, so a site owner knows whom to ask.
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    contact = f"{server}/{repository}" if server and repository else None
    politeness = Politeness(
        per_host=args.limit_per_host, delay=args.delay, timeout=args.timeout, user_agent=user_agent(contact)
    )
    report = check_links(gather(config), today(args.today), politeness, args.review_months)
    print(markdown(report) if args.format == "markdown" else text(report), end="")
    return CHECK_LINKS_FINDINGS if has_findings(report) else 0


def positive_number(value: str) -> float:
    """An argparse type: a number above zero."""
    try:
        number = float(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"geen getal: {value!r}") from error
    if not number > 0:
        raise argparse.ArgumentTypeError(f"moet groter dan 0 zijn: {value!r}")
    return number


def positive_integer(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"geen heel getal van 1 of meer: {value!r}")
    return int(value)


def not_negative(value: str) -> float:
    """An argparse type: a number of 0 or more."""
    return 0.0 if value.strip() in ("0", "0.0") else positive_number(value)


def add_check_links_command(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    check = command(
        "check-links",
        cmd_check_links,
        "Controleer elke externe link in de content, beleefd, en zoek items die te lang niet zijn gecontroleerd.",
    )
    check.add_argument(
        "--limit-per-host",
        type=positive_integer,
        metavar="N",
        default=2,
        help="verzoeken tegelijk per website (standaard: 2)",
    )
    check.add_argument(
        "--delay",
        type=not_negative,
        metavar="SECONDEN",
        default=1.0,
        help="pauze tussen twee verzoeken aan dezelfde website (standaard: 1)",
    )
    check.add_argument(
        "--timeout",
        type=positive_number,
        metavar="SECONDEN",
        default=10.0,
        help="wachttijd per verzoek (standaard: 10)",
    )
    check.add_argument("--format", choices=("text", "markdown"), default="text", help="uitvoer (standaard: text)")
    check.add_argument(
        "--review-months",
        type=positive_integer,
        metavar="N",
        default=12,
        help="een item is te laat gecontroleerd als last_reviewed ouder is dan zoveel maanden (standaard: 12)",
    )
    check.add_argument(
        "--today", type=iso_date, metavar="JJJJ-MM-DD", help="rekenen vanaf deze datum (standaard: vandaag)"
    )


def cmd_export(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .exchange.exporting import write_export

    for path in write_export(config, args.format, Path(args.out)):
        print(path)
    return 0


def cmd_import(args: argparse.Namespace, config: AtlasConfig) -> int:
    from .exchange.importing import import_sheet

    result = import_sheet(config, Path(args.file), args.type, update=args.update, dry_run=args.dry_run)
    verb = "zou schrijven" if args.dry_run else "geschreven"
    for path in result.written:
        print(f"nieuw ({verb}): {path}")
    for path in result.updated:
        print(f"bijgewerkt ({verb}): {path}")
    for error in result.errors:
        print(error, file=sys.stderr)
    rows = len({(error.file, error.row) for error in result.errors})
    print(
        f"{len(result.written)} nieuw, {len(result.updated)} bijgewerkt, {len(result.unchanged)} ongewijzigd, "
        f"{rows} {'rij' if rows == 1 else 'rijen'} met fouten.",
        file=sys.stderr if rows else sys.stdout,
    )
    return 1 if result.errors else 0


def add_exchange_commands(command: Callable[[str, Handler, str], argparse.ArgumentParser]) -> None:
    from .exchange.exporting import FORMATS
    from .exchange.importing import IMPORTABLE

    export = command("export", cmd_export, "Schrijf de open data: atlas.json, de CSV-bestanden of het Excel-bestand.")
    export.add_argument("--format", choices=FORMATS, required=True, help="json, csv (per soort ; en ,) of xlsx")
    export.add_argument("--out", metavar="PATH", default=".", help="map voor de bestanden (standaard: hier)")
    imported = command("import", cmd_import, "Lees een spreadsheet in: één contentbestand per rij.")
    imported.add_argument("file", metavar="FILE", help="een .xlsx- of .csv-bestand (; of , als scheiding)")
    imported.add_argument("--type", choices=IMPORTABLE, required=True, help="soort items in het bestand")
    imported.add_argument("--update", action="store_true", help="bestaande items bijwerken (alleen gewijzigde velden)")
    imported.add_argument("--dry-run", action="store_true", help="alleen controleren en melden; niets schrijven")


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"geen geheel getal van minstens 1: {text!r}")
    return int(text)


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
    add_source_options(build)
    build.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="zoveel mkdocs-processen naast elkaar (standaard: één per processorkern, minder bij een kleine site)",
    )
    serve = command("serve", cmd_serve, "Bouw de site en bekijk hem lokaal; ververst bij elke wijziging in de content.")
    serve.add_argument(
        "--dev-addr", metavar="HOST:PORT", default="127.0.0.1:8000", help="adres (standaard: 127.0.0.1:8000)"
    )
    add_source_options(serve)
    serve.add_argument("--docs-dir", metavar="DIR", help="map voor de gegenereerde Markdown (standaard: build/docs/)")
    new = command("new", cmd_new, "Maak een nieuw, geldig sjabloonbestand met uitleg per veld.")
    new.add_argument("type", choices=sorted(KIND_BY_KEY), help="soort item")
    new.add_argument("id", help="id in kleine letters met koppeltekens; wordt de bestandsnaam")
    schemas = command("schemas", cmd_schemas, "Schrijf de JSON Schemas in schemas/ opnieuw uit de modellen.")
    schemas.add_argument("--check", action="store_true", help="alleen controleren of schemas/ actueel is")
    issue_form = command(
        "issue-form", cmd_issue_form, "Schrijf de GitHub-formulieren opnieuw uit de modellen en de content."
    )
    issue_form.add_argument("--check", action="store_true", help="alleen controleren of de formulieren actueel zijn")
    add_match_command(command)
    add_signals_command(command)
    add_summary_command(command)
    add_check_links_command(command)
    add_exchange_commands(command)
    add_from_issue_command(command)
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
