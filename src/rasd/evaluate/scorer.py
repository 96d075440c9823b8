"""Score predicted events against gold annotations (event schema v1, section 7).

Everything here works on plain dicts: event records as produced by
``Event.model_dump(mode="json")`` (dates are ``'YYYY-MM-DD'`` strings or None)
and gold lines ``{"id", "published", "events": [...]}``.  The module is
deliberately standalone: it imports nothing else from ``rasd``.

Matching
--------
A predicted event *may* match a gold event (:func:`events_match`) when

* ``event_type`` is equal (compared after stripping / case-folding),
* the locations agree (:func:`locations_agree`): same non-null
  ``gazetteer_id``; or the same normalized place name (``location`` and
  ``location_ar`` of both sides are normalized with :func:`normalize_place`
  and any common non-empty name counts); or both sides have coordinates
  within 10 km (haversine); or the gold ``geo_precision`` is 3 and ``admin1``
  is the same (case-insensitive);
* the date windows ``[date, date_end]`` overlap after each is widened by one
  day on both sides (:func:`dates_overlap`).  A missing ``date_end`` means
  ``date``; a missing/unparseable ``date`` on either side means no match.
  Note that "each widened by one day" means two exact dates up to two days
  apart still overlap (gold 10th -> [9,11], pred 12th -> [11,13]); three
  days apart do not.

Within each document the matching is one-to-one and of **maximum
cardinality**.  Among all maximum matchings we pick one that maximizes the
total *agreement bonus* of its pairs (sub_event_type, exact date, actor1,
actor2, fatalities, date_end, precise place; see ``_AGREEMENT_WEIGHTS``).
This is done with the Hungarian algorithm (Kuhn-Munkres) on integer weights
``BIG + bonus`` for admissible pairs (0 otherwise), where ``BIG`` exceeds the
largest possible total bonus, so cardinality strictly dominates.  The
algorithm is deterministic for a given input order (ties are resolved by the
order of the gold and predicted events).

Figures
-------
See :func:`score`.  Every ratio whose denominator is zero is ``None``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date as _date
from datetime import datetime, timedelta
from typing import Any

from rasd.geo import km_between

__all__ = [
    "MatchedPair",
    "EvaluationResult",
    "DocTally",
    "FIGURE_KEYS",
    "COUNT_KEYS",
    "figures_of",
    "figures_from_sums",
    "by_event_type",
    "normalize_place",
    "haversine_km",
    "date_window",
    "dates_overlap",
    "locations_agree",
    "events_match",
    "max_weight_matching",
    "score",
    "format_report",
]

# Maximum distance (km) at which two coordinate pairs count as the same place.
MAX_DISTANCE_KM = 10.0
# Number of days each date window is widened on both sides.
DATE_SLACK_DAYS = 1

FIGURE_KEYS: tuple[str, ...] = (
    "n_docs",
    "n_negative_docs",
    "n_gold",
    "n_pred",
    "n_matched",
    "event_precision",
    "event_recall",
    "event_f1",
    "doc_precision",
    "doc_recall",
    "negative_docs_clean",
    "sub_event_type_accuracy",
    "actor1_accuracy",
    "actor2_accuracy",
    "date_accuracy",
    "fatalities_exact",
    "fatalities_within_20pct",
    "date_resolution_accuracy",
    "location_resolution_accuracy",
)


# ---------------------------------------------------------------------------
# Result containers
# ---------------------------------------------------------------------------


@dataclass
class MatchedPair:
    gold: dict
    pred: dict
    doc_id: str


@dataclass
class EvaluationResult:
    figures: dict[str, float | int | None]
    matched: list[MatchedPair]
    missed: list[tuple[str, dict]]  # (doc_id, gold event) not matched
    spurious: list[tuple[str, dict]]  # (doc_id, predicted event) not matched
    # Prediction doc ids that are not in the gold set: not scored at all.
    unscored_doc_ids: list[str] = field(default_factory=list)
    calibration: Any = None  # rasd.evaluate.calibration.Calibration, when computed
    # One per scored gold document, in the gold's order (``figures_of`` them is ``figures``).
    tallies: list[DocTally] = field(default_factory=list)
    # What was scored: the gold documents, and each one's predicted events (``by_event_type``).
    gold_docs: list[dict] = field(default_factory=list)
    predictions: dict[str, list[dict]] = field(default_factory=dict)


@dataclass(frozen=True)
class DocTally:
    """What one gold document adds to the figures. Every figure is a ratio of sums of
    these counts over the documents scored, so the figures of any multiset of documents
    (a bootstrap resample: rasd.evaluate.bootstrap) are ``figures_of`` their tallies."""

    doc_id: str
    gold: int
    pred: int
    matched: int
    agreeing: tuple[int, ...]  # matched pairs that agree, per figure of ``_AMONG_MATCHED``
    date_resolved: int  # gold events some predicted event of the document overlaps in date
    location_resolved: int  # gold events some predicted event of the document agrees with on place

    def counts(self) -> tuple[int, ...]:
        """The counts ``figures_from_sums`` reads, in ``COUNT_KEYS`` order."""
        negative = self.gold == 0
        return (1, int(negative), self.gold, self.pred, self.matched, int(self.pred > 0), int(self.gold > 0),
                int(self.pred > 0 and self.gold > 0), int(negative and self.pred == 0),
                self.date_resolved, self.location_resolved, *self.agreeing)


# ---------------------------------------------------------------------------
# Normalization helpers
# ---------------------------------------------------------------------------

_AR_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
_AR_ALEFS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_WORD_SPLIT = re.compile(r"[\s\-\u2010-\u2015_]+")
# Anything that is not a letter or a digit (apostrophes, backticks, dots, ...).
_NON_ALNUM = re.compile(r"[^\w]|_", re.UNICODE)


def _strip_latin_accents(s: str) -> str:
    # Decompose and drop combining marks outside the Arabic block (é -> e).
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch) and not ("\u0600" <= ch <= "\u06ff"):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def normalize_place(name: Any) -> str:
    """Normalize a place name (Arabic or Latin) for equality comparison.

    Arabic: strip diacritics (U+064B-065F, U+0670) and tatweel, unify
    أ إ آ ٱ -> ا, ى -> ي, ة -> ه, drop a leading 'ال' of each word.
    Latin: lower-case, strip accents, drop a leading article 'al' word
    ("Al-Hasakah" -> "hasakah").  Finally all spaces, hyphens and
    punctuation are removed.  Returns '' for None/empty input.
    """
    if name is None:
        return ""
    s = str(name).strip()
    if not s:
        return ""
    s = _AR_DIACRITICS.sub("", s)
    s = s.translate(_AR_ALEFS)
    s = _strip_latin_accents(s).casefold()
    words = []
    for w in _WORD_SPLIT.split(s):
        if not w:
            continue
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        elif w in ("al", "el"):
            continue  # Latin article as its own word ("al-Bab", "Hajar al Aswad")
        w = _NON_ALNUM.sub("", w)
        if w:
            words.append(w)
    return "".join(words)


def _norm_str(x: Any) -> str | None:
    """Comparison key for categorical strings: strip + casefold; '' -> None."""
    if x is None:
        return None
    s = str(x).strip()
    return s.casefold() if s else None


def _to_float(x: Any) -> float | None:
    if x is None or isinstance(x, bool):
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def _to_int(x: Any) -> int | None:
    f = _to_float(x)
    if f is None:
        return None
    return int(round(f))


def _parse_date(x: Any) -> _date | None:
    if x is None:
        return None
    if isinstance(x, datetime):
        return x.date()
    if isinstance(x, _date):
        return x
    try:
        return _date.fromisoformat(str(x).strip()[:10])
    except ValueError:
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (mean Earth radius, 6371.0088 km)."""
    return km_between(lat1, lon1, lat2, lon2, radius=6371.0088)


