"""Does ``confidence`` mean what it says? For the predicted events of a gold file: a
reliability table (bins of confidence against the share of their events that match a
gold event), the expected calibration error, and precision/recall/F1 when only events at
or above a confidence threshold are kept (``rasd extract --min-confidence``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasd.evaluate.scorer import EvaluationResult, score

EDGES = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
THRESHOLDS = (0.5, 0.7, 0.9)


@dataclass
class Calibration:
    bins: list[dict[str, Any]]  # low, high, n, mean_confidence, share_matched
    ece: float | None  # expected calibration error: Σ n_b/N · |mean confidence − share matched|
    thresholds: dict[str, dict[str, Any]]  # "0.7" → n_pred, precision, recall, f1

    def as_dict(self) -> dict[str, Any]:
        return {"bins": self.bins, "ece": self.ece, "thresholds": self.thresholds}


def _confidence(event: dict[str, Any]) -> float:
    value = event.get("confidence")
    return float(value) if isinstance(value, (int, float)) else 1.0  # gold-format predictions have none


def calibration(gold_docs: list[dict], predictions: dict[str, list[dict]], result: EvaluationResult) -> Calibration:
    """The calibration figures of ``predictions``, ``result`` being their scoring."""
    matched = {id(pair.pred) for pair in result.matched}
    scored = {str(g.get("id")) for g in gold_docs}
    events = [e for doc_id, preds in predictions.items() if doc_id in scored for e in preds if isinstance(e, dict)]
    bins: list[dict[str, Any]] = []
    gap = 0.0  # Σ n_b · |mean confidence − share matched|
    for low, high in zip(EDGES, EDGES[1:]):
        inside = [e for e in events if low <= _confidence(e) < high or (high == 1.0 and _confidence(e) == 1.0)]
        if not inside:
            bins.append({"low": low, "high": high, "n": 0, "mean_confidence": None, "share_matched": None})
            continue
        share = sum(1 for e in inside if id(e) in matched) / len(inside)
        mean = sum(map(_confidence, inside)) / len(inside)
        gap += len(inside) * abs(mean - share)
        bins.append({"low": low, "high": high, "n": len(inside), "mean_confidence": round(mean, 4),
                     "share_matched": round(share, 4)})
    ece = round(gap / len(events), 4) if events else None
    thresholds = {}
    for t in THRESHOLDS:
        kept = {doc_id: [e for e in preds if isinstance(e, dict) and _confidence(e) >= t]
                for doc_id, preds in predictions.items()}
        figures = score(gold_docs, kept).figures
        thresholds[str(t)] = {k: figures[k] for k in ("n_pred", "event_precision", "event_recall", "event_f1")}
    return Calibration(bins, ece, thresholds)


def format_calibration(c: Calibration) -> str:
    lines = ["Confidence", "==========", "  confidence   events  matched  (mean confidence)"]
    for b in c.bins:
        if b["n"]:
            lines.append(f"  {b['low']:.1f}-{b['high']:.1f}    {b['n']:>6}  {b['share_matched']:>7.3f}  ({b['mean_confidence']:.3f})")
    lines.append(f"  expected calibration error  {c.ece if c.ece is not None else 'n/a'}")
    def fmt(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    for t, f in c.thresholds.items():
        p, r, f1 = (f["event_precision"], f["event_recall"], f["event_f1"])
        lines.append(f"  --min-confidence {t}: {f['n_pred']} events, precision {fmt(p)}, recall {fmt(r)}, F1 {fmt(f1)}")
    return "\n".join(lines)
