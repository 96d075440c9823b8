"""The ``rasd`` command line."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="rasd: Arabic conflict reporting → ACLED-style event data.")
actors_app = typer.Typer(no_args_is_help=True, help="Inspect and validate the actor dictionary.")
data_app = typer.Typer(no_args_is_help=True, help="Install and inspect the data rasd reads (gazetteer).")
app.add_typer(data_app, name="data")
app.add_typer(actors_app, name="actors")

err = Console(stderr=True)


class Grouping(str, Enum):
    """What ``rasd evaluate --by`` groups the figures by: the articles' outlet or year
    (rasd.evaluate.runner.groups_of), or the events' type."""

    outlet = "outlet"
    year = "year"
    type = "type"  # the event type: not a group of articles (rasd.evaluate.scorer.by_event_type)


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
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint="--published") from None


def _pipeline(gazetteer: Optional[Path]):
    from rasd.pipeline import Pipeline
    from rasd.recognize.actors import ActorPackError
    from rasd.resolve.gazetteer import GazetteerError

    try:
        return Pipeline(gazetteer_path=gazetteer)
    except (GazetteerError, ActorPackError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def _inter_of(pipeline):
    def inter(name: Optional[str]) -> Optional[int]:
        actor = pipeline.actors.by_name.get(name) if name else None
        return actor.inter if actor else None
    return inter


def _print_table(events: list, console: Console) -> None:
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
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on loopback/private addresses (refused by default: SSRF).")] = False,
    doc_timeout: Annotated[float, typer.Option(min=0, metavar="SECONDS", help="Time limit per document (0: none); a slower one fails, the run goes on.")] = 60.0,
) -> None:
    """Extract events from documents and print them (jsonl and csv stream as they go).
    Inputs: text, HTML, JSONL[.gz], RSS/Atom feeds, WARC files, folders, URLs, or -."""
    from rich.markup import escape

    from rasd.events.assemble import assemble
    from rasd.export.acled import CsvWriter
    from rasd.ingest.files import BadInput, Skipped, read_path
    from rasd.store.ingest import DocumentTimeout, time_limit, too_slow

    day = _published(published)
    pipeline = _pipeline(gazetteer)
    fmt = format or (OutputFormat.table if sys.stdout.isatty() else OutputFormat.jsonl)
    collected = []
    csv_writer = CsvWriter(sys.stdout, _inter_of(pipeline)) if fmt is OutputFormat.csv else None
    failures = 0
    for path in paths:
        for item in read_path(path, day, outlet, allow_private=allow_private):
            if isinstance(item, Skipped):  # not Arabic: recorded, not a failure
                err.print(f"[yellow]note:[/yellow] {escape(str(item))}", highlight=False, soft_wrap=True)
                continue
            if isinstance(item, BadInput):
                failures += 1
                err.print(f"[red]error:[/red] {escape(str(item))}", highlight=False, soft_wrap=True)
                continue
            trace: list[dict] | None = [] if explain else None
            try:
                with time_limit(doc_timeout):
                    found = assemble(pipeline.analyze(item, stop_outside_coverage=trace is None), pipeline.gazetteer, trace)
            except DocumentTimeout:
                failures += 1
                err.print(f"[red]error:[/red] {escape(item.id)}: {too_slow(doc_timeout)}", highlight=False, soft_wrap=True)
                continue
            except Exception as exc:  # one bad document never ends the batch
                failures += 1
                err.print(f"[red]error:[/red] {escape(item.id)}: extraction failed ({exc.__class__.__name__}: "
                          f"{escape(str(exc))})", highlight=False, soft_wrap=True)
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
    corpus: Annotated[Optional[list[Path]], typer.Option(help="Corpus JSONL[.gz] files holding the gold documents' texts; "
                                                              "`--corpus a.jsonl.gz b.jsonl.gz` (a shell glob) works too.")] = None,
    more_corpora: Annotated[Optional[list[Path]], typer.Argument(help="More corpus files (after --corpus).", show_default=False)] = None,
    pred: Annotated[Optional[Path], typer.Option(help="Score the events of this file instead of extracting them: another "
                                                      "coder's gold (agreement) or `rasd extract --format jsonl` output.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file or folder.")] = None,
    bootstrap: Annotated[int, typer.Option(help="Give each figure a 95% interval from this many resamples of the gold "
                                                "documents (0: none; 1000 is plenty).", min=0)] = 0,
    compare: Annotated[Optional[Path], typer.Option(help="Another file of events (`rasd extract --format jsonl` of other "
                                                         "code, or another coder's gold): each figure's difference from "
                                                         "it on the same documents, with its interval (paired bootstrap).")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the resampling (the same seed gives the same intervals).")] = 0,
    save_pred: Annotated[Optional[Path], typer.Option(help="Also write the events extracted and scored to this file "
                                                           "(JSONL, as `rasd extract --format jsonl`), for --pred or "
                                                           "--compare later.")] = None,
    by: Annotated[Optional[Grouping], typer.Option(help="Also give the main figures of each outlet (read from the corpus), "
                                                       "each year of publication or each event type, with intervals "
                                                       "under --bootstrap.")] = None,
) -> None:
    """Score extraction (or a file of events, --pred) against gold events (event-schema.md §7)."""
    from rasd.evaluate.bootstrap import (
        DEFAULT_LEVEL,
        DEFAULT_SAMPLES,
        Bootstrap,
        by_group,
        by_type,
        format_differences,
        format_groups,
    )
    from rasd.evaluate.runner import GoldError, groups_of, load_predictions, score_against, score_file
    from rasd.evaluate.runner import evaluate as run
    from rasd.evaluate.scorer import format_report

    corpora = (corpus or []) + (more_corpora or [])
    if pred is None and not corpora:
        raise typer.BadParameter("give the corpus holding the gold texts (--corpus), or --pred FILE", param_hint="--corpus")
    if pred is not None and save_pred is not None:
        raise typer.BadParameter("--pred scores events already saved; --save-pred saves the events of an extraction",
                                 param_hint="--save-pred")
    # (said before the extraction, not after it)
    if save_pred is not None and (save_pred.is_dir() or not save_pred.parent.is_dir()):
        why = "it is a folder" if save_pred.is_dir() else f"no folder {save_pred.parent}"
        raise typer.BadParameter(f"{save_pred}: cannot write the events ({why})", param_hint="--save-pred")
    missing: list[str] = []
    try:
        compared = load_predictions(compare) if compare is not None else None
        group_of = groups_of(gold, corpora, by.value) if by is not None and by is not Grouping.type else None
        if pred is not None:
            result = score_file(gold, pred)
        else:
            pipeline = _pipeline(gazetteer)
            result, missing = run(gold, corpora, pipeline.extract, save_pred)
        other = score_against(compared, result) if compared is not None else None
    except GoldError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if missing:
        err.print(f"[yellow]warning:[/yellow] {len(missing)} gold document(s) not found in the corpus: {', '.join(missing[:5])}"
                  + (f"; {save_pred} holds the events of the others only, and a later --pred scores these as having "
                     "none" if save_pred is not None else ""))
    ignored = 0  # articles of the --compare file outside those scored (a file for several gold parts has some)
    if compared is not None:
        scored = {t.doc_id for t in result.tallies}
        ignored = len(set(compared) - scored)
        if scored and not scored & set(compared):
            err.print(f"[yellow]warning:[/yellow] {compare} has events of none of the {len(scored)} articles scored: "
                      "it is compared as predicting nothing on them")
    samples = bootstrap or (DEFAULT_SAMPLES if compare is not None else 0)
    resampling = Bootstrap(samples, DEFAULT_LEVEL, seed) if samples else None
    intervals = resampling.intervals(result.tallies) if resampling and bootstrap else None
    differences = resampling.differences(result.tallies, other.tallies) if resampling and other is not None else None
    groups = by_group(result.tallies, group_of, resampling if bootstrap else None) if group_of is not None \
        else by_type(result, resampling if bootstrap else None) if by is Grouping.type else None
    if as_json:
        figures: dict[str, Any] = dict(result.figures)
        if result.calibration is not None:
            figures["calibration"] = result.calibration.as_dict()
        if resampling is not None:
            figures["bootstrap"] = {"samples": resampling.samples, "level": resampling.level, "seed": seed,
                                    "unit": "document"}
        if intervals is not None:
            figures["intervals"] = _interval_lists(intervals)
        if other is not None and differences is not None:
            figures["compared_with"] = {"file": str(compare), "ignored_articles": ignored, "figures": other.figures, "differences": {
                k: None if d is None else {"value": d.value, "low": d.low, "high": d.high, "share_higher": d.share_a_higher}
                for k, d in differences.items()}}
        if by is not None and groups is not None:
            figures["by"] = {"key": by.value, "groups": {name: {
                "figures": entry["figures"],
                **({"intervals": _interval_lists(entry["intervals"])} if "intervals" in entry else {})}
                for name, entry in groups.items()}}
        sys.stdout.write(json.dumps(figures, ensure_ascii=False) + "\n")
    else:
        from rasd.evaluate.calibration import format_calibration

        report = format_report(result, intervals, DEFAULT_LEVEL)
        if resampling is not None and differences is not None:
            report += "\n" + format_differences(differences, str(compare), resampling, ignored)
        if by is not None and groups is not None:
            report += "\n" + format_groups(groups, by.value)
        if result.calibration is not None:
            report += "\n\n" + format_calibration(result.calibration)
        sys.stdout.write(report + "\n")


