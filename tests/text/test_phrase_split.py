"""``PhraseMatcher.find_split`` and ``find_all`` agree on clitic readings of words that
also begin longer entries (the word as written wins only when it matches)."""

from rasd.text.normalize import normalize
from rasd.text.tokens import PhraseMatcher, tokenize


def _matcher() -> PhraseMatcher:
    m: PhraseMatcher = PhraseMatcher(article_insensitive=True)
    for name in ("وادي النصارى", "ادي", "دير الزور", "دير", "ير", "الرقة", "خان شيخون"):
        m.add(name, name)
    return m


def _all(m: PhraseMatcher, text: str) -> list[tuple[str, str, int]]:
    tokens = tokenize(normalize(text))
    return [(m.payload, m.clitic, m.token_end - m.token_start) for m in m.find_all(tokens)]


def test_word_as_written_beginning_a_longer_name_hides_its_clitic_reading() -> None:
    assert _all(_matcher(), "وادي النصارى") == [("وادي النصارى", "", 2)]


def test_clitic_reading_where_the_longer_name_does_not_follow() -> None:
    assert _all(_matcher(), "وادي كبير") == [("ادي", "و", 1)]


def test_a_one_word_name_as_written_hides_clitic_readings_of_any_length() -> None:
    assert _all(_matcher(), "دير الزور ثم دير") == [("دير الزور", "", 2), ("دير", "", 1), ("دير", "", 1)]


def test_article_insensitive_next_word() -> None:
    assert _all(_matcher(), "بخان الشيخون") == [("خان شيخون", "ب", 2)]


def test_split_matches_find_all() -> None:
    m = _matcher()
    for text in ("وادي النصارى وادي كبير", "دير الزور ودير", "بالرقة وخان الشيخون", "تل"):
        tokens = tokenize(normalize(text))
        one_word_at, longer = m.find_split(tokens)
        rebuilt = [(t.start + removed, i) for i in one_word_at for t in [tokens[i]]
                   for removed, _ in m.one_word_matches(t.text)]
        rebuilt += [(x.start, x.token_start) for x in longer]
        assert sorted(rebuilt) == sorted((x.start, x.token_start) for x in m.find_all(tokens))
        # a plain list (a slice) is scanned the same way
        assert m.find_all(list(tokens)) == m.find_all(tokens)
