"""Reading documents from plain-text files, JSONL corpora (gzip too), folders and stdin.

A bad input never stops the others: each problem is yielded as an ``InputError`` that
names the file (and line) and says what is wrong, and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from rasd.model import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}


@dataclass(frozen=True)
class InputError:
    """One input that could not be read, with where and why."""

    source: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.problem}"


def _is_jsonl(name: str) -> bool:
    return name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def _decode(data: bytes, source: str) -> str | InputError:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(source, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})")


def _validation_problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or "document"
    kind = first["type"]
    if kind == "missing":
        return f"missing required field '{field}'"
    return f"field '{field}': {first['msg']}"


def read_jsonl_lines(lines: Iterator[bytes], source: str, published: dt.date | None = None,
                     outlet: str | None = None) -> Iterator[Document | InputError]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        text = _decode(raw, source)
        if isinstance(text, InputError):
            yield InputError(source, text.problem, number)
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"not valid JSON ({exc.msg} at column {exc.colno})", number)
            continue
        if not isinstance(record, dict):
            yield InputError(source, "a JSON object was expected", number)
            continue
        record.setdefault("id", f"{Path(source).name}:{number}")
        if published and not record.get("published"):
            record["published"] = published
        if outlet and not record.get("outlet"):
            record["outlet"] = outlet
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            problem = "missing required field 'text'" if "text" not in record else "field 'text' is empty or not a string"
            yield InputError(source, problem, number)
            continue
        try:
            yield Document.model_validate(record)
        except ValidationError as exc:
            yield InputError(source, _validation_problem(exc), number)


def _text_document(data: bytes, source: str, doc_id: str, published: dt.date | None,
                   outlet: str | None) -> Document | InputError:
    text = _decode(data, source)
    if isinstance(text, InputError):
        return text
    if b"\x00" in data:
        return InputError(source, "binary file (contains NUL bytes), not text")
    if not text.strip():
        return InputError(source, "empty file: no text to read")
    return Document(id=doc_id, text=text, published=published, outlet=outlet)


def read_path(path: str, published: dt.date | None = None, outlet: str | None = None) -> Iterator[Document | InputError]:
    """Documents of one input: a file, a folder (its .txt and .jsonl[.gz] files) or ``-``."""
    if path == "-":
        data = sys.stdin.buffer.read()
        if data.lstrip()[:1] == b"{":
            yield from read_jsonl_lines(iter(data.splitlines()), "<stdin>", published, outlet)
        else:
            yield _text_document(data, "<stdin>", "stdin", published, outlet)
        return
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and (
            _is_jsonl(f.name) or f.suffix in TEXT_SUFFIXES))
        if not files:
            yield InputError(path, "folder holds no .txt or .jsonl files")
        for f in files:
            yield from read_path(str(f), published, outlet)
        return
    if not p.exists():
        yield InputError(path, "no such file")
        return
    try:
        if _is_jsonl(p.name):
            opener = gzip.open if p.name.endswith(".gz") else open
            with opener(p, "rb") as handle:
                yield from read_jsonl_lines(iter(handle), path, published, outlet)
            return
        data = p.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(path, f"cannot read ({exc.__class__.__name__}: {exc})")
        return
    yield _text_document(data, path, p.stem, published, outlet)


def iter_jsonl_records(path: Path) -> Iterator[dict]:
    """Raw records of a JSONL[.gz] corpus (for looking texts up by id)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as handle:
        for raw in handle:
            if raw.strip():
                yield json.loads(raw)
