"""Reading reference event files: an ACLED export or a UCDP GED CSV, told apart by header.

Analysts hold these files in whatever shape their download gave them: ACLED's current
export or one from before 2019 (other types, dates like "28-Feb-18"), a file saved
from a spreadsheet ("05 January 2018"), UCDP's GED with its date and place precision
codes. Everything becomes one ``RefEvent`` in rasd's terms (today's ACLED types, rasd's
governorate names, ISO country codes). A bad row is skipped and counted with its line
number; a file that is neither format is refused with a message that names it.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rasd.compare.names import (
    MappedType,
    acled_type,
    admin1_key,
    country_code,
    ucdp_precision,
    ucdp_type,
)

ACLED = "ACLED"
UCDP = "UCDP GED"
MAX_WINDOW_DAYS = 7  # a reference date known only to a longer span cannot say "same day"

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$")
_FORMATS = ("%d %B %Y", "%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%d %b %y", "%B %d, %Y", "%b %d, %Y", "%Y/%m/%d",
            "%d-%B-%Y")
DATE_EXAMPLES = "2018-01-05, 05 January 2018, 05-Jan-18 or 2018-01-05T00:00:00"


class ReferenceError(Exception):
    """A reference file rasd cannot read at all; the message names the file and why."""


@dataclass(frozen=True)
class RowProblem:
    """A row that was skipped: where and why (``line`` is the file's line number)."""

    source: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.problem}"


@dataclass(frozen=True)
class RefEvent:
    """One reference event, in rasd's terms (``mapped`` type, ``admin1`` as the
    gazetteer names it, ISO ``country``), with what it said as written."""

    id: str
    line: int
    date: dt.date
    date_end: dt.date
    time_precision: int
    mapped: MappedType
    original_type: str
    country: str | None
    admin1: str | None
    admin1_raw: str
    location: str
    lat: float | None
    lon: float | None
    geo_precision: int | None
    fatalities: int
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    actor1: str = ""
    actor2: str = ""
    source: str = ""
    notes: str = ""

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def comparable(self) -> bool:
        """Datable to a week and placeable to a governorate: what matching can use."""
        placed = self.has_point or bool(self.admin1)
        return (self.geo_precision is not None and placed
                and (self.date_end - self.date).days < MAX_WINDOW_DAYS)


@dataclass
class ReferenceSet:
    """The events of one reference file (or a folder of files of one format)."""

    path: Path
    format: str
    events: list[RefEvent] = field(default_factory=list)
    rows: int = 0
    skipped: list[RowProblem] = field(default_factory=list)

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        """First and last day the file covers (every readable row counts)."""
        if not self.events:
            return None
        return min(e.date for e in self.events), max(e.date_end for e in self.events)


def parse_date(text: str) -> dt.date:
    """A date in any of the forms reference exports use; ValueError saying which forms
    are understood. Day-first and month-first slashed dates (01/05/2018) are refused:
    they cannot be told apart."""
    value = text.strip()
    m = _ISO.match(value)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date (expected e.g. {DATE_EXAMPLES})")


def _int(value: str | None, column: str, default: int | None = 0) -> int | None:
    if value is None or not value.strip():
        return default
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a number") from None
    if number < 0 or number != int(number):
        raise ValueError(f"{column} {value!r} is not a count")
    return int(number)


def _coordinate(value: str | None, column: str, limit: float) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise ValueError(f"{column} {value} is out of range")
    return number


