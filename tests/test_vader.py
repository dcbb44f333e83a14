"""FastVader (tracker/vader.py) scores exactly as vaderSentiment 3.3.2 does, for any string.

Each check compares the whole ``polarity_scores`` dict with ``==`` and by ``repr`` (which
also tells -0.0 from 0.0 and an int from a float), and ``compound`` with its entry.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from benchmarks.corpus import iter_articles
from tracker.coding.sentences import split_sentences
from tracker.coding.tone import RELIEF_TOKEN, RELIEF_VALENCE, ToneScorer, load_overlay
from tracker.coding.vader import FastVader

ROOT = Path(__file__).resolve().parents[1]
BENCHMARK_ARTICLES = 300
BENCHMARK_SEED = 7

_ORIGINAL = SentimentIntensityAnalyzer()
_FAST = FastVader()


def assert_same(text: str, original=_ORIGINAL, fast=_FAST) -> None:
    expected = original.polarity_scores(text)
    got = fast.polarity_scores(text)
    assert got == expected, text
    assert repr(got) == repr(expected), text
    assert repr(fast.compound(text)) == repr(expected["compound"]), text


def mismatches(texts, original=_ORIGINAL, fast=_FAST) -> list[str]:
    """Texts whose scores differ (a list, so one failure shows them all)."""
    bad = []
    for text in texts:
        expected = original.polarity_scores(text)
        got = fast.polarity_scores(text)
        if repr(got) != repr(expected) or repr(fast.compound(text)) != repr(expected["compound"]):
            bad.append(text)
    return bad


# -- real text -----------------------------------------------------------------------------


def _sample_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tracker" / "data" / "samples").glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        texts.append(body)
        texts += [s.text for s in split_sentences(body)]
    for path in sorted((ROOT / "tests" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                text = record.get("text") or record.get("sentence") or ""
                texts += [text, *(s.text for s in split_sentences(text))]
    return texts


def _benchmark_sentences() -> list[str]:
    return [
        s.text
        for article in iter_articles(BENCHMARK_ARTICLES, BENCHMARK_SEED)
        for s in split_sentences(article.body)
    ]


def test_samples_and_test_data_score_identically() -> None:
    texts = _sample_texts()
    assert len(texts) > 500
    assert mismatches(texts) == []


def test_benchmark_corpus_scores_identically() -> None:
    sentences = _benchmark_sentences()
    assert len(sentences) > 5000
    assert mismatches(sentences) == []


# -- generated text that reaches every rule ------------------------------------------------

_EMOJI_CHARS = sorted(k for k in _ORIGINAL.emojis if len(k) == 1)
_EMOJI_SEQUENCES = sorted(k for k in _ORIGINAL.emojis if len(k) > 1)  # never match as one
# One-word tokens, a line each of: lexicon words and idiom parts (3 lines), boosters,
# negations, contrast and "least", ALL CAPS, "!" and "?", emoticons, non-ASCII letters ("İ"
# lowercases to two characters, "Σ" has a final form), punctuation-wrapped words.
_WORDS = """
good bad great love hate happy sad killed war peace nice funny horrible excellent
shit bomb ass death die heart kiss stop right yeah mouth hand praised condemned
the a of to for is was it bus beating badass idea compelling kind sort just enough
very extremely kinda uber friggin FRIGGIN sorta kind-of barely hardly most so this
not no never isn't dont don't without doubt nor or cannot uh-uh n't seldom
but But BUT least at
GOOD BAD GREAT VERY NOT NO LEAST KIND OF
! ? !! ?? ??? !!!!! ?!
:) :-( :D <3 (: ;) :(
café naïve İstanbul ΣΑΣ ὈΔΥΣΣΕΎΣ straße ǅemal Ünited ÇOOL
good, (bad) "great" ... 'not' no. --love-- ok? "no" ;-)
"""
_PHRASES = [
    *("kind of", "sort of", "just enough", "at least", "very least"),  # boosters, "least"
    *("without doubt", "never so", "never this", "no or"),  # negation exceptions
    *("the shit", "the bomb", "bad ass", "kiss of death", "to die for", "beating heart"),
    *("bus stop", "yeah right", "hand to mouth", "cut the mustard"),  # idioms
]
_TOKENS = _WORDS.split() + _PHRASES
_SEPARATORS = [" ", " ", " ", " ", "", "  ", "\t", "\n", "\u00a0", "\u2003", ", "]

_token = st.one_of(
    st.sampled_from(_TOKENS),
    st.sampled_from(_TOKENS),
    st.sampled_from(_TOKENS),
    st.sampled_from(sorted(_ORIGINAL.lexicon)),
    st.sampled_from(_EMOJI_CHARS),
    st.sampled_from(_EMOJI_SEQUENCES),
    st.text(max_size=6),
)


@st.composite
def vader_texts(draw) -> str:
    tokens = draw(st.lists(_token, max_size=24))
    parts = []
    for token in tokens:
        parts += [token, draw(st.sampled_from(_SEPARATORS))]
    text = "".join(parts)
    if draw(st.booleans()):
        text = draw(st.sampled_from(["", " ", "  ", "\n", "\u00a0"])) + text
    return text


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vader_texts())
def test_generated_text_scores_identically(text: str) -> None:
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_scores_identically(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\t ",
        "good good but good bad bad",  # _but_check's list.index on equal sentiments
        "great but great but great",
        "no good no bad but good good",
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        "Not bad at all",
        "Without a doubt, an excellent idea.",
        "Roger Dodger is one of the least compelling variations on this theme.",
        "Roger Dodger is at least compelling as a variation on the theme.",
        "With VADER, sentiment analysis is the shit!",
        "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
        "Catch utf-8 emoji such as 💘 and 💋 and 😁",
        "a💘b 😁😁 ☺️ ok",  # emoji after a non-space, two in a row, a two-character key
        "He is kind of nice, kind of funny",
        "it was never so good and never this bad",
        "no or bad",
    ],
)
def test_known_cases(text: str) -> None:
    assert_same(text)


def test_lowercasing_twice_changes_nothing() -> None:
    """FastVader's negation test reads a word lowercased once; vaderSentiment's
    ``negated`` lowercases it again. That is only the same if lowering is idempotent."""
    chars = map(chr, range(sys.maxunicode + 1))
    assert [c for c in chars if c.lower().lower() != c.lower()] == []


def test_non_str_input_behaves_like_the_original() -> None:
    assert _FAST.polarity_scores(b"") == _ORIGINAL.polarity_scores(b"")
    with pytest.raises(TypeError):
        _ORIGINAL.polarity_scores(12)
    with pytest.raises(TypeError):
        _FAST.polarity_scores(12)


def test_replaced_emojis_are_used() -> None:
    fast, original = FastVader(), SentimentIntensityAnalyzer()
    fast.emojis = original.emojis = {"x": "very good", "é": "bad"}
    for text in ("x", "axb", "café", "no x", "💘"):
        assert_same(text, original, fast)


# -- a patched lexicon (the tone overlay) ----------------------------------------------------


def _patched_original(overlay: dict[str, float]) -> SentimentIntensityAnalyzer:
    """vaderSentiment with the lexicon a ToneScorer with ``overlay`` builds."""
    analyzer = SentimentIntensityAnalyzer()
    lexicon = dict(analyzer.lexicon)
    lexicon.update(overlay)
    lexicon.setdefault(RELIEF_TOKEN, RELIEF_VALENCE)
    analyzer.lexicon = lexicon
    return analyzer


def _tone_mismatches(scorer: ToneScorer, original, texts) -> list[str]:
    bad = []
    for text in texts:
        if not text or not text.strip():
            expected = 0.0
        else:
            expected = float(original.polarity_scores(scorer.prepare(text))["compound"])
        if repr(scorer.score(text)) != repr(expected):
            bad.append(text)
    return bad


def test_tone_overlay_scores_like_the_patched_original() -> None:
    scorer = ToneScorer()
    original = _patched_original(load_overlay())
    texts = _sample_texts() + _benchmark_sentences()[:3000]
    assert _tone_mismatches(scorer, original, texts) == []
    assert mismatches(texts, original, scorer._analyzer) == []


# Words whose presence in the lexicon switches rules off or on: "least", "but", "no", "kind",
# boosters, negations and idiom parts.
_RULE_WORDS = ["least", "but", "no", "kind", "very", "so", "not", "never", "doubt", "the", "of"]


@settings(max_examples=120, deadline=None)  # each example builds two analyzers
@given(
    st.dictionaries(
        st.sampled_from([*_RULE_WORDS, "summit", "sanctions", "looked_forward"]),
        st.sampled_from([-4.0, -1.5, 0.0, 2.0, 3.5, -3]),
        max_size=6,
    ),
    st.lists(vader_texts(), min_size=1, max_size=5),
)
def test_custom_overlay_scores_like_the_patched_original(overlay, texts) -> None:
    scorer = ToneScorer(overlay=overlay)
    original = _patched_original(overlay)
    texts = [*texts, "they looked forward to the summit", "the sanctions were lifted"]
    assert _tone_mismatches(scorer, original, texts) == []
    assert mismatches(texts, original, scorer._analyzer) == []
