"""A comparison as a terminal summary, one JSON object, CSVs of pairs and unmatched
events, and GeoJSON layers (matched, rasd-only, reference-only) for QGIS."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rasd.compare.match import Pair
from rasd.compare.ours import OurEvent
from rasd.compare.reference import RefEvent
from rasd.compare.report import BREAKDOWNS, Comparison, Rate

SIDE_NAMES = {"ours": "rasd", "refs": "reference"}
BREAKDOWN_TITLES = {"event_type": "event type", "admin1": "governorate", "geo_precision": "geo precision"}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _lift(rate: Rate) -> str:
    return "–" if rate.lift is None else f"{rate.lift:.2f}×"


def _pts(rate: Rate) -> str:
    return "–" if rate.excess is None else f"{100 * rate.excess:+.1f}"


def _window(start: Any, end: Any) -> str:
    return f"{start}" if start == end else f"{start}..{end}"


# --- the events each list shows -------------------------------------------------------

def unmatched_ours(c: Comparison) -> list[int]:
    """rasd events the reference does not have, most widely reported first."""
    run = c.main.real
    left = [i for i, o in enumerate(c.ours) if run.ours_counted[i] and i not in run.matching.by_ours]
    return sorted(left, key=lambda i: (-len(c.ours[i].doc_ids), -c.ours[i].fatalities, c.ours[i].date, c.ours[i].id))


def unmatched_refs(c: Comparison) -> list[int]:
    """Reference events rasd does not have, deadliest first."""
    run = c.main.real
    left = [j for j, r in enumerate(c.refs) if run.refs_counted[j] and j not in run.matching.by_ref]
    return sorted(left, key=lambda j: (-c.refs[j].fatalities, c.refs[j].date, c.refs[j].id))


def counted_pairs(c: Comparison) -> list[Pair]:
    """Pairs of the real matching with either side in the window."""
    return [p for p in c.main.real.matching.pairs if c.ours_in_window[p.ours] or c.refs_in_window[p.ref]]


def ours_dict(o: OurEvent, quote: str = "") -> dict[str, Any]:
    return {"id": o.id, "date": str(o.date), "date_end": str(o.date_end), "event_type": o.event_type,
            "sub_event_type": o.sub_event_type, "location": o.location, "location_ar": o.location_ar,
            "admin1": o.admin1, "country": o.country, "latitude": o.lat, "longitude": o.lon,
            "geo_precision": o.geo_precision, "fatalities": o.fatalities, "outlets": list(o.outlets),
            "doc_ids": list(o.doc_ids), "quote": quote, "notes": o.notes}


def ref_dict(r: RefEvent) -> dict[str, Any]:
    return {"id": r.id, "line": r.line, "date": str(r.date), "date_end": str(r.date_end),
            "event_type": r.mapped.label, "original_type": r.original_type, "sub_event_type": r.mapped.sub_event_type,
            "location": r.location, "admin1": r.admin1 or r.admin1_raw, "country": r.country, "latitude": r.lat,
            "longitude": r.lon, "geo_precision": r.geo_precision, "fatalities": r.fatalities, "source": r.source,
            "notes": r.notes}


# --- JSON -----------------------------------------------------------------------------------

def summary(c: Comparison, quotes: dict[int, str], show: int, recall: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole comparison as one JSON-ready object (the unmatched lists cut at ``show``;
    the CSVs have them all)."""
    ref_span = c.reference.span
    settings = {}
    for name, setting in c.settings.items():
        th = setting.thresholds
        settings[name] = {"thresholds": {"days": th.days, "km": th.km, "type_rule": th.type_rule,
                                         "admin1_rule": th.admin1_rule, "description": th.describe()},
                          "candidate_pairs": setting.real.matching.candidates,
                          "rasd_confirmed": setting.rate("ours").as_dict(),
                          "reference_found": setting.rate("refs").as_dict()}
    breakdowns = {SIDE_NAMES[side]: {name: [{"group": g, **rate.as_dict()} for g, rate in c.breakdown(side, key)]
                                     for name, key in keys.items()} for side, keys in BREAKDOWNS.items()}
    ours_left, refs_left = unmatched_ours(c), unmatched_refs(c)
    return {
        "reference": {"path": str(c.reference.path), "format": c.reference.format, "rows": c.reference.rows,
                      "skipped": len(c.reference.skipped), "skipped_rows": [str(p) for p in c.reference.skipped[:20]],
                      "span": [str(d) for d in ref_span] if ref_span else None},
        "window": {"since": str(c.window[0]), "until": str(c.window[1])}, "country": c.country,
        "rasd_coverage": [str(d) for d in c.coverage] if c.coverage else None,
        "counts": c.counts, "shifts": [s for s in c.main.runs if s], "settings": settings, "breakdowns": breakdowns,
        "unmatched": {"rasd_total": len(ours_left), "reference_total": len(refs_left), "shown": show,
                      "rasd": [ours_dict(c.ours[i], quotes.get(c.ours[i].id, "")) for i in ours_left[:show]],
                      "reference": [ref_dict(c.refs[j]) for j in refs_left[:show]]},
        "recall_check": recall,
    }


