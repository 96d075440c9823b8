"""WARC archives written with warcio's own writer: HTML responses become documents, other
records are passed over, and a truncated record is an error after the complete ones."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.ingest import BadInput, read_path
from rasd.model import Document

# Invented articles.
ARTICLES = {
    "http://site.test/news/1": ("انفجار عبوة", "انفجرت عبوة ناسفة بدورية عسكرية على الطريق العام قرب البلدة صباح اليوم، "
                                               "ما أدى إلى إصابة ثلاثة جنود بجروح، بحسب مصدر أمني."),
    "http://site.test/news/2": ("اتفاق تهدئة", "توصلت الأطراف المتنازعة في المدينة إلى اتفاق لوقف إطلاق النار برعاية "
                                               "وجهاء محليين، يقضي بفتح الطرق وتبادل المحتجزين خلال أسبوع."),
    "http://site.test/news/3": ("حملة دهم", "نفذت قوات الأمن حملة دهم واسعة في حي سكني شرق المدينة واعتقلت خمسة "
                                            "أشخاص بتهمة حيازة أسلحة من دون ترخيص، وفق بيان رسمي."),
}


def page(title: str, body: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>{body}</p></article></body></html>").encode()


def response(writer: WARCWriter, uri: str, payload: bytes, content_type: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                  http_headers=headers))


def write_warc(path: Path, gzip: bool) -> list[int]:
    """The archive, with the byte offset where each article's record ends."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "rasd tests"}))
    ends = []
    for number, (uri, (title, body)) in enumerate(ARTICLES.items()):
        request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        if number == 1:
            response(writer, "http://site.test/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
            response(writer, "http://site.test/missing", page("غير موجود", "الصفحة غير موجودة " * 5),
                     "text/html", "404 Not Found")
        response(writer, uri, page(title, body), "text/html; charset=utf-8")
        ends.append(buffer.tell())
    path.write_bytes(buffer.getvalue())
    return ends


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_html_responses_become_documents(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(path, gzip)
    items = list(read_path(str(path)))
    assert all(isinstance(i, Document) for i in items), items
    assert [d.id for d in items] == list(ARTICLES)  # id = WARC-Target-URI
    for doc in items:
        assert isinstance(doc, Document)
        title, body = ARTICLES[doc.id]
        assert (doc.text, doc.title, doc.url) == (body, title, doc.id)


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("where", [0.2, 0.5, 0.95], ids=["early", "in-headers", "in-payload"])
def test_truncated_record(tmp_path: Path, gzip: bool, where: float) -> None:
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    ends = write_warc(path, gzip)
    data = path.read_bytes()
    cut = ends[1] + int((ends[2] - ends[1]) * where)  # inside the last article's record
    path.write_bytes(data[:cut])
    items = list(read_path(str(path)))
    assert [i.id for i in items[:-1] if isinstance(i, Document)] == list(ARTICLES)[:2]
    error = items[-1]
    assert len(items) == 3 and isinstance(error, BadInput)
    assert error.source == str(path) and "truncated" in error.problem


def test_record_above_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    title, body = ARTICLES["http://site.test/news/1"]
    response(writer, "http://site.test/huge", page(title, body * 40), "text/html")
    response(writer, "http://site.test/news/1", page(title, body), "text/html")
    path.write_bytes(buffer.getvalue())
    items = list(read_path(str(path), max_bytes=4000))
    assert isinstance(items[0], BadInput) and "http://site.test/huge" in items[0].problem
    assert "too large" in items[0].problem
    assert isinstance(items[1], Document) and items[1].id == "http://site.test/news/1"


@pytest.mark.parametrize(("content", "problem"), [(b"this is not an archive\n" * 10, "not a WARC file"),
                                                  (b"", "empty file")], ids=["garbage", "empty"])
def test_not_a_warc(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(content)
    [error] = list(read_path(str(path)))
    assert isinstance(error, BadInput) and error.source == str(path)
    assert error.problem.startswith(problem)
