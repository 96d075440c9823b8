"""``rasd compare``: the command's work, apart from its option parsing in ``rasd.cli``."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.markup import escape

from rasd.compare import output
from rasd.compare.match import DEFAULT, Thresholds
from rasd.compare.names import country_code
from rasd.compare.ours import coverage, load_events, quotes
from rasd.compare.recall import recall_check
from rasd.compare.reference import ReferenceError, read_reference
from rasd.compare.report import SHIFTS, Comparison, compare

SKIPPED_SHOWN = 10


@dataclass
class Options:
    reference: Path
    db: Path
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    thresholds: Thresholds = DEFAULT
    as_json: bool = False
    pairs_csv: Path | None = None
    unmatched_csv: Path | None = None
    geojson: Path | None = None
    show: int = 10
    recall: bool = False
    corpus: list[Path] = field(default_factory=list)
    gazetteer: Path | None = None


def _error(err: Console, message: str) -> int:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return 2


def run(opts: Options, out: TextIO, err: Console) -> int:
    """Run a comparison and write what ``opts`` asks for; the exit code (2: nothing
    could be compared). Skipped reference rows are reported and the run goes on."""
    from rasd.store.db import StoreError, open_store

    if opts.recall and not opts.corpus:
        return _error(err, "--recall-check needs the corpus: --corpus FILE ...")
    country = None
    if opts.country:
        country = country_code(opts.country)
        if country is None:
            return _error(err, f"--country {opts.country!r}: not a country code or name rasd knows")
    try:
        reference = read_reference(opts.reference)
    except ReferenceError as exc:
        return _error(err, str(exc))
    for problem in reference.skipped[:SKIPPED_SHOWN]:
        err.print(f"[yellow]skipped:[/yellow] {escape(str(problem))}", highlight=False, soft_wrap=True)
    if len(reference.skipped) > SKIPPED_SHOWN:
        err.print(f"[yellow]skipped:[/yellow] ... {len(reference.skipped) - SKIPPED_SHOWN} more rows of "
                  f"{escape(str(opts.reference))} (`--json` lists 20)", highlight=False)
    span = reference.span
    if span is None:
        return _error(err, f"{opts.reference}: no readable event ({reference.rows} rows, all skipped)")
    window = (opts.since or span[0], opts.until or span[1])
    if window[1] < window[0]:
        return _error(err, f"--since {window[0]} is after --until {window[1]}")
    pad = dt.timedelta(days=max(SHIFTS) + opts.thresholds.days + 7)
    try:
        conn = open_store(opts.db, create=False)
    except StoreError as exc:
        return _error(err, str(exc))
    try:
        ours = load_events(conn, window[0] - pad, window[1] + pad, country)
        cover = coverage(conn, window[0] - pad, window[1] + pad)
        result = compare(ours, reference, window, country, opts.thresholds, cover)
        listed = [result.ours[i].id for i in output.unmatched_ours(result)]
        listed += [result.ours[p.ours].id for p in output.counted_pairs(result)]
        said = quotes(conn, listed)
        recall = None
        if opts.recall:
            from rasd.config import gazetteer_paths
            from rasd.resolve import gazetteer as gz

            try:
                places = gz.load(gazetteer_paths(opts.gazetteer))
            except gz.GazetteerError as exc:
                return _error(err, str(exc))
            in_window = [r for j, r in enumerate(result.refs) if result.refs_in_window[j]]
            recall = recall_check(in_window, opts.corpus, places, conn, opts.thresholds, opts.show)
            for line in recall["corpus_errors"]:
                err.print(f"[yellow]corpus:[/yellow] {escape(line)}", highlight=False, soft_wrap=True)
        try:
            _write_files(opts, result, said, err)
        except OSError as exc:
            return _error(err, f"{exc.filename}: cannot write ({exc.strerror or exc})")
    finally:
        conn.close()
    if opts.as_json:
        out.write(json.dumps(output.summary(result, said, opts.show, recall), ensure_ascii=False) + "\n")
    else:
        console = Console(file=out, soft_wrap=False, width=None if out.isatty() else 200)
        output.print_summary(result, said, console, opts.show, recall)
    return 0


def _write_files(opts: Options, result: Comparison, said: dict[int, str], err: Console) -> None:
    if opts.pairs_csv:
        with opts.pairs_csv.open("w", encoding="utf-8", newline="") as stream:
            n = output.write_pairs(result, said, stream)
        err.print(f"{n} matched pairs → {escape(str(opts.pairs_csv))}", highlight=False)
    if opts.unmatched_csv:
        with opts.unmatched_csv.open("w", encoding="utf-8", newline="") as stream:
            n = output.write_unmatched(result, said, stream)
        err.print(f"{n} unmatched events → {escape(str(opts.unmatched_csv))}", highlight=False)
    if opts.geojson:
        collection, left_out = output.geojson(result, said)
        output.write_json(collection, opts.geojson)
        note = f" ({left_out} without coordinates left out)" if left_out else ""
        err.print(f"{len(collection['features'])} features → {escape(str(opts.geojson))}{note}", highlight=False)
