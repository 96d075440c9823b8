"""The ``rasd`` command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="rasd: Arabic conflict reporting → ACLED-style event data.")
actors_app = typer.Typer(no_args_is_help=True, help="Inspect and validate the actor dictionary.")
data_app = typer.Typer(no_args_is_help=True, help="Install and inspect the data rasd reads (gazetteer).")
app.add_typer(data_app, name="data")
app.add_typer(actors_app, name="actors")

err = Console(stderr=True)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _published(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint="--published")


def _pipeline(gazetteer: Optional[Path]):  # type: ignore[no-untyped-def]
    from rasd.pipeline import Pipeline
    from rasd.recognize.actors import ActorPackError
    from rasd.resolve.gazetteer import GazetteerError

    try:
        return Pipeline(gazetteer_path=gazetteer)
    except (GazetteerError, ActorPackError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)


def _inter_of(pipeline):  # type: ignore[no-untyped-def]
    def inter(name: Optional[str]) -> Optional[int]:
        actor = pipeline.actors.by_name.get(name) if name else None
        return actor.inter if actor else None
    return inter


def _print_table(events: list, console: Console) -> None:  # type: ignore[type-arg]
    table = Table(show_lines=False, header_style="bold")
    for column in ("date", "prec", "type", "actor1", "actor2", "location", "admin1", "geo", "killed", "conf", "doc"):
        table.add_column(column, overflow="fold")
    for e in events:
        when = f"{e.date}" if e.date == e.date_end else f"{e.date}..{e.date_end}"
        table.add_row(when, str(e.time_precision), e.sub_event_type, e.actor1, e.actor2 or "",
                      f"{e.location or ''} ({e.location_ar or ''})", e.admin1 or "", str(e.geo_precision),
                      str(e.fatalities), f"{e.confidence:.2f}", e.doc_id or "")
    console.print(table)
    console.print(f"{len(events)} event(s)")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Text files, JSONL[.gz] corpora, folders, or - for stdin.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for texts that lack one.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name for texts that lack one.")] = None,
    format: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="Output format (default: table on a terminal, jsonl otherwise).")] = None,
    explain: Annotated[bool, typer.Option(help="Show, for each candidate, the rules that fired and why it was kept or dropped.")] = False,
    min_confidence: Annotated[float, typer.Option(help="Drop events below this confidence.")] = 0.0,
    gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file or folder (default: installed data, else embedded).")] = None,
) -> None:
    """Extract events from documents and print them (jsonl and csv stream as they go)."""
    from rasd.events.assemble import assemble
    from rasd.export.acled import CsvWriter
    from rasd.ingest.files import InputError, read_path

    day = _published(published)
    pipeline = _pipeline(gazetteer)
    fmt = format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.jsonl)
    collected = []
    csv_writer = CsvWriter(sys.stdout, _inter_of(pipeline)) if fmt is OutputFormat.csv else None
    failures = 0
    for path in paths:
        for item in read_path(path, day, outlet):
            if isinstance(item, InputError):
                failures += 1
                err.print(f"[red]error:[/red] {item}", highlight=False, soft_wrap=True)
                continue
            trace: list[dict] | None = [] if explain else None
            try:
                found = assemble(pipeline.analyze(item), pipeline.gazetteer, trace)
            except Exception as exc:  # one bad document never ends the batch
                failures += 1
                err.print(f"[red]error:[/red] {item.id}: extraction failed ({exc.__class__.__name__}: {exc})")
                continue
            found = [e for e in found if e.confidence >= min_confidence]
            if fmt is OutputFormat.jsonl:
                for e in found:
                    sys.stdout.write(json.dumps(e.model_dump(mode="json"), ensure_ascii=False) + "\n")
            elif csv_writer is not None:
                csv_writer.write(found)
            else:
                collected.extend(found)
            for record in trace or []:
                _print_explanation(item.id, record)
    if fmt is OutputFormat.table:
        _print_table(collected, Console(soft_wrap=True, width=None if sys.stdout.isatty() else 220))
    elif fmt is OutputFormat.json:
        sys.stdout.write(json.dumps([e.model_dump(mode="json") for e in collected], ensure_ascii=False, indent=2) + "\n")
    if failures:
        err.print(f"[yellow]{failures} input(s) failed; the others were processed.[/yellow]")
        raise typer.Exit(1)


def _print_explanation(doc_id: str, record: dict) -> None:
    verdict = "kept" if record.get("kept") else f"dropped: {record['dropped']['rule']} {record['dropped'].get('detail', '')}"
    err.print(f"[bold]{doc_id}[/bold] «{record['trigger']}» {', '.join(record['rules'])} → {verdict}",
              highlight=False, soft_wrap=True)
    segment = record["segment"]
    err.print(f"    {segment['start']}-{segment['end']}: {segment['text'][:200]}", highlight=False, soft_wrap=True)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (event-schema.md §6).")],
    corpus: Annotated[list[Path], typer.Option(help="Corpus JSONL[.gz] files holding the gold documents' texts; "
                                                    "`--corpus a.jsonl.gz b.jsonl.gz` (a shell glob) works too.")],
    more_corpora: Annotated[Optional[list[Path]], typer.Argument(help="More corpus files (after --corpus).", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file or folder.")] = None,
) -> None:
    """Score extraction against gold events (event-schema.md §7)."""
    from rasd.events.assemble import assemble
    from rasd.evaluate.runner import GoldError, evaluate as run
    from rasd.evaluate.scorer import format_report

    pipeline = _pipeline(gazetteer)
    try:
        result, missing = run(gold, corpus + (more_corpora or []), lambda doc: assemble(pipeline.analyze(doc), pipeline.gazetteer))
    except GoldError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    if missing:
        err.print(f"[yellow]warning:[/yellow] {len(missing)} gold document(s) not found in the corpus: {', '.join(missing[:5])}")
    if as_json:
        sys.stdout.write(json.dumps(result.figures, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_report(result) + "\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the event record."""
    from rasd.model import event_json_schema

    sys.stdout.write(json.dumps(event_json_schema(), ensure_ascii=False, indent=2) + "\n")


