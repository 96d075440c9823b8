"""A static map of events drawn offline as SVG: plain background, a graticule, the
governorate capitals of the embedded gazetteer as landmarks (named in the digest's
language) and one dot per event, coloured by type (the review page's colours) and sized
by its toll."""

from __future__ import annotations

import csv
import html
import math
from functools import lru_cache
from typing import Any

from rasd.alerts import labels
from rasd.alerts.subscriptions import toll
from rasd.data import data_path

TYPE_COLORS = {
    "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e", "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c", "Riots": "#8c564b", "Strategic developments": "#1f77b4",
}
DEFAULT_BBOX = (35.0, 29.0, 49.0, 38.0)  # Syria and Iraq


@lru_cache(maxsize=1)
def landmarks() -> list[tuple[str, str, float, float]]:
    """(English name, Arabic name, lat, lon) of the capitals in the embedded gazetteer."""
    out = []
    with data_path("places_default.csv").open("r", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["feature"] == "city" and row.get("lat") and row.get("lon"):
                out.append((row["name_en"], row["name_ar"], float(row["lat"]), float(row["lon"])))
    return out


def _bbox(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    if not points:
        return DEFAULT_BBOX
    lons, lats = [p[1] for p in points], [p[0] for p in points]
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    span = max(max_lon - min_lon, max_lat - min_lat, 2.0) * 0.15
    min_lon, max_lon, min_lat, max_lat = min_lon - span, max_lon + span, min_lat - span, max_lat + span
    for _ in range(2):  # at least 2 degrees each way, so one event still shows its region
        if max_lon - min_lon < 2.0:
            mid = (min_lon + max_lon) / 2
            min_lon, max_lon = mid - 1.0, mid + 1.0
        if max_lat - min_lat < 2.0:
            mid = (min_lat + max_lat) / 2
            min_lat, max_lat = mid - 1.0, mid + 1.0
    # landscape: at least 1.6 times as wide as high on the drawn (cos-latitude) scale
    k = math.cos(math.radians((min_lat + max_lat) / 2))
    wanted = (max_lat - min_lat) * 1.6 / k
    if max_lon - min_lon < wanted:
        mid = (min_lon + max_lon) / 2
        min_lon, max_lon = mid - wanted / 2, mid + wanted / 2
    return min_lon, min_lat, max_lon, max_lat


def svg(events: list[dict[str, Any]], lang: str = "en", width: int = 640) -> str:
    """The map of ``events`` (merged records with ``latitude``/``longitude``)."""
    located = [e for e in events if e.get("latitude") is not None and e.get("longitude") is not None]
    min_lon, min_lat, max_lon, max_lat = _bbox([(e["latitude"], e["longitude"]) for e in located])
    k = math.cos(math.radians((min_lat + max_lat) / 2))
    scale = width / ((max_lon - min_lon) * k)
    height = max(200, min(720, int(round((max_lat - min_lat) * scale))))
    scale_y = height / (max_lat - min_lat)

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon - min_lon) * k * scale, (max_lat - lat) * scale_y

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="Arial, Tahoma, sans-serif" data-events="{len(located)}">',
           f'<title>{html.escape(labels.word("map", lang))}</title>',
           f'<rect width="{width}" height="{height}" fill="#eef1f4"/>']
    step = 1.0 if max(max_lon - min_lon, max_lat - min_lat) <= 8 else 2.0
    lon = math.ceil(min_lon / step) * step
    while lon < max_lon:
        x, _ = xy(min_lat, lon)
        out.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#d5dae0" stroke-width="1"/>'
                   f'<text x="{x + 2:.1f}" y="{height - 4}" font-size="9" fill="#8a939e">{lon:g}°E</text>')
        lon += step
    lat = math.ceil(min_lat / step) * step
    while lat < max_lat:
        _, y = xy(lat, min_lon)
        out.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#d5dae0" stroke-width="1"/>'
                   f'<text x="2" y="{y - 2:.1f}" font-size="9" fill="#8a939e">{lat:g}°N</text>')
        lat += step
    for name_en, name_ar, lat, lon in landmarks():
        if min_lat <= lat <= max_lat and min_lon <= lon <= max_lon:
            x, y = xy(lat, lon)
            name = name_ar if lang == "ar" else name_en
            out.append(f'<rect x="{x - 2:.1f}" y="{y - 2:.1f}" width="4" height="4" fill="#5b6570"/>'
                       f'<text x="{x + 5:.1f}" y="{y + 4:.1f}" font-size="11" fill="#5b6570">{html.escape(name)}</text>')
    for e in sorted(located, key=lambda e: -toll(e)[1]):  # big dots under small ones
        x, y = xy(e["latitude"], e["longitude"])
        radius = 4 + 2.2 * math.log2(1 + toll(e)[1])
        color = TYPE_COLORS.get(e.get("event_type", ""), "#7f7f7f")
        tip = f"{e.get('date')} {labels.sub_event_type(e.get('sub_event_type'), lang)} {labels.place(e, lang)}"
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{color}" fill-opacity="0.8" '
                   f'stroke="#ffffff" stroke-width="1.2" data-event-id="{e.get("id", "")}">'
                   f'<title>{html.escape(tip)}</title></circle>')
    present = [t for t in TYPE_COLORS if any(e.get("event_type") == t for e in located)]
    for i, t in enumerate(present):
        y = 14 + 16 * i
        out.append(f'<circle cx="12" cy="{y}" r="5" fill="{TYPE_COLORS[t]}"/>'
                   f'<text x="22" y="{y + 4}" font-size="11" fill="#1d232b">{html.escape(labels.event_type(t, lang))}</text>')
    out.append("</svg>")
    return "\n".join(out)
