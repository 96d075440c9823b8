import pytest

from rasd.text.normalize import normalize
from rasd.text.tokens import TOKEN_RE, PhraseMatcher, clitic_variants, reads_as, reads_as_with_and, tokenize


def _find(matcher: PhraseMatcher, text: str) -> list[tuple[str, str]]:
    n = normalize(text)
    out = []
    for m in matcher.find(tokenize(n)):
        a, b = n.original_span(m.start, m.end)
        out.append((m.payload, text[a:b]))
    return out


@pytest.fixture()
def places() -> PhraseMatcher:
    m: PhraseMatcher = PhraseMatcher()
    for name in ("ريف", "مدينة", "بلدة", "التحالف", "التنظيم", "القرب", "بريهة", "البوكمال", "الباب", "دير الزور"):
        m.add(name, name)
    return m


@pytest.mark.parametrize("text, expected", [
    ("بريف حلب", ("ريف", "ريف")),
    ("لمدينة هجين", ("مدينة", "مدينة")),
    ("وبلدة الشعفة", ("بلدة", "بلدة")),
    ("والتحالف الدولي", ("التحالف", "التحالف")),
    ("بالقرب من", ("القرب", "القرب")),
    ("وبالبوكمال", ("البوكمال", "البوكمال")),
])
def test_names_are_found_inside_clitics(places: PhraseMatcher, text: str, expected: tuple[str, str]) -> None:
    assert _find(places, text)[0] == expected


def test_lam_lam_restores_the_article(places: PhraseMatcher) -> None:
    found = _find(places, "للتنظيم")
    assert found and found[0][0] == "التنظيم"


@pytest.mark.parametrize("name", ["بريهة", "البوكمال", "الباب"])
def test_names_beginning_with_clitic_letters_stay_whole(places: PhraseMatcher, name: str) -> None:
    assert _find(places, f"في {name} اليوم") == [(name, name)]


def test_multiword_and_glued_forms(places: PhraseMatcher) -> None:
    assert _find(places, "شرقي دير الزور")[0][0] == "دير الزور"
    assert _find(places, "#ديرالزور")[0][0] == "دير الزور"


def test_clitic_variants_first_is_the_word_itself() -> None:
    assert clitic_variants("بريهة")[0] == ("بريهة", 0)
    assert ("ريف", 1) in clitic_variants("بريف")


def test_tokenize_finds_the_words_and_their_offsets() -> None:
    n = normalize("قال: «قُتل ٣ مدنيين» في غارة على دير_الزور، اليوم.. abc-12")
    expected = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(n.norm)]
    assert [tuple(t) for t in tokenize(n)] == expected
    assert tokenize(normalize("")) == [] and tokenize(normalize(" ،. ")) == []


@pytest.mark.parametrize("text, expected", [
    # ant-multisource:FR-internationalNews-2431-20180721, saudinewsnet:2015-08-11-0371-a79a04ce67:
    # a word glued to a number is two tokens
    ("أن26 مدنيا", ["ان", "26", "مدنيا"]),
    ("مقتل20 وإصابة", ["مقتل", "20", "واصابه"]),
    # a clitic glued to a number stays with it, as the number readers expect
    ("و21 مسلحا", ["و21", "مسلحا"]),
    ("خلال ال48 ساعة", ["خلال", "ال48", "ساعه"]),
])
def test_a_word_glued_to_a_number_is_two_tokens(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokenize(normalize(text))] == expected


def test_the_toll_glued_to_its_word_is_read(shared_pipeline) -> None:  # type: ignore[no-untyped-def]
    from tests.events.helpers import events_of

    text = "وأفاد المرصد أيضا أن26  مدنيا قتلوا إثر قصف جوي عنيف استهدف الجمعة بلدة نوى في ريف درعا."
    assert [e.fatalities for e in events_of(shared_pipeline, text, "2018-07-21")] == [26]


def test_a_two_letter_word_after_a_clitic_starts_only_a_longer_phrase() -> None:
    # "وتل واسط" is و + "تل واسط"; "وتل" alone is not و + "تل", nor "وهو" و + "هو"
    matcher: PhraseMatcher[str] = PhraseMatcher()
    matcher.add("تل واسط", "village")
    matcher.add("هو", "pronoun")
    found = matcher.find(tokenize(normalize("قرى الزيارة وتل واسط وهو")))
    assert [(m.payload, m.clitic) for m in found] == [("village", "و")]


def test_a_short_word_reads_with_a_glued_and() -> None:
    # "وأن" (normalized "وان"): reads_as keeps a clitic that would leave two letters
    table = frozenset({"ان", "في"})
    assert not reads_as("وان", table)
    assert reads_as_with_and("وان", table) and reads_as_with_and("فان", table) and reads_as_with_and("في", table)
    assert not reads_as_with_and("لان", table) and not reads_as_with_and("وانت", table)
