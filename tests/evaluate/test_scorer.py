import copy
import itertools
import json
import random
from pathlib import Path

import pytest

from rasd.evaluate.scorer import (
    FIGURE_KEYS,
    EvaluationResult,
    events_match,
    format_report,
    max_weight_matching,
    normalize_place,
    score,
)

DEV_GOLD = Path("/work/shared/data/gold/dev.jsonl")

RATIO_KEYS = [
    k
    for k in FIGURE_KEYS
    if k not in ("n_docs", "n_negative_docs", "n_gold", "n_pred", "n_matched")
]


def ev(**kw):
    """A gold-like event record with sensible defaults."""
    base = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "date": "2018-04-07",
        "date_end": "2018-04-07",
        "time_precision": 1,
        "actor1": "Syrian Government Forces",
        "actor2": "Civilians",
        "country": "SY",
        "admin1": "Rif Dimashq",
        "admin2": None,
        "location": "Douma",
        "location_ar": "دوما",
        "geo_precision": 1,
        "gazetteer_id": "wof:890442375",
        "latitude": 33.57175,
        "longitude": 36.4027,
        "fatalities": 10,
        "quote": "غارات على دوما",
    }
    base.update(kw)
    return base


def elsewhere(**kw):
    """Event with a place unrelated to Douma (no id / coords)."""
    d = dict(
        location="Raqqa",
        location_ar="الرقة",
        admin1="Raqqa",
        gazetteer_id=None,
        latitude=None,
        longitude=None,
    )
    d.update(kw)
    return ev(**d)


def one_doc(gold_events, pred_events, doc_id="d1"):
    return score([{"id": doc_id, "published": "2018-04-09", "events": gold_events}], {doc_id: pred_events})


# --------------------------------------------------------------------------
# whole-score scenarios
# --------------------------------------------------------------------------


def test_perfect_prediction_all_ones():
    gold_docs = [
        {"id": "a", "published": "2018-04-09", "events": [ev(), elsewhere(sub_event_type="Shelling/artillery/missile attack")]},
        {"id": "b", "published": "2018-04-09", "events": [ev(event_type="Battles", sub_event_type="Armed clash", actor2=None, fatalities=0)]},
        {"id": "neg", "published": "2018-04-09", "events": []},
    ]
    preds = {d["id"]: copy.deepcopy(d["events"]) for d in gold_docs}
    r = score(gold_docs, preds)
    assert set(r.figures) == set(FIGURE_KEYS)
    for k in RATIO_KEYS:
        assert r.figures[k] == 1.0, k
    assert r.figures["n_gold"] == r.figures["n_pred"] == r.figures["n_matched"] == 3
    assert r.figures["n_docs"] == 3 and r.figures["n_negative_docs"] == 1
    assert r.missed == [] and r.spurious == []


def test_empty_predictions():
    gold_docs = [
        {"id": "a", "events": [ev(), elsewhere()]},
        {"id": "neg", "events": []},
    ]
    r = score(gold_docs, {})
    f = r.figures
    assert f["n_pred"] == 0 and f["n_matched"] == 0 and f["n_gold"] == 2
    assert f["event_recall"] == 0.0
    assert f["event_precision"] is None
    assert f["event_f1"] is None
    assert f["doc_precision"] is None
    assert f["doc_recall"] == 0.0
    assert f["negative_docs_clean"] == 1.0
    for k in ("sub_event_type_accuracy", "actor1_accuracy", "actor2_accuracy", "date_accuracy",
              "fatalities_exact", "fatalities_within_20pct"):
        assert f[k] is None, k
    assert f["date_resolution_accuracy"] == 0.0
    assert f["location_resolution_accuracy"] == 0.0
    assert [doc for doc, _ in r.missed] == ["a", "a"]


def test_no_gold_docs_all_ratios_none():
    r = score([], {"x": [ev()]})
    for k in RATIO_KEYS:
        assert r.figures[k] is None, k
    assert r.figures["n_docs"] == 0 and r.figures["n_pred"] == 0
    assert r.unscored_doc_ids == ["x"]
    format_report(r)  # must not crash


def test_precision_and_recall_zero_gives_f1_zero():
    r = one_doc([ev()], [elsewhere()])
    assert r.figures["event_precision"] == 0.0
    assert r.figures["event_recall"] == 0.0
    assert r.figures["event_f1"] == 0.0
    assert r.figures["doc_precision"] == 1.0 and r.figures["doc_recall"] == 1.0


# --------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------


def test_off_by_one_day_matches_but_date_inexact():
    r = one_doc([ev()], [ev(date="2018-04-08", date_end="2018-04-08")])
    assert r.figures["n_matched"] == 1
    assert r.figures["date_accuracy"] == 0.0
    assert r.figures["sub_event_type_accuracy"] == 1.0
    assert r.figures["date_resolution_accuracy"] == 1.0


