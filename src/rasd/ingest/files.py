"""Reading documents from plain-text files, JSONL corpora (gzip too), HTML pages, RSS/Atom
feeds, WARC archives, folders of those, stdin and http(s) URLs.

A bad input never stops the others: each problem is yielded as a ``BadInput`` that
names the file (and line) and says what is wrong, and reading goes on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from pydantic import ValidationError

from rasd.ingest.language import not_arabic
from rasd.model import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Largest document read (a file, a fetched page, a WARC record, a JSONL line): far above
#: any article (a long one is ~50 kB), low enough that a stray dump or log is refused
#: with a clear message instead of being analyzed for minutes.
MAX_BYTES = 10 * 1024 * 1024

log = logging.getLogger("rasd.ingest")


@dataclass(frozen=True)
class BadInput:
    """One input that could not be read, with where and why."""

    source: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class Skipped(BadInput):
    """A document read fine but deliberately not analyzed (``problem`` starts with
    "skipped: ", e.g. not Arabic). A subclass so that a caller that only knows
    BadInput still reports it; a caller that knows it can say "skipped" and not
    count it as a failure: an English item in a mixed feed is not a broken input."""


def _is_jsonl(name: str) -> bool:
    return name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def printable(path: str) -> str:
    """``path`` as text that can be printed and stored: a file name that is not UTF-8
    comes from the OS with surrogate escapes (PEP 383), which no UTF-8 stream or SQLite
    accepts; its bad bytes are shown as \\xNN instead."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def _decode(data: bytes, source: str) -> str | BadInput:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return BadInput(source, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})")


#: Legacy Arabic encodings a text file is read in when it is not UTF-8 and
#: charset-normalizer finds one of them (names as Python's codecs spell them).
ARABIC_ENCODINGS = {"cp1256": "windows-1256", "iso8859_6": "ISO-8859-6", "cp864": "IBM864", "cp720": "IBM720"}


def _decode_text(data: bytes, source: str) -> str | BadInput:
    """A text file's bytes as text: UTF-8, or else a legacy Arabic encoding that
    charset-normalizer detects (Windows-1256 above all: what Arabic Windows and many
    old sites wrote). Any other encoding is refused with the iconv command that fixes it."""
    text = _decode(data, source)
    if not isinstance(text, BadInput):
        return text
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1 << 20]).best()
    except Exception:  # noqa: BLE001 - detection is a courtesy; the UTF-8 error stands
        best = None
    if best is None:
        return text
    name = ARABIC_ENCODINGS.get(best.encoding)
    if name is None:
        return BadInput(source, f"{text.problem}; looks like {best.encoding}: convert it with "
                                f"`iconv -f {best.encoding} -t UTF-8`")
    try:
        decoded = data.decode(best.encoding)
    except UnicodeDecodeError:
        return BadInput(source, f"{text.problem}; looks like {name}: convert it with `iconv -f {name} -t UTF-8`")
    log.warning("%s: not UTF-8; read as %s (detected)", source, name)
    return decoded


def _unicode_problem(record: dict) -> str | None:
    """Why a parsed JSON record is not valid Unicode text: JSON's \\uD800 escapes give
    lone surrogates, which no UTF-8 output, SQLite or later stage accepts."""
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"not valid Unicode: a lone surrogate (\\u{ord(exc.object[exc.start]):04x}) in a string"
    except RecursionError:
        return "JSON nested too deeply to read"
    return None


def _validation_problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or "document"
    kind = first["type"]
    if kind == "missing":
        return f"missing required field '{field}'"
    return f"field '{field}': {first['msg']}"


def bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of a binary stream (a file, a gzip file decompressed as it is read,
    stdin) with never more than ``max_bytes`` + 1 bytes of one line in memory: a longer
    line is read on in 1 MiB pieces that are thrown away, and yielded as its size."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes:
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield size


