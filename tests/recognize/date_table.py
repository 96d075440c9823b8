"""Reading the date test table and checking rasd's dates against it (used by the test
suite and by bench/dates.py)."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

TABLE = Path(__file__).with_name("date_table.tsv")


@dataclass(frozen=True)
class Row:
    article_id: str
    published: dt.date
    expression: str
    date: str | None
    date_end: str | None
    precision: int | None
    category: str


def rows() -> list[Row]:
    with open(TABLE, encoding="utf-8", newline="") as handle:
        return [Row(r["article_id"], dt.date.fromisoformat(r["published"]), r["expression"],
                    r["date"] or None, r["date_end"] or None,
                    int(r["time_precision"]) if r["time_precision"] else None, r["category"])
                for r in csv.DictReader(handle, delimiter="\t")]


def rasd_resolution(row: Row) -> tuple[str | None, str | None, int | None]:
    """What rasd reads in the expression alone, anchored on the row's publication date:
    the longest date mention found."""
    from rasd.recognize.dates import find_dates
    from rasd.text.normalize import normalize

    found = find_dates(normalize(row.expression), row.published)
    if not found:
        return None, None, None
    best = max(found, key=lambda d: d.end - d.start)
    return best.value["date"], best.value["date_end"], best.value["precision"]


def expected(row: Row) -> tuple[str | None, str | None, int | None]:
    return row.date, row.date_end, row.precision
