"""GeoNames dumps as a gazetteer source, and `rasd data install` / `rasd data status`
run as real subprocesses against a real local HTTP server.

The GeoNames rows below are invented (fictional places in a fictional governorate with
admin code 99); they only follow the public 19-column dump format.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from rasd.model import Document
from rasd.resolve import gazetteer as gz
from rasd.resolve.geonames import read_geonames
from rasd.resolve.install import DownloadError, InstallError, download, install_gazetteer
from tests.conftest import SHARED_DATA, needs_shared


def _row(gid: str, name: str, alternates: str, lat: str, lon: str, fclass: str, code: str,
         admin1: str = "99", admin2: str = "9901", population: int = 0) -> str:
    cols = [gid, name, name, alternates, lat, lon, fclass, code, "SY", "", admin1, admin2, "", "",
            str(population), "", "300", "Asia/Damascus", "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols)


def geonames_dump() -> str:
    rows = [
        _row("900100", "Wadi al-Nakhil Governorate", "Wadi an Nakhil,محافظة وادي النخيل", "35.1", "38.9",
             "A", "ADM1", admin2=""),
        _row("900101", "Tall Zahr District", "منطقة تل الزهر,Tell Zahr", "35.2", "38.8", "A", "ADM2"),
        _row("900001", "Khirbat al-Yasmin", "Khirbet el Yasmine,خربة الياسمين,خربه الياسمين", "35.21", "38.71", "P", "PPL"),
        _row("900002", "Tall Sunbula", "Tell Sunbula,تل سنبلة", "35.25", "38.75", "P", "PPL", population=12000),
        _row("900003", "Ayn Qamar", "عين قمر,Ain Qamar", "35.3", "38.6", "P", "PPLA2"),
        _row("900004", "Umm Rimal", "Umm er Rimal", "35.31", "38.61", "P", "PPL"),
        _row("900005", "Dayr Ramad", "دير رماد", "35.32", "38.62", "P", "PPLQ"),
        _row("900006", "Madinat al-Nakhil", "مدينة النخيل,النخيل", "35.1", "38.9", "P", "PPL", population=150000),
        _row("900007", "Nahr al-Wahm", "نهر الوهم", "35.4", "38.5", "H", "STM"),
    ]
    return "\n".join(rows) + "\n"


GEONAMES_PLACES = 8  # the two admin units and six populated places; the stream is dropped


def write_zip(folder: Path, name: str = "SY.zip", member: str = "SY.txt", text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, text if text is not None else geonames_dump())
        archive.writestr("readme.txt", "invented test data in the GeoNames dump format\n")
    return path


# --- the GeoNames reader ------------------------------------------------------------

def test_geonames_dump_features_names_and_hierarchy(tmp_path: Path) -> None:
    dump = tmp_path / "SY.txt"
    dump.write_text(geonames_dump(), encoding="utf-8")
    places = {p.id: p for p in read_geonames(dump)}
    assert len(places) == GEONAMES_PLACES and "geonames:900007" not in places
    assert {p.id: p.feature for p in places.values()} == {
        "geonames:900100": "governorate", "geonames:900101": "district",
        "geonames:900001": "village", "geonames:900002": "town",  # PPL with 12,000 people
        "geonames:900003": "town", "geonames:900004": "village",
        "geonames:900005": "abandoned", "geonames:900006": "city",  # PPL with 150,000 people
    }
    yasmin = places["geonames:900001"]
    assert yasmin.name_ar == "خربة الياسمين" and yasmin.name_en == "Khirbat al-Yasmin"
    assert yasmin.names_ar == ["خربة الياسمين", "خربه الياسمين"]
    assert (yasmin.lat, yasmin.lon, yasmin.country) == (35.21, 38.71, "SY")
    assert (yasmin.admin1, yasmin.admin1_ar) == ("Wadi al-Nakhil Governorate", "وادي النخيل")
    assert (yasmin.admin2, yasmin.admin2_ar) == ("Tall Zahr District", "تل الزهر")
    governorate = places["geonames:900100"]
    assert governorate.display_name == "Wadi al-Nakhil Governorate"
    assert governorate.names_ar == ["وادي النخيل", "محافظة وادي النخيل"]
    assert places["geonames:900101"].admin1 == "Wadi al-Nakhil Governorate"
    assert places["geonames:900002"].population == 12000
    no_arabic = places["geonames:900004"]
    assert no_arabic.name_ar == "" and no_arabic.names_ar == [] and no_arabic.admin1


def test_geonames_zip_is_read_and_filtered_by_country(tmp_path: Path) -> None:
    path = write_zip(tmp_path)
    assert gz.gazetteer_files(tmp_path) == [path]
    g = gz.build([path])
    assert len(g) == GEONAMES_PLACES
    assert g.matcher  # Arabic names were indexed
    assert list(read_geonames(path, countries=["IQ"])) == []
    assert len(list(read_geonames(path, countries=["sy"]))) == GEONAMES_PLACES


@pytest.mark.parametrize("line, problem", [
    ("900009\tShort\tShort\t\t35\t38\tP\tPPL", "expected 19 tab-separated columns, found 8"),
    (_row("900009", "Bad", "", "north", "38.1", "P", "PPL"), "latitude/longitude are not numbers"),
])
def test_bad_geonames_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = write_zip(tmp_path, text=geonames_dump() + line + "\n")
    bad_line = geonames_dump().count("\n") + 1
    with pytest.raises(gz.GazetteerError) as caught:
        gz.build([path])
    assert f"{path}:SY.txt:{bad_line}:" in str(caught.value)
    assert problem in str(caught.value)


def test_truncated_zip_and_zip_without_its_dump_are_clear_errors(tmp_path: Path) -> None:
    whole = write_zip(tmp_path / "whole").read_bytes()
    truncated = tmp_path / "cut" / "SY.zip"
    truncated.parent.mkdir()
    truncated.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(gz.GazetteerError, match=r"SY\.zip: corrupt or truncated zip"):
        gz.build([truncated])
    wrong = write_zip(tmp_path / "wrong", member="IQ.txt")
    with pytest.raises(gz.GazetteerError, match=r"SY\.zip: not a GeoNames dump zip \(no SY\.txt inside"):
        gz.build([wrong])


# --- the installer, in process --------------------------------------------------------

@pytest.fixture
def data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A data and cache directory of this test's own, for in-process calls and for the CLI."""
    env = {"RASD_DATA_DIR": str(tmp_path / "data"), "RASD_CACHE_DIR": str(tmp_path / "cache")}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def test_install_filters_countries_and_writes_a_manifest(tmp_path: Path, data_dirs: dict[str, str]) -> None:
    source = tmp_path / "src"
    write_zip(source)
    (source / "IQ.txt").write_text(_row("900200", "Tal Iraqi", "تل عراقي", "33.3", "44.4", "P", "PPL",
                                        admin1="", admin2="").replace("\tSY\t", "\tIQ\t") + "\n", encoding="utf-8")
    report = install_gazetteer(source, countries="SY")
    assert "installed 8 places (SY 8) from 1 file(s)" in report
    installed = Path(data_dirs["RASD_DATA_DIR"]) / "gazetteer"
    assert sorted(p.name for p in installed.iterdir()) == ["SY.zip", "install.json"]
    manifest = json.loads((installed / "install.json").read_text(encoding="utf-8"))
    assert manifest["countries"] == ["SY"]
    assert manifest["files"][0]["sha256"] == hashlib.sha256((source / "SY.zip").read_bytes()).hexdigest()
    assert manifest["by_country"]["SY"]["features"]["town"] == 2
    with pytest.raises(InstallError, match="no places of LB"):
        install_gazetteer(source, countries="SY,LB")


