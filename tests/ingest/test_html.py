"""HTML pages and folders through read_path: main text, metadata, boilerplate removal,
and bad files that give one clear error each while the batch goes on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rasd.ingest import BadInput, Skipped, read_path
from rasd.ingest.html import html_document, strip_boilerplate
from rasd.model import Document

# Invented text (no real article): a clash in a made-up village.
P1 = ("اندلعت اشتباكاتٌ عنيفة بين مُسلّحين وقوات الأمن في قرية النخيل الواقعة في ريف المدينة "
      "التجريبية مساء الأربعاء، وأسفرت عن مقتل أربعة عناصر وإصابة سبعة آخرين، وفق ما أفاد به مراسلنا.")
P2 = ("وأضاف المراسل أن الاشتباكات استمرت نحو ثلاث ساعات، استُخدمت خلالها أسلحة رشاشة وقذائف هاون، "
      "قبل أن تنسحب المجموعة المسلحة نحو الأراضي الزراعية المحيطة بالقرية.")
P3 = ("وقال أحد سكان القرية إن عشرات العائلات غادرت منازلها خوفاً من تجدد القتال، فيما اشترك عدد "
      "من الأهالي في نقل الجرحى إلى المستوصف المحلي.")

ARTICLE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>اشتباكات في ريف المدينة التجريبية - صحيفة الوادي</title>
<meta property="og:title" content="اشتباكات في ريف المدينة التجريبية">
<meta property="og:site_name" content="صحيفة الوادي">
<meta name="author" content="ليلى الراوي">
<meta property="article:published_time" content="2023-04-12T22:30:00+03:00">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li><li><a href="/e">اقتصاد</a></li></ul></nav>
<article>
<h1>اشتباكات في ريف المدينة التجريبية</h1>
<p>{P1}</p>
<div class="related"><h3>اقرأ أيضاً</h3><ul><li><a href="/a">وفد حكومي يزور المنطقة الجنوبية</a></li>
<li><a href="/b">ارتفاع أسعار الخبز في الأسواق</a></li></ul></div>
<p>{P2}</p>
<p>اقرأ أيضا: <a href="/c">حريق في سوق الخضار القديم</a></p>
<p>{P3}</p>
<div class="newsletter"><p>هل أعجبك المحتوى؟ اشترك بنشرتنا البريدية ليصلك كل جديد</p>
<form><input type="email" placeholder="بريدك الإلكتروني"><button>أرسل</button></form></div>
</article>
<footer><p>جميع الحقوق محفوظة لصحيفة الوادي ٢٠٢٣</p></footer>
</body></html>
"""

BARE = f"<html><head><title>خبر</title></head><body><p>{P1}</p><p>{P2}</p></body></html>"

ENGLISH = """<html><head><title>Market report</title></head><body><article>
<p>Wheat prices rose for a third week in the regional markets, traders said on Tuesday, as
dry weather cut the expected harvest and importers rushed to secure supplies before summer.</p>
<p>Analysts expect prices to ease once the new season's shipments arrive at the ports.</p>
</article></body></html>"""


def read_all(path: Path, **kwargs: object) -> list[Document | BadInput]:
    return list(read_path(str(path), **kwargs))  # type: ignore[arg-type]


def test_article_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "clash-report.html"
    page.write_text(ARTICLE, encoding="utf-8")
    [doc] = read_all(page)
    assert isinstance(doc, Document)
    assert doc.id == "clash-report"
    assert doc.title == "اشتباكات في ريف المدينة التجريبية"
    assert doc.published == dt.date(2023, 4, 12)  # the page's own day, not UTC's
    assert doc.outlet == "صحيفة الوادي"
    assert doc.text == "\n".join([P1, P2, P3])  # characters kept, diacritics included


def test_boilerplate_blocks_are_removed(tmp_path: Path) -> None:
    page = tmp_path / "clash.htm"
    page.write_text(ARTICLE, encoding="utf-8")
    [doc] = read_all(page)
    assert isinstance(doc, Document)
    for gone in ("اقرأ", "وفد حكومي", "ارتفاع أسعار الخبز", "حريق في سوق", "نشرتنا", "هل أعجبك",
                 "الرئيسية", "جميع الحقوق"):
        assert gone not in doc.text, gone
    assert "اشترك عدد من الأهالي" in doc.text  # اشترك = "took part": not a newsletter line


def test_strip_boilerplate_lines() -> None:
    text = "\n".join(["فقرة أولى.", "اقرأ أيضاً:", "- خبر مرتبط", "- خبر آخر", "فقرة ثانية.",
                      "Read also: another story", "اشترك في نشرتنا البريدية", "فقرة أخيرة."])
    assert strip_boilerplate(text) == "فقرة أولى.\nفقرة ثانية.\nفقرة أخيرة."
    long = ("وقالت الوزارة إن النشرة البريدية الرسمية " + "ستنشر تفاصيل الهجوم والخسائر " * 20).strip()
    assert strip_boilerplate(long) == long  # a long paragraph that mentions it is content


