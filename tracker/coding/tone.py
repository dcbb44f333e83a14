"""Dyadic tone: VADER's compound score with a geopolitical lexicon overlay.

VADER is a good general-purpose base but it reads news about states wrongly in two ways:
topic nouns carry valence ("prisoners" is -2.3, so "the release of 16 political prisoners"
comes out negative) and relationship words are missing ("sanctions", "invasion", "summit").
``tracker/data/en/lexicon_geo.tsv`` fixes both; docs/tone_and_events.md explains every choice.

Build one :class:`ToneScorer` per process (:func:`default_tone_scorer`): VADER reads its
7,500-line lexicon file on every construction. Scoring uses :class:`tracker.coding.vader.FastVader`,
an exact and faster VADER (the same compound, bit for bit, as vaderSentiment's).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType

from tracker.coding.vader import FastVader

OVERLAY_FILE = "en/lexicon_geo.tsv"
VALENCE_LIMIT = 4.0  # VADER's lexicon scale is -4..+4 (Hutto & Gilbert 2014)
PHRASE_JOIN = "_"  # an overlay entry "looked_forward" scores the phrase "looked forward"
# Sanction relief ("lifted sanctions on", "sanctions ... have been eased"): the sanction word
# is read as this token instead, and the relief verb as a neutral word (docs/tone_and_events.md).
RELIEF_TOKEN = "sanctions_relief"
RELIEF_VALENCE = 1.5  # as warm as a ceasefire: a concession (CAMEO 08), not praise
RELIEF_GAP = 5  # words allowed between the relief verb and the sanction word (either order)
_RELIEF_VERBS = (
    r"lift|lifts|lifted|lifting|ease|eases|eased|easing|remove|removes|removed|removing|"
    r"relax|relaxes|relaxed|relaxing|suspend|suspends|suspended|suspending|scrap|scraps|"
    r"scrapped|scrapping|waive|waives|waived|waiving|unfreeze|unfroze|unfrozen|roll back|"
    r"rolled back|rolls back|drop|drops|dropped|dropping"
)
_RELIEF_OBJECTS = r"sanctions?|embargo(?:es)?|tariffs?|restrictions"
_NO_RELIEF = re.compile(r"\b(?:not|no|never|without|refused|rejected|declined)\b|n't", re.I)
_RELIEF = re.compile(
    rf"\b(?P<verb>{_RELIEF_VERBS})\b(?P<gap>(?:\W+[\w.'-]+){{0,{RELIEF_GAP}}}?\W+)"
    rf"(?P<obj>{_RELIEF_OBJECTS})\b"
    rf"|\b(?P<obj2>{_RELIEF_OBJECTS})\b(?P<gap2>(?:\W+[\w.'-]+){{0,{RELIEF_GAP}}}?\W+)"
    rf"(?P<verb2>lifted|eased|removed|relaxed|suspended|scrapped|waived|dropped|rolled back)\b",
    re.IGNORECASE,
)


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
        # (a phrase is written with "_" between its words: looked_forward)
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
        self._analyzer = FastVader()
        lexicon = dict(self._analyzer.lexicon)  # a private copy: never mutate a shared dict
        # VADER looks words up lowercased, so an overlay key is too ("Looked_Forward").
        extra = load_overlay() if overlay is None else {k.lower(): v for k, v in overlay.items()}
        lexicon.update(extra)
        lexicon.setdefault(RELIEF_TOKEN, RELIEF_VALENCE)
        overlay_digest = hashlib.sha256(repr(sorted(extra.items())).encode()).hexdigest()[:8]
        self.version = f"vader3.3.2+overlay.{overlay_digest}"  # FastVader == VADER 3.3.2
        self._analyzer.lexicon = lexicon
        phrases = sorted((w for w in extra if PHRASE_JOIN in w.strip(PHRASE_JOIN)), key=len)
        self._phrases: dict[str, str] = {p.replace(PHRASE_JOIN, " "): p for p in phrases}
        # The regex matches case-insensitively, which in Unicode also pairs "ſ" with "s" and
        # the Kelvin sign with "k": look a match up by its case fold, never by .lower() alone.
        self._phrase_of = {p.casefold(): joined for p, joined in self._phrases.items()}
        self._phrase_re = (
            re.compile(
                r"\b(?:" + "|".join(re.escape(p) for p in reversed(self._phrases)) + r")\b",
                re.IGNORECASE,
            )
            if self._phrases
            else None
        )
        # For ASCII text, IGNORECASE matching of ASCII phrases is plain ASCII case folding,
        # so a phrase can only match if it is a substring of text.lower(): a cheap test that
        # skips the regex for most sentences. Other text always goes through the regex.
        needles = tuple(p.lower() for p in self._phrases)
        self._phrase_needles = needles if all(p.isascii() for p in needles) else None

    @property
    def lexicon(self) -> Mapping[str, float]:
        """The effective lexicon (VADER's plus the overlay), read-only."""
        return MappingProxyType(self._analyzer.lexicon)

    def score(self, text: str) -> float:
        """VADER compound score of ``text`` with the overlay; 0.0 for blank text."""
        if not text or not text.strip():
            return 0.0
        return float(self._analyzer.compound(self.prepare(text)))

    def prepare(self, text: str) -> str:
        """The text VADER reads: overlay phrases joined into one token, sanction relief
        rewritten ("lifted sanctions" -> "lifted sanctions_relief"; the relief verb itself is
        read as neutral "lifted"). A negation inside the phrase keeps the sanctions hostile."""
        if self._phrase_re is not None and self._may_hold_phrase(text):
            text = self._phrase_re.sub(self._join_phrase, text)
        if "anction" in text or "mbargo" in text or "ariff" in text or "estriction" in text:
            text = _RELIEF.sub(_relieve, text)
        return text

    def _join_phrase(self, match: re.Match[str]) -> str:
        return self._phrase_of.get(match.group().casefold(), match.group())

    def _may_hold_phrase(self, text: str) -> bool:
        """False only if no overlay phrase can match ``text`` (see ``_phrase_needles``)."""
        if self._phrase_needles is None or not text.isascii():
            return True
        lowered = text.lower()
        return any(map(lowered.__contains__, self._phrase_needles))


def _relieve(m: re.Match[str]) -> str:
    if _NO_RELIEF.search(m.group()):
        return m.group()
    if m.group("verb") is not None:
        return f"lifted{m.group('gap')}{RELIEF_TOKEN}"
    return f"{RELIEF_TOKEN}{m.group('gap2')}lifted"


@cache
def default_tone_scorer() -> ToneScorer:
    """One scorer with the packaged overlay per process."""
    return ToneScorer()