def test_download_over_the_size_limit_is_refused(tmp_path: Path, http_root: tuple[str, Path]) -> None:
    base, root = http_root
    write_zip(root)
    with pytest.raises(DownloadError, match=r"SY\.zip: .*over the limit of 100 bytes"):
        download(f"{base}/SY.zip", tmp_path, limit=100)


# --- the CLI, as a subprocess, against a local HTTP server ---------------------------

class _Handler(SimpleHTTPRequestHandler):
    """Serves the folder; ``/short/NAME`` announces the whole file but sends half of it."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path.startswith("/short/"):
            body = (Path(self.directory) / self.path.removeprefix("/short/")).read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture
def http_root(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on 127.0.0.1 (a free port) serving a temporary folder."""
    root = tmp_path / "www"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def rasd(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.run([sys.executable, "-m", "rasd", *args], capture_output=True, text=True,
                          env={**full_env, **env}, timeout=120)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_install_from_url_then_status_and_extraction(data_dirs: dict[str, str], http_root: tuple[str, Path]) -> None:
    base, root = http_root
    archive = write_zip(root)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    result = rasd(data_dirs, "data", "install", "--from", f"{base}/SY.zip", "--sha256", digest)
    assert result.returncode == 0, result.stderr
    assert f"SY.zip  sha256 {digest}" in result.stdout
    assert "installed 8 places (SY 8)" in result.stdout

    status = rasd(data_dirs, "data", "status")
    assert status.returncode == 0, status.stderr
    assert f"from {base}/SY.zip" in status.stdout
    assert "places: 8 (SY 8)" in status.stdout
    assert "SY: 8 (town 2, village 2, abandoned 1, city 1, district 1, governorate 1)" in status.stdout

    from rasd.pipeline import Pipeline

    pipeline = Pipeline(gazetteer_path=Path(data_dirs["RASD_DATA_DIR"]) / "gazetteer")
    analysis = pipeline.analyze(Document(id="t1", text="قصفت قوات النظام قرية خربة الياسمين"))
    resolved = [p.place for p in analysis.places if p.place is not None]
    assert [p.id for p in resolved] == ["geonames:900001"]
    assert resolved[0].admin1 == "Wadi al-Nakhil Governorate"


def test_default_download_names_each_country_url(data_dirs: dict[str, str]) -> None:
    """No --from: the GeoNames dump of each of --countries. Offline the download fails;
    online the zero checksum cannot match. Either way the error names the public URL."""
    result = rasd(data_dirs, "data", "install", "--countries", "SY", "--sha256", "0" * 64)
    assert result.returncode == 2
    assert "https://download.geonames.org/export/dump/SY.zip" in result.stderr


def test_failed_downloads_and_bad_files_leave_the_previous_install(data_dirs: dict[str, str],
                                                                  http_root: tuple[str, Path]) -> None:
    base, root = http_root
    write_zip(root / "good")
    assert rasd(data_dirs, "data", "install", "--from", f"{base}/good/SY.zip").returncode == 0
    manifest = Path(data_dirs["RASD_DATA_DIR"]) / "gazetteer" / "install.json"
    before = manifest.read_text(encoding="utf-8")

    whole = (root / "good" / "SY.zip").read_bytes()
    (root / "cut").mkdir()
    (root / "cut" / "SY.zip").write_bytes(whole[: len(whole) * 2 // 3])
    truncated = rasd(data_dirs, "data", "install", "--from", f"{base}/cut/SY.zip")
    assert truncated.returncode == 2
    assert "SY.zip: corrupt or truncated zip" in truncated.stderr

    short = rasd(data_dirs, "data", "install", "--from", f"{base}/short/good/SY.zip")
    assert short.returncode == 2
    assert f"cannot download {base}/short/good/SY.zip" in short.stderr

    mismatch = rasd(data_dirs, "data", "install", "--from", f"{base}/good/SY.zip", "--sha256", "ab" * 32)
    assert mismatch.returncode == 2
    assert "SHA-256 mismatch" in mismatch.stderr and "ab" * 32 in mismatch.stderr

    missing = rasd(data_dirs, "data", "install", "--from", f"{base}/nowhere/SY.zip")
    assert missing.returncode == 2
    assert "HTTP 404" in missing.stderr and "--from PATH" in missing.stderr

    url = f"http://127.0.0.1:{closed_port()}/SY.zip"
    unreachable = rasd(data_dirs, "data", "install", "--from", url)
    assert unreachable.returncode == 2
    assert url in unreachable.stderr and "--from PATH" in unreachable.stderr
    assert len(unreachable.stderr.strip().splitlines()) == 1

    assert manifest.read_text(encoding="utf-8") == before
    status = rasd(data_dirs, "data", "status")
    assert status.returncode == 0 and "places: 8 (SY 8)" in status.stdout
    leftovers = [p.name for p in Path(data_dirs["RASD_DATA_DIR"]).iterdir()]
    assert leftovers == ["gazetteer"]  # no staging or download folders left behind


@needs_shared
def test_install_shared_gazetteer_then_status(data_dirs: dict[str, str]) -> None:
    result = rasd(data_dirs, "data", "install", "--from", str(SHARED_DATA / "gazetteer"))
    assert result.returncode == 0, result.stderr
    assert "gazetteer_sy_iq.csv.gz  sha256 " in result.stdout
    status = rasd(data_dirs, "data", "status")
    assert status.returncode == 0, status.stderr
    counts = {line.split(":")[0].strip(): line for line in status.stdout.splitlines() if line.startswith("  SY:")
              or line.startswith("  IQ:")}
    assert set(counts) == {"SY", "IQ"}
    assert "governorate 14" in counts["SY"] and "governorate 19" in counts["IQ"]
    total = int(status.stdout.split("places: ")[1].split()[0])
    assert total > 30000


def test_status_without_installed_data_says_embedded(data_dirs: dict[str, str]) -> None:
    status = rasd(data_dirs, "data", "status")
    assert status.returncode == 0, status.stderr
    assert "embedded default" in status.stdout