def _interval_lists(intervals: dict[str, Any]) -> dict[str, list[float] | None]:
    """Intervals (``rasd.evaluate.bootstrap.Interval``) as ``[low, high]`` for JSON."""
    return {k: None if v is None else [v.low, v.high] for k, v in intervals.items()}


@app.command()
def schema() -> None:
    """Print the JSON Schema of the event record."""
    from rasd.model import event_json_schema

    sys.stdout.write(json.dumps(event_json_schema(), ensure_ascii=False, indent=2) + "\n")


@data_app.command("status")
def data_status() -> None:
    """Say which gazetteer rasd uses, where it came from and how big it is."""
    from rich.markup import escape

    from rasd.config import data_dir, gazetteer_paths
    from rasd.resolve import gazetteer as gz
    from rasd.resolve.install import read_manifest

    paths = [p for p in gazetteer_paths() if p != gz.regions_source()]
    try:
        g = gz.load(paths)
        regions = gz.load([gz.regions_source()])
    except gz.GazetteerError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True, highlight=False)
        raise typer.Exit(2) from None
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
    print(f"plus rasd's own regions, bases and quarters (الغوطة، الجولان، التيفور، جوبر ...): {len(regions)}")
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
    from rich.markup import escape

    from rasd.resolve.install import InstallError, install_gazetteer

    try:
        report = install_gazetteer(source, countries, sha256, console=err)
    except InstallError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True, highlight=False)
        raise typer.Exit(2) from None
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
        raise typer.Exit(2) from None
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


