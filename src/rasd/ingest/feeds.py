"""RSS and Atom feeds to documents: one per item, its text the item's content with the
markup stripped.

feedparser parses with the standard library's SAX/expat, which expands entities declared
in a DTD: a "billion laughs" feed of a few hundred bytes would grow to gigabytes. So the
bytes go through defusedxml first, which refuses any entity declaration, and only a feed
that passes reaches feedparser. A feed so broken that defusedxml cannot parse it still
goes to feedparser's lenient parser (real feeds often have a stray '&'), but never one
that declares entities.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any, Iterator
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser

from rasd.ingest.files import BadInput
from rasd.ingest.html import html_to_text
from rasd.model import Document

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ROOT_START = re.compile(rb"<[A-Za-z]")


def refuse_unsafe_xml(data: bytes) -> str | None:
    """Why these XML bytes must not be parsed (entity declarations, external references),
    or None when they are safe to hand to an expat-based parser."""
    root = _ROOT_START.search(data)  # a DTD, and its entities, can only precede the root
    if _ENTITY_DECLARATION.search(data, 0, root.start() if root else len(data)):
        return "refused: the XML declares entities (a possible XML bomb); feeds never need them"
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                          forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        return f"refused: unsafe XML ({exc.__class__.__name__}); feeds never need it"
    except (ParseError, ValueError):
        pass  # malformed but harmless: feedparser's lenient parser may still read it
    return None


def _date(entry: Any) -> dt.date | None:
    """The item's date as the feed printed it (its own calendar day and zone), falling
    back to feedparser's UTC struct, which can move a late-evening item to the next day."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not isinstance(raw, str) or not raw.strip():
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.date.fromisoformat(raw.strip()[:10])  # Atom: RFC 3339
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(*parsed[:3])
    return None


def _item_text(entry: Any) -> str:
    """The fullest text the item carries: content:encoded / Atom content, else summary."""
    candidates = [c.get("value", "") for c in entry.get("content") or []]
    candidates.append(entry.get("summary") or entry.get("description") or "")
    best = max(candidates, key=len)
    return html_to_text(best) if best else ""


def read_feed(data: bytes, source: str, *, published: dt.date | None = None,
              outlet: str | None = None) -> Iterator[Document | BadInput]:
    """Documents of one feed (file or fetched), one per item; an item without text or an
    unsafe/unreadable feed is a BadInput naming the feed."""
    refusal = refuse_unsafe_xml(data)
    if refusal:
        yield BadInput(source, refusal)
        return
    try:
        parsed = feedparser.parse(data)  # bytes: feedparser never fetches anything itself
    except Exception as exc:  # noqa: BLE001 - a parser bug must not end the batch
        yield BadInput(source, f"cannot parse feed ({exc.__class__.__name__}: {exc})")
        return
    if not parsed.entries:
        why = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield BadInput(source, f"not an RSS/Atom feed, or a feed with no items{why}")
        return
    feed_title = html_to_text(parsed.feed.get("title", "")) or None
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        doc_id = entry.get("id") or link or f"{source}#{number}"
        text = _item_text(entry)
        if not text:
            yield BadInput(source, f"item {number} ({doc_id}): no text (no content or summary)")
            continue
        yield Document(id=doc_id, text=text, title=html_to_text(entry.get("title", "")) or None,
                       published=_date(entry) or published, outlet=feed_title or outlet, url=link,
                       author=entry.get("author") or None)