# ---------------------------------------------------------------------------
# Matching criteria
# ---------------------------------------------------------------------------


def date_window(ev: dict) -> tuple[_date, _date] | None:
    """The event's ``[date, date_end]`` window (date_end missing -> date).

    Returns None when ``date`` is missing or unparseable.  A reversed window
    (date_end before date) is put in order.
    """
    start = _parse_date(ev.get("date"))
    if start is None:
        return None
    end = _parse_date(ev.get("date_end")) or start
    if end < start:
        start, end = end, start
    return start, end


def dates_overlap(gold: dict, pred: dict) -> bool:
    """Do the two date windows overlap, each widened by one day on both sides?"""
    g = date_window(gold)
    p = date_window(pred)
    if g is None or p is None:
        return False
    slack = timedelta(days=DATE_SLACK_DAYS)
    return g[0] - slack <= p[1] + slack and p[0] - slack <= g[1] + slack


def _place_names(ev: dict) -> set[str]:
    names = {normalize_place(ev.get("location")), normalize_place(ev.get("location_ar"))}
    names.discard("")
    return names


def _coords(ev: dict) -> tuple[float, float] | None:
    lat, lon = _to_float(ev.get("latitude")), _to_float(ev.get("longitude"))
    if lat is None or lon is None:
        return None
    return lat, lon


