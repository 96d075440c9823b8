"""What the reference datasets call what rasd calls: event types, governorates, countries.

ACLED changed its taxonomy in 2019 (nine event types became six, with sub-event types),
UCDP has three types of violence, and each dataset spells governorates its own way
(Idleb, Idlib, "Idlib governorate"). Matching compares rasd's names with the reference
mapped into them; the tables are data (``data/reference.yaml``), not code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rasd.data import load_yaml
from rasd.model import EVENT_TAXONOMY, EVENT_TYPE_OF

_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ath", "ez", "es", "ed", "er", "en"})
_ADMIN_WORDS = frozenset({"governorate", "province", "muhafazat", "mohafazat", "gouvernorat", "wilayat"})


@dataclass(frozen=True)
class MappedType:
    """A reference event's type in today's ACLED taxonomy: the event types it can be
    (one, except the old "Riots/Protests" and UCDP's types) and the sub-event type when
    the reference says it."""

    types: frozenset[str]
    sub_event_type: str | None = None

    @property
    def label(self) -> str:
        return " or ".join(sorted(self.types))


def fold(text: str) -> str:
    """Lower case without accents or marks: "Ḥimṣ" → "hims"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def loose_key(name: str) -> str:
    """A spelling-tolerant key of an English place or unit name: "Al?Hasakeh",
    "Al-Hasakeh governorate" and "al hasakeh" all give "hasakeh"."""
    words = [w for w in re.split(r"[^a-z]+", fold(name)) if w]
    words = [w for w in words if w not in _ADMIN_WORDS]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return "".join(words)


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    return load_yaml("reference.yaml")  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _admin1_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, aliases in _tables()["admin1"].items():
        for name in [canonical, *(aliases or [])]:
            index.setdefault(loose_key(str(name)), canonical)
    return index


def admin1_key(name: str | None) -> str | None:
    """The governorate as rasd names it (gazetteer admin1), for any spelling the
    reference datasets use; an unknown name keeps its loose key, so two unknown
    spellings that differ only in case or punctuation still compare equal."""
    if not name or not name.strip():
        return None
    key = loose_key(name)
    return _admin1_index().get(key, key or None)


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, names in _tables()["countries"].items():
        for name in [code, *names]:
            index[str(name).strip().lower()] = code
    return index


def country_code(value: str | None) -> str | None:
    """ISO alpha-2 of a country name, alpha-2/alpha-3 or numeric code (ACLED's ``iso``
    is numeric, UCDP's ``country_id`` a Gleditsch-Ward number); None when unknown."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    found = _country_index().get(text.lower())
    if found:
        return found
    return text.upper() if re.fullmatch(r"[A-Za-z]{2}", text) else None


def _canon(text: str) -> str:
    return re.sub(r"\s*([-/])\s*", r"\1", " ".join(text.split())).lower()


@lru_cache(maxsize=1)
def _acled_types() -> dict[str, MappedType]:
    out: dict[str, MappedType] = {}
    for name, entry in _tables()["acled_old_types"].items():
        out[_canon(name)] = MappedType(frozenset(entry["types"]), entry.get("sub_event_type"))
    for event_type in EVENT_TAXONOMY:
        out[_canon(event_type)] = MappedType(frozenset({event_type}))
    return out


def acled_type(event_type: str, sub_event_type: str | None = None) -> MappedType | None:
    """An ACLED row's type in today's taxonomy, from either taxonomy; None when the
    type is neither (the row is then skipped and counted)."""
    mapped = _acled_types().get(_canon(event_type))
    if mapped is None:
        return None
    if sub_event_type:
        sub = next((s for s in EVENT_TYPE_OF if _canon(s) == _canon(sub_event_type)), None)
        if sub is not None and EVENT_TYPE_OF[sub] in mapped.types:
            return MappedType(frozenset({EVENT_TYPE_OF[sub]}), sub)
    return mapped


def ucdp_type(type_of_violence: str) -> tuple[MappedType, str] | None:
    """UCDP's type of violence (1, 2, 3) as the ACLED types that can code it, and its label."""
    try:
        entry = _tables()["ucdp_types"].get(int(float(type_of_violence)))
    except ValueError:
        return None
    if entry is None:
        return None
    return MappedType(frozenset(entry["types"])), str(entry["label"])


def ucdp_precision(where_prec: str) -> int | None:
    """UCDP's where_prec (1-7) as a geo precision 1-3; None when only the country (or
    less) is known."""
    try:
        return _tables()["ucdp_where_prec"].get(int(float(where_prec)))  # type: ignore[no-any-return]
    except ValueError:
        return None
