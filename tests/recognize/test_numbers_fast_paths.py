"""The indexed tests of find_counts answer as the plain scans they replace."""

from __future__ import annotations

import random

from rasd.recognize.numbers import _at_least, _role, _role_of_word, number_words
from rasd.text.tokens import Token


def _tokens(words: list[str]) -> list[Token]:
    out, pos = [], 0
    for w in words:
        out.append(Token(w, pos, pos + len(w)))
        pos += len(w) + 1
    return out


def _at_least_scan(tokens: list[Token], ts: int, te: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(t.text for t in tokens[max(0, ts - len(p)):ts]) == p for p in phrases) \
        or any(tuple(t.text for t in tokens[te:te + len(p)]) == p for p in phrases)


def _role_scan(tokens: list[Token], start: int, end: int) -> str:
    for distance in range(0, 7):
        for j in (start - 1 - distance, end + distance):
            if 0 <= j < len(tokens) and not start <= j < end:
                role = _role_of_word(tokens[j].text)
                if role:
                    return role
    return "other"


def test_at_least_and_role_match_the_scans() -> None:
    words = number_words()
    phrases = words.at_least
    vocabulary = sorted({w for p in phrases for w in p}) + ["قتل", "اصابه", "اعتقال", "في", "5", "مدنيين"]
    rng = random.Random(7)
    for _ in range(3000):
        tokens = _tokens([rng.choice(vocabulary) for _ in range(rng.randint(1, 12))])
        ts = rng.randrange(len(tokens))
        te = rng.randint(ts + 1, min(len(tokens), ts + 2))
        for table in (phrases, phrases + ((),)):
            assert _at_least(tokens, ts, te, table) == _at_least_scan(tokens, ts, te, table)
        assert _role(tokens, ts, te) == _role_scan(tokens, ts, te)