def test_off_by_three_days_no_match():
    r = one_doc([ev()], [ev(date="2018-04-10", date_end="2018-04-10")])
    assert r.figures["n_matched"] == 0
    assert r.figures["event_precision"] == 0.0
    assert r.figures["date_resolution_accuracy"] == 0.0
    # the place was still found
    assert r.figures["location_resolution_accuracy"] == 1.0
    assert len(r.missed) == 1 and len(r.spurious) == 1


def test_off_by_two_days_still_overlaps_after_widening_both():
    # gold [06,08], pred [08,10] -> overlap on the 8th
    assert events_match(ev(), ev(date="2018-04-09", date_end="2018-04-09"))
    assert events_match(ev(), ev(date="2018-04-05", date_end=None))


def test_windows_overlap_and_missing_date_end():
    gold = ev(date="2018-02-01", date_end="2018-02-28")
    assert events_match(gold, ev(date="2018-02-15", date_end=None))
    assert events_match(gold, ev(date="2018-03-01", date_end="2018-03-05"))
    assert not events_match(gold, ev(date="2018-03-03", date_end="2018-03-05"))


def test_null_date_never_matches():
    assert not events_match(ev(), ev(date=None, date_end=None))
    assert not events_match(ev(date=None, date_end=None), ev(date=None, date_end=None))
    r = one_doc([ev(date=None, date_end=None)], [ev(date=None, date_end=None)])
    assert r.figures["n_matched"] == 0
    assert r.figures["date_resolution_accuracy"] == 0.0


def test_event_type_must_be_equal():
    assert not events_match(ev(), ev(event_type="Battles", sub_event_type="Armed clash"))


# --------------------------------------------------------------------------
# locations
# --------------------------------------------------------------------------


def test_wrong_place_no_match():
    assert not events_match(ev(), elsewhere())
    r = one_doc([ev()], [elsewhere()])
    assert r.figures["n_matched"] == 0
    assert r.figures["location_resolution_accuracy"] == 0.0
    assert r.figures["date_resolution_accuracy"] == 1.0


def test_same_place_by_gazetteer_id():
    gold = ev()
    pred = ev(location="Duma", location_ar="مدينة دوما", latitude=None, longitude=None)
    assert events_match(gold, pred)
    # different ids and nothing else in common -> no match
    assert not events_match(gold, dict(pred, gazetteer_id="wof:1"))


def test_same_place_by_english_name_case_insensitive():
    gold = elsewhere(location="Al-Hasakah", location_ar=None)
    assert events_match(gold, elsewhere(location="al hasakah", location_ar=None))
    assert events_match(gold, elsewhere(location="HASAKAH", location_ar=None))


def test_same_place_by_arabic_name_normalized():
    gold = elsewhere(location="Al-Hasakah", location_ar="الحسكة", admin1="Al-Hasakah")
    pred = elsewhere(location="Hasakeh city", location_ar="الحسكه", admin1=None)
    assert events_match(gold, pred)
    # diacritics / tatweel / hamza forms are ignored too
    assert normalize_place("الحَسَكَـة") == normalize_place("حسكه")
    assert normalize_place("إدلب") == normalize_place("ادلب")
    assert normalize_place("دير الزور") == normalize_place("دير زور") == "ديرزور"
    assert normalize_place("البوكمال") == normalize_place("بوكمال")
    assert normalize_place(None) == normalize_place("  ") == ""


def test_empty_names_do_not_match():
    gold = elsewhere(location="", location_ar="")
    pred = elsewhere(location=None, location_ar=None)
    assert not events_match(gold, pred)


def test_same_place_by_coordinates_within_10km():
    gold = ev(gazetteer_id=None, location="Douma", location_ar="دوما", latitude=33.57175, longitude=36.4027)
    near = ev(gazetteer_id=None, location="X", location_ar="س", latitude=33.60, longitude=36.45)  # ~5.4 km
    far = ev(gazetteer_id=None, location="X", location_ar="س", latitude=33.51, longitude=36.29)  # ~12.5 km
    assert events_match(gold, near)
    assert not events_match(gold, far)
    assert not events_match(gold, dict(near, latitude=None))


def test_gold_governorate_precision_same_admin1():
    gold = elsewhere(location="Deir ez-Zor", location_ar="دير الزور", admin1="Deir ez-Zor", geo_precision=3)
    pred = elsewhere(location="Hajin", location_ar="هجين", admin1="deir ez-zor", geo_precision=1)
    assert events_match(gold, pred)
    # only when the gold is governorate-level
    assert not events_match(dict(gold, geo_precision=1), pred)
    assert not events_match(gold, dict(pred, admin1="Raqqa"))