def _same_gazetteer(gold: dict, pred: dict) -> bool:
    g = gold.get("gazetteer_id")
    p = pred.get("gazetteer_id")
    if g is None or p is None:
        return False
    g, p = str(g).strip(), str(p).strip()
    return bool(g) and g == p


def _same_place_precise(gold: dict, pred: dict) -> bool:
    """Same gazetteer entry or same normalized name (used for tie-breaking)."""
    return _same_gazetteer(gold, pred) or bool(_place_names(gold) & _place_names(pred))


def locations_agree(gold: dict, pred: dict) -> bool:
    """Location rule of schema section 7 (asymmetric only in the admin1 clause)."""
    if _same_gazetteer(gold, pred):
        return True
    # Names: English and Arabic names of each side are normalized; any common
    # name counts (this covers location-vs-location and location_ar-vs-location_ar).
    if _place_names(gold) & _place_names(pred):
        return True
    gc, pc = _coords(gold), _coords(pred)
    if gc is not None and pc is not None and haversine_km(*gc, *pc) <= MAX_DISTANCE_KM:
        return True
    if _to_int(gold.get("geo_precision")) == 3:
        ga, pa = _norm_str(gold.get("admin1")), _norm_str(pred.get("admin1"))
        if ga is not None and ga == pa:
            return True
    return False


def events_match(gold: dict, pred: dict) -> bool:
    """May ``pred`` be matched to ``gold``? (event_type, location, date window)."""
    gt = _norm_str(gold.get("event_type"))
    if gt is None or gt != _norm_str(pred.get("event_type")):
        return False
    return dates_overlap(gold, pred) and locations_agree(gold, pred)


# ---------------------------------------------------------------------------
# Field agreement (for accuracies and tie-breaking)
# ---------------------------------------------------------------------------


def _same_cat(gold: dict, pred: dict, key: str) -> bool:
    """Categorical equality after strip/casefold; None == None ('' counts as None)."""
    return _norm_str(gold.get(key)) == _norm_str(pred.get(key))


def _same_date(gold: dict, pred: dict) -> bool:
    g, p = _parse_date(gold.get("date")), _parse_date(pred.get("date"))
    return g is not None and g == p


def _same_date_end(gold: dict, pred: dict) -> bool:
    g, p = date_window(gold), date_window(pred)
    return g is not None and p is not None and g[1] == p[1]


def _fatalities_exact(gold: dict, pred: dict) -> bool:
    g, p = _to_int(gold.get("fatalities")), _to_int(pred.get("fatalities"))
    return g == p  # None == None counts as equal


