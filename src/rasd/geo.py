"""Distances on the Earth's surface, for every stage that compares places."""

from __future__ import annotations

import math
from typing import Iterable, Protocol

EARTH_RADIUS_KM = 6371.0


class Located(Protocol):
    """Anything with coordinates that may be unknown (a gazetteer row)."""

    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...


def km_between(lat1: float, lon1: float, lat2: float, lon2: float, radius: float = EARTH_RADIUS_KM) -> float:
    """Great-circle distance (haversine on a sphere of ``radius`` km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * radius * math.asin(min(1.0, math.sqrt(h)))


def within_km_of_any(place: Located, others: Iterable[Located], km: float) -> bool:
    """Whether ``place`` lies within ``km`` of one of ``others`` (places without
    coordinates are near nothing)."""
    if place.lat is None or place.lon is None:
        return False
    return any(km_between(place.lat, place.lon, o.lat, o.lon) <= km
               for o in others if o.lat is not None and o.lon is not None)
