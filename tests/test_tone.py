"""Tone: VADER with the geopolitical overlay (tracker/tone.py, tracker/data/en/lexicon_geo.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from tracker.coding.tone import (
    _RELIEF,
    ToneScorer,
    _relieve,
    default_tone_scorer,
    load_overlay,
    parse_overlay,
)

SEED = "President Trump praised Lukashenko for his role in the release of 16 political prisoners"


@pytest.fixture(scope="module")
def scorer() -> ToneScorer:
    return default_tone_scorer()


def test_seed_sentence_is_clearly_positive(scorer: ToneScorer) -> None:
    raw = SentimentIntensityAnalyzer().polarity_scores(SEED)["compound"]
    assert raw < 0.05  # the failure the overlay exists for
    assert scorer.score(SEED) >= 0.4


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        (SEED, 1),
        ("The United States imposed new sanctions on Belarus.", -1),
        ("Washington expanded sanctions against Russian banks.", -1),
        ("Russia launched a full-scale invasion of Ukraine.", -1),
        ("Moscow expelled two American diplomats.", -1),
        ("Belarus forced the diversion of a Ryanair flight and arrested a journalist.", -1),
        ("The annexation of Crimea was condemned by Washington.", -1),
        ("The regime's crackdown on protesters drew a sharp rebuke.", -1),
        ("Russian troops shelled the city overnight.", -1),
        ("Moscow issued an ultimatum to Kyiv.", -1),
        ("The embargo on Belarusian potash remains in force.", -1),
        ("Lukashenko released 52 prisoners, including a U.S. citizen.", 1),
        ("Trump and Putin will hold a summit in Alaska.", 1),
        ("The two sides held constructive talks in Geneva.", 1),
        ("A ceasefire was agreed on Friday.", 1),
        ("Analysts spoke of a rapprochement between Minsk and Washington.", 1),
        ("The era of detente between Moscow and Washington began in 1969.", 1),
        ("The two countries signed a treaty on cooperation.", 1),
        ("The United States welcomed the release of the political prisoners.", 1),
        ("Washington thanked Minsk for freeing the detainees.", 1),
        ("Both leaders praised the breakthrough in negotiations.", 1),
        ("The United States will send humanitarian aid to Belarus.", 1),
        ("The meeting took place in Minsk on Tuesday, the ministry said.", 0),
        ("The United States and Belarus held elections this year.", 0),
        ("Lukashenko spoke to reporters in Minsk.", 0),
        ("The Security Council meets in New York.", 0),
        ("The prisoners were moved to another city.", 0),
    ],
)
def test_sign(scorer: ToneScorer, text: str, sign: int) -> None:
    score = scorer.score(text)
    if sign > 0:
        assert score >= 0.2, score
    elif sign < 0:
        assert score <= -0.2, score
    else:
        assert abs(score) < 0.2, score


def test_overlay_does_not_touch_other_analyzers() -> None:
    before = SentimentIntensityAnalyzer()
    assert "sanctions" not in before.lexicon
    prisoners = before.lexicon["prisoners"]
    scorer = ToneScorer()
    after = SentimentIntensityAnalyzer()
    assert "sanctions" not in before.lexicon and "sanctions" not in after.lexicon
    assert before.lexicon["prisoners"] == prisoners == after.lexicon["prisoners"]
    assert scorer.lexicon["prisoners"] == 0.0
    assert scorer.lexicon["sanctions"] < 0


def test_custom_overlay_is_used() -> None:
    plain = ToneScorer(overlay={})
    custom = ToneScorer(overlay={"summit": 3.5})
    assert plain.score("a summit") == 0.0
    assert custom.score("a summit") > 0.5


def test_load_overlay_is_cached_and_a_copy() -> None:
    first = load_overlay()
    first["prisoners"] = -4.0
    assert load_overlay()["prisoners"] == 0.0
    assert default_tone_scorer() is default_tone_scorer()


def test_overlay_file_is_well_formed() -> None:
    overlay = load_overlay()
    assert len(overlay) >= 80
    assert all(-4.0 <= v <= 4.0 and " " not in k and k == k.lower() for k, v in overlay.items())
    for word in ("sanctions", "invasion", "summit", "talks", "ceasefire", "release"):
        assert word in overlay


@pytest.mark.parametrize(
    "bad", ["word", "two words\t1.0\tx", "word\t5.0\tout of range", "word\tnot-a-number"]
)
def test_parse_overlay_rejects_bad_lines(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_overlay(bad)


def test_blank_text_is_zero(scorer: ToneScorer) -> None:
    assert scorer.score("") == 0.0
    assert scorer.score("   \n") == 0.0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_score_is_bounded(text: str) -> None:
    score = default_tone_scorer().score(text)
    assert -1.0 <= score <= 1.0


def _prepare_unfiltered(scorer: ToneScorer, text: str) -> str:
    """``prepare`` as it was before the ASCII substring pre-test: the phrase regex always."""
    if scorer._phrase_re is not None:
        text = scorer._phrase_re.sub(scorer._join_phrase, text)
    if "anction" in text or "mbargo" in text or "ariff" in text or "estriction" in text:
        text = _RELIEF.sub(_relieve, text)
    return text


_PHRASE_BITS = [
    *("looked forward", "LOOKED  FORWARD", "Looking Forward", "look-forward", "lookedforward"),
    *("sent troops", "deployed troops", "closed the border", "called off", "call offs"),
    *("lifted sanctions", "sanctions were eased", "not lifted the embargo", "tariffs dropped"),
    *("Ünited", "İ", "ſent troops", "\u212aiev", ".", ",", "\n", "to", "the", "Minsk"),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PHRASE_BITS), st.text(max_size=5)), max_size=12))
def test_prepare_matches_the_unfiltered_regex(bits: list[str]) -> None:
    scorer = default_tone_scorer()
    text = " ".join(bits)
    assert scorer.prepare(text) == _prepare_unfiltered(scorer, text)


def test_prepare_matches_the_unfiltered_regex_on_the_samples() -> None:
    scorer = default_tone_scorer()
    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "tracker" / "data" / "samples").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert scorer.prepare(line) == _prepare_unfiltered(scorer, line), line


def test_a_phrase_matched_through_a_unicode_case_fold_is_joined_not_a_crash() -> None:
    # "ſ" (long s) and the Kelvin sign match "s" and "k" under IGNORECASE; the lookup of the
    # matched text used to raise KeyError and lose the whole article.
    scorer = default_tone_scorer()
    assert scorer.prepare("They ſent troops to the border.") == "They sent_troops to the border."
    assert scorer.score("They ſent troopſ to the border.") == scorer.score(
        "They sent troops to the border."
    )


def test_overlay_keys_are_read_case_insensitively_like_vader_words() -> None:
    upper = ToneScorer({"Looked_Forward": 2.0})
    lower = ToneScorer({"looked_forward": 2.0})
    sentence = "Minsk looked forward to the visit."
    assert upper.prepare(sentence) == "Minsk looked_forward to the visit."
    assert upper.score(sentence) == lower.score(sentence) > 0