def _fatalities_within_20pct(gold: dict, pred: dict) -> bool:
    g, p = _to_int(gold.get("fatalities")), _to_int(pred.get("fatalities"))
    if g is None or p is None:
        return g is None and p is None
    if g == 0:
        return p == 0
    return abs(p - g) <= 0.2 * abs(g)


#: Whether a matched pair agrees on a field: one test per field, for the figures among
#: matched pairs, the preference among matchings and the report's mismatched fields.
_SAME: dict[str, Any] = {
    "sub_event_type": lambda g, p: _same_cat(g, p, "sub_event_type"),
    "date": _same_date,
    "actor1": lambda g, p: _same_cat(g, p, "actor1"),
    "actor2": lambda g, p: _same_cat(g, p, "actor2"),
    "fatalities": _fatalities_exact,
}

# Preference among maximum matchings: bonus per agreeing field.  Powers of two,
# so a higher-ranked field outweighs all lower-ranked fields together.
_AGREEMENT_WEIGHTS: tuple[tuple[int, Any], ...] = (
    (64, _SAME["sub_event_type"]),
    (32, _SAME["date"]),
    (16, _SAME["actor1"]),
    (8, _SAME["actor2"]),
    (4, _SAME["fatalities"]),
    (2, _same_date_end),
    (1, _same_place_precise),
)
_MAX_BONUS = sum(w for w, _ in _AGREEMENT_WEIGHTS)


def _agreement_bonus(gold: dict, pred: dict) -> int:
    return sum(w for w, f in _AGREEMENT_WEIGHTS if f(gold, pred))


# ---------------------------------------------------------------------------
# Assignment
# ---------------------------------------------------------------------------


def _hungarian_min(cost: list[list[int]]) -> list[int]:
    """Min-cost assignment for an n x m matrix with n <= m.

    Returns ``assign`` with ``assign[i]`` = column of row i.  Classic
    O(n^2 m) potentials algorithm; exact for integer costs.
    """
    n = len(cost)
    m = len(cost[0]) if n else 0
    if n == 0:
        return []
    assert n <= m
    inf = float("inf")
    u: list[float] = [0] * (n + 1)
    v: list[float] = [0] * (m + 1)
    p = [0] * (m + 1)  # p[j] = row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    assign = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            assign[p[j] - 1] = j - 1
    return assign