class _Prefixed(io.RawIOBase):
    """``head`` (bytes already read to sniff a stream) followed by the rest of ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = memoryview(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read1(len(buffer)) if hasattr(self.rest, "read1") else self.rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def read_jsonl_lines(lines: Iterator[bytes | int], source: str, published: dt.date | None = None,
                     outlet: str | None = None, *, max_bytes: int | None = None) -> Iterator[Document | BadInput]:
    """Documents of JSONL lines (an int stands for a line that was too long to read,
    its size, see ``bounded_lines``). Any line that cannot be read, whatever the
    reason, is one ``BadInput`` naming its number, and reading goes on."""
    name = Path(source).name
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, int):
            yield BadInput(source, f"line {_too_big(raw, max_bytes or MAX_BYTES)}", number)
            continue
        if not raw.strip():
            continue
        try:
            yield _jsonl_document(raw, number, source, name, published, outlet, max_bytes)
        except Exception as exc:  # noqa: BLE001 - one unreadable line never ends the file
            yield BadInput(source, f"unreadable line ({exc.__class__.__name__}: {exc})", number)


def _jsonl_document(raw: bytes, number: int, source: str, name: str, published: dt.date | None,
                    outlet: str | None, max_bytes: int | None) -> Document | BadInput:
    if max_bytes is not None and len(raw) > max_bytes:
        return BadInput(source, f"line {_too_big(len(raw), max_bytes)}", number)
    text = _decode(raw, source)
    if isinstance(text, BadInput):
        return BadInput(source, text.problem, number)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return BadInput(source, f"not valid JSON ({exc.msg} at column {exc.colno})", number)
    except RecursionError:
        return BadInput(source, "JSON nested too deeply to read", number)
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return BadInput(source, f"unreadable JSON ({exc})", number)
    if not isinstance(record, dict):
        return BadInput(source, "a JSON object was expected", number)
    # (strict UTF-8 decoding lets no surrogate through: only a \u escape can make one; a
    # line nested too deeply for json.dumps is then refused only if it has one too, and is
    # otherwise read, its deep fields being none of the document's)
    problem = _unicode_problem(record) if "\\u" in text else None
    if problem:
        return BadInput(source, problem, number)
    if "id" not in record:
        record["id"] = f"{name}:{number}"
    elif isinstance(record["id"], int) and not isinstance(record["id"], bool):
        record["id"] = str(record["id"])  # a numeric id names the document as its digits do
    elif not isinstance(record["id"], str):
        return BadInput(source, "field 'id' must be a string or an integer", number)
    if published and not record.get("published"):
        record["published"] = published
    if outlet and not record.get("outlet"):
        record["outlet"] = outlet
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        problem = "missing required field 'text'" if "text" not in record else "field 'text' is empty or not a string"
        return BadInput(source, problem, number)
    try:
        return Document.model_validate(record)
    except ValidationError as exc:
        return BadInput(source, _validation_problem(exc), number)


def _text_document(data: bytes, source: str, doc_id: str, published: dt.date | None,
                   outlet: str | None, charset: str | None = None) -> Document | BadInput:
    if b"\x00" in data:  # before decoding: "binary" says more than "invalid byte 0x89"
        return BadInput(source, "binary file (contains NUL bytes), not text")
    plain = charset is None or charset.lower().replace("-", "") == "utf8"
    text = _decode_text(data, source) if plain else _decode_as(data, source, charset or "")
    if isinstance(text, BadInput):
        return text
    if not text.strip():
        return BadInput(source, "empty file: no text to read")
    return Document(id=doc_id, text=text, published=published, outlet=outlet)


def _decode_as(data: bytes, source: str, charset: str) -> str | BadInput:
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        return BadInput(source, f"cannot decode as {charset} ({exc.__class__.__name__})")


def _sniff(data: bytes) -> str | None:
    """"feed" or "html" when the bytes say so whatever the file is called, else None."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")):
        return "html" if b"<html" in head and not any(t in head for t in (b"<rss", b"<feed", b"<rdf:rdf")) else "feed"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def _kind_of(name: str) -> str:
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if _is_jsonl(lower):
        return "jsonl"
    suffix = Path(lower).suffix
    return "html" if suffix in HTML_SUFFIXES else "feed" if suffix in FEED_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else "other"


def _too_big(size: int, limit: int) -> str:
    return f"too large ({size:,} bytes; the limit is {limit:,}, set by max_bytes)"


def documents_from_bytes(data: bytes, source: str, doc_id: str, kind: str, opts: Options,
                         charset: str | None = None, url: str | None = None) -> Iterator[Document | BadInput]:
    """Documents of one input already in memory, by ``kind`` ("html", "feed", "text",
    "jsonl" or "other", which is sniffed); shared by files, stdin and fetched URLs."""
    if kind == "jsonl":
        yield from read_jsonl_lines(iter(data.splitlines()), source, opts.published, opts.outlet,
                                    max_bytes=opts.max_bytes)
        return
    if len(data) > opts.max_bytes:
        yield BadInput(source, _too_big(len(data), opts.max_bytes))
        return
    sniffed = _sniff(data)
    if kind == "other" or (kind == "text" and sniffed == "feed"):
        kind = sniffed or "text"
    if kind == "feed":
        from rasd.ingest.feeds import read_feed

        yield from read_feed(data, source, published=opts.published, outlet=opts.outlet)
    elif kind == "html":
        from rasd.ingest.html import html_document

        if b"\x00" in data:
            yield BadInput(source, "binary file (contains NUL bytes), not HTML")
            return
        yield html_document(data, source, doc_id, url=url, published=opts.published,
                            outlet=opts.outlet, charset=charset)
    else:
        document = _text_document(data, source, doc_id, opts.published, opts.outlet, charset)
        if isinstance(document, Document) and url:
            document = document.model_copy(update={"url": url})
        yield document


