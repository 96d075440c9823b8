"""Events as a GeoJSON FeatureCollection (RFC 7946: WGS 84 lon/lat), for QGIS and web
maps. Each feature's properties are its ACLED CSV row, so a map layer and the CSV carry
the same columns; empty cells become null so GIS tools type the columns cleanly."""

from __future__ import annotations

from typing import Any, Callable, Iterable

from rasd.export.acled import acled_row
from rasd.model import Event


def feature_collection(events: Iterable[tuple[int, Event]],
                       inter_of: Callable[[str | None], int | None]) -> tuple[dict[str, Any], int]:
    """The collection of ``(id, event)`` pairs with coordinates, and how many were left
    out because they have none (a Point needs both)."""
    features: list[dict[str, Any]] = []
    left_out = 0
    for number, event in events:
        if event.latitude is None or event.longitude is None:
            left_out += 1
            continue
        properties = {k: (None if v == "" else v) for k, v in acled_row(event, number, inter_of).items()}
        features.append({"type": "Feature", "id": number,
                         "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
                         "properties": properties})
    return {"type": "FeatureCollection", "features": features}, left_out
