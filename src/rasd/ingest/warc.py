"""WARC archives (web crawls) to documents: each HTML response record is one page, read
with the same extractor as a saved HTML file.

warcio reads a truncated archive without complaint: a record cut in its payload comes
out short, and one cut in its headers is silently dropped. A clipped article would be
coded as if it were whole, so truncation is detected here: a record whose payload ends
before its Content-Length, or bytes left after the last complete record, is an
BadInput, after the complete records before it have been yielded.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from warcio.archiveiterator import ArchiveIterator

from rasd.ingest.files import BadInput, printable
from rasd.ingest.html import html_document
from rasd.model import Document

if TYPE_CHECKING:
    from rasd.ingest.files import Options

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def read_warc(path: Path, opts: Options) -> Iterator[Document | BadInput]:
    """Documents of the HTML responses in one .warc or .warc.gz file."""
    source = printable(str(path))
    problem = _not_warc(path)
    if problem:
        yield BadInput(source, problem)
        return
    found = 0
    end = 0  # file offset just past the last complete record
    number = 0
    try:
        with path.open("rb") as handle:
            records = ArchiveIterator(handle)
            for number, record in enumerate(records, start=1):
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{number}"
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                wanted = record.rec_type == "response" and content_type.split(";")[0].strip().lower() in HTML_TYPES
                status = record.http_headers.get_statuscode() if record.http_headers else ""
                if wanted and not str(status).startswith("2"):
                    wanted = False  # error pages and redirects are not articles
                if wanted and record.length > opts.max_bytes:
                    yield BadInput(source, f"record {number} ({uri}): too large ({record.length:,} bytes; "
                                             f"the limit is {opts.max_bytes:,}, set by max_bytes)")
                    wanted = False
                payload = record.content_stream().read() if wanted else b""
                while record.raw_stream.read(1 << 16):  # to its end, to see whether it is all there
                    pass
                if record.raw_stream.limit > 0:
                    yield BadInput(source, f"record {number} ({uri}): truncated "
                                             f"({record.raw_stream.limit:,} bytes of it are missing)")
                    return
                end = records.get_record_offset() + records.get_record_length()
                if wanted:
                    found += 1
                    yield html_document(payload, source, uri, url=uri, published=opts.published,
                                        outlet=opts.outlet, charset=_charset(content_type))
            handle.seek(end)
            rest = handle.read(4096).strip()
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged data
        yield BadInput(source, f"record {number + 1}: damaged or truncated WARC record "
                                 f"({exc.__class__.__name__}: {exc})")
        return
    if rest:
        yield BadInput(source, f"record {number + 1}: truncated WARC record at byte {end:,} (the file ends inside it)")
    elif not found:
        yield BadInput(source, "no HTML response records in the WARC file")


def _not_warc(path: Path) -> str | None:
    """Why the file is not a WARC (warcio would read lines of text as ARC records)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(2)
            handle.seek(0)
            if head == b"\x1f\x8b":
                with gzip.open(handle) as unzipped:
                    head = unzipped.read(5)
            else:
                head = handle.read(5)
    except (OSError, EOFError, zlib.error) as exc:
        return f"cannot read as a WARC file ({exc.__class__.__name__}: {exc})"
    if not head:
        return "empty file: no WARC records"
    return None if head == b"WARC/" else "not a WARC file (it does not start with a WARC/1.x record header)"
