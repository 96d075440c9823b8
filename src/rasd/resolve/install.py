"""Installing gazetteer data into the data directory, all or nothing.

Sources: the GeoNames country dumps of the public export (the default, one
``{CC}.zip`` per country), any URL, or a local file or folder (rasd CSVs or GeoNames
dumps). Every source file is fetched into a scratch folder and checked against the
expected SHA-256 when one is given; the files are then copied (filtered by country when
asked) into a staging folder and indexed there. Only when all of that succeeds does the
staging folder replace the installed one, so an unreachable server, a checksum mismatch
or a corrupt, truncated or wrong-format file leaves the previous installation working.
An ``install.json`` manifest beside the files records what was installed and from where,
for ``rasd data status`` and for attribution.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import json
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from rasd.config import data_dir
from rasd.errors import DataError
from rasd.resolve import gazetteer as gz
from rasd.resolve.geonames import country_of_name, is_geonames_file

GEONAMES_URL = "https://download.geonames.org/export/dump/{country}.zip"
DEFAULT_COUNTRIES = ("SY", "IQ")
MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024  # SY.zip and IQ.zip are a few MB; allCountries is not for us
CONNECT_TIMEOUT = 15.0
READ_TIMEOUT = 60.0
MANIFEST = "install.json"
_HEX = re.compile(r"[0-9a-f]{64}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_ACCEPTED = "GeoNames dumps (XX.zip, XX.txt) or rasd gazetteer CSVs (*.csv, *.csv.gz)"


class InstallError(DataError):
    """Installation failed; names the source and the problem. Nothing was changed."""


class DownloadError(InstallError):
    """A source could not be downloaded (offline, DNS, refused, HTTP error, too big)."""


@dataclass
class Fetched:
    """One source file, fetched: where it came from and what its bytes are."""

    name: str
    origin: str  # URL or local path, as the user would recognize it
    path: Path  # the local bytes (a download in the scratch folder, or the original file)
    sha256: str
    bytes: int


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def parse_countries(value: str | Iterable[str] | None) -> list[str] | None:
    """``"SY,iq"`` → ``["SY", "IQ"]``; None or empty means no filter."""
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    codes = list(dict.fromkeys(c.strip().upper() for c in items if c.strip()))
    bad = [c for c in codes if not _COUNTRY.fullmatch(c)]
    if bad:
        raise InstallError(f"--countries: {', '.join(bad)} is not a two-letter country code (e.g. SY,IQ)")
    return codes or None


def parse_checksums(value: str | Sequence[str] | None) -> list[str]:
    """Expected SHA-256s, comma-separated or repeated; each 64 hex digits."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else [v for item in value for v in item.split(",")]
    sums = [s.strip().lower() for s in items if s.strip()]
    bad = [s for s in sums if not _HEX.fullmatch(s)]
    if bad:
        raise InstallError(f"--sha256: {bad[0]!r} is not a SHA-256 (64 hexadecimal digits)")
    return sums


def _check_name(name: str, origin: str) -> None:
    """Refuse early what the gazetteer reader would not recognize in the staging folder."""
    if not (is_geonames_file(Path(name)) or name.endswith((".csv", ".csv.gz"))):
        raise InstallError(f"{origin}: cannot tell the format from the name {name!r}; expected {_ACCEPTED}")


def _url_name(url: str) -> str:
    return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])


def _sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _download_hint(url: str, reason: str, check: str = "the network connection") -> DownloadError:
    return DownloadError(f"cannot download {url}: {reason}; check {check}, "
                         f"or install from a local copy with --from PATH")


def download(url: str, folder: Path, *, console: Any = None, limit: int = MAX_DOWNLOAD_BYTES) -> Fetched:
    """Download ``url`` into ``folder``, hashing as it streams; a progress bar (bytes,
    rate) goes to ``console`` when given. Network failures, HTTP errors, a body larger
    than ``limit`` or shorter than announced are ``DownloadError``s naming the URL."""
    import httpx

    name = _url_name(url)
    _check_name(name, url)
    target = folder / name
    digest = hashlib.sha256()
    timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            if response.is_error:
                raise _download_hint(url, f"HTTP {response.status_code} {response.reason_phrase}", "the URL")
            announced = int(response.headers.get("content-length") or 0) or None
            if announced and announced > limit:
                raise DownloadError(f"cannot download {url}: {announced:,} bytes is over the limit of {limit:,} bytes")
            with open(target, "wb") as out, _progress(console, name, announced) as advance:
                for chunk in response.iter_bytes():
                    if response.num_bytes_downloaded > limit:
                        raise DownloadError(f"cannot download {url}: over the limit of {limit:,} bytes")
                    digest.update(chunk)
                    out.write(chunk)
                    advance(len(chunk))
            if announced and response.num_bytes_downloaded < announced:
                raise _download_hint(url, f"the download was cut short ({response.num_bytes_downloaded} of {announced} bytes)")
    except httpx.TimeoutException:
        raise _download_hint(url, f"timed out ({CONNECT_TIMEOUT:.0f} s to connect, {READ_TIMEOUT:.0f} s between reads)") from None
    except httpx.HTTPError as exc:
        raise _download_hint(url, f"{exc.__class__.__name__}: {exc}") from None
    except OSError as exc:
        raise InstallError(f"cannot save {url} to {target}: {exc}") from exc
    return Fetched(name=name, origin=url, path=target, sha256=digest.hexdigest(), bytes=target.stat().st_size)


