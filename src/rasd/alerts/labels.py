"""Names in Arabic or English for alerts and digests, all from rasd's data packs:
``labels.yaml`` (event types, words), ``actors.yaml`` (actor names), the embedded
gazetteer (governorates) and ``sources.yaml`` (who reported)."""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import Any

from rasd.data import data_path, load_yaml

LANGS = ("ar", "en")


@lru_cache(maxsize=1)
def _admin1() -> dict[str, tuple[str, str]]:
    """Governorate English name → (English, Arabic), and the Arabic name → the same."""
    out: dict[str, tuple[str, str]] = {}
    for name in ("places_default.csv", "places_regions.csv"):
        with data_path(name).open("r", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                en, ar = row.get("admin1_name_en") or "", row.get("admin1_name_ar") or ""
                if en and ar:
                    out.setdefault(en, (en, ar))
                    out.setdefault(ar, (en, ar))
    return out


@lru_cache(maxsize=1)
def _actors_ar() -> dict[str, str]:
    names = {a["name"]: (a.get("aliases_ar") or [None])[0] for a in load_yaml("actors.yaml")["actors"]}
    names.update(load_yaml("labels.yaml").get("actors_ar") or {})
    return {k: v for k, v in names.items() if v}


@lru_cache(maxsize=1)
def _sources_ar() -> dict[str, str]:
    return {name: aliases[0] for name, aliases in (load_yaml("sources.yaml").get("sources") or {}).items() if aliases}


def word(key: str, lang: str) -> str:
    return str(load_yaml("labels.yaml")["words"][lang][key])


def event_type(value: str | None, lang: str) -> str:
    if not value or lang == "en":
        return value or ""
    return str(load_yaml("labels.yaml")["event_types"].get(value, value))


def sub_event_type(value: str | None, lang: str) -> str:
    if not value or lang == "en":
        return value or ""
    return str(load_yaml("labels.yaml")["sub_event_types"].get(value, value))


def actor(value: str | None, lang: str) -> str:
    if not value or lang == "en":
        return value or ""
    return _actors_ar().get(value, value)


def source(value: str, lang: str) -> str:
    return value if lang == "en" else _sources_ar().get(value, value)


def admin1(value: str | None, lang: str) -> str:
    if not value:
        return word("unknown_admin1", lang)
    found = _admin1().get(value)
    return (found[1] if lang == "ar" else found[0]) if found else value


def admin1_english(value: str) -> str:
    """The English governorate name the store keeps, for an English or Arabic name."""
    found = _admin1().get(value.strip())
    return found[0] if found else value.strip()


def country(code: str | None, lang: str) -> str:
    if not code:
        return ""
    names: dict[str, Any] = load_yaml("labels.yaml").get("countries") or {}
    return str(names.get(code, {}).get(lang, code))


def place(record: dict[str, Any], lang: str) -> str:
    """"Location, governorate" in ``lang`` (the Arabic location as the article wrote it)."""
    location = (record.get("location_ar") or record.get("location")) if lang == "ar" else \
        (record.get("location") or record.get("location_ar"))
    region = admin1(record.get("admin1"), lang) if record.get("admin1") else ""
    parts = [p for p in (location, region if region != location else "") if p]
    return "، ".join(parts) if lang == "ar" else ", ".join(parts)


def number(value: int, lang: str) -> str:
    return str(value)
