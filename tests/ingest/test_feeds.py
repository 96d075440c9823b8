"""RSS and Atom feeds: one document per item, dates as the feed printed them, markup
stripped, and XML bombs refused before any expat-based parser sees them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from rasd.ingest import BadInput, Skipped, feeds, read_path
from rasd.model import Document

# Invented items.
ITEM1 = ("أعلنت مصادر محلية أن طائرة مسيّرة استهدفت سيارة على الطريق الواصل بين بلدتين في "
         "الريف الشرقي، ما أدى إلى مقتل شخصين كانا بداخلها.")
ITEM1_MORE = "وأشارت المصادر إلى أن الهجوم هو الثالث من نوعه خلال الشهر الجاري."
ITEM2 = "تظاهر مئات الطلاب أمام مبنى الجامعة احتجاجاً على رفع الرسوم الدراسية، ورفعوا لافتات تطالب بالتراجع عن القرار."
ENGLISH = "Officials opened a new bridge over the river on Monday after two years of construction work."

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>موقع الأنباء التجريبي</title><link>http://news.test/</link>
<item><title>مقتل شخصين بغارة مسيّرة</title><link>http://news.test/a/1</link>
<guid isPermaLink="false">news-test-0001</guid>
<pubDate>Tue, 11 Apr 2023 01:30:00 +0300</pubDate>
<description><![CDATA[<p>ملخص قصير</p>]]></description>
<content:encoded><![CDATA[<p>{ITEM1}</p><p>اقرأ أيضاً: <a href="http://news.test/a/0">خبر سابق</a></p>
<p>{ITEM1_MORE}</p><script>var x = 1;</script>]]></content:encoded></item>
<item><title>احتجاج طلابي</title><link>http://news.test/a/2</link>
<pubDate>Wed, 12 Apr 2023 09:00:00 GMT</pubDate>
<description>&lt;b&gt;{ITEM2}&lt;/b&gt;</description></item>
<item><title>Bridge opens</title><link>http://news.test/a/3</link><description>{ENGLISH}</description></item>
<item><title>بلا نص</title><link>http://news.test/a/4</link></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة تجريبية</title><id>urn:test:feed</id>
<updated>2023-05-02T10:00:00Z</updated>
<entry><title>اعتقالات</title><id>urn:test:entry:7</id><link href="http://agency.test/7"/>
<updated>2023-05-01T23:45:00+03:00</updated>
<content type="html">&lt;p&gt;{ITEM2}&lt;/p&gt;</content></entry>
</feed>
"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>قنبلة</title>
<item><title>&lol3;</title><description>&lol3;</description></item></channel></rss>
"""

XXE = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>x</title><description>&xxe;</description></item></channel></rss>"""


def read_all(path: Path) -> list[Document | BadInput]:
    return list(read_path(str(path)))


def test_rss_items(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    items = read_all(path)
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["news-test-0001", "http://news.test/a/2"]  # guid, else link
    first, second = docs
    assert first.text == f"{ITEM1}\n{ITEM1_MORE}"  # the fuller content, markup and "read also" gone
    assert first.title == "مقتل شخصين بغارة مسيّرة" and first.url == "http://news.test/a/1"
    assert first.published == dt.date(2023, 4, 11)  # the feed's day (UTC would say the 10th)
    assert first.outlet == "موقع الأنباء التجريبي"
    assert second.text == ITEM2 and second.published == dt.date(2023, 4, 12)
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [s.source for s in skipped] == ["http://news.test/a/3"]
    errors = [i for i in items if isinstance(i, BadInput) and not isinstance(i, Skipped)]
    assert len(errors) == 1 and errors[0].source == str(path) and "no text" in errors[0].problem


def test_atom_entries(tmp_path: Path) -> None:
    path = tmp_path / "agency.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.title) == ("urn:test:entry:7", ITEM2, "اعتقالات")
    assert doc.published == dt.date(2023, 5, 1) and doc.url == "http://agency.test/7"


def test_feed_content_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "feed.txt"  # a feed saved under a text name is still read as a feed
    path.write_text(ATOM, encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, Document) and doc.id == "urn:test:entry:7"


@pytest.mark.parametrize("payload", [BOMB, XXE], ids=["billion-laughs", "external-entity"])
def test_unsafe_xml_is_refused_before_parsing(tmp_path: Path, payload: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("feedparser must not see an unsafe feed")

    monkeypatch.setattr(feeds.feedparser, "parse", never)
    path = tmp_path / "bomb.xml"
    path.write_text(payload, encoding="utf-8")
    [error] = read_all(path)
    assert isinstance(error, BadInput) and error.source == str(path)
    assert error.problem.startswith("refused:") and "XML bomb" in error.problem


def test_defusedxml_refuses_without_the_byte_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parse through defusedxml is a second, independent line of defence."""
    monkeypatch.setattr(feeds, "_ENTITY_DECLARATION", re.compile(rb"(?!x)x"))  # never matches
    assert feeds.refuse_unsafe_xml(BOMB.encode()) is not None
    assert feeds.refuse_unsafe_xml(XXE.encode()) is not None
    assert feeds.refuse_unsafe_xml(RSS.encode()) is None


def test_entity_text_inside_an_item_is_not_a_bomb(tmp_path: Path) -> None:
    """Only the prolog can declare entities: an article quoting XML is still read."""
    path = tmp_path / "quoting.xml"
    path.write_text(RSS.replace("<![CDATA[<p>ملخص", '<![CDATA[<p>مثال: <!ENTITY a "b"> ملخص'), encoding="utf-8")
    assert "<!ENTITY" in path.read_text(encoding="utf-8")
    assert [i.id for i in read_all(path) if isinstance(i, Document)][0] == "news-test-0001"


def test_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<?xml version='1.0'?><rss><channel><oops", encoding="utf-8")
    [error] = read_all(path)
    assert isinstance(error, BadInput) and "not an RSS/Atom feed" in error.problem