def test_fallback_date_and_outlet(tmp_path: Path) -> None:
    page = tmp_path / "bare.html"
    page.write_text(BARE, encoding="utf-8")
    [doc] = read_all(page, published=dt.date(2020, 1, 2), outlet="منفذ")
    assert isinstance(doc, Document)
    assert (doc.published, doc.outlet) == (dt.date(2020, 1, 2), "منفذ")
    assert doc.text == f"{P1}\n{P2}"


def test_legacy_arabic_encoding(tmp_path: Path) -> None:
    page = tmp_path / "old.html"
    page.write_bytes(BARE.replace("<head>", '<head><meta charset="windows-1256">').encode("cp1256"))
    [doc] = read_all(page)
    assert isinstance(doc, Document) and doc.text.startswith(P1[:30])


def test_html_sniffed_without_suffix(tmp_path: Path) -> None:
    page = tmp_path / "saved-page"
    page.write_text(ARTICLE, encoding="utf-8")
    [doc] = read_all(page)
    assert isinstance(doc, Document) and "<p>" not in doc.text and doc.text.startswith(P1[:30])


def test_malformed_html_never_raises() -> None:
    broken = f"<html><body><div><p>{P1} <b>غير مغلق <i>{P2}</p></div></span><table><tr><td>خلية</html> <<<>>> &&&"
    result = html_document(broken, "broken.html", "broken")
    assert isinstance(result, Document) and P1[:40] in result.text  # best-effort text
    for garbage in ("<html><<<>>></", "<<<<", "</p></div>", "", "<html><body></body></html>"):
        result = html_document(garbage, "junk.html", "junk")
        assert isinstance(result, BadInput) and result.source == "junk.html"
        assert "no main text" in result.problem or "malformed" in result.problem


def test_english_page_is_skipped(tmp_path: Path) -> None:
    page = tmp_path / "english.html"
    page.write_text(ENGLISH, encoding="utf-8")
    [item] = read_all(page)
    assert isinstance(item, Skipped) and isinstance(item, BadInput)
    assert item.source == str(page) and item.problem.startswith("skipped: not Arabic")


def test_a_bad_batch_goes_on(tmp_path: Path) -> None:
    """Every bad file gives one error naming it; the good ones are all read."""
    (tmp_path / "good.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "good.txt").write_text(P1, encoding="utf-8")
    (tmp_path / "broken.html").write_text("<html><<<>>></", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "binary.html").write_bytes(b"<html>\x00\x01\x02</html>")
    (tmp_path / "huge.txt").write_bytes(("نص " * 10).encode() * 400_000)  # ~22 MB
    (tmp_path / "english.htm").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "bomb.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<rss><channel><item><title>&lol2;</title></item></channel></rss>", encoding="utf-8")
    (tmp_path / "cut.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200")
    items = read_all(tmp_path)
    assert [i.id for i in items if isinstance(i, Document)] == ["good", "good"]  # .html and .txt
    errors = {Path(i.source).name: i.problem for i in items if isinstance(i, BadInput)}
    assert set(errors) == {"broken.html", "binary.txt", "binary.html", "huge.txt", "english.htm", "bomb.xml", "cut.warc"}
    assert errors["binary.txt"].startswith("binary file")
    assert errors["binary.html"].startswith("binary file")
    assert errors["huge.txt"].startswith("too large") and "10,485,760" in errors["huge.txt"]
    assert errors["english.htm"].startswith("skipped: not Arabic")
    assert "XML bomb" in errors["bomb.xml"]
    assert "truncated" in errors["cut.warc"]


def test_max_bytes_is_a_parameter(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(ARTICLE, encoding="utf-8")
    [item] = read_all(page, max_bytes=1000)
    assert isinstance(item, BadInput) and item.problem.startswith("too large")


def test_boxes_removed_when_the_extractor_flattens_a_short_page() -> None:
    """On a short page trafilatura falls back to one run-on line, where no line filter can
    find the boxes: they are removed from the HTML tree before extraction."""
    short = ("<html><body><article><h1>عنوان</h1><p>هاجم مسلحون حاجزاً للجيش في ريف المدينة الشرقي "
             "وقتلوا جنديين.</p><div class='related'><h3>اقرأ أيضا</h3><ul><li><a href='/a'>خبر أول مرتبط</a>"
             "</li><li><a href='/b'>خبر ثان مرتبط</a></li></ul></div><p>وانسحب المهاجمون نحو الحقول.</p>"
             "<div class='newsletter'><p>اشترك في نشرتنا البريدية</p><form><input type='email'></form></div>"
             "</article></body></html>")
    doc = html_document(short, "short.html", "short")
    assert isinstance(doc, Document) and "هاجم مسلحون" in doc.text and "وانسحب المهاجمون" in doc.text
    for gone in ("اقرأ", "مرتبط", "نشرتنا"):
        assert gone not in doc.text, doc.text
