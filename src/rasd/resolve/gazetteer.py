"""The gazetteer: places with Arabic names, admin hierarchy and coordinates.

Sources, in the rasd gazetteer CSV format (documented in docs/gazetteer-format.md):
an installed data directory (``rasd data install``), or the embedded default that ships
with rasd (governorates and their capitals of Syria and Iraq). The index is built once
and cached on disk next to its source, keyed by the sources' size and mtime.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import logging
import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from rasd.data import data_path
from rasd.errors import DataError
from rasd.text.normalize import loose_key, normalize_key
from rasd.text.tokens import PhraseMatcher

CACHE_VERSION = 13  # bump when Place, Gazetteer or PhraseMatcher change shape, or the names indexed
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[A-Za-z]")
#: A name the gazetteer writes with the word for its kind of place ("ناحية خان بني سعد"):
#: articles write their own such word, or none, before the name itself (raw CSV text).
_CUE_OF_THE_NAME = re.compile(r"^(?:ناحية|ناحيه|قرية|قريه|قضاء|بلدة|بلده|مدينة|مدينه|مخيم)\s+(\S+\s+\S.*)$")

# How specific a feature is, for choosing among rows that share a name.
FEATURE_RANK = {
    "city": 0, "town": 1, "village": 2, "neighbourhood": 3, "camp": 3, "site": 3, "region": 4,
    "district": 4, "subdistrict": 5, "governorate": 6, "abandoned": 7, "destroyed": 8,
    "historical": 9,
}
ADMIN_FEATURES = {"governorate", "district", "subdistrict"}


log = logging.getLogger(__name__)

class GazetteerError(DataError):
    """A gazetteer source that cannot be read: names the file and the problem."""


@dataclass(slots=True)
class Place:
    id: str
    country: str
    feature: str
    name_ar: str
    name_en: str
    lat: float | None
    lon: float | None
    population: int
    admin1: str
    admin1_ar: str
    admin1_pcode: str
    admin2: str
    admin2_ar: str
    admin3: str
    names_ar: list[str] = field(default_factory=list)
    #: Its names in Latin script (the English name and romanized variants): a spelling an
    #: Arabic article uses may be known only as one of these ("مكيشيفة" is "Mukayshifah").
    names_latin: list[str] = field(default_factory=list)
    #: The GeoNames feature code where the source gives one ("PPLA2": the seat of a district).
    feature_code: str = ""

    @property
    def is_admin(self) -> bool:
        return self.feature in ADMIN_FEATURES

    @property
    def seat_of_a_district(self) -> bool:
        """The town a governorate's or a district's government sits in (GeoNames PPLA, PPLA2)."""
        return self.feature_code in ("PPLA", "PPLA2")

    @property
    def display_name(self) -> str:
        """English name as ACLED writes a location: admin units by their admin name."""
        if self.feature == "governorate" and self.admin1:
            return self.admin1
        if self.feature == "district" and self.admin2:
            return self.admin2
        return self.name_en or self.name_ar


REQUIRED_COLUMNS = ("id", "country", "feature", "name_ar", "lat", "lon")


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _latin_names(name_en: str | None, alt_names: str | None) -> list[str]:
    names = [name_en or ""] + (alt_names or "").split("|")
    return list(dict.fromkeys(n.strip() for n in names if _LATIN.search(n) and not _ARABIC.search(n)))


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def read_rasd_csv(path: Path) -> Iterator[Place]:
    """Rows of a rasd-format gazetteer CSV (plain or .gz)."""
    try:
        with _open_text(path) as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise GazetteerError(f"{path}: not a rasd gazetteer CSV (missing columns: {', '.join(missing)})")
            for line, row in enumerate(reader, start=2):
                lat, lon = _float(row.get("lat")), _float(row.get("lon"))
                if not row.get("id") or (row.get("lat") and lat is None):
                    raise GazetteerError(f"{path}:{line}: bad row (id or coordinates)")
                names = [row.get("name_ar") or ""]
                names += [n for n in (row.get("alt_names") or "").split("|")
                          if _ARABIC.search(n) and not _LATIN.search(n)]
                yield Place(
                    id=row["id"], country=row.get("country") or "", feature=row.get("feature") or "",
                    name_ar=row.get("name_ar") or "", name_en=row.get("name_en") or "",
                    lat=lat, lon=lon,
                    population=int(float(row.get("population") or 0)),
                    admin1=row.get("admin1_name_en") or "", admin1_ar=row.get("admin1_name_ar") or "",
                    admin1_pcode=row.get("admin1_pcode") or "",
                    admin2=row.get("admin2_name_en") or "", admin2_ar=row.get("admin2_name_ar") or "",
                    admin3=row.get("admin3_name_en") or "",
                    names_ar=[n.strip() for n in names if n.strip()],
                    names_latin=_latin_names(row.get("name_en"), row.get("alt_names")),
                    feature_code=row.get("feature_code") or "",
                )
    except (OSError, EOFError, UnicodeDecodeError, csv.Error, gzip.BadGzipFile) as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer ({exc.__class__.__name__}: {exc})") from exc


class Gazetteer:
    """Places and a phrase matcher over all their Arabic names."""

    def __init__(self, places: Iterable[Place], sources: list[str]) -> None:
        self.places: list[Place] = list(places)
        self.sources = sources
        self.by_id = {p.id: p for p in self.places}
        self.matcher: PhraseMatcher[int] = PhraseMatcher(article_insensitive=True)
        self.governorates: dict[str, Place] = {}
        for index, place in enumerate(self.places):
            for name in dict.fromkeys(normalize_key(n) for n in place.names_ar):
                self.matcher.add(name, index)
            if place.feature == "governorate" and place.admin1:
                self.governorates.setdefault(f"{place.country}:{place.admin1}", place)
        # the indexes of names spelled otherwise, made here so that the cache holds them: a
        # worker that loads the gazetteer does not spend a second remaking them
        by_loose: dict[str, dict[int, None]] = {}
        by_consonants: dict[str, dict[int, None]] = {}
        for index, place in enumerate(self.places):
            for n in place.names_ar:
                by_loose.setdefault(loose_key(n), {})[index] = None
            for n in place.names_latin:
                by_consonants.setdefault(latin_consonants(n), {})[index] = None
        # (tuples: a smaller cache, read faster than sets)
        self._by_loose_name = {key: tuple(ids) for key, ids in by_loose.items()}
        self._by_latin_consonants = {key: tuple(ids) for key, ids in by_consonants.items()}

    def __len__(self) -> int:
        return len(self.places)

    def governorate_of(self, place: Place) -> Place | None:
        return self.governorates.get(f"{place.country}:{place.admin1}")

    def city_of(self, place: Place) -> Place | None:
        """The city or town a neighbourhood lies in (event-schema.md §3.2: a neighbourhood
        is coded at its city): a city of its governorate within 30 km (Baghdad, not the
        town at the edge of its southern quarters), else the nearest town there."""
        if place.lat is None or place.lon is None:
            return None
        lat, lon, scale = place.lat, place.lon, math.cos(math.radians(place.lat))
        near = [(town.feature != "city", km, town)
                for town, t_lat, t_lon in self._towns().get((place.country, place.admin1), [])
                if (km := 111.2 * math.hypot(t_lat - lat, (t_lon - lon) * scale)) <= 30]
        return min(near, key=lambda n: n[:2])[2] if near else None

    def capital_of(self, index: int) -> int | None:
        """The index of the capital city of the governorate at ``index`` ("جامعة الأنبار"
        stands in Ramadi), by the capitals rasd's own place list names; None for a place
        that is no governorate, or whose capital this gazetteer lacks."""
        governorate = self.places[index]
        if governorate.feature != "governorate":
            return None
        name = capital_names().get((governorate.country, normalize_key(governorate.name_ar)))
        if name is None:
            return None
        settlements = self.__dict__.get("_settlements_by_governorate")
        if settlements is None:  # made on first use (the gazetteer may come from a cache)
            settlements = {}
            for i, p in enumerate(self.places):
                if p.feature in ("city", "town", "village"):  # (some capitals are rows of villages)
                    settlements.setdefault((p.country, p.admin1), []).append(i)
            self.__dict__["_settlements_by_governorate"] = settlements
        found = [i for i in settlements.get((governorate.country, governorate.admin1), [])
                 if name in {normalize_key(n) for n in self.places[i].names_ar}]
        return min(found, key=lambda i: ("city", "town", "village").index(self.places[i].feature)) if found else None

    def spelled_otherwise(self, name: str) -> list[int]:
        """The places whose name is ``name`` (normalized) written with one long vowel more or
        less (الشيفونية / شفونية, مكيشيفة / مكيشفة) or another final vowel letter (الشدادي /
        الشدادة): Arabic spells village names either way, and a gazetteer keeps one. Names
        of three letters, on either side, are left alone: a vowel more or less makes another
        word of them (حلب, حلبا)."""
        index = self._by_loose_name
        key = loose_key(name)
        if len(key.replace(" ", "")) < 4:
            return []
        found: set[int] = set()
        for variant in _vowel_variants(key):
            if len(variant.replace(" ", "")) >= 4:
                found.update(index.get(variant, ()))
        return sorted(found)

    def romanized_alike(self, name: str) -> list[int]:
        """The places one of whose Latin names has the consonants of ``name`` (Arabic,
        normalized), letters romanization confuses taken as one (ح/ه, س/ص, ت/ط, ك/ق): "جندريس"
        meets "Jindayris", "مكيشيفة" "Mukayshifah". Four consonants at least: fewer meet too
        many names ("حاجين" and "Hajin" share three)."""
        key = arabic_consonants(name)
        return sorted(self._by_latin_consonants.get(key, ())) if len(key) >= 4 else []

    def _towns(self) -> dict[tuple[str, str], list[tuple[Place, float, float]]]:
        """The cities and towns with coordinates, by governorate; made on first use (the
        gazetteer may come from a cache)."""
        towns = self.__dict__.get("_towns_by_governorate")
        if towns is None:
            towns = {}
            for p in self.places:
                if p.feature in ("city", "town") and p.lat is not None and p.lon is not None:
                    towns.setdefault((p.country, p.admin1), []).append((p, p.lat, p.lon))
            self.__dict__["_towns_by_governorate"] = towns
        return towns


_LONG_VOWELS = "اوي"
#: Final letters a name is written with either way (normalized: ة is ه, ى is ي).
_FINAL_SWAPS = {"ه": "يا", "ي": "ها", "ا": "هي"}


def _vowel_variants(key: str) -> set[str]:
    """``key`` (a ``loose_key``) with one long vowel letter dropped (any but its first
    letter) or added before one of its letters after the first, or its final vowel letter
    written as another."""
    variants = set()
    for k in range(1, len(key)):
        if key[k] in _LONG_VOWELS:
            variants.add(key[:k] + key[k + 1:])
        for vowel in _LONG_VOWELS:
            variants.add(key[:k] + vowel + key[k:])
    for other in _FINAL_SWAPS.get(key[-1], ""):
        variants.add(key[:-1] + other)
    variants.discard(key)
    return variants


#: Arabic letters (normalized) as the consonant classes romanizations share; long vowels,
#: hamza and ع are not written by most romanizations, and are dropped.
_ARABIC_CONSONANT = {"ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "K", "د": "d", "ذ": "d", "ر": "r",
                     "ز": "z", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "G", "ف": "f",
                     "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h"}
#: Latin digraphs for one Arabic consonant, and letters written for the same one.
_LATIN_DIGRAPHS = (("kh", "K"), ("sh", "S"), ("gh", "G"), ("th", "t"), ("dh", "d"), ("ch", "S"), ("ph", "f"),
                   ("q", "k"), ("c", "k"), ("x", "K"))
#: The Arabic article as romanizations write it, assimilated or not ("Ash Shaddadah").
_LATIN_ARTICLES = frozenset({"al", "el", "as", "ash", "es", "ad", "adh", "ed", "at", "ath", "et", "an", "en",
                             "ar", "er", "az", "ez"})


_DOUBLED = re.compile(r"(.)\1+")


def _collapse(consonants: str) -> str:
    """Doubled letters once (a shadda is written twice in Latin, once in Arabic), and no
    final h (the ة of "Shaffuniyah", written ه in normalized Arabic)."""
    collapsed = _DOUBLED.sub(r"\1", consonants)
    return collapsed[:-1] if collapsed.endswith("h") else collapsed


def arabic_consonants(name: str) -> str:
    """The consonant skeleton of an Arabic name (normalized), its words' articles left out;
    a ة before another word is the t romanizations write there ("معرة النعمان", "Ma`arrat
    an Nu`man")."""
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in normalize_key(name).split()]
    skeletons = [_collapse("".join(_ARABIC_CONSONANT.get(ch, "") for ch in w)) for w in words]
    return "".join(s + "t" if k < len(words) - 1 and words[k].endswith("ه") else s for k, s in enumerate(skeletons))


_NOT_LATIN = re.compile(r"[^a-z]+")
_LATIN_VOWELS = re.compile(r"[aeiouyw]")


def latin_consonants(name: str) -> str:
    """The consonant skeleton of a romanized name, comparable with ``arabic_consonants``."""
    plain = name if name.isascii() else \
        "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    words = _NOT_LATIN.sub(" ", plain.lower()).split()
    skeleton = []
    for k, word in enumerate(words):
        if word in _LATIN_ARTICLES and k < len(words) - 1:
            continue
        for digraph, letter in _LATIN_DIGRAPHS:
            if digraph in word:
                word = word.replace(digraph, letter)
        skeleton.append(_collapse(_LATIN_VOWELS.sub("", word)))
    return "".join(skeleton)


def embedded_source() -> Path:
    return Path(str(data_path("places_default.csv")))


@lru_cache(maxsize=1)
def capital_names() -> dict[tuple[str, str], str]:
    """(country, a governorate's normalized Arabic name) → its capital's, from the capital
    rows ("<governorate id>-c") of rasd's own place list, whichever gazetteer is loaded."""
    rows = list(read_rasd_csv(embedded_source()))
    governorates = {p.id: p for p in rows if p.feature == "governorate"}
    return {(g.country, normalize_key(g.name_ar)): normalize_key(p.name_ar)
            for p in rows if p.id.endswith("-c") and (g := governorates.get(p.id[:-2])) is not None}


def regions_source() -> Path:
    """Regions, mountains, military bases and city quarters news names but gazetteers lack."""
    return Path(str(data_path("places_regions.csv")))


def _fingerprint(paths: list[Path]) -> str:
    from rasd import __version__

    h = hashlib.sha256(f"{CACHE_VERSION}|{__version__}".encode())
    for p in paths:
        st = p.stat()
        h.update(f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def gazetteer_files(directory: Path) -> list[Path]:
    """The gazetteer files of a directory: rasd-format CSVs (main file first), then
    GeoNames country dumps (``SY.txt``, ``IQ.zip``)."""
    from rasd.resolve.geonames import is_geonames_file

    files = sorted(directory.glob("*.csv.gz")) + sorted(directory.glob("*.csv"))
    dumps = sorted(f for f in directory.glob("*.*") if f.is_file() and is_geonames_file(f))
    return [f for f in files if not f.name.startswith("coverage")] + dumps


def _read_any(path: Path) -> Iterator[Place]:
    from rasd.resolve.geonames import is_geonames_file, read_geonames

    if is_geonames_file(path):
        yield from read_geonames(path)
    elif path.name == "syria_admin_ocha.csv" or _is_ocha(path):
        yield from read_ocha_admin_csv(path)
    else:
        yield from read_rasd_csv(path)


def _is_ocha(path: Path) -> bool:
    if path.suffix != ".csv":
        return False
    with open(path, encoding="utf-8", errors="replace") as handle:
        header = handle.readline()
    return header.startswith("pcode,admin_level")


def read_ocha_admin_csv(path: Path) -> Iterator[Place]:
    """OCHA-style admin units (pcode, admin_level, ...): districts and subdistricts add
    names that settlements do not carry (ناحية هجين)."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GazetteerError(f"{path}: cannot read admin units ({exc})") from exc
    by_pcode = {r["pcode"]: r for r in rows}
    for row in rows:
        level = int(row.get("admin_level") or 0)
        if level == 1:
            continue  # governorates already come from the main file
        chain = [row]
        while chain[-1].get("parent_pcode") in by_pcode:
            chain.append(by_pcode[chain[-1]["parent_pcode"]])
        gov = chain[-1]
        district = chain[-2] if level == 3 else row
        names = [row["name_ar"]] + [n for n in row.get("alt_names", "").split("|")
                                    if _ARABIC.search(n) and not _LATIN.search(n)]
        yield Place(
            id=f"ocha:{row['pcode']}", country="SY", feature=row.get("feature") or "district",
            name_ar=row["name_ar"], name_en=row["name_en"],
            lat=_float(row.get("lat")), lon=_float(row.get("lon")),
            population=int(float(row.get("population") or 0)),
            admin1=gov["name_en"], admin1_ar=gov["name_ar"], admin1_pcode=gov["pcode"],
            admin2=district["name_en"], admin2_ar=district["name_ar"],
            admin3=row["name_en"] if level == 3 else "",
            names_ar=[n for n in names if n],
            names_latin=_latin_names(row.get("name_en"), row.get("alt_names")),
        )


def build(paths: list[Path]) -> Gazetteer:
    places: list[Place] = []
    for path in paths:
        places.extend(_read_any(path))
    if not places:
        raise GazetteerError(f"{', '.join(map(str, paths))}: no places found")
    _name_without_its_cue(places)
    return Gazetteer(places, [str(p) for p in paths])


def _name_without_its_cue(places: list[Place]) -> None:
    """Also index a name the gazetteer writes with the word for its kind of place ("ناحية خان
    بني سعد") without that word, when two words or more remain (one alone is often an ordinary
    word: "قرية الزراعة") and no place has that name already ("قرية ذي قار" is not the
    governorate)."""
    known = {normalize_key(n) for p in places for n in p.names_ar}
    for place in places:
        bare = [m.group(1) for n in place.names_ar if (m := _CUE_OF_THE_NAME.match(n))]
        place.names_ar.extend(dict.fromkeys(n for n in bare if normalize_key(n) not in known))


def cache_dir() -> Path:
    from rasd.config import cache_dir as _cache_dir

    return _cache_dir()


def load(paths: list[Path]) -> Gazetteer:
    """Load a gazetteer, from the on-disk cache when the sources are unchanged."""
    key = _fingerprint(paths)
    cached = cache_dir() / f"gazetteer-{key}.pickle"
    if cached.exists():
        try:
            with open(cached, "rb") as handle:
                gazetteer = pickle.load(handle)
            if isinstance(gazetteer, Gazetteer):
                log.info("gazetteer: %d places from %s (cached index)", len(gazetteer.places), ", ".join(map(str, paths)))
                return gazetteer
        except Exception as exc:  # a stale or partial cache is rebuilt, never trusted
            log.warning("gazetteer cache %s unusable (%s): rebuilding it", cached, exc)
    gazetteer = build(paths)
    log.info("gazetteer: %d places from %s (index built)", len(gazetteer.places), ", ".join(map(str, paths)))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only cache dir only costs speed
    return gazetteer
