"""Poison inputs: lines and files that parse (or half parse) but cannot be used. Each is one
input error naming the file and line, in `rasd extract` and `rasd ingest` alike (real
processes), the other documents are processed, and a resumed ingest gets past them."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store import STRIKE_DOCS

ARTICLE = STRIKE_DOCS[0]["text"]


def rasd(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="300")
    return subprocess.run([sys.executable, "-m", "rasd", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=300)


def poison_corpus(folder: Path) -> Path:
    good = {"published": "2018-03-10", "text": ARTICLE}
    lines = [json.dumps(dict(good, id="first"), ensure_ascii=False),
             '{"id": "surrogate", "text": "قتل \\ud800 خمسة"}',          # valid JSON, not valid Unicode
             "[" * 100_000 + "]" * 100_000,                               # ~100k levels of nesting
             json.dumps(dict(good, id=12), ensure_ascii=False),           # a numeric id: the document "12"
             '{"id": ' + "9" * 5000 + ', "text": "x"}',                   # an int Python will not convert
             json.dumps(dict(good, id=1.5), ensure_ascii=False),          # a float id: refused
             json.dumps(dict(good, id="last"), ensure_ascii=False)]
    path = folder / "poison.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_named_errors(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "poison.jsonl:2: not valid Unicode: a lone surrogate (\\ud800)" in stderr
    assert "poison.jsonl:3: JSON nested too deeply" in stderr
    assert "poison.jsonl:5: unreadable JSON" in stderr
    assert "poison.jsonl:6: field 'id' must be a string or an integer" in stderr


def test_extract_reports_poison_lines_and_goes_on(tmp_path: Path) -> None:
    corpus = poison_corpus(tmp_path)
    run = rasd("extract", str(corpus), "--format", "jsonl", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    assert_named_errors(run.stderr)
    docs = [json.loads(line)["doc_id"] for line in run.stdout.splitlines()]
    assert docs == ["first", "12", "last"]


def test_ingest_stores_around_poison_lines_and_resumes_past_them(tmp_path: Path) -> None:
    corpus = poison_corpus(tmp_path)
    store = tmp_path / "s.sqlite"
    for _ in range(2):  # the second run is the resume: it must get past the same lines
        run = rasd("ingest", str(corpus), "--db", str(store), "--workers", "1", "--batch", "2", cwd=tmp_path)
        assert run.returncode == 1, run.stderr
        assert_named_errors(run.stderr)
        conn = sqlite3.connect(store)
        assert [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")] == ["12", "first", "last"]
        assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 4
        conn.close()


def test_a_cp1256_text_file_is_read_as_windows_1256(tmp_path: Path) -> None:
    (tmp_path / "legacy.txt").write_bytes(ARTICLE.encode("cp1256"))
    run = rasd("extract", "legacy.txt", "--published", "2018-03-10", "--format", "jsonl", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "legacy.txt: not UTF-8; read as windows-1256" in run.stderr
    (event,) = [json.loads(line) for line in run.stdout.splitlines()]
    assert event["location_ar"] == "الرقة" and event["fatalities"] == 5


def test_a_text_in_another_legacy_encoding_is_refused_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "cyrillic.txt").write_bytes(("Это статья о погоде в Москве сегодня и завтра. " * 5).encode("koi8-r"))
    run = rasd("extract", "cyrillic.txt", cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "cyrillic.txt: not UTF-8 text" in run.stderr and "iconv -f" in run.stderr


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as handle:
        handle.write(ARTICLE)
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as handle:
        handle.write(b"\x00\x01binary")
    with open(os.path.join(os.fsencode(folder), b"english\xe9.txt"), "w", encoding="utf-8") as handle:
        handle.write("This is an English article about the weather in London today and tomorrow.")
    run = rasd("extract", "in", "--published", "2018-03-10", "--format", "jsonl", cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "in/bad\\xff.txt: binary file" in run.stderr
    assert "note: in/english\\xe9.txt: skipped: not Arabic" in run.stderr
    assert [json.loads(line)["doc_id"] for line in run.stdout.splitlines()] == ["caf\\xe9"]

    store = tmp_path / "s.sqlite"
    run = rasd("ingest", "in", "--db", str(store), "--workers", "1", cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "1 added" in run.stdout and "1 bad input(s); 1 skipped" in run.stdout
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT id, source FROM documents").fetchall() == [("caf\\xe9", "in")]
    conn.close()
    # the name given on the command line (bytes that are not UTF-8 in argv) is stored printable too
    (folder / "caf\udce9.txt").write_text(ARTICLE + " اليوم", encoding="utf-8")
    run = subprocess.run([os.fsencode(sys.executable), b"-m", b"rasd", b"ingest", b"in/caf\xe9.txt",
                          b"--db", os.fsencode(store), b"--workers", b"1"], cwd=tmp_path, capture_output=True)
    assert run.returncode == 0 and b"1 replaced" in run.stdout, run.stderr
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT id, source FROM documents").fetchall() == [("caf\\xe9", "in/caf\\xe9.txt")]
    assert conn.execute("SELECT source FROM errors").fetchall() == [("in/bad\\xff.txt",)]
    conn.close()


def test_not_arabic_is_a_skipped_note_in_ingest_as_in_extract(tmp_path: Path) -> None:
    docs = [dict(STRIKE_DOCS[0]), {"id": "en", "text": "Heavy rain fell on London on Friday, the forecast said."}]
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    run = rasd("ingest", str(corpus), "--db", str(tmp_path / "s.sqlite"), "--workers", "1", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "0 failed; 0 bad input(s); 1 skipped" in run.stdout
    assert "note: en: skipped: not Arabic" in run.stderr and "error:" not in run.stderr
    conn = sqlite3.connect(tmp_path / "s.sqlite")
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 0
    conn.close()
