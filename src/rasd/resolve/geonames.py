"""GeoNames country dumps (``SY.txt``, or ``SY.zip`` holding it) as a gazetteer source.

The public dump is a 19-column tab-separated file without a header (readme at
download.geonames.org/export/dump). Populated places (class P) and admin units
(ADM1 → governorate, ADM2 → district, ADM3 → subdistrict) are kept; the feature mapping
is the one the shared gazetteer uses (``shared/data/gazetteer/PROVENANCE.md`` §2), so a
GeoNames install and the shared CSV resolve places the same way. The dump carries no
language tags, so the Arabic names are the alternate names written in Arabic script.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from rasd.resolve.gazetteer import GazetteerError, Place

COLUMNS = 19
_NAME = re.compile(r"([A-Z]{2})\.(txt|zip)")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN = re.compile(r"[A-Za-z]")
# Letters of Persian, Kurdish and Urdu spelling: a name with them is a poorer choice for
# the display name ``name_ar`` (it still goes to the matcher; normalization folds ی and ک).
_NON_ARABIC_LETTERS = re.compile(r"[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c6\u06ce\u0695\u06b5\u06d5\u06c1\u06d2\u0679\u0688\u0691\u06ba\u06be]")

# PROVENANCE.md §2, plus the class-P codes it does not list (PPLG seat of government,
# PPLA4/PPLA5/PPLR small seats and religious villages, PPLCH former capital); other P
# codes fall back to village: they are populated places.
FEATURES = {
    "PPLC": "city", "PPLA": "city", "PPLG": "city",
    "PPLA2": "town", "PPLA3": "town",
    "PPL": "village", "PPLL": "village", "PPLF": "village", "PPLS": "village", "STLMT": "village",
    "PPLA4": "village", "PPLA5": "village", "PPLR": "village",
    "PPLX": "neighbourhood",
    "PPLQ": "abandoned",
    "PPLW": "destroyed",
    "PPLH": "historical", "PPLCH": "historical",
}
ADMIN_FEATURES = {"ADM1": "governorate", "ADM2": "district", "ADM3": "subdistrict"}
# GeoNames often names a unit with its kind (محافظة دير الزور); news text says the bare
# name after its own cue word, and the shared gazetteer's admin names are bare too.
_ADMIN_PREFIX = re.compile(r"^(?:محافظة|قضاء|منطقة|ناحية|مديرية|لواء)\s+")
TOWN_POPULATION = 10_000
CITY_POPULATION = 100_000


def country_of_name(name: str) -> str | None:
    """The country code of a dump's file name (``SY.zip`` → ``SY``), None for other files."""
    match = _NAME.fullmatch(name)
    return match.group(1) if match else None


def is_geonames_file(path: Path) -> bool:
    return country_of_name(path.name) is not None


@dataclass(slots=True)
class _Row:
    """The columns rasd uses of one dump line."""

    id: str
    name: str
    names_ar: list[str]
    lat: float
    lon: float
    code: str
    country: str
    admin_codes: tuple[str, str, str]
    population: int


def arabic_names(names: list[str]) -> list[str]:
    """The names written in Arabic script (Arabic letters, no Latin ones), best first:
    names spelled with Persian or Kurdish letters go last."""
    found = dict.fromkeys(n.strip() for n in names if _ARABIC.search(n) and not _LATIN.search(n))
    found.pop("", None)
    return sorted(found, key=lambda n: bool(_NON_ARABIC_LETTERS.search(n)))


def admin_names(names: list[str]) -> list[str]:
    """An admin unit's Arabic names with the bare forms (without محافظة, قضاء, ...) first."""
    bare = [_ADMIN_PREFIX.sub("", n) for n in names]
    return list(dict.fromkeys([*bare, *names]))


def _feature(code: str, population: int) -> str:
    feature = ADMIN_FEATURES.get(code) or FEATURES.get(code, "village")
    if feature in ("village", "town") and population >= CITY_POPULATION:
        return "city"
    if feature == "village" and population >= TOWN_POPULATION:
        return "town"
    return feature


