"""Is a document Arabic? rasd's lexicons and rules only read Arabic, so a page in another
language can only give noise or nothing; it is set aside as skipped, not analyzed.

A script count, not a language model: what matters to rasd is whether the text is
written in Arabic script, and counting letters is exact, fast (one regex pass) and needs
no model. Digits, punctuation and Latin names quoted inside an Arabic article do not
tip it: only letters are counted, and half of them being Arabic is enough.
"""

from __future__ import annotations

import re

_ARABIC_RANGES = (r"\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff"
                  r"\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc")
#: Arabic, Arabic Supplement, Arabic Extended-A, Presentation Forms A and B.
ARABIC_LETTER = re.compile(f"[{_ARABIC_RANGES}]")
LETTER = re.compile(r"[^\W\d_]")
# Counted by deleting: one C-level pass builds one shorter string, where ``findall``
# would build a string per letter (this runs in the ingest parent, once per document).
_ARABIC_LETTERS = re.compile(f"[{_ARABIC_RANGES}]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")
#: Share of Arabic letters among all letters below which a document is not Arabic.
MIN_ARABIC_SHARE = 0.5


def arabic_share(text: str) -> float:
    """Arabic letters / all letters, Arabic or not (0.0 when the text has no letters)."""
    rest = _ARABIC_LETTERS.sub("", text)
    arabic = len(text) - len(rest)
    letters = arabic + len(_NOT_LETTER.sub("", rest))
    return arabic / letters if letters else 0.0


def not_arabic(text: str) -> str | None:
    """Why ``text`` is not Arabic (a phrase for the skip record), or None if it is."""
    share = arabic_share(text)
    if share >= MIN_ARABIC_SHARE:
        return None
    if not LETTER.search(text):
        return "not Arabic (no letters)"
    return f"not Arabic ({share:.0%} of letters are Arabic)"
