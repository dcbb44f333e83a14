"""VADER 3.3.2, exact and faster: the same scores as vaderSentiment, bit for bit.

vaderSentiment's ``polarity_scores`` is the tone stage's cost, and most of it is waste, not
arithmetic: the emoji pass rebuilds the text one character at a time, ``_negation_check``
and ``_special_idioms_check`` lowercase the whole sentence again for every lexicon word
and every look-back distance (quadratic in sentence length), and ``negated`` scans a
60-word list. :class:`FastVader` lowercases the words once, skips the emoji pass when no
character is an emoji, and looks negations and idioms up in sets and tuple-keyed dicts.

Faithfulness comes first. Every rule is applied in the original order with the original
float operations (``valence + 0.0`` included: it turns -0.0 into 0.0), so results are
identical for any ``str``, quirks included:

* ``_but_check`` is vaderSentiment's own (its ``list.index`` on equal values halves or
  boosts the wrong sentiment when two are equal, and that is kept).
* ``negated`` lowercases an already lowercased word; ``str.lower`` is idempotent for every
  code point (checked in tests/test_vader.py), so one lowering gives the same answer.
* Emoji keys of more than one character never match (the original compares one character
  at a time), so only one-character keys are looked for.

Anything that is not exactly ``str`` goes to the original implementation. The lexicon is
read at call time (replace or patch ``lexicon`` freely); ``emojis`` may be replaced but
not mutated in place (the set of emoji characters is derived when it is assigned).
"""

from __future__ import annotations

import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")


def _phrase_table(table: dict, size: int) -> dict[tuple[str, ...], float]:
    """Entries of ``table`` that are ``size`` space-separated words, keyed by word tuple.

    A sentence word never contains whitespace (they come from ``str.split``), so the
    original's ``"{0} {1}".format(a, b) in table`` is true exactly when ``(a, b)`` is here.
    """
    return {tuple(k.split(" ")): v for k, v in table.items() if k.count(" ") == size - 1}


_SPECIAL_2 = _phrase_table(SPECIAL_CASES, 2)
_SPECIAL_3 = _phrase_table(SPECIAL_CASES, 3)
_BOOSTER_2 = _phrase_table(BOOSTER_DICT, 2)  # no booster has three words
_IDIOM_WORDS = frozenset(w for t in (_SPECIAL_2, _SPECIAL_3, _BOOSTER_2) for k in t for w in k)


def _negated(word_lower: str) -> bool:
    """vaderSentiment's ``negated([word])`` for one lowercased word."""
    return word_lower in _NEGATE or "n't" in word_lower


