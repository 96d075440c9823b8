"""Events as a Parquet table with typed columns (dates as dates, counts as integers,
coordinates as floats), so pandas, DuckDB or Arrow readers need no parsing. The
columns are the ACLED CSV's, in the same order, from the same ``acled_row``."""

from __future__ import annotations

import datetime as dt
from typing import IO, Callable, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from rasd.export.acled import ACLED_COLUMNS, RASD_COLUMNS, acled_row
from rasd.model import Event

_INTS = {"year", "time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities",
         "timestamp", "fatalities_low", "fatalities_high"}
_FLOATS = {"latitude", "longitude", "confidence"}
_DATES = {"event_date", "date_end"}


def _type(column: str) -> pa.DataType:
    if column in _INTS:
        return pa.int64()
    if column in _FLOATS:
        return pa.float64()
    if column in _DATES:
        return pa.date32()
    return pa.string()


SCHEMA = pa.schema([pa.field(c, _type(c)) for c in ACLED_COLUMNS + RASD_COLUMNS])


def _cell(column: str, value: object) -> object:
    if value == "" or value is None:
        return None
    if column in _INTS:
        return int(value)  # type: ignore[call-overload]
    if column in _FLOATS:
        return float(value)  # type: ignore[arg-type]
    if column in _DATES:
        return dt.date.fromisoformat(str(value))
    return str(value)


def table(events: Iterable[tuple[int, Event]], inter_of: Callable[[str | None], int | None]) -> pa.Table:
    rows = [acled_row(event, number, inter_of) for number, event in events]
    return pa.Table.from_pydict({c: [_cell(c, r[c]) for r in rows] for c in SCHEMA.names}, schema=SCHEMA)


def write(events: Iterable[tuple[int, Event]], inter_of: Callable[[str | None], int | None],
          sink: str | IO[bytes]) -> int:
    """Write the events to ``sink`` (a path or a binary stream); return how many."""
    data = table(events, inter_of)
    pq.write_table(data, sink)
    return data.num_rows