@dataclass(frozen=True)
class Options:
    """What every reader of one ``read_path`` call needs to know."""

    published: dt.date | None = None
    outlet: str | None = None
    allow_private: bool = False
    max_bytes: int = MAX_BYTES


def read_path(path: str, published: dt.date | None = None, outlet: str | None = None, *,
              allow_private: bool = False, max_bytes: int = MAX_BYTES,
              check_language: bool = True) -> Iterator[Document | BadInput]:
    """Documents of one input: a file, a folder, ``-`` (stdin) or an http(s) URL.

    Files are read by type: .txt/.md text, .jsonl[.gz] corpora, .html/.htm pages, .xml/
    .rss/.atom feeds (and any file whose bytes are a feed), .warc[.gz] archives. Each
    problem is one ``BadInput`` and reading goes on. ``allow_private`` lets URLs reach
    loopback/private addresses (a local test server, an intranet); ``max_bytes`` bounds
    one document (a file, a fetched page, a WARC record, a JSONL line); with
    ``check_language`` a document that is not Arabic is yielded as ``Skipped``.
    """
    opts = Options(published, outlet, allow_private, max_bytes)
    p = Path(path)
    if path != "-" and not path.lower().startswith(("http://", "https://")) and p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and _kind_of(f.name) != "other")
        if not files:
            yield BadInput(printable(path), "folder holds no .txt, .jsonl, .html, feed or .warc files")
        for f in files:
            yield from read_path(str(f), published, outlet, allow_private=allow_private,
                                 max_bytes=max_bytes, check_language=check_language)
        return
    source = "<stdin>" if path == "-" else printable(path)
    try:
        for item in _read(path, opts):
            if check_language and isinstance(item, Document):
                why = not_arabic(item.text)
                if why:  # a one-document input is named by its path, an item of many by its id
                    single = item.id in (printable(p.stem), source, "stdin")
                    yield Skipped(source if single else item.url or item.id, f"skipped: {why}")
                    continue
            yield item
    except Exception as exc:  # noqa: BLE001 - a reader's bug is this input's error, not the run's end
        log.debug("reading %s failed", source, exc_info=True)
        yield BadInput(source, f"cannot read ({exc.__class__.__name__}: {exc})")


def _read(path: str, opts: Options) -> Iterator[Document | BadInput]:
    """The documents of one input that is not a folder."""
    if path.lower().startswith(("http://", "https://")):
        from rasd.ingest.urls import read_url

        yield from read_url(path, opts)
        return
    if path == "-":
        yield from _read_stdin(sys.stdin.buffer, opts)
        return
    p = Path(path)
    source = printable(path)
    if not p.exists():
        yield BadInput(source, "no such file")
        return
    kind = _kind_of(p.name)
    try:
        if kind == "jsonl":
            opener = gzip.open if p.name.endswith(".gz") else open
            with opener(p, "rb") as handle:  # gzip: decompressed as it is read, a line at a time
                yield from read_jsonl_lines(bounded_lines(handle, opts.max_bytes), source, opts.published,  # type: ignore[arg-type]
                                            opts.outlet, max_bytes=opts.max_bytes)
            return
        if kind == "warc":
            from rasd.ingest.warc import read_warc

            yield from read_warc(p, opts)
            return
        size = p.stat().st_size
        if size > opts.max_bytes:
            yield BadInput(source, _too_big(size, opts.max_bytes))
            return
        data = p.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield BadInput(source, f"cannot read ({exc.__class__.__name__}: {exc})")
        return
    yield from documents_from_bytes(data, source, printable(p.stem), kind, opts)


def _read_stdin(stream: BinaryIO, opts: Options) -> Iterator[Document | BadInput]:
    """Standard input: JSONL (it starts with "{") read line by line with the per-line
    limit, anything else read up to the limit and refused beyond it."""
    head = b""
    while not head.strip() and len(head) <= opts.max_bytes:
        chunk = stream.read1(1 << 16) if hasattr(stream, "read1") else stream.read(1 << 16)
        if not chunk:
            break
        head += chunk
    if head.lstrip()[:1] == b"{":
        lines = bounded_lines(io.BufferedReader(_Prefixed(head, stream)), opts.max_bytes)
        yield from read_jsonl_lines(lines, "<stdin>", opts.published, opts.outlet, max_bytes=opts.max_bytes)
        return
    data = head + stream.read(max(0, opts.max_bytes + 1 - len(head)))
    if len(data) > opts.max_bytes:
        yield BadInput("<stdin>", f"too large (more than {opts.max_bytes:,} bytes, the limit set by max_bytes)")
        return
    yield from documents_from_bytes(data, "<stdin>", "stdin", "other", opts)


def iter_jsonl_records(path: Path) -> Iterator[dict]:
    """Raw records of a JSONL[.gz] corpus (for looking texts up by id)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as handle:
        for raw in handle:
            if raw.strip():
                yield json.loads(raw)