class FastVader(SentimentIntensityAnalyzer):
    """A drop-in :class:`SentimentIntensityAnalyzer` with an exact, faster scorer."""

    @property
    def emojis(self) -> dict[str, str]:
        return self._emojis

    @emojis.setter
    def emojis(self, value: dict[str, str]) -> None:
        self._emojis = value
        self._emoji_chars = frozenset(k for k in value if len(k) == 1)
        self._ascii_emoji = any(k.isascii() for k in self._emoji_chars)  # none in VADER's

    def polarity_scores(self, text):
        """Same dict as ``SentimentIntensityAnalyzer.polarity_scores(text)``."""
        if type(text) is not str:
            return super().polarity_scores(text)
        text, sentiments = self._sentiments(text)
        return self.score_valence(sentiments, text)

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]`` without the pos/neg/neu shares."""
        if type(text) is not str:
            return super().polarity_scores(text)["compound"]
        text, sentiments = self._sentiments(text)
        if not sentiments:
            return 0.0
        sum_s = float(sum(sentiments))
        punct_emph_amplifier = self._punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        return round(normalize(sum_s), 4)

    def _replace_emojis(self, text: str) -> str:
        """The original emoji pass (each emoji becomes its description, set off by a
        space from a preceding non-space), then ``strip``."""
        if (text.isascii() and not self._ascii_emoji) or self._emoji_chars.isdisjoint(text):
            return text.strip()
        emojis = self._emojis
        parts: list[str] = []
        prev_space = True
        for ch in text:
            if ch in emojis:
                if not prev_space:
                    parts.append(" ")
                parts.append(emojis[ch])
                prev_space = False
            else:
                parts.append(ch)
                prev_space = ch == " "
        return "".join(parts).strip()

    def _sentiments(self, text: str) -> tuple[str, list]:
        """The emoji-free text and its words' sentiments after the 'but' rule.

        A word scores only if it is in the lexicon and is neither a booster nor the "kind"
        of "kind of"; the others score int 0, as in the original. ASCII words are lowercased
        in one call on the joined text (the same as word by word: there is no context in
        ASCII case mapping and no word contains a space)."""
        text = self._replace_emojis(text)
        # SentiText: punctuation is stripped from a token unless <= 2 characters would be
        # left (then it is likely an emoticon such as ":)" and kept whole)
        words = [s if len(s := w.strip(_PUNCTUATION)) > 2 else w for w in text.split()]
        if words and text.isascii():
            lower = " ".join(words).lower().split(" ")
        else:
            lower = [w.lower() for w in words]
        lexicon = self.lexicon
        sentiments: list = [0] * len(words)
        scored = [i for i, w in enumerate(lower) if w in lexicon]
        if scored:
            n_words = len(words)
            is_cap_diff = 0 < n_words - sum(map(str.isupper, words)) < n_words
            last = n_words - 1
            for i in scored:
                item_lower = lower[i]
                if item_lower in BOOSTER_DICT or (
                    item_lower == "kind" and i < last and lower[i + 1] == "of"
                ):
                    continue
                sentiments[i] = self._valence(words, lower, i, is_cap_diff)
        if "but" in lower:
            sentiments = SentimentIntensityAnalyzer._but_check(words, sentiments)
        return text, sentiments

    def _valence(self, words: list[str], lower: list[str], i: int, is_cap_diff: bool):
        """sentiment_valence for the lexicon word at ``i``, rule for rule."""
        lexicon = self.lexicon
        item_lower = lower[i]
        valence = lexicon[item_lower]
        if item_lower == "no" and i != len(lower) - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in _OR_NOR)
        ):
            valence = lexicon[item_lower] * N_SCALAR
        if words[i].isupper() and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR

        # start_i == 0: the word just before
        if i > 0 and lower[i - 1] not in lexicon:
            s = _scalar_inc_dec(words[i - 1], lower[i - 1], valence, is_cap_diff)
            valence = valence + s
            if _negated(lower[i - 1]):
                valence = valence * N_SCALAR
        # start_i == 1: two words before
        if i > 1 and lower[i - 2] not in lexicon:
            s = _scalar_inc_dec(words[i - 2], lower[i - 2], valence, is_cap_diff)
            if s != 0:
                s = s * 0.95
            valence = valence + s
            if lower[i - 2] == "never" and lower[i - 1] in _SO_THIS:
                valence = valence * 1.25
            elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                pass
            elif _negated(lower[i - 2]):
                valence = valence * N_SCALAR
        # start_i == 2: three words before, then the idioms
        if i > 2 and lower[i - 3] not in lexicon:
            s = _scalar_inc_dec(words[i - 3], lower[i - 3], valence, is_cap_diff)
            if s != 0:
                s = s * 0.9
            valence = valence + s
            if (lower[i - 3] == "never" and lower[i - 2] in _SO_THIS) or lower[i - 1] in _SO_THIS:
                valence = valence * 1.25
            elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                pass
            elif _negated(lower[i - 3]):
                valence = valence * N_SCALAR
            valence = _special_idioms(valence, lower, i)

        # the "least" rule (_least_check)
        if i > 0 and lower[i - 1] == "least" and "least" not in lexicon:
            if i > 1:
                if lower[i - 2] != "at" and lower[i - 2] != "very":
                    valence = valence * N_SCALAR
            else:
                valence = valence * N_SCALAR
        return valence


def _scalar_inc_dec(word: str, word_lower: str, valence, is_cap_diff: bool) -> float:
    """vaderSentiment's scalar_inc_dec with the lowercased word passed in."""
    scalar = 0.0
    if word_lower in BOOSTER_DICT:
        scalar = BOOSTER_DICT[word_lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and is_cap_diff:
            if valence > 0:
                scalar += C_INCR
            else:
                scalar -= C_INCR
    return scalar


def _special_idioms(valence, lower: list[str], i: int):
    """_special_idioms_check (only reached with i > 2) with tuple lookups: the first of
    onezero, twoonezero, twoone, threetwoone, threetwo that is an idiom sets the valence,
    zeroone and zeroonetwo may override it, and 'kind of'-style bigrams before the word
    add their booster value."""
    w3, w2, w1, w0 = lower[i - 3], lower[i - 2], lower[i - 1], lower[i]
    if w0 not in _IDIOM_WORDS and w2 not in _IDIOM_WORDS:
        return valence  # every phrase looked up below contains w0 or w2
    for table, key in (
        (_SPECIAL_2, (w1, w0)),
        (_SPECIAL_3, (w2, w1, w0)),
        (_SPECIAL_2, (w2, w1)),
        (_SPECIAL_3, (w3, w2, w1)),
        (_SPECIAL_2, (w3, w2)),
    ):
        if key in table:
            valence = table[key]
            break
    n_words = len(lower)
    if n_words - 1 > i:
        key = (w0, lower[i + 1])
        if key in _SPECIAL_2:
            valence = _SPECIAL_2[key]
    if n_words - 1 > i + 1:
        key = (w0, lower[i + 1], lower[i + 2])
        if key in _SPECIAL_3:
            valence = _SPECIAL_3[key]
    for key in ((w3, w2), (w2, w1)):  # threetwoone (three words) is never a booster
        if key in _BOOSTER_2:
            valence = valence + _BOOSTER_2[key]
    return valence