def _open(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def detect_format(header: Sequence[str]) -> str | None:
    """ACLED or UCDP GED from a header row, or None."""
    columns = {c.strip().lower() for c in header}
    if "type_of_violence" in columns and "date_start" in columns:
        return UCDP
    if "event_type" in columns and columns & {"event_date", "event_date_iso"}:
        return ACLED
    return None


def _acled_event(row: dict[str, str], line: int) -> RefEvent:
    raw_date = row.get("event_date_iso") or row.get("event_date") or ""
    if not raw_date.strip():
        raise ValueError("no event_date")
    day = parse_date(raw_date)
    original = (row.get("event_type") or "").strip()
    mapped = acled_type(original, row.get("sub_event_type"))
    if mapped is None:
        raise ValueError(f"unknown event_type {original!r} (neither ACLED's current nor its 2018 taxonomy)")
    admin1 = (row.get("admin1") or "").strip()
    country = country_code(row.get("country")) or country_code(row.get("iso"))
    ident = row.get("event_id_cnty") or row.get("data_id") or row.get("event_id_no_cnty") or f"line {line}"
    return RefEvent(
        id=ident.strip(), line=line, date=day, date_end=day,
        time_precision=_int(row.get("time_precision"), "time_precision", 1) or 1,
        mapped=mapped, original_type=original, country=country, admin1=admin1_key(admin1), admin1_raw=admin1,
        location=(row.get("location") or "").strip(),
        lat=_coordinate(row.get("latitude"), "latitude", 90), lon=_coordinate(row.get("longitude"), "longitude", 180),
        geo_precision=_int(row.get("geo_precision"), "geo_precision", 1),
        fatalities=_int(row.get("fatalities"), "fatalities") or 0,
        actor1=(row.get("actor1") or "").strip(), actor2=(row.get("actor2") or "").strip(),
        source=(row.get("source") or "").strip(), notes=(row.get("notes") or "").strip())


def _ucdp_event(row: dict[str, str], line: int) -> RefEvent:
    start = parse_date(row.get("date_start") or "")
    end = parse_date(row["date_end"]) if (row.get("date_end") or "").strip() else start
    if end < start:
        raise ValueError(f"date_end {end} before date_start {start}")
    typed = ucdp_type(row.get("type_of_violence") or "")
    if typed is None:
        raise ValueError(f"type_of_violence {row.get('type_of_violence')!r} is not 1, 2 or 3")
    mapped, label = typed
    date_prec = _int(row.get("date_prec"), "date_prec", 1) or 1
    admin1 = (row.get("adm_1") or "").strip()
    best = _int(row.get("best"), "best") or 0
    return RefEvent(
        id=(row.get("id") or f"line {line}").strip(), line=line, date=start, date_end=end,
        time_precision=1 if date_prec == 1 else 2 if date_prec <= 3 else 3,
        mapped=mapped, original_type=f"{row.get('type_of_violence', '').strip()} ({label})",
        country=country_code(row.get("country")) or country_code(row.get("country_id")),
        admin1=admin1_key(admin1), admin1_raw=admin1,
        location=(row.get("where_coordinates") or row.get("where_description") or "").strip(),
        lat=_coordinate(row.get("latitude"), "latitude", 90), lon=_coordinate(row.get("longitude"), "longitude", 180),
        geo_precision=ucdp_precision(row.get("where_prec") or "1"),
        fatalities=best, fatalities_low=_int(row.get("low"), "low", None),
        fatalities_high=_int(row.get("high"), "high", None),
        actor1=(row.get("side_a") or "").strip(), actor2=(row.get("side_b") or "").strip(),
        source=(row.get("source_office") or "").strip(),
        notes=(row.get("source_headline") or row.get("where_description") or "").strip())


_READERS: dict[str, Callable[[dict[str, str], int], RefEvent]] = {ACLED: _acled_event, UCDP: _ucdp_event}


def _rows(reader: csv.DictReader[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows with the line each starts on (a quoted field may span lines)."""
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        yield line, row


def read_file(path: Path) -> ReferenceSet:
    """One reference file; ReferenceError when it cannot be read or is neither format."""
    if not path.exists():
        raise ReferenceError(f"{path}: no such file")
    if path.is_dir():
        raise ReferenceError(f"{path}: is a folder")
    try:
        with _open(path) as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames
            if not header:
                raise ReferenceError(f"{path}: empty file, no header row")
            if any("\x00" in name for name in header):
                raise ReferenceError(f"{path}: a binary file, not a CSV")
            reader.fieldnames = [c.strip().lower() for c in header]
            kind = detect_format(header)
            if kind is None:
                shown = ", ".join(c.strip() for c in header[:8]) + (", ..." if len(header) > 8 else "")
                raise ReferenceError(
                    f"{path}: neither an ACLED export (event_date, event_type, ...) nor a UCDP GED file "
                    f"(type_of_violence, date_start, ...); its header is: {shown}")
            result = ReferenceSet(path, kind)
            make = _READERS[kind]
            for line, row in _rows(reader):
                result.rows += 1
                extra = row.pop(None, None)  # type: ignore[call-overload]
                if extra is not None:
                    result.skipped.append(RowProblem(str(path), line, f"{len(header) + len(extra)} fields, "
                                                                      f"the header has {len(header)}"))
                    continue
                try:
                    result.events.append(make(row, line))
                except ValueError as exc:
                    result.skipped.append(RowProblem(str(path), line, str(exc)))
    except (UnicodeDecodeError, gzip.BadGzipFile, EOFError) as exc:
        raise ReferenceError(f"{path}: not UTF-8 CSV text ({exc.__class__.__name__})") from None
    except csv.Error as exc:
        raise ReferenceError(f"{path}: unreadable CSV ({exc})") from None
    except OSError as exc:
        raise ReferenceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return result


def read_reference(path: Path) -> ReferenceSet:
    """A reference file, or every CSV in a folder (all of one format)."""
    if not path.is_dir():
        return read_file(path)
    files = sorted(p for p in path.iterdir() if p.is_file() and p.name.lower().endswith((".csv", ".csv.gz")))
    if not files:
        raise ReferenceError(f"{path}: a folder with no .csv file")
    parts = [read_file(p) for p in files]
    kinds = {part.format for part in parts}
    if len(kinds) > 1:
        raise ReferenceError(f"{path}: holds both ACLED and UCDP GED files; compare with one at a time")
    combined = ReferenceSet(path, parts[0].format)
    for part in parts:
        combined.events += part.events
        combined.rows += part.rows
        combined.skipped += part.skipped
    return combined