@contextmanager
def _progress(console: Any, name: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on ``console`` (bytes, rate, time left); a no-op without one."""
    if console is None:
        yield lambda size: None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                  TimeRemainingColumn(), console=console) as bar:
        task = bar.add_task(f"downloading {name}", total=total)
        yield lambda size: bar.update(task, advance=size)


def _plan(source: Path | str | None, countries: list[str] | None) -> list[str | Path]:
    """What to fetch: URLs to download and local files to read."""
    if source is None:
        return [GEONAMES_URL.format(country=c) for c in countries or DEFAULT_COUNTRIES]
    if isinstance(source, str) and is_url(source):
        return [source]
    path = Path(source)
    if not path.exists():
        raise InstallError(f"{path}: no such file or folder")
    if path.is_dir():
        files = gz.gazetteer_files(path)
        if not files:
            raise InstallError(f"{path}: no gazetteer files in this folder; expected {_ACCEPTED}")
        return list(files)
    _check_name(path.name, str(path))
    return [path]


def _fetch(item: str | Path, scratch: Path, console: Any) -> Fetched:
    if isinstance(item, str):
        return download(item, scratch, console=console)
    try:
        return Fetched(name=item.name, origin=str(item), path=item, sha256=_sha256_of(item),
                       bytes=item.stat().st_size)
    except OSError as exc:
        raise InstallError(f"{item}: cannot read ({exc})") from exc


def _verify(fetched: list[Fetched], expected: list[str]) -> None:
    for item, want in zip(fetched, expected):
        if item.sha256 != want:
            raise InstallError(f"{item.origin}: SHA-256 mismatch (expected {want}, got {item.sha256}); "
                               f"nothing was installed")


def _stage(item: Fetched, countries: list[str] | None, staging: Path) -> bool:
    """Put one source file into the staging folder, keeping only ``countries``' rows;
    False when none of the file is wanted."""
    target = staging / item.name
    if not countries:
        shutil.copy2(item.path, target)
        return True
    dump_country = country_of_name(item.name)
    if dump_country is not None:  # a country dump holds one country
        if dump_country in countries:
            shutil.copy2(item.path, target)
        return dump_country in countries
    if _csv_has_country_column(item):
        return _filter_csv(item, countries, target)
    found = {p.country for p in _places_of(item)}  # e.g. OCHA admin units: one country, no column
    if found <= set(countries):
        shutil.copy2(item.path, target)
        return True
    if found.isdisjoint(countries):
        return False
    raise InstallError(f"{item.origin}: holds places of {', '.join(sorted(found))} without a country "
                       f"column to filter by; install it without --countries")


def _open_csv(path: Path, mode: str):
    if path.name.endswith(".gz"):
        return gzip.open(path, mode + "t", encoding="utf-8", newline="")
    return open(path, mode, encoding="utf-8", newline="")


def _csv_has_country_column(item: Fetched) -> bool:
    try:
        with _open_csv(item.path, "r") as handle:
            return "country" in next(csv.reader(handle), [])
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as exc:
        raise InstallError(f"{item.origin}: cannot read gazetteer ({exc.__class__.__name__}: {exc})") from exc


def _filter_csv(item: Fetched, countries: list[str], target: Path) -> bool:
    """Copy the rows of ``countries``, header and all columns kept."""
    kept = 0
    try:
        with _open_csv(item.path, "r") as source, _open_csv(target, "w") as out:
            reader = csv.DictReader(source)
            writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [])
            writer.writeheader()
            for row in reader:
                if (row.get("country") or "").upper() in countries:
                    writer.writerow(row)
                    kept += 1
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as exc:
        raise InstallError(f"{item.origin}: cannot read gazetteer ({exc.__class__.__name__}: {exc})") from exc
    if not kept:
        target.unlink()
    return kept > 0


def _places_of(item: Fetched) -> list[gz.Place]:
    try:
        return gz.build([item.path]).places
    except gz.GazetteerError as exc:
        raise InstallError(str(exc).replace(str(item.path), item.origin)) from exc


def _counts(places: Iterable[gz.Place]) -> dict[str, dict[str, Any]]:
    """Places per country, and per feature within each country."""
    by_country: dict[str, Counter[str]] = {}
    for p in places:
        by_country.setdefault(p.country, Counter())[p.feature or "?"] += 1
    return {c: {"places": sum(f.values()), "features": dict(sorted(f.items(), key=lambda kv: (-kv[1], kv[0])))}
            for c, f in sorted(by_country.items())}


def _swap(staging: Path, target: Path) -> None:
    """Replace ``target`` with ``staging``; on failure the previous folder is restored."""
    backup = target.with_name(".gazetteer-previous")
    if backup.exists():
        shutil.rmtree(backup)
    if target.exists():
        target.rename(backup)
    try:
        staging.rename(target)
    except OSError:
        if backup.exists():
            backup.rename(target)
        raise
    if backup.exists():
        shutil.rmtree(backup, ignore_errors=True)


def install_gazetteer(source: Path | str | None = None, countries: str | Iterable[str] | None = None,
                      sha256: str | Sequence[str] | None = None, *, console: Any = None) -> str:
    """Install a gazetteer from ``source`` (None: the GeoNames dumps of ``countries``,
    default Syria and Iraq), keeping only ``countries`` when given, checking each
    source file against ``sha256`` (one per file, in order) when given. Returns a report
    naming each file with its SHA-256; raises ``InstallError`` with nothing changed."""
    wanted = parse_countries(countries)
    expected = parse_checksums(sha256)
    plan = _plan(source, wanted)
    if expected and len(expected) != len(plan):
        names = ", ".join(_url_name(p) if isinstance(p, str) else p.name for p in plan)
        raise InstallError(f"--sha256: {len(expected)} checksum(s) for {len(plan)} file(s) ({names}); "
                           f"give one per file, in this order")
    target = data_dir() / "gazetteer"
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".gazetteer-download-", dir=target.parent))
    staging = Path(tempfile.mkdtemp(prefix=".gazetteer-staging-", dir=target.parent))
    try:
        fetched = [_fetch(item, scratch, console) for item in plan]
        _verify(fetched, expected)
        staged = [item for item in fetched if _stage(item, wanted, staging)]
        origin_of = {str(staging / item.name): item.origin for item in staged}
        files = gz.gazetteer_files(staging)
        if not files:
            raise InstallError(f"{source or 'GeoNames'}: no places of {', '.join(wanted or [])} in these files")
        try:
            gazetteer = gz.build(files)
        except gz.GazetteerError as exc:
            message = str(exc)
            for path, origin in origin_of.items():
                message = message.replace(path, origin)
            raise InstallError(message) from exc
        counts = _counts(gazetteer.places)
        missing = [c for c in wanted or [] if c not in counts]
        if missing:
            raise InstallError(f"{source or 'GeoNames'}: no places of {', '.join(missing)} in these files")
        manifest = _manifest(source, wanted, staged, counts)
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        _swap(staging, target)
    except OSError as exc:
        raise InstallError(f"cannot install into {target}: {exc}") from exc
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    gz.load(gz.gazetteer_files(target))  # warm the cache for the installed paths
    return _report(manifest, target)


def _manifest(source: Path | str | None, countries: list[str] | None, staged: list[Fetched],
              counts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from rasd import __version__

    return {
        "installed": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "rasd_version": __version__,
        "source": str(source) if source is not None else "GeoNames export (download.geonames.org, CC BY 4.0)",
        "countries": countries or sorted(counts),
        "files": [{k: v for k, v in asdict(item).items() if k != "path"} for item in staged],
        "places": sum(c["places"] for c in counts.values()),
        "by_country": counts,
    }


def _report(manifest: dict[str, Any], target: Path) -> str:
    lines = [f"{f['name']}  sha256 {f['sha256']}  ({f['bytes']} bytes from {f['origin']})" for f in manifest["files"]]
    per_country = ", ".join(f"{c} {v['places']}" for c, v in manifest["by_country"].items())
    lines.append(f"installed {manifest['places']} places ({per_country}) from {len(manifest['files'])} file(s) into {target}")
    return "\n".join(lines)


def read_manifest(directory: Path | None = None) -> dict[str, Any] | None:
    """The manifest of the installed gazetteer; None when there is none or it is unreadable
    (a folder installed by hand still works, it only lacks the record)."""
    path = (directory or data_dir() / "gazetteer") / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None