@data_app.command("status")
def data_status() -> None:
    """Say which gazetteer rasd uses, where it came from and how big it is."""
    from rasd.config import data_dir, gazetteer_paths
    from rasd.resolve import gazetteer as gz
    from rasd.resolve.install import read_manifest
    from rich.markup import escape

    paths = [p for p in gazetteer_paths() if p != gz.regions_source()]
    try:
        g = gz.load(paths)
        regions = gz.load([gz.regions_source()])
    except gz.GazetteerError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True, highlight=False)
        raise typer.Exit(2)
    embedded = paths[0] == gz.embedded_source()
    print(f"data directory: {data_dir()}")
    if embedded:
        print("gazetteer: embedded default (governorates and capitals only); "
              "`rasd data install` downloads GeoNames places for Syria and Iraq")
    else:
        print(f"gazetteer: {', '.join(map(str, paths))}")
    manifest = None if embedded else read_manifest()
    if manifest:
        print(f"installed: {manifest.get('installed', '?')} from {manifest.get('source', '?')}")
        for f in manifest.get("files", []):
            print(f"  {f.get('name')}  sha256 {f.get('sha256')}  ({f.get('origin')})")
    counts: dict[str, int] = {}
    for p in g.places:
        counts[p.country] = counts.get(p.country, 0) + 1
    print(f"places: {len(g)} ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
    print(f"plus rasd's own regions and bases (الغوطة، الجولان، التيفور ...): {len(regions)}")
    if manifest:
        for country, figures in manifest.get("by_country", {}).items():
            features = ", ".join(f"{k} {v}" for k, v in figures.get("features", {}).items())
            print(f"  {country}: {figures.get('places')} ({features})")
        if manifest.get("places") != len(g):
            err.print(f"[yellow]warning:[/yellow] the manifest records {manifest.get('places')} places but the "
                      f"files now give {len(g)}; they were changed after `rasd data install`", soft_wrap=True)


@data_app.command("install")
def data_install(
    source: Annotated[Optional[str], typer.Option(
        "--from", metavar="PATH_OR_URL",
        help="A gazetteer folder or file (rasd CSV, or GeoNames XX.zip/XX.txt), or a URL of one. "
             "Default: download the GeoNames dumps of --countries.")] = None,
    countries: Annotated[Optional[str], typer.Option(
        metavar="SY,IQ", help="Country codes to install, comma-separated (default: SY,IQ when downloading; all in the source otherwise).")] = None,
    sha256: Annotated[Optional[list[str]], typer.Option(
        metavar="HEX", help="Expected SHA-256 of each source file, in order (repeat or comma-separate).")] = None,
) -> None:
    """Download or copy a gazetteer, validate and index it, and install it into the data
    directory, all or nothing."""
    from rasd.resolve.install import InstallError, install_gazetteer
    from rich.markup import escape

    try:
        report = install_gazetteer(source, countries, sha256, console=err)
    except InstallError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True, highlight=False)
        raise typer.Exit(2)
    print(report)


@actors_app.command("check")
def actors_check(
    pack: Annotated[Optional[Path], typer.Argument(help="An actor pack (YAML); default: the one rasd ships.")] = None,
) -> None:
    """Validate an actor pack: required fields, inter codes, kinds, dates, and aliases
    shared by two actors in overlapping periods."""
    import yaml

    from rasd.data import data_path
    from rasd.recognize.actors import check_pack

    path = pack or Path(str(data_path("actors.yaml")))
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        err.print(f"[red]error:[/red] {path}: cannot read actor pack ({exc})", highlight=False)
        raise typer.Exit(2)
    problems = check_pack(raw, str(path))
    for problem in problems:
        err.print(f"[red]error:[/red] {problem}", highlight=False, soft_wrap=True)
    if problems:
        raise typer.Exit(1)
    actors = raw["actors"]
    aliases = sum(len(a.get("aliases_ar") or []) for a in actors)
    print(f"{path}: {len(actors)} actors, {aliases} Arabic aliases, no problems")


@actors_app.command("list")
def actors_list() -> None:
    """The canonical actor names with their ACLED inter codes."""
    from rasd.recognize.actors import load_pack

    table = Table(header_style="bold")
    for column in ("name", "inter", "kind", "country", "valid"):
        table.add_column(column)
    for actor in load_pack().actors:
        valid = f"{actor.valid_from or ''}..{actor.valid_to or ''}" if actor.valid_from or actor.valid_to else ""
        table.add_row(actor.name, str(actor.inter), actor.kind, actor.country or "", valid)
    Console(width=None if sys.stdout.isatty() else 160).print(table)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