# --- corpus store: ingest, events, merge ----------------------------------------------


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


def _store_error(exc: Exception) -> typer.Exit:
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Text files, JSONL[.gz] corpora, folders, or - for stdin.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store (created when missing).")],
    workers: Annotated[Optional[int], typer.Option(min=1, help="Extraction processes (default: one per CPU).", show_default=False)] = None,
    batch: Annotated[int, typer.Option(min=1, help="Documents per committed transaction.")] = 100,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for texts that lack one.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name for texts that lack one.")] = None,
    gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file or folder (default: installed data, else embedded).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="ADDRESS", help="Extract on a Dask cluster: a scheduler address (tcp://host:port), or 'local' for a local cluster of --workers processes (default 2). Needs rasd[dask].")] = None,
    doc_timeout: Annotated[float, typer.Option(min=0, metavar="SECONDS", help="Time limit per document (0: none); a slower one fails, a stuck worker is replaced.")] = 60.0,
) -> None:
    """Extract documents into a store. Unchanged documents are skipped, changed ones
    replaced; an interrupted run resumes when the same command is run again."""
    import os

    from rich.markup import escape

    from rasd.store.db import StoreError
    from rasd.store.ingest import IngestError
    from rasd.store.ingest import ingest as run

    day = _published(published)
    try:
        report = run(sources, db, workers=workers or (2 if dask else max(1, os.cpu_count() or 1)), batch_size=batch,
                     published=day, outlet=outlet, gazetteer_path=gazetteer, console=err,
                     command=" ".join(["rasd", *sys.argv[1:]]), dask=dask, doc_timeout=doc_timeout)
    except (StoreError, IngestError) as exc:
        raise _store_error(exc) from None
    except KeyboardInterrupt:
        err.print("[yellow]interrupted:[/yellow] committed batches are kept; run the same command again to resume")
        raise typer.Exit(130) from None
    if report.resumed_from:
        print(f"resumed after an interrupted run (started {report.resumed_from})")
    rate = report.extracted / report.seconds if report.seconds else 0.0
    print(f"{report.extracted + report.unchanged} documents in {report.seconds:.1f} s ({rate:.1f} docs/s extracted): "
          f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
          f"{report.failed} failed; {report.bad_inputs} bad input(s); {report.skipped} skipped; "
          f"{report.events} new event(s)")
    if report.outside_coverage:
        print(f"{report.outside_coverage} document(s) wholly about a country rasd does not cover (naming Syria and "
              "Iraq nowhere): stored without mentions, no events sought")
    t = report.totals
    print(f"{db}: {t['documents']} documents, {t['events']} per-document events, {t['merged']} events after "
          f"merging ({t['multi_source']} reported by 2+ documents)")
    for line in report.notes[:20]:
        err.print(f"[yellow]note:[/yellow] {escape(line)}", highlight=False, soft_wrap=True)
    for line in report.errors[:20]:
        err.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)
    if len(report.errors) > 20:
        err.print(f"... and {len(report.errors) - 20} more (table `errors` in {db})", highlight=False)
    if report.errors:
        raise typer.Exit(1)