# --- terminal -------------------------------------------------------------------------------

def _rate_table(c: Comparison, side: str, title: str) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    for column, justify in (("setting", "left"), ("thresholds", "left"), ("matched", "right"), ("rate", "right"),
                            ("chance", "right"), ("lift", "right"), ("rate − chance", "right")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for name in ("strict", "default"):
        setting = c.settings[name]
        rate = setting.rate(side)
        table.add_row(name, setting.thresholds.describe(), f"{rate.matched} / {rate.n}", _pct(rate.rate),
                      _pct(rate.chance), _lift(rate), _pts(rate))
    return table


def _breakdown_table(c: Comparison, side: str, name: str, key: Any, top: int) -> Table:
    who = "rasd" if side == "ours" else c.reference.format.split()[0]
    table = Table(title=f"{who} events by {BREAKDOWN_TITLES.get(name, name)} (default thresholds)",
                  title_justify="left", header_style="bold")
    for column in ("group", "n", "matched", "rate", "chance", "lift"):
        table.add_column(column, justify="left" if column == "group" else "right")
    rows = c.breakdown(side, key)
    for group, rate in rows[:top]:
        table.add_row(escape(group), str(rate.n), str(rate.matched), _pct(rate.rate), _pct(rate.chance), _lift(rate))
    if len(rows) > top:
        table.add_row(f"… {len(rows) - top} more (--json)", "", "", "", "", "")
    return table


def _clip(text: str, width: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"



def _unmatched_table(what: str, total: int, order: str, columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Table:
    """The first unmatched events of one side (``rows``, already cut), of ``total``."""
    table = Table(title=f"{what}: {total} (first {len(rows)}, {order})", title_justify="left", header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table

def print_summary(c: Comparison, quotes: dict[int, str], console: Console, show: int,
                  recall: dict[str, Any] | None = None) -> None:
    ref = c.reference
    n = c.counts
    name = ref.format.split()[0]
    console.print(f"[bold]rasd vs {escape(ref.format)}[/bold] {escape(str(ref.path))}: {ref.rows} rows"
                  f"{f', {len(ref.skipped)} skipped' if ref.skipped else ''}; window {c.window[0]}..{c.window[1]}"
                  f"{f', country {c.country}' if c.country else ''}")
    coverage = f"{c.coverage[0]}..{c.coverage[1]}" if c.coverage else "none"
    scope = f", {n['rasd_out_of_scope']} outside {name}'s scope" if n["rasd_out_of_scope"] else ""
    console.print(f"rasd: {n['rasd_in_window']} events in the window, {n['rasd_comparable']} comparable "
                  f"({n['rasd_not_comparable']} dated only to a month or not placed{scope}); "
                  f"its stored articles can report {coverage}", highlight=False)
    console.print(f"{name}: {n['reference_in_window']} events in the window, {n['reference_comparable']} comparable "
                  f"({n['reference_not_comparable']} not placeable or dated to more than a week)", highlight=False)
    console.print("Chance: the same rate with rasd's dates shifted by ±7 and ±14 days (mean); lift = rate / chance. "
                  "Rates count events whose (shifted) dates the other side covers.", style="dim")
    console.print(_rate_table(c, "ours", f"rasd events confirmed by {name}"))
    console.print(_rate_table(c, "refs", f"{name} events found by rasd"))
    for side, keys in BREAKDOWNS.items():
        for key_name, key in keys.items():
            console.print(_breakdown_table(c, side, key_name, key, 12))
    ours_left, refs_left = unmatched_ours(c), unmatched_refs(c)
    if show:
        ours_rows = [(str(o.id), _window(o.date, o.date_end), o.sub_event_type, escape(f"{o.location} ({o.admin1 or ''})"),
                      escape(", ".join(o.outlets)), escape(_clip(quotes.get(o.id, "") or o.notes)))
                     for o in (c.ours[i] for i in ours_left[:show])]
        console.print(_unmatched_table(f"rasd events {name} does not have", len(ours_left), "most reported first",
                                       ("id", "date", "type", "location", "outlets", "quote"), ours_rows))
        refs_rows = [(escape(r.id), _window(r.date, r.date_end), escape(r.original_type),
                      escape(f"{r.location} ({r.admin1_raw})"), str(r.fatalities), escape(_clip(r.notes)))
                     for r in (c.refs[j] for j in refs_left[:show])]
        console.print(_unmatched_table(f"{name} events rasd does not have", len(refs_left), "deadliest first",
                                       ("id", "date", "type", "location", "killed", "notes"), refs_rows))
    if recall is not None:
        print_recall(recall, console, name)


def print_recall(recall: dict[str, Any], console: Console, name: str) -> None:
    f = recall["figures"]
    console.print(f"[bold]Recall check[/bold] ({name} events with ≥ {recall['min_deaths']} deaths; articles published "
                  f"0-{recall['days_after']} days after that name the place in a sentence with a conflict word)")
    lines = [
        (f"reference events with ≥ {recall['min_deaths']} deaths", f["reference_events"]),
        ("  with an Arabic place name from the gazetteer", f["named"]),
        ("  carried by the corpus (named in such a sentence)", f["carried"]),
        ("    articles that carried them", f["articles"]),
        ("    of those articles, in the store", f["articles_in_store"]),
        ("  coded by rasd (an event from those articles near that place and date)", f["coded"]),
        ("  coded with the same event type", f["coded_same_type"]),
    ]
    for label, value in lines:
        console.print(f"{label}: {value}", highlight=False)
    rate = f["coded"] / f["carried"] if f["carried"] else None
    console.print(f"recall on the events rasd's own sources carried: {_pct(rate)} ({f['coded']} of {f['carried']})",
                  highlight=False)
    missed = recall.get("missed") or []
    if missed:
        table = Table(title=f"carried but not coded (first {len(missed)})", title_justify="left", header_style="bold")
        for column in ("id", "date", "place", "killed", "articles", "sentence"):
            table.add_column(column, overflow="fold")
        for m in missed:
            table.add_row(escape(m["id"]), m["date"], escape(f"{m['location']} ({m['name_ar']})"), str(m["fatalities"]),
                          escape(", ".join(m["articles"][:3])), escape(_clip(m["sentence"], 160)))
        console.print(table)


# --- files ----------------------------------------------------------------------------------

PAIR_COLUMNS = ["rasd_id", "reference_id", "rasd_date", "reference_date", "days_apart", "km_apart", "place_rule",
                "rasd_event_type", "rasd_sub_event_type", "reference_event_type", "reference_original_type",
                "rasd_location", "reference_location", "rasd_admin1", "reference_admin1", "rasd_geo_precision",
                "reference_geo_precision", "rasd_fatalities", "reference_fatalities", "rasd_outlets",
                "reference_source", "rasd_quote", "reference_notes"]
UNMATCHED_COLUMNS = ["side", "id", "date", "date_end", "event_type", "sub_event_type", "original_type", "location",
                     "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities", "outlets_or_source",
                     "quote_or_notes"]


def write_pairs(c: Comparison, quotes: dict[int, str], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=PAIR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    pairs = counted_pairs(c)
    for p in pairs:
        o, r = c.ours[p.ours], c.refs[p.ref]
        writer.writerow({
            "rasd_id": o.id, "reference_id": r.id, "rasd_date": _window(o.date, o.date_end),
            "reference_date": _window(r.date, r.date_end), "days_apart": p.days,
            "km_apart": "" if p.km is None else round(p.km, 2), "place_rule": p.place_rule,
            "rasd_event_type": o.event_type, "rasd_sub_event_type": o.sub_event_type,
            "reference_event_type": r.mapped.label, "reference_original_type": r.original_type,
            "rasd_location": o.location, "reference_location": r.location, "rasd_admin1": o.admin1 or "",
            "reference_admin1": r.admin1_raw, "rasd_geo_precision": o.geo_precision,
            "reference_geo_precision": r.geo_precision, "rasd_fatalities": o.fatalities,
            "reference_fatalities": r.fatalities, "rasd_outlets": "; ".join(o.outlets), "reference_source": r.source,
            "rasd_quote": quotes.get(o.id, ""), "reference_notes": r.notes})
    return len(pairs)


def write_unmatched(c: Comparison, quotes: dict[int, str], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=UNMATCHED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    ours_left, refs_left = unmatched_ours(c), unmatched_refs(c)
    for i in ours_left:
        o = c.ours[i]
        writer.writerow({"side": "rasd", "id": o.id, "date": o.date, "date_end": o.date_end, "event_type": o.event_type,
                         "sub_event_type": o.sub_event_type, "original_type": "", "location": o.location,
                         "admin1": o.admin1 or "", "country": o.country or "", "latitude": _blank(o.lat),
                         "longitude": _blank(o.lon), "geo_precision": o.geo_precision, "fatalities": o.fatalities,
                         "outlets_or_source": "; ".join(o.outlets), "quote_or_notes": quotes.get(o.id, "") or o.notes})
    for j in refs_left:
        r = c.refs[j]
        writer.writerow({"side": "reference", "id": r.id, "date": r.date, "date_end": r.date_end,
                         "event_type": r.mapped.label, "sub_event_type": r.mapped.sub_event_type or "",
                         "original_type": r.original_type, "location": r.location, "admin1": r.admin1_raw,
                         "country": r.country or "", "latitude": _blank(r.lat), "longitude": _blank(r.lon),
                         "geo_precision": _blank(r.geo_precision), "fatalities": r.fatalities,
                         "outlets_or_source": r.source, "quote_or_notes": r.notes})
    return len(ours_left) + len(refs_left)


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _point(lat: float | None, lon: float | None) -> dict[str, Any] | None:
    return None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}


def geojson(c: Comparison, quotes: dict[int, str]) -> tuple[dict[str, Any], int]:
    """One FeatureCollection whose ``layer`` property is matched, rasd-only or
    reference-only (QGIS: filter or categorize on it), and the number of events left
    out for want of coordinates. A matched feature sits at the rasd event and carries
    the reference event's fields and coordinates."""
    features: list[dict[str, Any]] = []
    left_out = 0

    def add(layer: str, geometry: dict[str, Any] | None, props: dict[str, Any]) -> None:
        nonlocal left_out
        if geometry is None:
            left_out += 1
            return
        features.append({"type": "Feature", "geometry": geometry, "properties": {"layer": layer, **props}})

    for p in counted_pairs(c):
        o, r = c.ours[p.ours], c.refs[p.ref]
        props = {f"rasd_{k}": v for k, v in ours_dict(o, quotes.get(o.id, "")).items() if k not in ("doc_ids",)}
        props.update({f"reference_{k}": v for k, v in ref_dict(r).items()})
        props.update(days_apart=p.days, km_apart=None if p.km is None else round(p.km, 2), place_rule=p.place_rule)
        add("matched", _point(o.lat, o.lon) or _point(r.lat, r.lon), props)
    for i in unmatched_ours(c):
        o = c.ours[i]
        add("rasd-only", _point(o.lat, o.lon), ours_dict(o, quotes.get(o.id, "")))
    for j in unmatched_refs(c):
        r = c.refs[j]
        add("reference-only", _point(r.lat, r.lon), ref_dict(r))
    return {"type": "FeatureCollection", "features": features}, left_out


def write_json(value: Any, path: Path) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False) + "\n", encoding="utf-8")
