"""Properties of tracker.coding.score.score_article over arbitrary text (hypothesis).

For any text -- random Unicode, or sentences assembled from country names, capitals,
demonyms, leader names, event verbs, negations, hedges, quotes and punctuation -- scoring
never raises and every number stays in its documented range:

* tone in [-1, 1] (per sentence and per pair), event intensity in [-10, 10], quad_class 1..4,
  mode a Mode, category one of PLOVER's 16;
* pairs sorted, two different alpha-3 codes, pairs of the article sorted and unique;
* source/target each in the pair or None, never equal;
* event spans and mention offsets inside the sentence text; sentence indexes inside the
  article; the event's sentence is one of the pair's dyadic sentences.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.models import Article, DateSource, Mode, ScoredArticle, article_id

score = pytest.importorskip("tracker.coding.score")

PLOVER = frozenset((
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
))  # fmt: skip
ACTORS = (
    "the United States", "U.S.", "US", "America", "Washington", "American", "Americans",
    "Belarus", "Belarusian", "Minsk", "Russia", "Russian", "Moscow", "the Kremlin",
    "Ukraine", "Ukrainian", "Kyiv", "Kiev", "China", "Beijing", "Chinese", "Poland", "Warsaw",
    "Lithuania", "Vilnius", "Germany", "Berlin", "France", "Paris", "Iran", "Tehran",
    "Israel", "Gaza", "Georgia", "Turkey", "the European Union", "NATO", "the UN",
    "Donald Trump", "Trump", "President Trump", "Joe Biden", "Biden", "Barack Obama",
    "Vladimir Putin", "Putin", "Alexander Lukashenko", "Lukashenko", "Volodymyr Zelensky",
    "Zelensky", "Xi Jinping", "Xi", "Sviatlana Tsikhanouskaya", "Minsk agreements",
    "Georgia (U.S. state)", "Jordan", "Chad", "Niger", "Guinea", "he", "she", "they", "it",
)  # fmt: skip
VERBS = (
    "praised", "criticised", "condemned", "imposed sanctions on", "lifted sanctions on",
    "signed an agreement with", "held talks with", "spoke by phone with", "met", "threatened",
    "accused", "attacked", "invaded", "shelled", "sent aid to", "released prisoners to",
    "expelled diplomats from", "urged", "rejected", "demanded", "warned", "thanked",
    "may impose sanctions on", "did not attack", "refused to meet", "could sign a deal with",
    "previously sanctioned", "will visit", "was sanctioned by", "were attacked by",
    "agreed to", "mobilized troops near", "protested against", "asked", "cooperated with",
)  # fmt: skip
GLUE = (
    "and", "or", "but", "while", "after", "because", "with", "against", "to", "from",
    "between", "on", "over", ", the Kremlin said", ", according to Minsk", "in 2020",
    "following the 2020 elections", "on Friday", "not", "never", "potentially", "if",
    "reportedly", "said", "—", ";", ":", ",", "(", ")", '"', "'", "U.S.-Belarus", "Russia-Ukraine",
    "1,300", "16", "political prisoners", "the release of", "talks", "war", "peace",
)  # fmt: skip
END = (".", "!", "?", "...", "", "\n", "\n\n", ". ", "?!")

words = st.sampled_from(ACTORS + VERBS + GLUE)
sentence = st.builds(
    lambda parts, end: " ".join(parts) + end,
    st.lists(words, min_size=1, max_size=14),
    st.sampled_from(END),
)
built_text = st.lists(sentence, min_size=1, max_size=8).map(" ".join)
mixed_text = st.lists(st.one_of(sentence, st.text(max_size=40)), min_size=1, max_size=6).map(
    lambda parts: "".join(parts)
)
any_text = st.one_of(st.text(min_size=1, max_size=300), built_text, mixed_text)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2026, 1, 1))


@pytest.fixture(scope="module")
def scorer() -> score.Scorer:
    return score.default_scorer()


def make_article(text: str, day: date) -> Article:
    return Article(
        id=article_id(text),
        origin="hypothesis.txt",
        title=text[:40],
        text=text,
        published_at=day,
        date_source=DateSource.CALLER,
    )


def check_ranges(result: ScoredArticle) -> None:
    n_sentences = result.sentence_count
    pairs = [p.pair for p in result.pairs]
    assert pairs == sorted(pairs) and len(set(pairs)) == len(pairs)
    for pair_score in result.pairs:
        a, b = pair = pair_score.pair
        assert a < b and len(a) == len(b) == 3 and a.isalpha() and b.isalpha() and a.isupper()
        assert -1.0 <= pair_score.tone <= 1.0
        assert pair_score.sentences, "a pair with no dyadic sentence"
        dyadic = {s.sentence_index for s in pair_score.sentences}
        for s in pair_score.sentences:
            assert s.pair == pair
            assert -1.0 <= s.tone <= 1.0
            assert 0 <= s.sentence_index < n_sentences
            assert s.source in (*pair, None) and s.target in (*pair, None)
            assert (s.source is None) == (s.target is None)
            assert s.source is None or s.source != s.target
            for m in s.mentions:
                if m.kind != "pronoun":
                    assert 0 <= m.start < m.end <= len(s.text), (m, s.text)
                    assert s.text[m.start : m.end] == m.surface, (m, s.text)
        for e in pair_score.events:
            assert e.pair == pair
            assert e.category in PLOVER
            assert isinstance(e.mode, Mode)
            assert -10.0 <= e.intensity <= 10.0
            assert e.quad_class in (1, 2, 3, 4)
            assert e.source in (*pair, None) and e.target in (*pair, None)
            assert e.source is None or e.source != e.target
            assert 0 <= e.span_start < e.span_end <= len(e.text), (e, e.text)
            assert e.sentence_index in dyadic
            assert e.year is None or 1900 <= e.year <= 2100


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, day=days)
def test_score_article_never_raises_and_stays_in_range(scorer, text, day):
    check_ranges(score.score_article(make_article(text, day), scorer))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=built_text, day=days)
def test_scoring_is_deterministic(scorer, text, day):
    article = make_article(text, day)
    assert score.score_article(article, scorer) == score.score_article(article, scorer)


@pytest.mark.parametrize(
    "text",
    [
        "Trump praised Lukashenko for the release of 16 political prisoners.",
        "The United States did not impose sanctions on Belarus.",
        "Russia may attack Ukraine. Ukraine asked NATO for help!",
        "U.S.-Belarus talks; Russia-Ukraine war (2014) — Minsk agreements.",
        "Putin Putin Putin Trump Trump Trump. " * 50,
        "\u202eBelarus\u202c praised \u200bRussia\u00ad.",
        "Belarus" + "\u0301" * 50 + " sanctioned Poland.",
    ],
    ids=["seed", "negated", "hypothetical", "compounds", "repeated", "bidi", "combining"],
)
def test_known_tricky_texts_stay_in_range(scorer, text):
    check_ranges(score.score_article(make_article(text, date(2025, 8, 15)), scorer))
