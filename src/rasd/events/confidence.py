"""How likely an event is right: a logistic model over what the text itself gave the
event (a trigger that says how, an author named in the clause, a stated date, a toll, a
place below the governorate) and what rules had to supply from elsewhere.

The weights (``data/confidence.yaml``) are fitted on the gold the team tunes on, never on
the held-back part (``tools/train_confidence.py``), so that ``confidence`` reads as the
share of such events that match a hand-coded one: ``rasd evaluate`` reports how well it
does (a reliability table and the expected calibration error).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from rasd.data import load_yaml

#: Rules that fill a field from outside the clause: each one makes an event less sure.
BORROWING_RULES = frozenset({
    "place_from_previous_sentence", "place_of_the_event_referred_back_to", "place_from_document_focus",
    "actors_of_the_event_referred_back_to", "attack_already_told_is_its_strike", "air_force_from_document",
    "actor1_from_document_salience", "shelling_by_the_author_of_the_last_strike", "actor2_from_document_salience",
    "chemical_attack_by_most_named_state_force", "militants_are_the_jihadist_group",
})

#: The features, in the order of the model's weights.
FEATURES = (
    "strength", "mode", "weak", "territory", "agent_in_text", "agent_default", "actor2", "date_in_sentence",
    "date_reported", "date_borrowed", "undated", "toll", "toll_large", "place_specific", "place_governorate",
    "place_unknown", "place_ambiguous", "borrowed_fields", "remote", "battle", "civilians", "strategic",
    "protest", "one_of_a_list",
)


@dataclass(frozen=True)
class ConfidenceModel:
    weights: dict[str, float]
    bias: float

    def __call__(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def confidence_model() -> ConfidenceModel:
    data = load_yaml("confidence.yaml")
    unknown = set(data["weights"]) - set(FEATURES)
    if unknown:
        from rasd.errors import DataError

        raise DataError(f"confidence.yaml: unknown features {sorted(unknown)}")
    return ConfidenceModel({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]))


def features(*, strength: float, mode: bool, weak: bool, territory: bool, agent_in_text: bool,
             agent_default: bool, actor2: bool, date_in_sentence: bool, date_reported: bool, date_borrowed: bool,
             undated: bool, fatalities: int, geo_precision: int, place_unknown: bool, place_ambiguous: bool,
             rules: list[str], event_type: str, civilians: bool, list_size: int) -> dict[str, float]:
    """The model's inputs for one event, each in [0, 1] (``borrowed_fields`` counts)."""
    return {
        "strength": strength, "mode": float(mode), "weak": float(weak), "territory": float(territory),
        "agent_in_text": float(agent_in_text), "agent_default": float(agent_default), "actor2": float(actor2),
        "date_in_sentence": float(date_in_sentence), "date_reported": float(date_reported),
        "date_borrowed": float(date_borrowed), "undated": float(undated),
        "toll": float(fatalities > 0), "toll_large": float(fatalities >= 20),
        "place_specific": float(geo_precision == 1), "place_governorate": float(geo_precision == 3),
        "place_unknown": float(place_unknown), "place_ambiguous": float(place_ambiguous),
        "borrowed_fields": float(sum(1 for r in rules if r in BORROWING_RULES)),
        "remote": float(event_type == "Explosions/Remote violence"), "battle": float(event_type == "Battles"),
        "civilians": float(civilians), "strategic": float(event_type == "Strategic developments"),
        "protest": float(event_type in ("Protests", "Riots")), "one_of_a_list": float(list_size > 1),
    }
