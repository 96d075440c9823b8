"""The calibration figures of ``rasd evaluate``: reliability bins, ECE, thresholds."""

from __future__ import annotations

from rasd.evaluate.calibration import calibration
from rasd.evaluate.scorer import score

BASE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike", "date_end": None,
        "time_precision": 1, "actor1": "Russian Forces", "actor2": None, "country": "SY", "admin1": "Idlib",
        "location_ar": "أريحا", "geo_precision": 1, "fatalities": 0, "latitude": 35.81, "longitude": 36.61}


def event(day: int, place: str, confidence: float | None = None) -> dict:
    e = dict(BASE, date=f"2018-06-{day:02d}", location=place)
    if place != "Ariha":
        e.update(latitude=33.5 + day / 100, longitude=36.3, location_ar=place)
    if confidence is not None:
        e["confidence"] = confidence
    return e


def test_bins_ece_and_thresholds() -> None:
    gold = [{"id": "d", "events": [event(1, "Ariha"), event(10, "Ariha")]}]
    preds = {"d": [event(1, "Ariha", 0.95), event(10, "Ariha", 0.65), event(20, "Ariha", 0.62), event(25, "Ariha", 0.1)]}
    result = score(gold, preds)
    c = calibration(gold, preds, result)
    by_low = {b["low"]: b for b in c.bins if b["n"]}
    assert by_low[0.9]["share_matched"] == 1.0 and by_low[0.6]["n"] == 2 and by_low[0.6]["share_matched"] == 0.5
    assert by_low[0.0]["share_matched"] == 0.0
    # |0.95-1|·1 + |0.635-0.5|·2 + |0.1-0|·1, over 4 events
    assert abs(c.ece - (0.05 + 0.27 + 0.1) / 4) < 1e-3
    assert c.thresholds["0.5"]["n_pred"] == 3 and c.thresholds["0.5"]["event_recall"] == 1.0
    assert c.thresholds["0.7"]["n_pred"] == 1 and c.thresholds["0.7"]["event_precision"] == 1.0
    assert c.thresholds["0.9"]["event_recall"] == 0.5
