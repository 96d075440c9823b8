"""Web pages to documents: main text and metadata with trafilatura, minus boilerplate.

Whatever text this module returns IS the document text: every offset rasd reports points
into it, so it is produced once, here, and never re-normalized later. Characters are kept
as the page has them (no Arabic normalization); only markup and boilerplate go.

Boilerplate is removed twice, because trafilatura keeps some of it inside the article:
first on the HTML tree ("read also" boxes and newsletter boxes are whole elements, and
removing the element also removes its list of links), then line by line on the text
(what was inline in a paragraph, or what the tree pass could not isolate).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from rasd.ingest.files import BadInput
from rasd.model import Document

#: Openers of "read also" / related-articles blocks, Arabic spelling variants included.
READ_ALSO = re.compile(
    r"^\W*(?:اقرأ|إقرأ|اقرا|إقرا)\s+(?:[أا]يضاً?|[أا]يضًا|كذلك)"
    r"|^\W*(?:مواضيع|مقالات|أخبار)\s+(?:ذات\s+صلة|متعلقة|مرتبطة)"
    r"|^\W*(?:read\s+(?:also|more)|see\s+also|related\s+(?:articles|stories|news))\b",
    re.IGNORECASE,
)
#: Phrases of newsletter, subscription and "did you like it" footers. Not the bare verb
#: اشترك: in news it also means "took part" (اشترك في الهجوم).
NEWSLETTER = re.compile(
    r"نشرت(?:نا|ها|ه)?\s+البريدية|النشرة\s+البريدية|القائمة\s+البريدية|اشترك(?:وا)?\s+(?:الآن|بنشرت|بالنشرة|بقناتنا|في\s+نشرت|في\s+النشرة|في\s+قناتنا)"
    r"|هل\s+أعجب(?:ك|تك|كم)\s+(?:المحتوى|المقال|الخبر|المادة)|تابعونا\s+على|ظهرت\s+المقالة\s.*\sأولاً\s+على"
    r"|\bnewsletter\b|\bsubscribe\b|\bsign\s+up\b|appeared\s+first\s+on",
    re.IGNORECASE,
)
#: A boilerplate element longer than this is not a box but content that mentions it.
BOX_MAX_CHARS = 300
#: Elements never removed as boilerplate, even when short: they hold the article.
STRUCTURAL = {"html", "body", "article", "main"}
#: Elements that start a new line when markup is flattened to text (feed items).
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
          "table", "blockquote", "section", "article", "header", "footer", "pre", "hr", "figure"}
_SPACES = re.compile(r"[ \t\u00a0\u200f\u200e\r\f\v]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, declared: str | None = None) -> str:
    """UTF-8 if it is UTF-8; else the charset the HTTP header or a <meta> declares; else
    windows-1256, the legacy encoding of most Arabic sites (a byte-statistics guess on
    a short Arabic page picks a wrong code page, which turns the article into mojibake)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    found = _CHARSET.search(data[:4096])
    for name in (declared, found.group(1).decode("ascii") if found else None, "cp1256"):
        if name:
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return data.decode("cp1256", errors="replace")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _is_boilerplate(text: str) -> bool:
    return bool(READ_ALSO.search(text) or NEWSLETTER.search(text))


def _strip_boxes(tree: Any) -> None:
    """Remove the outermost short element that is a "read also" or newsletter box; when
    it is only the "read also" label (a heading), the link list after it goes too."""
    doomed: list[Any] = []

    def visit(element: Any) -> None:
        if not isinstance(element.tag, str):  # comments, processing instructions
            return
        text = _norm(element.text_content())
        if (element is not tree and element.tag not in STRUCTURAL and len(text) <= BOX_MAX_CHARS
                and (READ_ALSO.search(text) or NEWSLETTER.search(text))):
            doomed.append(element)
            if READ_ALSO.search(text) and len(READ_ALSO.sub("", text).strip(" :：-–")) == 0:
                following = element.getnext()
                if following is not None and following.tag in {"ul", "ol", "div", "p"} \
                        and _mostly_links(following):
                    doomed.append(following)
            return
        for child in element:
            visit(child)

    visit(tree)
    for element in doomed:
        if element.getparent() is not None:  # a link list may be doomed twice
            element.drop_tree()


def _mostly_links(element: Any) -> bool:
    text = len(_norm(element.text_content()))
    linked = sum(len(_norm(a.text_content())) for a in element.iter("a"))
    return text > 0 and linked >= 0.8 * text


def strip_boilerplate(text: str) -> str:
    """Drop "read also" lines (and the link list under a bare "read also" label) and
    newsletter lines; a long paragraph that merely mentions them is kept."""
    kept: list[str] = []
    in_list = False
    for line in text.split("\n"):
        stripped = line.strip()
        if in_list and (stripped.startswith(("-", "•", "*")) or not stripped):
            continue
        in_list = False
        if len(stripped) <= BOX_MAX_CHARS and _is_boilerplate(stripped):
            in_list = not READ_ALSO.sub("", stripped).strip(" :：-–")
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content): block elements become line
    breaks, scripts and styles go, spaces are collapsed within lines."""
    if "<" not in fragment:
        return strip_boilerplate("\n".join(_norm(line) for line in fragment.splitlines() if _norm(line)))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return strip_boilerplate(_norm(re.sub(r"<[^>]*>", " ", fragment)))
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    _strip_boxes(root)
    parts: list[str] = []

    def walk(element: Any) -> None:
        block = isinstance(element.tag, str) and element.tag in BLOCKS
        if block:
            parts.append("\n")
        if isinstance(element.tag, str) and element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if block:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    lines = (_norm(line) for line in "".join(parts).split("\n"))
    return strip_boilerplate("\n".join(line for line in lines if line))


def html_document(data: bytes | str, source: str, doc_id: str, *, url: str | None = None,
                  published: dt.date | None = None, outlet: str | None = None,
                  charset: str | None = None) -> Document | BadInput:
    """One page → one Document, or a BadInput saying why not (never an exception:
    malformed markup gives best-effort text or an error, and the batch goes on).

    The page's own date and site name win over ``published``/``outlet``, which are the
    caller's fallbacks for pages that lack them (as for JSONL records).
    """
    try:
        text = decode_html(data, charset) if isinstance(data, bytes) else data
        if "\x00" in text:
            return BadInput(source, "binary content (contains NUL bytes), not HTML")
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        tree = lxml.html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
        _strip_boxes(tree)
        found = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    except (etree.LxmlError, ValueError, TypeError, RecursionError) as exc:
        return BadInput(source, f"malformed HTML, no text extracted ({exc.__class__.__name__}: {exc})")
    except Exception as exc:  # noqa: BLE001 - an extractor bug must not end the batch
        return BadInput(source, f"HTML extraction failed ({exc.__class__.__name__}: {exc})")
    meta: dict[str, Any] = found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})
    body = strip_boilerplate(meta.get("text") or "")
    title = meta.get("title") or None
    if title and body.split("\n", 1)[0].strip() == title.strip():
        body = body.split("\n", 1)[1].strip() if "\n" in body else ""  # the headline is `title`
    if not any(ch.isalpha() for ch in body):  # nothing, or only markup debris like "<<>>"
        return BadInput(source, "no main text found in the HTML page")
    record = {"id": doc_id, "text": body, "title": title, "url": url or meta.get("url") or None,
              "published": meta.get("date") or published, "outlet": meta.get("sitename") or outlet,
              "author": meta.get("author") or None}
    try:
        return Document.model_validate(record)
    except Exception:  # noqa: BLE001 - a page date pydantic rejects: use the fallback
        record["published"] = published
        return Document.model_validate(record)