# --------------------------------------------------------------------------
# one-to-one matching
# --------------------------------------------------------------------------


def test_duplicate_predictions_one_match_one_spurious():
    r = one_doc([ev()], [ev(), ev()])
    assert r.figures["n_matched"] == 1
    assert r.figures["event_precision"] == 0.5
    assert r.figures["event_recall"] == 1.0
    assert r.figures["event_f1"] == pytest.approx(2 / 3)
    assert len(r.spurious) == 1 and r.missed == []


def test_maximum_matching_beats_greedy_first_fit():
    gold1 = ev(date="2018-04-07", date_end="2018-04-07")
    gold2 = ev(date="2018-04-10", date_end="2018-04-10")
    pred_a = ev(date="2018-04-08", date_end="2018-04-09")  # overlaps gold1 and gold2
    pred_b = ev(date="2018-04-05", date_end="2018-04-05")  # overlaps gold1 only
    assert events_match(gold1, pred_a) and events_match(gold2, pred_a)
    assert events_match(gold1, pred_b) and not events_match(gold2, pred_b)
    r = one_doc([gold1, gold2], [pred_a, pred_b])
    assert r.figures["n_matched"] == 2
    pairs = {(mp.gold["date"], mp.pred["date"]) for mp in r.matched}
    assert pairs == {("2018-04-07", "2018-04-05"), ("2018-04-10", "2018-04-08")}


def test_among_maximum_matchings_prefer_field_agreement():
    g1 = ev(sub_event_type="Air/drone strike", fatalities=5)
    g2 = ev(sub_event_type="Shelling/artillery/missile attack", fatalities=7)
    # predictions in the "wrong" order; all four pairs are admissible
    p1 = ev(sub_event_type="Shelling/artillery/missile attack", fatalities=7)
    p2 = ev(sub_event_type="Air/drone strike", fatalities=5)
    r = one_doc([g1, g2], [p1, p2])
    assert r.figures["n_matched"] == 2
    assert r.figures["sub_event_type_accuracy"] == 1.0
    assert r.figures["fatalities_exact"] == 1.0


def test_cardinality_dominates_preference():
    # g1 agrees perfectly with p1, but p1 is the only candidate for g2:
    # the max matching must still pair g2-p1 and g1-p2.
    g1 = ev(date="2018-04-07", date_end="2018-04-07", sub_event_type="Air/drone strike")
    g2 = ev(date="2018-04-10", date_end="2018-04-10", sub_event_type="Shelling/artillery/missile attack")
    p1 = ev(date="2018-04-08", date_end="2018-04-08", sub_event_type="Air/drone strike")
    p2 = ev(date="2018-04-05", date_end="2018-04-05", sub_event_type="Shelling/artillery/missile attack")
    r = one_doc([g1, g2], [p1, p2])
    assert r.figures["n_matched"] == 2
    assert r.figures["sub_event_type_accuracy"] == 0.0


def _brute_force_best(weights):
    n, m = len(weights), len(weights[0])
    best = 0
    rows = list(range(n))
    for k in range(min(n, m), 0, -1):
        for rs in itertools.combinations(rows, k):
            for cs in itertools.permutations(range(m), k):
                if all(weights[r][c] > 0 for r, c in zip(rs, cs)):
                    best = max(best, sum(weights[r][c] for r, c in zip(rs, cs)))
    return best


def test_max_weight_matching_against_brute_force():
    rng = random.Random(1234)
    for _ in range(300):
        n, m = rng.randint(1, 4), rng.randint(1, 4)
        w = [[rng.choice([0, 0, 0, 100 + rng.randint(0, 9)]) for _ in range(m)] for _ in range(n)]
        pairs = max_weight_matching(w)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
        assert all(w[r][c] > 0 for r, c in pairs)
        assert sum(w[r][c] for r, c in pairs) == _brute_force_best(w), w


# --------------------------------------------------------------------------
# field accuracies
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "gold_f, pred_f, exact, within",
    [
        (10, 12, False, True),
        (10, 8, False, True),
        (10, 13, False, False),
        (10, 10, True, True),
        (0, 0, True, True),
        (0, 1, False, False),
        (100, 120, False, True),
        (100, 79, False, False),
    ],
)
def test_fatalities_within_20pct(gold_f, pred_f, exact, within):
    r = one_doc([ev(fatalities=gold_f)], [ev(fatalities=pred_f)])
    assert r.figures["n_matched"] == 1
    assert r.figures["fatalities_exact"] == (1.0 if exact else 0.0)
    assert r.figures["fatalities_within_20pct"] == (1.0 if within else 0.0)