def _bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    from rasd.store.db import parse_bbox

    try:
        return parse_bbox(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--bbox") from None


def _print_stored_table(records: list[dict], console: Console) -> None:
    table = Table(header_style="bold")
    for column in ("id", "date", "prec", "type", "actor1", "actor2", "location", "admin1", "killed", "docs", "conf"):
        table.add_column(column, overflow="fold")
    for r in records:
        when = r["date"] if r["date"] == r["date_end"] else f"{r['date']}..{r['date_end']}"
        killed = str(r["fatalities"]) if r.get("fatalities_high") in (None, r["fatalities"]) \
            else f"{r['fatalities']}-{r['fatalities_high']}"
        docs = r.get("doc_ids") or [r.get("doc_id")]
        table.add_row(str(r["id"]), str(when), str(r["time_precision"]), r["sub_event_type"], r["actor1"],
                      r["actor2"] or "", f"{r['location'] or ''} ({r['location_ar'] or ''})", r["admin1"] or "",
                      killed, f"{len(docs)} docs" if len(docs) > 1 else str(docs[0]), f"{r['confidence']:.2f}")
    console.print(table)
    console.print(f"{len(records)} event(s)")


@app.command()
def events(
    db: Annotated[Path, typer.Option("--db", help="SQLite store written by `rasd ingest`.")],
    since: Annotated[Optional[str], typer.Option(help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events on or before YYYY-MM-DD.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO code (SY) or name (Syria).")] = None,
    admin1: Annotated[Optional[str], typer.Option(help="Governorate (English name).")] = None,
    types: Annotated[Optional[list[str]], typer.Option("--type", help="Event type or sub-event type (repeatable).")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor1 or actor2 containing this (case-insensitive).")] = None,
    bbox: Annotated[Optional[str], typer.Option(help="min_lon,min_lat,max_lon,max_lat")] = None,
    min_confidence: Annotated[float, typer.Option(help="Only events at or above this confidence.")] = 0.0,
    per_document: Annotated[bool, typer.Option(help="The events of each document, before cross-article merging.")] = False,
    review: Annotated[Optional[str], typer.Option(help="Review state: all, unreviewed, confirmed, rejected, corrected (default: all but rejected).")] = None,
    format: Annotated[Optional[EventsFormat], typer.Option("--format", "-f", help="Output format (default: table on a terminal, jsonl otherwise).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Query the store: cross-article events (or --per-document ones) as a table, JSON,
    ACLED CSV, GeoJSON or Parquet."""
    from rasd.model import Event
    from rasd.recognize.actors import load_pack
    from rasd.store.db import REVIEW_STATES, Filters, StoreError, open_store, query_events

    if review is not None and review not in REVIEW_STATES:
        raise typer.BadParameter(f"{review!r}: use one of {', '.join(REVIEW_STATES)}", param_hint="--review")
    filters = Filters(since=_published(since), until=_published(until), country=country, admin1=admin1,
                      types=types or [], actor=actor, bbox=_bbox(bbox), min_confidence=min_confidence,
                      review=review)
    try:
        conn = open_store(db, create=False)
        records = query_events(conn, filters, per_document)
        conn.close()
    except StoreError as exc:
        raise _store_error(exc) from None
    fmt = format or (EventsFormat.table if sys.stdout.isatty() and output is None else EventsFormat.jsonl)
    if fmt is EventsFormat.parquet and output is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give --output FILE (or redirect stdout)", param_hint="--format")
    by_name = load_pack().by_name

    def inter_of(name: Optional[str]) -> Optional[int]:
        found = by_name.get(name) if name else None
        return found.inter if found else None

    numbered = [(r["id"], Event.model_validate(r)) for r in records]
    if fmt is EventsFormat.parquet:
        from rasd.errors import need

        need("parquet", "pyarrow")
        from rasd.export import parquet

        parquet.write(numbered, inter_of, str(output) if output else sys.stdout.buffer)
        return
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt is EventsFormat.table:
            _print_stored_table(records, Console(file=stream, soft_wrap=True,
                                                 width=None if stream.isatty() else 220))
        elif fmt is EventsFormat.json:
            stream.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        elif fmt is EventsFormat.jsonl:
            stream.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        elif fmt is EventsFormat.csv:
            import csv

            from rasd.export.acled import ACLED_COLUMNS, RASD_COLUMNS, acled_row

            # acled_row numbered by store id, so re-exports keep each event's event_id_cnty
            writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS + RASD_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(acled_row(event, number, inter_of) for number, event in numbered)
        else:
            from rasd.export.geojson import feature_collection

            collection, left_out = feature_collection(numbered, inter_of)
            stream.write(json.dumps(collection, ensure_ascii=False) + "\n")
            if left_out:
                err.print(f"[yellow]warning:[/yellow] {left_out} event(s) without coordinates left out of the GeoJSON")
    finally:
        if output:
            stream.close()


@app.command()
def merge(
    db: Annotated[Path, typer.Option("--db", help="SQLite store written by `rasd ingest`.")],
    explain: Annotated[bool, typer.Option(help="List every event merged from 2+ documents with the reason.")] = False,
) -> None:
    """Recompute cross-article merges from the per-document events (which merging never
    changes) and say what was merged."""
    from rasd.store import merge as merging
    from rasd.store import references
    from rasd.store.db import StoreError, open_store, summary, transaction

    try:
        conn = open_store(db, create=False)
        with transaction(conn):
            merging.rebuild(conn)
        totals, merged = summary(conn), merging.explain(conn)
        linked = references.links(conn)
        conn.close()
    except StoreError as exc:
        raise _store_error(exc) from None
    print(f"{totals['events']} per-document events → {totals['merged']} events "
          f"({totals['multi_source']} reported by 2+ documents); "
          f"{len(linked)} references to earlier events linked to {len({x.merged_id for x in linked})} of them")
    for merged_id, n_docs, reason in merged if explain else []:
        print(f"\nevent {merged_id} ({n_docs} documents):")
        for line in reason.splitlines():
            print(f"  {line}")
    for link in linked if explain else []:
        print(f"\n{link.doc_id} refers to event {link.merged_id} (reference_to_earlier_event): {link.quote[:160]}")


class TypeRule(str, Enum):
    type = "type"
    sub = "sub"
    any = "any"


@app.command()
def compare(
    reference: Annotated[Path, typer.Option("--reference", help="ACLED export or UCDP GED CSV (format told by its header), or a folder of them.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite store written by `rasd ingest`.")] = Path("events.sqlite"),
    since: Annotated[Optional[str], typer.Option(help="First day compared, YYYY-MM-DD (default: the reference's first).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Last day compared, YYYY-MM-DD (default: the reference's last).")] = None,
    country: Annotated[Optional[str], typer.Option(help="Only this country: ISO code (SY) or name (Syria).")] = None,
    days: Annotated[int, typer.Option(min=0, max=30, help="Dates at most this many days apart.")] = 2,
    km: Annotated[float, typer.Option(min=0.0, help="Places at most this far apart (km).")] = 25.0,
    type_rule: Annotated[TypeRule, typer.Option("--type", help="same event type, same sub-event type (where the reference has one), or any.")] = TypeRule.type,
    admin1_rule: Annotated[bool, typer.Option("--admin1-rule/--no-admin1-rule", help="Same governorate, not distance, when either event is only located to one.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as one JSON object.")] = False,
    pairs_csv: Annotated[Optional[Path], typer.Option("--pairs-csv", help="Write the matched pairs to this CSV.")] = None,
    unmatched_csv: Annotated[Optional[Path], typer.Option("--unmatched-csv", help="Write the unmatched events of both sides to this CSV.")] = None,
    geojson: Annotated[Optional[Path], typer.Option("--geojson", help="Write matched, rasd-only and reference-only events as GeoJSON (property `layer`).")] = None,
    show: Annotated[int, typer.Option(min=0, help="Unmatched events listed per side.")] = 10,
    recall_check: Annotated[bool, typer.Option("--recall-check", help="Of the reference events with 10+ deaths the corpus carried, how many rasd coded (needs --corpus).")] = False,
    corpus: Annotated[Optional[list[Path]], typer.Option(help="Corpus JSONL[.gz] files for --recall-check; `--corpus a.jsonl.gz b.jsonl.gz` (a shell glob) works too.")] = None,
    more_corpora: Annotated[Optional[list[Path]], typer.Argument(help="More corpus files (after --corpus).", show_default=False)] = None,
    gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer for the Arabic names of reference places (default: installed, else embedded).")] = None,
) -> None:
    """Compare the store's events with a reference dataset (ACLED, UCDP GED): match
    rates beside their chance level (rasd's dates shifted by ±7 and ±14 days), by type,
    governorate, precision and outlet, and the unmatched events of both sides."""
    from rasd.compare.command import Options, run
    from rasd.compare.match import Thresholds

    options = Options(reference=reference, db=db, since=_published(since), until=_published(until), country=country,
                      thresholds=Thresholds(days=days, km=km, type_rule=type_rule.value, admin1_rule=admin1_rule),
                      as_json=as_json, pairs_csv=pairs_csv, unmatched_csv=unmatched_csv, geojson=geojson, show=show,
                      recall=recall_check or bool(corpus or more_corpora),
                      corpus=list(corpus or []) + list(more_corpora or []), gazetteer=gazetteer)
    code = run(options, sys.stdout, err)
    if code:
        raise typer.Exit(code)


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="SQLite store (created if missing).")],
    host: Annotated[str, typer.Option(help="Address to listen on; reads need the token unless it is loopback.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option(envvar="RASD_TOKEN", help="Token for writes (corrections, extract, ingest); without one, writes are refused.")] = None,
    tiles: Annotated[Optional[str], typer.Option(help="Basemap tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: plain background).")] = None,
    gazetteer: Annotated[Optional[Path], typer.Option(help="Gazetteer file/folder (default: installed data, else embedded).")] = None,
    allow_private: Annotated[bool, typer.Option(help="Let /api/ingest fetch URLs on loopback/private addresses.")] = False,
    reference: Annotated[Optional[Path], typer.Option(help="ACLED or UCDP GED file: its events as a map layer, and each event's match.")] = None,
    allowed_host: Annotated[Optional[list[str]], typer.Option(help="Another name the server is reached by (the Host header; repeatable, * for any). Default: the --host, localhost, 127.0.0.1, ::1.")] = None,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) and the review page at /."""
    from rasd.errors import need

    need("serve", "fastapi", "uvicorn")
    from rasd.compare.reference import ReferenceError
    from rasd.serve.app import Settings, create_app, is_loopback, run
    from rasd.store.db import StoreError

    if not is_loopback(host) and not token:
        err.print("[yellow]warning:[/yellow] not on loopback and no token: every request will be refused")
    try:
        web = create_app(Settings(db_path=db, token=token, host=host, gazetteer_path=gazetteer, tile_url=tiles,
                                  allow_private=allow_private, reference_path=reference,
                                  allowed_hosts=allowed_host or []))
    except (StoreError, ReferenceError) as exc:
        raise _store_error(exc) from None
    err.print(f"rasd: review page at http://{host}:{port}/ · API docs at http://{host}:{port}/docs")
    run(web, host, port)


def _register_alerts() -> None:
    from rasd.alerts.cli import register  # watch, watch-status, digest, subscriptions

    register(app)


_register_alerts()


def _version(value: bool) -> None:
    if value:
        from rasd import __version__

        print(f"rasd {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="On an unexpected error, print the whole traceback.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="Log what happens at run time (-vv: in detail).")] = 0,
) -> None:
    """rasd: Arabic conflict reporting → ACLED-style event data."""
    _DEBUG[0] = debug
    configure_logging(logging.DEBUG if verbose > 1 or debug else logging.INFO if verbose else logging.WARNING)


_DEBUG = [False]  # --debug, read by main() when a command fails


def configure_logging(level: int) -> None:
    """Send the "rasd" loggers' records to stderr, one line each (no change when the
    host program has configured the "rasd" logger itself)."""
    logger = logging.getLogger("rasd")
    logger.setLevel(level)
    if not any(getattr(h, "_rasd_cli", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("rasd: %(levelname)s %(name)s: %(message)s"))
        handler._rasd_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def main(argv: list[str] | None = None) -> None:
    """The ``rasd`` command: rasd's own errors (bad input, data, store) are one line and
    exit 2; anything else is a bug, said in one line (the traceback with --debug) with
    exit 1, never a bare traceback."""
    from rich.markup import escape

    from rasd.errors import RasdError

    try:
        app(args=argv)  # usage errors and exit codes are handled there (and exit)
    except RasdError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise SystemExit(2) from None
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        if _DEBUG[0]:
            err.print_exception()
        else:
            err.print(f"[red]error:[/red] unexpected {exc.__class__.__name__}: {escape(str(exc))} "
                      "(run with --debug for the traceback)", highlight=False, soft_wrap=True)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
