"""Dyadic tone: VADER's compound score with a geopolitical lexicon overlay.

VADER is a good general-purpose base but it reads news about states wrongly in two ways:
topic nouns carry valence ("prisoners" is -2.3, so "the release of 16 political prisoners"
comes out negative) and relationship words are missing ("sanctions", "invasion", "summit").
``tracker/data/lexicon_geo.tsv`` fixes both; docs/tone_and_events.md explains every choice.

Build one :class:`ToneScorer` per process (:func:`default_tone_scorer`): VADER reads its
7,500-line lexicon file on every construction.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

OVERLAY_FILE = "lexicon_geo.tsv"
VALENCE_LIMIT = 4.0  # VADER's lexicon scale is -4..+4 (Hutto & Gilbert 2014)


def parse_overlay(raw: str) -> dict[str, float]:
    """Parse overlay TSV text: ``word<TAB>valence<TAB>reason``; ``#`` lines are comments."""
    overlay: dict[str, float] = {}
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise ValueError(f"{OVERLAY_FILE}:{lineno}: expected word<TAB>valence[<TAB>reason]")
        word, value = fields[0].strip().lower(), float(fields[1])
        if not word or " " in word:
            raise ValueError(f"{OVERLAY_FILE}:{lineno}: one token per line, got {word!r}")
        if not -VALENCE_LIMIT <= value <= VALENCE_LIMIT:
            raise ValueError(f"{OVERLAY_FILE}:{lineno}: valence {value} outside -4..+4")
        overlay[word] = value
    return overlay


@cache
def _overlay() -> Mapping[str, float]:
    raw = files("tracker.data").joinpath(OVERLAY_FILE).read_text(encoding="utf-8")
    return MappingProxyType(parse_overlay(raw))


def load_overlay() -> dict[str, float]:
    """The packaged geopolitical overlay (read once per process; a fresh dict each call)."""
    return dict(_overlay())


class ToneScorer:
    """VADER compound (-1..+1) with a lexicon overlay applied to this instance only."""

    def __init__(self, overlay: Mapping[str, float] | None = None) -> None:
        self._analyzer = SentimentIntensityAnalyzer()
        lexicon = dict(self._analyzer.lexicon)  # a private copy: never mutate a shared dict
        lexicon.update(load_overlay() if overlay is None else overlay)
        self._analyzer.lexicon = lexicon

    @property
    def lexicon(self) -> Mapping[str, float]:
        """The effective lexicon (VADER's plus the overlay), read-only."""
        return MappingProxyType(self._analyzer.lexicon)

    def score(self, text: str) -> float:
        """VADER compound score of ``text`` with the overlay; 0.0 for blank text."""
        if not text or not text.strip():
            return 0.0
        return float(self._analyzer.polarity_scores(text)["compound"])


@cache
def default_tone_scorer() -> ToneScorer:
    """One scorer with the packaged overlay per process."""
    return ToneScorer()