def test_actor_accuracy_none_equals_none():
    gold = [ev(actor2=None), elsewhere(actor2="Civilians")]
    pred = [ev(actor2=None), elsewhere(actor2=None, actor1="Islamic State")]
    r = one_doc(gold, pred)
    assert r.figures["n_matched"] == 2
    assert r.figures["actor2_accuracy"] == 0.5
    assert r.figures["actor1_accuracy"] == 0.5


def test_sub_event_type_accuracy_and_resolution_figures():
    gold = [ev(), elsewhere(date="2018-03-01", date_end="2018-03-01")]
    pred = [
        ev(sub_event_type="Shelling/artillery/missile attack"),
        # right date for gold 2 but wrong type and place -> only date resolved
        ev(event_type="Battles", sub_event_type="Armed clash", date="2018-03-02", date_end="2018-03-02",
           location="Homs", location_ar="حمص", gazetteer_id=None, latitude=None, longitude=None, admin1="Homs"),
    ]
    r = one_doc(gold, pred)
    f = r.figures
    assert f["n_matched"] == 1
    assert f["sub_event_type_accuracy"] == 0.0
    assert f["date_resolution_accuracy"] == 1.0
    assert f["location_resolution_accuracy"] == 0.5
    assert f["event_precision"] == 0.5 and f["event_recall"] == 0.5
    assert f["event_f1"] == 0.5


# --------------------------------------------------------------------------
# documents
# --------------------------------------------------------------------------


def test_negative_docs():
    gold_docs = [
        {"id": "neg1", "events": []},
        {"id": "neg2", "events": []},
        {"id": "pos", "events": [ev()]},
    ]
    preds = {"neg1": [ev()], "pos": [ev()]}
    r = score(gold_docs, preds)
    f = r.figures
    assert f["n_negative_docs"] == 2
    assert f["negative_docs_clean"] == 0.5
    assert f["doc_precision"] == 0.5  # 2 docs predicted positive, 1 truly positive
    assert f["doc_recall"] == 1.0
    assert f["event_precision"] == 0.5
    assert r.spurious == [("neg1", preds["neg1"][0])]


def test_matching_is_per_document():
    gold_docs = [{"id": "a", "events": [ev()]}, {"id": "b", "events": []}]
    r = score(gold_docs, {"b": [ev()]})
    assert r.figures["n_matched"] == 0
    assert r.figures["date_resolution_accuracy"] == 0.0


def test_duplicate_gold_ids_rejected():
    with pytest.raises(ValueError):
        score([{"id": "a", "events": []}, {"id": "a", "events": []}], {})


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------


def test_format_report_sections():
    gold = [ev(quote="قصف على دوما"), elsewhere(quote="غارة على الرقة", fatalities=3)]
    pred = [
        ev(actor1="Russian Forces", evidence=[{"field": "trigger", "start": 0, "end": 3, "text": "غارات"}]),
        ev(event_type="Battles", sub_event_type="Armed clash", location="Homs", location_ar="حمص",
           gazetteer_id=None, latitude=None, longitude=None, evidence=[], notes="clash in Homs"),
    ]
    r = one_doc(gold, pred, doc_id="doc-7")
    text = format_report(r)
    assert isinstance(text, str)
    for k in FIGURE_KEYS:
        assert k in text
    assert "Missed (1)" in text and "Spurious (1)" in text
    assert "غارة على الرقة" in text  # gold quote of the missed event
    assert "clash in Homs" in text  # notes used when there is no trigger evidence
    assert "Mismatched fields among matched (1 of 1)" in text
    assert "actor1: pred=Russian Forces gold=Syrian Government Forces" in text
    assert "doc-7" in text


def test_format_report_shows_none_as_na():
    r = score([{"id": "a", "events": [ev()]}], {})
    text = format_report(r)
    line = next(x for x in text.splitlines() if x.strip().startswith("event_precision"))
    assert "n/a" in line


# --------------------------------------------------------------------------
# real gold
# --------------------------------------------------------------------------


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="dev gold not available")
def test_dev_gold_against_itself_is_perfect():
    gold_docs = [json.loads(x) for x in DEV_GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert gold_docs
    # reversed order: the matching must still pair each gold event with its copy
    # (several dev docs have same-type events at one place on overlapping dates)
    preds = {d["id"]: copy.deepcopy(d["events"])[::-1] for d in gold_docs}
    r = score(gold_docs, preds)
    f = r.figures
    assert f["n_matched"] == f["n_gold"] == f["n_pred"]
    for k in RATIO_KEYS:
        if k == "negative_docs_clean" and f["n_negative_docs"] == 0:
            assert f[k] is None
            continue
        assert f[k] == 1.0, (k, f[k])
    # every gold event is paired with itself
    assert all(mp.gold is not mp.pred and mp.gold == mp.pred for mp in r.matched)
    assert isinstance(r, EvaluationResult)
    assert "Missed (0)" in format_report(r)