def _parse(label: str, line_no: int, line: str, country: str) -> _Row | None:
    """One dump line; None for the rows rasd does not keep (rivers, mountains, ...)."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != COLUMNS:
        raise GazetteerError(f"{label}:{line_no}: not a GeoNames dump line "
                             f"(expected {COLUMNS} tab-separated columns, found {len(cols)})")
    try:
        lat, lon = float(cols[4]), float(cols[5])
    except ValueError:
        raise GazetteerError(f"{label}:{line_no}: latitude/longitude are not numbers "
                             f"({cols[4]!r}, {cols[5]!r})") from None
    feature_class, code = cols[6], cols[7]
    if not (feature_class == "P" or (feature_class == "A" and code in ADMIN_FEATURES)):
        return None
    if not cols[0].isdigit():
        raise GazetteerError(f"{label}:{line_no}: geonameid {cols[0]!r} is not a number")
    try:
        population = int(cols[14] or 0)
    except ValueError:
        population = 0  # a bad population costs only the size promotion
    names_ar = arabic_names([cols[1], *cols[3].split(",")])
    if feature_class == "A":
        names_ar = admin_names(names_ar)
    return _Row(id=cols[0], name=cols[1], names_ar=names_ar,
                lat=lat, lon=lon, code=code, country=cols[8] or country,
                admin_codes=(cols[10], cols[11], cols[12]), population=population)


def _lines(path: Path) -> Iterator[tuple[str, int, str]]:
    """(label for errors, line number, line) of a dump, plain or zipped; read errors,
    a truncated zip and a zip without its ``XX.txt`` are ``GazetteerError``s."""
    country = country_of_name(path.name)
    member = f"{country}.txt"
    label, line_no = str(path), 0
    try:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                if member not in archive.namelist():
                    found = ", ".join(archive.namelist()[:5]) or "nothing"
                    raise GazetteerError(f"{path}: not a GeoNames dump zip (no {member} inside; found {found})")
                label = f"{path}:{member}"
                with archive.open(member) as raw:
                    for line_no, line in enumerate(io.TextIOWrapper(raw, encoding="utf-8", newline="\n"), start=1):
                        yield label, line_no, line
        else:
            with open(path, encoding="utf-8", newline="\n") as handle:
                for line_no, line in enumerate(handle, start=1):
                    yield label, line_no, line
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise GazetteerError(f"{label}: corrupt or truncated zip ({exc.__class__.__name__}: {exc})") from exc
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{label}: not UTF-8 text near line {line_no + 1} ({exc})") from exc
    except OSError as exc:
        raise GazetteerError(f"{label}: cannot read GeoNames dump ({exc.__class__.__name__}: {exc})") from exc


def read_rows(path: Path, countries: Collection[str] | None = None) -> list[_Row]:
    """Every kept row of a dump, after validating every line (a bad line anywhere fails
    the whole file, so a half-read dump is never installed)."""
    wanted = {c.upper() for c in countries} if countries else None
    country = country_of_name(path.name) or ""
    rows: list[_Row] = []
    for label, line_no, line in _lines(path):
        if not line.strip():
            continue
        row = _parse(label, line_no, line, country)
        if row is not None and (wanted is None or row.country in wanted):
            rows.append(row)
    return rows


def read_geonames(path: Path, countries: Collection[str] | None = None) -> Iterator[Place]:
    """Places of a GeoNames dump; admin1/admin2/admin3 names come from the ADM rows of
    the same file, matched by their codes. Rows without an Arabic name are kept (for
    coordinates and the hierarchy) but give the matcher nothing."""
    rows = read_rows(path, countries)
    units: dict[tuple[str, ...], _Row] = {}
    for row in rows:
        if row.code in ADMIN_FEATURES:
            depth = int(row.code[-1])
            units.setdefault((row.country, *row.admin_codes[:depth]), row)
    for row in rows:
        feature = _feature(row.code, row.population)
        a1, a2, a3 = (_unit(units, row, depth) for depth in (1, 2, 3))
        yield Place(
            id=f"geonames:{row.id}", country=row.country, feature=feature,
            name_ar=row.names_ar[0] if row.names_ar else "", name_en=row.name,
            lat=row.lat, lon=row.lon, population=row.population,
            admin1=a1.name if a1 else "", admin1_ar=_first(a1), admin1_pcode="",
            admin2=a2.name if a2 else "", admin2_ar=_first(a2),
            admin3=a3.name if a3 else "",
            names_ar=list(row.names_ar), feature_code=row.code,
        )


def _unit(units: dict[tuple[str, ...], _Row], row: _Row, depth: int) -> _Row | None:
    """The admin unit of ``row`` at ``depth`` (1 = ADM1); None when a code is blank."""
    codes = row.admin_codes[:depth]
    return units.get((row.country, *codes)) if all(codes) else None


def _first(unit: _Row | None) -> str:
    return unit.names_ar[0] if unit and unit.names_ar else ""