def max_weight_matching(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one matching on a rows x cols matrix of
    non-negative integer weights; weight 0 means "no edge".

    Returns the chosen ``(row, col)`` pairs (edges only), sorted by row.
    With weights ``BIG + bonus`` (BIG > total possible bonus) this is a
    maximum-cardinality matching that, among those, maximizes total bonus.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    transpose = n > m
    w = [list(col) for col in zip(*weights)] if transpose else weights
    assign = _hungarian_min([[-x for x in row] for row in w])
    pairs = []
    for r, c in enumerate(assign):
        if c < 0 or w[r][c] <= 0:
            continue
        pairs.append((c, r) if transpose else (r, c))
    return sorted(pairs)


def _match_document(gold_events: list[dict], pred_events: list[dict]) -> list[tuple[int, int]]:
    if not gold_events or not pred_events:
        return []
    big = _MAX_BONUS * min(len(gold_events), len(pred_events)) + 1
    weights = [
        [big + _agreement_bonus(g, p) if events_match(g, p) else 0 for p in pred_events]
        for g in gold_events
    ]
    return max_weight_matching(weights)


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    if p + r == 0:
        return 0.0
    return 2 * p * r / (p + r)


def _events_of(x: Any) -> list[dict]:
    if not x:
        return []
    return [e for e in x if isinstance(e, dict)]


#: The figures read among matched pairs: the share of pairs for which the test holds.
_AMONG_MATCHED: tuple[tuple[str, Any], ...] = (
    ("sub_event_type_accuracy", _SAME["sub_event_type"]),
    ("actor1_accuracy", _SAME["actor1"]),
    ("actor2_accuracy", _SAME["actor2"]),
    ("date_accuracy", _SAME["date"]),
    ("fatalities_exact", _SAME["fatalities"]),
    ("fatalities_within_20pct", _fatalities_within_20pct),
)

#: What ``DocTally.counts`` holds, in order.
COUNT_KEYS: tuple[str, ...] = ("docs", "negative", "gold", "pred", "matched", "pred_positive", "gold_positive",
                               "both_positive", "negative_clean", "date_resolved", "location_resolved",
                               *(name for name, _ in _AMONG_MATCHED))


def figures_from_sums(sums: dict[str, int]) -> dict[str, float | int | None]:
    """The figures (``FIGURE_KEYS``) of documents whose ``DocTally.counts`` add up to
    ``sums`` (keyed by ``COUNT_KEYS``)."""
    precision = _ratio(sums["matched"], sums["pred"])
    recall = _ratio(sums["matched"], sums["gold"])
    figures: dict[str, float | int | None] = {
        "n_docs": sums["docs"],
        "n_negative_docs": sums["negative"],
        "n_gold": sums["gold"],
        "n_pred": sums["pred"],
        "n_matched": sums["matched"],
        "event_precision": precision,
        "event_recall": recall,
        "event_f1": _f1(precision, recall),
        "doc_precision": _ratio(sums["both_positive"], sums["pred_positive"]),
        "doc_recall": _ratio(sums["both_positive"], sums["gold_positive"]),
        "negative_docs_clean": _ratio(sums["negative_clean"], sums["negative"]),
        **{name: _ratio(sums[name], sums["matched"]) for name, _ in _AMONG_MATCHED},
        "date_resolution_accuracy": _ratio(sums["date_resolved"], sums["gold"]),
        "location_resolution_accuracy": _ratio(sums["location_resolved"], sums["gold"]),
    }
    return {k: figures[k] for k in FIGURE_KEYS}


def figures_of(tallies: list[DocTally]) -> dict[str, float | int | None]:
    """The figures of the documents of ``tallies``."""
    totals = [sum(column) for column in zip(*(t.counts() for t in tallies))] or [0] * len(COUNT_KEYS)
    return figures_from_sums(dict(zip(COUNT_KEYS, totals)))


def score(gold_docs: list[dict], predictions: dict[str, list[dict]]) -> EvaluationResult:
    """Score ``predictions`` (doc id -> predicted events) against ``gold_docs``.

    Only documents in ``gold_docs`` are scored: a gold doc id missing from
    ``predictions`` means nothing was predicted there; prediction doc ids not
    in the gold set are ignored (listed in ``unscored_doc_ids``).  Duplicate
    gold doc ids raise ``ValueError``.

    Figures (ratio with zero denominator -> None):

    * ``n_docs``, ``n_negative_docs`` (gold docs with no events), ``n_gold``,
      ``n_pred``, ``n_matched``;
    * ``event_precision`` = matched/pred, ``event_recall`` = matched/gold,
      ``event_f1`` (None if P or R is None, 0.0 if P+R == 0);
    * ``doc_precision`` / ``doc_recall``: positive = "at least one event";
      TP = docs with >=1 predicted and >=1 gold event;
    * ``negative_docs_clean``: share of gold-negative docs with no prediction;
    * among matched pairs: ``sub_event_type_accuracy``, ``actor1_accuracy``,
      ``actor2_accuracy`` (None == None counts as equal), ``date_accuracy``
      (exact ``date``), ``fatalities_exact``, ``fatalities_within_20pct``
      (|pred-gold| <= 0.2*gold; gold 0 -> only pred 0);
    * over all gold events: ``date_resolution_accuracy`` (some predicted event
      in the same doc has an overlapping widened date window, whatever its type
      and place) and ``location_resolution_accuracy`` (some predicted event in
      the same doc agrees on location).
    """
    seen: set[str] = set()
    matched: list[MatchedPair] = []
    missed: list[tuple[str, dict]] = []
    spurious: list[tuple[str, dict]] = []
    tallies: list[DocTally] = []

    for doc in gold_docs:
        doc_id = str(doc.get("id"))
        if doc_id in seen:
            raise ValueError(f"duplicate gold document id: {doc_id!r}")
        seen.add(doc_id)
        gold_events = _events_of(doc.get("events"))
        pred_events = _events_of(predictions.get(doc_id))

        pairs = _match_document(gold_events, pred_events)
        gold_used = {gi for gi, _ in pairs}
        pred_used = {pi for _, pi in pairs}
        doc_matched = [MatchedPair(gold=gold_events[gi], pred=pred_events[pi], doc_id=doc_id) for gi, pi in pairs]
        matched.extend(doc_matched)
        missed.extend((doc_id, g) for gi, g in enumerate(gold_events) if gi not in gold_used)
        spurious.extend((doc_id, p) for pi, p in enumerate(pred_events) if pi not in pred_used)
        tallies.append(DocTally(
            doc_id, len(gold_events), len(pred_events), len(pairs),
            tuple(sum(1 for mp in doc_matched if same(mp.gold, mp.pred)) for _, same in _AMONG_MATCHED),
            sum(1 for g in gold_events if any(dates_overlap(g, p) for p in pred_events)),
            sum(1 for g in gold_events if any(locations_agree(g, p) for p in pred_events))))

    unscored = [k for k in predictions if str(k) not in seen]
    figures = figures_of(tallies)
    assert tuple(figures) == FIGURE_KEYS
    return EvaluationResult(
        figures=figures,
        matched=matched,
        missed=missed,
        spurious=spurious,
        unscored_doc_ids=unscored,
        tallies=tallies,
        gold_docs=gold_docs,
        predictions=predictions,
    )


def by_event_type(result: EvaluationResult) -> dict[str, list[DocTally]]:
    """The tallies of each event type's events alone, on the articles that have one (gold or
    predicted), most gold events first: what ``rasd evaluate --by type`` shows. A match
    never joins two event types, so each type is matched on its own as in the whole run
    (the types' matched events add up to the run's): its precision and recall are the
    shares of its predicted and gold events matched. Its location and date resolution read
    its own predicted events only; its negative articles are those where only a wrong
    prediction of it stands (``bootstrap.by_type`` leaves those figures out)."""
    counts: dict[str | None, int] = {}
    names: dict[str | None, str] = {}  # each type as first written (types compare as _norm_str does)
    gold_ids = [str(doc.get("id")) for doc in result.gold_docs]
    for doc in result.gold_docs:
        for e in _events_of(doc.get("events")):
            kind = _norm_str(e.get("event_type"))
            counts[kind] = counts.get(kind, 0) + 1
            names.setdefault(kind, str(e.get("event_type")))
    for doc_id in gold_ids:
        for e in _events_of(result.predictions.get(doc_id)):
            kind = _norm_str(e.get("event_type"))
            counts.setdefault(kind, 0)
            names.setdefault(kind, str(e.get("event_type")))
    out: dict[str, list[DocTally]] = {}
    for kind in sorted(counts, key=lambda k: (-counts[k], names[k])):
        docs = [dict(doc, events=_of_type(doc.get("events"), kind)) for doc in result.gold_docs]
        predicted = {doc_id: _of_type(result.predictions.get(doc_id), kind) for doc_id in gold_ids}
        docs = [d for d in docs if d["events"] or predicted[str(d.get("id"))]]
        out[names[kind]] = score(docs, predicted).tallies
    return out


def _of_type(events: Any, kind: str | None) -> list[dict]:
    return [e for e in _events_of(events) if _norm_str(e.get("event_type")) == kind]


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

_QUOTE_MAX = 160


def _clip(s: str, n: int = _QUOTE_MAX) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _fmt_value(v: Any) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _fmt_dates(ev: dict) -> str:
    d, e = ev.get("date"), ev.get("date_end")
    if d is None:
        return "date=?"
    if e is None or e == d:
        return str(d)
    return f"{d}..{e}"


def _fmt_location(ev: dict) -> str:
    parts = [str(x) for x in (ev.get("location"), ev.get("location_ar")) if x]
    loc = " / ".join(parts) if parts else "?"
    if ev.get("admin1"):
        loc += f" ({ev['admin1']})"
    return loc


def _quote_of(ev: dict, is_gold: bool) -> str:
    if is_gold and ev.get("quote"):
        return str(ev["quote"])
    # Predictions: the trigger evidence span, else the notes (else a quote, if any).
    for item in ev.get("evidence") or []:
        if isinstance(item, dict) and item.get("field") == "trigger" and item.get("text"):
            return str(item["text"])
    return str(ev.get("notes") or ev.get("quote") or "")


def _fmt_event(doc_id: str, ev: dict, is_gold: bool) -> list[str]:
    head = (
        f"- [{doc_id}] {ev.get('sub_event_type') or ev.get('event_type') or '?'} | "
        f"{_fmt_dates(ev)} | {_fmt_location(ev)} | "
        f"{ev.get('actor1') or '?'} -> {ev.get('actor2') or '-'} | "
        f"fatalities={_fmt_value(ev.get('fatalities'))}"
    )
    q = _quote_of(ev, is_gold)
    return [head, f"    \"{_clip(q)}\""] if q else [head]


_MISMATCH_FIELDS: tuple[tuple[str, Any], ...] = tuple(_SAME.items())


def format_report(result: EvaluationResult, intervals: dict[str, Any] | None = None, level: float = 0.95) -> str:
    """Plain-text report: figures (with their ``intervals`` at ``level``, from
    rasd.evaluate.bootstrap, when given), missed, spurious, mismatched fields."""
    lines: list[str] = ["Figures", "======="]
    width = max(len(k) for k in result.figures) if result.figures else 0
    for k, v in result.figures.items():
        around = ""
        if intervals is not None and k in intervals:
            interval = intervals[k]
            around = "  [too few documents]" if interval is None else f"  [{interval.low:.3f}, {interval.high:.3f}]"
        lines.append(f"  {k.ljust(width)}  {_fmt_value(v)}{around}")
    if intervals is not None:
        lines.append(f"  ([low, high]: {level:.0%} interval over resamples of the gold documents)")
    if result.unscored_doc_ids:
        lines.append(
            f"  (predictions for {len(result.unscored_doc_ids)} doc id(s) not in gold were ignored)"
        )

    lines += ["", f"Missed ({len(result.missed)})", "-" * 10]
    for doc_id, ev in result.missed:
        lines += _fmt_event(doc_id, ev, is_gold=True)
    if not result.missed:
        lines.append("  (none)")

    lines += ["", f"Spurious ({len(result.spurious)})", "-" * 12]
    for doc_id, ev in result.spurious:
        lines += _fmt_event(doc_id, ev, is_gold=False)
    if not result.spurious:
        lines.append("  (none)")

    mism: list[str] = []
    for mp in result.matched:
        diffs = [
            f"{name}: pred={_fmt_value(mp.pred.get(name))} gold={_fmt_value(mp.gold.get(name))}"
            for name, same in _MISMATCH_FIELDS
            if not same(mp.gold, mp.pred)
        ]
        if diffs:
            mism.append(
                f"- [{mp.doc_id}] {mp.gold.get('sub_event_type') or mp.gold.get('event_type')} "
                f"{_fmt_dates(mp.gold)} {_fmt_location(mp.gold)}"
            )
            mism.append("    " + "; ".join(diffs))
    n_mism = len(mism) // 2
    lines += ["", f"Mismatched fields among matched ({n_mism} of {len(result.matched)})", "-" * 32]
    lines += mism if mism else ["  (none)"]
    return "\n".join(lines) + "\n"

